from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField

if TYPE_CHECKING:
    from ..models.common_error_item import CommonErrorItem


T = TypeVar("T", bound="CommonError")


@_attrs_define
class CommonError:
    """The newer error body of Nitrobox's current payment-assignment-api.json (facts 3, R13), beside the classic
    GlobalErrorResponse of every other file. Every field is described "Must not be null". Used by the operations whose
    published page answers "Client error" / "Server error" (createMerchantPaymentAccountAssignmentConfiguration).

        Example:
            {'errors': [], 'message': 'Validation of a request body reported input errors', 'path': '/v2/merchant-payment-
                accounts/mpa-1/assignment-configuration', 'status': 'BAD_REQUEST', 'timestamp': '2025-01-01T08:00:00.000000Z'}

        Attributes:
            errors (list[CommonErrorItem]): Detail errors; the fields of an entry are not shown.
            message (str):
            path (str): The request path.
            status (str): e.g. 'BAD_REQUEST' for status code 400.
            timestamp (str): The time of the error.
    """

    errors: list[CommonErrorItem]
    message: str
    path: str
    status: str
    timestamp: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        message = self.message

        path = self.path

        status = self.status

        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "errors": errors,
                "message": message,
                "path": path,
                "status": status,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.common_error_item import CommonErrorItem  # noqa: PLC0415

        d = dict(src_dict)
        if "errors" not in d:
            raise MissingRequiredField("CommonError", "errors")
        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = CommonErrorItem.from_dict(errors_item_data)

            errors.append(errors_item)

        if "message" not in d:
            raise MissingRequiredField("CommonError", "message")
        message = d.pop("message")

        if "path" not in d:
            raise MissingRequiredField("CommonError", "path")
        path = d.pop("path")

        if "status" not in d:
            raise MissingRequiredField("CommonError", "status")
        status = d.pop("status")

        if "timestamp" not in d:
            raise MissingRequiredField("CommonError", "timestamp")
        timestamp = d.pop("timestamp")

        common_error = cls(
            errors=errors,
            message=message,
            path=path,
            status=status,
            timestamp=timestamp,
        )

        common_error.additional_properties = d
        return common_error

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
