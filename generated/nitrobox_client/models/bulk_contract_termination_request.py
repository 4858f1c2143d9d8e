from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BulkContractTerminationRequest")


@_attrs_define
class BulkContractTerminationRequest:
    """Regular termination of several contracts.

    Attributes:
        idents (list[str] | None | Unset):
        notice_date (datetime.datetime | None | Unset):
        reason (None | str | Unset):
    """

    idents: list[str] | None | Unset = UNSET
    notice_date: datetime.datetime | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        idents: list[str] | None | Unset
        if isinstance(self.idents, Unset):
            idents = UNSET
        elif isinstance(self.idents, list):
            idents = self.idents

        else:
            idents = self.idents

        notice_date: None | str | Unset
        if isinstance(self.notice_date, Unset):
            notice_date = UNSET
        elif isinstance(self.notice_date, datetime.datetime):
            notice_date = self.notice_date.isoformat()
        else:
            notice_date = self.notice_date

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if idents is not UNSET:
            field_dict["idents"] = idents
        if notice_date is not UNSET:
            field_dict["noticeDate"] = notice_date
        if reason is not UNSET:
            field_dict["reason"] = reason

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

        def _parse_notice_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                notice_date_type_0 = datetime.datetime.fromisoformat(data)

                return notice_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        notice_date = _parse_notice_date(d.pop("noticeDate", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        bulk_contract_termination_request = cls(
            idents=idents,
            notice_date=notice_date,
            reason=reason,
        )

        bulk_contract_termination_request.additional_properties = d
        return bulk_contract_termination_request

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
