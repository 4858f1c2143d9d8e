from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SettlementCreatedNotificationExchangeRateType0")


@_attrs_define
class SettlementCreatedNotificationExchangeRateType0:
    """
    Attributes:
        original_currency (str | Unset):
        target_currency (str | Unset):
        value (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a number and
            sometimes as a (decimal or epoch) string.
    """

    original_currency: str | Unset = UNSET
    target_currency: str | Unset = UNSET
    value: float | None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        original_currency = self.original_currency

        target_currency = self.target_currency

        value: float | None | str | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if original_currency is not UNSET:
            field_dict["originalCurrency"] = original_currency
        if target_currency is not UNSET:
            field_dict["targetCurrency"] = target_currency
        if value is not UNSET:
            field_dict["value"] = value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        original_currency = d.pop("originalCurrency", UNSET)

        target_currency = d.pop("targetCurrency", UNSET)

        def _parse_value(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        settlement_created_notification_exchange_rate_type_0 = cls(
            original_currency=original_currency,
            target_currency=target_currency,
            value=value,
        )

        settlement_created_notification_exchange_rate_type_0.additional_properties = d
        return settlement_created_notification_exchange_rate_type_0

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
