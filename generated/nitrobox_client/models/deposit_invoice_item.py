from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..models.deposit_invoice_item_category import DepositInvoiceItemCategory
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.deposit_invoice_item_billing_period_type_0 import DepositInvoiceItemBillingPeriodType0
    from ..models.deposit_invoice_item_extras_type_0_item import DepositInvoiceItemExtrasType0Item
    from ..models.location import Location


T = TypeVar("T", bound="DepositInvoiceItem")


@_attrs_define
class DepositInvoiceItem:
    """One deposit invoice item (the published field list is cut off after `performanceLocation`).

    Attributes:
        category (DepositInvoiceItemCategory):
        ident (str): A client-chosen external reference: 1..100 characters of `[a-zA-Z0-9_.~-]`, unique, and usually
            immutable after the initial POST. Example: CUST-1001.
        performance_location (Location): A tax or performance location. Only `country` is known (from public client
            code); the other fields are not published and pass through. Example: {'country': 'DE'}.
        article_number (None | str | Unset):
        billing_period (DepositInvoiceItemBillingPeriodType0 | None | Unset): The billing period (sub-fields not
            published).
        description (None | str | Unset):
        extras (list[DepositInvoiceItemExtrasType0Item] | None | Unset): Value-reducing extras, e.g. a voucher (item
            fields not published).
        item_group (None | str | Unset):
        name (None | str | Unset):
    """

    category: DepositInvoiceItemCategory
    ident: str
    performance_location: Location
    article_number: None | str | Unset = UNSET
    billing_period: DepositInvoiceItemBillingPeriodType0 | None | Unset = UNSET
    description: None | str | Unset = UNSET
    extras: list[DepositInvoiceItemExtrasType0Item] | None | Unset = UNSET
    item_group: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.deposit_invoice_item_billing_period_type_0 import DepositInvoiceItemBillingPeriodType0  # noqa: PLC0415

        category = self.category.value

        ident = self.ident

        performance_location = self.performance_location.to_dict()

        article_number: None | str | Unset
        if isinstance(self.article_number, Unset):
            article_number = UNSET
        else:
            article_number = self.article_number

        billing_period: dict[str, Any] | None | Unset
        if isinstance(self.billing_period, Unset):
            billing_period = UNSET
        elif isinstance(self.billing_period, DepositInvoiceItemBillingPeriodType0):
            billing_period = self.billing_period.to_dict()
        else:
            billing_period = self.billing_period

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        extras: list[dict[str, Any]] | None | Unset
        if isinstance(self.extras, Unset):
            extras = UNSET
        elif isinstance(self.extras, list):
            extras = []
            for extras_type_0_item_data in self.extras:
                extras_type_0_item = extras_type_0_item_data.to_dict()
                extras.append(extras_type_0_item)

        else:
            extras = self.extras

        item_group: None | str | Unset
        if isinstance(self.item_group, Unset):
            item_group = UNSET
        else:
            item_group = self.item_group

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "category": category,
                "ident": ident,
                "performanceLocation": performance_location,
            }
        )
        if article_number is not UNSET:
            field_dict["articleNumber"] = article_number
        if billing_period is not UNSET:
            field_dict["billingPeriod"] = billing_period
        if description is not UNSET:
            field_dict["description"] = description
        if extras is not UNSET:
            field_dict["extras"] = extras
        if item_group is not UNSET:
            field_dict["itemGroup"] = item_group
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.deposit_invoice_item_billing_period_type_0 import DepositInvoiceItemBillingPeriodType0  # noqa: PLC0415
        from ..models.deposit_invoice_item_extras_type_0_item import DepositInvoiceItemExtrasType0Item  # noqa: PLC0415
        from ..models.location import Location  # noqa: PLC0415

        d = dict(src_dict)
        if "category" not in d:
            raise MissingRequiredField("DepositInvoiceItem", "category")
        category = DepositInvoiceItemCategory(d.pop("category"))

        if "ident" not in d:
            raise MissingRequiredField("DepositInvoiceItem", "ident")
        ident = d.pop("ident")

        if "performanceLocation" not in d:
            raise MissingRequiredField("DepositInvoiceItem", "performanceLocation")
        performance_location = Location.from_dict(d.pop("performanceLocation"))

        def _parse_article_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        article_number = _parse_article_number(d.pop("articleNumber", UNSET))

        def _parse_billing_period(data: object) -> DepositInvoiceItemBillingPeriodType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_period_type_0 = DepositInvoiceItemBillingPeriodType0.from_dict(data)

                return billing_period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DepositInvoiceItemBillingPeriodType0 | None | Unset, data)

        billing_period = _parse_billing_period(d.pop("billingPeriod", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_extras(data: object) -> list[DepositInvoiceItemExtrasType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                extras_type_0 = []
                _extras_type_0 = data
                for extras_type_0_item_data in _extras_type_0:
                    extras_type_0_item = DepositInvoiceItemExtrasType0Item.from_dict(extras_type_0_item_data)

                    extras_type_0.append(extras_type_0_item)

                return extras_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DepositInvoiceItemExtrasType0Item] | None | Unset, data)

        extras = _parse_extras(d.pop("extras", UNSET))

        def _parse_item_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        item_group = _parse_item_group(d.pop("itemGroup", UNSET))

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        deposit_invoice_item = cls(
            category=category,
            ident=ident,
            performance_location=performance_location,
            article_number=article_number,
            billing_period=billing_period,
            description=description,
            extras=extras,
            item_group=item_group,
            name=name,
        )

        deposit_invoice_item.additional_properties = d
        return deposit_invoice_item

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
