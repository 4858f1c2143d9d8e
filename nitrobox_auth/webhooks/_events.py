"""Typed notification events: one class per payload shape Nitrobox documents.

Every field is declared once, with its wire name and its reader::

    invoice_ident: str | None = wire("invoice_ident", v.text)

Field names are Python names, whatever the casing on the wire (document notifications are
snake_case, the others camelCase). Every field is optional except ``notification_type``:
the examples are partial, and a missing field must not make a receiver refuse a delivery.
Everything sent, known or not, stays in ``.raw``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar, Generic, TypeVar

from nitrobox_auth.webhooks import _values as v
from nitrobox_auth.webhooks._errors import InvalidNotificationError

Reader = Callable[[Mapping[str, Any], str], Any]
S = TypeVar("S", bound="Shape")
# per class, computed once: dataclasses.fields() on every delivery would be wasted work
_WIRE_FIELDS: dict[type[Shape], tuple[tuple[str, str, Reader], ...]] = {}


def wire(key: str, read: Reader, default: Any = None) -> Any:
    """A field read from the payload key ``key`` by ``read(payload, key)``."""
    return field(default=default, metadata={"wire": key, "read": read})


def wire_list(key: str, read: Reader) -> Any:
    return wire(key, read, default=())


@dataclass(frozen=True, kw_only=True, slots=True)
class Shape:
    """A JSON object read field by field (events and the objects nested in them)."""

    @classmethod
    def wire_fields(cls) -> tuple[tuple[str, str, Reader], ...]:
        """``(python name, wire name, reader)`` of every declared field."""
        found = _WIRE_FIELDS.get(cls)
        if found is None:
            found = _WIRE_FIELDS[cls] = tuple(
                (f.name, f.metadata["wire"], f.metadata["read"])
                for f in dataclasses.fields(cls)
                if "wire" in f.metadata
            )
        return found

    @classmethod
    def read_fields(
        cls, data: Mapping[str, Any], unreadable: list[str] | None = None
    ) -> dict[str, Any]:
        """The declared fields of ``data``. A value of the wrong kind raises
        :class:`InvalidNotificationError`, or, when ``unreadable`` is a list, is left at its
        default and its wire name appended there."""
        found: dict[str, Any] = {}
        for name, key, read in cls.wire_fields():
            try:
                found[name] = read(data, key)
            except InvalidNotificationError:
                if unreadable is None:
                    raise
                unreadable.append(key)
        return found

    @classmethod
    def read_object(cls: type[S], data: Mapping[str, Any]) -> S:
        return cls(**cls.read_fields(data))


class nested(Generic[S]):  # lower case: used like a function in field declarations
    """A reader for a nested JSON object of ``shape``."""

    def __init__(self, shape: type[S]) -> None:
        self.shape = shape

    def __call__(self, data: Mapping[str, Any], key: str) -> S | None:
        found = v.mapping(data, key)
        return None if found is None else self.shape.read_object(found)


class nested_list(Generic[S]):
    """A reader for a list of nested JSON objects of ``shape``."""

    def __init__(self, shape: type[S]) -> None:
        self.shape = shape

    def __call__(self, data: Mapping[str, Any], key: str) -> tuple[S, ...]:
        return tuple(self.shape.read_object(item) for item in v.objects(data, key))


def _as_is(data: Mapping[str, Any], key: str) -> Any:
    return data.get(key)


@dataclass(frozen=True, kw_only=True, slots=True)
class Notification(Shape):
    """Base of every event: the type and the payload as received.

    ``unreadable`` names the payload keys whose value had the wrong kind when the receiver
    read the delivery leniently (those fields are ``None``; the value is still in ``raw``).
    """

    notification_type: str
    raw: Mapping[str, Any] = field(repr=False, compare=False)
    unreadable: tuple[str, ...] = field(default=(), compare=False)

    types: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_payload(
        cls, notification_type: str, data: Mapping[str, Any], *, strict: bool = True
    ) -> Notification:
        unreadable: list[str] | None = None if strict else []
        found = cls.read_fields(data, unreadable)
        return cls(
            notification_type=notification_type,
            raw=data,
            unreadable=tuple(unreadable or ()),
            **found,
        )


@dataclass(frozen=True, kw_only=True, slots=True)
class UnknownNotification(Notification):
    """A type this version does not know (or one whose fields are not published): read
    ``raw``."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Money(Shape):
    amount: Decimal | None = wire("amount", v.decimal)
    currency: str | None = wire("currency", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class CustomerNotification(Notification):
    """``customer.created``, ``customer.updated``. Nitrobox lists these events but does not
    publish their payload; ``customer_ident`` and ``tenant_id`` read ``customerIdent`` and
    ``tenantId`` as in the other camelCase events (inferred; the sandbox sends them)."""

    types: ClassVar[tuple[str, ...]] = ("customer.created", "customer.updated")
    customer_ident: str | None = wire("customerIdent", v.text)
    tenant_id: str | None = wire("tenantId", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class AddressNotification(Notification):
    """``address.created``, ``address.updated`` (payload not published; ``customerIdent``,
    ``addressIdent`` and ``tenantId`` are inferred, and sent by the sandbox)."""

    types: ClassVar[tuple[str, ...]] = ("address.created", "address.updated")
    customer_ident: str | None = wire("customerIdent", v.text)
    address_ident: str | None = wire("addressIdent", v.text)
    tenant_id: str | None = wire("tenantId", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class OrderNotification(Notification):
    """``order.created``, ``order.updated``, ``order.cancelled``: ``{orderIdent, tenantId}``."""

    types: ClassVar[tuple[str, ...]] = ("order.created", "order.updated", "order.cancelled")
    order_ident: str | None = wire("orderIdent", v.text)
    tenant_id: str | None = wire("tenantId", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class ContractNotification(Notification):
    """``contract.updated``, ``contract.cancelled``: ``{contractIdent, tenantId}``."""

    types: ClassVar[tuple[str, ...]] = ("contract.updated", "contract.cancelled")
    contract_ident: str | None = wire("contractIdent", v.text)
    tenant_id: str | None = wire("tenantId", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class ContractCreatedNotification(ContractNotification):
    """``contract.created``: also ``startDate`` and ``endDate`` (``None`` when open-ended)."""

    types: ClassVar[tuple[str, ...]] = ("contract.created",)
    start_date: dt.datetime | None = wire("startDate", v.timestamp)
    end_date: dt.datetime | None = wire("endDate", v.timestamp)


@dataclass(frozen=True, kw_only=True, slots=True)
class ContractRenewedNotification(ContractNotification):
    """``contract.renewed``. Nitrobox sends ``nextRenewalDate`` without a zone (the tenant's
    local time) and ``nextRenewalDateUTC``: prefer ``next_renewal_date_utc``. The local one is
    read as UTC like every naive timestamp, so it is only right for tenants on UTC."""

    types: ClassVar[tuple[str, ...]] = ("contract.renewed",)
    next_renewal_date: dt.datetime | None = wire("nextRenewalDate", v.timestamp)
    next_renewal_date_utc: dt.datetime | None = wire("nextRenewalDateUTC", v.timestamp)


@dataclass(frozen=True, kw_only=True, slots=True)
class ContractTerminatedNotification(ContractNotification):
    """``contract.terminated`` (regular) and ``contract.expired``: also ``endDate``."""

    types: ClassVar[tuple[str, ...]] = ("contract.terminated", "contract.expired")
    end_date: dt.datetime | None = wire("endDate", v.timestamp)


@dataclass(frozen=True, kw_only=True, slots=True)
class InvoiceOriginReference(Shape):
    reference_type: str | None = wire("reference_type", v.text)
    reference_ident: str | None = wire("reference_ident", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class InvoiceNotification(Notification):
    """``invoice.created`` (the document exists; its PDF may not yet) and ``invoice.updated``
    (metadata or status only). snake_case on the wire."""

    types: ClassVar[tuple[str, ...]] = ("invoice.created", "invoice.updated")
    invoice_ident: str | None = wire("invoice_ident", v.text)
    reference_ident: str | None = wire("reference_ident", v.text)
    debtor_ident: str | None = wire("debtor_ident", v.text)
    customer_ident: str | None = wire("customer_ident", v.text)
    type: str | None = wire("type", v.text)
    status: str | None = wire("status", v.text)
    next_status_timestamp: dt.datetime | None = wire("next_status_timestamp", v.timestamp)
    outstanding: Decimal | None = wire("outstanding", v.decimal)
    invoice_total_exclusive_vat: Decimal | None = wire("invoice_total_exclusive_vat", v.decimal)
    invoice_total_vat: Decimal | None = wire("invoice_total_vat", v.decimal)
    invoice_total_inclusive_vat: Decimal | None = wire("invoice_total_inclusive_vat", v.decimal)
    currency: str | None = wire("currency", v.text)
    order_date: dt.datetime | None = wire("order_date", v.timestamp)
    invoice_date: dt.datetime | None = wire("invoice_date", v.timestamp)
    business_segment_ident: str | None = wire("business_segment_ident", v.text)
    business_segment_idents: tuple[str, ...] = wire_list("business_segment_idents", v.strings)
    business_client_id: str | None = wire("business_client_id", v.text)
    timestamp: dt.datetime | None = wire("timestamp", v.timestamp)
    invoice_origin_references: tuple[InvoiceOriginReference, ...] = wire_list(
        "invoice_origin_references", nested_list(InvoiceOriginReference)
    )
    document_reason: str | None = wire("document_reason", v.text)
    related_invoice_ident: str | None = wire("related_invoice_ident", v.text)

    @property
    def file_ident(self) -> str | None:
        """The ident to download the PDF with (``GET /v2/files/{ident}``): the invoice's."""
        return self.invoice_ident


@dataclass(frozen=True, kw_only=True, slots=True)
class DocumentRelation(Shape):
    document_reason: str | None = wire("documentReason", v.text)
    document_related_ident: str | None = wire("documentRelatedIdent", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class InvoiceArchivedNotification(InvoiceNotification):
    """``invoice.archived``: the PDF is stored; fetch it with ``GET /v2/files/{file_ident}``."""

    types: ClassVar[tuple[str, ...]] = ("invoice.archived",)
    invoice_total_post_tax_sum: Decimal | None = wire("invoice_total_post_tax_sum", v.decimal)
    invoice_total_document_account_due: Decimal | None = wire(
        "invoice_total_document_account_due", v.decimal
    )
    invoice_total_deposit_sum: Decimal | None = wire("invoice_total_deposit_sum", v.decimal)
    invoice_total_due: Decimal | None = wire("invoice_total_due", v.decimal)
    tenant_id: str | None = wire("tenant_id", v.text)
    document_relation: DocumentRelation | None = wire("document_relation", nested(DocumentRelation))
    preferred_document_delivery: str | None = wire("preferred_document_delivery", v.text)
    webportal_link: str | None = wire("webportal_link", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class DocumentAttachmentArchivedNotification(Notification):
    """``documentAttachment.archived``: an attachment (VAT id check result, XRechnung PDF,
    dunning document) is archived and can be fetched. Only the event is announced (changelog);
    its fields are not published, so read ``raw``."""

    types: ClassVar[tuple[str, ...]] = ("documentAttachment.archived",)


@dataclass(frozen=True, kw_only=True, slots=True)
class PaymentIntentResponse(Shape):
    """The provider's answer inside ``paymentintent.result`` (facts 3, R3; the example is cut
    off after ``statusMessage``: read the rest from ``raw``)."""

    ident: str | None = wire("ident", v.text)
    external_ident: str | None = wire("externalIdent", v.text)
    customer_specific_ident: str | None = wire("customerSpecificIdent", v.text)
    status: str | None = wire("status", v.text)
    status_message: str | None = wire("statusMessage", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class PaymentIntentResultNotification(Notification):
    """``paymentintent.result``. Failed intents carry structured error information (codes,
    messages, retry recommendations) in ``properties``, whose keys are not published."""

    types: ClassVar[tuple[str, ...]] = ("paymentintent.result",)
    tenant_id: str | None = wire("tenantId", v.text)
    payment_intent_ident: str | None = wire("paymentIntentIdent", v.text)
    amount: Money | None = wire("amount", nested(Money))
    reference_key: str | None = wire("referenceKey", v.text)
    reference_type: str | None = wire("referenceType", v.text)
    reference_ident: str | None = wire("referenceIdent", v.text)
    statement_descriptor: str | None = wire("statementDescriptor", v.text)
    merchant_payment_account_ident: str | None = wire("merchantPaymentAccountIdent", v.text)
    business_segment_ident: str | None = wire("businessSegmentIdent", v.text)
    payment_intent_status: str | None = wire("paymentIntentStatus", v.text)
    payment_intent_type: str | None = wire("paymentIntentType", v.text)
    payment_intent_response: PaymentIntentResponse | None = wire(
        "paymentIntentResponse", nested(PaymentIntentResponse)
    )
    properties: Mapping[str, Any] | None = wire("properties", v.mapping)


@dataclass(frozen=True, kw_only=True, slots=True)
class PaymentAssignmentNotification(Notification):
    """``paymentAssignment.processed``, ``paymentAssignment.reversed`` (payload not
    published: read ``raw``)."""

    types: ClassVar[tuple[str, ...]] = (
        "paymentAssignment.processed",
        "paymentAssignment.reversed",
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class ExchangeRate(Shape):
    original_currency: str | None = wire("originalCurrency", v.text)
    target_currency: str | None = wire("targetCurrency", v.text)
    value: Decimal | None = wire("value", v.decimal)


@dataclass(frozen=True, kw_only=True, slots=True)
class MerchantPaymentAccount(Shape):
    ident: str | None = wire("ident", v.text)
    payment_provider: str | None = wire("paymentProvider", v.text)
    payment_provider_name: str | None = wire("paymentProviderName", v.text)
    currency: str | None = wire("currency", v.text)
    country: str | None = wire("country", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class SettlementReport(Shape):
    ident: str | None = wire("ident", v.text)
    statement_reference: str | None = wire("statementReference", v.text)
    statement_creation_date: dt.datetime | None = wire("statementCreationDate", v.timestamp)
    file_name: str | None = wire("fileName", v.text)


@dataclass(frozen=True, kw_only=True, slots=True)
class PaymentCategory(Shape):
    name: str | None = wire("name", v.text)
    assignable: bool | None = wire("assignable", v.boolean)


@dataclass(frozen=True, kw_only=True, slots=True)
class SettlementCreatedNotification(Notification):
    """``settlement.created``: a settlement line of a payment provider's report."""

    types: ClassVar[tuple[str, ...]] = ("settlement.created",)
    payment_transaction: Mapping[str, Any] | None = wire("paymentTransaction", v.mapping)
    payment_transaction_ident: str | None = wire("paymentTransactionIdent", v.text)
    tenant_id: str | None = wire("tenantId", v.text)
    credit_debit_indicator: str | None = wire("creditDebitIndicator", v.text)
    creation_date: dt.datetime | None = wire("creationDate", v.timestamp)
    booking_date: dt.datetime | None = wire("bookingDate", v.timestamp)
    value_date: dt.datetime | None = wire("valueDate", v.timestamp)
    ident: str | None = wire("ident", v.text)
    external_ident: str | None = wire("externalIdent", v.text)
    customer_specific_ident: str | None = wire("customerSpecificIdent", v.text)
    recipient: Any = wire("recipient", _as_is)
    sender: Any = wire("sender", _as_is)
    text: str | None = wire("text", v.text)
    base_amount: Money | None = wire("baseAmount", nested(Money))
    original_amount: Money | None = wire("originalAmount", nested(Money))
    exchange_rate: ExchangeRate | None = wire("exchangeRate", nested(ExchangeRate))
    merchant_payment_account: MerchantPaymentAccount | None = wire(
        "merchantPaymentAccount", nested(MerchantPaymentAccount)
    )
    settlement_report: SettlementReport | None = wire("settlementReport", nested(SettlementReport))
    settlement_line_number: str | None = wire("settlementLineNumber", v.text)
    settlement_identifier: str | None = wire("settlementIdentifier", v.text)
    fees: tuple[Mapping[str, Any], ...] = wire_list("fees", v.objects)
    batch_items: tuple[Mapping[str, Any], ...] = wire_list("batchItems", v.objects)
    payment_category: PaymentCategory | None = wire("paymentCategory", nested(PaymentCategory))
    properties: Mapping[str, Any] | None = wire("properties", v.mapping)


@dataclass(frozen=True, kw_only=True, slots=True)
class OposAssignment(Shape):
    """One assignment of an OPOS case (facts 3, R1). ``creation_date`` is sent without a
    zone and read as UTC, like every naive timestamp."""

    amount: Decimal | None = wire("amount", v.decimal)
    currency: str | None = wire("currency", v.text)
    debit_credit_indicator: str | None = wire("debitCreditIndicator", v.text)
    payment_assignment_ident: str | None = wire("paymentAssignmentIdent", v.text)
    source_ident: str | None = wire("sourceIdent", v.text)
    source_type: str | None = wire("sourceType", v.text)
    target_ident: str | None = wire("targetIdent", v.text)
    target_type: str | None = wire("targetType", v.text)
    creation_date: dt.datetime | None = wire("creationDate", v.timestamp)


@dataclass(frozen=True, kw_only=True, slots=True)
class OposCaseUpdatedNotification(Notification):
    """``OPOS_CASE_UPDATED`` (upper snake case on the wire, facts 3, R1): an open item case's
    sums and assignments changed."""

    types: ClassVar[tuple[str, ...]] = ("OPOS_CASE_UPDATED",)
    tenant_id: str | None = wire("tenantId", v.text)
    debtor_ident: str | None = wire("debtorIdent", v.text)
    ident: str | None = wire("ident", v.text)
    initial_document_ident: str | None = wire("initialDocumentIdent", v.text)
    debit_sum: Decimal | None = wire("debitSum", v.decimal)
    credit_sum: Decimal | None = wire("creditSum", v.decimal)
    balance: Decimal | None = wire("balance", v.decimal)
    currency: str | None = wire("currency", v.text)
    status: str | None = wire("status", v.text)
    assignments: tuple[OposAssignment, ...] = wire_list("assignments", nested_list(OposAssignment))


@dataclass(frozen=True, kw_only=True, slots=True)
class OposCaseDecisionNotification(Notification):
    """``oposCaseDecision.*``: a decision on an OPOS case (facts 3, R2). These payloads name
    their type ``notificationType`` (camelCase); the receiver reads either key."""

    types: ClassVar[tuple[str, ...]] = (
        "oposCaseDecision.created",
        "oposCaseDecision.discount",
        "oposCaseDecision.uncollectableReceivable",
        "oposCaseDecision.doubtfulReceivable",
        "oposCaseDecision.otherRevenue",
        "oposCaseDecision.reversion",
    )
    tenant_id: str | None = wire("tenantId", v.text)
    opos_case_ident: str | None = wire("oposCaseIdent", v.text)
    ident: str | None = wire("ident", v.text)
    type: str | None = wire("type", v.text)
    note: str | None = wire("note", v.text)
    amount: Money | None = wire("amount", nested(Money))
    debit_credit_indicator: str | None = wire("debitCreditIndicator", v.text)
    reversion_target_ident: str | None = wire("reversionTargetIdent", v.text)


EVENT_CLASSES: tuple[type[Notification], ...] = (
    CustomerNotification,
    AddressNotification,
    OrderNotification,
    ContractCreatedNotification,
    ContractNotification,
    ContractRenewedNotification,
    ContractTerminatedNotification,
    InvoiceNotification,
    InvoiceArchivedNotification,
    DocumentAttachmentArchivedNotification,
    PaymentIntentResultNotification,
    PaymentAssignmentNotification,
    SettlementCreatedNotification,
    OposCaseUpdatedNotification,
    OposCaseDecisionNotification,
)

# Every documented notification type and the class its payload becomes.
NOTIFICATION_TYPES: Mapping[str, type[Notification]] = {
    name: cls for cls in EVENT_CLASSES for name in cls.types
}
