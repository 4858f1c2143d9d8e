"""Fast checks of path, query and header parameters against the spec.

openapi-core validates parameters correctly but spends about a millisecond on each one,
absent ones included; queries carry six of them. Parameters in this spec are primitive
values (or arrays of them) in the default styles, which this module casts and checks
with a jsonschema validator compiled once per parameter. Operations with any other kind
of parameter are left to openapi-core (``compile_rules`` answers ``None``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from openapi_schema_validator import (
    OAS30Validator,
    OAS31Validator,
    oas30_format_checker,
    oas31_format_checker,
)

from nitrobox_sandbox._prechecks import matches, plain_pattern
from nitrobox_sandbox._responses import FieldProblem
from nitrobox_sandbox._spec import Operation, Spec

_PRIMITIVES = ("string", "integer", "number", "boolean")
_INTEGER = re.compile(r"[-+]?\d+", re.ASCII)  # int() reads more digits than a client means
_DEFAULT_STYLE = {"query": "form", "path": "simple", "header": "simple"}
# Keywords a validator only reads as notes.
_ANNOTATIONS = frozenset({"description", "example", "examples", "default", "title", "deprecated"})
_STRING_KEYWORDS = frozenset({"type", "format", "minLength", "maxLength", "enum", "pattern"})


class MultiMapping(Protocol):
    def getlist(self, key: Any) -> list[str]: ...


@dataclass(frozen=True)
class ParameterRule:
    name: str
    location: str
    required: bool
    kind: str
    item_kind: str | None
    validator: Any
    default: Any
    # passes only values the validator finds nothing wrong with (see _quick_check)
    quick: Callable[[Any], bool] | None = None


def compile_rules(spec: Spec, op: Operation) -> list[ParameterRule] | None:
    """The rules for ``op``'s parameters, or ``None`` if one needs openapi-core."""
    path_item = spec.at("#" + op.pointer.rsplit("/", 1)[0])
    merged: dict[tuple[str, str], Mapping[str, Any]] = {}
    for raw in [*path_item.get("parameters", []), *op.definition.get("parameters", [])]:
        parameter = spec.resolve(raw)
        merged[(parameter["in"], parameter["name"])] = parameter  # the operation's wins
    rules = []
    for (location, name), parameter in merged.items():
        if location == "cookie" or "content" in parameter:
            return None
        if parameter.get("style", _DEFAULT_STYLE[location]) != _DEFAULT_STYLE[location]:
            return None
        schema = spec.resolve(parameter.get("schema", {}))
        kind = schema.get("type", "string")
        item_kind = None
        if kind == "array":
            item_kind = spec.resolve(schema.get("items", {})).get("type", "string")
            if location != "query" or parameter.get("explode", True) is False:
                return None
        if kind not in _PRIMITIVES and not (kind == "array" and item_kind in _PRIMITIVES):
            return None
        root = {**schema, "components": spec.document.get("components", {})}
        cls = OAS31Validator if spec.is_31 else OAS30Validator
        checker = oas31_format_checker if spec.is_31 else oas30_format_checker
        rules.append(
            ParameterRule(
                name=name,
                location=location,
                required=bool(parameter.get("required")) or location == "path",
                kind=kind,
                item_kind=item_kind,
                validator=cls(root, format_checker=checker),
                default=schema.get("default"),
                quick=_quick_check(schema, checker),
            )
        )
    return rules


def check_parameters(
    rules: Sequence[ParameterRule],
    *,
    query: MultiMapping,
    path: Mapping[str, str],
    headers: Mapping[str, str],
) -> tuple[dict[str, Any], list[FieldProblem]]:
    """The typed query parameters, and an error for each parameter that is wrong."""
    typed: dict[str, Any] = {}
    errors: list[FieldProblem] = []
    for rule in rules:
        raw: list[str]
        if rule.location == "query":
            raw = query.getlist(rule.name)
        elif rule.location == "path":
            raw = [path[rule.name]] if rule.name in path else []
        else:
            raw = [headers[rule.name]] if rule.name in headers else []
        if not raw:
            if rule.required:
                errors.append(FieldProblem(rule.name, "must not be null", None))
            elif rule.location == "query" and rule.default is not None:
                typed[rule.name] = rule.default
            continue
        shown: Any = raw if rule.kind == "array" else raw[-1]
        try:
            if rule.kind == "array":
                value: Any = [_cast(rule.item_kind or "string", item) for item in raw]
            else:
                value = _cast(rule.kind, raw[-1])
        except ValueError:
            what = rule.item_kind if rule.kind == "array" else rule.kind
            errors.append(FieldProblem(rule.name, f"cannot be read as {what}", shown))
            continue
        problems = (
            []
            if rule.quick is not None and rule.quick(value)
            else [e.message for e in rule.validator.iter_errors(value)]
        )
        errors.extend(FieldProblem(rule.name, message, shown) for message in problems)
        if rule.location == "query" and not problems:
            typed[rule.name] = value
    return typed, errors


def _quick_check(schema: Mapping[str, Any], checker: Any) -> Callable[[Any], bool] | None:
    """A check for the parameter schemas most operations have (a string with lengths, an
    enum or a plain ASCII pattern; an integer with bounds; a boolean; each with a format)
    that passes only values the schema validator passes too, at a fraction of its cost.

    What it does not pass goes to the validator, which decides and words the errors; any
    other schema (``None``) always does.
    """
    keywords = {k for k in schema if not k.startswith("x-")} - _ANNOTATIONS
    kind = schema.get("type")
    fmt = schema.get("format")

    def formatted(value: Any) -> bool:
        return fmt is None or bool(checker.conforms(value, fmt))

    if kind == "boolean" and keywords <= {"type", "format"}:
        return lambda value: isinstance(value, bool) and formatted(value)
    if kind == "integer" and keywords <= {"type", "format", "minimum", "maximum"}:
        low, high = schema.get("minimum"), schema.get("maximum")
        if not all(_is_number(b) for b in (low, high) if b is not None):
            return None
        return lambda value: (
            isinstance(value, int)
            and not isinstance(value, bool)
            and (low is None or value >= low)
            and (high is None or value <= high)
            and formatted(value)
        )
    if kind != "string" or not keywords <= _STRING_KEYWORDS:
        return None
    shortest, longest = schema.get("minLength", 0), schema.get("maxLength")
    enum, pattern = schema.get("enum"), schema.get("pattern")
    if not isinstance(shortest, int) or not isinstance(longest, int | None):
        return None
    if enum is not None and not (isinstance(enum, list) and all(isinstance(v, str) for v in enum)):
        return None
    compiled = plain_pattern(pattern) if pattern is not None else None
    if pattern is not None and compiled is None:
        return None
    return lambda value: (
        isinstance(value, str)
        and len(value) >= shortest
        and (longest is None or len(value) <= longest)
        and (enum is None or value in enum)
        and (compiled is None or matches(compiled, value))
        and formatted(value)
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _cast(kind: str, raw: str) -> Any:
    if kind == "integer":
        if not _INTEGER.fullmatch(raw.strip()):
            raise ValueError(raw)
        return int(raw)
    if kind == "number":
        number = float(raw)
        if not math.isfinite(number):
            raise ValueError(raw)
        return number
    if kind == "boolean":
        lowered = raw.lower()
        if lowered not in ("true", "false"):
            raise ValueError(raw)
        return lowered == "true"
    return raw
