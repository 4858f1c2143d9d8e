from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.merchant_payment_account_create_request_payment_collection_config_type_0 import (
        MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0,
    )
    from ..models.merchant_payment_account_create_request_settlements_processing_schedule_type_0 import (
        MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0,
    )


T = TypeVar("T", bound="MerchantPaymentAccountCreateRequest")


@_attrs_define
class MerchantPaymentAccountCreateRequest:
    """A merchant payment account at a payment service provider. `settlementConfig: true` loads statements but creates no
    settlements. `active: false` is the only way to retire an account that was seen (no delete).

        Attributes:
            active (bool):
            country (str): ISO 3166 alpha-2 or alpha-3 country code.
            currency (str): ISO 4217 currency code, or `UNDEFINED` (the published enum includes it).
            ident (str): A client-chosen external reference: 1..100 characters of `[a-zA-Z0-9_.~-]`, unique, and usually
                immutable after the initial POST. Example: CUST-1001.
            name (str): Not blank.
            payment_service_provider_id (int):
            additionally_accepted_currencies (list[str] | None | Unset):
            payment_collection_config (MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0 | None | Unset): Its
                fields are not published.
            settlement_config (bool | Unset):  Default: False.
            settlements_processing_schedule (MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0 | None |
                Unset): Its fields are not published.
    """

    active: bool
    country: str
    currency: str
    ident: str
    name: str
    payment_service_provider_id: int
    additionally_accepted_currencies: list[str] | None | Unset = UNSET
    payment_collection_config: MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0 | None | Unset = UNSET
    settlement_config: bool | Unset = False
    settlements_processing_schedule: (
        MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0 | None | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.merchant_payment_account_create_request_payment_collection_config_type_0 import (
            MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0,  # noqa: PLC0415
        )
        from ..models.merchant_payment_account_create_request_settlements_processing_schedule_type_0 import (
            MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0,  # noqa: PLC0415
        )

        active = self.active

        country = self.country

        currency = self.currency

        ident = self.ident

        name = self.name

        payment_service_provider_id = self.payment_service_provider_id

        additionally_accepted_currencies: list[str] | None | Unset
        if isinstance(self.additionally_accepted_currencies, Unset):
            additionally_accepted_currencies = UNSET
        elif isinstance(self.additionally_accepted_currencies, list):
            additionally_accepted_currencies = self.additionally_accepted_currencies

        else:
            additionally_accepted_currencies = self.additionally_accepted_currencies

        payment_collection_config: dict[str, Any] | None | Unset
        if isinstance(self.payment_collection_config, Unset):
            payment_collection_config = UNSET
        elif isinstance(
            self.payment_collection_config, MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0
        ):
            payment_collection_config = self.payment_collection_config.to_dict()
        else:
            payment_collection_config = self.payment_collection_config

        settlement_config = self.settlement_config

        settlements_processing_schedule: dict[str, Any] | None | Unset
        if isinstance(self.settlements_processing_schedule, Unset):
            settlements_processing_schedule = UNSET
        elif isinstance(
            self.settlements_processing_schedule, MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0
        ):
            settlements_processing_schedule = self.settlements_processing_schedule.to_dict()
        else:
            settlements_processing_schedule = self.settlements_processing_schedule

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active": active,
                "country": country,
                "currency": currency,
                "ident": ident,
                "name": name,
                "paymentServiceProviderId": payment_service_provider_id,
            }
        )
        if additionally_accepted_currencies is not UNSET:
            field_dict["additionallyAcceptedCurrencies"] = additionally_accepted_currencies
        if payment_collection_config is not UNSET:
            field_dict["paymentCollectionConfig"] = payment_collection_config
        if settlement_config is not UNSET:
            field_dict["settlementConfig"] = settlement_config
        if settlements_processing_schedule is not UNSET:
            field_dict["settlementsProcessingSchedule"] = settlements_processing_schedule

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merchant_payment_account_create_request_payment_collection_config_type_0 import (
            MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0,  # noqa: PLC0415
        )
        from ..models.merchant_payment_account_create_request_settlements_processing_schedule_type_0 import (
            MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        if "active" not in d:
            raise MissingRequiredField("MerchantPaymentAccountCreateRequest", "active")
        active = d.pop("active")

        if "country" not in d:
            raise MissingRequiredField("MerchantPaymentAccountCreateRequest", "country")
        country = d.pop("country")

        if "currency" not in d:
            raise MissingRequiredField("MerchantPaymentAccountCreateRequest", "currency")
        currency = d.pop("currency")

        if "ident" not in d:
            raise MissingRequiredField("MerchantPaymentAccountCreateRequest", "ident")
        ident = d.pop("ident")

        if "name" not in d:
            raise MissingRequiredField("MerchantPaymentAccountCreateRequest", "name")
        name = d.pop("name")

        if "paymentServiceProviderId" not in d:
            raise MissingRequiredField("MerchantPaymentAccountCreateRequest", "paymentServiceProviderId")
        payment_service_provider_id = d.pop("paymentServiceProviderId")

        def _parse_additionally_accepted_currencies(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                additionally_accepted_currencies_type_0 = cast(list[str], data)

                return additionally_accepted_currencies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        additionally_accepted_currencies = _parse_additionally_accepted_currencies(
            d.pop("additionallyAcceptedCurrencies", UNSET)
        )

        def _parse_payment_collection_config(
            data: object,
        ) -> MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_collection_config_type_0 = (
                    MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0.from_dict(data)
                )

                return payment_collection_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MerchantPaymentAccountCreateRequestPaymentCollectionConfigType0 | None | Unset, data)

        payment_collection_config = _parse_payment_collection_config(d.pop("paymentCollectionConfig", UNSET))

        settlement_config = d.pop("settlementConfig", UNSET)

        def _parse_settlements_processing_schedule(
            data: object,
        ) -> MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settlements_processing_schedule_type_0 = (
                    MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0.from_dict(data)
                )

                return settlements_processing_schedule_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MerchantPaymentAccountCreateRequestSettlementsProcessingScheduleType0 | None | Unset, data)

        settlements_processing_schedule = _parse_settlements_processing_schedule(
            d.pop("settlementsProcessingSchedule", UNSET)
        )

        merchant_payment_account_create_request = cls(
            active=active,
            country=country,
            currency=currency,
            ident=ident,
            name=name,
            payment_service_provider_id=payment_service_provider_id,
            additionally_accepted_currencies=additionally_accepted_currencies,
            payment_collection_config=payment_collection_config,
            settlement_config=settlement_config,
            settlements_processing_schedule=settlements_processing_schedule,
        )

        merchant_payment_account_create_request.additional_properties = d
        return merchant_payment_account_create_request

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
