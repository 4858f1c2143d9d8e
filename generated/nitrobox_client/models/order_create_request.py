from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..models.order_create_request_auto_create_document import OrderCreateRequestAutoCreateDocument
from ..models.order_create_request_billing_time import OrderCreateRequestBillingTime
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agreed_deposit_dto import AgreedDepositDto
    from ..models.create_debtor_request import CreateDebtorRequest
    from ..models.order_create_request_allowances_type_0_item import OrderCreateRequestAllowancesType0Item
    from ..models.order_create_request_line_items_type_0_item import OrderCreateRequestLineItemsType0Item
    from ..models.order_create_request_payment_information_type_0 import OrderCreateRequestPaymentInformationType0
    from ..models.order_create_request_payment_term_type_0 import OrderCreateRequestPaymentTermType0
    from ..models.property_ import Property
    from ..models.use_debtor_request import UseDebtorRequest


T = TypeVar("T", bound="OrderCreateRequest")


@_attrs_define
class OrderCreateRequest:
    """An order. `language` is an enum of 185 ISO 639-1 values in Nitrobox's files; a pattern is used here.

    Example:
        {'orderIdent': 'ORDER-1001', 'billingTime': 'IMMEDIATELY', 'language': 'de', 'debtorOrderDetails': {},
            'orderDate': '2025-01-15T10:00:00Z'}

    Attributes:
        debtor_order_details (CreateDebtorRequest | UseDebtorRequest): Who the order is for: a new debtor
            (CreateDebtorRequest) or an existing one (UseDebtorRequest). Nitrobox's file writes `oneOf`; the two variants'
            fields are not published, so nothing tells them apart and `oneOf` would reject every body that matches both.
            `anyOf` keeps the documented alternatives without that false rejection.
        order_ident (str): A client-chosen external reference: 1..100 characters of `[a-zA-Z0-9_.~-]`, unique, and
            usually immutable after the initial POST. Example: CUST-1001.
        agreed_deposits (list[AgreedDepositDto] | None | Unset):
        allowances (list[OrderCreateRequestAllowancesType0Item] | None | Unset): Allowance model (item fields not
            published).
        auto_create_document (OrderCreateRequestAutoCreateDocument | Unset):  Default:
            OrderCreateRequestAutoCreateDocument.INVOICE.
        billing_time (OrderCreateRequestBillingTime | Unset):  Default: OrderCreateRequestBillingTime.IMMEDIATELY.
        business_segment_ident (None | str | Unset): The default business segment is used when it is not set.
        language (str | Unset): ISO 639-1 language code, default `de`; must match the business segment. Nitrobox's file
            lists 185 values as an enum; a pattern is used here to keep generated code small. Example: de.
        line_items (list[OrderCreateRequestLineItemsType0Item] | None | Unset): Line item model (item fields not
            published).
        order_date (datetime.datetime | None | Unset):
        payment_information (None | OrderCreateRequestPaymentInformationType0 | Unset): Payment-related details (sub-
            fields not published).
        payment_term (None | OrderCreateRequestPaymentTermType0 | Unset): A payment term (sub-fields not published).
        properties (list[Property] | None | Unset):
    """

    debtor_order_details: CreateDebtorRequest | UseDebtorRequest
    order_ident: str
    agreed_deposits: list[AgreedDepositDto] | None | Unset = UNSET
    allowances: list[OrderCreateRequestAllowancesType0Item] | None | Unset = UNSET
    auto_create_document: OrderCreateRequestAutoCreateDocument | Unset = OrderCreateRequestAutoCreateDocument.INVOICE
    billing_time: OrderCreateRequestBillingTime | Unset = OrderCreateRequestBillingTime.IMMEDIATELY
    business_segment_ident: None | str | Unset = UNSET
    language: str | Unset = UNSET
    line_items: list[OrderCreateRequestLineItemsType0Item] | None | Unset = UNSET
    order_date: datetime.datetime | None | Unset = UNSET
    payment_information: None | OrderCreateRequestPaymentInformationType0 | Unset = UNSET
    payment_term: None | OrderCreateRequestPaymentTermType0 | Unset = UNSET
    properties: list[Property] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.create_debtor_request import CreateDebtorRequest  # noqa: PLC0415
        from ..models.order_create_request_payment_information_type_0 import OrderCreateRequestPaymentInformationType0  # noqa: PLC0415
        from ..models.order_create_request_payment_term_type_0 import OrderCreateRequestPaymentTermType0  # noqa: PLC0415

        debtor_order_details: dict[str, Any]
        if isinstance(self.debtor_order_details, CreateDebtorRequest):
            debtor_order_details = self.debtor_order_details.to_dict()
        else:
            debtor_order_details = self.debtor_order_details.to_dict()

        order_ident = self.order_ident

        agreed_deposits: list[dict[str, Any]] | None | Unset
        if isinstance(self.agreed_deposits, Unset):
            agreed_deposits = UNSET
        elif isinstance(self.agreed_deposits, list):
            agreed_deposits = []
            for agreed_deposits_type_0_item_data in self.agreed_deposits:
                agreed_deposits_type_0_item = agreed_deposits_type_0_item_data.to_dict()
                agreed_deposits.append(agreed_deposits_type_0_item)

        else:
            agreed_deposits = self.agreed_deposits

        allowances: list[dict[str, Any]] | None | Unset
        if isinstance(self.allowances, Unset):
            allowances = UNSET
        elif isinstance(self.allowances, list):
            allowances = []
            for allowances_type_0_item_data in self.allowances:
                allowances_type_0_item = allowances_type_0_item_data.to_dict()
                allowances.append(allowances_type_0_item)

        else:
            allowances = self.allowances

        auto_create_document: str | Unset = UNSET
        if not isinstance(self.auto_create_document, Unset):
            auto_create_document = self.auto_create_document.value

        billing_time: str | Unset = UNSET
        if not isinstance(self.billing_time, Unset):
            billing_time = self.billing_time.value

        business_segment_ident: None | str | Unset
        if isinstance(self.business_segment_ident, Unset):
            business_segment_ident = UNSET
        else:
            business_segment_ident = self.business_segment_ident

        language = self.language

        line_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.line_items, Unset):
            line_items = UNSET
        elif isinstance(self.line_items, list):
            line_items = []
            for line_items_type_0_item_data in self.line_items:
                line_items_type_0_item = line_items_type_0_item_data.to_dict()
                line_items.append(line_items_type_0_item)

        else:
            line_items = self.line_items

        order_date: None | str | Unset
        if isinstance(self.order_date, Unset):
            order_date = UNSET
        elif isinstance(self.order_date, datetime.datetime):
            order_date = self.order_date.isoformat()
        else:
            order_date = self.order_date

        payment_information: dict[str, Any] | None | Unset
        if isinstance(self.payment_information, Unset):
            payment_information = UNSET
        elif isinstance(self.payment_information, OrderCreateRequestPaymentInformationType0):
            payment_information = self.payment_information.to_dict()
        else:
            payment_information = self.payment_information

        payment_term: dict[str, Any] | None | Unset
        if isinstance(self.payment_term, Unset):
            payment_term = UNSET
        elif isinstance(self.payment_term, OrderCreateRequestPaymentTermType0):
            payment_term = self.payment_term.to_dict()
        else:
            payment_term = self.payment_term

        properties: list[dict[str, Any]] | None | Unset
        if isinstance(self.properties, Unset):
            properties = UNSET
        elif isinstance(self.properties, list):
            properties = []
            for properties_type_0_item_data in self.properties:
                properties_type_0_item = properties_type_0_item_data.to_dict()
                properties.append(properties_type_0_item)

        else:
            properties = self.properties

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "debtorOrderDetails": debtor_order_details,
                "orderIdent": order_ident,
            }
        )
        if agreed_deposits is not UNSET:
            field_dict["agreedDeposits"] = agreed_deposits
        if allowances is not UNSET:
            field_dict["allowances"] = allowances
        if auto_create_document is not UNSET:
            field_dict["autoCreateDocument"] = auto_create_document
        if billing_time is not UNSET:
            field_dict["billingTime"] = billing_time
        if business_segment_ident is not UNSET:
            field_dict["businessSegmentIdent"] = business_segment_ident
        if language is not UNSET:
            field_dict["language"] = language
        if line_items is not UNSET:
            field_dict["lineItems"] = line_items
        if order_date is not UNSET:
            field_dict["orderDate"] = order_date
        if payment_information is not UNSET:
            field_dict["paymentInformation"] = payment_information
        if payment_term is not UNSET:
            field_dict["paymentTerm"] = payment_term
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreed_deposit_dto import AgreedDepositDto  # noqa: PLC0415
        from ..models.create_debtor_request import CreateDebtorRequest  # noqa: PLC0415
        from ..models.order_create_request_allowances_type_0_item import OrderCreateRequestAllowancesType0Item  # noqa: PLC0415
        from ..models.order_create_request_line_items_type_0_item import OrderCreateRequestLineItemsType0Item  # noqa: PLC0415
        from ..models.order_create_request_payment_information_type_0 import OrderCreateRequestPaymentInformationType0  # noqa: PLC0415
        from ..models.order_create_request_payment_term_type_0 import OrderCreateRequestPaymentTermType0  # noqa: PLC0415
        from ..models.property_ import Property  # noqa: PLC0415
        from ..models.use_debtor_request import UseDebtorRequest  # noqa: PLC0415

        d = dict(src_dict)
        if "debtorOrderDetails" not in d:
            raise MissingRequiredField("OrderCreateRequest", "debtorOrderDetails")

        def _parse_debtor_order_details(data: object) -> CreateDebtorRequest | UseDebtorRequest:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_debtor_order_details_type_0 = CreateDebtorRequest.from_dict(data)

                return componentsschemas_debtor_order_details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_debtor_order_details_type_1 = UseDebtorRequest.from_dict(data)

            return componentsschemas_debtor_order_details_type_1

        debtor_order_details = _parse_debtor_order_details(d.pop("debtorOrderDetails"))

        if "orderIdent" not in d:
            raise MissingRequiredField("OrderCreateRequest", "orderIdent")
        order_ident = d.pop("orderIdent")

        def _parse_agreed_deposits(data: object) -> list[AgreedDepositDto] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                agreed_deposits_type_0 = []
                _agreed_deposits_type_0 = data
                for agreed_deposits_type_0_item_data in _agreed_deposits_type_0:
                    agreed_deposits_type_0_item = AgreedDepositDto.from_dict(agreed_deposits_type_0_item_data)

                    agreed_deposits_type_0.append(agreed_deposits_type_0_item)

                return agreed_deposits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[AgreedDepositDto] | None | Unset, data)

        agreed_deposits = _parse_agreed_deposits(d.pop("agreedDeposits", UNSET))

        def _parse_allowances(data: object) -> list[OrderCreateRequestAllowancesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowances_type_0 = []
                _allowances_type_0 = data
                for allowances_type_0_item_data in _allowances_type_0:
                    allowances_type_0_item = OrderCreateRequestAllowancesType0Item.from_dict(
                        allowances_type_0_item_data
                    )

                    allowances_type_0.append(allowances_type_0_item)

                return allowances_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrderCreateRequestAllowancesType0Item] | None | Unset, data)

        allowances = _parse_allowances(d.pop("allowances", UNSET))

        _auto_create_document = d.pop("autoCreateDocument", UNSET)
        auto_create_document: OrderCreateRequestAutoCreateDocument | Unset
        if isinstance(_auto_create_document, Unset):
            auto_create_document = UNSET
        else:
            auto_create_document = OrderCreateRequestAutoCreateDocument(_auto_create_document)

        _billing_time = d.pop("billingTime", UNSET)
        billing_time: OrderCreateRequestBillingTime | Unset
        if isinstance(_billing_time, Unset):
            billing_time = UNSET
        else:
            billing_time = OrderCreateRequestBillingTime(_billing_time)

        def _parse_business_segment_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_segment_ident = _parse_business_segment_ident(d.pop("businessSegmentIdent", UNSET))

        language = d.pop("language", UNSET)

        def _parse_line_items(data: object) -> list[OrderCreateRequestLineItemsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                line_items_type_0 = []
                _line_items_type_0 = data
                for line_items_type_0_item_data in _line_items_type_0:
                    line_items_type_0_item = OrderCreateRequestLineItemsType0Item.from_dict(line_items_type_0_item_data)

                    line_items_type_0.append(line_items_type_0_item)

                return line_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OrderCreateRequestLineItemsType0Item] | None | Unset, data)

        line_items = _parse_line_items(d.pop("lineItems", UNSET))

        def _parse_order_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                order_date_type_0 = datetime.datetime.fromisoformat(data)

                return order_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        order_date = _parse_order_date(d.pop("orderDate", UNSET))

        def _parse_payment_information(data: object) -> None | OrderCreateRequestPaymentInformationType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_information_type_0 = OrderCreateRequestPaymentInformationType0.from_dict(data)

                return payment_information_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderCreateRequestPaymentInformationType0 | Unset, data)

        payment_information = _parse_payment_information(d.pop("paymentInformation", UNSET))

        def _parse_payment_term(data: object) -> None | OrderCreateRequestPaymentTermType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payment_term_type_0 = OrderCreateRequestPaymentTermType0.from_dict(data)

                return payment_term_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OrderCreateRequestPaymentTermType0 | Unset, data)

        payment_term = _parse_payment_term(d.pop("paymentTerm", UNSET))

        def _parse_properties(data: object) -> list[Property] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                properties_type_0 = []
                _properties_type_0 = data
                for properties_type_0_item_data in _properties_type_0:
                    properties_type_0_item = Property.from_dict(properties_type_0_item_data)

                    properties_type_0.append(properties_type_0_item)

                return properties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Property] | None | Unset, data)

        properties = _parse_properties(d.pop("properties", UNSET))

        order_create_request = cls(
            debtor_order_details=debtor_order_details,
            order_ident=order_ident,
            agreed_deposits=agreed_deposits,
            allowances=allowances,
            auto_create_document=auto_create_document,
            billing_time=billing_time,
            business_segment_ident=business_segment_ident,
            language=language,
            line_items=line_items,
            order_date=order_date,
            payment_information=payment_information,
            payment_term=payment_term,
            properties=properties,
        )

        order_create_request.additional_properties = d
        return order_create_request

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
