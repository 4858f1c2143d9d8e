from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField

if TYPE_CHECKING:
    from ..models.option_pricing_rule import OptionPricingRule


T = TypeVar("T", bound="OptionPricingGroup")


@_attrs_define
class OptionPricingGroup:
    """A group of pricing rules of an option.

    Attributes:
        pricing_rules (list[OptionPricingRule]):
    """

    pricing_rules: list[OptionPricingRule]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pricing_rules = []
        for pricing_rules_item_data in self.pricing_rules:
            pricing_rules_item = pricing_rules_item_data.to_dict()
            pricing_rules.append(pricing_rules_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pricingRules": pricing_rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_pricing_rule import OptionPricingRule  # noqa: PLC0415

        d = dict(src_dict)
        if "pricingRules" not in d:
            raise MissingRequiredField("OptionPricingGroup", "pricingRules")
        pricing_rules = []
        _pricing_rules = d.pop("pricingRules")
        for pricing_rules_item_data in _pricing_rules:
            pricing_rules_item = OptionPricingRule.from_dict(pricing_rules_item_data)

            pricing_rules.append(pricing_rules_item)

        option_pricing_group = cls(
            pricing_rules=pricing_rules,
        )

        option_pricing_group.additional_properties = d
        return option_pricing_group

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
