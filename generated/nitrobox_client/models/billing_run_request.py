from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingRunRequest")


@_attrs_define
class BillingRunRequest:
    """Which billable items to process.

    Attributes:
        processing_date (datetime.datetime): All unprocessed billable items up to this date are processed immediately.
        debtor_id (int | None | Unset): One debtor by numeric id (optional).
        debtor_ident (None | str | Unset): One customer by ident (optional); without a debtor every debtor is billed.
    """

    processing_date: datetime.datetime
    debtor_id: int | None | Unset = UNSET
    debtor_ident: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        processing_date = self.processing_date.isoformat()

        debtor_id: int | None | Unset
        if isinstance(self.debtor_id, Unset):
            debtor_id = UNSET
        else:
            debtor_id = self.debtor_id

        debtor_ident: None | str | Unset
        if isinstance(self.debtor_ident, Unset):
            debtor_ident = UNSET
        else:
            debtor_ident = self.debtor_ident

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "processingDate": processing_date,
            }
        )
        if debtor_id is not UNSET:
            field_dict["debtorId"] = debtor_id
        if debtor_ident is not UNSET:
            field_dict["debtorIdent"] = debtor_ident

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        if "processingDate" not in d:
            raise MissingRequiredField("BillingRunRequest", "processingDate")
        processing_date = datetime.datetime.fromisoformat(d.pop("processingDate"))

        def _parse_debtor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        debtor_id = _parse_debtor_id(d.pop("debtorId", UNSET))

        def _parse_debtor_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        debtor_ident = _parse_debtor_ident(d.pop("debtorIdent", UNSET))

        billing_run_request = cls(
            processing_date=processing_date,
            debtor_id=debtor_id,
            debtor_ident=debtor_ident,
        )

        billing_run_request.additional_properties = d
        return billing_run_request

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
