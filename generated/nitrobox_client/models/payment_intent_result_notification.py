from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_amount import NotificationAmount
    from ..models.payment_intent_result_notification_payment_intent_response_type_0 import (
        PaymentIntentResultNotificationPaymentIntentResponseType0,
    )


T = TypeVar("T", bound="PaymentIntentResultNotification")


@_attrs_define
class PaymentIntentResultNotification:
    """Payload of paymentintent.result (the example is cut off inside `paymentIntentResponse`; the changelog adds a retry
    ident and a final-retry flag whose names are not shown). A later changelog entry says payment-intent notifications
    now carry structured error information (codes, messages, retry recommendations) in their properties; those field
    names are not shown either, so they arrive as additional properties (see x-nitrobox-undeclared).

        Example:
            {'notification_type': 'paymentintent.result', 'tenantId': 1, 'paymentIntentIdent': 'PI-1001', 'amount':
                {'amount': 10.0, 'currency': 'EUR'}, 'referenceKey': 'INV-2025-0001', 'referenceType': 'DOCUMENT',
                'referenceIdent': 'INV-2025-0001', 'statementDescriptor': 'Invoice INV-2025-0001',
                'merchantPaymentAccountIdent': 'MPA-1', 'businessSegmentIdent': 'default', 'paymentIntentStatus': 'FAILED',
                'paymentIntentType': 'CHARGING', 'paymentIntentResponse': {'ident': 'PIR-1'}}

        Attributes:
            notification_type (str | Unset):
            tenant_id (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a number
                and sometimes as a (decimal or epoch) string.
            payment_intent_ident (str | Unset):
            amount (NotificationAmount | Unset): An amount in a notification; the amount may arrive as a number or a string.
            reference_key (None | str | Unset):
            reference_type (None | str | Unset): e.g. `DOCUMENT`.
            reference_ident (None | str | Unset):
            statement_descriptor (None | str | Unset):
            merchant_payment_account_ident (None | str | Unset):
            business_segment_ident (None | str | Unset):
            payment_intent_status (str | Unset): e.g. `FAILED`.
            payment_intent_type (str | Unset): e.g. `CHARGING`.
            payment_intent_response (None | PaymentIntentResultNotificationPaymentIntentResponseType0 | Unset):
    """

    notification_type: str | Unset = UNSET
    tenant_id: float | None | str | Unset = UNSET
    payment_intent_ident: str | Unset = UNSET
    amount: NotificationAmount | Unset = UNSET
    reference_key: None | str | Unset = UNSET
    reference_type: None | str | Unset = UNSET
    reference_ident: None | str | Unset = UNSET
    statement_descriptor: None | str | Unset = UNSET
    merchant_payment_account_ident: None | str | Unset = UNSET
    business_segment_ident: None | str | Unset = UNSET
    payment_intent_status: str | Unset = UNSET
    payment_intent_type: str | Unset = UNSET
    payment_intent_response: None | PaymentIntentResultNotificationPaymentIntentResponseType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.payment_intent_result_notification_payment_intent_response_type_0 import (
            PaymentIntentResultNotificationPaymentIntentResponseType0,  # noqa: PLC0415
        )

        notification_type = self.notification_type

        tenant_id: float | None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        payment_intent_ident = self.payment_intent_ident

        amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.amount, Unset):
            amount = self.amount.to_dict()

        reference_key: None | str | Unset
        if isinstance(self.reference_key, Unset):
            reference_key = UNSET
        else:
            reference_key = self.reference_key

        reference_type: None | str | Unset
        if isinstance(self.reference_type, Unset):
            reference_type = UNSET
        else:
            reference_type = self.reference_type

        reference_ident: None | str | Unset
        if isinstance(self.reference_ident, Unset):
            reference_ident = UNSET
        else:
            reference_ident = self.reference_ident

        statement_descriptor: None | str | Unset
        if isinstance(self.statement_descriptor, Unset):
            statement_descriptor = UNSET
        else:
            statement_descriptor = self.statement_descriptor

        merchant_payment_account_ident: None | str | Unset
        if isinstance(self.merchant_payment_account_ident, Unset):
            merchant_payment_account_ident = UNSET
        else:
            merchant_payment_account_ident = self.merchant_payment_account_ident

        business_segment_ident: None | str | Unset
        if isinstance(self.business_segment_ident, Unset):
            business_segment_ident = UNSET
        else:
            business_segment_ident = self.business_segment_ident

        payment_intent_status = self.payment_intent_status

        payment_intent_type = self.payment_intent_type

        payment_intent_response: dict[str, Any] | None | Unset
        if isinstance(self.payment_intent_response, Unset):
            payment_intent_response = UNSET
        elif isinstance(self.payment_intent_response, PaymentIntentResultNotificationPaymentIntentResponseType0):
            payment_intent_response = self.payment_intent_response.to_dict()
        else:
            payment_intent_response = self.payment_intent_response

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if notification_type is not UNSET:
            field_dict["notification_type"] = notification_type
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if payment_intent_ident is not UNSET:
            field_dict["paymentIntentIdent"] = payment_intent_ident
        if amount is not UNSET:
            field_dict["amount"] = amount
        if reference_key is not UNSET:
            field_dict["referenceKey"] = reference_key
        if reference_type is not UNSET:
            field_dict["referenceType"] = reference_type
        if reference_ident is not UNSET:
            field_dict["referenceIdent"] = reference_ident
        if statement_descriptor is not UNSET:
            field_dict["statementDescriptor"] = statement_descriptor
        if merchant_payment_account_ident is not UNSET:
            field_dict["merchantPaymentAccountIdent"] = merchant_payment_account_ident
        if business_segment_ident is not UNSET:
            field_dict["businessSegmentIdent"] = business_segment_ident
        if payment_intent_status is not UNSET:
            field_dict["paymentIntentStatus"] = payment_intent_status
        if payment_intent_type is not UNSET:
            field_dict["paymentIntentType"] = payment_intent_type
        if payment_intent_response is not UNSET:
            field_dict["paymentIntentResponse"] = payment_intent_response

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_amount import NotificationAmount  # noqa: PLC0415
        from ..models.payment_intent_result_notification_payment_intent_response_type_0 import (
            PaymentIntentResultNotificationPaymentIntentResponseType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        notification_type = d.pop("notification_type", UNSET)

        def _parse_tenant_id(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tenant_id = _parse_tenant_id(d.pop("tenantId", UNSET))

        payment_intent_ident = d.pop("paymentIntentIdent", UNSET)

        _amount = d.pop("amount", UNSET)
        amount: NotificationAmount | Unset
        if isinstance(_amount, Unset):
            amount = UNSET
        else:
            amount = NotificationAmount.from_dict(_amount)

        def _parse_reference_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_key = _parse_reference_key(d.pop("referenceKey", UNSET))

        def _parse_reference_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_type = _parse_reference_type(d.pop("referenceType", UNSET))

        def _parse_reference_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reference_ident = _parse_reference_ident(d.pop("referenceIdent", UNSET))

        def _parse_statement_descriptor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        statement_descriptor = _parse_statement_descriptor(d.pop("statementDescriptor", UNSET))

        def _parse_merchant_payment_account_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        merchant_payment_account_ident = _parse_merchant_payment_account_ident(
            d.pop("merchantPaymentAccountIdent", UNSET)
        )

        def _parse_business_segment_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_segment_ident = _parse_business_segment_ident(d.pop("businessSegmentIdent", UNSET))

        payment_intent_status = d.pop("paymentIntentStatus", UNSET)

        payment_intent_type = d.pop("paymentIntentType", UNSET)

        def _parse_payment_intent_response(
            data: object,
        ) -> None | PaymentIntentResultNotificationPaymentIntentResponseType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_intent_response_type_0 = PaymentIntentResultNotificationPaymentIntentResponseType0.from_dict(
                    data
                )

                return payment_intent_response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PaymentIntentResultNotificationPaymentIntentResponseType0 | Unset, data)

        payment_intent_response = _parse_payment_intent_response(d.pop("paymentIntentResponse", UNSET))

        payment_intent_result_notification = cls(
            notification_type=notification_type,
            tenant_id=tenant_id,
            payment_intent_ident=payment_intent_ident,
            amount=amount,
            reference_key=reference_key,
            reference_type=reference_type,
            reference_ident=reference_ident,
            statement_descriptor=statement_descriptor,
            merchant_payment_account_ident=merchant_payment_account_ident,
            business_segment_ident=business_segment_ident,
            payment_intent_status=payment_intent_status,
            payment_intent_type=payment_intent_type,
            payment_intent_response=payment_intent_response,
        )

        payment_intent_result_notification.additional_properties = d
        return payment_intent_result_notification

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
