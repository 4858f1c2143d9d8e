from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SettlementCreatedNotificationMerchantPaymentAccountType0")


@_attrs_define
class SettlementCreatedNotificationMerchantPaymentAccountType0:
    """
    Attributes:
        ident (str | Unset):
        payment_provider (str | Unset):
        payment_provider_name (str | Unset):
        currency (str | Unset):
        country (str | Unset):
    """

    ident: str | Unset = UNSET
    payment_provider: str | Unset = UNSET
    payment_provider_name: str | Unset = UNSET
    currency: str | Unset = UNSET
    country: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ident = self.ident

        payment_provider = self.payment_provider

        payment_provider_name = self.payment_provider_name

        currency = self.currency

        country = self.country

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ident is not UNSET:
            field_dict["ident"] = ident
        if payment_provider is not UNSET:
            field_dict["paymentProvider"] = payment_provider
        if payment_provider_name is not UNSET:
            field_dict["paymentProviderName"] = payment_provider_name
        if currency is not UNSET:
            field_dict["currency"] = currency
        if country is not UNSET:
            field_dict["country"] = country

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ident = d.pop("ident", UNSET)

        payment_provider = d.pop("paymentProvider", UNSET)

        payment_provider_name = d.pop("paymentProviderName", UNSET)

        currency = d.pop("currency", UNSET)

        country = d.pop("country", UNSET)

        settlement_created_notification_merchant_payment_account_type_0 = cls(
            ident=ident,
            payment_provider=payment_provider,
            payment_provider_name=payment_provider_name,
            currency=currency,
            country=country,
        )

        settlement_created_notification_merchant_payment_account_type_0.additional_properties = d
        return settlement_created_notification_merchant_payment_account_type_0

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
