"""What ``nitrobox probe`` will send: the GET operations of a spec, filled and ordered.

Pure functions over the spec document (no I/O), so the planning rules are tested without a
server. Path parameters are filled from the items of earlier list answers: the producer of a
parameter is found from the spec itself (the collection the path sits under, or any list whose
items declare a field of the parameter's name), with a small table only where names differ.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from nitrobox_auth._bundled_spec import resolve
from nitrobox_auth.api._page_envelope import PaginationError, read_page
from nitrobox_auth.cli._errors import CommandError
from nitrobox_auth.cli._operations import Operation

# Names so generic that a field of that name in some unrelated list says nothing.
_GENERIC_NAMES = frozenset({"ident", "id"})

# Where a path parameter's value comes from when neither the collection nor the field name
# tells: (consumer operationId, parameter) -> (producer operationId, field in its items).
# A file's ident is the number of a document (docs/spec.md: "pass it to retrieveFile").
EXPLICIT_SOURCES: Mapping[tuple[str, str], tuple[str, str]] = {
    ("retrieveFile", "ident"): ("queryDocuments", "ident"),
}

# The smallest valid page: the first one, one item (clamped to the schema's bounds).
_PAGING_DEFAULTS = {"page": 0, "size": 1}


@dataclass(frozen=True)
class Source:
    """A path parameter's value: the first of ``fields`` an item of ``producer`` has."""

    producer: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Step:
    """One operation of the run: what to send, or why it is skipped."""

    op: Operation
    query: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()
    given: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, Source] = field(default_factory=dict)
    skip: str | None = None

    @property
    def producers(self) -> set[str]:
        return {s.producer for s in self.sources.values()}


def parse_idents(
    items: Sequence[str], ops: Iterable[Operation], methods: Sequence[str] | None = ("GET",)
) -> dict[str, str]:
    """``["ident=c-1", "retrieveFile.ident=D-1"]`` -> the same as a dict.

    ``NAME=VALUE`` fills path parameter NAME in every GET (every operation when ``methods``
    is None: ``--writes``) that has it; ``OPERATION_ID.NAME=VALUE`` only in that operation
    (and wins over the plain form). A name no such path uses is refused, with the names that
    exist.
    """
    by_op = {
        op.operation_id: {p.name for p in op.parameters if p.location == "path"}
        for op in ops
        if methods is None or op.method in methods
    }
    names = set().union(*by_op.values()) if by_op else set()
    idents: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise CommandError(
                f"--ident expects NAME=VALUE or OPERATION_ID.NAME=VALUE with a non-empty value, "
                f"got {item!r}"
            )
        op_id, dot, name = key.rpartition(".")
        if dot:
            if op_id not in by_op:
                raise CommandError(
                    f"--ident {key}: there is no {'GET ' if methods else ''}operation {op_id!r}"
                )
            if name not in by_op[op_id]:
                listed = ", ".join(sorted(by_op[op_id])) or "none"
                raise CommandError(
                    f"--ident {key}: {op_id} has no path parameter {name!r} (its: {listed})"
                )
        elif key not in names:
            listed = ", ".join(sorted(names)) or "none"
            raise CommandError(
                f"--ident {key}: no {'GET ' if methods else ''}operation has a path parameter "
                f"{key!r} "
                f"(the path parameters: {listed})"
            )
        idents[key] = value
    return idents


def camel(segment: str) -> str:
    """``billing-groups`` -> ``billingGroups``."""
    words = [w for w in re.split(r"[-_]", segment) if w]
    return "".join([words[0].lower(), *(w[:1].upper() + w[1:] for w in words[1:])]) if words else ""


def singular(word: str) -> str:
    """``addresses`` -> ``address``, ``categories`` -> ``category``."""
    for plural, single in (("ies", "y"), ("sses", "ss"), ("ses", "s"), ("s", "")):
        if word.endswith(plural) and len(word) > len(plural):
            return word[: -len(plural)] + single
    return word


def _merged_properties(spec: Mapping[str, Any], schema: Any, depth: int = 0) -> dict[str, Any]:
    """The properties of an object schema, ``allOf`` parts merged in."""
    node = resolve(spec, schema)
    if not isinstance(node, Mapping) or depth > 8:
        return {}
    props: dict[str, Any] = {}
    for part in node.get("allOf", []):
        props.update(_merged_properties(spec, part, depth + 1))
    raw = node.get("properties", {})
    if isinstance(raw, Mapping):
        props.update(raw)
    return props


def json_schema(spec: Mapping[str, Any], raw_op: Mapping[str, Any]) -> Any:
    """The JSON schema of the first documented 2xx answer of an operation, if any."""
    for status, raw_response in raw_op.get("responses", {}).items():
        if not str(status).startswith("2"):
            continue
        content = resolve(spec, raw_response).get("content") or {}
        for media, body in content.items():
            if "json" in media:
                return body.get("schema")
    return None


def item_fields(spec: Mapping[str, Any], op: Operation) -> set[str]:
    """The fields the items of ``op``'s list answer declare, whatever envelope wraps them.

    A root array, or arrays one or two levels down: every place :func:`answer_items` looks
    in an answer (``content``, ``_embedded``, ``_embedded.<rel>``) and possibly more.
    """
    raw_op = resolve(spec, spec["paths"][op.path])[op.method.lower()]
    schema = resolve(spec, json_schema(spec, raw_op))
    fields: set[str] = set()
    for item in _item_schemas(spec, schema, depth=0):
        fields.update(_merged_properties(spec, item))
    return fields


def _item_schemas(spec: Mapping[str, Any], schema: Any, depth: int) -> list[Any]:
    node = resolve(spec, schema)
    if not isinstance(node, Mapping) or depth > 2:
        return []
    if node.get("type") == "array":
        return [node.get("items", {})]
    found: list[Any] = []
    for sub in _merged_properties(spec, node).values():
        found.extend(_item_schemas(spec, sub, depth + 1))
    return found


def answer_items(data: Any) -> list[Mapping[str, Any]]:
    """The objects of a list answer, found where the client's paging finds a page's items
    (:func:`~nitrobox_auth.api._page_envelope.read_page`: a root array, ``_embedded``,
    ``_embedded.<rel>``, ``content``); never a list elsewhere, such as ``_links``. An answer
    that is not a page gives no items."""
    try:
        return list(read_page(data, where="the answer").items)
    except PaginationError:
        return []


def first_value(data: Any, names: Sequence[str]) -> str | None:
    """The first item's value of the first of ``names`` it has, as it would go into a path."""
    for name in names:
        for item in answer_items(data):
            value = item.get(name)
            if isinstance(value, str | int) and not isinstance(value, bool) and str(value):
                return str(value)
    return None


def _collection_prefix(path: str, name: str) -> str:
    return path.split("/{" + name + "}", 1)[0]


def _find_source(
    op: Operation,
    name: str,
    gets: Mapping[str, Operation],
    fields_of: Mapping[str, set[str]],
) -> Source | None:
    explicit = EXPLICIT_SOURCES.get((op.operation_id, name))
    if explicit is not None and explicit[0] in gets:
        return Source(explicit[0], (explicit[1],))
    prefix = _collection_prefix(op.path, name)
    segment = prefix.rstrip("/").rsplit("/", 1)[-1]
    noun = singular(camel(segment))
    derived = [f"{noun}Ident", f"{noun}Id"]
    # A generic name (`ident`) says less than the collection's own field (`customerIdent`).
    if name in _GENERIC_NAMES:
        wanted = tuple(dict.fromkeys([*derived, name, *sorted(_GENERIC_NAMES)]))
    else:
        wanted = tuple(dict.fromkeys([name, *derived, *sorted(_GENERIC_NAMES)]))
    # The collection the path sits under, then lists below it (`/customers/unpaged`).
    collections = [
        o
        for o in gets.values()
        if o.operation_id != op.operation_id
        and (
            o.path == prefix
            or (o.path.startswith(prefix + "/") and "{" not in o.path[len(prefix) :])
        )
    ]
    collections.sort(key=lambda o: o.path != prefix)
    for candidate in wanted:
        for producer in collections:
            if candidate in fields_of[producer.operation_id]:
                return Source(producer.operation_id, (candidate,))
    # A collection whose items the spec leaves open: look for the names in its answer.
    for producer in collections:
        if not fields_of[producer.operation_id]:
            return Source(producer.operation_id, wanted)
    if collections or name in _GENERIC_NAMES:
        return None
    # No collection at all: any list whose items declare a field of exactly this name.
    for producer in gets.values():
        if producer.operation_id != op.operation_id and name in fields_of[producer.operation_id]:
            return Source(producer.operation_id, (name,))
    return None


def _query_value(spec: Mapping[str, Any], op: Operation, raw: Mapping[str, Any]) -> str | None:
    schema = resolve(spec, raw.get("schema", {}))
    schema = schema if isinstance(schema, Mapping) else {}
    named = raw.get("examples")
    if "example" in raw:
        value = raw["example"]
    elif isinstance(named, Mapping) and named:
        first = resolve(spec, next(iter(named.values())))
        if not isinstance(first, Mapping) or "value" not in first:
            return None
        value = first["value"]
    elif schema.get("enum"):
        value = schema["enum"][0]
    elif "default" in schema:
        value = schema["default"]
    elif "example" in schema:
        value = schema["example"]
    else:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return None if isinstance(value, list | dict) else str(value)


def _raw_parameters(spec: Mapping[str, Any], op: Operation) -> list[Mapping[str, Any]]:
    item = resolve(spec, spec["paths"][op.path])
    merged: dict[tuple[str, str], Mapping[str, Any]] = {}
    for raw in [*item.get("parameters", []), *item[op.method.lower()].get("parameters", [])]:
        node = resolve(spec, raw)
        merged[(str(node["name"]), str(node["in"]))] = node
    return list(merged.values())


def _paging_value(spec: Mapping[str, Any], raw: Mapping[str, Any]) -> str:
    schema = resolve(spec, raw.get("schema", {}))
    value = _PAGING_DEFAULTS[str(raw["name"])]
    if isinstance(schema, Mapping):
        low, high = schema.get("minimum"), schema.get("maximum")
        if isinstance(low, int | float) and value < low:
            value = int(low)
        if isinstance(high, int | float) and value > high:
            value = int(high)
    return str(value)


def _fill(
    spec: Mapping[str, Any],
    op: Operation,
    idents: Mapping[str, str],
    gets: Mapping[str, Operation],
    fields_of: Mapping[str, set[str]],
) -> Step:
    if op.method != "GET":
        return Step(op, skip=f"write operation ({op.method}): the probe only reads")
    query: list[tuple[str, str]] = []
    headers: list[tuple[str, str]] = []
    given: dict[str, str] = {}
    sources: dict[str, Source] = {}
    for raw in _raw_parameters(spec, op):
        name, location = str(raw["name"]), str(raw["in"])
        required = bool(raw.get("required", location == "path"))
        if location == "path":
            scoped = f"{op.operation_id}.{name}"
            if scoped in idents or name in idents:
                given[name] = idents.get(scoped, idents.get(name, ""))
                continue
            source = _find_source(op, name, gets, fields_of)
            if source is None:
                return Step(
                    op,
                    skip=f"no list answer of the spec holds {name}: give --ident {name}=VALUE",
                )
            sources[name] = source
        elif location == "query" and name in _PAGING_DEFAULTS:
            query.append((name, _paging_value(spec, raw)))
        elif required:
            value = _query_value(spec, op, raw)
            if value is None or location not in ("query", "header"):
                return Step(
                    op,
                    skip=(
                        f"required {location} parameter {name} has no enum, default or example "
                        "to send"
                    ),
                )
            (query if location == "query" else headers).append((name, value))
    if op.body_required:
        return Step(op, skip="a GET that needs a request body")
    return Step(op, tuple(query), tuple(headers), given, sources)


def plan(
    spec: Mapping[str, Any],
    ops: Mapping[str, Operation],
    idents: Mapping[str, str],
    selected: Sequence[str] = (),
) -> list[Step]:
    """Every operation (or ``selected`` and the producers they need), producers first.

    Operations keep the spec's order except where a consumer must wait for its producer; a
    consumer whose producers form a cycle is skipped.
    """
    gets = {oid: o for oid, o in ops.items() if o.method == "GET"}
    fields_of = {oid: item_fields(spec, o) for oid, o in gets.items()}
    steps = {oid: _fill(spec, o, idents, gets, fields_of) for oid, o in ops.items()}

    wanted = list(selected) if selected else list(ops)
    # --operation pulls in the producers its path parameters need, transitively.
    pending = list(wanted)
    included: list[str] = []
    while pending:
        oid = pending.pop(0)
        if oid in included:
            continue
        included.append(oid)
        pending.extend(sorted(steps[oid].producers))
    order = [oid for oid in ops if oid in included]

    placed: list[str] = []
    waiting = list(order)
    while waiting:
        ready = [oid for oid in waiting if steps[oid].producers <= set(placed)]
        if not ready:
            for oid in waiting:
                steps[oid] = Step(ops[oid], skip="its producers depend on each other (a cycle)")
            placed.extend(waiting)
            break
        # The first ready one keeps the spec order as far as dependencies allow.
        placed.append(ready[0])
        waiting.remove(ready[0])
    # Reads in run order, then the writes it leaves alone, so the table reads top-down.
    return [steps[oid] for oid in placed if ops[oid].method == "GET"] + [
        steps[oid] for oid in placed if ops[oid].method != "GET"
    ]
