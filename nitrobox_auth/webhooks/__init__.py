"""Receive Nitrobox notifications: typed events, the token endpoint Nitrobox authenticates
with, and an ASGI (or WSGI) app that hands each delivery to your handlers::

    from nitrobox_auth.webhooks import InvoiceArchivedNotification, WebhookReceiver

    receiver = WebhookReceiver(client_id="nitrobox", client_secret="...")

    @receiver.on("invoice.archived")
    async def fetch_pdf(event: InvoiceArchivedNotification) -> None:
        ...  # GET /v2/files/{event.file_ident}

    app = receiver.asgi_app()  # uvicorn module:app, or mount it in Starlette/FastAPI

Standard library only (plus anyio, already a dependency of the client), so a production
service can import it without the sandbox or a web framework. See docs/notifications.md.
"""

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
    OrderNotification,
    PaymentAssignmentNotification,
    PaymentCategory,
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
    Accepted,
    Answer,
    WebhookReceiver,
)
from nitrobox_auth.webhooks._values import parse_timestamp

__all__ = [
    "MAX_BODY_SIZE",
    "NOTIFICATIONS_PATH",
    "NOTIFICATION_TYPES",
    "TOKEN_PATH",
    "Accepted",
    "AddressNotification",
    "Answer",
    "ContractCreatedNotification",
    "ContractNotification",
    "ContractRenewedNotification",
    "ContractTerminatedNotification",
    "CustomerNotification",
    "DocumentAttachmentArchivedNotification",
    "DocumentRelation",
    "ExchangeRate",
    "InvalidNotificationError",
    "InvoiceArchivedNotification",
    "InvoiceNotification",
    "InvoiceOriginReference",
    "MerchantPaymentAccount",
    "Money",
    "Notification",
    "OrderNotification",
    "PaymentAssignmentNotification",
    "PaymentCategory",
    "PaymentIntentResultNotification",
    "SettlementCreatedNotification",
    "SettlementReport",
    "UnknownNotification",
    "WebhookConfigError",
    "WebhookReceiver",
    "parse_notification",
    "parse_timestamp",
]
