from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract_option_quantities import ContractOptionQuantities


T = TypeVar("T", bound="ContractDetails")


@_attrs_define
class ContractDetails:
    """The details of a contract. Only the path Nitrobox staff code reads is declared,
    `optionQuantities[].optionQuantity[].optionIdent`; everything else is kept as sent.

        Attributes:
            option_quantities (list[ContractOptionQuantities] | Unset):
    """

    option_quantities: list[ContractOptionQuantities] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        option_quantities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.option_quantities, Unset):
            option_quantities = []
            for option_quantities_item_data in self.option_quantities:
                option_quantities_item = option_quantities_item_data.to_dict()
                option_quantities.append(option_quantities_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if option_quantities is not UNSET:
            field_dict["optionQuantities"] = option_quantities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_option_quantities import ContractOptionQuantities  # noqa: PLC0415

        d = dict(src_dict)
        _option_quantities = d.pop("optionQuantities", UNSET)
        option_quantities: list[ContractOptionQuantities] | Unset = UNSET
        if _option_quantities is not UNSET:
            option_quantities = []
            for option_quantities_item_data in _option_quantities:
                option_quantities_item = ContractOptionQuantities.from_dict(option_quantities_item_data)

                option_quantities.append(option_quantities_item)

        contract_details = cls(
            option_quantities=option_quantities,
        )

        contract_details.additional_properties = d
        return contract_details

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
