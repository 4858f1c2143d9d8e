from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contract import Contract
    from ..models.page_info import PageInfo


T = TypeVar("T", bound="ContractPage")


@_attrs_define
class ContractPage:
    """One page of contracts: the items in `_embedded` (a list), the page's meta data in `pageInfo`. Neither key is
    required (see docs/spec.md, "The page envelope").

        Attributes:
            field_embedded (list[Contract] | Unset): The items of this page.
            page_info (PageInfo | Unset): Meta data about the current page and query. Only `number` is documented (the first
                property of Nitrobox's PageInfo); `size`, `totalElements` and `totalPages` are inferred.
    """

    field_embedded: list[Contract] | Unset = UNSET
    page_info: PageInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_embedded: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.field_embedded, Unset):
            field_embedded = []
            for field_embedded_item_data in self.field_embedded:
                field_embedded_item = field_embedded_item_data.to_dict()
                field_embedded.append(field_embedded_item)

        page_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.page_info, Unset):
            page_info = self.page_info.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if field_embedded is not UNSET:
            field_dict["_embedded"] = field_embedded
        if page_info is not UNSET:
            field_dict["pageInfo"] = page_info

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contract import Contract  # noqa: PLC0415
        from ..models.page_info import PageInfo  # noqa: PLC0415

        d = dict(src_dict)
        _field_embedded = d.pop("_embedded", UNSET)
        field_embedded: list[Contract] | Unset = UNSET
        if _field_embedded is not UNSET:
            field_embedded = []
            for field_embedded_item_data in _field_embedded:
                field_embedded_item = Contract.from_dict(field_embedded_item_data)

                field_embedded.append(field_embedded_item)

        _page_info = d.pop("pageInfo", UNSET)
        page_info: PageInfo | Unset
        if isinstance(_page_info, Unset):
            page_info = UNSET
        else:
            page_info = PageInfo.from_dict(_page_info)

        contract_page = cls(
            field_embedded=field_embedded,
            page_info=page_info,
        )

        contract_page.additional_properties = d
        return contract_page

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
