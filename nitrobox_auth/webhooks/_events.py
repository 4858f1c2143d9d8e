"""Typed notification events: one class per payload shape Nitrobox documents.

Field names are Python names (``invoice_ident``, ``contract_ident``), whatever the casing on
the wire (document notifications are snake_case, the others camelCase). Every field is
optional except ``notification_type``: the examples are partial, and a missing field must
not make a receiver refuse a delivery. Everything sent, known or not, stays in ``.raw``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, ClassVar

from nitrobox_auth.webhooks import _values as v


@dataclass(frozen=True, kw_only=True, slots=True)
class Notification:
    """Base of every event: the type and the payload as received."""

    notification_type: str
    raw: Mapping[str, Any] = field(repr=False, compare=False)

    types: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {}

    @classmethod
    def from_payload(cls, notification_type: str, data: Mapping[str, Any]) -> Notification:
        return cls(notification_type=notification_type, raw=data, **cls._fields(data))


@dataclass(frozen=True, kw_only=True, slots=True)
class UnknownNotification(Notification):
    """A ``notification_type`` this version does not know: read ``raw``."""


@dataclass(frozen=True, kw_only=True, slots=True)
class Money:
    amount: Decimal | None
    currency: str | None

    @classmethod
    def read(cls, data: Mapping[str, Any], key: str) -> Money | None:
        found = v.mapping(data, key)
        if found is None:
            return None
        return cls(amount=v.decimal(found, "amount"), currency=v.text(found, "currency"))


@dataclass(frozen=True, kw_only=True, slots=True)
class CustomerNotification(Notification):
    """``customer.created``, ``customer.updated``. Nitrobox lists these events but does not
    publish their payload; ``customer_ident`` and ``tenant_id`` read ``customerIdent`` and
    ``tenantId`` as in the other camelCase events (inferred; the sandbox sends them)."""

    types: ClassVar[tuple[str, ...]] = ("customer.created", "customer.updated")
    customer_ident: str | None = None
    tenant_id: str | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "customer_ident": v.text(data, "customerIdent"),
            "tenant_id": v.text(data, "tenantId"),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class AddressNotification(Notification):
    """``address.created``, ``address.updated`` (payload not published; ``customerIdent``,
    ``addressIdent`` and ``tenantId`` are inferred, and sent by the sandbox)."""

    types: ClassVar[tuple[str, ...]] = ("address.created", "address.updated")
    customer_ident: str | None = None
    address_ident: str | None = None
    tenant_id: str | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "customer_ident": v.text(data, "customerIdent"),
            "address_ident": v.text(data, "addressIdent"),
            "tenant_id": v.text(data, "tenantId"),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class OrderNotification(Notification):
    """``order.created``, ``order.updated``, ``order.cancelled``: ``{orderIdent, tenantId}``."""

    types: ClassVar[tuple[str, ...]] = ("order.created", "order.updated", "order.cancelled")
    order_ident: str | None = None
    tenant_id: str | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {"order_ident": v.text(data, "orderIdent"), "tenant_id": v.text(data, "tenantId")}


@dataclass(frozen=True, kw_only=True, slots=True)
class ContractNotification(Notification):
    """``contract.updated``, ``contract.cancelled``: ``{contractIdent, tenantId}``."""

    types: ClassVar[tuple[str, ...]] = ("contract.updated", "contract.cancelled")
    contract_ident: str | None = None
    tenant_id: str | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {
            "contract_ident": v.text(data, "contractIdent"),
            "tenant_id": v.text(data, "tenantId"),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class ContractCreatedNotification(ContractNotification):
    """``contract.created``: also ``startDate`` and ``endDate`` (``None`` when open-ended)."""

    types: ClassVar[tuple[str, ...]] = ("contract.created",)
    start_date: dt.datetime | None = None
    end_date: dt.datetime | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **ContractNotification._fields(data),
            "start_date": v.timestamp(data, "startDate"),
            "end_date": v.timestamp(data, "endDate"),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class ContractRenewedNotification(ContractNotification):
    """``contract.renewed``. Nitrobox sends ``nextRenewalDate`` without a zone (the tenant's
    local time) and ``nextRenewalDateUTC``: prefer ``next_renewal_date_utc``. The local one is
    read as UTC like every naive timestamp, so it is only right for tenants on UTC."""

    types: ClassVar[tuple[str, ...]] = ("contract.renewed",)
    next_renewal_date: dt.datetime | None = None
    next_renewal_date_utc: dt.datetime | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {
            **ContractNotification._fields(data),
            "next_renewal_date": v.timestamp(data, "nextRenewalDate"),
            "next_renewal_date_utc": v.timestamp(data, "nextRenewalDateUTC"),
        }


@dataclass(frozen=True, kw_only=True, slots=True)
class ContractTerminatedNotification(ContractNotification):
    """``contract.terminated`` (regular) and ``contract.expired``: also ``endDate``."""

    types: ClassVar[tuple[str, ...]] = ("contract.terminated", "contract.expired")
    end_date: dt.datetime | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        return {**ContractNotification._fields(data), "end_date": v.timestamp(data, "endDate")}


@dataclass(frozen=True, kw_only=True, slots=True)
class InvoiceOriginReference:
    reference_type: str | None
    reference_ident: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class InvoiceNotification(Notification):
    """``invoice.created`` (the document exists; its PDF may not yet) and ``invoice.updated``
    (metadata or status only). snake_case on the wire."""

    types: ClassVar[tuple[str, ...]] = ("invoice.created", "invoice.updated")
    invoice_ident: str | None = None
    reference_ident: str | None = None
    debtor_ident: str | None = None
    customer_ident: str | None = None
    type: str | None = None
    status: str | None = None
    next_status_timestamp: dt.datetime | None = None
    outstanding: Decimal | None = None
    invoice_total_exclusive_vat: Decimal | None = None
    invoice_total_vat: Decimal | None = None
    invoice_total_inclusive_vat: Decimal | None = None
    currency: str | None = None
    order_date: dt.datetime | None = None
    invoice_date: dt.datetime | None = None
    business_segment_ident: str | None = None
    business_segment_idents: tuple[str, ...] = ()
    business_client_id: str | None = None
    timestamp: dt.datetime | None = None
    invoice_origin_references: tuple[InvoiceOriginReference, ...] = ()
    document_reason: str | None = None
    related_invoice_ident: str | None = None

    @property
    def file_ident(self) -> str | None:
        """The ident to download the PDF with (``GET /v2/files/{ident}``): the invoice's."""
        return self.invoice_ident

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        texts = (
            "invoice_ident", "reference_ident", "debtor_ident", "customer_ident", "type",
            "status", "currency", "business_segment_ident", "business_client_id",
            "document_reason", "related_invoice_ident",
        )  # fmt: skip
        amounts = (
            "outstanding", "invoice_total_exclusive_vat", "invoice_total_vat",
            "invoice_total_inclusive_vat",
        )  # fmt: skip
        times = ("next_status_timestamp", "order_date", "invoice_date", "timestamp")
        found: dict[str, Any] = {name: v.text(data, name) for name in texts}
        found.update({name: v.decimal(data, name) for name in amounts})
        found.update({name: v.timestamp(data, name) for name in times})
        found["business_segment_idents"] = v.strings(data, "business_segment_idents")
        found["invoice_origin_references"] = tuple(
            InvoiceOriginReference(
                reference_type=v.text(item, "reference_type"),
                reference_ident=v.text(item, "reference_ident"),
            )
            for item in v.objects(data, "invoice_origin_references")
        )
        return found


@dataclass(frozen=True, kw_only=True, slots=True)
class DocumentRelation:
    document_reason: str | None
    document_related_ident: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class InvoiceArchivedNotification(InvoiceNotification):
    """``invoice.archived``: the PDF is stored; fetch it with ``GET /v2/files/{file_ident}``."""

    types: ClassVar[tuple[str, ...]] = ("invoice.archived",)
    invoice_total_post_tax_sum: Decimal | None = None
    invoice_total_document_account_due: Decimal | None = None
    invoice_total_deposit_sum: Decimal | None = None
    invoice_total_due: Decimal | None = None
    tenant_id: str | None = None
    document_relation: DocumentRelation | None = None
    preferred_document_delivery: str | None = None
    webportal_link: str | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        amounts = (
            "invoice_total_post_tax_sum", "invoice_total_document_account_due",
            "invoice_total_deposit_sum", "invoice_total_due",
        )  # fmt: skip
        found = InvoiceNotification._fields(data)
        found.update({name: v.decimal(data, name) for name in amounts})
        relation = v.mapping(data, "document_relation")
        found["document_relation"] = (
            None
            if relation is None
            else DocumentRelation(
                document_reason=v.text(relation, "documentReason"),
                document_related_ident=v.text(relation, "documentRelatedIdent"),
            )
        )
        for name in ("tenant_id", "preferred_document_delivery", "webportal_link"):
            found[name] = v.text(data, name)
        return found


@dataclass(frozen=True, kw_only=True, slots=True)
class DocumentAttachmentArchivedNotification(Notification):
    """``documentAttachment.archived``: an attachment (VAT id check result, XRechnung PDF,
    dunning document) is archived and can be fetched. Only the event is announced (changelog);
    its fields are not published, so read ``raw``."""

    types: ClassVar[tuple[str, ...]] = ("documentAttachment.archived",)


@dataclass(frozen=True, kw_only=True, slots=True)
class PaymentIntentResultNotification(Notification):
    """``paymentintent.result``. Failed intents carry structured error information (codes,
    messages, retry recommendations) in ``properties``, whose keys are not published."""

    types: ClassVar[tuple[str, ...]] = ("paymentintent.result",)
    tenant_id: str | None = None
    payment_intent_ident: str | None = None
    amount: Money | None = None
    reference_key: str | None = None
    reference_type: str | None = None
    reference_ident: str | None = None
    statement_descriptor: str | None = None
    merchant_payment_account_ident: str | None = None
    business_segment_ident: str | None = None
    payment_intent_status: str | None = None
    payment_intent_type: str | None = None
    payment_intent_response: Mapping[str, Any] | None = None
    properties: Mapping[str, Any] | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        keys = {
            "tenant_id": "tenantId",
            "payment_intent_ident": "paymentIntentIdent",
            "reference_key": "referenceKey",
            "reference_type": "referenceType",
            "reference_ident": "referenceIdent",
            "statement_descriptor": "statementDescriptor",
            "merchant_payment_account_ident": "merchantPaymentAccountIdent",
            "business_segment_ident": "businessSegmentIdent",
            "payment_intent_status": "paymentIntentStatus",
            "payment_intent_type": "paymentIntentType",
        }
        found: dict[str, Any] = {name: v.text(data, key) for name, key in keys.items()}
        found["amount"] = Money.read(data, "amount")
        found["payment_intent_response"] = v.mapping(data, "paymentIntentResponse")
        found["properties"] = v.mapping(data, "properties")
        return found


@dataclass(frozen=True, kw_only=True, slots=True)
class PaymentAssignmentNotification(Notification):
    """``paymentAssignment.processed``, ``paymentAssignment.reversed`` (payload not
    published: read ``raw``)."""

    types: ClassVar[tuple[str, ...]] = (
        "paymentAssignment.processed",
        "paymentAssignment.reversed",
    )


@dataclass(frozen=True, kw_only=True, slots=True)
class ExchangeRate:
    original_currency: str | None
    target_currency: str | None
    value: Decimal | None


@dataclass(frozen=True, kw_only=True, slots=True)
class MerchantPaymentAccount:
    ident: str | None
    payment_provider: str | None
    payment_provider_name: str | None
    currency: str | None
    country: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class SettlementReport:
    ident: str | None
    statement_reference: str | None
    statement_creation_date: dt.datetime | None
    file_name: str | None


@dataclass(frozen=True, kw_only=True, slots=True)
class PaymentCategory:
    name: str | None
    assignable: bool | None


@dataclass(frozen=True, kw_only=True, slots=True)
class SettlementCreatedNotification(Notification):
    """``settlement.created``: a settlement line of a payment provider's report."""

    types: ClassVar[tuple[str, ...]] = ("settlement.created",)
    payment_transaction: Mapping[str, Any] | None = None
    payment_transaction_ident: str | None = None
    tenant_id: str | None = None
    credit_debit_indicator: str | None = None
    creation_date: dt.datetime | None = None
    booking_date: dt.datetime | None = None
    value_date: dt.datetime | None = None
    ident: str | None = None
    external_ident: str | None = None
    customer_specific_ident: str | None = None
    recipient: Any = None
    sender: Any = None
    text: str | None = None
    base_amount: Money | None = None
    original_amount: Money | None = None
    exchange_rate: ExchangeRate | None = None
    merchant_payment_account: MerchantPaymentAccount | None = None
    settlement_report: SettlementReport | None = None
    settlement_line_number: str | None = None
    settlement_identifier: str | None = None
    fees: tuple[Mapping[str, Any], ...] = ()
    batch_items: tuple[Mapping[str, Any], ...] = ()
    payment_category: PaymentCategory | None = None
    properties: Mapping[str, Any] | None = None

    @classmethod
    def _fields(cls, data: Mapping[str, Any]) -> dict[str, Any]:
        texts = {
            "payment_transaction_ident": "paymentTransactionIdent",
            "tenant_id": "tenantId",
            "credit_debit_indicator": "creditDebitIndicator",
            "ident": "ident",
            "external_ident": "externalIdent",
            "customer_specific_ident": "customerSpecificIdent",
            "text": "text",
            "settlement_line_number": "settlementLineNumber",
            "settlement_identifier": "settlementIdentifier",
        }
        found: dict[str, Any] = {name: v.text(data, key) for name, key in texts.items()}
        for name, key in (
            ("creation_date", "creationDate"),
            ("booking_date", "bookingDate"),
            ("value_date", "valueDate"),
        ):
            found[name] = v.timestamp(data, key)
        found["payment_transaction"] = v.mapping(data, "paymentTransaction")
        found["recipient"] = data.get("recipient")
        found["sender"] = data.get("sender")
        found["base_amount"] = Money.read(data, "baseAmount")
        found["original_amount"] = Money.read(data, "originalAmount")
        found["fees"] = v.objects(data, "fees")
        found["batch_items"] = v.objects(data, "batchItems")
        found["properties"] = v.mapping(data, "properties")
        rate = v.mapping(data, "exchangeRate")
        found["exchange_rate"] = (
            None
            if rate is None
            else ExchangeRate(
                original_currency=v.text(rate, "originalCurrency"),
                target_currency=v.text(rate, "targetCurrency"),
                value=v.decimal(rate, "value"),
            )
        )
        account = v.mapping(data, "merchantPaymentAccount")
        found["merchant_payment_account"] = (
            None
            if account is None
            else MerchantPaymentAccount(
                ident=v.text(account, "ident"),
                payment_provider=v.text(account, "paymentProvider"),
                payment_provider_name=v.text(account, "paymentProviderName"),
                currency=v.text(account, "currency"),
                country=v.text(account, "country"),
            )
        )
        report = v.mapping(data, "settlementReport")
        found["settlement_report"] = (
            None
            if report is None
            else SettlementReport(
                ident=v.text(report, "ident"),
                statement_reference=v.text(report, "statementReference"),
                statement_creation_date=v.timestamp(report, "statementCreationDate"),
                file_name=v.text(report, "fileName"),
            )
        )
        category = v.mapping(data, "paymentCategory")
        found["payment_category"] = (
            None
            if category is None
            else PaymentCategory(
                name=v.text(category, "name"), assignable=v.boolean(category, "assignable")
            )
        )
        return found


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
)

# Every documented ``notification_type`` and the class its payload becomes.
NOTIFICATION_TYPES: Mapping[str, type[Notification]] = {
    name: cls for cls in EVENT_CLASSES for name in cls.types
}
