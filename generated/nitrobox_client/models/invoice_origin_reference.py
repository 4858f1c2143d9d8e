from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InvoiceOriginReference")


@_attrs_define
class InvoiceOriginReference:
    """Where a document came from, e.g. an order.

    Attributes:
        reference_type (str | Unset): e.g. `ORDER`.
        reference_ident (str | Unset):
    """

    reference_type: str | Unset = UNSET
    reference_ident: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reference_type = self.reference_type

        reference_ident = self.reference_ident

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if reference_type is not UNSET:
            field_dict["reference_type"] = reference_type
        if reference_ident is not UNSET:
            field_dict["reference_ident"] = reference_ident

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reference_type = d.pop("reference_type", UNSET)

        reference_ident = d.pop("reference_ident", UNSET)

        invoice_origin_reference = cls(
            reference_type=reference_type,
            reference_ident=reference_ident,
        )

        invoice_origin_reference.additional_properties = d
        return invoice_origin_reference

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
