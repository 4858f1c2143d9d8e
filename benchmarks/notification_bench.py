"""How long the sandbox takes from a billing run to ``invoice.archived`` at a receiver.

One sandbox and one ``WebhookReceiver`` (uvicorn), both on 127.0.0.1. Each run creates a
customer and a contract, waits until their notifications were delivered, then measures from
just before ``POST /v2/billingrun`` to the moment the receiver's ``invoice.archived`` handler
runs (and, for comparison, to ``invoice.created`` and to the billing run's answer). The first
run also pays for the notifier's token request; the report gives it apart. Not a test: run it
by hand,

    python benchmarks/notification_bench.py            # 20 runs, a few seconds
    python benchmarks/notification_bench.py --runs 100
"""

from __future__ import annotations

import argparse
import statistics
import threading
import time

import httpx

from nitrobox_auth import NitroboxAuth, TokenProvider
from nitrobox_auth.webhooks import Notification, WebhookReceiver
from nitrobox_sandbox import Sandbox
from nitrobox_sandbox._server import BackgroundServer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()

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
                for n in range(args.runs):
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

    print(f"{args.runs} billing runs, sandbox and receiver on loopback")
    show("billing run answered", answer_ms)
    show("invoice.created at the handler", created_ms)
    show("invoice.archived at the handler", archived_ms)
    print(f"notifier: {stats}")


if __name__ == "__main__":
    main()
