"""What ``create_client``'s layers cost per request, CPU only, beside a bare httpx client.

Sends the same successful GET (a small JSON answer, read whole) through three clients that
share one ``httpx.MockTransport`` (no I/O, so only the layers' own Python shows):

- ``bare httpx``: ``httpx.Client(base_url=..., transport=T)`` (the floor);
- ``NitroboxAuth``: the same with ``auth=NitroboxAuth(provider)`` (a cached token);
- ``create_client``: ``create_client(settings, transport=T)``'s httpx client (auth, retry
  auth, retry transport, deadline and size limit, typed connection errors).

Short rounds alternate between the clients, so load elsewhere on the machine hits all
three alike, and each round is timed in CPU time of this process (``time.process_time``),
which a busy machine does not inflate by preempting us. The report gives, sync and
async, the µs per call and the difference to the floor for the median round and for the
best round (noise only adds time, so the best round is the closer to the code's own cost).
``--instructions`` counts instructions per call with valgrind's callgrind instead: the same
on every run, however busy the machine. Not a test: run it by hand,

    python benchmarks/client_overhead_bench.py               # about 30 s
    python benchmarks/client_overhead_bench.py --calls 300 --rounds 15
    python benchmarks/client_overhead_bench.py --instructions  # callgrind, about 2 min

Target (issue 19): ``create_client`` at most +15 µs per call over the floor.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import httpx

from nitrobox_auth import NitroboxAuth, NitroboxSettings, TokenHTTP, TokenProvider, create_client

BASE = "https://api.bench.example"
PATH = "/v2/customers/c-1"
TOKEN_BODY = {"access_token": "eyJ" + "b" * 40, "token_type": "bearer", "expires_in": 3600}


def answer(request: httpx.Request) -> httpx.Response:
    if request.url.path.endswith("/oauth2/token"):
        return httpx.Response(200, json=TOKEN_BODY)
    return httpx.Response(200, json={"customerIdent": "c-1"})


def settings() -> NitroboxSettings:
    return NitroboxSettings(
        tenant="bench", client_id="bench", client_secret="bench-secret", base_url=BASE
    )


def sync_clients(transport: httpx.MockTransport) -> dict[str, httpx.Client]:
    provider = TokenProvider.from_settings(settings(), http=TokenHTTP(transport=transport))
    return {
        "bare httpx": httpx.Client(base_url=BASE, transport=transport),
        "NitroboxAuth": httpx.Client(
            base_url=BASE, transport=transport, auth=NitroboxAuth(provider, api_base_url=BASE)
        ),
        "create_client": create_client(settings(), transport=transport).get_httpx_client(),
    }


def async_clients(transport: httpx.MockTransport) -> dict[str, httpx.AsyncClient]:
    provider = TokenProvider.from_settings(settings(), http=TokenHTTP(async_transport=transport))
    return {
        "bare httpx": httpx.AsyncClient(base_url=BASE, transport=transport),
        "NitroboxAuth": httpx.AsyncClient(
            base_url=BASE, transport=transport, auth=NitroboxAuth(provider, api_base_url=BASE)
        ),
        "create_client": create_client(
            settings(), async_transport=transport
        ).get_async_httpx_client(),
    }


def run(client: httpx.Client, calls: int) -> float:
    started = time.process_time()
    for _ in range(calls):
        response = client.get(PATH)
        if response.status_code != 200:
            raise SystemExit(f"unexpected status {response.status_code}")
    return (time.process_time() - started) / calls


async def arun(client: httpx.AsyncClient, calls: int) -> float:
    started = time.process_time()
    for _ in range(calls):
        response = await client.get(PATH)
        if response.status_code != 200:
            raise SystemExit(f"unexpected status {response.status_code}")
    return (time.process_time() - started) / calls


def report(side: str, times: dict[str, list[float]], rounds: int, calls: int) -> None:
    # Two statistics per client: the median round, and the best round. Noise on a shared
    # machine (preemption, a neighbour's cache traffic, CPU steal in a VM) only ever adds
    # time, so the best round is the closest to what the code itself costs (as timeit
    # advises); the median says what a typical round saw.
    floor = statistics.median(times["bare httpx"])
    best_floor = min(times["bare httpx"])
    print(f"{side} ({rounds} rounds x {calls} calls)       median               best round")
    for name, samples in times.items():
        median, best = statistics.median(samples), min(samples)
        print(
            f"  {name:<15}{median * 1e6:8.1f} µs +{(median - floor) * 1e6:5.1f}"
            f" x{median / floor:4.2f}   {best * 1e6:8.1f} µs"
            f" +{(best - best_floor) * 1e6:5.1f} x{best / best_floor:4.2f}"
        )


def count_instructions(kind: str, calls: int) -> int:
    """Instructions valgrind's callgrind counts for a run of ``--one kind calls``."""
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "callgrind.out")
        subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                __file__,
                "--one",
                kind,
                str(calls),
            ],
            check=True,
            capture_output=True,
            timeout=600,
        )
        with open(out, encoding="utf-8") as answer_file:
            for line in answer_file:
                if line.startswith("totals:"):
                    return int(line.split()[1])
    raise SystemExit("callgrind wrote no totals")


def instructions() -> None:
    """Per-call instructions, bare httpx against create_client (sync): deterministic where
    CPU time on a shared machine is not. A run of 300 calls minus a run of 100, / 200."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind (apt-get install valgrind)")
    per_call = {
        kind: (count_instructions(kind, 300) - count_instructions(kind, 100)) / 200
        for kind in ("bare httpx", "create_client")
    }
    floor = per_call["bare httpx"]
    print("sync, instructions per call (callgrind)")
    for kind, count in per_call.items():
        print(
            f"  {kind:<15}{count / 1e3:8.1f}k   +{(count - floor) / 1e3:6.1f}k"
            f"   x{count / floor:5.3f}"
        )
    print("  (the ratio times the floor's µs per call of a timed run gives µs)")


def one(kind: str, calls: int) -> None:
    """The run callgrind counts: a warm client (token fetched), then ``calls`` calls."""
    transport = httpx.MockTransport(answer)
    client = sync_clients(transport)[kind]
    run(client, 50)
    run(client, calls)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=500, help="calls per client per round")
    parser.add_argument("--rounds", type=int, default=31)
    parser.add_argument(
        "--instructions", action="store_true", help="count instructions with callgrind instead"
    )
    parser.add_argument("--one", nargs=2, metavar=("KIND", "CALLS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(args.one[0], int(args.one[1]))
        return
    if args.instructions:
        instructions()
        return
    transport = httpx.MockTransport(answer)

    clients = sync_clients(transport)
    times: dict[str, list[float]] = {name: [] for name in clients}
    for client in clients.values():
        run(client, max(args.calls // 10, 50))  # warm up: token fetched
    for _ in range(args.rounds):
        for name, client in clients.items():
            times[name].append(run(client, args.calls))
    report("sync", times, args.rounds, args.calls)

    async def async_side() -> None:
        aclients = async_clients(transport)
        atimes: dict[str, list[float]] = {name: [] for name in aclients}
        for client in aclients.values():
            await arun(client, max(args.calls // 10, 50))
        for _ in range(args.rounds):
            for name, client in aclients.items():
                atimes[name].append(await arun(client, args.calls))
        report("async", atimes, args.rounds, args.calls)

    asyncio.run(async_side())


if __name__ == "__main__":
    main()
