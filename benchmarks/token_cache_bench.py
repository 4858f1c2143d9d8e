"""Token requests across processes: in-process cache vs FileTokenCache vs RedisTokenCache.

8 worker processes call a loopback API for 10 s through ``NitroboxAuth`` while its token
endpoint grants 2 s tokens (renewed after 0.75 s: a quarter margin before the 1 s margin).
The API answers 401 for an unknown or expired token, so a stale token shows as a failed call.
For each cache, side by side in one run, it prints:

- token requests, and token requests per refresh window (10 s / 0.75 s = 13.3 windows);
- API calls and failed calls (non-200 after NitroboxAuth's one replay, or an exception);
- the cost of one warm ``get_token()`` (the per-call path: memory only, whatever the cache);
- the cost of a process's first ``get_token()`` when the cache already holds a token.

Run: ``python benchmarks/token_cache_bench.py`` (``--processes``, ``--seconds``,
``--lifetime``). Redis needs ``redis-server`` on PATH; the benchmark starts its own on a
free loopback port (no persistence) and stops it.
"""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Servers:
    """Token endpoint + API on one loopback server; counts token requests and 401s."""

    def __init__(self, lifetime: float) -> None:
        self.lifetime = lifetime
        self.token_requests = 0
        self.issued: dict[str, float] = {}
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _send(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with outer.lock:
                    outer.token_requests += 1
                    value = f"tok{outer.token_requests:06d}" + "x" * 30
                    outer.issued[value] = time.monotonic() + outer.lifetime
                body = {"access_token": value, "token_type": "bearer", "expires_in": outer.lifetime}
                self._send(200, json.dumps(body).encode())

            def do_GET(self) -> None:
                token = self.headers.get("Authorization", "").removeprefix("Bearer ")
                with outer.lock:
                    expires = outer.issued.get(token)
                if expires is None or time.monotonic() >= expires:
                    self._send(401, b'{"status":"UNAUTHORIZED"}')
                else:
                    self._send(200, b"[]")

            def log_message(self, *args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        threading.Thread(target=self.http.serve_forever, daemon=True).start()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http.server_address[1]}"

    def reset(self) -> None:
        with self.lock:
            self.token_requests = 0


def start_redis(directory: Path) -> tuple[subprocess.Popen[bytes], str] | None:
    binary = shutil.which("redis-server")
    if binary is None:
        return None
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
         "--dir", str(directory)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                if conn.recv(16).startswith(b"+PONG"):
                    return process, f"redis://127.0.0.1:{port}/0"
        except OSError:
            time.sleep(0.05)
    process.terminate()
    return None


def worker(base: str, cache_spec: str, seconds: float) -> int:
    """One process: warm up, wait for "go", call the API for ``seconds``, report as JSON."""
    import httpx

    from nitrobox_auth import NitroboxAuth, TokenProvider, open_token_cache

    def build() -> TokenProvider:
        cache = open_token_cache(cache_spec) if cache_spec else None
        return TokenProvider(
            token_url=f"{base}/bench/oauth2/token",
            client_id="bench",
            client_secret="bench-secret",
            cache=cache,
        )

    provider = build()
    client = httpx.Client(base_url=base, auth=NitroboxAuth(provider), timeout=10)
    client.get("/v2/customers")
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        return 1
    calls = failed = 0
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        calls += 1
        try:
            if client.get("/v2/customers").status_code != 200:
                failed += 1
        except httpx.HTTPError:
            failed += 1
        time.sleep(0.005)
    print("done", flush=True)
    if sys.stdin.readline().strip() != "measure":
        return 1
    # The per-call path: a warm provider, measured right after a renewal check.
    provider.get_token()
    rounds = 100_000
    started = time.perf_counter()
    for _ in range(rounds):
        provider.get_token()
    warm_ns = (time.perf_counter() - started) / rounds * 1e9
    # A new process's first call, when the cache (if shared) already holds a fresh token.
    fresh = build()
    started = time.perf_counter()
    fresh.get_token()
    first_ms = (time.perf_counter() - started) * 1000
    client.close()
    fresh.close()
    print(json.dumps({"calls": calls, "failed": failed, "warm_ns": warm_ns, "first_ms": first_ms}))
    return 0


def run(servers: Servers, cache_spec: str, processes: int, seconds: float) -> dict[str, float]:
    command = [sys.executable, __file__, "--worker", servers.base, cache_spec, str(seconds)]
    workers = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(processes)
    ]
    for w in workers:
        assert w.stdout is not None
        if w.stdout.readline().strip() != "ready":
            raise RuntimeError("a worker did not start")
    servers.reset()
    for w in workers:
        assert w.stdin is not None
        w.stdin.write("go\n")
        w.stdin.flush()
    for w in workers:
        assert w.stdout is not None
        if w.stdout.readline().strip() != "done":
            raise RuntimeError("a worker failed during the run")
    # Counted before the measurements below, whose fresh providers fetch tokens of their own.
    token_requests = servers.token_requests
    results = []
    for w in workers:
        out, _ = w.communicate("measure\n", timeout=seconds + 120)
        results.append(json.loads(out.strip().splitlines()[-1]))
    return {
        "token_requests": token_requests,
        "calls": sum(r["calls"] for r in results),
        "failed": sum(r["failed"] for r in results),
        "warm_ns": statistics.median(r["warm_ns"] for r in results),
        "first_ms": statistics.median(r["first_ms"] for r in results),
    }


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        return worker(sys.argv[2], sys.argv[3], float(sys.argv[4]))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--lifetime", type=float, default=2.0)
    args = parser.parse_args()
    renew_every = args.lifetime / 2 * 0.75  # margin min(30, life/2), less a quarter of it
    windows = args.seconds / renew_every
    servers = Servers(args.lifetime)
    with tempfile.TemporaryDirectory(prefix="nitrobox-bench-") as tmp:
        redis = start_redis(Path(tmp))
        contenders = [("in-process (default)", ""), ("FileTokenCache", f"{tmp}/tokens")]
        if redis is not None:
            contenders.append(("RedisTokenCache", redis[1]))
        try:
            rows = [
                (name, run(servers, spec, args.processes, args.seconds))
                for name, spec in contenders
            ]
        finally:
            if redis is not None:
                redis[0].terminate()
                redis[0].wait(10)
    print(
        f"{args.processes} processes, {args.lifetime:g} s tokens (renewed every "
        f"{renew_every:g} s: {windows:.1f} refresh windows), {args.seconds:g} s"
    )
    print(
        f"{'cache':<22} {'token requests':>14} {'per window':>10} {'API calls':>9} {'failed':>6} "
        f"{'get_token() warm':>16} {'first get_token()':>17}"
    )
    for name, r in rows:
        print(
            f"{name:<22} {r['token_requests']:>14} {r['token_requests'] / windows:>10.2f} "
            f"{r['calls']:>9} {r['failed']:>6} {r['warm_ns']:>13.0f} ns {r['first_ms']:>14.2f} ms"
        )
    if redis is None:
        print("RedisTokenCache: skipped, no redis-server on PATH")
    return 0


if __name__ == "__main__":
    sys.exit(main())
