"""Operations of an OpenAPI document and the HTTP request one call of them needs.

Pure functions: no I/O, so ``nitrobox call`` can be tested on a small spec without a server.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._bundled_spec import resolve
from nitrobox_auth._strict_json import json_type_name
from nitrobox_auth.cli._errors import CommandError, UnknownOperationError

_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
_SENDABLE_LOCATIONS = ("path", "query", "header")


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    required: bool
    is_array: bool


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    summary: str
    parameters: tuple[Parameter, ...]
    has_body: bool
    body_required: bool
    # The JSON type the documented body must have ("object", "array"), when it says.
    body_type: str | None = None


@dataclass(frozen=True)
class PreparedRequest:
    method: str
    path: str
    query: list[tuple[str, str]] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    json_body: Any = None
    has_body: bool = False


def _parameter(spec: Mapping[str, Any], raw: Any) -> Parameter:
    node = resolve(spec, raw)
    schema = resolve(spec, node.get("schema", {}))
    location = str(node["in"])
    return Parameter(
        name=str(node["name"]),
        location=location,
        required=bool(node.get("required", location == "path")),
        is_array=isinstance(schema, Mapping) and schema.get("type") == "array",
    )


def operations(spec: Mapping[str, Any]) -> dict[str, Operation]:
    """Every operation that has an ``operationId``, keyed by it."""
    found: dict[str, Operation] = {}
    for path, raw_item in spec.get("paths", {}).items():
        item = resolve(spec, raw_item)
        shared = [_parameter(spec, p) for p in item.get("parameters", [])]
        for method in _METHODS:
            raw_op = item.get(method)
            if not isinstance(raw_op, Mapping) or "operationId" not in raw_op:
                continue
            # Operation-level parameters override path-level ones with the same name and place.
            merged = {(p.name, p.location): p for p in shared}
            for raw in raw_op.get("parameters", []):
                param = _parameter(spec, raw)
                merged[(param.name, param.location)] = param
            body = resolve(spec, raw_op["requestBody"]) if "requestBody" in raw_op else None
            op_id = str(raw_op["operationId"])
            found[op_id] = Operation(
                operation_id=op_id,
                method=method.upper(),
                path=str(path),
                summary=str(raw_op.get("summary", "")),
                parameters=tuple(merged.values()),
                has_body=body is not None,
                body_required=bool(body and body.get("required", False)),
                body_type=_json_body_type(spec, body),
            )
    return found


def find_operation(ops: Mapping[str, Operation], operation_id: str) -> Operation:
    """Look up an operation; a case-insensitive match is accepted when it is unambiguous."""
    if operation_id in ops:
        return ops[operation_id]
    folded = [name for name in ops if name.lower() == operation_id.lower()]
    if len(folded) == 1:
        return ops[folded[0]]
    raise UnknownOperationError(operation_id, suggest(ops, operation_id))


def suggest(ops: Mapping[str, Operation], operation_id: str, limit: int = 5) -> list[str]:
    """Close spellings first, then IDs that contain what was typed."""
    by_lower = {name.lower(): name for name in ops}
    close = difflib.get_close_matches(operation_id.lower(), list(by_lower), n=limit, cutoff=0.6)
    picked = [by_lower[name] for name in close]
    needle = operation_id.lower()
    for name in sorted(ops):
        if len(picked) >= limit:
            break
        if needle and needle in name.lower() and name not in picked:
            picked.append(name)
    return picked


def parse_params(items: Sequence[str]) -> list[tuple[str, str]]:
    """``["a=1", "b=x=y"]`` -> ``[("a", "1"), ("b", "x=y")]``; the first ``=`` splits."""
    pairs: list[tuple[str, str]] = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise CommandError(f"--param expects NAME=VALUE, got {item!r}")
        pairs.append((name, value))
    return pairs


def _json_body_type(spec: Mapping[str, Any], body: Any) -> str | None:
    if not isinstance(body, Mapping):
        return None
    media = (body.get("content") or {}).get("application/json")
    if not isinstance(media, Mapping):
        return None
    schema = resolve(spec, media.get("schema") or {})
    kind = schema.get("type") if isinstance(schema, Mapping) else None
    return kind if isinstance(kind, str) else None


# Deeper than any Nitrobox body; far below where the JSON parser would recurse too deep.
MAX_JSON_DEPTH = 64


def parse_json_body(text: str, *, source: str) -> Any:
    """Strict JSON (see :mod:`nitrobox_auth._strict_json`), at most 64 levels deep."""
    try:
        return strict_json.loads(text, max_depth=MAX_JSON_DEPTH)
    except strict_json.StrictJSONError as exc:
        raise CommandError(f"{source} is not valid JSON: {exc.reason}") from None


def build_request(
    op: Operation,
    params: Sequence[tuple[str, str]],
    *,
    body: Any = None,
    has_body: bool = False,
) -> PreparedRequest:
    """Place each ``NAME=VALUE`` where the spec says it goes; refuse what the spec lacks."""
    by_name: dict[str, Parameter] = {}
    for p in op.parameters:
        # A name used in two places (rare) is taken for the path, then the query.
        by_name.setdefault(p.name, p)
    given: dict[str, list[str]] = {}
    for name, value in params:
        if name not in by_name:
            known = ", ".join(sorted(by_name)) or "none"
            raise CommandError(
                f"{op.operation_id} has no parameter {name!r} (its parameters: {known})"
            )
        given.setdefault(name, []).append(value)

    missing = [p.name for p in op.parameters if p.required and p.name not in given]
    if missing:
        raise CommandError(
            f"{op.operation_id} needs " + ", ".join(f"--param {m}=..." for m in missing)
        )

    path = op.path
    query: list[tuple[str, str]] = []
    headers: dict[str, str] = {}
    for name, values in given.items():
        param = by_name[name]
        if param.location not in _SENDABLE_LOCATIONS:
            raise CommandError(
                f"{op.operation_id}: {param.location} parameter {name!r} is not supported"
            )
        if len(values) > 1 and not (param.location == "query" and param.is_array):
            raise CommandError(f"{op.operation_id}: parameter {name!r} takes one value")
        if param.location == "path":
            path = path.replace("{" + name + "}", quote(values[0], safe=""))
        elif param.location == "query":
            query.extend((name, value) for value in values)
        else:
            headers[name] = values[0]

    if has_body and not op.has_body:
        raise CommandError(f"{op.operation_id} ({op.method} {op.path}) takes no request body")
    if has_body and op.body_type == "object" and not isinstance(body, dict):
        raise CommandError(
            f"{op.operation_id} takes a JSON object as its body, not a JSON "
            f"{json_type_name(body)}: --json '{{...}}'"
        )
    if has_body and op.body_type == "array" and not isinstance(body, list):
        raise CommandError(
            f"{op.operation_id} takes a JSON array as its body, not a JSON {json_type_name(body)}"
        )
    if op.body_required and not has_body:
        raise CommandError(f"{op.operation_id} needs a JSON body: --json '{{...}}' or --json @FILE")
    return PreparedRequest(
        method=op.method,
        path=path,
        query=query,
        headers=headers,
        json_body=body,
        has_body=has_body,
    )
