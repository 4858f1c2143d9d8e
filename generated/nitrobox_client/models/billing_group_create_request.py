from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField

if TYPE_CHECKING:
    from ..models.billing_group_create_request_business_segments_item import (
        BillingGroupCreateRequestBusinessSegmentsItem,
    )
    from ..models.billing_group_create_request_currency_rounding_overrides_item import (
        BillingGroupCreateRequestCurrencyRoundingOverridesItem,
    )


T = TypeVar("T", bound="BillingGroupCreateRequest")


@_attrs_define
class BillingGroupCreateRequest:
    """Create billing group body. Its top-level scalar fields had hidden names: the required, unique billing group ident
    (1..100, a random UUID if not given; it later selects the document template), an internal/external billing switch
    and the document-date source (`DOCUMENT_CREATION` | `BILLING_PERIOD`). Send them as extra properties; unknown
    properties pass through.

        Attributes:
            business_segments (list[BillingGroupCreateRequestBusinessSegmentsItem]): The group's business segments. Each has
                a description (0..255), a name (required, at most 255, not blank) and a unique ident (1..100); their field names
                were not shown. A single segment becomes the default automatically.
            currency_rounding_overrides (list[BillingGroupCreateRequestCurrencyRoundingOverridesItem]): Decimal places per
                currency, overriding ISO 4217 (item fields not shown).
    """

    business_segments: list[BillingGroupCreateRequestBusinessSegmentsItem]
    currency_rounding_overrides: list[BillingGroupCreateRequestCurrencyRoundingOverridesItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        business_segments = []
        for business_segments_item_data in self.business_segments:
            business_segments_item = business_segments_item_data.to_dict()
            business_segments.append(business_segments_item)

        currency_rounding_overrides = []
        for currency_rounding_overrides_item_data in self.currency_rounding_overrides:
            currency_rounding_overrides_item = currency_rounding_overrides_item_data.to_dict()
            currency_rounding_overrides.append(currency_rounding_overrides_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "businessSegments": business_segments,
                "currencyRoundingOverrides": currency_rounding_overrides,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.billing_group_create_request_business_segments_item import (
            BillingGroupCreateRequestBusinessSegmentsItem,  # noqa: PLC0415
        )
        from ..models.billing_group_create_request_currency_rounding_overrides_item import (
            BillingGroupCreateRequestCurrencyRoundingOverridesItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        if "businessSegments" not in d:
            raise MissingRequiredField("BillingGroupCreateRequest", "businessSegments")
        business_segments = []
        _business_segments = d.pop("businessSegments")
        for business_segments_item_data in _business_segments:
            business_segments_item = BillingGroupCreateRequestBusinessSegmentsItem.from_dict(
                business_segments_item_data
            )

            business_segments.append(business_segments_item)

        if "currencyRoundingOverrides" not in d:
            raise MissingRequiredField("BillingGroupCreateRequest", "currencyRoundingOverrides")
        currency_rounding_overrides = []
        _currency_rounding_overrides = d.pop("currencyRoundingOverrides")
        for currency_rounding_overrides_item_data in _currency_rounding_overrides:
            currency_rounding_overrides_item = BillingGroupCreateRequestCurrencyRoundingOverridesItem.from_dict(
                currency_rounding_overrides_item_data
            )

            currency_rounding_overrides.append(currency_rounding_overrides_item)

        billing_group_create_request = cls(
            business_segments=business_segments,
            currency_rounding_overrides=currency_rounding_overrides,
        )

        billing_group_create_request.additional_properties = d
        return billing_group_create_request

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
