from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_phase_request import PlanPhaseRequest
    from ..models.plan_request_pending_contract_terms_type_0 import PlanRequestPendingContractTermsType0


T = TypeVar("T", bound="PlanRequest")


@_attrs_define
class PlanRequest:
    """A plan (the update body; the create body is assumed to be the same). The field list is cut off; further fields pass
    through.

        Attributes:
            name (str):
            phases (list[PlanPhaseRequest]):
            business_segment_id (int | None | Unset): Deprecated; use businessSegmentIdent.
            business_segment_ident (None | str | Unset): Should be set (otherwise the deprecated id is used).
            individual_plan (bool | None | Unset): An individual plan can be assigned to one contract only.
            initial_phase (None | str | Unset): The ident of the first phase.
            pending_contract_terms (None | PlanRequestPendingContractTermsType0 | Unset): Terms between signing and contract
                start (sub-fields not published).
    """

    name: str
    phases: list[PlanPhaseRequest]
    business_segment_id: int | None | Unset = UNSET
    business_segment_ident: None | str | Unset = UNSET
    individual_plan: bool | None | Unset = UNSET
    initial_phase: None | str | Unset = UNSET
    pending_contract_terms: None | PlanRequestPendingContractTermsType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.plan_request_pending_contract_terms_type_0 import PlanRequestPendingContractTermsType0  # noqa: PLC0415

        name = self.name

        phases = []
        for phases_item_data in self.phases:
            phases_item = phases_item_data.to_dict()
            phases.append(phases_item)

        business_segment_id: int | None | Unset
        if isinstance(self.business_segment_id, Unset):
            business_segment_id = UNSET
        else:
            business_segment_id = self.business_segment_id

        business_segment_ident: None | str | Unset
        if isinstance(self.business_segment_ident, Unset):
            business_segment_ident = UNSET
        else:
            business_segment_ident = self.business_segment_ident

        individual_plan: bool | None | Unset
        if isinstance(self.individual_plan, Unset):
            individual_plan = UNSET
        else:
            individual_plan = self.individual_plan

        initial_phase: None | str | Unset
        if isinstance(self.initial_phase, Unset):
            initial_phase = UNSET
        else:
            initial_phase = self.initial_phase

        pending_contract_terms: dict[str, Any] | None | Unset
        if isinstance(self.pending_contract_terms, Unset):
            pending_contract_terms = UNSET
        elif isinstance(self.pending_contract_terms, PlanRequestPendingContractTermsType0):
            pending_contract_terms = self.pending_contract_terms.to_dict()
        else:
            pending_contract_terms = self.pending_contract_terms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "phases": phases,
            }
        )
        if business_segment_id is not UNSET:
            field_dict["businessSegmentId"] = business_segment_id
        if business_segment_ident is not UNSET:
            field_dict["businessSegmentIdent"] = business_segment_ident
        if individual_plan is not UNSET:
            field_dict["individualPlan"] = individual_plan
        if initial_phase is not UNSET:
            field_dict["initialPhase"] = initial_phase
        if pending_contract_terms is not UNSET:
            field_dict["pendingContractTerms"] = pending_contract_terms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_phase_request import PlanPhaseRequest  # noqa: PLC0415
        from ..models.plan_request_pending_contract_terms_type_0 import PlanRequestPendingContractTermsType0  # noqa: PLC0415

        d = dict(src_dict)
        if "name" not in d:
            raise MissingRequiredField("PlanRequest", "name")
        name = d.pop("name")

        if "phases" not in d:
            raise MissingRequiredField("PlanRequest", "phases")
        phases = []
        _phases = d.pop("phases")
        for phases_item_data in _phases:
            phases_item = PlanPhaseRequest.from_dict(phases_item_data)

            phases.append(phases_item)

        def _parse_business_segment_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        business_segment_id = _parse_business_segment_id(d.pop("businessSegmentId", UNSET))

        def _parse_business_segment_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        business_segment_ident = _parse_business_segment_ident(d.pop("businessSegmentIdent", UNSET))

        def _parse_individual_plan(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        individual_plan = _parse_individual_plan(d.pop("individualPlan", UNSET))

        def _parse_initial_phase(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        initial_phase = _parse_initial_phase(d.pop("initialPhase", UNSET))

        def _parse_pending_contract_terms(data: object) -> None | PlanRequestPendingContractTermsType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pending_contract_terms_type_0 = PlanRequestPendingContractTermsType0.from_dict(data)

                return pending_contract_terms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanRequestPendingContractTermsType0 | Unset, data)

        pending_contract_terms = _parse_pending_contract_terms(d.pop("pendingContractTerms", UNSET))

        plan_request = cls(
            name=name,
            phases=phases,
            business_segment_id=business_segment_id,
            business_segment_ident=business_segment_ident,
            individual_plan=individual_plan,
            initial_phase=initial_phase,
            pending_contract_terms=pending_contract_terms,
        )

        plan_request.additional_properties = d
        return plan_request

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
