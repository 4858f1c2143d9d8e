"""Receive Nitrobox notifications: typed events, the token endpoint Nitrobox authenticates
with, and an ASGI (or WSGI) app that hands each delivery to your handlers::

    from nitrobox_auth.webhooks import InvoiceArchivedNotification, WebhookReceiver

    receiver = WebhookReceiver(client_id="nitrobox", client_secret="...")

    @receiver.on("invoice.archived")
    async def fetch_pdf(event: InvoiceArchivedNotification) -> None:
        ...  # GET /v2/files/{event.file_ident}

    app = receiver.asgi_app()  # uvicorn module:app, or mount it in Starlette/FastAPI

Standard library only (plus anyio, already a dependency of the client; ``RedisDeliveryLog``
needs the ``redis`` extra), so a production service can import it without the sandbox or a
web framework. Several workers and instances: see "Production" in docs/notifications.md.
"""

from typing import TYPE_CHECKING, Any

from nitrobox_auth.webhooks._deliveries import DeliveryLog, MemoryDeliveryLog, Seen
from nitrobox_auth.webhooks._errors import InvalidNotificationError, WebhookConfigError
from nitrobox_auth.webhooks._events import (
    NOTIFICATION_TYPES,
    AddressNotification,
    ContractCreatedNotification,
    ContractNotification,
    ContractRenewedNotification,
    ContractTerminatedNotification,
    CustomerNotification,
    DocumentAttachmentArchivedNotification,
    DocumentRelation,
    ExchangeRate,
    InvoiceArchivedNotification,
    InvoiceNotification,
    InvoiceOriginReference,
    MerchantPaymentAccount,
    Money,
    Notification,
    OposAssignment,
    OposCaseDecisionNotification,
    OposCaseUpdatedNotification,
    OrderNotification,
    PaymentAssignmentNotification,
    PaymentCategory,
    PaymentIntentResponse,
    PaymentIntentResultNotification,
    SettlementCreatedNotification,
    SettlementReport,
    UnknownNotification,
)
from nitrobox_auth.webhooks._parse import parse_notification
from nitrobox_auth.webhooks._receiver import (
    MAX_BODY_SIZE,
    NOTIFICATIONS_PATH,
    TOKEN_PATH,
    Answer,
    WebhookReceiver,
)
from nitrobox_auth.webhooks._values import parse_timestamp

if TYPE_CHECKING:
    from nitrobox_auth.webhooks._deliveries_redis import RedisDeliveryLog


def __getattr__(name: str) -> Any:
    # RedisDeliveryLog imports redis only when built; its module is loaded on first use
    if name == "RedisDeliveryLog":
        from nitrobox_auth.webhooks._deliveries_redis import RedisDeliveryLog

        return RedisDeliveryLog
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAX_BODY_SIZE",
    "NOTIFICATIONS_PATH",
    "NOTIFICATION_TYPES",
    "TOKEN_PATH",
    "AddressNotification",
    "Answer",
    "ContractCreatedNotification",
    "ContractNotification",
    "ContractRenewedNotification",
    "ContractTerminatedNotification",
    "CustomerNotification",
    "DeliveryLog",
    "DocumentAttachmentArchivedNotification",
    "DocumentRelation",
    "ExchangeRate",
    "InvalidNotificationError",
    "InvoiceArchivedNotification",
    "InvoiceNotification",
    "InvoiceOriginReference",
    "MemoryDeliveryLog",
    "MerchantPaymentAccount",
    "Money",
    "Notification",
    "OposAssignment",
    "OposCaseDecisionNotification",
    "OposCaseUpdatedNotification",
    "OrderNotification",
    "PaymentAssignmentNotification",
    "PaymentCategory",
    "PaymentIntentResponse",
    "PaymentIntentResultNotification",
    "RedisDeliveryLog",
    "Seen",
    "SettlementCreatedNotification",
    "SettlementReport",
    "UnknownNotification",
    "WebhookConfigError",
    "WebhookReceiver",
    "parse_notification",
    "parse_timestamp",
]
