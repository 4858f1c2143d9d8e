"""Soak: the client against a hostile loopback server stays bounded in time and memory.

A server in a child process (so its own buffers do not count) serves:

- ``/drip``: the headers at once, then the body one byte every 0.25 s;
- ``/drip-head``: the whole answer, head included, one byte every 0.25 s;
- ``/bomb``: 0.1 MB of gzip that unpacks to 100 MB;
- ``/token``: a valid token answer.

Threads call it through ``create_client(timeout=1)`` (sync and async) for several rounds.
The report gives the latency of each timed-out call (it should sit just above the 1 s
deadline, never at the drip's length) and the process's resident memory after each round
(it should stay flat: nothing is buffered past the limits, no thread or socket leaks).
Not a test: run it by hand,

    python benchmarks/hostile_soak.py                 # about a minute
    python benchmarks/hostile_soak.py --rounds 10 --threads 8
"""

from __future__ import annotations

import argparse
import multiprocessing
import socket
import statistics
import threading
import time
import zlib
from concurrent.futures import ThreadPoolExecutor

import anyio

from nitrobox_auth import (
    APITimeoutError,
    NitroboxSettings,
    ResponseTooLargeError,
    TokenProvider,
    create_client,
)

TENANT = "soak"
TOKEN = b'{"access_token": "tok-soak", "token_type": "bearer", "expires_in": 269}'


def _bomb() -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [packer.compress(b'"')]
    parts += [packer.compress(b"0" * (1024 * 1024)) for _ in range(100)]
    parts += [packer.compress(b'"'), packer.flush()]
    return b"".join(parts)


def _serve(port_queue: multiprocessing.Queue[int]) -> None:
    bomb = _bomb()
    listener = socket.create_server(("127.0.0.1", 0))
    port_queue.put(listener.getsockname()[1])

    def answer(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(30)
            head = b""
            while b"\r\n\r\n" not in head:
                data = conn.recv(4096)
                if not data:
                    return
                head += data
            path = head.split(b" ", 2)[1].decode()
            json_head = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            try:
                if path.endswith("/oauth2/token"):
                    conn.sendall(json_head + b"Content-Length: %d\r\n\r\n" % len(TOKEN) + TOKEN)
                elif path == "/bomb":
                    conn.sendall(
                        json_head
                        + b"Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(bomb)
                        + bomb
                    )
                else:
                    body = b'{"x": "' + b"x" * 100 + b'"}'
                    whole = json_head + b"Content-Length: %d\r\n\r\n" % len(body) + body
                    if path == "/drip":
                        conn.sendall(whole[: whole.index(b"\r\n\r\n") + 4])
                        whole = body
                    for index in range(len(whole)):
                        time.sleep(0.25)
                        conn.sendall(whole[index : index + 1])
            except OSError:
                pass  # the client gave up at its deadline, as it should

    while True:
        conn, _ = listener.accept()
        threading.Thread(target=answer, args=(conn,), daemon=True).start()


def _rss_mib() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--threads", type=int, default=6)
    args = parser.parse_args()

    ports: multiprocessing.Queue[int] = multiprocessing.Queue()
    server = multiprocessing.Process(target=_serve, args=(ports,), daemon=True)
    server.start()
    base_url = f"http://127.0.0.1:{ports.get(timeout=10)}"
    settings = NitroboxSettings(
        tenant=TENANT, client_id="soak", client_secret="soak-secret", base_url=base_url
    )
    client = create_client(settings, timeout=1)
    http = client.get_httpx_client()
    latencies: dict[str, list[float]] = {"drip": [], "drip-head": [], "async-drip": [], "bomb": []}
    outcomes: dict[str, int] = {"timeouts": 0, "too-large": 0, "other": 0}
    lock = threading.Lock()

    def count(outcome: str, path: str, started: float) -> None:
        with lock:
            outcomes[outcome] += 1
            latencies[path].append(time.perf_counter() - started)

    def call(path: str) -> None:
        started = time.perf_counter()
        try:
            http.get(path)
            count("other", path.strip("/"), started)
        except APITimeoutError:
            count("timeouts", path.strip("/"), started)
        except ResponseTooLargeError:
            count("too-large", path.strip("/"), started)

    async def async_calls(tasks: int) -> None:
        # An httpx.AsyncClient cannot outlive its event loop: one client per round (its
        # unused sync side is closed too, so nothing of a round outlives it).
        round_client = create_client(settings, timeout=1)
        round_client.get_httpx_client().close()
        async with round_client.get_async_httpx_client() as ahttp:

            async def one() -> None:
                started = time.perf_counter()
                try:
                    await ahttp.get("/drip")
                    count("other", "async-drip", started)
                except APITimeoutError:
                    count("timeouts", "async-drip", started)

            async with anyio.create_task_group() as group:
                for _ in range(tasks):
                    group.start_soon(one)

    TokenProvider.from_settings(settings).get_token()  # warm imports and TLS-free paths
    print(f"{'round':>5} {'RSS MiB':>8} {'calls':>6} {'seconds':>8}")
    rss = [_rss_mib()]
    print(f"{'start':>5} {rss[0]:8.1f}")
    for round_number in range(1, args.rounds + 1):
        started = time.perf_counter()
        paths = ["/drip", "/drip-head", "/bomb"] * args.threads
        with ThreadPoolExecutor(args.threads) as pool:
            list(pool.map(call, paths))
        anyio.run(async_calls, args.threads)
        rss.append(_rss_mib())
        calls = len(paths) + args.threads
        print(f"{round_number:5d} {rss[-1]:8.1f} {calls:6d} {time.perf_counter() - started:8.1f}")
    http.close()
    server.kill()

    print()
    print(f"outcomes: {outcomes}")
    for name, values in latencies.items():
        ordered = sorted(values)
        p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
        print(
            f"{name:>10}: n={len(values)} median={statistics.median(values):.2f} s "
            f"p99={p99:.2f} s max={max(values):.2f} s"
        )
    growth = rss[-1] - rss[1]
    print(f"RSS after round 1: {rss[1]:.1f} MiB, after the last: {rss[-1]:.1f} MiB ({growth:+.1f})")


if __name__ == "__main__":
    main()
