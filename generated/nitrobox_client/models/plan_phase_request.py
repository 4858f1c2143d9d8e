from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.option_common_fields import OptionCommonFields
    from ..models.plan_phase_request_billing_config_type_0 import PlanPhaseRequestBillingConfigType0
    from ..models.plan_phase_request_linked_options_type_0_item import PlanPhaseRequestLinkedOptionsType0Item
    from ..models.plan_phase_request_notice_period_type_0 import PlanPhaseRequestNoticePeriodType0


T = TypeVar("T", bound="PlanPhaseRequest")


@_attrs_define
class PlanPhaseRequest:
    """One phase of a plan (the field list is cut off after `options`).

    Attributes:
        auto_renewal (bool | None | Unset): Deprecated; use a phase transition.
        billing_config (None | PlanPhaseRequestBillingConfigType0 | Unset): Phase-level billing; overrides the options'
            billingStrategy.
        ident (None | str | Unset):
        linked_options (list[PlanPhaseRequestLinkedOptionsType0Item] | None | Unset):
        name (str | Unset):
        notice_period (None | PlanPhaseRequestNoticePeriodType0 | Unset): A time duration (sub-fields not published).
        options (list[OptionCommonFields] | None | Unset): Deprecated; create options with createOption_v2 and link
            them.
    """

    auto_renewal: bool | None | Unset = UNSET
    billing_config: None | PlanPhaseRequestBillingConfigType0 | Unset = UNSET
    ident: None | str | Unset = UNSET
    linked_options: list[PlanPhaseRequestLinkedOptionsType0Item] | None | Unset = UNSET
    name: str | Unset = UNSET
    notice_period: None | PlanPhaseRequestNoticePeriodType0 | Unset = UNSET
    options: list[OptionCommonFields] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.option_common_fields import OptionCommonFields  # noqa: PLC0415
        from ..models.plan_phase_request_billing_config_type_0 import PlanPhaseRequestBillingConfigType0  # noqa: PLC0415
        from ..models.plan_phase_request_notice_period_type_0 import PlanPhaseRequestNoticePeriodType0  # noqa: PLC0415

        auto_renewal: bool | None | Unset
        if isinstance(self.auto_renewal, Unset):
            auto_renewal = UNSET
        else:
            auto_renewal = self.auto_renewal

        billing_config: dict[str, Any] | None | Unset
        if isinstance(self.billing_config, Unset):
            billing_config = UNSET
        elif isinstance(self.billing_config, PlanPhaseRequestBillingConfigType0):
            billing_config = self.billing_config.to_dict()
        else:
            billing_config = self.billing_config

        ident: None | str | Unset
        if isinstance(self.ident, Unset):
            ident = UNSET
        else:
            ident = self.ident

        linked_options: list[dict[str, Any]] | None | Unset
        if isinstance(self.linked_options, Unset):
            linked_options = UNSET
        elif isinstance(self.linked_options, list):
            linked_options = []
            for linked_options_type_0_item_data in self.linked_options:
                linked_options_type_0_item = linked_options_type_0_item_data.to_dict()
                linked_options.append(linked_options_type_0_item)

        else:
            linked_options = self.linked_options

        name = self.name

        notice_period: dict[str, Any] | None | Unset
        if isinstance(self.notice_period, Unset):
            notice_period = UNSET
        elif isinstance(self.notice_period, PlanPhaseRequestNoticePeriodType0):
            notice_period = self.notice_period.to_dict()
        else:
            notice_period = self.notice_period

        options: list[dict[str, Any]] | None | Unset
        if isinstance(self.options, Unset):
            options = UNSET
        elif isinstance(self.options, list):
            options = []
            for options_type_0_item_data in self.options:
                options_type_0_item: dict[str, Any]
                if isinstance(options_type_0_item_data, OptionCommonFields):
                    options_type_0_item = options_type_0_item_data.to_dict()

                options.append(options_type_0_item)

        else:
            options = self.options

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if auto_renewal is not UNSET:
            field_dict["autoRenewal"] = auto_renewal
        if billing_config is not UNSET:
            field_dict["billingConfig"] = billing_config
        if ident is not UNSET:
            field_dict["ident"] = ident
        if linked_options is not UNSET:
            field_dict["linkedOptions"] = linked_options
        if name is not UNSET:
            field_dict["name"] = name
        if notice_period is not UNSET:
            field_dict["noticePeriod"] = notice_period
        if options is not UNSET:
            field_dict["options"] = options

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.option_common_fields import OptionCommonFields  # noqa: PLC0415
        from ..models.plan_phase_request_billing_config_type_0 import PlanPhaseRequestBillingConfigType0  # noqa: PLC0415
        from ..models.plan_phase_request_linked_options_type_0_item import PlanPhaseRequestLinkedOptionsType0Item  # noqa: PLC0415
        from ..models.plan_phase_request_notice_period_type_0 import PlanPhaseRequestNoticePeriodType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_auto_renewal(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        auto_renewal = _parse_auto_renewal(d.pop("autoRenewal", UNSET))

        def _parse_billing_config(data: object) -> None | PlanPhaseRequestBillingConfigType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                billing_config_type_0 = PlanPhaseRequestBillingConfigType0.from_dict(data)

                return billing_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanPhaseRequestBillingConfigType0 | Unset, data)

        billing_config = _parse_billing_config(d.pop("billingConfig", UNSET))

        def _parse_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        ident = _parse_ident(d.pop("ident", UNSET))

        def _parse_linked_options(data: object) -> list[PlanPhaseRequestLinkedOptionsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                linked_options_type_0 = []
                _linked_options_type_0 = data
                for linked_options_type_0_item_data in _linked_options_type_0:
                    linked_options_type_0_item = PlanPhaseRequestLinkedOptionsType0Item.from_dict(
                        linked_options_type_0_item_data
                    )

                    linked_options_type_0.append(linked_options_type_0_item)

                return linked_options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PlanPhaseRequestLinkedOptionsType0Item] | None | Unset, data)

        linked_options = _parse_linked_options(d.pop("linkedOptions", UNSET))

        name = d.pop("name", UNSET)

        def _parse_notice_period(data: object) -> None | PlanPhaseRequestNoticePeriodType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                notice_period_type_0 = PlanPhaseRequestNoticePeriodType0.from_dict(data)

                return notice_period_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanPhaseRequestNoticePeriodType0 | Unset, data)

        notice_period = _parse_notice_period(d.pop("noticePeriod", UNSET))

        def _parse_options(data: object) -> list[OptionCommonFields] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                options_type_0 = []
                _options_type_0 = data
                for options_type_0_item_data in _options_type_0:

                    def _parse_options_type_0_item(data: object) -> OptionCommonFields:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_option_creation_request_type_0 = OptionCommonFields.from_dict(data)

                        return componentsschemas_option_creation_request_type_0

                    options_type_0_item = _parse_options_type_0_item(options_type_0_item_data)

                    options_type_0.append(options_type_0_item)

                return options_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[OptionCommonFields] | None | Unset, data)

        options = _parse_options(d.pop("options", UNSET))

        plan_phase_request = cls(
            auto_renewal=auto_renewal,
            billing_config=billing_config,
            ident=ident,
            linked_options=linked_options,
            name=name,
            notice_period=notice_period,
            options=options,
        )

        plan_phase_request.additional_properties = d
        return plan_phase_request

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
