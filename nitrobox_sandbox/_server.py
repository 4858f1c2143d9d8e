"""uvicorn in a background thread on 127.0.0.1, started and stopped from synchronous code."""

from __future__ import annotations

import socket
import threading
import time
from typing import Any

import uvicorn
from uvicorn.protocols.http.h11_impl import H11Protocol

from nitrobox_sandbox._double import DROP_EXTENSION
from nitrobox_sandbox._errors import SandboxError

_START_TIMEOUT = 10.0


class BackgroundServer:
    """Serves an ASGI app on loopback from a daemon thread."""

    def __init__(self, app: Any, *, host: str = "127.0.0.1", port: int = 0) -> None:
        self._app = app
        self._host = host
        self._requested_port = port
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.port: int | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> int:
        """Start serving; returns the port once the server accepts connections."""
        if self.running:
            raise SandboxError("the sandbox server is already running")
        # Bind the socket here so the port is known (and taken) before uvicorn starts.
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit this. Without it, a response written in two parts
        # waits for the client's delayed ACK: 40 ms per keep-alive request instead of 0.4.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            sock.bind((self._host, self._requested_port))
        except OSError as exc:
            sock.close()
            raise SandboxError(
                f"cannot listen on {self._host}:{self._requested_port}: {exc}"
            ) from exc
        self.port = sock.getsockname()[1]
        config = uvicorn.Config(
            self._app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            # keep-alive a little longer than httpx's pool keeps connections idle
            timeout_keep_alive=10,
            http=_DroppableH11Protocol,
        )
        # uvicorn leaves signal handlers alone outside the main thread
        server = uvicorn.Server(config)
        thread = threading.Thread(
            target=server.run, kwargs={"sockets": [sock]}, name="nitrobox-sandbox", daemon=True
        )
        self._server, self._thread = server, thread
        thread.start()
        deadline = time.monotonic() + _START_TIMEOUT
        while not server.started:
            if not thread.is_alive():
                raise SandboxError("the sandbox server stopped while starting (see its log)")
            if time.monotonic() > deadline:
                self.stop()
                raise SandboxError(f"the sandbox server did not start within {_START_TIMEOUT}s")
            # waiting for another thread to come up, not pacing a test
            time.sleep(0.005)
        return self.port

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is None or thread is None:
            return
        server.should_exit = True
        thread.join(timeout=_START_TIMEOUT)


class _DroppableH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, plus a way for the app to drop the connection unanswered.

    ASGI has no "close without a response": an app that returns without answering gets a
    500 from uvicorn. A scripted ``Fault(reset=True)`` needs the real thing, so every request
    carries a scope extension (:data:`DROP_EXTENSION`) that aborts this connection.
    """

    def connection_made(self, transport: Any) -> None:
        super().connection_made(transport)
        app = self.app

        async def with_drop(scope: Any, receive: Any, send: Any) -> None:
            if scope.get("type") == "http":
                extensions = {**(scope.get("extensions") or {}), DROP_EXTENSION: transport.abort}
                scope = {**scope, "extensions": extensions}
            await app(scope, receive, send)

        self.app = with_drop
