from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CancelContractsRequest")


@_attrs_define
class CancelContractsRequest:
    """Cancels several contracts. Besides `idents` the body holds a cancellation reason (string, may appear on the credit
    note) and a cancellation date-time (defaults to now) whose field names were not shown; send them as extra
    properties.

        Attributes:
            idents (list[str] | Unset):
    """

    idents: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        idents: list[str] | Unset = UNSET
        if not isinstance(self.idents, Unset):
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
        idents = cast(list[str], d.pop("idents", UNSET))

        cancel_contracts_request = cls(
            idents=idents,
        )

        cancel_contracts_request.additional_properties = d
        return cancel_contracts_request

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
