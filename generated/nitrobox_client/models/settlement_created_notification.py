from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.notification_amount import NotificationAmount
    from ..models.settlement_created_notification_batch_items_type_0_item import (
        SettlementCreatedNotificationBatchItemsType0Item,
    )
    from ..models.settlement_created_notification_exchange_rate_type_0 import (
        SettlementCreatedNotificationExchangeRateType0,
    )
    from ..models.settlement_created_notification_fees_type_0_item import SettlementCreatedNotificationFeesType0Item
    from ..models.settlement_created_notification_merchant_payment_account_type_0 import (
        SettlementCreatedNotificationMerchantPaymentAccountType0,
    )
    from ..models.settlement_created_notification_payment_category_type_0 import (
        SettlementCreatedNotificationPaymentCategoryType0,
    )
    from ..models.settlement_created_notification_payment_transaction_type_0 import (
        SettlementCreatedNotificationPaymentTransactionType0,
    )
    from ..models.settlement_created_notification_properties_type_0 import SettlementCreatedNotificationPropertiesType0
    from ..models.settlement_created_notification_settlement_report_type_0 import (
        SettlementCreatedNotificationSettlementReportType0,
    )


T = TypeVar("T", bound="SettlementCreatedNotification")


@_attrs_define
class SettlementCreatedNotification:
    """Payload of settlement.created.

    Example:
        {'notification_type': 'settlement.created', 'paymentTransactionIdent': 'PT-1', 'tenantId': 1,
            'creditDebitIndicator': 'CREDIT', 'creationDate': '2025-02-03T09:00:00Z', 'bookingDate': '2025-02-03T09:00:00Z',
            'valueDate': '2025-02-03T09:00:00Z', 'ident': 'SETTLEMENT-1', 'externalIdent': 'BANK-2025-0001', 'text':
            'Payout', 'baseAmount': {'amount': 10.0, 'currency': 'EUR'}, 'originalAmount': {'amount': 10.0, 'currency':
            'EUR'}, 'exchangeRate': {'originalCurrency': 'EUR', 'targetCurrency': 'EUR', 'value': 1.0},
            'merchantPaymentAccount': {'ident': 'MPA-1', 'paymentProvider': 'ADYEN', 'paymentProviderName': 'Adyen',
            'currency': 'EUR', 'country': 'DE'}, 'settlementReport': {'ident': 'SR-1', 'statementReference': 'REF-1',
            'statementCreationDate': '2025-02-03', 'fileName': 'settlement.csv'}, 'settlementLineNumber': 1,
            'settlementIdentifier': 'S-1', 'fees': [], 'batchItems': [], 'paymentCategory': {'name': 'UNCATEGORISED',
            'assignable': True}, 'properties': {}}

    Attributes:
        notification_type (str | Unset):
        payment_transaction (None | SettlementCreatedNotificationPaymentTransactionType0 | Unset):
        payment_transaction_ident (None | str | Unset):
        tenant_id (float | None | str | Unset): A value that Nitrobox's notification examples show sometimes as a number
            and sometimes as a (decimal or epoch) string.
        credit_debit_indicator (str | Unset):
        creation_date (None | str | Unset):
        booking_date (None | str | Unset):
        value_date (None | str | Unset):
        ident (str | Unset):
        external_ident (None | str | Unset):
        customer_specific_ident (None | str | Unset):
        recipient (Any | Unset): The recipient (shape not published).
        sender (Any | Unset): The sender (shape not published).
        text (None | str | Unset):
        base_amount (NotificationAmount | Unset): An amount in a notification; the amount may arrive as a number or a
            string.
        original_amount (NotificationAmount | Unset): An amount in a notification; the amount may arrive as a number or
            a string.
        exchange_rate (None | SettlementCreatedNotificationExchangeRateType0 | Unset):
        merchant_payment_account (None | SettlementCreatedNotificationMerchantPaymentAccountType0 | Unset):
        settlement_report (None | SettlementCreatedNotificationSettlementReportType0 | Unset):
        settlement_line_number (float | None | str | Unset): A value that Nitrobox's notification examples show
            sometimes as a number and sometimes as a (decimal or epoch) string.
        settlement_identifier (None | str | Unset):
        fees (list[SettlementCreatedNotificationFeesType0Item] | None | Unset):
        batch_items (list[SettlementCreatedNotificationBatchItemsType0Item] | None | Unset):
        payment_category (None | SettlementCreatedNotificationPaymentCategoryType0 | Unset):
        properties (None | SettlementCreatedNotificationPropertiesType0 | Unset):
    """

    notification_type: str | Unset = UNSET
    payment_transaction: None | SettlementCreatedNotificationPaymentTransactionType0 | Unset = UNSET
    payment_transaction_ident: None | str | Unset = UNSET
    tenant_id: float | None | str | Unset = UNSET
    credit_debit_indicator: str | Unset = UNSET
    creation_date: None | str | Unset = UNSET
    booking_date: None | str | Unset = UNSET
    value_date: None | str | Unset = UNSET
    ident: str | Unset = UNSET
    external_ident: None | str | Unset = UNSET
    customer_specific_ident: None | str | Unset = UNSET
    recipient: Any | Unset = UNSET
    sender: Any | Unset = UNSET
    text: None | str | Unset = UNSET
    base_amount: NotificationAmount | Unset = UNSET
    original_amount: NotificationAmount | Unset = UNSET
    exchange_rate: None | SettlementCreatedNotificationExchangeRateType0 | Unset = UNSET
    merchant_payment_account: None | SettlementCreatedNotificationMerchantPaymentAccountType0 | Unset = UNSET
    settlement_report: None | SettlementCreatedNotificationSettlementReportType0 | Unset = UNSET
    settlement_line_number: float | None | str | Unset = UNSET
    settlement_identifier: None | str | Unset = UNSET
    fees: list[SettlementCreatedNotificationFeesType0Item] | None | Unset = UNSET
    batch_items: list[SettlementCreatedNotificationBatchItemsType0Item] | None | Unset = UNSET
    payment_category: None | SettlementCreatedNotificationPaymentCategoryType0 | Unset = UNSET
    properties: None | SettlementCreatedNotificationPropertiesType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.settlement_created_notification_exchange_rate_type_0 import (
            SettlementCreatedNotificationExchangeRateType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_merchant_payment_account_type_0 import (
            SettlementCreatedNotificationMerchantPaymentAccountType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_payment_category_type_0 import (
            SettlementCreatedNotificationPaymentCategoryType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_payment_transaction_type_0 import (
            SettlementCreatedNotificationPaymentTransactionType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_properties_type_0 import (
            SettlementCreatedNotificationPropertiesType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_settlement_report_type_0 import (
            SettlementCreatedNotificationSettlementReportType0,  # noqa: PLC0415
        )

        notification_type = self.notification_type

        payment_transaction: dict[str, Any] | None | Unset
        if isinstance(self.payment_transaction, Unset):
            payment_transaction = UNSET
        elif isinstance(self.payment_transaction, SettlementCreatedNotificationPaymentTransactionType0):
            payment_transaction = self.payment_transaction.to_dict()
        else:
            payment_transaction = self.payment_transaction

        payment_transaction_ident: None | str | Unset
        if isinstance(self.payment_transaction_ident, Unset):
            payment_transaction_ident = UNSET
        else:
            payment_transaction_ident = self.payment_transaction_ident

        tenant_id: float | None | str | Unset
        if isinstance(self.tenant_id, Unset):
            tenant_id = UNSET
        else:
            tenant_id = self.tenant_id

        credit_debit_indicator = self.credit_debit_indicator

        creation_date: None | str | Unset
        if isinstance(self.creation_date, Unset):
            creation_date = UNSET
        else:
            creation_date = self.creation_date

        booking_date: None | str | Unset
        if isinstance(self.booking_date, Unset):
            booking_date = UNSET
        else:
            booking_date = self.booking_date

        value_date: None | str | Unset
        if isinstance(self.value_date, Unset):
            value_date = UNSET
        else:
            value_date = self.value_date

        ident = self.ident

        external_ident: None | str | Unset
        if isinstance(self.external_ident, Unset):
            external_ident = UNSET
        else:
            external_ident = self.external_ident

        customer_specific_ident: None | str | Unset
        if isinstance(self.customer_specific_ident, Unset):
            customer_specific_ident = UNSET
        else:
            customer_specific_ident = self.customer_specific_ident

        recipient = self.recipient

        sender = self.sender

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        base_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.base_amount, Unset):
            base_amount = self.base_amount.to_dict()

        original_amount: dict[str, Any] | Unset = UNSET
        if not isinstance(self.original_amount, Unset):
            original_amount = self.original_amount.to_dict()

        exchange_rate: dict[str, Any] | None | Unset
        if isinstance(self.exchange_rate, Unset):
            exchange_rate = UNSET
        elif isinstance(self.exchange_rate, SettlementCreatedNotificationExchangeRateType0):
            exchange_rate = self.exchange_rate.to_dict()
        else:
            exchange_rate = self.exchange_rate

        merchant_payment_account: dict[str, Any] | None | Unset
        if isinstance(self.merchant_payment_account, Unset):
            merchant_payment_account = UNSET
        elif isinstance(self.merchant_payment_account, SettlementCreatedNotificationMerchantPaymentAccountType0):
            merchant_payment_account = self.merchant_payment_account.to_dict()
        else:
            merchant_payment_account = self.merchant_payment_account

        settlement_report: dict[str, Any] | None | Unset
        if isinstance(self.settlement_report, Unset):
            settlement_report = UNSET
        elif isinstance(self.settlement_report, SettlementCreatedNotificationSettlementReportType0):
            settlement_report = self.settlement_report.to_dict()
        else:
            settlement_report = self.settlement_report

        settlement_line_number: float | None | str | Unset
        if isinstance(self.settlement_line_number, Unset):
            settlement_line_number = UNSET
        else:
            settlement_line_number = self.settlement_line_number

        settlement_identifier: None | str | Unset
        if isinstance(self.settlement_identifier, Unset):
            settlement_identifier = UNSET
        else:
            settlement_identifier = self.settlement_identifier

        fees: list[dict[str, Any]] | None | Unset
        if isinstance(self.fees, Unset):
            fees = UNSET
        elif isinstance(self.fees, list):
            fees = []
            for fees_type_0_item_data in self.fees:
                fees_type_0_item = fees_type_0_item_data.to_dict()
                fees.append(fees_type_0_item)

        else:
            fees = self.fees

        batch_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.batch_items, Unset):
            batch_items = UNSET
        elif isinstance(self.batch_items, list):
            batch_items = []
            for batch_items_type_0_item_data in self.batch_items:
                batch_items_type_0_item = batch_items_type_0_item_data.to_dict()
                batch_items.append(batch_items_type_0_item)

        else:
            batch_items = self.batch_items

        payment_category: dict[str, Any] | None | Unset
        if isinstance(self.payment_category, Unset):
            payment_category = UNSET
        elif isinstance(self.payment_category, SettlementCreatedNotificationPaymentCategoryType0):
            payment_category = self.payment_category.to_dict()
        else:
            payment_category = self.payment_category

        properties: dict[str, Any] | None | Unset
        if isinstance(self.properties, Unset):
            properties = UNSET
        elif isinstance(self.properties, SettlementCreatedNotificationPropertiesType0):
            properties = self.properties.to_dict()
        else:
            properties = self.properties

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if notification_type is not UNSET:
            field_dict["notification_type"] = notification_type
        if payment_transaction is not UNSET:
            field_dict["paymentTransaction"] = payment_transaction
        if payment_transaction_ident is not UNSET:
            field_dict["paymentTransactionIdent"] = payment_transaction_ident
        if tenant_id is not UNSET:
            field_dict["tenantId"] = tenant_id
        if credit_debit_indicator is not UNSET:
            field_dict["creditDebitIndicator"] = credit_debit_indicator
        if creation_date is not UNSET:
            field_dict["creationDate"] = creation_date
        if booking_date is not UNSET:
            field_dict["bookingDate"] = booking_date
        if value_date is not UNSET:
            field_dict["valueDate"] = value_date
        if ident is not UNSET:
            field_dict["ident"] = ident
        if external_ident is not UNSET:
            field_dict["externalIdent"] = external_ident
        if customer_specific_ident is not UNSET:
            field_dict["customerSpecificIdent"] = customer_specific_ident
        if recipient is not UNSET:
            field_dict["recipient"] = recipient
        if sender is not UNSET:
            field_dict["sender"] = sender
        if text is not UNSET:
            field_dict["text"] = text
        if base_amount is not UNSET:
            field_dict["baseAmount"] = base_amount
        if original_amount is not UNSET:
            field_dict["originalAmount"] = original_amount
        if exchange_rate is not UNSET:
            field_dict["exchangeRate"] = exchange_rate
        if merchant_payment_account is not UNSET:
            field_dict["merchantPaymentAccount"] = merchant_payment_account
        if settlement_report is not UNSET:
            field_dict["settlementReport"] = settlement_report
        if settlement_line_number is not UNSET:
            field_dict["settlementLineNumber"] = settlement_line_number
        if settlement_identifier is not UNSET:
            field_dict["settlementIdentifier"] = settlement_identifier
        if fees is not UNSET:
            field_dict["fees"] = fees
        if batch_items is not UNSET:
            field_dict["batchItems"] = batch_items
        if payment_category is not UNSET:
            field_dict["paymentCategory"] = payment_category
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_amount import NotificationAmount  # noqa: PLC0415
        from ..models.settlement_created_notification_batch_items_type_0_item import (
            SettlementCreatedNotificationBatchItemsType0Item,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_exchange_rate_type_0 import (
            SettlementCreatedNotificationExchangeRateType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_fees_type_0_item import SettlementCreatedNotificationFeesType0Item  # noqa: PLC0415
        from ..models.settlement_created_notification_merchant_payment_account_type_0 import (
            SettlementCreatedNotificationMerchantPaymentAccountType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_payment_category_type_0 import (
            SettlementCreatedNotificationPaymentCategoryType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_payment_transaction_type_0 import (
            SettlementCreatedNotificationPaymentTransactionType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_properties_type_0 import (
            SettlementCreatedNotificationPropertiesType0,  # noqa: PLC0415
        )
        from ..models.settlement_created_notification_settlement_report_type_0 import (
            SettlementCreatedNotificationSettlementReportType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        notification_type = d.pop("notification_type", UNSET)

        def _parse_payment_transaction(
            data: object,
        ) -> None | SettlementCreatedNotificationPaymentTransactionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_transaction_type_0 = SettlementCreatedNotificationPaymentTransactionType0.from_dict(data)

                return payment_transaction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SettlementCreatedNotificationPaymentTransactionType0 | Unset, data)

        payment_transaction = _parse_payment_transaction(d.pop("paymentTransaction", UNSET))

        def _parse_payment_transaction_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payment_transaction_ident = _parse_payment_transaction_ident(d.pop("paymentTransactionIdent", UNSET))

        def _parse_tenant_id(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        tenant_id = _parse_tenant_id(d.pop("tenantId", UNSET))

        credit_debit_indicator = d.pop("creditDebitIndicator", UNSET)

        def _parse_creation_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        creation_date = _parse_creation_date(d.pop("creationDate", UNSET))

        def _parse_booking_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        booking_date = _parse_booking_date(d.pop("bookingDate", UNSET))

        def _parse_value_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        value_date = _parse_value_date(d.pop("valueDate", UNSET))

        ident = d.pop("ident", UNSET)

        def _parse_external_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ident = _parse_external_ident(d.pop("externalIdent", UNSET))

        def _parse_customer_specific_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_specific_ident = _parse_customer_specific_ident(d.pop("customerSpecificIdent", UNSET))

        recipient = d.pop("recipient", UNSET)

        sender = d.pop("sender", UNSET)

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        _base_amount = d.pop("baseAmount", UNSET)
        base_amount: NotificationAmount | Unset
        if isinstance(_base_amount, Unset):
            base_amount = UNSET
        else:
            base_amount = NotificationAmount.from_dict(_base_amount)

        _original_amount = d.pop("originalAmount", UNSET)
        original_amount: NotificationAmount | Unset
        if isinstance(_original_amount, Unset):
            original_amount = UNSET
        else:
            original_amount = NotificationAmount.from_dict(_original_amount)

        def _parse_exchange_rate(data: object) -> None | SettlementCreatedNotificationExchangeRateType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                exchange_rate_type_0 = SettlementCreatedNotificationExchangeRateType0.from_dict(data)

                return exchange_rate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SettlementCreatedNotificationExchangeRateType0 | Unset, data)

        exchange_rate = _parse_exchange_rate(d.pop("exchangeRate", UNSET))

        def _parse_merchant_payment_account(
            data: object,
        ) -> None | SettlementCreatedNotificationMerchantPaymentAccountType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                merchant_payment_account_type_0 = SettlementCreatedNotificationMerchantPaymentAccountType0.from_dict(
                    data
                )

                return merchant_payment_account_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SettlementCreatedNotificationMerchantPaymentAccountType0 | Unset, data)

        merchant_payment_account = _parse_merchant_payment_account(d.pop("merchantPaymentAccount", UNSET))

        def _parse_settlement_report(data: object) -> None | SettlementCreatedNotificationSettlementReportType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settlement_report_type_0 = SettlementCreatedNotificationSettlementReportType0.from_dict(data)

                return settlement_report_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SettlementCreatedNotificationSettlementReportType0 | Unset, data)

        settlement_report = _parse_settlement_report(d.pop("settlementReport", UNSET))

        def _parse_settlement_line_number(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        settlement_line_number = _parse_settlement_line_number(d.pop("settlementLineNumber", UNSET))

        def _parse_settlement_identifier(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        settlement_identifier = _parse_settlement_identifier(d.pop("settlementIdentifier", UNSET))

        def _parse_fees(data: object) -> list[SettlementCreatedNotificationFeesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fees_type_0 = []
                _fees_type_0 = data
                for fees_type_0_item_data in _fees_type_0:
                    fees_type_0_item = SettlementCreatedNotificationFeesType0Item.from_dict(fees_type_0_item_data)

                    fees_type_0.append(fees_type_0_item)

                return fees_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SettlementCreatedNotificationFeesType0Item] | None | Unset, data)

        fees = _parse_fees(d.pop("fees", UNSET))

        def _parse_batch_items(data: object) -> list[SettlementCreatedNotificationBatchItemsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                batch_items_type_0 = []
                _batch_items_type_0 = data
                for batch_items_type_0_item_data in _batch_items_type_0:
                    batch_items_type_0_item = SettlementCreatedNotificationBatchItemsType0Item.from_dict(
                        batch_items_type_0_item_data
                    )

                    batch_items_type_0.append(batch_items_type_0_item)

                return batch_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[SettlementCreatedNotificationBatchItemsType0Item] | None | Unset, data)

        batch_items = _parse_batch_items(d.pop("batchItems", UNSET))

        def _parse_payment_category(data: object) -> None | SettlementCreatedNotificationPaymentCategoryType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_category_type_0 = SettlementCreatedNotificationPaymentCategoryType0.from_dict(data)

                return payment_category_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SettlementCreatedNotificationPaymentCategoryType0 | Unset, data)

        payment_category = _parse_payment_category(d.pop("paymentCategory", UNSET))

        def _parse_properties(data: object) -> None | SettlementCreatedNotificationPropertiesType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                properties_type_0 = SettlementCreatedNotificationPropertiesType0.from_dict(data)

                return properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SettlementCreatedNotificationPropertiesType0 | Unset, data)

        properties = _parse_properties(d.pop("properties", UNSET))

        settlement_created_notification = cls(
            notification_type=notification_type,
            payment_transaction=payment_transaction,
            payment_transaction_ident=payment_transaction_ident,
            tenant_id=tenant_id,
            credit_debit_indicator=credit_debit_indicator,
            creation_date=creation_date,
            booking_date=booking_date,
            value_date=value_date,
            ident=ident,
            external_ident=external_ident,
            customer_specific_ident=customer_specific_ident,
            recipient=recipient,
            sender=sender,
            text=text,
            base_amount=base_amount,
            original_amount=original_amount,
            exchange_rate=exchange_rate,
            merchant_payment_account=merchant_payment_account,
            settlement_report=settlement_report,
            settlement_line_number=settlement_line_number,
            settlement_identifier=settlement_identifier,
            fees=fees,
            batch_items=batch_items,
            payment_category=payment_category,
            properties=properties,
        )

        settlement_created_notification.additional_properties = d
        return settlement_created_notification

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
