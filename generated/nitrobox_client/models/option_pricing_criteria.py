from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField

if TYPE_CHECKING:
    from ..models.option_time_period import OptionTimePeriod


T = TypeVar("T", bound="OptionPricingCriteria")


@_attrs_define
class OptionPricingCriteria:
    """When a pricing rule applies.

    Attributes:
        time_period (OptionTimePeriod): A time-of-day window, e.g. `08:00:00` to `20:00:00`.
    """

    time_period: OptionTimePeriod
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        time_period = self.time_period.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timePeriod": time_period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_time_period import OptionTimePeriod  # noqa: PLC0415

        d = dict(src_dict)
        if "timePeriod" not in d:
            raise MissingRequiredField("OptionPricingCriteria", "timePeriod")
        time_period = OptionTimePeriod.from_dict(d.pop("timePeriod"))

        option_pricing_criteria = cls(
            time_period=time_period,
        )

        option_pricing_criteria.additional_properties = d
        return option_pricing_criteria

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
