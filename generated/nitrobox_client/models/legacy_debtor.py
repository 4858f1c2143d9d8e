from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.legacy_debtor_address import LegacyDebtorAddress


T = TypeVar("T", bound="LegacyDebtor")


@_attrs_define
class LegacyDebtor:
    """A v1 debtor. Public client code (2021) reads `debtorId`, `debtorIdent` and `addresses[]` from the list; other fields
    pass through.

        Attributes:
            debtor_id (int | Unset):
            debtor_ident (None | str | Unset):
            addresses (list[LegacyDebtorAddress] | None | Unset):
    """

    debtor_id: int | Unset = UNSET
    debtor_ident: None | str | Unset = UNSET
    addresses: list[LegacyDebtorAddress] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        debtor_id = self.debtor_id

        debtor_ident: None | str | Unset
        if isinstance(self.debtor_ident, Unset):
            debtor_ident = UNSET
        else:
            debtor_ident = self.debtor_ident

        addresses: list[dict[str, Any]] | None | Unset
        if isinstance(self.addresses, Unset):
            addresses = UNSET
        elif isinstance(self.addresses, list):
            addresses = []
            for addresses_type_0_item_data in self.addresses:
                addresses_type_0_item = addresses_type_0_item_data.to_dict()
                addresses.append(addresses_type_0_item)

        else:
            addresses = self.addresses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if debtor_id is not UNSET:
            field_dict["debtorId"] = debtor_id
        if debtor_ident is not UNSET:
            field_dict["debtorIdent"] = debtor_ident
        if addresses is not UNSET:
            field_dict["addresses"] = addresses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.legacy_debtor_address import LegacyDebtorAddress  # noqa: PLC0415

        d = dict(src_dict)
        debtor_id = d.pop("debtorId", UNSET)

        def _parse_debtor_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        debtor_ident = _parse_debtor_ident(d.pop("debtorIdent", UNSET))

        def _parse_addresses(data: object) -> list[LegacyDebtorAddress] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                addresses_type_0 = []
                _addresses_type_0 = data
                for addresses_type_0_item_data in _addresses_type_0:
                    addresses_type_0_item = LegacyDebtorAddress.from_dict(addresses_type_0_item_data)

                    addresses_type_0.append(addresses_type_0_item)

                return addresses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LegacyDebtorAddress] | None | Unset, data)

        addresses = _parse_addresses(d.pop("addresses", UNSET))

        legacy_debtor = cls(
            debtor_id=debtor_id,
            debtor_ident=debtor_ident,
            addresses=addresses,
        )

        legacy_debtor.additional_properties = d
        return legacy_debtor

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
