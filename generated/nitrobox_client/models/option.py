from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.option_price_tier import OptionPriceTier
    from ..models.option_pricing_group import OptionPricingGroup


T = TypeVar("T", bound="Option")


@_attrs_define
class Option:
    """An option as the API answers (body not published; anything the server sends is kept). Nitrobox staff code reads
    `optionName`, `name`, `quantityType` and the pricing: `pricingGroups[].pricingRules[]` (a `criteria.timePeriod` and
    a `price`) and `priceTiers[]`.

        Attributes:
            option_ident (str):
            product_ident (str | Unset):
            name (str | Unset):
            option_name (None | str | Unset):
            quantity_type (None | str | Unset): The unit the option is priced in; the demo handles `MINUTE`, `SECOND` and
                `HOUR` (a plain string: the full list is not published).
            pricing_groups (list[OptionPricingGroup] | None | Unset): Time-based pricing. Staff code treats an option as
                having either `pricingGroups` or `priceTiers` and branches on which key is present, so neither is required
                (facts 3 R21).
            price_tiers (list[OptionPriceTier] | None | Unset): Tiered usage pricing, beside `pricingGroups` at the top of
                the option, where staff code reads it (`plan_options["priceTiers"]`, facts 3 R21).
    """

    option_ident: str
    product_ident: str | Unset = UNSET
    name: str | Unset = UNSET
    option_name: None | str | Unset = UNSET
    quantity_type: None | str | Unset = UNSET
    pricing_groups: list[OptionPricingGroup] | None | Unset = UNSET
    price_tiers: list[OptionPriceTier] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        option_ident = self.option_ident

        product_ident = self.product_ident

        name = self.name

        option_name: None | str | Unset
        if isinstance(self.option_name, Unset):
            option_name = UNSET
        else:
            option_name = self.option_name

        quantity_type: None | str | Unset
        if isinstance(self.quantity_type, Unset):
            quantity_type = UNSET
        else:
            quantity_type = self.quantity_type

        pricing_groups: list[dict[str, Any]] | None | Unset
        if isinstance(self.pricing_groups, Unset):
            pricing_groups = UNSET
        elif isinstance(self.pricing_groups, list):
            pricing_groups = []
            for pricing_groups_type_0_item_data in self.pricing_groups:
                pricing_groups_type_0_item = pricing_groups_type_0_item_data.to_dict()
                pricing_groups.append(pricing_groups_type_0_item)

        else:
            pricing_groups = self.pricing_groups

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
                "optionIdent": option_ident,
            }
        )
        if product_ident is not UNSET:
            field_dict["productIdent"] = product_ident
        if name is not UNSET:
            field_dict["name"] = name
        if option_name is not UNSET:
            field_dict["optionName"] = option_name
        if quantity_type is not UNSET:
            field_dict["quantityType"] = quantity_type
        if pricing_groups is not UNSET:
            field_dict["pricingGroups"] = pricing_groups
        if price_tiers is not UNSET:
            field_dict["priceTiers"] = price_tiers

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_price_tier import OptionPriceTier  # noqa: PLC0415
        from ..models.option_pricing_group import OptionPricingGroup  # noqa: PLC0415

        d = dict(src_dict)
        if "optionIdent" not in d:
            raise MissingRequiredField("Option", "optionIdent")
        option_ident = d.pop("optionIdent")

        product_ident = d.pop("productIdent", UNSET)

        name = d.pop("name", UNSET)

        def _parse_option_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        option_name = _parse_option_name(d.pop("optionName", UNSET))

        def _parse_quantity_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quantity_type = _parse_quantity_type(d.pop("quantityType", UNSET))

        def _parse_pricing_groups(data: object) -> list[OptionPricingGroup] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                pricing_groups_type_0 = []
                _pricing_groups_type_0 = data
                for pricing_groups_type_0_item_data in _pricing_groups_type_0:
                    pricing_groups_type_0_item = OptionPricingGroup.from_dict(pricing_groups_type_0_item_data)

                    pricing_groups_type_0.append(pricing_groups_type_0_item)

                return pricing_groups_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OptionPricingGroup] | None | Unset, data)

        pricing_groups = _parse_pricing_groups(d.pop("pricingGroups", UNSET))

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

        option = cls(
            option_ident=option_ident,
            product_ident=product_ident,
            name=name,
            option_name=option_name,
            quantity_type=quantity_type,
            pricing_groups=pricing_groups,
            price_tiers=price_tiers,
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
