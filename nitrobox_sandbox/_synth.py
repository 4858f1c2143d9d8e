"""Values that fit a schema: shaped from a hint (what the client sent, what is stored),
completed from the schema's examples and defaults, and synthesized where nothing is known.

This is how every answer of the sandbox stays within the spec: stored resources and
stateless answers alike are passed through :meth:`Synthesizer.shape` against the
documented response schema.
"""

from __future__ import annotations

import base64
import datetime as dt
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from nitrobox_sandbox._spec import Spec

MISSING: Any = object()
_MAX_DEPTH = 12
_FALLBACK_STRINGS = ("sandbox", "a", "A", "1", "DE", "EUR", "de", "sandbox-1", "x1")


# Per schema object, what shaping reads from it on every answer (merged allOf, the
# properties to fill); keyed by id() with the schema kept alive beside it, so an id is never
# reused while cached. Schemas come from the spec document, a bounded set; the cap guards
# against a caller that passes fresh ones.
_MAX_CACHED = 10_000


# (property, its schema, required, the string checks of a plain string property)
_Field = tuple[str, Any, bool, "_Text | None"]


@dataclass(frozen=True, slots=True)
class _Node:
    """What shaping reads from one schema on every answer, worked out once: the schema
    (``$ref`` followed, ``allOf`` merged), whether it admits null, its ``oneOf``/``anyOf``
    key, and its type where the hint cannot change it (``kind_fixed``)."""

    schema: Mapping[str, Any]
    nullable: bool
    choice: str | None
    kind: str | None
    kind_fixed: bool
    text: _Text | None  # the string checks, compiled (None: an enum, or read them per call)

    @property
    def string_leaf(self) -> _Text | None:
        """The checks of a plain string schema: a string that passes them is its own shape."""
        if self.choice is None and self.kind_fixed and self.kind == "string":
            return self.text
        return None


@dataclass(frozen=True, slots=True)
class _Text:
    """A schema's string checks (what :func:`_string_fits` reads), compiled."""

    min_length: int
    max_length: int | None
    pattern: re.Pattern[str] | None
    bad_pattern: bool  # a pattern ``re`` cannot compile: any string fits it
    format: Any

    @classmethod
    def of(cls, schema: Mapping[str, Any]) -> _Text | None:
        if schema.get("enum"):
            return None  # an enum decides alone (_shape_string)
        try:
            minimum = int(schema.get("minLength", 0))
        except (TypeError, ValueError):
            return None  # left to _string_fits, which fails as it always did
        maximum = schema.get("maxLength")
        pattern, compiled, bad = schema.get("pattern"), None, False
        if isinstance(pattern, str):
            try:
                compiled = re.compile(pattern)
            except re.error:
                bad = True
        return cls(
            minimum,
            maximum if isinstance(maximum, int) else None,
            compiled,
            bad,
            schema.get("format"),
        )

    def fits(self, value: str) -> bool:
        """What :func:`_string_fits` answers for the schema."""
        if len(value) < self.min_length:
            return False
        if self.max_length is not None and len(value) > self.max_length:
            return False
        if self.bad_pattern:
            return True
        if self.pattern is not None and self.pattern.search(value) is None:
            return False
        return self.format is None or _format_fits(self.format, value)


class Synthesizer:
    def __init__(self, spec: Spec) -> None:
        self._spec = spec
        self._merged: dict[int, tuple[Mapping[str, Any], dict[str, Any]]] = {}
        self._objects: dict[int, tuple[Mapping[str, Any], list[_Field]]] = {}
        self._nodes: dict[int, tuple[Any, _Node | None]] = {}

    def shape(self, schema: Any, hint: Any = MISSING, *, name: str = "", depth: int = 0) -> Any:
        """A value valid for ``schema``, keeping as much of ``hint`` as fits."""
        node = self._node(schema)
        if node is None or depth > _MAX_DEPTH:
            return None if hint is MISSING else hint
        schema = node.schema
        if hint is None and node.nullable:
            return None
        if node.choice is not None:
            return self._shape_choice(schema, node.choice, hint, name, depth)
        kind = node.kind if node.kind_fixed else _type_of(schema, hint)
        if kind == "string" and isinstance(hint, str) and node.text and node.text.fits(hint):
            return hint  # most of an answer: a stored string that fits its schema
        if kind == "object":
            return self._shape_object(schema, hint, depth)
        if kind == "array":
            return self._shape_array(schema, hint, name, depth)
        if hint is MISSING:
            hint = _example_or_default(schema)
        if kind == "string":
            return _shape_string(schema, hint, name, node.text)
        if kind in ("integer", "number"):
            return _shape_number(schema, hint, kind)
        if kind == "boolean":
            return hint if isinstance(hint, bool) else False
        if kind == "null":
            return None
        return None if hint is MISSING else hint

    def _node(self, schema: Any) -> _Node | None:
        """``schema``'s :class:`_Node` (``None``: not a schema), cached like ``_fields``."""
        cached = self._nodes.get(id(schema))
        if cached is not None and cached[0] is schema:
            return cached[1]
        resolved = self._spec.resolve(schema)
        node = None
        if isinstance(resolved, Mapping):
            if "allOf" in resolved:
                resolved = self._merged_all_of(resolved)
            kind = resolved.get("type")
            node = _Node(
                schema=resolved,
                nullable=_nullable(resolved),
                choice=next((k for k in ("oneOf", "anyOf") if k in resolved), None),
                kind=_type_of(resolved, MISSING),
                kind_fixed=not isinstance(kind, list),  # a list of types: the hint's
                text=_Text.of(resolved),
            )
        if len(self._nodes) >= _MAX_CACHED:
            self._nodes.clear()
        self._nodes[id(schema)] = (schema, node)
        return node

    def _merged_all_of(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        cached = self._merged.get(id(schema))
        if cached is not None and cached[0] is schema:
            return cached[1]
        merged = self._merge_all_of(schema)
        if len(self._merged) >= _MAX_CACHED:
            self._merged.clear()
        self._merged[id(schema)] = (schema, merged)
        return merged

    def _fields(self, schema: Mapping[str, Any]) -> list[_Field]:
        """``(property, its schema, required, the string checks if a plain string)`` in the
        schema's order, write-only optional properties left out (answers never show them)."""
        cached = self._objects.get(id(schema))
        if cached is not None and cached[0] is schema:
            return cached[1]
        properties: Mapping[str, Any] = schema.get("properties", {})
        required = set(schema.get("required", []))
        fields = []
        for prop, sub in properties.items():
            resolved = self._spec.resolve(sub)
            if isinstance(resolved, Mapping) and resolved.get("writeOnly") and prop not in required:
                continue
            node = self._node(sub)
            leaf = node.string_leaf if node is not None else None
            fields.append((prop, sub, prop in required, leaf))
        if len(self._objects) >= _MAX_CACHED:
            self._objects.clear()
        self._objects[id(schema)] = (schema, fields)
        return fields

    def _merge_all_of(self, schema: Mapping[str, Any]) -> dict[str, Any]:
        merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
        properties: dict[str, Any] = dict(merged.get("properties", {}))
        required: list[str] = list(merged.get("required", []))
        for part in schema["allOf"]:
            part = self._spec.resolve(part)
            if "allOf" in part:
                part = self._merge_all_of(part)
            properties.update(part.get("properties", {}))
            required.extend(r for r in part.get("required", []) if r not in required)
            for key, value in part.items():
                if key not in ("properties", "required"):
                    merged.setdefault(key, value)
        merged["properties"] = properties
        merged["required"] = required
        merged.setdefault("type", "object")
        return merged

    def _shape_choice(
        self, schema: Mapping[str, Any], key: str, hint: Any, name: str, depth: int
    ) -> Any:
        options = [self._spec.resolve(o) for o in schema[key]]
        discriminator = schema.get("discriminator") or {}
        prop = discriminator.get("propertyName")
        if prop and isinstance(hint, Mapping) and prop in hint:
            mapping = discriminator.get("mapping") or {}
            target = mapping.get(hint[prop])
            if target is not None:
                chosen = self._spec.resolve({"$ref": target})
                return self.shape(chosen, hint, name=name, depth=depth + 1)
        chosen = _best_option(options, hint)
        if "allOf" in chosen:
            chosen = self._merged_all_of(chosen)
        value = self.shape(chosen, hint, name=name, depth=depth + 1)
        if prop and isinstance(value, dict) and prop not in value:
            mapping = discriminator.get("mapping") or {}
            value[prop] = next(iter(mapping), "sandbox")
        return value

    def _shape_object(self, schema: Mapping[str, Any], hint: Any, depth: int) -> Any:
        if not isinstance(hint, Mapping):
            example = schema.get("example")
            hint = example if isinstance(example, Mapping) else {}
        properties: Mapping[str, Any] = schema.get("properties", {})
        result: dict[str, Any] = {}
        for prop, sub, required, leaf in self._fields(schema):
            if prop in hint:
                value = hint[prop]
                if leaf is not None and isinstance(value, str) and leaf.fits(value):
                    result[prop] = value  # what shape() answers, without the call
                else:
                    result[prop] = self.shape(sub, value, name=prop, depth=depth + 1)
            elif required:
                result[prop] = self.shape(sub, name=prop, depth=depth + 1)
        extra = schema.get("additionalProperties")
        # Fields the spec does not name pass through where the schema allows it, as they
        # do on Nitrobox (the published bodies are cut off, so clients send more).
        if extra is True or isinstance(extra, Mapping):
            for key, value in hint.items():
                if key in properties or key.startswith("_"):
                    continue
                if isinstance(extra, Mapping):
                    result[key] = self.shape(extra, value, name=key, depth=depth + 1)
                else:
                    result[key] = value
        return result

    def _shape_array(self, schema: Mapping[str, Any], hint: Any, name: str, depth: int) -> Any:
        items = schema.get("items", {})
        if not isinstance(hint, list):
            example = schema.get("example")
            hint = example if isinstance(example, list) else []
        values = [self.shape(items, h, name=name, depth=depth + 1) for h in hint]
        maximum = schema.get("maxItems")
        if isinstance(maximum, int):
            values = values[:maximum]
        while len(values) < int(schema.get("minItems", 0)):
            values.append(self.shape(items, name=name, depth=depth + 1))
        return values


def _nullable(schema: Mapping[str, Any]) -> bool:
    kind = schema.get("type")
    return bool(schema.get("nullable")) or (isinstance(kind, list) and "null" in kind)


def _type_of(schema: Mapping[str, Any], hint: Any) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        kind = next((k for k in kinds if _fits_type(k, hint)), kinds[0] if kinds else "null")
    if kind is None:
        if "properties" in schema or "additionalProperties" in schema:
            return "object"
        if "items" in schema:
            return "array"
        if "enum" in schema:
            return "string" if all(isinstance(v, str) for v in schema["enum"]) else None
    return kind if isinstance(kind, str) else None


_TYPE_CHECKS: dict[str, Any] = {
    "object": lambda v: isinstance(v, Mapping),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
}


def _fits_type(kind: str, value: Any) -> bool:
    check = _TYPE_CHECKS.get(kind)
    return bool(check(value)) if check else False


def _best_option(options: list[Any], hint: Any) -> Any:
    if isinstance(hint, Mapping):

        def overlap(option: Any) -> int:
            props = option.get("properties", {}) if isinstance(option, Mapping) else {}
            return len(set(props) & set(hint))

        return max(options, key=overlap)
    for option in options:
        if isinstance(option, Mapping) and _fits_type(str(option.get("type")), hint):
            return option
    return options[0] if options else {}


def _example_or_default(schema: Mapping[str, Any]) -> Any:
    for key in ("example", "default"):
        if key in schema:
            return schema[key]
    examples = schema.get("examples")
    if isinstance(examples, list) and examples:
        return examples[0]
    return MISSING


def _shape_string(schema: Mapping[str, Any], hint: Any, name: str, text: _Text | None) -> str:
    enum = schema.get("enum")
    if enum:
        return hint if hint in enum else str(next(v for v in enum if v is not None))

    def fits(value: str) -> bool:
        return _string_fits(schema, value) if text is None else text.fits(value)

    if isinstance(hint, str) and fits(hint):
        return hint
    for candidate in _candidates(schema, name):
        if fits(candidate):
            return candidate
    return _candidates(schema, name)[0]


def _candidates(schema: Mapping[str, Any], name: str) -> list[str]:
    now = dt.datetime.now(dt.UTC)
    by_format = {
        "date-time": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "date": now.date().isoformat(),
        "time": now.strftime("%H:%M:%SZ"),
        "uuid": str(uuid.uuid4()),
        "email": "sandbox@example.com",
        "uri": "https://example.com/sandbox",
        "url": "https://example.com/sandbox",
        "hostname": "example.com",
        "ipv4": "127.0.0.1",
        "byte": base64.b64encode(b"sandbox").decode(),
        "binary": "sandbox",
        "password": "sandbox",
    }
    fmt = schema.get("format")
    candidates = [by_format[fmt]] if fmt in by_format else []
    lowered = name.lower()
    if lowered.endswith("currency"):
        candidates.append("EUR")
    if lowered.endswith("country"):
        candidates.append("DE")
    if lowered.endswith("language"):
        candidates.append("de")
    if lowered.endswith("ident") or lowered == "id":
        candidates.append(f"sbx-{uuid.uuid4().hex[:12]}")
    candidates.extend(_FALLBACK_STRINGS)
    minimum = int(schema.get("minLength", 0))
    if minimum > 1:
        candidates.append("x" * minimum)
    return candidates


def _string_fits(schema: Mapping[str, Any], value: str) -> bool:
    if len(value) < int(schema.get("minLength", 0)):
        return False
    maximum = schema.get("maxLength")
    if isinstance(maximum, int) and len(value) > maximum:
        return False
    pattern = schema.get("pattern")
    if isinstance(pattern, str):
        try:
            if re.search(pattern, value) is None:
                return False
        except re.error:
            return True
    return _format_fits(schema.get("format"), value)


def _format_fits(fmt: Any, value: str) -> bool:
    try:
        if fmt == "date-time":
            dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        elif fmt == "date":
            dt.date.fromisoformat(value)
        elif fmt == "uuid":
            uuid.UUID(value)
        elif fmt == "email":
            return "@" in value
    except ValueError:
        return False
    return True


def _shape_number(schema: Mapping[str, Any], hint: Any, kind: str) -> int | float:
    enum = schema.get("enum")
    if enum:
        return hint if hint in enum else enum[0]  # type: ignore[no-any-return]
    ok = _fits_type(kind, hint)
    value: int | float = hint if ok else 0
    low = schema.get("minimum")
    high = schema.get("maximum")
    exclusive_low = schema.get("exclusiveMinimum")
    if isinstance(exclusive_low, int | float) and not isinstance(exclusive_low, bool):
        low, exclusive_low = exclusive_low, True
    if isinstance(low, int | float) and (value < low or (exclusive_low is True and value == low)):
        value = low + 1 if exclusive_low is True else low
    if isinstance(high, int | float) and value > high:
        value = high
    return int(value) if kind == "integer" else value
