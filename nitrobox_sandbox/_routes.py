"""What each spec operation does to the store, read from its method and path.

``POST /v2/customers`` creates in ``customers``; ``GET /v2/customers/{ident}`` retrieves;
``/v2/customers/{ident}/addresses`` is the child collection ``customers/addresses``;
``.../unpaged`` is an unpaged query; paths with ``actions`` act on an existing item.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from nitrobox_sandbox._spec import Operation, Spec

Kind = Literal[
    "create", "query", "retrieve", "update", "delete", "action", "billing_run", "file", "details"
]
_VERSION = re.compile(r"^(v\d+|api)$")
# Literal last segments that name another query of the collection before them, not a child
# collection: the deprecated unpaged list (`/v2/customers/unpaged`) and the paged plans query
# (`/v2/plans/pageable`, because `GET /v2/plans` is the plain list there).
_QUERY_VARIANTS = ("unpaged", "pageable")
# `GET /v2/contracts/{contractIdent}/details`: a view of one item, not a collection.
_ITEM_VIEWS = ("details",)


@dataclass(frozen=True)
class Plan:
    """How the sandbox serves one operation."""

    kind: Kind
    collection: str | None = None
    item_param: str | None = None
    parent_collection: str | None = None
    parent_param: str | None = None
    upsert: bool = False


def plan_operation(op: Operation) -> Plan:
    segments = list(op.segments)
    if segments and _VERSION.match(segments[0]):
        segments = segments[1:]
    literals = [s.lower().replace("-", "").replace("_", "") for s in segments if "{" not in s]
    if op.method == "POST" and "billingrun" in literals:
        return Plan("billing_run")
    if op.method == "GET" and segments[:1] == ["files"] and len(segments) == 2:
        return Plan("file", item_param=_param(segments[1]))
    chain = _chain(segments)
    if len(chain) > 1 and chain[-1][1] is None and chain[-1][0] in _QUERY_VARIANTS:
        chain = chain[:-1]
    item_view = (
        op.method == "GET"
        and len(chain) > 1
        and chain[-1][1] is None
        and chain[-1][0] in _ITEM_VIEWS
        and chain[-2][1] is not None
    )
    if item_view:
        return _with_parent(Plan("details"), chain[:-1])
    if "actions" in (name for name, _ in chain):
        target = chain[: [name for name, _ in chain].index("actions")]
        return _with_parent(Plan("action"), target) if target and target[-1][1] else Plan("action")
    if not chain:
        return Plan("action")
    collection = "/".join(name for name, _ in chain)
    last_param = chain[-1][1]
    words = f"{op.operation_id} {op.definition.get('summary', '')}".lower()
    upsert = "createorupdate" in words.replace(" ", "") or "create or update" in words
    parent = _parent(chain)
    if last_param is None:
        kind: Kind = {"POST": "create", "GET": "query"}.get(op.method, "action")  # type: ignore[assignment]
        return Plan(kind, collection, None, *parent, upsert=upsert)
    kind = {"GET": "retrieve", "PUT": "update", "PATCH": "update", "DELETE": "delete"}.get(
        op.method, "action"
    )  # type: ignore[assignment]
    if kind == "action":
        return _with_parent(Plan("action"), chain)
    return Plan(kind, collection, last_param, *parent, upsert=upsert)


def _chain(segments: list[str]) -> list[tuple[str, str | None]]:
    chain: list[tuple[str, str | None]] = []
    for segment in segments:
        if "{" in segment:
            if chain and chain[-1][1] is None:
                chain[-1] = (chain[-1][0], _param(segment))
            else:
                chain.append(("", _param(segment)))
        else:
            chain.append((segment, None))
    return chain


def _parent(chain: list[tuple[str, str | None]]) -> tuple[str | None, str | None]:
    if len(chain) < 2 or chain[-2][1] is None:
        return None, None
    return "/".join(name for name, _ in chain[:-1]), chain[-2][1]


def _with_parent(plan: Plan, target: list[tuple[str, str | None]]) -> Plan:
    """An action on the item ``target`` names (which must exist)."""
    return Plan(
        plan.kind,
        collection="/".join(name for name, _ in target),
        item_param=target[-1][1],
    )


def _param(segment: str) -> str:
    return segment.strip("{}")


@dataclass(frozen=True)
class Identity:
    """How a collection's items are named: a client-chosen ident and a numeric id.

    ``ident_field`` keys the store. ``id_field`` holds the numeric id the sandbox assigns
    (Nitrobox's deprecated numeric references: ``contractId``, ``debtorId``, ``planId``);
    ``numeric`` means the collection is addressed only by that number.
    """

    ident_field: str
    id_field: str
    numeric: bool


# Nitrobox's numeric references call a customer a debtor (Contract.debtorId, Usage.debtorId).
_ID_FIELD_OVERRIDES = {"customers": "debtorId"}


def identity(
    spec: Spec, collection: str, create: Operation | None, numeric_param: str | None
) -> Identity:
    """Nitrobox names the ident ``<resource>Ident`` (``contractIdent``) or ``ident``; the
    first candidate the create body or its answer documents wins. A collection addressed
    by an integer path parameter (``/v2/debtors/{debtorId}/addresses/{addressId}``) and
    without a documented ident is keyed by that number."""
    last = collection.rsplit("/", 1)[-1]
    words = [w for w in re.split(r"[-_]", last) if w]
    singular = [*words[:-1], _singular(words[-1])] if words else ["item"]
    camel = singular[0] + "".join(w.title() for w in singular[1:])
    id_field = _ID_FIELD_OVERRIDES.get(collection, f"{camel}Id")
    candidates = [f"{camel}Ident", f"{singular[-1]}Ident", "ident"]
    documented: set[str] = set()
    if create is not None:
        documented |= _properties(spec, create.definition.get("requestBody"))
        response = spec.success_response(create)
        if response.schema_pointer:
            documented |= set(_schema_properties(spec, spec.at("#" + response.schema_pointer)))
    found = next((c for c in candidates if c in documented), None)
    if found is None and numeric_param is not None:
        return Identity(numeric_param, numeric_param, True)
    return Identity(found or candidates[0], id_field, False)


def _properties(spec: Spec, body: Any) -> set[str]:
    body = spec.resolve(body)
    if not isinstance(body, Mapping):
        return set()
    content = body.get("content") or {}
    names: set[str] = set()
    for media in content.values():
        names |= set(_schema_properties(spec, media.get("schema")))
    return names


def _schema_properties(spec: Spec, schema: Any) -> dict[str, Any]:
    schema = spec.resolve(schema)
    if not isinstance(schema, Mapping):
        return {}
    properties = dict(schema.get("properties", {}))
    for key in ("allOf", "oneOf", "anyOf"):
        for part in schema.get(key, []):
            properties.update(_schema_properties(spec, part))
    return properties


def _singular(word: str) -> str:
    lowered = word.lower()
    if lowered.endswith("sses"):
        return word[:-2]
    if lowered.endswith("ies"):
        return word[:-3] + "y"
    if lowered.endswith("s") and not lowered.endswith("ss"):
        return word[:-1]
    return word
