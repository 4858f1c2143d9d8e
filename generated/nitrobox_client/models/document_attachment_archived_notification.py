from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentAttachmentArchivedNotification")


@_attrs_define
class DocumentAttachmentArchivedNotification:
    """Payload of documentAttachment.archived. The changelog names the event and what it means, not its fields: only the
    `notification_type` convention is assumed, everything else is kept as sent.

        Example:
            {'notification_type': 'documentAttachment.archived'}

        Attributes:
            notification_type (str | Unset):
    """

    notification_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        notification_type = self.notification_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if notification_type is not UNSET:
            field_dict["notification_type"] = notification_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        notification_type = d.pop("notification_type", UNSET)

        document_attachment_archived_notification = cls(
            notification_type=notification_type,
        )

        document_attachment_archived_notification.additional_properties = d
        return document_attachment_archived_notification

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
