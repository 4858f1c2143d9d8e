from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.document_relation import DocumentRelation
    from ..models.invoice_origin_reference import InvoiceOriginReference


T = TypeVar("T", bound="InvoiceArchivedNotification")


@_attrs_define
class InvoiceArchivedNotification:
    """Payload of invoice.archived: the invoice.created fields plus totals, the tenant, the document relation, the delivery
    preference and a web portal link.

        Example:
            {'notification_type': 'invoice.archived', 'invoice_ident': 'INV-2025-0001', 'status': 'invoiced', 'outstanding':
                '2.76', 'invoice_total_inclusive_vat': '2.76', 'invoice_total_due': '2.76', 'tenant_id': 1, 'timestamp':
                1658818761, 'document_relation': {'documentReason': 'CORRECTION', 'documentRelatedIdent': 'INV-2024-0099'},
                'preferred_document_delivery': 'EMAIL'}

        Attributes:
            notification_type (str | Unset):
            invoice_ident (str | Unset):
            reference_ident (None | str | Unset):
            debtor_ident (None | str | Unset):
            customer_ident (None | str | Unset):
            type_ (str | Unset): e.g. `invoice`.
            status (None | str | Unset):
            next_status_timestamp (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes
                as a number and sometimes as a (decimal or epoch) string.
            outstanding (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a
                number and sometimes as a (decimal or epoch) string.
            invoice_total_exclusive_vat (float | None | str | Unset): A value that Nitrobox's notification examples show
                sometimes as a number and sometimes as a (decimal or epoch) string.
            invoice_total_vat (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as
                a number and sometimes as a (decimal or epoch) string.
            invoice_total_inclusive_vat (float | None | str | Unset): A value that Nitrobox's notification examples show
                sometimes as a number and sometimes as a (decimal or epoch) string.
            currency (None | str | Unset):
            order_date (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a
                number and sometimes as a (decimal or epoch) string.
            invoice_date (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a
                number and sometimes as a (decimal or epoch) string.
            business_segment_ident (None | str | Unset):
            business_segment_idents (list[str] | None | Unset):
            business_client_id (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as
                a number and sometimes as a (decimal or epoch) string.
            timestamp (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a number
                and sometimes as a (decimal or epoch) string.
            invoice_origin_references (list[InvoiceOriginReference] | None | Unset):
            document_reason (None | str | Unset): e.g. `CORRECTION`.
            related_invoice_ident (None | str | Unset):
            invoice_total_post_tax_sum (float | None | str | Unset): A value that Nitrobox's notification examples show
                sometimes as a number and sometimes as a (decimal or epoch) string.
            invoice_total_document_account_due (float | None | str | Unset): A value that Nitrobox's notification examples
                show sometimes as a number and sometimes as a (decimal or epoch) string.
            invoice_total_deposit_sum (float | None | str | Unset): A value that Nitrobox's notification examples show
                sometimes as a number and sometimes as a (decimal or epoch) string.
            invoice_total_due (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as
                a number and sometimes as a (decimal or epoch) string.
            tenant_id (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a number
                and sometimes as a (decimal or epoch) string.
            document_relation (DocumentRelation | Unset): How a document relates to another one.
            preferred_document_delivery (None | str | Unset):
            webportal_link (None | str | Unset):
    """

    notification_type: str | Unset = UNSET
    invoice_ident: str | Unset = UNSET
    reference_ident: None | str | Unset = UNSET
    debtor_ident: None | str | Unset = UNSET
    customer_ident: None | str | Unset = UNSET
    type_: str | Unset = UNSET
    status: None | str | Unset = UNSET
    next_status_timestamp: float | None | str | Unset = UNSET
    outstanding: float | None | str | Unset = UNSET
    invoice_total_exclusive_vat: float | None | str | Unset = UNSET
    invoice_total_vat: float | None | str | Unset = UNSET
    invoice_total_inclusive_vat: float | None | str | Unset = UNSET
    currency: None | str | Unset = UNSET
    order_date: float | None | str | Unset = UNSET
    invoice_date: float | None | str | Unset = UNSET
    business_segment_ident: None | str | Unset = UNSET
    business_segment_idents: list[str] | None | Unset = UNSET
    business_client_id: float | None | str | Unset = UNSET
    timestamp: float | None | str | Unset = UNSET
    invoice_origin_references: list[InvoiceOriginReference] | None | Unset = UNSET
    document_reason: None | str | Unset = UNSET
    related_invoice_ident: None | str | Unset = UNSET
    invoice_total_post_tax_sum: float | None | str | Unset = UNSET
    invoice_total_document_account_due: float | None | str | Unset = UNSET
    invoice_total_deposit_sum: float | None | str | Unset = UNSET
    invoice_total_due: float | None | str | Unset = UNSET
    tenant_id: float | None | str | Unset = UNSET
    document_relation: DocumentRelation | Unset = UNSET
    preferred_document_delivery: None | str | Unset = UNSET
    webportal_link: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        notification_type = self.notification_type

        invoice_ident = self.invoice_ident

        reference_ident: None | str | Unset
        if isinstance(self.reference_ident, Unset):
            reference_ident = UNSET
        else:
            reference_ident = self.reference_ident

        debtor_ident: None | str | Unset
        if isinstance(self.debtor_ident, Unset):
            debtor_ident = UNSET
        else:
            debtor_ident = self.debtor_ident

        customer_ident: None | str | Unset
        if isinstance(self.customer_ident, Unset):
            customer_ident = UNSET
        else:
            customer_ident = self.customer_ident

        type_ = self.type_

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        next_status_timestamp: float | None | str | Unset
        if isinstance(self.next_status_timestamp, Unset):
            next_status_timestamp = UNSET
        else:
            next_status_timestamp = self.next_status_timestamp

        outstanding: float | None | str | Unset
        if isinstance(self.outstanding, Unset):
            outstanding = UNSET
        else:
            outstanding = self.outstanding

        invoice_total_exclusive_vat: float | None | str | Unset
        if isinstance(self.invoice_total_exclusive_vat, Unset):
            invoice_total_exclusive_vat = UNSET
        else:
            invoice_total_exclusive_vat = self.invoice_total_exclusive_vat

        invoice_total_vat: float | None | str | Unset
        if isinstance(self.invoice_total_vat, Unset):
            invoice_total_vat = UNSET
        else:
            invoice_total_vat = self.invoice_total_vat

        invoice_total_inclusive_vat: float | None | str | Unset
        if isinstance(self.invoice_total_inclusive_vat, Unset):
            invoice_total_inclusive_vat = UNSET
        else:
            invoice_total_inclusive_vat = self.invoice_total_inclusive_vat

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        order_date: float | None | str | Unset
        if isinstance(self.order_date, Unset):
            order_date = UNSET
        else:
            order_date = self.order_date

        invoice_date: float | None | str | Unset
        if isinstance(self.invoice_date, Unset):
            invoice_date = UNSET
        else:
            invoice_date = self.invoice_date

        business_segment_ident: None | str | Unset
        if isinstance(self.business_segment_ident, Unset):
            business_segment_ident = UNSET
        else:
            business_segment_ident = self.business_segment_ident

        business_segment_idents: list[str] | None | Unset
        if isinstance(self.business_segment_idents, Unset):
            business_segment_idents = UNSET
        elif isinstance(self.business_segment_idents, list):
            business_segment_idents = self.business_segment_idents

        else:
            business_segment_idents = self.business_segment_idents

        business_client_id: float | None | str | Unset
        if isinstance(self.business_client_id, Unset):
            business_client_id = UNSET
        else:
            business_client_id = self.business_client_id

        timestamp: float | None | str | Unset
        if isinstance(self.timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = self.timestamp

        invoice_origin_references: list[dict[str, Any]] | None | Unset
        if isinstance(self.invoice_origin_references, Unset):
            invoice_origin_references = UNSET
        elif isinstance(self.invoice_origin_references, list):
            invoice_origin_references = []
            for invoice_origin_references_type_0_item_data in self.invoice_origin_references:
                invoice_origin_references_type_0_item = invoice_origin_references_type_0_item_data.to_dict()
                invoice_origin_references.append(invoice_origin_references_type_0_item)

        else:
            invoice_origin_references = self.invoice_origin_references

        document_reason: None | str | Unset
        if isinstance(self.document_reason, Unset):
            document_reason = UNSET
        else:
            document_reason = self.document_reason

        related_invoice_ident: None | str | Unset
        if isinstance(self.related_invoice_ident, Unset):
            related_invoice_ident = UNSET
        else:
            related_invoice_ident = self.related_invoice_ident

        invoice_total_post_tax_sum: float | None | str | Unset
        if isinstance(self.invoice_total_post_tax_sum, Unset):
            invoice_total_post_tax_sum = UNSET
        else:
            invoice_total_post_tax_sum = self.invoice_total_post_tax_sum

        invoice_total_document_account_due: float | None | str | Unset
        if isinstance(self.invoice_total_document_account_due, Unset):
            invoice_total_document_account_due = UNSET
        else:
            invoice_total_document_account_due = self.invoice_total_document_account_due

        invoice_total_deposit_sum: float | None | str | Unset
        if isinstance(self.invoice_total_deposit_sum, Unset):
            invoice_total_deposit_sum = UNSET
        else:
            invoice_total_deposit_sum = self.invoice_total_deposit_sum

        invoice_total_due: float | None | str | Unset
        if isinstance(self.invoice_total_due, Unset):
            invoice_total_due = UNSET
        else:
            invoice_total_due = self.invoice_total_due

        tenant_id: float | None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        document_relation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.document_relation, Unset):
            document_relation = self.document_relation.to_dict()

        preferred_document_delivery: None | str | Unset
        if isinstance(self.preferred_document_delivery, Unset):
            preferred_document_delivery = UNSET
        else:
            preferred_document_delivery = self.preferred_document_delivery

        webportal_link: None | str | Unset
        if isinstance(self.webportal_link, Unset):
            webportal_link = UNSET
        else:
            webportal_link = self.webportal_link

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if notification_type is not UNSET:
            field_dict["notification_type"] = notification_type
        if invoice_ident is not UNSET:
            field_dict["invoice_ident"] = invoice_ident
        if reference_ident is not UNSET:
            field_dict["reference_ident"] = reference_ident
        if debtor_ident is not UNSET:
            field_dict["debtor_ident"] = debtor_ident
        if customer_ident is not UNSET:
            field_dict["customer_ident"] = customer_ident
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if next_status_timestamp is not UNSET:
            field_dict["next_status_timestamp"] = next_status_timestamp
        if outstanding is not UNSET:
            field_dict["outstanding"] = outstanding
        if invoice_total_exclusive_vat is not UNSET:
            field_dict["invoice_total_exclusive_vat"] = invoice_total_exclusive_vat
        if invoice_total_vat is not UNSET:
            field_dict["invoice_total_vat"] = invoice_total_vat
        if invoice_total_inclusive_vat is not UNSET:
            field_dict["invoice_total_inclusive_vat"] = invoice_total_inclusive_vat
        if currency is not UNSET:
            field_dict["currency"] = currency
        if order_date is not UNSET:
            field_dict["order_date"] = order_date
        if invoice_date is not UNSET:
            field_dict["invoice_date"] = invoice_date
        if business_segment_ident is not UNSET:
            field_dict["business_segment_ident"] = business_segment_ident
        if business_segment_idents is not UNSET:
            field_dict["business_segment_idents"] = business_segment_idents
        if business_client_id is not UNSET:
            field_dict["business_client_id"] = business_client_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp
        if invoice_origin_references is not UNSET:
            field_dict["invoice_origin_references"] = invoice_origin_references
        if document_reason is not UNSET:
            field_dict["document_reason"] = document_reason
        if related_invoice_ident is not UNSET:
            field_dict["related_invoice_ident"] = related_invoice_ident
        if invoice_total_post_tax_sum is not UNSET:
            field_dict["invoice_total_post_tax_sum"] = invoice_total_post_tax_sum
        if invoice_total_document_account_due is not UNSET:
            field_dict["invoice_total_document_account_due"] = invoice_total_document_account_due
        if invoice_total_deposit_sum is not UNSET:
            field_dict["invoice_total_deposit_sum"] = invoice_total_deposit_sum
        if invoice_total_due is not UNSET:
            field_dict["invoice_total_due"] = invoice_total_due
        if tenant_id is not UNSET:
            field_dict["tenant_id"] = tenant_id
        if document_relation is not UNSET:
            field_dict["document_relation"] = document_relation
        if preferred_document_delivery is not UNSET:
            field_dict["preferred_document_delivery"] = preferred_document_delivery
        if webportal_link is not UNSET:
            field_dict["webportal_link"] = webportal_link

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_relation import DocumentRelation  # noqa: PLC0415
        from ..models.invoice_origin_reference import InvoiceOriginReference  # noqa: PLC0415

        d = dict(src_dict)
        notification_type = d.pop("notification_type", UNSET)

        invoice_ident = d.pop("invoice_ident", UNSET)

        def _parse_reference_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_ident = _parse_reference_ident(d.pop("reference_ident", UNSET))

        def _parse_debtor_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        debtor_ident = _parse_debtor_ident(d.pop("debtor_ident", UNSET))

        def _parse_customer_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_ident = _parse_customer_ident(d.pop("customer_ident", UNSET))

        type_ = d.pop("type", UNSET)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_next_status_timestamp(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        next_status_timestamp = _parse_next_status_timestamp(d.pop("next_status_timestamp", UNSET))

        def _parse_outstanding(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        outstanding = _parse_outstanding(d.pop("outstanding", UNSET))

        def _parse_invoice_total_exclusive_vat(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        invoice_total_exclusive_vat = _parse_invoice_total_exclusive_vat(d.pop("invoice_total_exclusive_vat", UNSET))

        def _parse_invoice_total_vat(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        invoice_total_vat = _parse_invoice_total_vat(d.pop("invoice_total_vat", UNSET))

        def _parse_invoice_total_inclusive_vat(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        invoice_total_inclusive_vat = _parse_invoice_total_inclusive_vat(d.pop("invoice_total_inclusive_vat", UNSET))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        def _parse_order_date(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        order_date = _parse_order_date(d.pop("order_date", UNSET))

        def _parse_invoice_date(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        invoice_date = _parse_invoice_date(d.pop("invoice_date", UNSET))

        def _parse_business_segment_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_segment_ident = _parse_business_segment_ident(d.pop("business_segment_ident", UNSET))

        def _parse_business_segment_idents(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                business_segment_idents_type_0 = cast(list[str], data)

                return business_segment_idents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        business_segment_idents = _parse_business_segment_idents(d.pop("business_segment_idents", UNSET))

        def _parse_business_client_id(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        business_client_id = _parse_business_client_id(d.pop("business_client_id", UNSET))

        def _parse_timestamp(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        timestamp = _parse_timestamp(d.pop("timestamp", UNSET))

        def _parse_invoice_origin_references(data: object) -> list[InvoiceOriginReference] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                invoice_origin_references_type_0 = []
                _invoice_origin_references_type_0 = data
                for invoice_origin_references_type_0_item_data in _invoice_origin_references_type_0:
                    invoice_origin_references_type_0_item = InvoiceOriginReference.from_dict(
                        invoice_origin_references_type_0_item_data
                    )

                    invoice_origin_references_type_0.append(invoice_origin_references_type_0_item)

                return invoice_origin_references_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InvoiceOriginReference] | None | Unset, data)

        invoice_origin_references = _parse_invoice_origin_references(d.pop("invoice_origin_references", UNSET))

        def _parse_document_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_reason = _parse_document_reason(d.pop("document_reason", UNSET))

        def _parse_related_invoice_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        related_invoice_ident = _parse_related_invoice_ident(d.pop("related_invoice_ident", UNSET))

        def _parse_invoice_total_post_tax_sum(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        invoice_total_post_tax_sum = _parse_invoice_total_post_tax_sum(d.pop("invoice_total_post_tax_sum", UNSET))

        def _parse_invoice_total_document_account_due(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        invoice_total_document_account_due = _parse_invoice_total_document_account_due(
            d.pop("invoice_total_document_account_due", UNSET)
        )

        def _parse_invoice_total_deposit_sum(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        invoice_total_deposit_sum = _parse_invoice_total_deposit_sum(d.pop("invoice_total_deposit_sum", UNSET))

        def _parse_invoice_total_due(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        invoice_total_due = _parse_invoice_total_due(d.pop("invoice_total_due", UNSET))

        def _parse_tenant_id(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tenant_id = _parse_tenant_id(d.pop("tenant_id", UNSET))

        _document_relation = d.pop("document_relation", UNSET)
        document_relation: DocumentRelation | Unset
        if isinstance(_document_relation, Unset):
            document_relation = UNSET
        else:
            document_relation = DocumentRelation.from_dict(_document_relation)

        def _parse_preferred_document_delivery(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_document_delivery = _parse_preferred_document_delivery(d.pop("preferred_document_delivery", UNSET))

        def _parse_webportal_link(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webportal_link = _parse_webportal_link(d.pop("webportal_link", UNSET))

        invoice_archived_notification = cls(
            notification_type=notification_type,
            invoice_ident=invoice_ident,
            reference_ident=reference_ident,
            debtor_ident=debtor_ident,
            customer_ident=customer_ident,
            type_=type_,
            status=status,
            next_status_timestamp=next_status_timestamp,
            outstanding=outstanding,
            invoice_total_exclusive_vat=invoice_total_exclusive_vat,
            invoice_total_vat=invoice_total_vat,
            invoice_total_inclusive_vat=invoice_total_inclusive_vat,
            currency=currency,
            order_date=order_date,
            invoice_date=invoice_date,
            business_segment_ident=business_segment_ident,
            business_segment_idents=business_segment_idents,
            business_client_id=business_client_id,
            timestamp=timestamp,
            invoice_origin_references=invoice_origin_references,
            document_reason=document_reason,
            related_invoice_ident=related_invoice_ident,
            invoice_total_post_tax_sum=invoice_total_post_tax_sum,
            invoice_total_document_account_due=invoice_total_document_account_due,
            invoice_total_deposit_sum=invoice_total_deposit_sum,
            invoice_total_due=invoice_total_due,
            tenant_id=tenant_id,
            document_relation=document_relation,
            preferred_document_delivery=preferred_document_delivery,
            webportal_link=webportal_link,
        )

        invoice_archived_notification.additional_properties = d
        return invoice_archived_notification

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
