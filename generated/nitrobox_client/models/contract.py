from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.property_ import Property


T = TypeVar("T", bound="Contract")


@_attrs_define
class Contract:
    """A contract as the API answers. The response body is not published; public client code reads contractId, debtorId,
    date, planId, contractIdent and invoiceAddressId from the create answer. Anything else the server sends is kept.
    Nitrobox staff code reads `status` and `properties` from retrieveContract. The changelog mentions a "performance
    status" (not started / in performance / no longer serviced, API only) whose field name is not shown: it is not
    declared here, and arrives as an additional property under whatever name the server uses.

        Attributes:
            contract_id (int): The contract's numeric id (used by createUsage as `contractId`).
            contract_ident (str):
            status (str | Unset): The contract's status (values not published, so a plain string).
            properties (list[Property] | None | Unset): The contract's custom properties.
            debtor_id (int | None | Unset):
            debtor_ident (None | str | Unset):
            date (datetime.datetime | Unset):
            plan_id (int | None | Unset):
            invoice_address_id (int | None | Unset):
    """

    contract_id: int
    contract_ident: str
    status: str | Unset = UNSET
    properties: list[Property] | None | Unset = UNSET
    debtor_id: int | None | Unset = UNSET
    debtor_ident: None | str | Unset = UNSET
    date: datetime.datetime | Unset = UNSET
    plan_id: int | None | Unset = UNSET
    invoice_address_id: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id = self.contract_id

        contract_ident = self.contract_ident

        status = self.status

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

        date: str | Unset = UNSET
        if not isinstance(self.date, Unset):
            date = self.date.isoformat()

        plan_id: int | None | Unset
        if isinstance(self.plan_id, Unset):
            plan_id = UNSET
        else:
            plan_id = self.plan_id

        invoice_address_id: int | None | Unset
        if isinstance(self.invoice_address_id, Unset):
            invoice_address_id = UNSET
        else:
            invoice_address_id = self.invoice_address_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contractId": contract_id,
                "contractIdent": contract_ident,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if properties is not UNSET:
            field_dict["properties"] = properties
        if debtor_id is not UNSET:
            field_dict["debtorId"] = debtor_id
        if debtor_ident is not UNSET:
            field_dict["debtorIdent"] = debtor_ident
        if date is not UNSET:
            field_dict["date"] = date
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if invoice_address_id is not UNSET:
            field_dict["invoiceAddressId"] = invoice_address_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.property_ import Property  # noqa: PLC0415

        d = dict(src_dict)
        if "contractId" not in d:
            raise MissingRequiredField("Contract", "contractId")
        contract_id = d.pop("contractId")

        if "contractIdent" not in d:
            raise MissingRequiredField("Contract", "contractIdent")
        contract_ident = d.pop("contractIdent")

        status = d.pop("status", UNSET)

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

        _date = d.pop("date", UNSET)
        date: datetime.datetime | Unset
        if isinstance(_date, Unset):
            date = UNSET
        else:
            date = datetime.datetime.fromisoformat(_date)

        def _parse_plan_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        plan_id = _parse_plan_id(d.pop("planId", UNSET))

        def _parse_invoice_address_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        invoice_address_id = _parse_invoice_address_id(d.pop("invoiceAddressId", UNSET))

        contract = cls(
            contract_id=contract_id,
            contract_ident=contract_ident,
            status=status,
            properties=properties,
            debtor_id=debtor_id,
            debtor_ident=debtor_ident,
            date=date,
            plan_id=plan_id,
            invoice_address_id=invoice_address_id,
        )

        contract.additional_properties = d
        return contract

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
