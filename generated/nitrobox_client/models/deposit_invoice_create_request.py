from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.customer_detail import CustomerDetail
    from ..models.deposit_invoice_item import DepositInvoiceItem


T = TypeVar("T", bound="DepositInvoiceCreateRequest")


@_attrs_define
class DepositInvoiceCreateRequest:
    """A deposit invoice for external billing.

    Attributes:
        billing_group_ident (str): An existing billing group configured for external billing.
        currency (str): ISO 4217 currency code. Example: EUR.
        customer_detail (CustomerDetail): The customer a document belongs to. Only `customerIdent` is known (from public
            client code's RSQL filter); other fields pass through.
        items (list[DepositInvoiceItem]):
        document_date (datetime.date | None | Unset): Default is the current UTC date.
        ident (None | str | Unset): The document number; mandatory or forbidden depending on the number configuration.
    """

    billing_group_ident: str
    currency: str
    customer_detail: CustomerDetail
    items: list[DepositInvoiceItem]
    document_date: datetime.date | None | Unset = UNSET
    ident: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        billing_group_ident = self.billing_group_ident

        currency = self.currency

        customer_detail = self.customer_detail.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        document_date: None | str | Unset
        if isinstance(self.document_date, Unset):
            document_date = UNSET
        elif isinstance(self.document_date, datetime.date):
            document_date = self.document_date.isoformat()
        else:
            document_date = self.document_date

        ident: None | str | Unset
        if isinstance(self.ident, Unset):
            ident = UNSET
        else:
            ident = self.ident

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "billingGroupIdent": billing_group_ident,
                "currency": currency,
                "customerDetail": customer_detail,
                "items": items,
            }
        )
        if document_date is not UNSET:
            field_dict["documentDate"] = document_date
        if ident is not UNSET:
            field_dict["ident"] = ident

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_detail import CustomerDetail  # noqa: PLC0415
        from ..models.deposit_invoice_item import DepositInvoiceItem  # noqa: PLC0415

        d = dict(src_dict)
        if "billingGroupIdent" not in d:
            raise MissingRequiredField("DepositInvoiceCreateRequest", "billingGroupIdent")
        billing_group_ident = d.pop("billingGroupIdent")

        if "currency" not in d:
            raise MissingRequiredField("DepositInvoiceCreateRequest", "currency")
        currency = d.pop("currency")

        if "customerDetail" not in d:
            raise MissingRequiredField("DepositInvoiceCreateRequest", "customerDetail")
        customer_detail = CustomerDetail.from_dict(d.pop("customerDetail"))

        if "items" not in d:
            raise MissingRequiredField("DepositInvoiceCreateRequest", "items")
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = DepositInvoiceItem.from_dict(items_item_data)

            items.append(items_item)

        def _parse_document_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                document_date_type_0 = datetime.date.fromisoformat(data)

                return document_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        document_date = _parse_document_date(d.pop("documentDate", UNSET))

        def _parse_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ident = _parse_ident(d.pop("ident", UNSET))

        deposit_invoice_create_request = cls(
            billing_group_ident=billing_group_ident,
            currency=currency,
            customer_detail=customer_detail,
            items=items,
            document_date=document_date,
            ident=ident,
        )

        deposit_invoice_create_request.additional_properties = d
        return deposit_invoice_create_request

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
