"""Loading and walking the openapi/*-api.yaml files, shared by the spec tests."""

from __future__ import annotations

import copy
import functools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema.protocols import Validator
from openapi_schema_validator import OAS30Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

REPO_ROOT = Path(__file__).resolve().parents[2]
OPENAPI_DIR = REPO_ROOT / "openapi"
FACTS_COPY = OPENAPI_DIR / "facts-operations.yaml"
FACTS_2_COPY = OPENAPI_DIR / "facts-2-operations.yaml"
README = OPENAPI_DIR / "README.md"
# CI checks out the repository beside a copy of shared/, so the facts files sit one level up;
# NITROBOX_FACTS_DIR points elsewhere (a worktree whose parent has no shared/).
FACTS_DIR = Path(os.environ.get("NITROBOX_FACTS_DIR") or REPO_ROOT.parent / "shared")
FACTS_FILE = FACTS_DIR / "nitrobox-api-facts.md"
FACTS_2_FILE = FACTS_DIR / "nitrobox-api-facts-2.md"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PROVENANCE_KINDS = ("documented", "client-code", "inferred")
DOMAINS = (
    "billing",
    "catalog",
    "contract",
    "customer",
    "document",
    "order",
    "payment",
    "report",
    "usage",
)
_SPEC_URI = "urn:nitrobox:spec"
# libyaml's parser where PyYAML has it (the same safe constructors, ten times faster): every
# xdist worker reads the spec files while it collects.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _safe_load(handle: Any) -> Any:
    return yaml.load(handle, Loader=_SAFE_LOADER)


def domain_files() -> list[Path]:
    """The domain spec files, sorted by name."""
    return sorted(OPENAPI_DIR.glob("*-api.yaml"))


@functools.cache
def load(path: Path) -> dict[str, Any]:
    """One spec file as plain data (cached: tests must not mutate it)."""
    with path.open(encoding="utf-8") as handle:
        data = _safe_load(handle)
    assert isinstance(data, dict), f"{path.name} is not a YAML mapping"
    return data


@dataclass(frozen=True)
class Operation:
    file: str
    path: str
    method: str
    spec: dict[str, Any]

    @property
    def operation_id(self) -> str:
        return str(self.spec.get("operationId"))

    def __str__(self) -> str:
        return f"{self.file}: {self.method.upper()} {self.path} ({self.operation_id})"


def operations_of(path: Path) -> list[Operation]:
    """Every operation of one spec file."""
    found = []
    for url, item in load(path).get("paths", {}).items():
        for method in HTTP_METHODS:
            if method in item:
                found.append(Operation(path.name, url, method, item[method]))
    return found


def all_operations() -> list[Operation]:
    """Every operation of every domain file."""
    return [op for path in domain_files() for op in operations_of(path)]


def walk(node: Any, pointer: str = "#") -> Iterator[tuple[str, Any]]:
    """Every (JSON pointer, value) pair below ``node``, the node itself included."""
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            escaped = str(key).replace("~", "~0").replace("/", "~1")
            yield from walk(value, f"{pointer}/{escaped}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{pointer}/{index}")


def resolve_pointer(document: dict[str, Any], ref: str) -> Any:
    """The value a local ``#/...`` reference points at; KeyError when it dangles."""
    if not ref.startswith("#/"):
        raise KeyError(f"not a local reference: {ref}")
    node: Any = document
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise KeyError(ref)
    return node


def deref(document: dict[str, Any], node: Any) -> Any:
    """Follow ``$ref`` chains until a concrete node."""
    while isinstance(node, dict) and "$ref" in node:
        node = resolve_pointer(document, node["$ref"])
    return node


def _absolute_refs(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: (
                f"{_SPEC_URI}{value}"
                if key == "$ref" and isinstance(value, str) and value.startswith("#")
                else _absolute_refs(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_absolute_refs(item) for item in node]
    return node


def schema_validator(document: dict[str, Any], schema: dict[str, Any]) -> Validator:
    """An OpenAPI 3.0 schema validator (jsonschema-based, formats checked) for a schema of
    ``document``, its local references resolved against the whole document."""
    contents = _absolute_refs(copy.deepcopy(document))
    registry: Registry[Any] = Registry().with_resource(
        _SPEC_URI, Resource.from_contents(contents, default_specification=DRAFT4)
    )
    return OAS30Validator(  # type: ignore[no-any-return]
        _absolute_refs(schema), registry=registry, format_checker=OAS30Validator.FORMAT_CHECKER
    )


def path_template(path: str) -> str:
    """``/v2/a/{x}/b`` -> ``/v2/a/{}/b``: paths compared without parameter names."""
    return re.sub(r"\{[^}]*\}", "{}", path)


def facts_rows_from_markdown(text: str) -> list[dict[str, str]]:
    """The rows of the operation table (section 2.2) of nitrobox-api-facts.md, cells verbatim."""
    start = text.index("### 2.2 Operations table")
    end = text.index("#### Totals", start)
    columns = ("title", "method", "path", "slug", "status", "source")
    rows: list[dict[str, str]] = []
    domain = ""
    for line in text[start:end].splitlines():
        if line.startswith("#### "):
            domain = line[5:].strip()
        elif line.startswith("|") and not line.startswith("|---"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if cells[0] == "Operation (title)":
                continue
            assert len(cells) == len(columns), f"unexpected table row: {line}"
            rows.append({"domain": domain, **dict(zip(columns, cells, strict=True))})
    return rows


def facts_copy_rows() -> list[dict[str, Any]]:
    """The committed copy of the operation table, with the operationIds of each row."""
    with FACTS_COPY.open(encoding="utf-8") as handle:
        rows = _safe_load(handle)["rows"]
    assert isinstance(rows, list)
    return rows


# The two tables of nitrobox-api-facts-2.md: new facts (N1..) and contradictions (C1..).
_FACTS_2_TABLES = {
    "| # | fact | source |": ("fact", "source"),
    "| # | element | `openapi/` today | evidence |": ("element", "today", "evidence"),
}


def facts_2_rows_from_markdown(text: str) -> list[dict[str, str]]:
    """The rows of both tables of nitrobox-api-facts-2.md, cells verbatim, in file order."""
    rows: list[dict[str, str]] = []
    columns: tuple[str, ...] | None = None
    for line in text.splitlines():
        if line in _FACTS_2_TABLES:
            columns = _FACTS_2_TABLES[line]
        elif columns is not None and line.startswith("|") and not line.startswith("|---"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            assert len(cells) == len(columns) + 1, f"unexpected table row: {line}"
            rows.append({"id": cells[0], **dict(zip(columns, cells[1:], strict=True))})
        elif not line.startswith("|"):
            columns = None
    return rows


def facts_2_copy_rows() -> list[dict[str, Any]]:
    """The committed copy of the addendum's tables, with the operationIds of each row."""
    with FACTS_2_COPY.open(encoding="utf-8") as handle:
        rows = _safe_load(handle)["rows"]
    assert isinstance(rows, list)
    return rows


FACTS_3_COPY = OPENAPI_DIR / "facts-3-operations.yaml"
FACTS_3_FILE = FACTS_DIR / "nitrobox-api-facts-3.md"

# The tables of nitrobox-api-facts-3.md, by their header line: the facts R1.. (five tables of
# one shape), the required response fields, and the create-to-cleanup table.
_FACTS_3_TABLES = {
    "| # | fact | source | strength |": ("facts", ("id", "fact", "source", "strength")),
    "| schema | fields | evidence |": ("required", ("schema", "fields", "evidence")),
    "| create | counterpart | status | source |": (
        "cleanup",
        ("create", "counterpart", "status", "source"),
    ),
}


def facts_3_rows_from_markdown(text: str) -> dict[str, list[dict[str, str]]]:
    """The rows of the tables of nitrobox-api-facts-3.md, cells verbatim, in file order."""
    found: dict[str, list[dict[str, str]]] = {"facts": [], "required": [], "cleanup": []}
    table: tuple[str, tuple[str, ...]] | None = None
    for line in text.splitlines():
        if line in _FACTS_3_TABLES:
            table = _FACTS_3_TABLES[line]
        elif table is not None and line.startswith("|") and not line.startswith("|---"):
            # A `\|` inside a cell is a literal bar, not a column break.
            cells = [c.strip().replace("\0", "\\|") for c in line.replace("\\|", "\0").split("|")]
            cells = cells[1:-1]
            name, columns = table
            assert len(cells) == len(columns), f"unexpected table row: {line}"
            found[name].append(dict(zip(columns, cells, strict=True)))
        elif not line.startswith("|"):
            table = None
    return found


def facts_3_copy() -> dict[str, list[dict[str, Any]]]:
    """The committed copy of addendum 3's tables, with what each row is about in the spec."""
    with FACTS_3_COPY.open(encoding="utf-8") as handle:
        data = _safe_load(handle)
    assert isinstance(data, dict)
    return {name: list(data[name]) for name in ("facts", "required", "cleanup")}
