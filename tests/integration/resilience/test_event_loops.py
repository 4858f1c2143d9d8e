"""One create_client client used from successive event loops, against a keep-alive server.

The async connection pool belongs to an event loop: the client keeps one per loop and lets
each loop close its own as it ends, so asyncio.run() after asyncio.run() (and trio.run())
works without closing the client, as the token provider always did.
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import anyio
import pytest
from nitrobox_client.api.customers import retrieve_customer

from nitrobox_auth import NitroboxSettings, create_client, unwrap

pytestmark = pytest.mark.integration


class KeepAliveServer:
    """Token endpoint and one customer on 127.0.0.1, HTTP/1.1 keep-alive; counts connections."""

    def __init__(self) -> None:
        self.connections = 0
        self.token_requests = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def setup(self) -> None:
                super().setup()
                server.connections += 1

            def answer(self, body: dict[str, object]) -> None:
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                server.token_requests += 1
                self.answer({"access_token": "eyJ" + "k" * 30, "token_type": "bearer",
                             "expires_in": 300})  # fmt: skip

            def do_GET(self) -> None:
                self.answer({"customerIdent": "c-1"})

            def log_message(self, *args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.http.server_address[1]}"

    def stop(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def server() -> Iterator[KeepAliveServer]:
    running = KeepAliveServer()
    yield running
    running.stop()


def test_two_asyncio_runs_share_one_client(server: KeepAliveServer) -> None:
    """Three asyncio.run() in a row, two calls each, one client never closed in between:
    no 'Event loop is closed', one token request, one connection per loop; then a plain
    close() has nothing of the async side left to warn about."""
    settings = NitroboxSettings(
        tenant="acme", client_id="id", client_secret="secret", base_url=server.base_url
    )
    client = create_client(settings)

    async def twice() -> None:
        for _ in range(2):
            customer = unwrap(await retrieve_customer.asyncio_detailed("c-1", client=client))
            assert customer.customer_ident == "c-1"

    for _ in range(3):
        asyncio.run(twice())
    assert server.token_requests == 1
    assert server.connections == 3  # kept alive within a loop, a fresh one per loop

    client.close()  # no ResourceWarning: each loop closed its own pool as it ended
    assert client.is_closed


def test_asyncio_then_trio_then_asyncio(server: KeepAliveServer) -> None:
    """The same across backends: asyncio, trio, asyncio again, then aclose inside trio."""
    pytest.importorskip("trio")
    settings = NitroboxSettings(
        tenant="acme", client_id="id", client_secret="secret", base_url=server.base_url
    )
    client = create_client(settings)

    async def call() -> str:
        for _ in range(2):
            customer = unwrap(await retrieve_customer.asyncio_detailed("c-1", client=client))
        return customer.customer_ident

    assert anyio.run(call, backend="asyncio") == "c-1"
    assert anyio.run(call, backend="trio") == "c-1"
    assert anyio.run(call, backend="asyncio") == "c-1"
    assert server.connections == 3  # one per run: two calls of a run share it

    async def call_and_close() -> None:
        await call()
        await client.aclose()

    anyio.run(call_and_close, backend="trio")  # closed in its own run: nothing left open
    assert server.connections == 4
