from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderNotification")


@_attrs_define
class OrderNotification:
    """Payload of order.created, order.updated and order.cancelled.

    Example:
        {'orderIdent': 'ORDER-1001', 'tenantId': 1, 'notification_type': 'order.created'}

    Attributes:
        order_ident (str | Unset):
        tenant_id (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a number
            and sometimes as a (decimal or epoch) string.
        notification_type (str | Unset):
    """

    order_ident: str | Unset = UNSET
    tenant_id: float | None | str | Unset = UNSET
    notification_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        order_ident = self.order_ident

        tenant_id: float | None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        notification_type = self.notification_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if order_ident is not UNSET:
            field_dict["orderIdent"] = order_ident
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if notification_type is not UNSET:
            field_dict["notification_type"] = notification_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        order_ident = d.pop("orderIdent", UNSET)

        def _parse_tenant_id(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tenant_id = _parse_tenant_id(d.pop("tenantId", UNSET))

        notification_type = d.pop("notification_type", UNSET)

        order_notification = cls(
            order_ident=order_ident,
            tenant_id=tenant_id,
            notification_type=notification_type,
        )

        order_notification.additional_properties = d
        return order_notification

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
