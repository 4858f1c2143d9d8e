"""Side by side: what an OAuth2 client-credentials token costs under 64 threads.

Runs a loopback token + API server (stdlib ThreadingHTTPServer, in a child process so its
work does not share our GIL) whose tokens really expire after ``--lifetime`` seconds,
then drives the same number of API requests through:

- ``static bearer``: a fixed, always-valid token in a header (the floor: no auth work);
- ``token per call``: a token request before every API request (the documented anti-pattern);
- ``httpx-auth``: ``httpx_auth.OAuth2ClientCredentials`` (early_expiry = lifetime / 2);
- ``authlib``: Authlib's httpx ``OAuth2Client`` with ``fetch_token()`` first (leeway 1 s);
- ``nitrobox_auth``: ``NitroboxAuth(TokenProvider(...))`` with its defaults.

It prints throughput as a ratio to the floor, token requests, the shortest gap between two
token requests (one request per refresh window shows as a gap near lifetime / 2) and failed
requests (anything but 200, mostly 401 for an expired token). Not a test: run it by hand,

    python benchmarks/auth_bench.py            # about a minute on two cores
    python benchmarks/auth_bench.py --requests 3200 --rounds 1
"""

from __future__ import annotations

import argparse
import base64
import itertools
import json
import multiprocessing
import secrets
import statistics
import threading
import time
import warnings
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

TENANT = "bench"
CLIENT_ID = "bench-client"
CLIENT_SECRET = "bench-secret"
STATIC_TOKEN = "static-floor-token"
BASIC = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()


# -- the server (child process) -------------------------------------------------------------


def serve(lifetime: float, port_out: Any) -> None:
    """Token endpoint at /{tenant}/oauth2/token, API at /v2/ping, stats at /_stats."""
    lock = threading.Lock()
    tokens: dict[str, float] = {STATIC_TOKEN: float("inf")}
    stats: dict[str, Any] = {}

    def reset() -> None:
        stats.update(token_requests=0, api_requests=0, unauthorized=0, token_times=[])

    reset()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def answer(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if self.path == "/_reset":
                with lock:
                    reset()
                self.answer(200, {})
            elif self.path == f"/{TENANT}/oauth2/token":
                if self.headers.get("Authorization") != BASIC:
                    self.answer(401, {"error": "invalid_client"})
                    return
                value = secrets.token_urlsafe(24)
                now = time.monotonic()
                with lock:
                    tokens[value] = now + lifetime
                    stats["token_requests"] += 1
                    stats["token_times"].append(now)
                body = {"access_token": value, "token_type": "bearer", "expires_in": lifetime}
                self.answer(200, body)
            else:
                self.answer(404, {})

        def do_GET(self) -> None:
            if self.path == "/_stats":
                with lock:
                    times = sorted(stats["token_times"])
                    gaps = [b - a for a, b in itertools.pairwise(times)]
                    body = {k: v for k, v in stats.items() if k != "token_times"}
                    body["min_token_gap"] = min(gaps) if gaps else None
                self.answer(200, body)
                return
            header = self.headers.get("Authorization", "")
            expiry = tokens.get(header.removeprefix("Bearer "), 0.0)
            ok = header.startswith("Bearer ") and time.monotonic() < expiry
            with lock:
                stats["api_requests"] += 1
                stats["unauthorized"] += 0 if ok else 1
            self.answer(200 if ok else 401, {"ok": ok})

    class Server(ThreadingHTTPServer):
        daemon_threads = True
        request_queue_size = 256

        def handle_error(self, request: Any, client_address: Any) -> None:
            pass  # clients closing their kept-alive connections at the end of a run

    server = Server(("127.0.0.1", 0), Handler)
    port_out.put(server.server_address[1])
    server.serve_forever()


# -- the contenders -----------------------------------------------------------------------

Call = Callable[[], int]


def limits() -> httpx.Limits:
    # One kept-alive connection per thread for every contender, so none pays for reconnects.
    return httpx.Limits(max_connections=64, max_keepalive_connections=64)


def static_bearer(base: str, lifetime: float) -> tuple[Call, Callable[[], None]]:
    client = httpx.Client(limits=limits(), headers={"Authorization": f"Bearer {STATIC_TOKEN}"})
    return (lambda: client.get(f"{base}/v2/ping").status_code), client.close


def token_per_call(base: str, lifetime: float) -> tuple[Call, Callable[[], None]]:
    client = httpx.Client(limits=limits())
    token_url = f"{base}/{TENANT}/oauth2/token"

    def call() -> int:
        answer = client.post(
            token_url,
            headers={"Authorization": BASIC},
            data={"grant_type": "client_credentials"},
        )
        bearer = {"Authorization": f"Bearer {answer.json()['access_token']}"}
        return client.get(f"{base}/v2/ping", headers=bearer).status_code

    return call, client.close


def httpx_auth_client(base: str, lifetime: float) -> tuple[Call, Callable[[], None]]:
    import httpx_auth

    auth = httpx_auth.OAuth2ClientCredentials(
        f"{base}/{TENANT}/oauth2/token",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        early_expiry=lifetime / 2,
    )
    client = httpx.Client(limits=limits(), auth=auth)
    return (lambda: client.get(f"{base}/v2/ping").status_code), client.close


def authlib_client(base: str, lifetime: float) -> tuple[Call, Callable[[], None]]:
    import authlib.deprecate  # noqa: F401  (installs an "always" filter; ours must follow it)

    with warnings.catch_warnings():
        # Authlib 1.9 nags that it prefers the httpx2 fork; the httpx client is what we compare.
        warnings.simplefilter("ignore")
        from authlib.integrations.httpx_client import OAuth2Client

    token_url = f"{base}/{TENANT}/oauth2/token"
    client = OAuth2Client(
        CLIENT_ID,
        CLIENT_SECRET,
        token_endpoint=token_url,
        grant_type="client_credentials",
        leeway=1,
        limits=limits(),
    )
    client.fetch_token(token_url, grant_type="client_credentials")
    return (lambda: client.get(f"{base}/v2/ping").status_code), client.close


def nitrobox(base: str, lifetime: float) -> tuple[Call, Callable[[], None]]:
    from nitrobox_auth import NitroboxAuth, NitroboxSettings, TokenProvider

    settings = NitroboxSettings(
        tenant=TENANT, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, base_url=base
    )
    provider = TokenProvider.from_settings(settings)
    client = httpx.Client(limits=limits(), auth=NitroboxAuth(provider))

    def close() -> None:
        client.close()
        provider.close()

    return (lambda: client.get(f"{base}/v2/ping").status_code), close


CONTENDERS: dict[str, Callable[[str, float], tuple[Call, Callable[[], None]]]] = {
    "static bearer": static_bearer,
    "token per call": token_per_call,
    "httpx-auth": httpx_auth_client,
    "authlib": authlib_client,
    "nitrobox_auth": nitrobox,
}


# -- the driver -----------------------------------------------------------------------------


def run_one(name: str, base: str, lifetime: float, threads: int, requests: int) -> dict[str, Any]:
    control = httpx.Client()
    control.post(f"{base}/_reset")
    call, close = CONTENDERS[name](base, lifetime)
    per_thread = requests // threads
    failures = 0
    failures_lock = threading.Lock()
    start_line = threading.Barrier(threads + 1)

    def worker() -> None:
        nonlocal failures
        start_line.wait()
        bad = 0
        for _ in range(per_thread):
            try:
                bad += call() != 200
            except Exception:
                bad += 1
        with failures_lock:
            failures += bad

    with ThreadPoolExecutor(max_workers=threads) as pool:
        futures = [pool.submit(worker) for _ in range(threads)]
        start_line.wait()
        started = time.perf_counter()
        for future in futures:
            future.result()
        elapsed = time.perf_counter() - started
    close()
    stats = control.get(f"{base}/_stats").json()
    control.close()
    return {
        "rps": per_thread * threads / elapsed,
        "seconds": elapsed,
        "sent": per_thread * threads,
        "failed": failures,
        "token_requests": stats["token_requests"],
        "min_token_gap": stats["min_token_gap"],
        "unauthorized": stats["unauthorized"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=64)
    parser.add_argument("--requests", type=int, default=3200, help="API requests per run")
    parser.add_argument("--lifetime", type=float, default=2.0, help="token lifetime, seconds")
    parser.add_argument("--rounds", type=int, default=3, help="runs per contender (median)")
    args = parser.parse_args()

    context = multiprocessing.get_context("spawn")
    port_queue = context.Queue()
    server = context.Process(target=serve, args=(args.lifetime, port_queue), daemon=True)
    server.start()
    base = f"http://127.0.0.1:{port_queue.get(timeout=30)}"

    def run(name: str) -> dict[str, Any]:
        return run_one(name, base, args.lifetime, args.threads, args.requests)

    try:
        run_one("static bearer", base, args.lifetime, args.threads, args.threads * 10)  # warm-up
        results: dict[str, list[dict[str, Any]]] = {name: [] for name in CONTENDERS}
        for _ in range(args.rounds):
            # Every contender runs right after a floor run and is compared with the floor
            # runs on both sides of it, so load elsewhere on the machine cancels out.
            floor_before = run("static bearer")
            results["static bearer"].append({**floor_before, "ratio": 1.0})
            for name in CONTENDERS:
                if name == "static bearer":
                    continue
                result = run(name)
                floor_after = run("static bearer")
                floor_rps = (floor_before["rps"] + floor_after["rps"]) / 2
                results[name].append({**result, "ratio": result["rps"] / floor_rps})
                results["static bearer"].append({**floor_after, "ratio": 1.0})
                floor_before = floor_after
    finally:
        server.terminate()
        server.join()
    report(results, args)


def report(results: dict[str, list[dict[str, Any]]], args: argparse.Namespace) -> None:
    floor = statistics.median(r["rps"] for r in results["static bearer"])
    print(
        f"{args.threads} threads, {args.requests} API requests per run, token lifetime "
        f"{args.lifetime:g} s, {args.rounds} round(s); floor (static bearer) = {floor:,.0f} req/s"
    )
    header = (
        f"{'contender':<16}{'req/s':>9}{'x floor':>9}{'run s':>7}{'token reqs':>12}"
        f"{'min gap s':>11}{'failed':>8}"
    )
    print(header)
    print("-" * len(header))
    for name, runs in results.items():
        median_run = sorted(runs, key=lambda r: r["ratio"])[len(runs) // 2]
        gap = median_run["min_token_gap"]
        print(
            f"{name:<16}{median_run['rps']:>9,.0f}{median_run['ratio']:>9.2f}"
            f"{median_run['seconds']:>7.1f}{median_run['token_requests']:>12}"
            f"{'-' if gap is None else f'{gap:.3f}':>11}"
            f"{max(r['failed'] for r in runs):>8}"
        )
    print(
        "x floor: median over rounds of req/s divided by the mean of the floor runs just\n"
        "before and after; token reqs, min gap: of that run; failed: worst run (non-200\n"
        "answers, i.e. a token sent after it expired, or errors)."
    )


if __name__ == "__main__":
    main()
