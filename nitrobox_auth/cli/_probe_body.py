"""Request bodies for ``nitrobox probe --writes``, built from the spec's request schemas.

Pure functions (no I/O). The body is the smallest one the spec says is valid: the required
fields only (so a field the API requires and the spec does not is refused, which is the
finding), filled from the schema's own ``example``, ``default`` or ``enum`` where it gives
one, and otherwise from the type and format. Idents follow two rules:

- a field that refers to a record made earlier in the run (``debtorIdent``, ``contractId``)
  gets that record's value, from :class:`Known`;
- any other ``*Ident`` string (the record's own ident, nested idents such as an address's)
  gets ``probe-<run id>-<name>``, so every record the probe makes is recognisable.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nitrobox_auth._bundled_spec import resolve
from nitrobox_auth.cli._probe_plan import camel, singular

_MAX_DEPTH = 12
# A customer is a debtor in Nitrobox's older names (Contract.debtorIdent, Usage.debtorId):
# a reference by those names means the customer first (the legacy debtor only without one).
ALIASES: Mapping[str, tuple[str, ...]] = {
    "debtorIdent": ("customerIdent", "debtorIdent"),
    "customerIdent": ("customerIdent", "debtorIdent"),
}


# Nitrobox's older names call a customer a debtor (Contract.debtorIdent, Usage.debtorId).
REFERENCE_NOUNS = {"debtor": "customer"}


def reference_noun(name: str) -> str | None:
    """``debtorIdent`` -> ``customer``: the record a body field refers to, by its name."""
    for suffix in ("Idents", "Ident", "Ids", "Id"):
        if name.endswith(suffix) and len(name) > len(suffix):
            noun = name[: -len(suffix)]
            return REFERENCE_NOUNS.get(noun, noun)
    return None


def is_ident_name(name: str) -> bool:
    return name == "ident" or name.endswith("Ident")


def is_id_name(name: str) -> bool:
    return name == "id" or name.endswith("Id")


def noun_of(collection_path: str) -> str:
    """``/v2/billing-groups`` -> ``billingGroup``: the name the resource's fields use."""
    segment = collection_path.rstrip("/").rsplit("/", 1)[-1]
    return singular(camel(segment)) or "item"


@dataclass
class Known:
    """Values of the records made so far, by field name (``customerIdent`` -> the ident)."""

    values: dict[str, str | int] = field(default_factory=dict)

    def get(self, name: str) -> str | int | None:
        for candidate in ALIASES.get(name, (name,)):
            if candidate in self.values:
                return self.values[candidate]
        # `contractIdents: [...]` in a bulk body names several records of one kind.
        if name.endswith("s"):
            for candidate in ALIASES.get(name[:-1], (name[:-1],)):
                if candidate in self.values:
                    return self.values[candidate]
        return None

    def learn(self, noun: str, data: Any) -> None:
        """Remember the ident and id fields of a record's body or answer (top level)."""
        if not isinstance(data, Mapping):
            return
        for key, value in data.items():
            if not isinstance(value, str | int) or isinstance(value, bool) or value == "":
                continue
            if key in ("ident", "id"):
                self.values[f"{noun}{key.title()}"] = value
            elif is_ident_name(key) or is_id_name(key):
                self.values.setdefault(key, value)


class BodyBuilder:
    """Builds bodies for one run: ``run_id`` goes into every ident it makes up."""

    def __init__(self, spec: Mapping[str, Any], run_id: str, now: dt.datetime) -> None:
        self._spec = spec
        self.run_id = run_id
        self._now = now
        self._counter = 0
        self._own_value = ""
        self._noun = ""

    def ident(self, name: str) -> str:
        base = name[: -len("Ident")] if name.endswith("Ident") and name != "Ident" else name
        return f"probe-{self.run_id}-{_kebab(base) or 'item'}"

    def build(
        self, schema: Any, known: Known, *, own: str | None = None, noun: str = "item"
    ) -> Any:
        """A body for ``schema``; ``own`` is the field holding the new record's ident, which
        is ``probe-<run id>-<noun>`` (and is sent even where the schema only allows it as an
        extra property: several documented bodies hide the ident's name)."""
        self._counter = 0
        self._noun = noun
        self._own_value = self.ident(f"{noun}Ident")
        body = self._value(schema, known, "", own, 0, top=True)
        if own is not None and isinstance(body, dict):
            body[own] = self._own_value
        return body

    def _value(
        self, schema: Any, known: Known, name: str, own: str | None, depth: int, *, top: bool
    ) -> Any:
        node = resolve(self._spec, schema)
        if not isinstance(node, Mapping) or depth > _MAX_DEPTH:
            return None
        if "allOf" in node:
            node = _merge_all_of(self._spec, node)
        for key in ("oneOf", "anyOf"):
            options = node.get(key)
            if isinstance(options, list) and options:
                # The first alternative that is not null-only.
                for option in options:
                    if resolve(self._spec, option).get("type") != "null":
                        return self._value(option, known, name, own, depth + 1, top=top)
        kind = _type(node)
        if name and not top:
            referenced = known.get(name) if name != own else None
            if referenced is not None and kind in ("string", "integer", "number"):
                return referenced if kind == "string" or isinstance(referenced, int) else None
            if referenced is not None and kind == "array":
                return [referenced]
        if kind == "object":
            return self._object(node, known, own, depth)
        if kind == "array":
            minimum = node.get("minItems", 1)
            count = max(1, minimum if isinstance(minimum, int) else 1)
            return [
                self._value(node.get("items", {}), known, singular(name), own, depth + 1, top=False)
                for _ in range(min(count, 3))
            ]
        if name == own and depth <= 1:
            return self._own_value
        if is_ident_name(name) and kind == "string":
            if depth <= 1:
                return self.ident(name)
            # Nested idents (an address of the customer) are numbered to stay unique.
            self._counter += 1
            return f"{self.ident(name)}-{self._counter}"
        for key in ("example", "default"):
            if key in node and node[key] is not None:
                return node[key]
        enum = node.get("enum")
        if isinstance(enum, list) and enum:
            return next((v for v in enum if v is not None), enum[0])
        return self._scalar(node, kind)

    def _object(self, node: Mapping[str, Any], known: Known, own: str | None, depth: int) -> Any:
        properties = node.get("properties") or {}
        required = [str(r) for r in node.get("required", []) if r in properties]
        result: dict[str, Any] = {}
        for prop in required:
            sub = resolve(self._spec, properties[prop])
            if isinstance(sub, Mapping) and sub.get("readOnly"):
                continue
            value = self._value(sub, known, prop, own, depth + 1, top=False)
            if value is not None:
                result[prop] = value
        # The record's own ident, and references to records made earlier, are sent even when
        # the spec leaves them optional: they tie the record to the run.
        for prop, raw in properties.items():
            if prop in result:
                continue
            sub = resolve(self._spec, raw)
            if not isinstance(sub, Mapping) or sub.get("readOnly"):
                continue
            # (Not a reference to a record of its own kind: a new address is not the last.)
            ref = reference_noun(prop) or ""
            foreign = own is None or not (ref and self._noun.lower().endswith(ref.lower()))
            wanted = prop == own or (known.get(prop) is not None and depth == 0 and foreign)
            if wanted:
                value = self._value(sub, known, prop, own, depth + 1, top=False)
                if value is not None:
                    result[prop] = value
        return result

    def _scalar(self, node: Mapping[str, Any], kind: str) -> Any:
        fmt = str(node.get("format", ""))
        if kind == "string":
            if fmt == "date-time":
                return self._now.strftime("%Y-%m-%dT%H:%M:%SZ")
            if fmt == "date":
                return self._now.date().isoformat()
            if fmt == "email":
                return "probe@example.com"
            if fmt in ("uri", "url"):
                return "https://example.com/probe"
            if fmt == "uuid":
                return str(uuid.uuid5(uuid.NAMESPACE_URL, f"probe-{self.run_id}"))
            if fmt == "binary":
                return "probe"
            text = "probe"
            pattern = node.get("pattern")
            if isinstance(pattern, str) and not _matches(pattern, text):
                text = pattern_value(pattern) or text
            low, high = node.get("minLength"), node.get("maxLength")
            if isinstance(low, int) and len(text) < low:
                text = text + "x" * (low - len(text))
            if isinstance(high, int) and len(text) > high:
                text = text[: max(high, 0)]
            return text
        if kind in ("integer", "number"):
            low = node.get("minimum")
            value = 1 if not isinstance(low, int | float) else max(1, low)
            if node.get("exclusiveMinimum") is True and value == low:
                value += 1
            high = node.get("maximum")
            if isinstance(high, int | float) and value > high:
                value = high
            return int(value) if kind == "integer" else float(value)
        if kind == "boolean":
            return False
        return None


def _type(node: Mapping[str, Any]) -> str:
    kind = node.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if isinstance(kind, str):
        return kind
    if "properties" in node:
        return "object"
    if "items" in node:
        return "array"
    return "string"


def _merge_all_of(spec: Mapping[str, Any], node: Mapping[str, Any]) -> dict[str, Any]:
    merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
    properties = dict(merged.get("properties") or {})
    required = list(merged.get("required") or [])
    for part in node.get("allOf", []):
        part = resolve(spec, part)
        if isinstance(part, Mapping) and "allOf" in part:
            part = _merge_all_of(spec, part)
        if not isinstance(part, Mapping):
            continue
        properties.update(part.get("properties") or {})
        required.extend(r for r in part.get("required") or [] if r not in required)
        for key, value in part.items():  # a wrapped `$ref` keeps its type, format, pattern
            if key not in ("properties", "required"):
                merged.setdefault(key, value)
    if properties:
        merged["properties"] = properties
        merged["required"] = required
        merged.setdefault("type", "object")
    return merged


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def _matches(pattern: str, text: str) -> bool:
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return False


_CLASS_FIRST = {"d": "0", "w": "a", "S": "x", "s": " "}


def pattern_value(pattern: str) -> str | None:
    """A short string matching a simple ``pattern`` (literals, classes, groups with ``|``,
    ``{n,m}``/``*``/``+``/``?``): each class gives its first character, each group its first
    alternative, each repeat its minimum. None when the pattern is beyond that."""
    try:
        text, _ = _sequence(pattern.removeprefix("^").removesuffix("$"), 0)
    except (IndexError, ValueError):
        return None
    return text if _matches(pattern, text) else None


def _sequence(p: str, i: int) -> tuple[str, int]:
    out = ""
    while i < len(p) and p[i] not in "|)":
        atom, i = _atom(p, i)
        count = 1
        if i < len(p) and p[i] in "*+?{":
            if p[i] == "{":
                end = p.index("}", i)
                count = int(p[i + 1 : end].split(",")[0] or 0)
                i = end + 1
            else:
                count = 1 if p[i] == "+" else 0
                i += 1
        out += atom * count
    return out, i


def _atom(p: str, i: int) -> tuple[str, int]:
    char = p[i]
    if char == "\\":
        return _CLASS_FIRST.get(p[i + 1], p[i + 1]), i + 2
    if char == "[":
        end = p.index("]", i + 2)
        body = p[i + 1 : end]
        if body.startswith("^"):
            raise ValueError("negated class")
        return ("0" if body.startswith("\\d") else body[0]), end + 1
    if char == "(":
        first, j = _sequence(p, i + 1)
        depth = 0
        while j < len(p) and not (p[j] == ")" and depth == 0):  # skip the other alternatives
            depth += {"(": 1, ")": -1}.get(p[j], 0)
            j += 1
        return first, j + 1
    if char == ".":
        return "x", i + 1
    return char, i + 1
