from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Property")


@_attrs_define
class Property:
    """A custom property (name and value) of a customer, address, contract, order or usage; properties are matched by name
    when a set is replaced. Nitrobox staff code reads a contract's properties as `{propertyIdent, propertyValue}` (e.g.
    `partner-id`).

        Attributes:
            property_ident (str | Unset): The property's name, e.g. `partner-id`.
            property_value (Any | Unset): The property's value (its type is not shown, so any JSON value passes).
    """

    property_ident: str | Unset = UNSET
    property_value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        property_ident = self.property_ident

        property_value = self.property_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if property_ident is not UNSET:
            field_dict["propertyIdent"] = property_ident
        if property_value is not UNSET:
            field_dict["propertyValue"] = property_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        property_ident = d.pop("propertyIdent", UNSET)

        property_value = d.pop("propertyValue", UNSET)

        property_ = cls(
            property_ident=property_ident,
            property_value=property_value,
        )

        property_.additional_properties = d
        return property_

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
