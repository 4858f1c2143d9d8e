"""Reading a bundled OpenAPI document as openapi-python-client does, for the change report.

The Python names (``Naming``: the generator's own naming functions; it is pinned, so the
names match what it writes), the Python type of a schema (``py_type``), which side a
schema is on (``sides``: request, answer), the operations and the renames recorded by the
bundler. Pure functions; ``scripts/_changes.py`` says how they are used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from _bundle import HTTP_METHODS
from openapi_python_client.strings import ClassName, PythonIdentifier

Json = Any


PACKAGE = "nitrobox_client"
_REF = re.compile(r"^#/components/(?P<section>[^/]+)/(?P<name>[^/]+)$")
RENAMES_KEY = "x-nitrobox-renamed"


@dataclass(frozen=True)
class Naming:
    """Python names as openapi-python-client 0.29 derives them (``field_prefix`` from config)."""

    field_prefix: str = "field_"

    def identifier(self, name: str) -> str:
        return str(PythonIdentifier(name, self.field_prefix))

    def class_name(self, name: str) -> str:
        return str(ClassName(name, self.field_prefix))

    def endpoint(self, tag: str, operation_id: str) -> str:
        return f"{PACKAGE}.api.{PythonIdentifier(tag, 'tag')}.{self.identifier(operation_id)}"

    def model(self, class_name: str) -> str:
        return f"{PACKAGE}.models.{class_name}"


def resolve(doc: Json, node: Json, limit: int = 32) -> Json:
    """Follow local ``$ref``s (bounded: a ref cycle stops after ``limit`` hops)."""
    for _ in range(limit):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node
        match = _REF.match(node["$ref"])
        if match is None:
            return {}
        node = (doc.get("components") or {}).get(match["section"], {}).get(match["name"], {})
    return node


def ref_name(node: Json) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        match = _REF.match(node["$ref"])
        if match and match["section"] == "schemas":
            return match["name"]
    return None


def schemas(doc: Json) -> dict[str, Json]:
    return dict((doc.get("components") or {}).get("schemas") or {})


def _is_alias(schema: Json) -> bool:
    """``allOf: [one $ref]`` and nothing else: the generator uses the referenced class."""
    return (
        isinstance(schema, dict)
        and len(schema.get("allOf") or []) == 1
        and "properties" not in schema
        and schema.get("type") in (None, "object")
    )


def is_model(schema: Json) -> bool:
    """A schema the generator turns into an attrs class (an object, or allOf of objects)."""
    if not isinstance(schema, dict) or _is_alias(schema):
        return False
    return (
        schema.get("type") == "object"
        or "properties" in schema
        or ("allOf" in schema and "enum" not in schema)
    )


def is_enum(schema: Json) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get("enum"), list)


def nullable(schema: Json) -> bool:
    if not isinstance(schema, dict):
        return False
    kind = schema.get("type")
    return bool(schema.get("nullable")) or (isinstance(kind, list) and "null" in kind)


def _base_type(schema: Json) -> str | None:
    kind = schema.get("type")
    if isinstance(kind, list):
        kinds = [k for k in kind if k != "null"]
        return kinds[0] if kinds else None
    return kind if isinstance(kind, str) else None


def py_type(doc: Json, schema: Json, owner: str, naming: Naming) -> str:
    """The Python type the generator gives ``schema``, ``$ref``s resolved.

    ``owner`` is the class name an inline model or enum would get (``ParentProp``). A ref to
    a model or enum is its class name; a ref to a primitive is the primitive.
    """
    return _py_type(doc, schema, owner, naming, depth=0)


def _py_type(doc: Json, schema: Json, owner: str, naming: Naming, depth: int) -> str:
    if depth > 16 or not isinstance(schema, dict):
        return "Any"
    name = ref_name(schema)
    if name is not None:
        target = resolve(doc, schema)
        if _is_alias(target):
            return _py_type(doc, target["allOf"][0], owner, naming, depth + 1)
        if is_model(target) or is_enum(target) or is_union(target):
            return (
                naming.class_name(name)
                if not is_union(target)
                else _union_type(doc, target, naming.class_name(name), naming, depth)
            )
        return _py_type(doc, target, owner, naming, depth + 1)
    if "$ref" in schema:
        return "Any"
    base = f"{owner}Type0" if nullable(schema) else owner
    if is_union(schema):
        return _union_type(doc, schema, owner, naming, depth)
    if is_enum(schema):
        text = owner  # the generator names a nullable inline enum without Type0
    elif is_model(schema):
        text = base
    else:
        kind = _base_type(schema)
        fmt = schema.get("format")
        if kind == "string":
            text = {
                "date-time": "datetime.datetime",
                "date": "datetime.date",
                "uuid": "UUID",
                "binary": "File",
            }.get(str(fmt), "str")
        elif kind == "integer":
            text = "int"
        elif kind == "number":
            text = "float"
        elif kind == "boolean":
            text = "bool"
        elif kind == "null":
            text = "None"
        elif kind == "array":
            text = (
                f"list[{_py_type(doc, schema.get('items', {}), f'{base}Item', naming, depth + 1)}]"
            )
        else:
            text = "Any"
    return f"{text} | None" if nullable(schema) else text


def is_union(schema: Json) -> bool:
    return isinstance(schema, dict) and any(k in schema for k in ("oneOf", "anyOf"))


def _union_type(doc: Json, schema: Json, owner: str, naming: Naming, depth: int) -> str:
    variants = [*schema.get("oneOf", []), *schema.get("anyOf", [])]
    parts: list[str] = []
    for index, variant in enumerate(variants):
        text = _py_type(doc, variant, f"{owner}Type{index}", naming, depth + 1)
        parts += [p for p in members(text) if p not in parts]
    if nullable(schema) and "None" not in parts:
        parts.append("None")
    return " | ".join(parts) or "Any"


def members(type_text: str) -> list[str]:
    """Top-level members of a union written ``A | list[B | C] | None``."""
    parts, depth, current = [], 0, ""
    for char in type_text:
        depth += char == "["
        depth -= char == "]"
        if char == "|" and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    parts.append(current.strip())
    return [p for p in parts if p]


def properties(doc: Json, schema: Json, depth: int = 0) -> tuple[dict[str, Json], set[str]]:
    """Properties and required names of a model, ``allOf`` parts merged (as the generator does).

    ``depth`` bounds an ``allOf`` that (wrongly) includes itself."""
    schema = resolve(doc, schema)
    props: dict[str, Json] = {}
    required: set[str] = set()
    parts = schema.get("allOf", []) if isinstance(schema, dict) and depth < 16 else []
    for part in parts:
        sub_props, sub_required = properties(doc, part, depth + 1)
        props.update(sub_props)
        required |= sub_required
    if isinstance(schema, dict):
        props.update(schema.get("properties") or {})
        required |= set(schema.get("required") or [])
    return props, required


def _walk_refs(doc: Json, node: Json, seen: set[str]) -> None:
    """Add every schema name reachable from ``node`` (through any local $ref) to ``seen``."""
    stack = [node]
    visited: set[str] = set()
    while stack:
        current = stack.pop()
        if isinstance(current, list):
            stack.extend(current)
        elif isinstance(current, dict):
            ref = current.get("$ref")
            if isinstance(ref, str) and (match := _REF.match(ref)):
                key = f"{match['section']}/{match['name']}"
                if key not in visited:
                    visited.add(key)
                    if match["section"] == "schemas":
                        seen.add(match["name"])
                    stack.append(resolve(doc, {"$ref": ref}, limit=1))
            stack.extend(v for k, v in current.items() if k != "$ref")


def sides(doc: Json) -> dict[str, set[str]]:
    """``{schema: {"request", "answer"}}``: which side of the wire reaches each component."""
    request: set[str] = set()
    answer: set[str] = set()
    for item in (doc.get("paths") or {}).values():
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict):
                continue
            _walk_refs(doc, [*item.get("parameters", []), *op.get("parameters", [])], request)
            _walk_refs(doc, op.get("requestBody", {}), request)
            _walk_refs(doc, op.get("responses", {}), answer)
    _walk_refs(doc, doc.get("x-webhooks", {}), answer)
    _walk_refs(doc, doc.get("webhooks", {}), answer)
    out: dict[str, set[str]] = {}
    for name in schemas(doc):
        found = {s for s, names in (("request", request), ("answer", answer)) if name in names}
        out[name] = found or {"request", "answer"}
    return out


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    tag: str
    spec: dict[str, Json]
    path_parameters: list[Json]

    @property
    def subject(self) -> dict[str, str]:
        return {"operationId": self.operation_id, "method": self.method.upper(), "path": self.path}


def operations(doc: Json) -> dict[str, Operation]:
    out: dict[str, Operation] = {}
    for path, item in (doc.get("paths") or {}).items():
        for method in HTTP_METHODS:
            op = item.get(method)
            if not isinstance(op, dict) or "operationId" not in op:
                continue
            tags = op.get("tags") or ["default"]
            out[op["operationId"]] = Operation(
                op["operationId"], method, path, str(tags[0]), op, item.get("parameters", [])
            )
    return out


def renames(doc: Json) -> dict[str, str]:
    """``{renamed schema: original name}`` as the bundler recorded them in the bundle."""
    recorded = (doc.get("info") or {}).get(RENAMES_KEY) or []
    return {
        r["renamedTo"]: r["name"]
        for r in recorded
        if isinstance(r, dict) and r.get("section") == "schemas" and "renamedTo" in r
    }


def rename_files(doc: Json) -> dict[str, str]:
    recorded = (doc.get("info") or {}).get(RENAMES_KEY) or []
    return {r["renamedTo"]: r.get("file", "?") for r in recorded if isinstance(r, dict)}
