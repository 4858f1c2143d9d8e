from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.option_price import OptionPrice
    from ..models.option_price_tier import OptionPriceTier
    from ..models.option_pricing_criteria import OptionPricingCriteria


T = TypeVar("T", bound="OptionPricingRule")


@_attrs_define
class OptionPricingRule:
    """One pricing rule: when it applies (`criteria.timePeriod`), its price, and its price tiers.

    Attributes:
        criteria (OptionPricingCriteria): When a pricing rule applies.
        price (OptionPrice): A price of a pricing rule.
        price_tiers (list[OptionPriceTier] | None | Unset):
    """

    criteria: OptionPricingCriteria
    price: OptionPrice
    price_tiers: list[OptionPriceTier] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        criteria = self.criteria.to_dict()

        price = self.price.to_dict()

        price_tiers: list[dict[str, Any]] | None | Unset
        if isinstance(self.price_tiers, Unset):
            price_tiers = UNSET
        elif isinstance(self.price_tiers, list):
            price_tiers = []
            for price_tiers_type_0_item_data in self.price_tiers:
                price_tiers_type_0_item = price_tiers_type_0_item_data.to_dict()
                price_tiers.append(price_tiers_type_0_item)

        else:
            price_tiers = self.price_tiers

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "criteria": criteria,
                "price": price,
            }
        )
        if price_tiers is not UNSET:
            field_dict["priceTiers"] = price_tiers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_price import OptionPrice  # noqa: PLC0415
        from ..models.option_price_tier import OptionPriceTier  # noqa: PLC0415
        from ..models.option_pricing_criteria import OptionPricingCriteria  # noqa: PLC0415

        d = dict(src_dict)
        if "criteria" not in d:
            raise MissingRequiredField("OptionPricingRule", "criteria")
        criteria = OptionPricingCriteria.from_dict(d.pop("criteria"))

        if "price" not in d:
            raise MissingRequiredField("OptionPricingRule", "price")
        price = OptionPrice.from_dict(d.pop("price"))

        def _parse_price_tiers(data: object) -> list[OptionPriceTier] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                price_tiers_type_0 = []
                _price_tiers_type_0 = data
                for price_tiers_type_0_item_data in _price_tiers_type_0:
                    price_tiers_type_0_item = OptionPriceTier.from_dict(price_tiers_type_0_item_data)

                    price_tiers_type_0.append(price_tiers_type_0_item)

                return price_tiers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OptionPriceTier] | None | Unset, data)

        price_tiers = _parse_price_tiers(d.pop("priceTiers", UNSET))

        option_pricing_rule = cls(
            criteria=criteria,
            price=price,
            price_tiers=price_tiers,
        )

        option_pricing_rule.additional_properties = d
        return option_pricing_rule

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
