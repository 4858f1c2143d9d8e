from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.money import Money


T = TypeVar("T", bound="PaymentIntentCreateRequest")


@_attrs_define
class PaymentIntentCreateRequest:
    """Only `amount` and `referenceType` are named on the page. The other fields had hidden names: a business segment ident
    (required), a deprecated business segment, a customer payment account ident (required), the unique payment intent
    ident (required), a reference ident, a deprecated reference type, a statement descriptor, and the type (required,
    CHARGING | REFUND | PAYOUT). The paymentintent.result notification suggests names such as `paymentIntentIdent`,
    `referenceIdent`, `statementDescriptor`, `businessSegmentIdent` and `paymentIntentType`, unconfirmed for this body.
    Send them as extra properties.

        Attributes:
            amount (Money): An amount with its ISO 4217 currency. Example: {'amount': 10.0, 'currency': 'EUR'}.
            reference_type (None | str | Unset):
    """

    amount: Money
    reference_type: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        reference_type: None | str | Unset
        if isinstance(self.reference_type, Unset):
            reference_type = UNSET
        else:
            reference_type = self.reference_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if reference_type is not UNSET:
            field_dict["referenceType"] = reference_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.money import Money  # noqa: PLC0415

        d = dict(src_dict)
        if "amount" not in d:
            raise MissingRequiredField("PaymentIntentCreateRequest", "amount")
        amount = Money.from_dict(d.pop("amount"))

        def _parse_reference_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_type = _parse_reference_type(d.pop("referenceType", UNSET))

        payment_intent_create_request = cls(
            amount=amount,
            reference_type=reference_type,
        )

        payment_intent_create_request.additional_properties = d
        return payment_intent_create_request

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
