from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SettlementCreatedNotificationSettlementReportType0")


@_attrs_define
class SettlementCreatedNotificationSettlementReportType0:
    """
    Attributes:
        ident (str | Unset):
        statement_reference (None | str | Unset):
        statement_creation_date (None | str | Unset):
        file_name (None | str | Unset):
    """

    ident: str | Unset = UNSET
    statement_reference: None | str | Unset = UNSET
    statement_creation_date: None | str | Unset = UNSET
    file_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        ident = self.ident

        statement_reference: None | str | Unset
        if isinstance(self.statement_reference, Unset):
            statement_reference = UNSET
        else:
            statement_reference = self.statement_reference

        statement_creation_date: None | str | Unset
        if isinstance(self.statement_creation_date, Unset):
            statement_creation_date = UNSET
        else:
            statement_creation_date = self.statement_creation_date

        file_name: None | str | Unset
        if isinstance(self.file_name, Unset):
            file_name = UNSET
        else:
            file_name = self.file_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if ident is not UNSET:
            field_dict["ident"] = ident
        if statement_reference is not UNSET:
            field_dict["statementReference"] = statement_reference
        if statement_creation_date is not UNSET:
            field_dict["statementCreationDate"] = statement_creation_date
        if file_name is not UNSET:
            field_dict["fileName"] = file_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ident = d.pop("ident", UNSET)

        def _parse_statement_reference(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statement_reference = _parse_statement_reference(d.pop("statementReference", UNSET))

        def _parse_statement_creation_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statement_creation_date = _parse_statement_creation_date(d.pop("statementCreationDate", UNSET))

        def _parse_file_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_name = _parse_file_name(d.pop("fileName", UNSET))

        settlement_created_notification_settlement_report_type_0 = cls(
            ident=ident,
            statement_reference=statement_reference,
            statement_creation_date=statement_creation_date,
            file_name=file_name,
        )

        settlement_created_notification_settlement_report_type_0.additional_properties = d
        return settlement_created_notification_settlement_report_type_0

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
