from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SettlementCreatedNotificationPaymentCategoryType0")


@_attrs_define
class SettlementCreatedNotificationPaymentCategoryType0:
    """
    Attributes:
        name (str | Unset): e.g. `UNCATEGORISED`.
        assignable (bool | Unset):
    """

    name: str | Unset = UNSET
    assignable: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        assignable = self.assignable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if assignable is not UNSET:
            field_dict["assignable"] = assignable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        assignable = d.pop("assignable", UNSET)

        settlement_created_notification_payment_category_type_0 = cls(
            name=name,
            assignable=assignable,
        )

        settlement_created_notification_payment_category_type_0.additional_properties = d
        return settlement_created_notification_payment_category_type_0

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
