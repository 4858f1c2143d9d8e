"""Field presence per response schema: what ``apply_evidence.py`` learns ``required`` from.

For every object in an answer that a named schema (``components/schemas/<Name>``) describes,
each declared field is counted as present (with a non-null value), null or absent, and each
field the schema does not declare is listed with its JSON type. Names and types only: no value
of the tenant's data is kept. Keys of a map (a schema with ``additionalProperties``) are data,
not field names, and are not listed; nor is a key that does not look like a field name.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from nitrobox_auth._bundled_spec import follow_pointer
from nitrobox_auth._strict_json import json_type_name

_SCHEMA_REF = "#/components/schemas/"
_FIELD_NAME = re.compile(r"^[A-Za-z_$@][A-Za-z0-9_.$@-]{0,63}$")
_MAX_DEPTH = 16
# Items of one list counted per answer: enough for presence, bounded for a long page.
_MAX_ITEMS = 100


class Presence:
    """Counts over one run; :meth:`report` is the report's ``schemas`` section."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self._spec = spec
        self._schemas: dict[str, dict[str, Any]] = {}

    def count(self, schema: Any, data: Any) -> None:
        """Count ``data``, an answer documented by ``schema`` (a response's media schema)."""
        self._walk(schema, data, None, 0)

    def report(self) -> dict[str, Any]:
        return {name: self._schemas[name] for name in sorted(self._schemas)}

    def _resolve(self, node: Any) -> tuple[Any, str | None]:
        name = None
        seen = 0
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str) and seen < 32:
            ref = node["$ref"]
            if ref.startswith(_SCHEMA_REF):
                name = ref[len(_SCHEMA_REF) :]
            node = follow_pointer(self._spec, ref)
            seen += 1
        return node, name

    def _properties(self, node: Mapping[str, Any], depth: int) -> dict[str, Any]:
        props: dict[str, Any] = {}
        for part in node.get("allOf", []) if depth < _MAX_DEPTH else []:
            inner, _ = self._resolve(part)
            if isinstance(inner, Mapping):
                props.update(self._properties(inner, depth + 1))
        raw = node.get("properties")
        if isinstance(raw, Mapping):
            props.update(raw)
        return props

    def _walk(self, schema: Any, data: Any, name: str | None, depth: int) -> None:
        if depth > _MAX_DEPTH:
            return
        node, ref_name = self._resolve(schema)
        name = ref_name or name
        if not isinstance(node, Mapping):
            return
        if isinstance(data, list):
            items = node.get("items")
            if items is not None:
                for item in data[:_MAX_ITEMS]:
                    self._walk(items, item, None, depth + 1)
            return
        if not isinstance(data, Mapping):
            return
        props = self._properties(node, depth)
        if not props:
            return  # a map or an open object: nothing declared to count
        if name is not None:
            self._tally(name, node, props, data)
        for prop, sub in props.items():
            if prop in data and data[prop] is not None:
                self._walk(sub, data[prop], None, depth + 1)

    def _tally(
        self, name: str, node: Mapping[str, Any], props: Mapping[str, Any], data: Mapping[str, Any]
    ) -> None:
        entry = self._schemas.setdefault(name, {"answers": 0, "fields": {}, "undeclared": {}})
        entry["answers"] += 1
        fields: dict[str, dict[str, int]] = entry["fields"]
        for prop in props:
            counts = fields.setdefault(prop, {"present": 0, "null": 0, "absent": 0})
            if prop not in data:
                counts["absent"] += 1
            elif data[prop] is None:
                counts["null"] += 1
            else:
                counts["present"] += 1
        if isinstance(node.get("additionalProperties"), Mapping):
            return  # a map's keys are data
        undeclared: dict[str, dict[str, Any]] = entry["undeclared"]
        for key, value in data.items():
            if key in props or not isinstance(key, str) or not _FIELD_NAME.match(key):
                continue
            seen = undeclared.setdefault(key, {"types": [], "present": 0})
            seen["present"] += 1
            kind = json_type_name(value)
            if kind not in seen["types"]:
                seen["types"].append(kind)
