from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="GlobalErrorItem")


@_attrs_define
class GlobalErrorItem:
    """One detail error of a GlobalErrorResponse.

    Attributes:
        field_name (None | str | Unset): The offending field, e.g. `addresses[0].addressType`.
        error (None | str | Unset): What is wrong with it.
        rejected_value (Any | Unset): The value the server rejected (any JSON value, or null).
    """

    field_name: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    rejected_value: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_name: None | str | Unset
        if isinstance(self.field_name, Unset):
            field_name = UNSET
        else:
            field_name = self.field_name

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        rejected_value = self.rejected_value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_name is not UNSET:
            field_dict["fieldName"] = field_name
        if error is not UNSET:
            field_dict["error"] = error
        if rejected_value is not UNSET:
            field_dict["rejectedValue"] = rejected_value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_field_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field_name = _parse_field_name(d.pop("fieldName", UNSET))

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        rejected_value = d.pop("rejectedValue", UNSET)

        global_error_item = cls(
            field_name=field_name,
            error=error,
            rejected_value=rejected_value,
        )

        global_error_item.additional_properties = d
        return global_error_item

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
