from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.location import Location
    from ..models.property_ import Property
    from ..models.unit_quantity import UnitQuantity


T = TypeVar("T", bound="UsageCreateRequest")


@_attrs_define
class UsageCreateRequest:
    """A usage record.

    Attributes:
        end_date (datetime.datetime): May equal startDate. ISO 8601 offsets are supported.
        product_ident (str): A client-chosen external reference: 1..100 characters of `[a-zA-Z0-9_.~-]`, unique, and
            usually immutable after the initial POST. Example: CUST-1001.
        start_date (datetime.datetime): ISO 8601 offsets are supported.
        usage_ident (str): A client-chosen external reference: 1..100 characters of `[a-zA-Z0-9_.~-]`, unique, and
            usually immutable after the initial POST. Example: CUST-1001.
        contract_id (int | None | str | Unset): The contract's numeric id; if set, debtorId is ignored. The docs type it
            int64; Nitrobox staff code sends it as a JSON string of digits (`"2118902"`) and expects 201, so both are
            accepted here.
        debtor_id (int | None | Unset): Mandatory without contractId; the newest matching contract of the debtor is
            used.
        description (None | str | Unset):
        operating_site_ident (None | str | Unset): Only predefined identifiers (used for tax).
        performance_location (Location | Unset): A tax or performance location. Only `country` is known (from public
            client code); the other fields are not published and pass through. Example: {'country': 'DE'}.
        properties (list[Property] | None | Unset):
        service_country (None | str | Unset): Deprecated; use taxLocation and performanceLocation. ISO 3166 country code
            (Nitrobox's file lists the values as an enum; a plain string is used here).
        tax_location (Location | Unset): A tax or performance location. Only `country` is known (from public client
            code); the other fields are not published and pass through. Example: {'country': 'DE'}.
        unit_quantities (list[UnitQuantity] | None | Unset):
    """

    end_date: datetime.datetime
    product_ident: str
    start_date: datetime.datetime
    usage_ident: str
    contract_id: int | None | str | Unset = UNSET
    debtor_id: int | None | Unset = UNSET
    description: None | str | Unset = UNSET
    operating_site_ident: None | str | Unset = UNSET
    performance_location: Location | Unset = UNSET
    properties: list[Property] | None | Unset = UNSET
    service_country: None | str | Unset = UNSET
    tax_location: Location | Unset = UNSET
    unit_quantities: list[UnitQuantity] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        end_date = self.end_date.isoformat()

        product_ident = self.product_ident

        start_date = self.start_date.isoformat()

        usage_ident = self.usage_ident

        contract_id: int | None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        debtor_id: int | None | Unset
        if isinstance(self.debtor_id, Unset):
            debtor_id = UNSET
        else:
            debtor_id = self.debtor_id

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        operating_site_ident: None | str | Unset
        if isinstance(self.operating_site_ident, Unset):
            operating_site_ident = UNSET
        else:
            operating_site_ident = self.operating_site_ident

        performance_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.performance_location, Unset):
            performance_location = self.performance_location.to_dict()

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

        service_country: None | str | Unset
        if isinstance(self.service_country, Unset):
            service_country = UNSET
        else:
            service_country = self.service_country

        tax_location: dict[str, Any] | Unset = UNSET
        if not isinstance(self.tax_location, Unset):
            tax_location = self.tax_location.to_dict()

        unit_quantities: list[dict[str, Any]] | None | Unset
        if isinstance(self.unit_quantities, Unset):
            unit_quantities = UNSET
        elif isinstance(self.unit_quantities, list):
            unit_quantities = []
            for unit_quantities_type_0_item_data in self.unit_quantities:
                unit_quantities_type_0_item = unit_quantities_type_0_item_data.to_dict()
                unit_quantities.append(unit_quantities_type_0_item)

        else:
            unit_quantities = self.unit_quantities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "endDate": end_date,
                "productIdent": product_ident,
                "startDate": start_date,
                "usageIdent": usage_ident,
            }
        )
        if contract_id is not UNSET:
            field_dict["contractId"] = contract_id
        if debtor_id is not UNSET:
            field_dict["debtorId"] = debtor_id
        if description is not UNSET:
            field_dict["description"] = description
        if operating_site_ident is not UNSET:
            field_dict["operatingSiteIdent"] = operating_site_ident
        if performance_location is not UNSET:
            field_dict["performanceLocation"] = performance_location
        if properties is not UNSET:
            field_dict["properties"] = properties
        if service_country is not UNSET:
            field_dict["serviceCountry"] = service_country
        if tax_location is not UNSET:
            field_dict["taxLocation"] = tax_location
        if unit_quantities is not UNSET:
            field_dict["unitQuantities"] = unit_quantities

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.location import Location  # noqa: PLC0415
        from ..models.property_ import Property  # noqa: PLC0415
        from ..models.unit_quantity import UnitQuantity  # noqa: PLC0415

        d = dict(src_dict)
        if "endDate" not in d:
            raise MissingRequiredField("UsageCreateRequest", "endDate")
        end_date = datetime.datetime.fromisoformat(d.pop("endDate"))

        if "productIdent" not in d:
            raise MissingRequiredField("UsageCreateRequest", "productIdent")
        product_ident = d.pop("productIdent")

        if "startDate" not in d:
            raise MissingRequiredField("UsageCreateRequest", "startDate")
        start_date = datetime.datetime.fromisoformat(d.pop("startDate"))

        if "usageIdent" not in d:
            raise MissingRequiredField("UsageCreateRequest", "usageIdent")
        usage_ident = d.pop("usageIdent")

        def _parse_contract_id(data: object) -> int | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | str | Unset, data)

        contract_id = _parse_contract_id(d.pop("contractId", UNSET))

        def _parse_debtor_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        debtor_id = _parse_debtor_id(d.pop("debtorId", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_operating_site_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        operating_site_ident = _parse_operating_site_ident(d.pop("operatingSiteIdent", UNSET))

        _performance_location = d.pop("performanceLocation", UNSET)
        performance_location: Location | Unset
        if isinstance(_performance_location, Unset):
            performance_location = UNSET
        else:
            performance_location = Location.from_dict(_performance_location)

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

        def _parse_service_country(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_country = _parse_service_country(d.pop("serviceCountry", UNSET))

        _tax_location = d.pop("taxLocation", UNSET)
        tax_location: Location | Unset
        if isinstance(_tax_location, Unset):
            tax_location = UNSET
        else:
            tax_location = Location.from_dict(_tax_location)

        def _parse_unit_quantities(data: object) -> list[UnitQuantity] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                unit_quantities_type_0 = []
                _unit_quantities_type_0 = data
                for unit_quantities_type_0_item_data in _unit_quantities_type_0:
                    unit_quantities_type_0_item = UnitQuantity.from_dict(unit_quantities_type_0_item_data)

                    unit_quantities_type_0.append(unit_quantities_type_0_item)

                return unit_quantities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UnitQuantity] | None | Unset, data)

        unit_quantities = _parse_unit_quantities(d.pop("unitQuantities", UNSET))

        usage_create_request = cls(
            end_date=end_date,
            product_ident=product_ident,
            start_date=start_date,
            usage_ident=usage_ident,
            contract_id=contract_id,
            debtor_id=debtor_id,
            description=description,
            operating_site_ident=operating_site_ident,
            performance_location=performance_location,
            properties=properties,
            service_country=service_country,
            tax_location=tax_location,
            unit_quantities=unit_quantities,
        )

        usage_create_request.additional_properties = d
        return usage_create_request

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
