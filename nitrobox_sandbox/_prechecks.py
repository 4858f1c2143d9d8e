"""Compiled pre-checks of request values: each passes only what the schema validator passes.

The validators (jsonschema, see ``_validation`` and ``_parameters``) spend most of a
request's checking time building a validator per sub-schema. Most requests are valid, and
for the keywords the spec uses, validity is simple to decide: :func:`compile_precheck`
turns a JSON body schema into a function that answers ``True`` only for a body the
validator finds nothing wrong with, and :func:`plain_pattern` says which patterns read the
same in both regex dialects. Anything else (``False``: an error, a ``null``, a keyword it
does not know, a pattern it cannot read the same way) goes to the validator, which decides
and words the errors, so the answers stay the validator's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, Final

Check = Callable[[Any], bool]

# Keywords the validator only notes, or implements as no-ops for a write.
_IGNORED: Final = frozenset(
    {"nullable", "writeOnly", "discriminator", "xml", "externalDocs", "example", "deprecated"}
)
# Patterns that mean the same in Python's `re` and in ECMA-262 (the validator's, with the
# `regress` package): anchors, ASCII letters and digits, `_ . ~ @ -` in a class (or the same
# outside one, `.` excepted), ranges, and counted repetition.
PLAIN_PATTERN: Final = re.compile(
    r"\^?(?:(?:\[(?:[A-Za-z0-9_.~@]|[A-Za-z0-9]-[A-Za-z0-9])*-?\]|[A-Za-z0-9_~@-])"
    r"(?:\{\d+(?:,\d*)?\}|[+*?])?)+\$?"
)
_TYPES: Final[dict[str, Check]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
}


def _counts(*values: Any) -> bool:
    """Whether each of ``values`` is absent or a plain integer (a length, a count)."""
    return all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for v in values)


def _never(value: Any) -> bool:
    return False


def _always(value: Any) -> bool:
    return True


def compile_precheck(schema: Any, validator: Any) -> Check:
    """A check of ``schema`` (``$ref``s inlined) for ``validator``, an OpenAPI 3.0 write
    validator of it: its keyword table says which keywords count, its format checker
    decides formats."""
    return _compile(schema, validator.VALIDATORS, validator.format_checker)


def plain_pattern(pattern: Any) -> re.Pattern[str] | None:
    """``pattern`` compiled if it means the same in both regex dialects, else ``None``."""
    if not isinstance(pattern, str) or not PLAIN_PATTERN.fullmatch(pattern):
        return None
    try:
        return re.compile(pattern)
    except re.error:
        return None


def matches(compiled: re.Pattern[str], value: str) -> bool:
    # Python's `$` also matches before a final newline, ECMA's does not: such a value is
    # left to the validator.
    return "\n" not in value and compiled.search(value) is not None


def _compile(schema: Any, keywords: Mapping[str, Any], checker: Any) -> Check:
    if schema is True:
        return _always
    if not isinstance(schema, Mapping):
        return _never
    known = {k for k in schema if k in keywords} - _IGNORED
    supported = {
        "type",
        "enum",
        "minLength",
        "maxLength",
        "pattern",
        "format",
        "minimum",
        "maximum",
        "minItems",
        "maxItems",
        "items",
        "properties",
        "required",
        "additionalProperties",
        "readOnly",
    }
    if known - supported:
        return _never  # $ref, allOf, oneOf, multipleOf, ...: the validator's
    if schema.get("readOnly"):
        return _never  # writing a read-only property is an error wherever it appears
    checks: list[Check] = []
    kind = schema.get("type")
    if kind is not None:
        if not isinstance(kind, str) or kind not in _TYPES:
            return _never
        checks.append(_TYPES[kind])
    else:
        checks.append(lambda v: v is not None)  # null: the validator decides
    if "enum" in schema:
        enum = schema["enum"]
        if not isinstance(enum, list):
            return _never
        texts = [e for e in enum if isinstance(e, str)]
        checks.append(lambda v: isinstance(v, str) and v in texts)
    builders: tuple[tuple[tuple[str, ...], Callable[[], Check | None]], ...] = (
        (("minLength", "maxLength", "pattern"), lambda: _string(schema)),
        (("minimum", "maximum"), lambda: _number(schema)),
        (("items", "minItems", "maxItems"), lambda: _array(schema, keywords, checker)),
        (
            ("properties", "required", "additionalProperties"),
            lambda: _object(schema, keywords, checker),
        ),
    )
    for names, build in builders:
        if any(name in schema for name in names):
            check = build()
            if check is None:
                return _never
            checks.append(check)
    if "format" in schema:
        fmt = schema["format"]
        checks.append(lambda v: bool(checker.conforms(v, fmt)))
    if len(checks) == 1:
        return checks[0]

    return lambda value: all(check(value) for check in checks)


def _string(schema: Mapping[str, Any]) -> Check | None:
    shortest, longest = schema.get("minLength"), schema.get("maxLength")
    if not all(
        isinstance(n, int) and not isinstance(n, bool) for n in (shortest or 0, longest or 0)
    ):
        return None
    compiled = None
    if "pattern" in schema:
        compiled = plain_pattern(schema["pattern"])
        if compiled is None:
            return lambda v: not isinstance(v, str)  # a string goes to the validator

    if compiled is None:
        return _sized(str, shortest, longest, None)
    pattern = compiled
    return _sized(str, shortest, longest, lambda value: matches(pattern, value))


def _number(schema: Mapping[str, Any]) -> Check | None:
    low, high = schema.get("minimum"), schema.get("maximum")
    for bound in (low, high):
        if bound is not None and (not isinstance(bound, int | float) or isinstance(bound, bool)):
            return None
    above = bool(schema.get("exclusiveMinimum"))
    below = bool(schema.get("exclusiveMaximum"))

    def check(value: Any) -> bool:
        if not isinstance(value, int | float) or isinstance(value, bool):
            return True  # these keywords concern numbers only
        if low is not None and (value <= low if above else value < low):
            return False
        return high is None or not (value >= high if below else value > high)

    return check


def _array(schema: Mapping[str, Any], keywords: Mapping[str, Any], checker: Any) -> Check | None:
    fewest, most = schema.get("minItems"), schema.get("maxItems")
    if not _counts(fewest, most):
        return None
    item = _compile(schema["items"], keywords, checker) if "items" in schema else _always
    return _sized(list, fewest, most, lambda value: all(item(v) for v in value))


def _sized(
    kind: type[str] | type[list[Any]], fewest: int | None, most: int | None, then: Check | None
) -> Check:
    """A check of a value's length (a string's, an array's) and then of ``then``; a value of
    another kind passes (these keywords concern ``kind`` only)."""

    def check(value: Any) -> bool:
        if not isinstance(value, kind):
            return True
        size = len(value)
        if fewest is not None and size < fewest:
            return False
        if most is not None and size > most:
            return False
        return then is None or then(value)

    return check


def _object(schema: Mapping[str, Any], keywords: Mapping[str, Any], checker: Any) -> Check | None:
    properties = schema.get("properties", {})
    if not isinstance(properties, Mapping):
        return None
    fields = {name: _compile(sub, keywords, checker) for name, sub in properties.items()}
    required = schema.get("required", [])
    if not isinstance(required, list):
        return None
    # as the write validator reads `required`: a read-only property need not be sent
    needed = [
        name
        for name in required
        if not (
            isinstance(properties.get(name), Mapping)
            and properties[name]
            and properties[name].get("readOnly", False)
        )
    ]
    extra = schema.get("additionalProperties", True)
    if extra is True or "additionalProperties" not in schema:
        extra_check: Check | None = None
    elif extra is False:
        extra_check = _never
    elif isinstance(extra, Mapping):
        extra_check = _compile(extra, keywords, checker)
    else:
        return None

    def check(value: Any) -> bool:
        if not isinstance(value, dict):
            return True  # these keywords concern objects only
        for name in needed:
            if name not in value:
                return False
        for name, sub in value.items():
            field = fields.get(name)
            if field is not None:
                if not field(sub):
                    return False
            elif extra_check is not None and not extra_check(sub):
                return False
        return True

    return check
