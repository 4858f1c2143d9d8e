from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ContractRenewedNotification")


@_attrs_define
class ContractRenewedNotification:
    """Payload of contract.renewed.

    Example:
        {'contractIdent': 'CONTRACT-1001', 'tenantId': 1, 'nextRenewalDate': '2023-01-25T00:00:00',
            'nextRenewalDateUTC': '2023-01-25T00:00:00Z', 'notification_type': 'contract.renewed'}

    Attributes:
        contract_ident (str | Unset):
        tenant_id (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a number
            and sometimes as a (decimal or epoch) string.
        next_renewal_date (str | Unset): Local date-time without zone, e.g. `2023-01-25T00:00:00`.
        next_renewal_date_utc (datetime.datetime | Unset):
        notification_type (str | Unset):
    """

    contract_ident: str | Unset = UNSET
    tenant_id: float | None | str | Unset = UNSET
    next_renewal_date: str | Unset = UNSET
    next_renewal_date_utc: datetime.datetime | Unset = UNSET
    notification_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_ident = self.contract_ident

        tenant_id: float | None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        next_renewal_date = self.next_renewal_date

        next_renewal_date_utc: str | Unset = UNSET
        if not isinstance(self.next_renewal_date_utc, Unset):
            next_renewal_date_utc = self.next_renewal_date_utc.isoformat()

        notification_type = self.notification_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if contract_ident is not UNSET:
            field_dict["contractIdent"] = contract_ident
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if next_renewal_date is not UNSET:
            field_dict["nextRenewalDate"] = next_renewal_date
        if next_renewal_date_utc is not UNSET:
            field_dict["nextRenewalDateUTC"] = next_renewal_date_utc
        if notification_type is not UNSET:
            field_dict["notification_type"] = notification_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        contract_ident = d.pop("contractIdent", UNSET)

        def _parse_tenant_id(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tenant_id = _parse_tenant_id(d.pop("tenantId", UNSET))

        next_renewal_date = d.pop("nextRenewalDate", UNSET)

        _next_renewal_date_utc = d.pop("nextRenewalDateUTC", UNSET)
        next_renewal_date_utc: datetime.datetime | Unset
        if isinstance(_next_renewal_date_utc, Unset):
            next_renewal_date_utc = UNSET
        else:
            next_renewal_date_utc = datetime.datetime.fromisoformat(_next_renewal_date_utc)

        notification_type = d.pop("notification_type", UNSET)

        contract_renewed_notification = cls(
            contract_ident=contract_ident,
            tenant_id=tenant_id,
            next_renewal_date=next_renewal_date,
            next_renewal_date_utc=next_renewal_date_utc,
            notification_type=notification_type,
        )

        contract_renewed_notification.additional_properties = d
        return contract_renewed_notification

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
