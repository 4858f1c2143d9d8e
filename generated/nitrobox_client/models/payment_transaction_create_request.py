from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..models.payment_transaction_create_request_credit_debit_indicator import (
    PaymentTransactionCreateRequestCreditDebitIndicator,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money
    from ..models.payment_transaction_create_request_batch_items_type_0_item import (
        PaymentTransactionCreateRequestBatchItemsType0Item,
    )


T = TypeVar("T", bound="PaymentTransactionCreateRequest")


@_attrs_define
class PaymentTransactionCreateRequest:
    """An incoming or outgoing payment (the field list is cut off after `externalIdent`).

    Attributes:
        base_amount (Money): An amount with its ISO 4217 currency. Example: {'amount': 10.0, 'currency': 'EUR'}.
        booking_date (datetime.datetime): ISO 8601; without an offset, UTC is assumed.
        credit_debit_indicator (PaymentTransactionCreateRequestCreditDebitIndicator):
        external_ident (str): Unique within the payment account.
        batch_items (list[PaymentTransactionCreateRequestBatchItemsType0Item] | None | Unset):
        creation_date (datetime.datetime | None | Unset):
        customer_specific_ident (None | str | Unset):
        exchange_rate (float | None | Unset): originalAmount / exchangeRate = baseAmount (within 0.01); up to 10 integer
            and 5 fraction digits; defaults to 1.00000 when no original amount is sent.
    """

    base_amount: Money
    booking_date: datetime.datetime
    credit_debit_indicator: PaymentTransactionCreateRequestCreditDebitIndicator
    external_ident: str
    batch_items: list[PaymentTransactionCreateRequestBatchItemsType0Item] | None | Unset = UNSET
    creation_date: datetime.datetime | None | Unset = UNSET
    customer_specific_ident: None | str | Unset = UNSET
    exchange_rate: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_amount = self.base_amount.to_dict()

        booking_date = self.booking_date.isoformat()

        credit_debit_indicator = self.credit_debit_indicator.value

        external_ident = self.external_ident

        batch_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.batch_items, Unset):
            batch_items = UNSET
        elif isinstance(self.batch_items, list):
            batch_items = []
            for batch_items_type_0_item_data in self.batch_items:
                batch_items_type_0_item = batch_items_type_0_item_data.to_dict()
                batch_items.append(batch_items_type_0_item)

        else:
            batch_items = self.batch_items

        creation_date: None | str | Unset
        if isinstance(self.creation_date, Unset):
            creation_date = UNSET
        elif isinstance(self.creation_date, datetime.datetime):
            creation_date = self.creation_date.isoformat()
        else:
            creation_date = self.creation_date

        customer_specific_ident: None | str | Unset
        if isinstance(self.customer_specific_ident, Unset):
            customer_specific_ident = UNSET
        else:
            customer_specific_ident = self.customer_specific_ident

        exchange_rate: float | None | Unset
        if isinstance(self.exchange_rate, Unset):
            exchange_rate = UNSET
        else:
            exchange_rate = self.exchange_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "baseAmount": base_amount,
                "bookingDate": booking_date,
                "creditDebitIndicator": credit_debit_indicator,
                "externalIdent": external_ident,
            }
        )
        if batch_items is not UNSET:
            field_dict["batchItems"] = batch_items
        if creation_date is not UNSET:
            field_dict["creationDate"] = creation_date
        if customer_specific_ident is not UNSET:
            field_dict["customerSpecificIdent"] = customer_specific_ident
        if exchange_rate is not UNSET:
            field_dict["exchangeRate"] = exchange_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415
        from ..models.payment_transaction_create_request_batch_items_type_0_item import (
            PaymentTransactionCreateRequestBatchItemsType0Item,  # noqa: PLC0415
        )

        d = dict(src_dict)
        if "baseAmount" not in d:
            raise MissingRequiredField("PaymentTransactionCreateRequest", "baseAmount")
        base_amount = Money.from_dict(d.pop("baseAmount"))

        if "bookingDate" not in d:
            raise MissingRequiredField("PaymentTransactionCreateRequest", "bookingDate")
        booking_date = datetime.datetime.fromisoformat(d.pop("bookingDate"))

        if "creditDebitIndicator" not in d:
            raise MissingRequiredField("PaymentTransactionCreateRequest", "creditDebitIndicator")
        credit_debit_indicator = PaymentTransactionCreateRequestCreditDebitIndicator(d.pop("creditDebitIndicator"))

        if "externalIdent" not in d:
            raise MissingRequiredField("PaymentTransactionCreateRequest", "externalIdent")
        external_ident = d.pop("externalIdent")

        def _parse_batch_items(data: object) -> list[PaymentTransactionCreateRequestBatchItemsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                batch_items_type_0 = []
                _batch_items_type_0 = data
                for batch_items_type_0_item_data in _batch_items_type_0:
                    batch_items_type_0_item = PaymentTransactionCreateRequestBatchItemsType0Item.from_dict(
                        batch_items_type_0_item_data
                    )

                    batch_items_type_0.append(batch_items_type_0_item)

                return batch_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PaymentTransactionCreateRequestBatchItemsType0Item] | None | Unset, data)

        batch_items = _parse_batch_items(d.pop("batchItems", UNSET))

        def _parse_creation_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                creation_date_type_0 = datetime.datetime.fromisoformat(data)

                return creation_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        creation_date = _parse_creation_date(d.pop("creationDate", UNSET))

        def _parse_customer_specific_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_specific_ident = _parse_customer_specific_ident(d.pop("customerSpecificIdent", UNSET))

        def _parse_exchange_rate(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        exchange_rate = _parse_exchange_rate(d.pop("exchangeRate", UNSET))

        payment_transaction_create_request = cls(
            base_amount=base_amount,
            booking_date=booking_date,
            credit_debit_indicator=credit_debit_indicator,
            external_ident=external_ident,
            batch_items=batch_items,
            creation_date=creation_date,
            customer_specific_ident=customer_specific_ident,
            exchange_rate=exchange_rate,
        )

        payment_transaction_create_request.additional_properties = d
        return payment_transaction_create_request

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
