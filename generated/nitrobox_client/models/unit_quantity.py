from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UnitQuantity")


@_attrs_define
class UnitQuantity:
    """A measured quantity and its unit, as public client code sends it.

    Attributes:
        unit_quantity (float | Unset):
        unit_quantity_type (str | Unset): The unit, e.g. `SECOND` or `PC` (pieces), the two Nitrobox staff code sends;
            the full list of units is not published.
    """

    unit_quantity: float | Unset = UNSET
    unit_quantity_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        unit_quantity = self.unit_quantity

        unit_quantity_type = self.unit_quantity_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if unit_quantity is not UNSET:
            field_dict["unitQuantity"] = unit_quantity
        if unit_quantity_type is not UNSET:
            field_dict["unitQuantityType"] = unit_quantity_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unit_quantity = d.pop("unitQuantity", UNSET)

        unit_quantity_type = d.pop("unitQuantityType", UNSET)

        unit_quantity = cls(
            unit_quantity=unit_quantity,
            unit_quantity_type=unit_quantity_type,
        )

        unit_quantity.additional_properties = d
        return unit_quantity

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
