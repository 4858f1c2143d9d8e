"""Checked by mypy --strict in the typing tests' one run (tests/typing/test_typing.py): the
idiomatic calls give the event class."""

from __future__ import annotations

from decimal import Decimal
from typing import assert_type

from nitrobox_auth.webhooks import (
    InvoiceArchivedNotification,
    Notification,
    OposCaseDecisionNotification,
    OrderNotification,
    WebhookReceiver,
)
from nitrobox_sandbox import NotificationInbox

receiver = WebhookReceiver(client_id="nitrobox", client_secret="secret")


@receiver.on("invoice.archived")
async def archived(event: InvoiceArchivedNotification) -> None:
    assert_type(event.invoice_total_due, Decimal | None)


@receiver.on("order.cancelled")
def cancelled(event: OrderNotification) -> None: ...


@receiver.on("oposCaseDecision.reversion")
def reversion(event: Notification) -> None:  # a handler of the base class fits every type
    ...


@receiver.on("*")
def everything(event: Notification) -> None: ...


def waits(inbox: NotificationInbox) -> None:
    assert_type(inbox.wait_for("invoice.archived"), InvoiceArchivedNotification)
    assert_type(inbox.wait_for("oposCaseDecision.created", timeout=1), OposCaseDecisionNotification)
    assert_type(inbox.wait_for("something.else"), Notification)
