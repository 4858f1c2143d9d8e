from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField

if TYPE_CHECKING:
    from ..models.report_config_dto import ReportConfigDto
    from ..models.scheduled_report_config_dto import ScheduledReportConfigDto


T = TypeVar("T", bound="CreateScheduledReportRequest")


@_attrs_define
class CreateScheduledReportRequest:
    """
    Attributes:
        report_config (ReportConfigDto): What the report contains (fields not published; any object passes).
        schedule_config (ScheduledReportConfigDto): When the report runs (fields not published; any object passes).
    """

    report_config: ReportConfigDto
    schedule_config: ScheduledReportConfigDto
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        report_config = self.report_config.to_dict()

        schedule_config = self.schedule_config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reportConfig": report_config,
                "scheduleConfig": schedule_config,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_config_dto import ReportConfigDto  # noqa: PLC0415
        from ..models.scheduled_report_config_dto import ScheduledReportConfigDto  # noqa: PLC0415

        d = dict(src_dict)
        if "reportConfig" not in d:
            raise MissingRequiredField("CreateScheduledReportRequest", "reportConfig")
        report_config = ReportConfigDto.from_dict(d.pop("reportConfig"))

        if "scheduleConfig" not in d:
            raise MissingRequiredField("CreateScheduledReportRequest", "scheduleConfig")
        schedule_config = ScheduledReportConfigDto.from_dict(d.pop("scheduleConfig"))

        create_scheduled_report_request = cls(
            report_config=report_config,
            schedule_config=schedule_config,
        )

        create_scheduled_report_request.additional_properties = d
        return create_scheduled_report_request

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
