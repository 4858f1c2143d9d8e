from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

T = TypeVar("T", bound="OptionPriceTier")


@_attrs_define
class OptionPriceTier:
    """A price tier, e.g. `{"quantity": 5.0, "price": 0.0, "type": "FLAT"}`.

    Attributes:
        quantity (float):
        price (float):
        type_ (str | Unset): The tier's kind, e.g. `FLAT` (a plain string; the list is not published).
    """

    quantity: float
    price: float
    type_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        price = self.price

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quantity": quantity,
                "price": price,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        if "quantity" not in d:
            raise MissingRequiredField("OptionPriceTier", "quantity")
        quantity = d.pop("quantity")

        if "price" not in d:
            raise MissingRequiredField("OptionPriceTier", "price")
        price = d.pop("price")

        type_ = d.pop("type", UNSET)

        option_price_tier = cls(
            quantity=quantity,
            price=price,
            type_=type_,
        )

        option_price_tier.additional_properties = d
        return option_price_tier

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
