from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.business_segment import BusinessSegment


T = TypeVar("T", bound="BillingGroup")


@_attrs_define
class BillingGroup:
    """A billing group as the API answers (body not published; anything the server sends is kept).

    Attributes:
        billing_group_ident (str):
        business_segments (list[BusinessSegment] | Unset):
    """

    billing_group_ident: str
    business_segments: list[BusinessSegment] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        billing_group_ident = self.billing_group_ident

        business_segments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.business_segments, Unset):
            business_segments = []
            for business_segments_item_data in self.business_segments:
                business_segments_item = business_segments_item_data.to_dict()
                business_segments.append(business_segments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "billingGroupIdent": billing_group_ident,
            }
        )
        if business_segments is not UNSET:
            field_dict["businessSegments"] = business_segments

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.business_segment import BusinessSegment  # noqa: PLC0415

        d = dict(src_dict)
        if "billingGroupIdent" not in d:
            raise MissingRequiredField("BillingGroup", "billingGroupIdent")
        billing_group_ident = d.pop("billingGroupIdent")

        _business_segments = d.pop("businessSegments", UNSET)
        business_segments: list[BusinessSegment] | Unset = UNSET
        if _business_segments is not UNSET:
            business_segments = []
            for business_segments_item_data in _business_segments:
                business_segments_item = BusinessSegment.from_dict(business_segments_item_data)

                business_segments.append(business_segments_item)

        billing_group = cls(
            billing_group_ident=billing_group_ident,
            business_segments=business_segments,
        )

        billing_group.additional_properties = d
        return billing_group

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
