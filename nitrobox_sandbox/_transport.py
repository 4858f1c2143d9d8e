"""A synchronous httpx transport that runs an ASGI app in-process (no socket).

httpx ships only an async ASGI transport. This one drives it on an event loop in a
background thread through an anyio blocking portal (public anyio API), the way
Starlette's TestClient does, and hands back fully read responses. ``http_package="httpx2"``
makes it a transport for an ``httpx2.Client`` (its requests and responses are httpx2's).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from types import ModuleType
from typing import Any

import anyio
import httpx
from anyio.from_thread import BlockingPortal

from nitrobox_auth.tooling import HTTPPackageChoice, http_package_named
from nitrobox_sandbox._double import HTTP_MODULE_EXTENSION


def telling_package(app: Any, module: ModuleType) -> Any:
    """``app`` with the calls' scope naming the HTTP package (httpx or httpx2) that sends
    them in-process, so the app can raise that package's errors."""

    async def asgi(scope: Any, receive: Any, send: Any) -> None:
        extensions = {**(scope.get("extensions") or {}), HTTP_MODULE_EXTENSION: module}
        await app({**scope, "extensions": extensions}, receive, send)

    return asgi


def http_package_module(choice: HTTPPackageChoice) -> ModuleType:
    """The HTTP package whose transports the sandbox hands out: ``"httpx"``, ``"httpx2"``
    (which needs its extra) or the module; anything else is a ``SettingsError``."""
    return http_package_named(choice).module


class SyncASGITransport(httpx.BaseTransport):
    """``httpx.Client(transport=SyncASGITransport(app))`` talks to ``app`` in-process."""

    def __init__(
        self,
        app: Any,
        *,
        client: tuple[str, int] = ("127.0.0.1", 123),
        http_package: HTTPPackageChoice = "httpx",
    ) -> None:
        # Read by create_client (the class alone would say httpx): a transport handed out
        # for httpx2 makes an httpx2 client.
        self.http_package = http_package_named(http_package)
        # Typed as httpx: httpx2 has the same API, and its client calls this one likewise.
        self._http: Any = self.http_package.module
        self._asgi = self._http.ASGITransport(app=telling_package(app, self._http), client=client)
        self._lock = threading.Lock()
        self._portal: BlockingPortal | None = None
        self._thread: threading.Thread | None = None

    def _get_portal(self) -> BlockingPortal:
        with self._lock:
            if self._portal is None:
                self._portal, self._thread = _start_portal()
            return self._portal

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = request.read()
        portal = self._get_portal()
        return portal.call(self._send, request.method, str(request.url), request.headers, body)

    async def _send(
        self, method: str, url: str, headers: httpx.Headers, body: bytes
    ) -> httpx.Response:
        # A fresh request object on the portal's loop: the caller's request may carry a
        # sync stream that must not be read from another thread.
        request = self._http.Request(method, url, headers=headers, content=body)
        response = await self._asgi.handle_async_request(request)
        content = await response.aread()
        await response.aclose()
        answer: httpx.Response = self._http.Response(
            response.status_code, headers=response.headers, content=content
        )
        return answer

    def close(self) -> None:
        with self._lock:
            portal, thread = self._portal, self._thread
            self._portal = self._thread = None
        if portal is not None and thread is not None:
            portal.call(portal.stop)
            thread.join()


def _start_portal() -> tuple[BlockingPortal, threading.Thread]:
    """An event loop in a daemon thread, reachable through a :class:`BlockingPortal`.

    Not ``anyio.from_thread.start_blocking_portal``: its generator-based context manager,
    when left open (a client never closed), is finalized at interpreter exit and blocks
    there waiting for the already frozen loop thread. A daemon thread just ends.
    """
    ready: Future[BlockingPortal] = Future()

    async def main() -> None:
        async with BlockingPortal() as portal:
            ready.set_result(portal)
            await portal.sleep_until_stopped()

    def run() -> None:
        try:
            anyio.run(main)
        except BaseException as exc:  # surfaced to the thread that waits on ``ready``
            if not ready.done():
                ready.set_exception(exc)

    thread = threading.Thread(target=run, name="nitrobox-sandbox-transport", daemon=True)
    thread.start()
    return ready.result(), thread
