"""Side by side: what the sandbox costs per request over a bare Starlette route on uvicorn.

Servers on 127.0.0.1, each in its own process (as they run for users: no GIL shared with
the client or each other), each uvicorn with the same settings
(``nitrobox_sandbox._server.BackgroundServer``):

- ``bare``: a Starlette app with ``GET /v2/customers/{ident}`` (answers a stored dict) and
  ``POST /v2/customers`` (parses the JSON body, answers it with 201) and nothing else;
- ``sandbox``: :class:`nitrobox_sandbox.Sandbox` with its bearer-token check, strict JSON,
  spec validation, store and spec-shaped answers (validation on, as users run it).

Requests are interleaved one by one (bare GET, sandbox GET, bare POST, sandbox POST, ...),
keep-alive from one ``httpx.Client`` per server, ``--rounds`` x ``--requests`` of each; the
figures per case are the median time of one request and its 10th percentile, and the
ratios are sandbox over bare. Both run under the same load, so the ratios hold on a busy
machine better than the absolute times; on a loaded machine a process that needs more CPU
per request also waits longer to be scheduled, which the median shows and the 10th
percentile mostly does not (the targets are judged on the median).

Then the paging cost: a page of 20 customers from a sandbox holding 100 and from one holding
``--records`` (default 10,000), interleaved likewise, for plain paging (``page``/``size``,
default order) and an ident filter (``search=customerIdent==...``). The ratio big/small says
whether a page costs the same however much is stored.

Targets (issue 18): GET at most 1.3x, POST at most 1.6x, paging big/small within 1.2.
Not a test: run it by hand,

    python benchmarks/sandbox_bench.py
    python benchmarks/sandbox_bench.py --requests 300 --rounds 7 --records 10000
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import statistics
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from nitrobox_sandbox import Sandbox
from nitrobox_sandbox._server import BackgroundServer

CUSTOMER: dict[str, Any] = {
    "customerIdent": "bench-customer",
    "customerType": "B2C",
    "language": "de",
    "email": "bench@example.com",
    "addresses": [{"addressType": "INVOICE", "country": "DE", "city": "Hamburg"}],
}


def bare_app() -> Starlette:
    stored = dict(CUSTOMER, debtorId=1)

    async def retrieve(request: Request) -> Response:
        return JSONResponse(stored)

    async def create(request: Request) -> Response:
        body = json.loads(await request.body())
        return JSONResponse(body, status_code=201)

    return Starlette(
        routes=[
            Route("/v2/customers/{ident}", retrieve, methods=["GET"]),
            Route("/v2/customers", create, methods=["POST"]),
        ]
    )


def serve(kind: str, records: int, prefix: str, conn: Connection) -> None:
    """In a child process: serve ``kind`` (``bare`` or a sandbox holding ``records``
    customers), send its base URL, and stop when the parent says so."""
    if kind == "bare":
        server = BackgroundServer(bare_app())
        conn.send(f"http://127.0.0.1:{server.start()}")
        conn.recv()
        server.stop()
        return
    sandbox = Sandbox(token_lifetime=3600)
    bodies = [dict(CUSTOMER, customerIdent=f"{prefix}-{i:06d}") for i in range(records)]
    if hasattr(sandbox, "load"):
        sandbox.load({"customers": bodies})
    else:  # a sandbox from before load(), for the "before" figures: one POST each
        with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as client:
            client.headers["Authorization"] = f"Bearer {token_for(client)}"
            for body in bodies:
                client.post("/v2/customers", json=body).raise_for_status()
    with sandbox.serve():
        conn.send(sandbox.base_url)
        conn.recv()


def start(kind: str, records: int = 0, prefix: str = "") -> tuple[str, Callable[[], None]]:
    parent, child = multiprocessing.get_context("spawn").Pipe()
    process = multiprocessing.get_context("spawn").Process(
        target=serve, args=(kind, records, prefix, child), daemon=True
    )
    process.start()
    if not parent.poll(600):
        raise SystemExit(f"the {kind} server did not start")
    url: str = parent.recv()

    def stop() -> None:
        parent.send("stop")
        process.join(30)
        if process.is_alive():
            process.kill()

    return url, stop


def token_for(client: httpx.Client) -> str:
    answer = client.post(
        "/sandbox/oauth2/token",
        data={"grant_type": "client_credentials"},
        auth=("sandbox-client", "sandbox-secret"),
    )
    answer.raise_for_status()
    token: str = answer.json()["access_token"]
    return token


def timed(send: Callable[[int], httpx.Response], i: int, status: int) -> float:
    """Microseconds for one request."""
    started = time.perf_counter()
    answer = send(i)
    elapsed = time.perf_counter() - started
    if answer.status_code != status:
        raise SystemExit(f"unexpected {answer.status_code}: {answer.text[:300]}")
    return elapsed * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests per round")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--records", type=int, default=10_000, help="the big store's size")
    args = parser.parse_args()

    servers = {
        "bare": start("bare"),
        "sandbox": start("sandbox"),
        "small": start("sandbox", 100, "small"),
        "big": start("sandbox", args.records, "big"),
    }
    try:
        bare = httpx.Client(base_url=servers["bare"][0])
        clients: dict[str, httpx.Client] = {}
        for name in ("sandbox", "small", "big"):
            plain = httpx.Client(base_url=servers[name][0])
            plain.headers["Authorization"] = f"Bearer {token_for(plain)}"
            clients[name] = plain
        api = clients["sandbox"]
        api.post("/v2/customers", json=CUSTOMER).raise_for_status()

        def post(client: httpx.Client, tag: str) -> Callable[[int], httpx.Response]:
            counter = iter(range(10**9))
            return lambda i: client.post(
                "/v2/customers", json=dict(CUSTOMER, customerIdent=f"{tag}-{next(counter)}")
            )

        cases: dict[str, tuple[Callable[[int], httpx.Response], int]] = {
            "GET bare": (lambda i: bare.get("/v2/customers/bench-customer"), 200),
            "GET sandbox": (lambda i: api.get("/v2/customers/bench-customer"), 200),
            "POST bare": (post(bare, "bare"), 201),
            "POST sandbox": (post(api, "post"), 201),
            "page 100": (lambda i: clients["small"].get("/v2/customers?page=1&size=20"), 200),
            "page big": (lambda i: clients["big"].get("/v2/customers?page=1&size=20"), 200),
            "ident 100": (
                lambda i: clients["small"].get(
                    "/v2/customers", params={"search": f"customerIdent==small-{i % 100:06d}"}
                ),
                200,
            ),
            "ident big": (
                lambda i: clients["big"].get(
                    "/v2/customers",
                    params={"search": f"customerIdent==big-{i * 37 % args.records:06d}"},
                ),
                200,
            ),
        }
        pairs = [
            ("GET bare", "GET sandbox"),
            ("POST bare", "POST sandbox"),
            ("page 100", "page big"),
            ("ident 100", "ident big"),
        ]
        for send, status in cases.values():  # warm-up: compiled validators, pools
            for i in range(20):
                timed(send, i, status)
        times: dict[str, list[float]] = {name: [] for name in cases}
        for _ in range(args.rounds):
            for i in range(args.requests):
                # one request of each side in turn: a load spike hits both alike
                for pair in pairs:
                    for name in pair if i % 2 else pair[::-1]:  # either side first
                        send, status = cases[name]
                        times[name].append(timed(send, i, status))
        median = {name: statistics.median(values) for name, values in times.items()}
        # the 10th percentile: the cost with the least scheduling noise of a busy machine
        low = {name: statistics.quantiles(values, n=10)[0] for name, values in times.items()}
        print(
            f"{args.requests * args.rounds} requests per case, interleaved one by one; "
            f"big store: {args.records} customers"
        )
        print(f"{'case':<14} {'median µs':>10} {'p10 µs':>8}")
        for name in cases:
            print(f"{name:<14} {median[name]:10.0f} {low[name]:8.0f}")
        print("ratios, median (p10)   target")
        for label, over, under, target in (
            ("GET  sandbox/bare", "GET sandbox", "GET bare", 1.3),
            ("POST sandbox/bare", "POST sandbox", "POST bare", 1.6),
            ("page big/100", "page big", "page 100", 1.2),
            ("ident big/100", "ident big", "ident 100", 1.2),
        ):
            ratio, low_ratio = median[over] / median[under], low[over] / low[under]
            print(f"  {label:<18} {ratio:5.2f} ({low_ratio:4.2f})   <= {target}")
    finally:
        for _url, stop in servers.values():
            stop()


if __name__ == "__main__":
    main()
