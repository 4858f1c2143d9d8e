from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import MissingRequiredField
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_phase import PlanPhase


T = TypeVar("T", bound="Plan")


@_attrs_define
class Plan:
    """A plan as the API answers (body not published; anything the server sends is kept). Public client code (2021) reads
    `planId`, `planIdent`, `name` and `phases[].options[].name/itemPriceNet/currency`.

        Attributes:
            plan_id (int):
            plan_ident (None | str | Unset):
            name (str | Unset):
            phases (list[PlanPhase] | None | Unset):
    """

    plan_id: int
    plan_ident: None | str | Unset = UNSET
    name: str | Unset = UNSET
    phases: list[PlanPhase] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        plan_ident: None | str | Unset
        if isinstance(self.plan_ident, Unset):
            plan_ident = UNSET
        else:
            plan_ident = self.plan_ident

        name = self.name

        phases: list[dict[str, Any]] | None | Unset
        if isinstance(self.phases, Unset):
            phases = UNSET
        elif isinstance(self.phases, list):
            phases = []
            for phases_type_0_item_data in self.phases:
                phases_type_0_item = phases_type_0_item_data.to_dict()
                phases.append(phases_type_0_item)

        else:
            phases = self.phases

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "planId": plan_id,
            }
        )
        if plan_ident is not UNSET:
            field_dict["planIdent"] = plan_ident
        if name is not UNSET:
            field_dict["name"] = name
        if phases is not UNSET:
            field_dict["phases"] = phases

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_phase import PlanPhase  # noqa: PLC0415

        d = dict(src_dict)
        if "planId" not in d:
            raise MissingRequiredField("Plan", "planId")
        plan_id = d.pop("planId")

        def _parse_plan_ident(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_ident = _parse_plan_ident(d.pop("planIdent", UNSET))

        name = d.pop("name", UNSET)

        def _parse_phases(data: object) -> list[PlanPhase] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                phases_type_0 = []
                _phases_type_0 = data
                for phases_type_0_item_data in _phases_type_0:
                    phases_type_0_item = PlanPhase.from_dict(phases_type_0_item_data)

                    phases_type_0.append(phases_type_0_item)

                return phases_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[PlanPhase] | None | Unset, data)

        phases = _parse_phases(d.pop("phases", UNSET))

        plan = cls(
            plan_id=plan_id,
            plan_ident=plan_ident,
            name=name,
            phases=phases,
        )

        plan.additional_properties = d
        return plan

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
