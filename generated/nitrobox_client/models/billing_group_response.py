from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

T = TypeVar("T", bound="BillingGroupResponse")


@_attrs_define
class BillingGroupResponse:
    """A billing group's usage configuration, as usage-api.json describes it.

    Attributes:
        billing_group_ident (str): 1..100 characters of `[a-zA-Z0-9_-]`.
        late_usage_behaviour (str | Unset): CORRECTIVE or CARRY_OVER.
    """

    billing_group_ident: str
    late_usage_behaviour: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        billing_group_ident = self.billing_group_ident

        late_usage_behaviour = self.late_usage_behaviour

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "billingGroupIdent": billing_group_ident,
            }
        )
        if late_usage_behaviour is not UNSET:
            field_dict["lateUsageBehaviour"] = late_usage_behaviour

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        if "billingGroupIdent" not in d:
            raise MissingRequiredField("BillingGroupResponse", "billingGroupIdent")
        billing_group_ident = d.pop("billingGroupIdent")

        late_usage_behaviour = d.pop("lateUsageBehaviour", UNSET)

        billing_group_response = cls(
            billing_group_ident=billing_group_ident,
            late_usage_behaviour=late_usage_behaviour,
        )

        billing_group_response.additional_properties = d
        return billing_group_response

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
