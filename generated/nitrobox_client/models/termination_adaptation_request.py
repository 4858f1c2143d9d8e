from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TerminationAdaptationRequest")


@_attrs_define
class TerminationAdaptationRequest:
    """New termination of an already terminated contract.

    Attributes:
        notice_date (datetime.datetime | None | Unset):
        reason (None | str | Unset):
        termination_date (datetime.datetime | None | Unset): Default end of today.
    """

    notice_date: datetime.datetime | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    termination_date: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        termination_date: None | str | Unset
        if isinstance(self.termination_date, Unset):
            termination_date = UNSET
        elif isinstance(self.termination_date, datetime.datetime):
            termination_date = self.termination_date.isoformat()
        else:
            termination_date = self.termination_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if notice_date is not UNSET:
            field_dict["noticeDate"] = notice_date
        if reason is not UNSET:
            field_dict["reason"] = reason
        if termination_date is not UNSET:
            field_dict["terminationDate"] = termination_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        def _parse_termination_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                termination_date_type_0 = datetime.datetime.fromisoformat(data)

                return termination_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        termination_date = _parse_termination_date(d.pop("terminationDate", UNSET))

        termination_adaptation_request = cls(
            notice_date=notice_date,
            reason=reason,
            termination_date=termination_date,
        )

        termination_adaptation_request.additional_properties = d
        return termination_adaptation_request

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
