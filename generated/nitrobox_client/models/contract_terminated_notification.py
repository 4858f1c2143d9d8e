from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractTerminatedNotification")


@_attrs_define
class ContractTerminatedNotification:
    """Payload of contract.terminated and contract.expired.

    Example:
        {'contractIdent': 'CONTRACT-1001', 'endDate': '2023-03-31T23:59:59.999Z', 'tenantId': 1, 'notification_type':
            'contract.terminated'}

    Attributes:
        contract_ident (str | Unset):
        end_date (datetime.datetime | Unset):
        tenant_id (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a number
            and sometimes as a (decimal or epoch) string.
        notification_type (str | Unset):
    """

    contract_ident: str | Unset = UNSET
    end_date: datetime.datetime | Unset = UNSET
    tenant_id: float | None | str | Unset = UNSET
    notification_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_ident = self.contract_ident

        end_date: str | Unset = UNSET
        if not isinstance(self.end_date, Unset):
            end_date = self.end_date.isoformat()

        tenant_id: float | None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        notification_type = self.notification_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if contract_ident is not UNSET:
            field_dict["contractIdent"] = contract_ident
        if end_date is not UNSET:
            field_dict["endDate"] = end_date
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if notification_type is not UNSET:
            field_dict["notification_type"] = notification_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_ident = d.pop("contractIdent", UNSET)

        _end_date = d.pop("endDate", UNSET)
        end_date: datetime.datetime | Unset
        if isinstance(_end_date, Unset):
            end_date = UNSET
        else:
            end_date = datetime.datetime.fromisoformat(_end_date)

        def _parse_tenant_id(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tenant_id = _parse_tenant_id(d.pop("tenantId", UNSET))

        notification_type = d.pop("notification_type", UNSET)

        contract_terminated_notification = cls(
            contract_ident=contract_ident,
            end_date=end_date,
            tenant_id=tenant_id,
            notification_type=notification_type,
        )

        contract_terminated_notification.additional_properties = d
        return contract_terminated_notification

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
