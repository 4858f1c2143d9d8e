"""The sandbox sends notifications: shapes, handshake, retries, stats, log, stop."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest
from fakes import FakeClock
from http_under_test import httpx
from notification_helpers import BILLING_RUN, CONTRACT, CUSTOMER, Endpoint, keep

from nitrobox_auth.webhooks import (
    AddressNotification,
    ContractCreatedNotification,
    ContractTerminatedNotification,
    CustomerNotification,
    InvoiceArchivedNotification,
    InvoiceNotification,
    Notification,
)
from nitrobox_sandbox import Sandbox, SandboxConfigError
from nitrobox_sandbox._notifier import MAX_ATTEMPTS, retry_intervals

pytestmark = pytest.mark.integration


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_state_changes_send_the_documented_shapes(
    sandbox: Sandbox, endpoint: Callable[..., Endpoint], api: httpx.Client
) -> None:
    """customer, address, contract, termination, billing run -> the events, in order."""
    target = endpoint()
    received = keep(target.receiver)
    target.subscribe(sandbox)
    assert api.post("/v2/customers", json=CUSTOMER).status_code == 201
    assert api.post("/v2/contracts", json=CONTRACT).status_code == 201
    terminate = api.post(
        "/v2/contracts/CON-1/actions/terminate", json={"noticeDate": "2025-06-30T00:00:00Z"}
    )
    assert terminate.status_code in (200, 204)
    assert api.post("/v2/billingrun", json=BILLING_RUN).status_code in (200, 201)
    assert sandbox.wait_for_notifications(10)
    types = [e.notification_type for e in received]
    assert types == [
        "customer.created",
        "address.created",
        "contract.created",
        "contract.terminated",
        "invoice.created",
        "invoice.archived",
    ]
    customer, address, contract, terminated, created, archived = received
    assert isinstance(customer, CustomerNotification)
    assert customer.customer_ident == "CUST-1"
    assert isinstance(address, AddressNotification)
    assert (address.customer_ident, address.address_ident) == ("CUST-1", "ADDR-1")
    assert isinstance(contract, ContractCreatedNotification)
    assert contract.start_date is not None
    assert contract.start_date.isoformat() == "2025-01-01T00:00:00+00:00"
    assert isinstance(terminated, ContractTerminatedNotification)
    assert terminated.end_date is not None
    assert terminated.end_date.isoformat() == "2025-06-30T23:59:59.999000+00:00"
    assert isinstance(created, InvoiceNotification)
    assert isinstance(archived, InvoiceArchivedNotification)
    assert archived.customer_ident == "CUST-1"
    assert created.invoice_ident == archived.invoice_ident
    # the documented forms: numbers + epoch ms in created, strings + epoch s in archived
    assert isinstance(created.raw["outstanding"], float)
    assert created.raw["timestamp"] > 10**11
    assert isinstance(archived.raw["invoice_total_due"], str)
    assert archived.raw["timestamp"] < 10**11
    assert archived.invoice_total_due == created.invoice_total_inclusive_vat
    pdf = api.get(f"/v2/files/{archived.file_ident}")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_cancellations_and_extraordinary_terminations(
    sandbox: Sandbox, endpoint: Callable[..., Endpoint], api: httpx.Client
) -> None:
    target = endpoint()
    received = keep(target.receiver)
    api.post("/v2/customers", json=CUSTOMER)
    for ident in ("CON-1", "CON-2", "CON-3"):
        api.post("/v2/contracts", json={**CONTRACT, "contractIdent": ident})
    target.subscribe(sandbox, types=["contract.cancelled", "contract.terminated"])
    assert api.post("/v2/contracts/actions/cancel", json={"idents": ["CON-1", "NOPE"]}).is_success
    assert api.post("/v2/contracts/CON-2/actions/terminate-extraordinarily", json={}).is_success
    assert api.post("/v2/contracts/actions/terminate", json={"idents": ["CON-3"]}).is_success
    assert api.post("/v2/contracts/NOPE/actions/terminate", json={}).status_code == 404
    assert sandbox.wait_for_notifications(10)
    assert [(e.notification_type, e.raw["contractIdent"]) for e in received] == [
        ("contract.cancelled", "CON-1"),
        ("contract.cancelled", "CON-2"),
        ("contract.terminated", "CON-3"),
    ]


def test_a_refused_first_delivery_is_retried(
    sandbox: Sandbox, endpoint: Callable[..., Endpoint], api: httpx.Client
) -> None:
    """The receiver's handler fails once (500): the sandbox retries on the scaled schedule."""
    target = endpoint()
    calls: list[Notification] = []

    @target.receiver.on("customer.created")
    def flaky(event: Notification) -> None:
        calls.append(event)
        if len(calls) == 1:
            raise RuntimeError("not ready yet")

    target.subscribe(sandbox, types=["customer.created"])
    api.post("/v2/customers", json=CUSTOMER)
    assert sandbox.wait_for_notifications(10)
    assert len(calls) == 2
    log = sandbox.notifications()
    assert [(e["attempt"], e["outcome"], e["status"]) for e in log] == [
        (1, "retry", 500),
        (2, "sent", 200),
    ]
    assert log[0]["retry_in"] == pytest.approx(120 * 1e-5)
    counts = sandbox.stats()["notifications"]
    assert (counts["sent"], counts["failed"], counts["waiting_for_retry"]) == (1, 0, 0)
    assert counts["attempts"] == 2


def _closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_an_unreachable_endpoint_gets_ten_attempts_on_the_schedule() -> None:
    """Connection refused: retried x4 from 2 minutes (scaled), capped at 12 h, 10 attempts."""
    scale = 1e-6
    with Sandbox(notification_time_scale=scale).serve() as sandbox, httpx.Client() as plain:
        settings = sandbox.settings()
        token = plain.post(
            settings.token_url,
            auth=(settings.client_id, settings.client_secret),
            data={"grant_type": "client_credentials"},
        ).json()["access_token"]
        port = _closed_port()
        sandbox.subscribe(
            f"http://127.0.0.1:{port}/notifications",
            token_url=f"http://127.0.0.1:{port}/oauth2/token",
            client_id="x",
            client_secret="y",
            types=["customer.created"],
        )
        plain.post(
            f"{sandbox.base_url}/v2/customers",
            json=CUSTOMER,
            headers={"Authorization": f"Bearer {token}"},
        )
        assert sandbox.wait_for_notifications(10)
        log = sandbox.notifications()
        counts = sandbox.stats()["notifications"]
    assert [e["attempt"] for e in log] == list(range(1, MAX_ATTEMPTS + 1))
    assert [e["outcome"] for e in log] == ["retry"] * 9 + ["failed"]
    assert all("connection error" in e["error"] for e in log)
    assert [e["retry_in"] for e in log[:-1]] == pytest.approx(list(retry_intervals(scale)))
    assert retry_intervals()[:2] == (120.0, 480.0)
    assert max(retry_intervals()) == 12 * 3600
    assert (counts["failed"], counts["sent"], counts["attempts"]) == (1, 0, MAX_ATTEMPTS)


def test_a_4xx_answer_is_not_retried(
    sandbox: Sandbox, endpoint: Callable[..., Endpoint], api: httpx.Client
) -> None:
    """A 4xx other than 401/408/429 means the receiver refuses it for good (logged, failed)."""
    target = endpoint(max_body_size=10)  # every notification is too large: 413
    target.subscribe(sandbox, types=["customer.created"])
    api.post("/v2/customers", json=CUSTOMER)
    assert sandbox.wait_for_notifications(10)
    [entry] = sandbox.notifications()
    assert (entry["outcome"], entry["status"], entry["attempt"]) == ("failed", 413, 1)
    assert sandbox.stats()["notifications"]["failed"] == 1


def test_the_token_is_cached_until_it_expires(
    sandbox: Sandbox, endpoint: Callable[..., Endpoint], api: httpx.Client
) -> None:
    """One token request for many deliveries; after a 401 (the receiver's clock says the token
    expired) one new token and one replay."""
    clock = FakeClock(0.0)
    target = endpoint(clock=clock)
    received = keep(target.receiver)
    target.subscribe(sandbox)
    api.post("/v2/customers", json=CUSTOMER)
    api.post("/v2/contracts", json=CONTRACT)
    assert sandbox.wait_for_notifications(10)
    assert len(received) == 3
    assert len(target.token_requests) == 1
    clock.advance(301)
    api.post("/v2/contracts", json={**CONTRACT, "contractIdent": "CON-2"})
    assert sandbox.wait_for_notifications(10)
    assert len(received) == 4
    assert len(target.token_requests) == 2
    assert [e["outcome"] for e in sandbox.notifications()] == ["sent"] * 4


def test_wrong_credentials_fail_without_retries(
    sandbox: Sandbox, endpoint: Callable[..., Endpoint], api: httpx.Client
) -> None:
    target = endpoint()
    sandbox.subscribe(
        target.url,
        token_url=target.token_url,
        client_id="nb",
        client_secret="bad",
        types=["customer.created"],
    )
    api.post("/v2/customers", json=CUSTOMER)
    assert sandbox.wait_for_notifications(10)
    [entry] = sandbox.notifications()
    assert entry["outcome"] == "failed"
    assert "refused the credentials (401)" in entry["error"]


def test_api_answers_do_not_wait_for_deliveries(
    sandbox: Sandbox, endpoint: Callable[..., Endpoint], api: httpx.Client
) -> None:
    """A receiver that blocks does not hold up the API: the answer comes first."""
    target = endpoint()
    release = threading.Event()
    target.receiver.on("*")(lambda event: release.wait(10))
    target.subscribe(sandbox)
    assert api.post("/v2/customers", json=CUSTOMER).status_code == 201
    assert api.post("/v2/contracts", json=CONTRACT).status_code == 201
    assert not release.is_set()
    assert sandbox.stats()["notifications"]["sent"] == 0
    release.set()
    assert sandbox.wait_for_notifications(10)
    assert sandbox.stats()["notifications"]["sent"] == 3


def test_stats_and_log_over_http(
    sandbox: Sandbox, endpoint: Callable[..., Endpoint], api: httpx.Client
) -> None:
    target = endpoint()
    subscription = target.subscribe(sandbox, types=["customer.created"])
    assert "receiver-secret" not in repr(subscription)
    api.post("/v2/customers", json=CUSTOMER)
    assert sandbox.wait_for_notifications(10)
    stats = httpx.get(f"{sandbox.base_url}/_sandbox/stats").json()["notifications"]
    assert (stats["sent"], stats["failed"], stats["waiting_for_retry"]) == (1, 0, 0)
    log = httpx.get(f"{sandbox.base_url}/_sandbox/notifications").json()
    assert [e["notification_type"] for e in log] == ["customer.created"]
    assert log[0]["payload"]["customerIdent"] == "CUST-1"
    text = str(log)
    assert "receiver-secret" not in text
    sandbox.reset()
    assert httpx.get(f"{sandbox.base_url}/_sandbox/notifications").json() == []
    assert sandbox.stats()["notifications"]["subscriptions"] == 1


def test_stop_is_bounded_while_a_delivery_hangs(endpoint: Callable[..., Endpoint]) -> None:
    """stop() returns while the receiver still holds the delivery (it would for 30 s)."""
    target = endpoint()
    release, done = threading.Event(), threading.Event()

    @target.receiver.on("*")
    def hang(event: Notification) -> None:
        release.wait(30)
        done.set()

    sandbox = Sandbox()
    sandbox.start()
    try:
        target.subscribe(sandbox)
        settings = sandbox.settings()
        with httpx.Client() as plain:
            token = plain.post(
                settings.token_url,
                auth=(settings.client_id, settings.client_secret),
                data={"grant_type": "client_credentials"},
            ).json()["access_token"]
            plain.post(
                f"{sandbox.base_url}/v2/customers",
                json=CUSTOMER,
                headers={"Authorization": f"Bearer {token}"},
            )
        wait_until(lambda: sandbox.stats()["notifications"]["in_flight"] == 1)
    finally:
        sandbox.stop()
        still_hanging = not done.is_set()
        release.set()
    assert still_hanging


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"url": "ftp://x"}, "url must be an http"),
        ({"token_url": "nowhere"}, "token_url must be an http"),
        ({"client_secret": ""}, "client_secret must be a non-empty string"),
        ({"types": ["invoice.archive"]}, "unknown notification types"),
        ({"types": []}, "at least one"),
    ],
)
def test_bad_subscriptions_are_refused(kwargs: dict[str, Any], message: str) -> None:
    settings: dict[str, Any] = {
        "url": "http://127.0.0.1:1/notifications",
        "token_url": "http://127.0.0.1:1/oauth2/token",
        "client_id": "a",
        "client_secret": "b",
        **kwargs,
    }
    url = settings.pop("url")
    with pytest.raises(SandboxConfigError, match=message):
        Sandbox().subscribe(url, **settings)


@pytest.mark.parametrize("scale", [0, -1, float("inf"), "fast", True])
def test_a_bad_time_scale_is_refused(scale: Any) -> None:
    with pytest.raises(SandboxConfigError, match="time scale"):
        Sandbox(notification_time_scale=scale)
