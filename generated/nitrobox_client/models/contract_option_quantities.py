from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract_option_quantity import ContractOptionQuantity


T = TypeVar("T", bound="ContractOptionQuantities")


@_attrs_define
class ContractOptionQuantities:
    """One group of option quantities of a contract (only `optionQuantity` is seen).

    Attributes:
        option_quantity (list[ContractOptionQuantity] | Unset):
    """

    option_quantity: list[ContractOptionQuantity] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        option_quantity: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.option_quantity, Unset):
            option_quantity = []
            for option_quantity_item_data in self.option_quantity:
                option_quantity_item = option_quantity_item_data.to_dict()
                option_quantity.append(option_quantity_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if option_quantity is not UNSET:
            field_dict["optionQuantity"] = option_quantity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_option_quantity import ContractOptionQuantity  # noqa: PLC0415

        d = dict(src_dict)
        _option_quantity = d.pop("optionQuantity", UNSET)
        option_quantity: list[ContractOptionQuantity] | Unset = UNSET
        if _option_quantity is not UNSET:
            option_quantity = []
            for option_quantity_item_data in _option_quantity:
                option_quantity_item = ContractOptionQuantity.from_dict(option_quantity_item_data)

                option_quantity.append(option_quantity_item)

        contract_option_quantities = cls(
            option_quantity=option_quantity,
        )

        contract_option_quantities.additional_properties = d
        return contract_option_quantities

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
