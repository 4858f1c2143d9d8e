from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.address import Address
    from ..models.property_ import Property


T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """A customer as the API answers. The response body is not published: the fields are the documented request fields, and
    anything else the server sends is kept.

        Attributes:
            customer_ident (str): The customer's ident (the name is inferred, see CustomerCreateRequest).
            customer_type (str | Unset):
            language (str | Unset):
            addresses (list[Address] | Unset):
            properties (list[Property] | None | Unset):
    """

    customer_ident: str
    customer_type: str | Unset = UNSET
    language: str | Unset = UNSET
    addresses: list[Address] | Unset = UNSET
    properties: list[Property] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_ident = self.customer_ident

        customer_type = self.customer_type

        language = self.language

        addresses: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.addresses, Unset):
            addresses = []
            for addresses_item_data in self.addresses:
                addresses_item = addresses_item_data.to_dict()
                addresses.append(addresses_item)

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
            }
        )
        if customer_type is not UNSET:
            field_dict["customerType"] = customer_type
        if language is not UNSET:
            field_dict["language"] = language
        if addresses is not UNSET:
            field_dict["addresses"] = addresses
        if properties is not UNSET:
            field_dict["properties"] = properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.address import Address  # noqa: PLC0415
        from ..models.property_ import Property  # noqa: PLC0415

        d = dict(src_dict)
        if "customerIdent" not in d:
            raise MissingRequiredField("Customer", "customerIdent")
        customer_ident = d.pop("customerIdent")

        customer_type = d.pop("customerType", UNSET)

        language = d.pop("language", UNSET)

        _addresses = d.pop("addresses", UNSET)
        addresses: list[Address] | Unset = UNSET
        if _addresses is not UNSET:
            addresses = []
            for addresses_item_data in _addresses:
                addresses_item = Address.from_dict(addresses_item_data)

                addresses.append(addresses_item)

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

        customer = cls(
            customer_ident=customer_ident,
            customer_type=customer_type,
            language=language,
            addresses=addresses,
            properties=properties,
        )

        customer.additional_properties = d
        return customer

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
