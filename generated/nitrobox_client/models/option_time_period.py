from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField

T = TypeVar("T", bound="OptionTimePeriod")


@_attrs_define
class OptionTimePeriod:
    """A time-of-day window, e.g. `08:00:00` to `20:00:00`.

    Attributes:
        start (str): Time of day, `HH:MM:SS`.
        end (str): Time of day, `HH:MM:SS`.
    """

    start: str
    end: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start

        end = self.end

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "start": start,
                "end": end,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        if "start" not in d:
            raise MissingRequiredField("OptionTimePeriod", "start")
        start = d.pop("start")

        if "end" not in d:
            raise MissingRequiredField("OptionTimePeriod", "end")
        end = d.pop("end")

        option_time_period = cls(
            start=start,
            end=end,
        )

        option_time_period.additional_properties = d
        return option_time_period

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
