from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..models.option_common_fields_category import OptionCommonFieldsCategory
from ..types import UNSET, Unset

T = TypeVar("T", bound="OptionCommonFields")


@_attrs_define
class OptionCommonFields:
    """The fields every option creation request shows (the list is cut off); type-specific fields pass through.

    Attributes:
        name (str): Printed on documents.
        product_ident (str): Unique and immutable; usages refer to it.
        article_number (str | Unset): Not unique.
        category (OptionCommonFieldsCategory | Unset):  Default: OptionCommonFieldsCategory.SERVICE.
        description (str | Unset):
        individual_option (bool | Unset):
        item_group (str | Unset):
        operating_site_ident (str | Unset):
        option_ident (str | Unset): A UUID is generated when it is not given.
        option_name (str | Unset): The catalogue name.
    """

    name: str
    product_ident: str
    article_number: str | Unset = UNSET
    category: OptionCommonFieldsCategory | Unset = OptionCommonFieldsCategory.SERVICE
    description: str | Unset = UNSET
    individual_option: bool | Unset = UNSET
    item_group: str | Unset = UNSET
    operating_site_ident: str | Unset = UNSET
    option_ident: str | Unset = UNSET
    option_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        product_ident = self.product_ident

        article_number = self.article_number

        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.value

        description = self.description

        individual_option = self.individual_option

        item_group = self.item_group

        operating_site_ident = self.operating_site_ident

        option_ident = self.option_ident

        option_name = self.option_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "productIdent": product_ident,
            }
        )
        if article_number is not UNSET:
            field_dict["articleNumber"] = article_number
        if category is not UNSET:
            field_dict["category"] = category
        if description is not UNSET:
            field_dict["description"] = description
        if individual_option is not UNSET:
            field_dict["individualOption"] = individual_option
        if item_group is not UNSET:
            field_dict["itemGroup"] = item_group
        if operating_site_ident is not UNSET:
            field_dict["operatingSiteIdent"] = operating_site_ident
        if option_ident is not UNSET:
            field_dict["optionIdent"] = option_ident
        if option_name is not UNSET:
            field_dict["optionName"] = option_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        if "name" not in d:
            raise MissingRequiredField("OptionCommonFields", "name")
        name = d.pop("name")

        if "productIdent" not in d:
            raise MissingRequiredField("OptionCommonFields", "productIdent")
        product_ident = d.pop("productIdent")

        article_number = d.pop("articleNumber", UNSET)

        _category = d.pop("category", UNSET)
        category: OptionCommonFieldsCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = OptionCommonFieldsCategory(_category)

        description = d.pop("description", UNSET)

        individual_option = d.pop("individualOption", UNSET)

        item_group = d.pop("itemGroup", UNSET)

        operating_site_ident = d.pop("operatingSiteIdent", UNSET)

        option_ident = d.pop("optionIdent", UNSET)

        option_name = d.pop("optionName", UNSET)

        option_common_fields = cls(
            name=name,
            product_ident=product_ident,
            article_number=article_number,
            category=category,
            description=description,
            individual_option=individual_option,
            item_group=item_group,
            operating_site_ident=operating_site_ident,
            option_ident=option_ident,
            option_name=option_name,
        )

        option_common_fields.additional_properties = d
        return option_common_fields

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
