"""How long the sandbox takes from a billing run to ``invoice.archived`` at a receiver; and,
with ``--workers``, how many deliveries per second the documented set-ups serve with 1 and 3
worker processes.

One sandbox and one ``WebhookReceiver`` (uvicorn), both on 127.0.0.1. Each run creates a
customer and a contract, waits until their notifications were delivered, then measures from
just before ``POST /v2/billingrun`` to the moment the receiver's ``invoice.archived`` handler
runs (and, for comparison, to ``invoice.created`` and to the billing run's answer). The first
run also pays for the notifier's token request; the report gives it apart. Not a test: run it
by hand,

    python benchmarks/notification_bench.py            # 20 runs, a few seconds
    python benchmarks/notification_bench.py --runs 100

Workers (``--workers``): uvicorn with the FastAPI set-up and gunicorn with the Flask set-up of
docs/notifications.md (tests/integration/notifications/receiver_apps.py), 1 and 3 workers,
side by side in one run. A sender plays Nitrobox: one token from the token endpoint, then
every notification on a new connection, from ``--senders`` threads at once (a 401 makes
that sender fetch a new token, as Nitrobox does). It reports deliveries per second, the
401s, and how many notifications the handlers saw, once or more than once. ``--checkout
DIR`` serves another checkout of the package with the same set-ups (e.g. the code before
the self-contained tokens, to count its 401s):

    python benchmarks/notification_bench.py --workers --deliveries 300
    python benchmarks/notification_bench.py --workers --checkout ../main
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx

from nitrobox_auth import NitroboxAuth, TokenProvider
from nitrobox_auth.webhooks import Notification, WebhookReceiver
from nitrobox_sandbox import Sandbox
from nitrobox_sandbox._server import BackgroundServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--workers", action="store_true", help="deliveries/s with 1 and 3 workers")
    parser.add_argument("--deliveries", type=int, default=300)
    parser.add_argument("--senders", type=int, default=6)
    parser.add_argument("--checkout", help="serve the package of another checkout")
    args = parser.parse_args()
    if args.workers:
        workers_bench(args.deliveries, args.senders, args.checkout)
        return
    latency_bench(args.runs)


def workers_bench(deliveries: int, senders: int, checkout: str | None) -> None:
    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    if checkout:
        os.environ["NBX_RECEIVER_REPO"] = str(Path(checkout).resolve())
    from notification_servers import Served

    secret = "bench-secret-0123456789"
    print(
        f"{deliveries} deliveries, each on a new connection, {senders} senders at once"
        + (f"; package from {checkout}" if checkout else "")
    )
    print(f"{'server':<10}{'workers':>8}{'tokens':>8}{'deliveries/s':>14}{'401s':>7}"
          f"{'handled':>9}{'twice':>7}")  # fmt: skip
    for kind in ("uvicorn", "gunicorn"):
        for workers in (1, 3):
            with tempfile.TemporaryDirectory() as directory:
                served = Served(kind, workers, secret, Path(directory) / "handled.jsonl").start()
                try:
                    for fresh in (False, True):
                        served.forget()
                        rate, statuses = _deliver_all(served, secret, deliveries, senders, fresh)
                        handled = Counter(line["ident"] for line in served.handled())
                        print(
                            f"{kind:<10}{workers:>8}{'fresh' if fresh else 'cached':>8}"
                            f"{rate:>14.0f}{statuses[401]:>7}"
                            f"{len(handled):>9}{sum(1 for n in handled.values() if n > 1):>7}"
                        )
                finally:
                    served.stop()


def _deliver_all(
    served: Any, secret: str, deliveries: int, senders: int, fresh: bool
) -> tuple[float, Counter[int]]:
    """Deliveries per second, and the answers' status counts."""
    from notification_servers import deliver, fetch_token, fresh_client, order

    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    share = [deliveries // senders] * senders

    def send(count: int) -> None:
        with fresh_client() as client:
            token = fetch_token(client, served.base_url, secret)
            for _ in range(count):
                if fresh:
                    token = fetch_token(client, served.base_url, secret)
                answer = deliver(
                    client, served.base_url, token, order(f"bench-{os.urandom(6).hex()}")
                )
                with lock:
                    statuses[answer.status_code] += 1
                if answer.status_code == 401:
                    token = fetch_token(client, served.base_url, secret)

    threads = [threading.Thread(target=send, args=(n,)) for n in share]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return sum(share) / (time.perf_counter() - started), statuses


def latency_bench(runs: int) -> None:

    arrivals: dict[tuple[str, str], float] = {}
    arrived = threading.Condition()
    receiver = WebhookReceiver(client_id="bench", client_secret="bench-secret-0123456789")

    @receiver.on("*")
    def stamp(event: Notification) -> None:
        customer = event.raw.get("customer_ident")
        if isinstance(customer, str):
            with arrived:
                arrivals[(event.notification_type, customer)] = time.perf_counter()
                arrived.notify_all()

    server = BackgroundServer(receiver.asgi_app())
    server.start()
    base = f"http://127.0.0.1:{server.port}"
    answer_ms, created_ms, archived_ms = [], [], []
    try:
        with Sandbox().serve() as sandbox:
            sandbox.subscribe(
                f"{base}/notifications",
                token_url=f"{base}/oauth2/token",
                client_id="bench",
                client_secret="bench-secret-0123456789",
            )
            with (
                TokenProvider.from_settings(sandbox.settings()) as provider,
                httpx.Client(base_url=sandbox.base_url, auth=NitroboxAuth(provider)) as api,
            ):
                for n in range(runs):
                    customer = f"bench-{n}"
                    api.post(
                        "/v2/customers",
                        json={
                            "customerIdent": customer,
                            "customerType": "B2B",
                            "language": "en",
                            "addresses": [
                                {"addressType": "INVOICE", "city": "Kiel", "country": "DE"}
                            ],
                        },
                    ).raise_for_status()
                    api.post(
                        "/v2/contracts",
                        json={
                            "contractIdent": f"{customer}-contract",
                            "debtorIdent": customer,
                            "date": "2025-01-01T00:00:00Z",
                            "startDate": "2025-01-01T00:00:00Z",
                        },
                    ).raise_for_status()
                    if not sandbox.wait_for_notifications(10):
                        raise SystemExit("notifications did not drain within 10 s")
                    started = time.perf_counter()
                    api.post(
                        "/v2/billingrun",
                        json={"debtorIdent": customer, "processingDate": "2030-01-01T00:00:00Z"},
                    ).raise_for_status()
                    answered = time.perf_counter()
                    key = ("invoice.archived", customer)
                    with arrived:
                        if not arrived.wait_for(lambda key=key: key in arrivals, timeout=10):
                            raise SystemExit("invoice.archived did not arrive within 10 s")
                    answer_ms.append((answered - started) * 1000)
                    created_ms.append((arrivals[("invoice.created", customer)] - started) * 1000)
                    archived_ms.append((arrivals[key] - started) * 1000)
            stats = sandbox.stats()["notifications"]
    finally:
        server.stop()

    def show(name: str, values: list[float]) -> None:
        rest = values[1:] or values
        print(
            f"{name:<36} median {statistics.median(rest):6.2f} ms   "
            f"min {min(rest):6.2f}   max {max(rest):6.2f}   (first run {values[0]:.2f} ms)"
        )

    print(f"{runs} billing runs, sandbox and receiver on loopback")
    show("billing run answered", answer_ms)
    show("invoice.created at the handler", created_ms)
    show("invoice.archived at the handler", archived_ms)
    print(f"notifier: {stats}")


if __name__ == "__main__":
    main()
