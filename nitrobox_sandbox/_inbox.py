"""``NotificationInbox``: a :class:`~nitrobox_auth.webhooks.WebhookReceiver` served on
loopback that keeps every notification it receives, for tests and the demo.

It is what a user's own endpoint would be, run by the test: the sandbox fetches a token from
its token endpoint and POSTs notifications to it, over real HTTP.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Literal, overload

from nitrobox_auth.webhooks import (
    AddressNotification,
    ContractCreatedNotification,
    ContractNotification,
    ContractRenewedNotification,
    ContractTerminatedNotification,
    CustomerNotification,
    DocumentAttachmentArchivedNotification,
    InvoiceArchivedNotification,
    InvoiceNotification,
    Notification,
    OposCaseDecisionNotification,
    OposCaseUpdatedNotification,
    OrderNotification,
    PaymentAssignmentNotification,
    PaymentIntentResultNotification,
    SettlementCreatedNotification,
    WebhookReceiver,
)
from nitrobox_sandbox._errors import SandboxError
from nitrobox_sandbox._server import BackgroundServer

if TYPE_CHECKING:
    from nitrobox_sandbox._notifier import Subscription
    from nitrobox_sandbox._sandbox import Sandbox

_MISSING = object()


class NotificationTimeout(SandboxError, AssertionError):
    """The awaited notification did not arrive in time; the message lists what did.
    (An ``AssertionError`` too, so a test reports it as a failure, not an error.)"""


class NotificationInbox:
    """Receives notifications on ``http://127.0.0.1:<port>/notifications``.

    ``received`` holds every event, in arrival order (redeliveries of an identical body are
    acknowledged but not added twice, as the receiver kit does for any handler).
    """

    def __init__(self, *, token_lifetime: float = 300) -> None:
        self.client_id = "sandbox-notifications"
        self._client_secret = secrets.token_urlsafe(24)
        self.receiver = WebhookReceiver(
            client_id=self.client_id,
            client_secret=self._client_secret,
            token_lifetime=token_lifetime,
        )
        self._events: list[Notification] = []
        self._cond = threading.Condition()
        self.receiver.on("*")(self._keep)
        self._server: BackgroundServer | None = None
        self._subscriptions: list[tuple[Sandbox, Subscription]] = []

    def __repr__(self) -> str:
        where = self.base_url if self._server is not None else "not serving"
        return f"NotificationInbox({where}, {len(self._events)} received)"

    async def _keep(self, event: Notification) -> None:
        with self._cond:
            self._events.append(event)
            self._cond.notify_all()

    # -- serving ------------------------------------------------------------------------------

    def start(self) -> NotificationInbox:
        if self._server is not None:
            raise SandboxError("the notification inbox is already serving")
        server = BackgroundServer(self.receiver.asgi_app())
        server.start()
        self._server = server
        return self

    def stop(self) -> None:
        """Unsubscribe from every sandbox, then stop serving (bounded)."""
        for sandbox, subscription in self._subscriptions:
            sandbox.unsubscribe(subscription)
        self._subscriptions.clear()
        server, self._server = self._server, None
        if server is not None:
            server.stop()

    def __enter__(self) -> NotificationInbox:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        if self._server is None or self._server.port is None:
            raise SandboxError("the notification inbox is not serving: call start() first")
        return f"http://127.0.0.1:{self._server.port}"

    @property
    def url(self) -> str:
        return f"{self.base_url}/notifications"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/oauth2/token"

    def subscribe_to(self, sandbox: Sandbox, *, types: list[str] | None = None) -> Subscription:
        """Have ``sandbox`` deliver here (all types unless ``types``)."""
        subscription = sandbox.subscribe(
            self.url,
            token_url=self.token_url,
            client_id=self.client_id,
            client_secret=self._client_secret,
            types=types,
        )
        self._subscriptions.append((sandbox, subscription))
        return subscription

    # -- reading ------------------------------------------------------------------------------

    @property
    def received(self) -> list[Notification]:
        """Every notification received so far, oldest first (a copy)."""
        with self._cond:
            return list(self._events)

    def clear(self) -> None:
        with self._cond:
            self._events.clear()

    # The event class per documented type for mypy, as WebhookReceiver.on has them (a test
    # keeps both in step with NOTIFICATION_TYPES).
    @overload
    def wait_for(
        self,
        notification_type: Literal["customer.created", "customer.updated"],
        timeout: float = ...,
        **fields: Any,
    ) -> CustomerNotification: ...
    @overload
    def wait_for(
        self,
        notification_type: Literal["address.created", "address.updated"],
        timeout: float = ...,
        **fields: Any,
    ) -> AddressNotification: ...
    @overload
    def wait_for(
        self,
        notification_type: Literal["order.created", "order.updated", "order.cancelled"],
        timeout: float = ...,
        **fields: Any,
    ) -> OrderNotification: ...
    @overload
    def wait_for(
        self, notification_type: Literal["contract.created"], timeout: float = ..., **fields: Any
    ) -> ContractCreatedNotification: ...
    @overload
    def wait_for(
        self,
        notification_type: Literal["contract.updated", "contract.cancelled"],
        timeout: float = ...,
        **fields: Any,
    ) -> ContractNotification: ...
    @overload
    def wait_for(
        self, notification_type: Literal["contract.renewed"], timeout: float = ..., **fields: Any
    ) -> ContractRenewedNotification: ...
    @overload
    def wait_for(
        self,
        notification_type: Literal["contract.terminated", "contract.expired"],
        timeout: float = ...,
        **fields: Any,
    ) -> ContractTerminatedNotification: ...
    @overload
    def wait_for(
        self,
        notification_type: Literal["invoice.created", "invoice.updated"],
        timeout: float = ...,
        **fields: Any,
    ) -> InvoiceNotification: ...
    @overload
    def wait_for(
        self, notification_type: Literal["invoice.archived"], timeout: float = ..., **fields: Any
    ) -> InvoiceArchivedNotification: ...
    @overload
    def wait_for(
        self,
        notification_type: Literal["documentAttachment.archived"],
        timeout: float = ...,
        **fields: Any,
    ) -> DocumentAttachmentArchivedNotification: ...
    @overload
    def wait_for(
        self,
        notification_type: Literal["paymentintent.result"],
        timeout: float = ...,
        **fields: Any,
    ) -> PaymentIntentResultNotification: ...
    @overload
    def wait_for(
        self,
        notification_type: Literal["paymentAssignment.processed", "paymentAssignment.reversed"],
        timeout: float = ...,
        **fields: Any,
    ) -> PaymentAssignmentNotification: ...
    @overload
    def wait_for(
        self, notification_type: Literal["settlement.created"], timeout: float = ..., **fields: Any
    ) -> SettlementCreatedNotification: ...
    @overload
    def wait_for(
        self, notification_type: Literal["OPOS_CASE_UPDATED"], timeout: float = ..., **fields: Any
    ) -> OposCaseUpdatedNotification: ...
    @overload
    def wait_for(
        self,
        notification_type: Literal[
            "oposCaseDecision.created",
            "oposCaseDecision.discount",
            "oposCaseDecision.uncollectableReceivable",
            "oposCaseDecision.doubtfulReceivable",
            "oposCaseDecision.otherRevenue",
            "oposCaseDecision.reversion",
        ],
        timeout: float = ...,
        **fields: Any,
    ) -> OposCaseDecisionNotification: ...
    @overload
    def wait_for(
        self, notification_type: str, timeout: float = ..., **fields: Any
    ) -> Notification: ...

    def wait_for(
        self, notification_type: str, timeout: float = 10.0, **fields: Any
    ) -> Notification:
        """The first received ``notification_type`` event whose fields equal ``fields``
        (Python names such as ``invoice_ident=``, or payload keys), waiting up to ``timeout``
        seconds; :class:`NotificationTimeout` lists what arrived if none does."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                for event in self._events:
                    if _matches(event, notification_type, fields):
                        return event
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            arrived = list(self._events)
        wanted = notification_type + "".join(f" {k}={v!r}" for k, v in fields.items())
        raise NotificationTimeout(
            f"no {wanted} notification within {timeout:g} s; "
            + (
                f"{len(arrived)} arrived:\n" + "\n".join(f"  {_describe(e)}" for e in arrived)
                if arrived
                else "none arrived at all"
            )
        )

    def __iter__(self) -> Iterator[Notification]:
        return iter(self.received)

    def __len__(self) -> int:
        with self._cond:
            return len(self._events)


def _matches(event: Notification, notification_type: str, fields: dict[str, Any]) -> bool:
    if event.notification_type.lower() != notification_type.lower():
        return False
    for name, expected in fields.items():
        value = getattr(event, name, _MISSING)
        if value is _MISSING:
            value = event.raw.get(name, _MISSING)
        if value != expected:
            return False
    return True


def _describe(event: Notification) -> str:
    idents = {k: v for k, v in event.raw.items() if k.lower().endswith("ident") and v}
    shown = ", ".join(f"{k}={v!r}" for k, v in list(idents.items())[:3])
    return f"{event.notification_type}" + (f" ({shown})" if shown else "")
