from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="LegacyDebtorAddress")


@_attrs_define
class LegacyDebtorAddress:
    """A v1 debtor address. Public client code (2021) reads `addressId`, `addressType` and `city`; other fields pass
    through.

        Attributes:
            address_id (int | Unset):
            address_type (None | str | Unset):
            city (None | str | Unset):
    """

    address_id: int | Unset = UNSET
    address_type: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address_id = self.address_id

        address_type: None | str | Unset
        if isinstance(self.address_type, Unset):
            address_type = UNSET
        else:
            address_type = self.address_type

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if address_id is not UNSET:
            field_dict["addressId"] = address_id
        if address_type is not UNSET:
            field_dict["addressType"] = address_type
        if city is not UNSET:
            field_dict["city"] = city

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        address_id = d.pop("addressId", UNSET)

        def _parse_address_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address_type = _parse_address_type(d.pop("addressType", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        legacy_debtor_address = cls(
            address_id=address_id,
            address_type=address_type,
            city=city,
        )

        legacy_debtor_address.additional_properties = d
        return legacy_debtor_address

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
