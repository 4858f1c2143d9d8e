from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..models.billing_group_request_late_usage_behaviour import BillingGroupRequestLateUsageBehaviour

T = TypeVar("T", bound="BillingGroupRequest")


@_attrs_define
class BillingGroupRequest:
    """Configuration parameters of a specific billing group. In Nitrobox's usage-api.json `lateUsageBehaviour` is a plain
    string with its values in the description; here it is a real enum.

        Attributes:
            late_usage_behaviour (BillingGroupRequestLateUsageBehaviour): CORRECTIVE: a corrective adjustment to an already
                created invoice. CARRY_OVER: the usage is carried forward to the next billing period.
    """

    late_usage_behaviour: BillingGroupRequestLateUsageBehaviour
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        late_usage_behaviour = self.late_usage_behaviour.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lateUsageBehaviour": late_usage_behaviour,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        if "lateUsageBehaviour" not in d:
            raise MissingRequiredField("BillingGroupRequest", "lateUsageBehaviour")
        late_usage_behaviour = BillingGroupRequestLateUsageBehaviour(d.pop("lateUsageBehaviour"))

        billing_group_request = cls(
            late_usage_behaviour=late_usage_behaviour,
        )

        billing_group_request.additional_properties = d
        return billing_group_request

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
