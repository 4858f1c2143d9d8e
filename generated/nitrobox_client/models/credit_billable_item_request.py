from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.credit_billable_item_request_billable_post_tax_item_extras_type_0_item import (
        CreditBillableItemRequestBillablePostTaxItemExtrasType0Item,
    )
    from ..models.credit_billable_item_request_detailed_performance_location_type_0 import (
        CreditBillableItemRequestDetailedPerformanceLocationType0,
    )
    from ..models.credit_billable_item_request_detailed_tax_location_type_0 import (
        CreditBillableItemRequestDetailedTaxLocationType0,
    )


T = TypeVar("T", bound="CreditBillableItemRequest")


@_attrs_define
class CreditBillableItemRequest:
    """Deprecated credit billable item. Visible fields only; the required item ident (1..100), an action type, the business
    segment, contract, currency, delivery date and description have hidden names and pass through as extra properties.

        Attributes:
            article_number (None | str | Unset):
            billable_post_tax_item_extras (list[CreditBillableItemRequestBillablePostTaxItemExtrasType0Item] | None |
                Unset):
            category (str | Unset): Item category (the values were not listed on this page). Default: 'PHYSICAL_PRODUCT'.
            detailed_performance_location (CreditBillableItemRequestDetailedPerformanceLocationType0 | None | Unset):
            detailed_tax_location (CreditBillableItemRequestDetailedTaxLocationType0 | None | Unset):
    """

    article_number: None | str | Unset = UNSET
    billable_post_tax_item_extras: list[CreditBillableItemRequestBillablePostTaxItemExtrasType0Item] | None | Unset = (
        UNSET
    )
    category: str | Unset = "PHYSICAL_PRODUCT"
    detailed_performance_location: CreditBillableItemRequestDetailedPerformanceLocationType0 | None | Unset = UNSET
    detailed_tax_location: CreditBillableItemRequestDetailedTaxLocationType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.credit_billable_item_request_detailed_performance_location_type_0 import (
            CreditBillableItemRequestDetailedPerformanceLocationType0,  # noqa: PLC0415
        )
        from ..models.credit_billable_item_request_detailed_tax_location_type_0 import (
            CreditBillableItemRequestDetailedTaxLocationType0,  # noqa: PLC0415
        )

        article_number: None | str | Unset
        if isinstance(self.article_number, Unset):
            article_number = UNSET
        else:
            article_number = self.article_number

        billable_post_tax_item_extras: list[dict[str, Any]] | None | Unset
        if isinstance(self.billable_post_tax_item_extras, Unset):
            billable_post_tax_item_extras = UNSET
        elif isinstance(self.billable_post_tax_item_extras, list):
            billable_post_tax_item_extras = []
            for billable_post_tax_item_extras_type_0_item_data in self.billable_post_tax_item_extras:
                billable_post_tax_item_extras_type_0_item = billable_post_tax_item_extras_type_0_item_data.to_dict()
                billable_post_tax_item_extras.append(billable_post_tax_item_extras_type_0_item)

        else:
            billable_post_tax_item_extras = self.billable_post_tax_item_extras

        category = self.category

        detailed_performance_location: dict[str, Any] | None | Unset
        if isinstance(self.detailed_performance_location, Unset):
            detailed_performance_location = UNSET
        elif isinstance(self.detailed_performance_location, CreditBillableItemRequestDetailedPerformanceLocationType0):
            detailed_performance_location = self.detailed_performance_location.to_dict()
        else:
            detailed_performance_location = self.detailed_performance_location

        detailed_tax_location: dict[str, Any] | None | Unset
        if isinstance(self.detailed_tax_location, Unset):
            detailed_tax_location = UNSET
        elif isinstance(self.detailed_tax_location, CreditBillableItemRequestDetailedTaxLocationType0):
            detailed_tax_location = self.detailed_tax_location.to_dict()
        else:
            detailed_tax_location = self.detailed_tax_location

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if article_number is not UNSET:
            field_dict["articleNumber"] = article_number
        if billable_post_tax_item_extras is not UNSET:
            field_dict["billablePostTaxItemExtras"] = billable_post_tax_item_extras
        if category is not UNSET:
            field_dict["category"] = category
        if detailed_performance_location is not UNSET:
            field_dict["detailedPerformanceLocation"] = detailed_performance_location
        if detailed_tax_location is not UNSET:
            field_dict["detailedTaxLocation"] = detailed_tax_location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.credit_billable_item_request_billable_post_tax_item_extras_type_0_item import (
            CreditBillableItemRequestBillablePostTaxItemExtrasType0Item,  # noqa: PLC0415
        )
        from ..models.credit_billable_item_request_detailed_performance_location_type_0 import (
            CreditBillableItemRequestDetailedPerformanceLocationType0,  # noqa: PLC0415
        )
        from ..models.credit_billable_item_request_detailed_tax_location_type_0 import (
            CreditBillableItemRequestDetailedTaxLocationType0,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_article_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        article_number = _parse_article_number(d.pop("articleNumber", UNSET))

        def _parse_billable_post_tax_item_extras(
            data: object,
        ) -> list[CreditBillableItemRequestBillablePostTaxItemExtrasType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                billable_post_tax_item_extras_type_0 = []
                _billable_post_tax_item_extras_type_0 = data
                for billable_post_tax_item_extras_type_0_item_data in _billable_post_tax_item_extras_type_0:
                    billable_post_tax_item_extras_type_0_item = (
                        CreditBillableItemRequestBillablePostTaxItemExtrasType0Item.from_dict(
                            billable_post_tax_item_extras_type_0_item_data
                        )
                    )

                    billable_post_tax_item_extras_type_0.append(billable_post_tax_item_extras_type_0_item)

                return billable_post_tax_item_extras_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CreditBillableItemRequestBillablePostTaxItemExtrasType0Item] | None | Unset, data)

        billable_post_tax_item_extras = _parse_billable_post_tax_item_extras(d.pop("billablePostTaxItemExtras", UNSET))

        category = d.pop("category", UNSET)

        def _parse_detailed_performance_location(
            data: object,
        ) -> CreditBillableItemRequestDetailedPerformanceLocationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detailed_performance_location_type_0 = (
                    CreditBillableItemRequestDetailedPerformanceLocationType0.from_dict(data)
                )

                return detailed_performance_location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditBillableItemRequestDetailedPerformanceLocationType0 | None | Unset, data)

        detailed_performance_location = _parse_detailed_performance_location(
            d.pop("detailedPerformanceLocation", UNSET)
        )

        def _parse_detailed_tax_location(
            data: object,
        ) -> CreditBillableItemRequestDetailedTaxLocationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detailed_tax_location_type_0 = CreditBillableItemRequestDetailedTaxLocationType0.from_dict(data)

                return detailed_tax_location_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreditBillableItemRequestDetailedTaxLocationType0 | None | Unset, data)

        detailed_tax_location = _parse_detailed_tax_location(d.pop("detailedTaxLocation", UNSET))

        credit_billable_item_request = cls(
            article_number=article_number,
            billable_post_tax_item_extras=billable_post_tax_item_extras,
            category=category,
            detailed_performance_location=detailed_performance_location,
            detailed_tax_location=detailed_tax_location,
        )

        credit_billable_item_request.additional_properties = d
        return credit_billable_item_request

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
