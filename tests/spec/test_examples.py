"""Every example in the spec is valid against the schema it illustrates."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spec_helpers import deref, domain_files, load, schema_validator, walk


def _examples(path: Path) -> Iterator[tuple[str, dict[str, Any], Any]]:
    """(where, schema, example value) for schema, media type and parameter examples."""
    document = load(path)
    for where, node in walk(document):
        if not isinstance(node, dict):
            continue
        holds_schema = "schema" in node and ("in" in node or "/content/" in where)
        if holds_schema:
            schema = node["schema"]
            if "example" in node:
                yield where, schema, node["example"]
            for name, example in node.get("examples", {}).items():
                yield f"{where}/examples/{name}", schema, deref(document, example)["value"]
        elif "example" in node and not where.endswith("/properties"):
            schema = {key: value for key, value in node.items() if key != "example"}
            yield where, schema, node["example"]


CASES = [
    (path, where, schema, value)
    for path in domain_files()
    for where, schema, value in _examples(path)
]


def test_examples_are_found() -> None:
    """The walk finds the examples (request bodies, answers, webhook payloads, values)."""
    assert len(CASES) >= 40
    kinds = {where.rsplit("/examples/", 1)[0].split("/")[1] for _, where, _, _ in CASES}
    assert {"paths", "components"} <= kinds


@pytest.mark.parametrize(
    ("path", "where", "schema", "value"),
    CASES,
    ids=[f"{path.name}:{where}" for path, where, _, _ in CASES],
)
def test_example_is_valid(path: Path, where: str, schema: dict[str, Any], value: Any) -> None:
    """The example validates (OpenAPI 3.0 rules, formats checked)."""
    errors = [error.message for error in schema_validator(load(path), schema).iter_errors(value)]
    assert errors == []


def test_invalid_example_is_caught() -> None:
    """The checker above rejects the usage example once a required field is gone."""
    path = next(p for p in domain_files() if p.name == "usage-api.yaml")
    document = load(path)
    media = document["paths"]["/v2/usages"]["post"]["requestBody"]["content"]["application/json"]
    broken = copy.deepcopy(media["examples"]["charging"]["value"])
    del broken["usageIdent"]
    validator = schema_validator(document, media["schema"])
    assert validator.is_valid(media["examples"]["charging"]["value"])
    assert not validator.is_valid(broken)


def test_formats_are_checked() -> None:
    """The example checker enforces formats: a date-time without offset is not RFC 3339."""
    validator = schema_validator({}, {"type": "string", "format": "date-time"})
    assert validator.is_valid("2025-02-03T09:00:00Z")
    assert not validator.is_valid("2025-02-03T09:00:00")
