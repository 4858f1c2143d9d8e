"""Contract views beyond plain storage: the details of a contract, and the numeric ids that
Nitrobox's older fields send as strings.

``GET /v2/contracts/{contractIdent}/details`` answers ``optionQuantities[].optionQuantity[]``
(the one path Nitrobox's staff demo reads), built from what the contract was created with:
its ``contractItems`` and the options of its plan's phases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from nitrobox_sandbox._store import Record

if TYPE_CHECKING:
    from nitrobox_sandbox._handlers import Handlers

PLANS = "plans"
_DIGITS = re.compile(r"[0-9]{1,19}")
# Body fields holding a numeric id that Nitrobox's staff code sends as a JSON string
# (`"contractId": "2118902"`); the spec accepts both forms and the sandbox stores the number,
# as Jackson would coerce it.
NUMERIC_ID_FIELDS = ("contractId", "debtorId")


def coerce_numeric_ids(body: dict[str, Any]) -> None:
    """Turn a digit-string ``contractId``/``debtorId`` into the number it names, in place."""
    for name in NUMERIC_ID_FIELDS:
        value = body.get(name)
        if isinstance(value, str) and _DIGITS.fullmatch(value):
            body[name] = int(value)


def contract_details(handlers: Handlers, contract: Record) -> dict[str, Any]:
    """The details answer of one stored contract."""
    quantities = list(_option_quantities(handlers, contract.data))
    return {"optionQuantities": [{"optionQuantity": quantities}] if quantities else []}


def _option_quantities(handlers: Handlers, data: Mapping[str, Any]) -> Iterator[dict[str, Any]]:
    seen: set[str] = set()
    for item in _mappings(data.get("contractItems")):
        ident = item.get("optionIdent")
        if isinstance(ident, str) and ident not in seen:
            seen.add(ident)
            entry: dict[str, Any] = {"optionIdent": ident}
            if isinstance(item.get("quantity"), int | float):
                entry["quantity"] = item["quantity"]
            yield entry
    plan_id = data.get("planId")
    plan = handlers.lookup(PLANS, str(plan_id), by_id=True) if plan_id is not None else None
    if plan is None:
        return
    for phase in _mappings(plan.data.get("phases")):
        for option in [*_mappings(phase.get("options")), *_mappings(phase.get("linkedOptions"))]:
            ident = option.get("optionIdent")
            if isinstance(ident, str) and ident not in seen:
                seen.add(ident)
                yield {"optionIdent": ident}


def _mappings(value: Any) -> list[Mapping[str, Any]]:
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []
