from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DocumentRelation")


@_attrs_define
class DocumentRelation:
    """How a document relates to another one.

    Attributes:
        document_reason (None | str | Unset):
        document_related_ident (None | str | Unset):
    """

    document_reason: None | str | Unset = UNSET
    document_related_ident: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_reason: None | str | Unset
        if isinstance(self.document_reason, Unset):
            document_reason = UNSET
        else:
            document_reason = self.document_reason

        document_related_ident: None | str | Unset
        if isinstance(self.document_related_ident, Unset):
            document_related_ident = UNSET
        else:
            document_related_ident = self.document_related_ident

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if document_reason is not UNSET:
            field_dict["documentReason"] = document_reason
        if document_related_ident is not UNSET:
            field_dict["documentRelatedIdent"] = document_related_ident

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_document_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_reason = _parse_document_reason(d.pop("documentReason", UNSET))

        def _parse_document_related_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_related_ident = _parse_document_related_ident(d.pop("documentRelatedIdent", UNSET))

        document_relation = cls(
            document_reason=document_reason,
            document_related_ident=document_related_ident,
        )

        document_relation.additional_properties = d
        return document_relation

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
