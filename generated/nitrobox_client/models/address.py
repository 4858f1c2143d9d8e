from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.property_ import Property


T = TypeVar("T", bound="Address")


@_attrs_define
class Address:
    """An address as the API answers (response body not published; the fields mirror AddressCreateRequest, plain strings so
    new values do not break clients).

        Attributes:
            address_ident (str):
            address_type (str): `INVOICE` or `SHIPPING` ("Must not be null"; cannot change after the POST). A plain string
                here, as every answer field is.
            address_id (int | Unset): The address's server id: "Is set by Nitrobox system. Any values entered for GET, POST
                and PUT requests will be overwritten." Whether every answer carries it is not stated, so it is not required
                (facts 3 R15).
            academic_title (None | str | Unset):
            address_addition (None | str | Unset):
            agency_profession_title (None | str | Unset):
            city (None | str | Unset):
            company (None | str | Unset):
            country (str | Unset):
            department (None | str | Unset):
            email (None | str | Unset):
            firstname (None | str | Unset):
            gender (None | str | Unset):
            lastname (None | str | Unset):
            post_office_box (None | str | Unset):
            preferred_document_delivery (None | str | Unset):
            properties (list[Property] | None | Unset):
    """

    address_ident: str
    address_type: str
    address_id: int | Unset = UNSET
    academic_title: None | str | Unset = UNSET
    address_addition: None | str | Unset = UNSET
    agency_profession_title: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    company: None | str | Unset = UNSET
    country: str | Unset = UNSET
    department: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    firstname: None | str | Unset = UNSET
    gender: None | str | Unset = UNSET
    lastname: None | str | Unset = UNSET
    post_office_box: None | str | Unset = UNSET
    preferred_document_delivery: None | str | Unset = UNSET
    properties: list[Property] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address_ident = self.address_ident

        address_type = self.address_type

        address_id = self.address_id

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

        country = self.country

        department: None | str | Unset
        if isinstance(self.department, Unset):
            department = UNSET
        else:
            department = self.department

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

        gender: None | str | Unset
        if isinstance(self.gender, Unset):
            gender = UNSET
        else:
            gender = self.gender

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

        preferred_document_delivery: None | str | Unset
        if isinstance(self.preferred_document_delivery, Unset):
            preferred_document_delivery = UNSET
        else:
            preferred_document_delivery = self.preferred_document_delivery

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
                "addressIdent": address_ident,
                "addressType": address_type,
            }
        )
        if address_id is not UNSET:
            field_dict["addressId"] = address_id
        if academic_title is not UNSET:
            field_dict["academicTitle"] = academic_title
        if address_addition is not UNSET:
            field_dict["addressAddition"] = address_addition
        if agency_profession_title is not UNSET:
            field_dict["agencyProfessionTitle"] = agency_profession_title
        if city is not UNSET:
            field_dict["city"] = city
        if company is not UNSET:
            field_dict["company"] = company
        if country is not UNSET:
            field_dict["country"] = country
        if department is not UNSET:
            field_dict["department"] = department
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
        from ..models.property_ import Property  # noqa: PLC0415

        d = dict(src_dict)
        if "addressIdent" not in d:
            raise MissingRequiredField("Address", "addressIdent")
        address_ident = d.pop("addressIdent")

        if "addressType" not in d:
            raise MissingRequiredField("Address", "addressType")
        address_type = d.pop("addressType")

        address_id = d.pop("addressId", UNSET)

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

        country = d.pop("country", UNSET)

        def _parse_department(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        department = _parse_department(d.pop("department", UNSET))

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

        def _parse_gender(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gender = _parse_gender(d.pop("gender", UNSET))

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

        def _parse_preferred_document_delivery(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        preferred_document_delivery = _parse_preferred_document_delivery(d.pop("preferredDocumentDelivery", UNSET))

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

        address = cls(
            address_ident=address_ident,
            address_type=address_type,
            address_id=address_id,
            academic_title=academic_title,
            address_addition=address_addition,
            agency_profession_title=agency_profession_title,
            city=city,
            company=company,
            country=country,
            department=department,
            email=email,
            firstname=firstname,
            gender=gender,
            lastname=lastname,
            post_office_box=post_office_box,
            preferred_document_delivery=preferred_document_delivery,
            properties=properties,
        )

        address.additional_properties = d
        return address

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
