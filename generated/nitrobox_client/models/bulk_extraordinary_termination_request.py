from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BulkExtraordinaryTerminationRequest")


@_attrs_define
class BulkExtraordinaryTerminationRequest:
    """Extraordinary termination of several contracts. Besides `idents` the body holds a reason (string, 0..255) and a
    termination date (date-time, default end of today) whose field names were not shown; send them as extra properties.

        Attributes:
            idents (list[str] | None | Unset):
    """

    idents: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        idents: list[str] | None | Unset
        if isinstance(self.idents, Unset):
            idents = UNSET
        elif isinstance(self.idents, list):
            idents = self.idents

        else:
            idents = self.idents

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if idents is not UNSET:
            field_dict["idents"] = idents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_idents(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                idents_type_0 = cast(list[str], data)

                return idents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        idents = _parse_idents(d.pop("idents", UNSET))

        bulk_extraordinary_termination_request = cls(
            idents=idents,
        )

        bulk_extraordinary_termination_request.additional_properties = d
        return bulk_extraordinary_termination_request

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
