from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.payment_assignment_configuration_request_regex_matching_strategies_type_0_item import (
        PaymentAssignmentConfigurationRequestRegexMatchingStrategiesType0Item,
    )


T = TypeVar("T", bound="PaymentAssignmentConfigurationRequest")


@_attrs_define
class PaymentAssignmentConfigurationRequest:
    """How over- and underpayments are assigned. The deprecated `overpaymentAssignment` and `underpaymentAssignment` are
    published without a visible type, so they are not declared and pass through unchanged.

        Attributes:
            overpayment_assignment_to_documents (bool | Unset):  Default: False.
            overpayment_assignment_to_orders (bool | Unset):  Default: False.
            underpayment_assignment_to_documents (bool | Unset):  Default: False.
            underpayment_assignment_to_orders (bool | Unset):  Default: True.
            regex_matching_strategies (list[PaymentAssignmentConfigurationRequestRegexMatchingStrategiesType0Item] | None |
                Unset): Its entries' fields are not published.
    """

    overpayment_assignment_to_documents: bool | Unset = False
    overpayment_assignment_to_orders: bool | Unset = False
    underpayment_assignment_to_documents: bool | Unset = False
    underpayment_assignment_to_orders: bool | Unset = True
    regex_matching_strategies: (
        list[PaymentAssignmentConfigurationRequestRegexMatchingStrategiesType0Item] | None | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        overpayment_assignment_to_documents = self.overpayment_assignment_to_documents

        overpayment_assignment_to_orders = self.overpayment_assignment_to_orders

        underpayment_assignment_to_documents = self.underpayment_assignment_to_documents

        underpayment_assignment_to_orders = self.underpayment_assignment_to_orders

        regex_matching_strategies: list[dict[str, Any]] | None | Unset
        if isinstance(self.regex_matching_strategies, Unset):
            regex_matching_strategies = UNSET
        elif isinstance(self.regex_matching_strategies, list):
            regex_matching_strategies = []
            for regex_matching_strategies_type_0_item_data in self.regex_matching_strategies:
                regex_matching_strategies_type_0_item = regex_matching_strategies_type_0_item_data.to_dict()
                regex_matching_strategies.append(regex_matching_strategies_type_0_item)

        else:
            regex_matching_strategies = self.regex_matching_strategies

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if overpayment_assignment_to_documents is not UNSET:
            field_dict["overpaymentAssignmentToDocuments"] = overpayment_assignment_to_documents
        if overpayment_assignment_to_orders is not UNSET:
            field_dict["overpaymentAssignmentToOrders"] = overpayment_assignment_to_orders
        if underpayment_assignment_to_documents is not UNSET:
            field_dict["underpaymentAssignmentToDocuments"] = underpayment_assignment_to_documents
        if underpayment_assignment_to_orders is not UNSET:
            field_dict["underpaymentAssignmentToOrders"] = underpayment_assignment_to_orders
        if regex_matching_strategies is not UNSET:
            field_dict["regexMatchingStrategies"] = regex_matching_strategies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.payment_assignment_configuration_request_regex_matching_strategies_type_0_item import (
            PaymentAssignmentConfigurationRequestRegexMatchingStrategiesType0Item,  # noqa: PLC0415
        )

        d = dict(src_dict)
        overpayment_assignment_to_documents = d.pop("overpaymentAssignmentToDocuments", UNSET)

        overpayment_assignment_to_orders = d.pop("overpaymentAssignmentToOrders", UNSET)

        underpayment_assignment_to_documents = d.pop("underpaymentAssignmentToDocuments", UNSET)

        underpayment_assignment_to_orders = d.pop("underpaymentAssignmentToOrders", UNSET)

        def _parse_regex_matching_strategies(
            data: object,
        ) -> list[PaymentAssignmentConfigurationRequestRegexMatchingStrategiesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                regex_matching_strategies_type_0 = []
                _regex_matching_strategies_type_0 = data
                for regex_matching_strategies_type_0_item_data in _regex_matching_strategies_type_0:
                    regex_matching_strategies_type_0_item = (
                        PaymentAssignmentConfigurationRequestRegexMatchingStrategiesType0Item.from_dict(
                            regex_matching_strategies_type_0_item_data
                        )
                    )

                    regex_matching_strategies_type_0.append(regex_matching_strategies_type_0_item)

                return regex_matching_strategies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                list[PaymentAssignmentConfigurationRequestRegexMatchingStrategiesType0Item] | None | Unset, data
            )

        regex_matching_strategies = _parse_regex_matching_strategies(d.pop("regexMatchingStrategies", UNSET))

        payment_assignment_configuration_request = cls(
            overpayment_assignment_to_documents=overpayment_assignment_to_documents,
            overpayment_assignment_to_orders=overpayment_assignment_to_orders,
            underpayment_assignment_to_documents=underpayment_assignment_to_documents,
            underpayment_assignment_to_orders=underpayment_assignment_to_orders,
            regex_matching_strategies=regex_matching_strategies,
        )

        payment_assignment_configuration_request.additional_properties = d
        return payment_assignment_configuration_request

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
