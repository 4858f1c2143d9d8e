from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..models.opos_case_decision_create_request_type import OposCaseDecisionCreateRequestType
from ..types import UNSET, Unset

T = TypeVar("T", bound="OposCaseDecisionCreateRequest")


@_attrs_define
class OposCaseDecisionCreateRequest:
    """A decision on an OPOS case. Which `type` values are allowed depends on the case: for a DEBIT case
    `UNCOLLECTABLE_RECEIVABLE`, `DOUBTFUL_RECEIVABLE`, `DISCOUNT`, `CASH_DISCOUNT`, `BANK_FEE`, `EXTERNAL_CLOSED`; for a
    CREDIT case `OTHER_REVENUE`, `EXTERNAL_CLOSED`.

        Attributes:
            ident (str): A client-chosen external reference: 1..100 characters of `[a-zA-Z0-9_.~-]`, unique, and usually
                immutable after the initial POST. Example: CUST-1001.
            type_ (OposCaseDecisionCreateRequestType):
            note (None | str | Unset):
            amount (float | None | Unset): Mandatory if an active prebooked item exists on the case; otherwise the case
                balance is used.
    """

    ident: str
    type_: OposCaseDecisionCreateRequestType
    note: None | str | Unset = UNSET
    amount: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ident = self.ident

        type_ = self.type_.value

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        amount: float | None | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "ident": ident,
                "type": type_,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        if "ident" not in d:
            raise MissingRequiredField("OposCaseDecisionCreateRequest", "ident")
        ident = d.pop("ident")

        if "type" not in d:
            raise MissingRequiredField("OposCaseDecisionCreateRequest", "type")
        type_ = OposCaseDecisionCreateRequestType(d.pop("type"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_amount(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        opos_case_decision_create_request = cls(
            ident=ident,
            type_=type_,
            note=note,
            amount=amount,
        )

        opos_case_decision_create_request.additional_properties = d
        return opos_case_decision_create_request

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
