from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..models.address_create_request_address_type import AddressCreateRequestAddressType
from ..models.address_create_request_gender import AddressCreateRequestGender
from ..models.address_create_request_preferred_document_delivery import AddressCreateRequestPreferredDocumentDelivery
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_create_request_e_invoicing_parameters_type_0 import (
        AddressCreateRequestEInvoicingParametersType0,
    )
    from ..models.property_ import Property


T = TypeVar("T", bound="AddressCreateRequest")


@_attrs_define
class AddressCreateRequest:
    """An address assigned to a customer; addressType INVOICE or SHIPPING. The published field list breaks off after
    `properties` (street, postal code etc. were not visible): such fields pass through unchanged. In Nitrobox's
    customer-api.json `addressType` is a plain string with its values in the description; here it is a real enum.

        Attributes:
            address_type (AddressCreateRequestAddressType): Cannot be changed after the initial POST.
            country (str): ISO 3166 alpha-2 or alpha-3 country code. Example: DE.
            academic_title (None | str | Unset):  Example: Dr..
            address_addition (None | str | Unset):  Example: 3. OG.
            address_ident (None | str | Unset): Unique external reference; a UUID is generated when it is not given.
            agency_profession_title (None | str | Unset):
            city (None | str | Unset):  Example: Hamburg.
            company (None | str | Unset):  Example: Nitrobox.
            department (None | str | Unset):
            e_invoicing_parameters (AddressCreateRequestEInvoicingParametersType0 | None | Unset): Information needed to
                handle e-invoicing (sub-fields not published).
            email (None | str | Unset): Mandatory when addressType is INVOICE and preferredDocumentDelivery is EMAIL.
            firstname (None | str | Unset):
            gender (AddressCreateRequestGender | Unset):
            lastname (None | str | Unset):
            post_office_box (None | str | Unset):
            preferred_document_delivery (AddressCreateRequestPreferredDocumentDelivery | Unset): Only used for INVOICE
                addresses; EMAIL requires `email`. Default: AddressCreateRequestPreferredDocumentDelivery.NONE.
            properties (list[Property] | None | Unset):
    """

    address_type: AddressCreateRequestAddressType
    country: str
    academic_title: None | str | Unset = UNSET
    address_addition: None | str | Unset = UNSET
    address_ident: None | str | Unset = UNSET
    agency_profession_title: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    company: None | str | Unset = UNSET
    department: None | str | Unset = UNSET
    e_invoicing_parameters: AddressCreateRequestEInvoicingParametersType0 | None | Unset = UNSET
    email: None | str | Unset = UNSET
    firstname: None | str | Unset = UNSET
    gender: AddressCreateRequestGender | Unset = UNSET
    lastname: None | str | Unset = UNSET
    post_office_box: None | str | Unset = UNSET
    preferred_document_delivery: AddressCreateRequestPreferredDocumentDelivery | Unset = (
        AddressCreateRequestPreferredDocumentDelivery.NONE
    )
    properties: list[Property] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.address_create_request_e_invoicing_parameters_type_0 import (
            AddressCreateRequestEInvoicingParametersType0,  # noqa: PLC0415
        )

        address_type = self.address_type.value

        country = self.country

        academic_title: None | str | Unset
        if isinstance(self.academic_title, Unset):
            academic_title = UNSET
        else:
            academic_title = self.academic_title

        address_addition: None | str | Unset
        if isinstance(self.address_addition, Unset):
            address_addition = UNSET
        else:
            address_addition = self.address_addition

        address_ident: None | str | Unset
        if isinstance(self.address_ident, Unset):
            address_ident = UNSET
        else:
            address_ident = self.address_ident

        agency_profession_title: None | str | Unset
        if isinstance(self.agency_profession_title, Unset):
            agency_profession_title = UNSET
        else:
            agency_profession_title = self.agency_profession_title

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        company: None | str | Unset
        if isinstance(self.company, Unset):
            company = UNSET
        else:
            company = self.company

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

        e_invoicing_parameters: dict[str, Any] | None | Unset
        if isinstance(self.e_invoicing_parameters, Unset):
            e_invoicing_parameters = UNSET
        elif isinstance(self.e_invoicing_parameters, AddressCreateRequestEInvoicingParametersType0):
            e_invoicing_parameters = self.e_invoicing_parameters.to_dict()
        else:
            e_invoicing_parameters = self.e_invoicing_parameters

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        firstname: None | str | Unset
        if isinstance(self.firstname, Unset):
            firstname = UNSET
        else:
            firstname = self.firstname

        gender: str | Unset = UNSET
        if not isinstance(self.gender, Unset):
            gender = self.gender.value

        lastname: None | str | Unset
        if isinstance(self.lastname, Unset):
            lastname = UNSET
        else:
            lastname = self.lastname

        post_office_box: None | str | Unset
        if isinstance(self.post_office_box, Unset):
            post_office_box = UNSET
        else:
            post_office_box = self.post_office_box

        preferred_document_delivery: str | Unset = UNSET
        if not isinstance(self.preferred_document_delivery, Unset):
            preferred_document_delivery = self.preferred_document_delivery.value

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
                "addressType": address_type,
                "country": country,
            }
        )
        if academic_title is not UNSET:
            field_dict["academicTitle"] = academic_title
        if address_addition is not UNSET:
            field_dict["addressAddition"] = address_addition
        if address_ident is not UNSET:
            field_dict["addressIdent"] = address_ident
        if agency_profession_title is not UNSET:
            field_dict["agencyProfessionTitle"] = agency_profession_title
        if city is not UNSET:
            field_dict["city"] = city
        if company is not UNSET:
            field_dict["company"] = company
        if department is not UNSET:
            field_dict["department"] = department
        if e_invoicing_parameters is not UNSET:
            field_dict["eInvoicingParameters"] = e_invoicing_parameters
        if email is not UNSET:
            field_dict["email"] = email
        if firstname is not UNSET:
            field_dict["firstname"] = firstname
        if gender is not UNSET:
            field_dict["gender"] = gender
        if lastname is not UNSET:
            field_dict["lastname"] = lastname
        if post_office_box is not UNSET:
            field_dict["postOfficeBox"] = post_office_box
        if preferred_document_delivery is not UNSET:
            field_dict["preferredDocumentDelivery"] = preferred_document_delivery
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_create_request_e_invoicing_parameters_type_0 import (
            AddressCreateRequestEInvoicingParametersType0,  # noqa: PLC0415
        )
        from ..models.property_ import Property  # noqa: PLC0415

        d = dict(src_dict)
        if "addressType" not in d:
            raise MissingRequiredField("AddressCreateRequest", "addressType")
        address_type = AddressCreateRequestAddressType(d.pop("addressType"))

        if "country" not in d:
            raise MissingRequiredField("AddressCreateRequest", "country")
        country = d.pop("country")

        def _parse_academic_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        academic_title = _parse_academic_title(d.pop("academicTitle", UNSET))

        def _parse_address_addition(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address_addition = _parse_address_addition(d.pop("addressAddition", UNSET))

        def _parse_address_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        address_ident = _parse_address_ident(d.pop("addressIdent", UNSET))

        def _parse_agency_profession_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agency_profession_title = _parse_agency_profession_title(d.pop("agencyProfessionTitle", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_company(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        company = _parse_company(d.pop("company", UNSET))

        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

        def _parse_e_invoicing_parameters(data: object) -> AddressCreateRequestEInvoicingParametersType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                e_invoicing_parameters_type_0 = AddressCreateRequestEInvoicingParametersType0.from_dict(data)

                return e_invoicing_parameters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AddressCreateRequestEInvoicingParametersType0 | None | Unset, data)

        e_invoicing_parameters = _parse_e_invoicing_parameters(d.pop("eInvoicingParameters", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_firstname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        firstname = _parse_firstname(d.pop("firstname", UNSET))

        _gender = d.pop("gender", UNSET)
        gender: AddressCreateRequestGender | Unset
        if isinstance(_gender, Unset):
            gender = UNSET
        else:
            gender = AddressCreateRequestGender(_gender)

        def _parse_lastname(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        lastname = _parse_lastname(d.pop("lastname", UNSET))

        def _parse_post_office_box(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        post_office_box = _parse_post_office_box(d.pop("postOfficeBox", UNSET))

        _preferred_document_delivery = d.pop("preferredDocumentDelivery", UNSET)
        preferred_document_delivery: AddressCreateRequestPreferredDocumentDelivery | Unset
        if isinstance(_preferred_document_delivery, Unset):
            preferred_document_delivery = UNSET
        else:
            preferred_document_delivery = AddressCreateRequestPreferredDocumentDelivery(_preferred_document_delivery)

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

        address_create_request = cls(
            address_type=address_type,
            country=country,
            academic_title=academic_title,
            address_addition=address_addition,
            address_ident=address_ident,
            agency_profession_title=agency_profession_title,
            city=city,
            company=company,
            department=department,
            e_invoicing_parameters=e_invoicing_parameters,
            email=email,
            firstname=firstname,
            gender=gender,
            lastname=lastname,
            post_office_box=post_office_box,
            preferred_document_delivery=preferred_document_delivery,
            properties=properties,
        )

        address_create_request.additional_properties = d
        return address_create_request

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
