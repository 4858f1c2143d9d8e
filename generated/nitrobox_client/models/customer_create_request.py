from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..models.customer_type import CustomerType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address_create_request import AddressCreateRequest
    from ..models.property_ import Property


T = TypeVar("T", bound="CustomerCreateRequest")


@_attrs_define
class CustomerCreateRequest:
    """Create customer body. The docs show only `addresses`; the other customer fields were cut off. `customerIdent` is the
    name chosen for the required, unique customer ident (inferred); `customerType`, `language` and `properties` are the
    fields the update body documents. Further fields pass through unchanged.

        Attributes:
            customer_ident (str): The customer's ident, e.g. a customer number: 1..100 characters of `[a-zA-Z0-9_.~@-]`,
                unique. Contracts and billing runs refer to it as `debtorIdent`. Example: CUST-1001.
            addresses (list[AddressCreateRequest]): The customer's addresses; must not be empty.
            customer_type (CustomerType | Unset): Customer type (the portal also knows OTHER, the API lists these three).
            language (str | Unset): ISO 639-1 language code, default `de`; must match the business segment. Nitrobox's file
                lists 185 values as an enum; a pattern is used here to keep generated code small. Example: de.
            properties (list[Property] | None | Unset):
    """

    customer_ident: str
    addresses: list[AddressCreateRequest]
    customer_type: CustomerType | Unset = UNSET
    language: str | Unset = UNSET
    properties: list[Property] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_ident = self.customer_ident

        addresses = []
        for addresses_item_data in self.addresses:
            addresses_item = addresses_item_data.to_dict()
            addresses.append(addresses_item)

        customer_type: str | Unset = UNSET
        if not isinstance(self.customer_type, Unset):
            customer_type = self.customer_type.value

        language = self.language

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
                "customerIdent": customer_ident,
                "addresses": addresses,
            }
        )
        if customer_type is not UNSET:
            field_dict["customerType"] = customer_type
        if language is not UNSET:
            field_dict["language"] = language
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address_create_request import AddressCreateRequest  # noqa: PLC0415
        from ..models.property_ import Property  # noqa: PLC0415

        d = dict(src_dict)
        if "customerIdent" not in d:
            raise MissingRequiredField("CustomerCreateRequest", "customerIdent")
        customer_ident = d.pop("customerIdent")

        if "addresses" not in d:
            raise MissingRequiredField("CustomerCreateRequest", "addresses")
        addresses = []
        _addresses = d.pop("addresses")
        for addresses_item_data in _addresses:
            addresses_item = AddressCreateRequest.from_dict(addresses_item_data)

            addresses.append(addresses_item)

        _customer_type = d.pop("customerType", UNSET)
        customer_type: CustomerType | Unset
        if isinstance(_customer_type, Unset):
            customer_type = UNSET
        else:
            customer_type = CustomerType(_customer_type)

        language = d.pop("language", UNSET)

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

        customer_create_request = cls(
            customer_ident=customer_ident,
            addresses=addresses,
            customer_type=customer_type,
            language=language,
            properties=properties,
        )

        customer_create_request.additional_properties = d
        return customer_create_request

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
