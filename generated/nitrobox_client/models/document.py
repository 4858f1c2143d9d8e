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


T = TypeVar("T", bound="Document")


@_attrs_define
class Document:
    """A document as the API answers. The body is not published; public client code reads `ident` and filters and sorts on
    `customerDetail.customerIdent` and `documentDate`. Anything else the server sends is kept.

        Attributes:
            ident (str): The document number; pass it to retrieveFile.
            document_date (datetime.date | None | Unset):
            customer_detail (CustomerDetail | Unset): The customer a document belongs to. Only `customerIdent` is known
                (from public client code's RSQL filter); other fields pass through.
    """

    ident: str
    document_date: datetime.date | None | Unset = UNSET
    customer_detail: CustomerDetail | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ident = self.ident

        document_date: None | str | Unset
        if isinstance(self.document_date, Unset):
            document_date = UNSET
        elif isinstance(self.document_date, datetime.date):
            document_date = self.document_date.isoformat()
        else:
            document_date = self.document_date

        customer_detail: dict[str, Any] | Unset = UNSET
        if not isinstance(self.customer_detail, Unset):
            customer_detail = self.customer_detail.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ident": ident,
            }
        )
        if document_date is not UNSET:
            field_dict["documentDate"] = document_date
        if customer_detail is not UNSET:
            field_dict["customerDetail"] = customer_detail

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_detail import CustomerDetail  # noqa: PLC0415

        d = dict(src_dict)
        if "ident" not in d:
            raise MissingRequiredField("Document", "ident")
        ident = d.pop("ident")

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

        _customer_detail = d.pop("customerDetail", UNSET)
        customer_detail: CustomerDetail | Unset
        if isinstance(_customer_detail, Unset):
            customer_detail = UNSET
        else:
            customer_detail = CustomerDetail.from_dict(_customer_detail)

        document = cls(
            ident=ident,
            document_date=document_date,
            customer_detail=customer_detail,
        )

        document.additional_properties = d
        return document

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
