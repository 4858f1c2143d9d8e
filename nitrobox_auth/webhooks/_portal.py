"""One long-lived event loop for the async handlers of a WSGI receiver.

WSGI calls the app from plain threads; an ``async def`` handler needs a loop. A loop per
call (``asyncio.run``) breaks handlers that keep loop-bound clients (an ``httpx.AsyncClient``
or a database pool made once) and fails outright in a thread that already runs a loop. So the
receiver starts one loop in a daemon thread on first use and hands each coroutine to it
through an anyio blocking portal; the calling thread only waits. After a fork (a pre-loading
WSGI server) the child starts its own loop: threads do not survive ``fork``.
"""

from __future__ import annotations

import os
import queue
import threading
from collections.abc import Awaitable, Callable
from typing import Any

import anyio
from anyio.from_thread import BlockingPortal

from nitrobox_auth._errors import NitroboxError

START_TIMEOUT = 10.0


class LoopThread:
    """A loop in a daemon thread (it never holds up interpreter exit), started on first use."""

    def __init__(self, name: str = "nitrobox-webhooks-loop") -> None:
        self._name = name
        self._lock = threading.Lock()
        self._portal: BlockingPortal | None = None
        self._pid = 0

    def run(self, function: Callable[..., Awaitable[Any]], *args: Any) -> Any:
        """Run ``function(*args)`` on the loop and wait for its result (or exception)."""
        return self._get().call(function, *args)

    def _get(self) -> BlockingPortal:
        with self._lock:
            if self._portal is None or self._pid != os.getpid():
                self._portal = self._start()
                self._pid = os.getpid()
            return self._portal

    def _start(self) -> BlockingPortal:
        handoff: queue.Queue[BlockingPortal | BaseException] = queue.Queue(maxsize=1)

        async def serve() -> None:
            async with BlockingPortal() as portal:
                handoff.put(portal)
                await portal.sleep_until_stopped()

        def main() -> None:
            try:
                anyio.run(serve)
            except BaseException as exc:  # pragma: no cover - handed to the waiting caller
                handoff.put(exc)

        threading.Thread(target=main, name=self._name, daemon=True).start()
        try:
            started = handoff.get(timeout=START_TIMEOUT)
        except queue.Empty:
            raise NitroboxError(
                f"the event loop for async notification handlers did not start within "
                f"{START_TIMEOUT:g} s"
            ) from None
        if isinstance(started, BaseException):
            raise started
        return started

    def close(self) -> None:
        """Stop the loop, cancelling what still runs on it."""
        with self._lock:
            portal, self._portal = self._portal, None
        if portal is not None and self._pid == os.getpid():
            portal.call(portal.stop, True)
