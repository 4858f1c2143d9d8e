from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agreed_deposit_dto_debit_credit_indicator import AgreedDepositDtoDebitCreditIndicator
from ..types import UNSET, Unset

T = TypeVar("T", bound="AgreedDepositDto")


@_attrs_define
class AgreedDepositDto:
    """An agreed deposit (the field list is cut off after `ident`). In Nitrobox's file `debitCreditIndicator` keeps its
    values in the description; here it is a real enum.

        Attributes:
            debit_credit_indicator (AgreedDepositDtoDebitCreditIndicator | Unset):
            gross_value (float | Unset):
            ident (str | Unset): A client-chosen external reference: 1..100 characters of `[a-zA-Z0-9_.~-]`, unique, and
                usually immutable after the initial POST. Example: CUST-1001.
    """

    debit_credit_indicator: AgreedDepositDtoDebitCreditIndicator | Unset = UNSET
    gross_value: float | Unset = UNSET
    ident: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        debit_credit_indicator: str | Unset = UNSET
        if not isinstance(self.debit_credit_indicator, Unset):
            debit_credit_indicator = self.debit_credit_indicator.value

        gross_value = self.gross_value

        ident = self.ident

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if debit_credit_indicator is not UNSET:
            field_dict["debitCreditIndicator"] = debit_credit_indicator
        if gross_value is not UNSET:
            field_dict["grossValue"] = gross_value
        if ident is not UNSET:
            field_dict["ident"] = ident

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _debit_credit_indicator = d.pop("debitCreditIndicator", UNSET)
        debit_credit_indicator: AgreedDepositDtoDebitCreditIndicator | Unset
        if isinstance(_debit_credit_indicator, Unset):
            debit_credit_indicator = UNSET
        else:
            debit_credit_indicator = AgreedDepositDtoDebitCreditIndicator(_debit_credit_indicator)

        gross_value = d.pop("grossValue", UNSET)

        ident = d.pop("ident", UNSET)

        agreed_deposit_dto = cls(
            debit_credit_indicator=debit_credit_indicator,
            gross_value=gross_value,
            ident=ident,
        )

        agreed_deposit_dto.additional_properties = d
        return agreed_deposit_dto

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
