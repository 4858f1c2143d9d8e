"""The delivery log: pluggable, and a failing store never costs a delivery."""

from __future__ import annotations

import json
import logging

import pytest
from webhook_helpers import CLIENT_ID, CLIENT_SECRET, notify, token

from nitrobox_auth.webhooks import (
    DeliveryLog,
    MemoryDeliveryLog,
    Notification,
    Seen,
    WebhookConfigError,
    WebhookReceiver,
)
from nitrobox_auth.webhooks._deliveries import delivery_key


class Store:
    """A shared store stand-in: a MemoryDeliveryLog that can be switched to failing."""

    def __init__(self) -> None:
        self.inner = MemoryDeliveryLog()
        self.failing = False
        self.calls: list[tuple[str, str, bool | None]] = []

    def __repr__(self) -> str:
        return "Store()"

    def begin(self, key: str) -> Seen:
        self.calls.append(("begin", key, None))
        if self.failing:
            raise ConnectionError("redis://user:hunter2@cache:6379 is down")
        return self.inner.begin(key)

    def finish(self, key: str, *, handled: bool) -> None:
        self.calls.append(("finish", key, handled))
        if self.failing:
            raise ConnectionError("down")
        self.inner.finish(key, handled=handled)


def receiver_with(store: DeliveryLog) -> tuple[WebhookReceiver, list[str]]:
    receiver = WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, delivery_log=store)
    seen: list[str] = []
    receiver.on("*")(lambda event: seen.append(event.raw["orderIdent"]))
    return receiver, seen


def order(ident: str) -> dict[str, str]:
    return {"notification_type": "order.created", "orderIdent": ident}


def test_the_store_is_asked_and_told() -> None:
    store = Store()
    receiver, seen = receiver_with(store)
    bearer = token(receiver)
    assert notify(receiver, order("O-1"), bearer=bearer).json() == {"status": "received"}
    assert notify(receiver, order("O-1"), bearer=bearer).json() == {"status": "duplicate"}
    assert seen == ["O-1"]
    assert [(what, handled) for what, _, handled in store.calls] == [
        ("begin", None), ("finish", True), ("begin", None)
    ]  # fmt: skip


def test_another_instance_busy_with_it_gets_503() -> None:
    """While one instance handles a body, another gets 503 (Retry-After) for it."""
    store = Store()
    other, seen = receiver_with(store)
    body = order("O-2")
    assert store.begin(delivery_key(json.dumps(body).encode())) is Seen.NEW
    answer = notify(other, body)
    assert answer.status == 503
    assert dict(answer.headers)["retry-after"] == "1"
    assert seen == []


def test_a_failing_store_warns_once_and_loses_nothing(caplog: pytest.LogCaptureFixture) -> None:
    store = Store()
    store.failing = True
    receiver, seen = receiver_with(store)
    bearer = token(receiver)
    with caplog.at_level(logging.INFO, logger="nitrobox_auth.webhooks"):
        for ident in ("A", "B", "C", "A"):
            assert notify(receiver, order(ident), bearer=bearer).status == 200
        warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
        assert len(warnings) == 1
        assert "in this process only" in warnings[0].getMessage()
        assert "hunter2" not in caplog.text
        assert seen == ["A", "B", "C"]  # the in-process memory still recognised "A"
        store.failing = False
        assert notify(receiver, order("D"), bearer=bearer).status == 200
        assert "works again" in caplog.text
        store.failing = True
        assert notify(receiver, order("E"), bearer=bearer).status == 200
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 2
    assert seen == ["A", "B", "C", "D", "E"]


def test_a_failed_handler_is_not_remembered_as_done() -> None:
    store = Store()
    receiver, _ = receiver_with(store)
    calls: list[Notification] = []

    @receiver.on("order.created")
    def flaky(event: Notification) -> None:
        calls.append(event)
        if len(calls) == 1:
            raise RuntimeError("database unavailable")

    bearer = token(receiver)
    assert notify(receiver, order("F"), bearer=bearer).status == 500
    assert notify(receiver, order("F"), bearer=bearer).status == 200
    assert len(calls) == 2
    assert ("finish", store.calls[1][1], False) in store.calls


def test_something_else_as_delivery_log_is_refused() -> None:
    with pytest.raises(WebhookConfigError, match="DeliveryLog"):
        WebhookReceiver(
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            delivery_log="redis://localhost",  # type: ignore[arg-type]
        )


def test_the_default_log_is_per_process_memory() -> None:
    receiver = WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, remember=5)
    assert isinstance(receiver.delivery_log, MemoryDeliveryLog)
    assert receiver.delivery_log.size == 5
