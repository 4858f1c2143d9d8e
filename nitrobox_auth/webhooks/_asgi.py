"""The receiver as a plain ASGI 3 application: a thin driver of the core's steps.

Mounted under a prefix (Starlette ``Mount("/nitrobox", app)``, FastAPI ``app.mount``, uvicorn
``--root-path``), the routes are found relative to ``scope["root_path"]``: a server may give
``path`` with the prefix (what the ASGI spec asks for) or without it (older Starlette), and
both work. The body is read in chunks, and reading stops once it passes the size limit.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import anyio.to_thread

from nitrobox_auth.webhooks._receiver import (
    Answer,
    CallLog,
    ReadBodyStep,
    RunHandler,
    WebhookReceiver,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]


class _ClientGone(Exception):
    """The sender disconnected before the body was complete: nothing to answer."""


def relative_path(scope: Scope) -> str:
    """The request path below the mount point ``root_path``."""
    path: str = scope.get("path") or "/"
    root: str = (scope.get("root_path") or "").rstrip("/")
    if root and (path == root or path.startswith(root + "/")):
        return path[len(root) :] or "/"
    return path


class ReceiverASGIApp:
    """``receiver.asgi_app()``: serves ``POST /oauth2/token`` and ``POST /notifications``."""

    def __init__(self, receiver: WebhookReceiver) -> None:
        self.receiver = receiver

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return  # websockets are not ours; returning closes the connection
        headers = {
            name.decode("latin-1").lower(): value.decode("latin-1")
            for name, value in scope.get("headers") or []
        }
        try:
            answer = await self._answer(scope, headers, receive)
        except _ClientGone:
            return
        await send(
            {
                "type": "http.response.start",
                "status": answer.status,
                "headers": [(k.encode("latin-1"), v.encode("latin-1")) for k, v in answer.headers],
            }
        )
        await send({"type": "http.response.body", "body": answer.body})

    async def _answer(self, scope: Scope, headers: dict[str, str], receive: Receive) -> Answer:
        exchange = self.receiver.serve(scope.get("method") or "GET", relative_path(scope), headers)
        try:
            result: Any = None
            while True:
                step = exchange.send(result)
                if isinstance(step, ReadBodyStep):
                    result = await read_body(receive, step.limit)
                elif isinstance(step, CallLog):
                    blocking = step.blocking
                    result = await anyio.to_thread.run_sync(step.call) if blocking else step.call()
                else:
                    result = await run_handler(step)
        except StopIteration as done:
            answer: Answer = done.value
            return answer
        finally:
            exchange.close()  # cancelled or client gone: the core forgets the delivery


async def run_handler(step: RunHandler) -> Exception | None:
    """Coroutines on the loop, plain functions in a worker thread (a blocking handler must
    not stall other deliveries). The exception a handler raised, or None."""
    try:
        if inspect.iscoroutinefunction(step.handler):
            await step.handler(step.event)
        else:
            result = await anyio.to_thread.run_sync(step.handler, step.event)
            if inspect.isawaitable(result):
                await result
    except Exception as exc:
        return exc
    return None


async def read_body(receive: Receive, limit: int) -> bytes:
    """At most ``limit`` bytes of the body: reading stops as soon as it reaches ``limit``,
    so a body over the size limit is never held whole."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGone
        chunk: bytes = message.get("body", b"")
        if chunk:
            chunks.append(chunk[: limit - size])
            size += len(chunks[-1])
        if size >= limit or not message.get("more_body", False):
            return b"".join(chunks)


async def _lifespan(receive: Receive, send: Send) -> None:
    # served on its own by uvicorn: nothing to start or stop, but the protocol is answered
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
