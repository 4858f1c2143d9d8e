from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract_create_request_contract_items_type_0_item import ContractCreateRequestContractItemsType0Item
    from ..models.contract_create_request_contract_price_adaptation_type_0 import (
        ContractCreateRequestContractPriceAdaptationType0,
    )


T = TypeVar("T", bound="ContractCreateRequest")


@_attrs_define
class ContractCreateRequest:
    """Create contract body. The published field list breaks off after the deprecated duration fields: `planId`,
    `startDate` and `contractItems` are named in the docs' text but their types were not visible (inferred below), and
    an optional coupon code and the deprecated duration fields have hidden names. Such fields pass through unchanged.
    Public client code (2021) sends `contractId` (null), `debtorId`, `date`, `planId`, `contractIdent` and
    `invoiceAddressId`. The changelog says payment terms can be set when creating contracts; their field name is not
    shown, so they pass through as well.

        Attributes:
            contract_ident (str): A client-chosen external reference: 1..100 characters of `[a-zA-Z0-9_.~-]`, unique, and
                usually immutable after the initial POST. Example: CUST-1001.
            date (datetime.datetime): When the contract was signed.
            contract_id (int | None | Unset): Sent as null by public client code; the server assigns the numeric id.
            invoice_address_id (int | None | Unset): The numeric id of the customer's invoice address.
            billing_start_date (datetime.date | None | Unset): If empty, billing starts at startDate.
            business_segment_id (int | None | Unset): Deprecated; use businessSegmentIdent.
            business_segment_ident (None | str | Unset): The default business segment is used when it is not set.
            contract_items (list[ContractCreateRequestContractItemsType0Item] | None | Unset): Contract items; cannot be
                added or changed after the POST.
            contract_price_adaptation (ContractCreateRequestContractPriceAdaptationType0 | None | Unset): Price adaptation
                reference (sub-fields not published).
            country (None | str | Unset): Deprecated; use the tax and performance locations. ISO 3166 alpha-2 or alpha-3, or
                `UNDEFINED` (Nitrobox's file lists 272 values as an enum; a plain string is used here).
            debtor_id (int | None | Unset): Deprecated. Either debtorId or debtorIdent must be present; debtorIdent is
                preferred.
            debtor_ident (None | str | Unset): The customer's ident (note that `@` is allowed here).
            plan_id (int | None | Unset): The plan the contract is based on.
            start_date (datetime.datetime | None | Unset): When the contract starts.
    """

    contract_ident: str
    date: datetime.datetime
    contract_id: int | None | Unset = UNSET
    invoice_address_id: int | None | Unset = UNSET
    billing_start_date: datetime.date | None | Unset = UNSET
    business_segment_id: int | None | Unset = UNSET
    business_segment_ident: None | str | Unset = UNSET
    contract_items: list[ContractCreateRequestContractItemsType0Item] | None | Unset = UNSET
    contract_price_adaptation: ContractCreateRequestContractPriceAdaptationType0 | None | Unset = UNSET
    country: None | str | Unset = UNSET
    debtor_id: int | None | Unset = UNSET
    debtor_ident: None | str | Unset = UNSET
    plan_id: int | None | Unset = UNSET
    start_date: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.contract_create_request_contract_price_adaptation_type_0 import (
            ContractCreateRequestContractPriceAdaptationType0,  # noqa: PLC0415
        )

        contract_ident = self.contract_ident

        date = self.date.isoformat()

        contract_id: int | None | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        invoice_address_id: int | None | Unset
        if isinstance(self.invoice_address_id, Unset):
            invoice_address_id = UNSET
        else:
            invoice_address_id = self.invoice_address_id

        billing_start_date: None | str | Unset
        if isinstance(self.billing_start_date, Unset):
            billing_start_date = UNSET
        elif isinstance(self.billing_start_date, datetime.date):
            billing_start_date = self.billing_start_date.isoformat()
        else:
            billing_start_date = self.billing_start_date

        business_segment_id: int | None | Unset
        if isinstance(self.business_segment_id, Unset):
            business_segment_id = UNSET
        else:
            business_segment_id = self.business_segment_id

        business_segment_ident: None | str | Unset
        if isinstance(self.business_segment_ident, Unset):
            business_segment_ident = UNSET
        else:
            business_segment_ident = self.business_segment_ident

        contract_items: list[dict[str, Any]] | None | Unset
        if isinstance(self.contract_items, Unset):
            contract_items = UNSET
        elif isinstance(self.contract_items, list):
            contract_items = []
            for contract_items_type_0_item_data in self.contract_items:
                contract_items_type_0_item = contract_items_type_0_item_data.to_dict()
                contract_items.append(contract_items_type_0_item)

        else:
            contract_items = self.contract_items

        contract_price_adaptation: dict[str, Any] | None | Unset
        if isinstance(self.contract_price_adaptation, Unset):
            contract_price_adaptation = UNSET
        elif isinstance(self.contract_price_adaptation, ContractCreateRequestContractPriceAdaptationType0):
            contract_price_adaptation = self.contract_price_adaptation.to_dict()
        else:
            contract_price_adaptation = self.contract_price_adaptation

        country: None | str | Unset
        if isinstance(self.country, Unset):
            country = UNSET
        else:
            country = self.country

        debtor_id: int | None | Unset
        if isinstance(self.debtor_id, Unset):
            debtor_id = UNSET
        else:
            debtor_id = self.debtor_id

        debtor_ident: None | str | Unset
        if isinstance(self.debtor_ident, Unset):
            debtor_ident = UNSET
        else:
            debtor_ident = self.debtor_ident

        plan_id: int | None | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.datetime):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contractIdent": contract_ident,
                "date": date,
            }
        )
        if contract_id is not UNSET:
            field_dict["contractId"] = contract_id
        if invoice_address_id is not UNSET:
            field_dict["invoiceAddressId"] = invoice_address_id
        if billing_start_date is not UNSET:
            field_dict["billingStartDate"] = billing_start_date
        if business_segment_id is not UNSET:
            field_dict["businessSegmentId"] = business_segment_id
        if business_segment_ident is not UNSET:
            field_dict["businessSegmentIdent"] = business_segment_ident
        if contract_items is not UNSET:
            field_dict["contractItems"] = contract_items
        if contract_price_adaptation is not UNSET:
            field_dict["contractPriceAdaptation"] = contract_price_adaptation
        if country is not UNSET:
            field_dict["country"] = country
        if debtor_id is not UNSET:
            field_dict["debtorId"] = debtor_id
        if debtor_ident is not UNSET:
            field_dict["debtorIdent"] = debtor_ident
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if start_date is not UNSET:
            field_dict["startDate"] = start_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract_create_request_contract_items_type_0_item import (
            ContractCreateRequestContractItemsType0Item,  # noqa: PLC0415
        )
        from ..models.contract_create_request_contract_price_adaptation_type_0 import (
            ContractCreateRequestContractPriceAdaptationType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        if "contractIdent" not in d:
            raise MissingRequiredField("ContractCreateRequest", "contractIdent")
        contract_ident = d.pop("contractIdent")

        if "date" not in d:
            raise MissingRequiredField("ContractCreateRequest", "date")
        date = datetime.datetime.fromisoformat(d.pop("date"))

        def _parse_contract_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        contract_id = _parse_contract_id(d.pop("contractId", UNSET))

        def _parse_invoice_address_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        invoice_address_id = _parse_invoice_address_id(d.pop("invoiceAddressId", UNSET))

        def _parse_billing_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                billing_start_date_type_0 = datetime.date.fromisoformat(data)

                return billing_start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        billing_start_date = _parse_billing_start_date(d.pop("billingStartDate", UNSET))

        def _parse_business_segment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        business_segment_id = _parse_business_segment_id(d.pop("businessSegmentId", UNSET))

        def _parse_business_segment_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_segment_ident = _parse_business_segment_ident(d.pop("businessSegmentIdent", UNSET))

        def _parse_contract_items(data: object) -> list[ContractCreateRequestContractItemsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                contract_items_type_0 = []
                _contract_items_type_0 = data
                for contract_items_type_0_item_data in _contract_items_type_0:
                    contract_items_type_0_item = ContractCreateRequestContractItemsType0Item.from_dict(
                        contract_items_type_0_item_data
                    )

                    contract_items_type_0.append(contract_items_type_0_item)

                return contract_items_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ContractCreateRequestContractItemsType0Item] | None | Unset, data)

        contract_items = _parse_contract_items(d.pop("contractItems", UNSET))

        def _parse_contract_price_adaptation(
            data: object,
        ) -> ContractCreateRequestContractPriceAdaptationType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contract_price_adaptation_type_0 = ContractCreateRequestContractPriceAdaptationType0.from_dict(data)

                return contract_price_adaptation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContractCreateRequestContractPriceAdaptationType0 | None | Unset, data)

        contract_price_adaptation = _parse_contract_price_adaptation(d.pop("contractPriceAdaptation", UNSET))

        def _parse_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country = _parse_country(d.pop("country", UNSET))

        def _parse_debtor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        debtor_id = _parse_debtor_id(d.pop("debtorId", UNSET))

        def _parse_debtor_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        debtor_ident = _parse_debtor_ident(d.pop("debtorIdent", UNSET))

        def _parse_plan_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        plan_id = _parse_plan_id(d.pop("planId", UNSET))

        def _parse_start_date(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.datetime.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        start_date = _parse_start_date(d.pop("startDate", UNSET))

        contract_create_request = cls(
            contract_ident=contract_ident,
            date=date,
            contract_id=contract_id,
            invoice_address_id=invoice_address_id,
            billing_start_date=billing_start_date,
            business_segment_id=business_segment_id,
            business_segment_ident=business_segment_ident,
            contract_items=contract_items,
            contract_price_adaptation=contract_price_adaptation,
            country=country,
            debtor_id=debtor_id,
            debtor_ident=debtor_ident,
            plan_id=plan_id,
            start_date=start_date,
        )

        contract_create_request.additional_properties = d
        return contract_create_request

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
