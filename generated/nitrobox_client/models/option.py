from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Option")


@_attrs_define
class Option:
    """An option as the API answers (body not published; anything the server sends is kept).

    Attributes:
        option_ident (str | Unset):
        product_ident (str | Unset):
        name (str | Unset):
    """

    option_ident: str | Unset = UNSET
    product_ident: str | Unset = UNSET
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        option_ident = self.option_ident

        product_ident = self.product_ident

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if option_ident is not UNSET:
            field_dict["optionIdent"] = option_ident
        if product_ident is not UNSET:
            field_dict["productIdent"] = product_ident
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        option_ident = d.pop("optionIdent", UNSET)

        product_ident = d.pop("productIdent", UNSET)

        name = d.pop("name", UNSET)

        option = cls(
            option_ident=option_ident,
            product_ident=product_ident,
            name=name,
        )

        option.additional_properties = d
        return option

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
