"""Side by side: what a bounded, envelope-tolerant page walk costs over a hand-written loop.

Serves ``--items`` customers in pages of 100 from an ``httpx.MockTransport`` (no I/O, so the
client's own work is what is measured) in the envelope the spec declares, and walks them with:

- ``hand-written``: ``query_customers.sync_detailed`` page by page, items from the parsed
  ``CustomerPage.field_embedded``, stopping on a short page (what a user writes without help,
  with no repeat check, no limits and no tolerance of other envelopes);
- ``paginate``: ``nitrobox_auth.paginate`` (raw JSON read, metadata checks, repeat check,
  ``max_pages``), once on the declared envelope and once on HAL.

It prints microseconds per item, the ratio to the hand-written loop, and the peak memory the
walk allocated (tracemalloc; the repeat check keeps one 16-byte digest per item). Not a test:
run it by hand,

    python benchmarks/pagination_bench.py             # 100,000 items (the default max_pages)
    python benchmarks/pagination_bench.py --items 20000 --rounds 3
"""

from __future__ import annotations

import argparse
import statistics
import time
import tracemalloc
from collections.abc import Callable

import httpx
from nitrobox_client import Client
from nitrobox_client.api.customers import query_customers
from nitrobox_client.models import CustomerPage

from nitrobox_auth import paginate

API = "https://bench.test"
SIZE = 100


def server(count: int, hal: bool) -> Client:
    items = [{"customerIdent": f"c-{i:07d}", "language": "de"} for i in range(count)]
    pages = -(-count // SIZE)

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        chunk = items[page * SIZE : (page + 1) * SIZE]
        info = {"number": page, "size": SIZE, "totalElements": count, "totalPages": pages}
        if hal:
            body = {"_embedded": {"customers": chunk}, "page": info, "_links": {}}
        else:
            body = {"_embedded": chunk, "pageInfo": info}
        return httpx.Response(200, json=body)

    client = Client(base_url=API)
    client.set_httpx_client(httpx.Client(base_url=API, transport=httpx.MockTransport(handler)))
    return client


def hand_written(client: Client) -> int:
    seen, page = 0, 0
    while True:
        parsed = query_customers.sync_detailed(client=client, page=page, size=SIZE).parsed
        assert isinstance(parsed, CustomerPage)
        items = parsed.field_embedded if isinstance(parsed.field_embedded, list) else []
        seen += len(items)
        if len(items) < SIZE:
            return seen
        page += 1


def with_paginate(client: Client) -> int:
    return sum(1 for _ in paginate(query_customers, client=client, size=SIZE))


def measure(walk: Callable[[Client], int], client: Client, count: int) -> float:
    """Microseconds per item (no tracing: tracemalloc would dominate the time)."""
    started = time.perf_counter()
    found = walk(client)
    elapsed = time.perf_counter() - started
    assert found == count, (found, count)
    return elapsed / count * 1e6


def peak_memory(walk: Callable[[Client], int], client: Client) -> int:
    """Peak bytes allocated during one walk (a separate run, under tracemalloc)."""
    tracemalloc.start()
    walk(client)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cases: list[tuple[str, Callable[[Client], int], bool]] = [
        ("hand-written", hand_written, False),
        ("paginate", with_paginate, False),
        ("paginate (HAL)", with_paginate, True),
    ]
    times: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for name, walk, hal in cases:
            times.setdefault(name, []).append(measure(walk, server(args.items, hal), args.items))
    floor = statistics.median(times["hand-written"])
    print(f"{args.items} items in pages of {SIZE}, median of {args.rounds} rounds")
    print(f"{'walk':<16} {'µs/item':>8} {'ratio':>6} {'peak MB':>8}")
    for name, walk, hal in cases:
        us = statistics.median(times[name])
        peak = peak_memory(walk, server(args.items, hal)) / 1e6
        print(f"{name:<16} {us:8.1f} {us / floor:6.2f} {peak:8.1f}")


if __name__ == "__main__":
    main()
