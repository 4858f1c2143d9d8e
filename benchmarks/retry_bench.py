"""What the retry layer costs a call that succeeds first time.

Sends the same successful GET many times through two otherwise identical clients, both
authenticated with ``NitroboxAuth`` (a cached token):

- ``without``: ``httpx.Client(auth=NitroboxAuth(...), transport=T)``;
- ``with``: the same, wrapped by ``install_retries`` (``RetryAuth`` around the auth,
  ``RetryTransport`` around the transport, default ``RetryPolicy``, logging at its default
  level, i.e. DEBUG lines off).

``T`` is ``httpx.MockTransport`` (no I/O: the layer's cost is most visible there) and a
real ``httpx.HTTPTransport`` to a keep-alive loopback server in a child process. Rounds
alternate between the two clients; the report gives the median per-call time and the
ratio with/without. Not a test: run it by hand,

    python benchmarks/retry_bench.py                 # about half a minute
    python benchmarks/retry_bench.py --calls 2000 --rounds 3
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from nitrobox_auth import NitroboxAuth, TokenHTTP, TokenProvider
from nitrobox_auth.transport._retry import RetryPolicy, install_retries

API = "http://127.0.0.1"
TOKEN_BODY = {"access_token": "eyJ" + "b" * 40, "token_type": "bearer", "expires_in": 3600}


def serve(port_out: Any) -> None:
    """A keep-alive HTTP/1.1 server answering every GET with a small JSON body."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body leave in two writes; with Nagle on, each call waits ~40 ms for
        # the client's delayed ACK and the benchmark would measure only that.
        disable_nagle_algorithm = True

        def do_GET(self) -> None:
            body = b'{"customerIdent":"c-1"}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port_out.send(server.server_address[1])
    server.serve_forever()


def provider(base: str) -> TokenProvider:
    tokens = httpx.MockTransport(lambda request: httpx.Response(200, json=TOKEN_BODY))
    return TokenProvider(
        token_url=f"{base}/bench/oauth2/token",
        client_id="bench",
        client_secret="bench-secret",
        http=TokenHTTP(transport=tokens),
    )


def clients(
    base: str, make_transport: Callable[[], httpx.BaseTransport]
) -> dict[str, httpx.Client]:
    plain_auth = NitroboxAuth(provider(base), api_base_url=base)
    plain = httpx.Client(base_url=base, auth=plain_auth, transport=make_transport())
    auth, transport, _ = install_retries(
        NitroboxAuth(provider(base), api_base_url=base),
        make_transport(),
        httpx.AsyncHTTPTransport(),
        RetryPolicy(),
    )
    layered = httpx.Client(base_url=base, auth=auth, transport=transport)
    return {"without": plain, "with": layered}


def run(client: httpx.Client, calls: int) -> float:
    """Seconds per call, averaged over ``calls`` successful GETs."""
    started = time.perf_counter()
    for _ in range(calls):
        response = client.get("/v2/customers/c-1")
        if response.status_code != 200:
            raise SystemExit(f"unexpected status {response.status_code}")
    return (time.perf_counter() - started) / calls


def measure(name: str, pair: dict[str, httpx.Client], calls: int, rounds: int) -> None:
    for client in pair.values():
        run(client, max(calls // 10, 50))  # warm up: token fetched, connection open
    times: dict[str, list[float]] = {"without": [], "with": []}
    for _ in range(rounds):
        for label, client in pair.items():
            times[label].append(run(client, calls))
    without = statistics.median(times["without"])
    layered = statistics.median(times["with"])
    print(
        f"{name:<22} without {without * 1e6:8.1f} µs/call   with {layered * 1e6:8.1f} µs/call"
        f"   ratio {layered / without:5.3f}   ({rounds} rounds x {calls} calls)"
    )
    for client in pair.values():
        client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5000, help="calls per round (MockTransport)")
    parser.add_argument(
        "--loopback-calls", type=int, default=1000, help="calls per round (loopback)"
    )
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()

    def ok(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"customerIdent": "c-1"})

    mock_base = "https://api.bench"
    measure(
        "MockTransport",
        clients(mock_base, lambda: httpx.MockTransport(ok)),
        args.calls,
        args.rounds,
    )

    receive, send = multiprocessing.Pipe(duplex=False)
    server = multiprocessing.Process(target=serve, args=(send,), daemon=True)
    server.start()
    try:
        base = f"{API}:{receive.recv()}"
        measure(
            "loopback HTTP/1.1",
            clients(base, httpx.HTTPTransport),
            args.loopback_calls,
            args.rounds,
        )
    finally:
        server.terminate()
        server.join()


if __name__ == "__main__":
    main()
