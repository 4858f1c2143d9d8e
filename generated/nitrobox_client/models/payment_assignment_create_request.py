from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="PaymentAssignmentCreateRequest")


@_attrs_define
class PaymentAssignmentCreateRequest:
    """Only `amount` is named on the page (default: the remaining transaction amount, or the batch item's amount). The
    other fields had hidden names: the assignment ident (required, 1..100, `[a-zA-Z0-9_.~-]*`), a batch item ident, the
    payment transaction ident (required, 1..255, `^\\S(.*\\S)?$`), the target ident (document or order ident; required,
    1..255, `^\\S(.*\\S)?$`) and the target type (required, DOCUMENT | ORDER). Send them as extra properties.

        Attributes:
            amount (Money | Unset): An amount with its ISO 4217 currency. Example: {'amount': 10.0, 'currency': 'EUR'}.
    """

    amount: Money | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amount, Unset):
            amount = self.amount.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        _amount = d.pop("amount", UNSET)
        amount: Money | Unset
        if isinstance(_amount, Unset):
            amount = UNSET
        else:
            amount = Money.from_dict(_amount)

        payment_assignment_create_request = cls(
            amount=amount,
        )

        payment_assignment_create_request.additional_properties = d
        return payment_assignment_create_request

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
