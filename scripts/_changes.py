"""What a regeneration changes for code that uses ``nitrobox_client``: a typed change report.

Pure functions over two bundled OpenAPI documents (the ``openapi.json`` of the package being
replaced and the new bundle). Every entry names the Python symbol a user touches (module and
function, parameter, model and field), derived with openapi-python-client's own naming
functions (``openapi_python_client.strings``; the generator is pinned, so the names match what
it writes), the operation or schema, and the change.

The verdict rules (documented in docs/regenerate.md, "Reading the change report"):

- *request side* (a value the user builds: parameters, request bodies and every model they
  reach) breaks when something is removed, becomes required, or accepts less (type, enum
  values, constraints); it is compatible when it accepts more;
- *answer side* (what the client parses: success and error bodies, webhook payloads and the
  models they reach) breaks when something is removed or its Python type stops being a subset
  of what it was (``str -> int``, ``str -> str | None``, required -> optional, which adds
  ``Unset``); added fields and narrower types are compatible;
- a model used on both sides gets the stricter verdict; a model reached from nowhere counts as
  both (the generator still writes it and users may import it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from openapi_python_client.strings import ClassName, PythonIdentifier, pascal_case

Json = Any
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
PACKAGE = "nitrobox_client"
_REF = re.compile(r"^#/components/(?P<section>[^/]+)/(?P<name>[^/]+)$")
# Constraints that make a request value stricter when they grow (min*) or shrink (max*).
_LOWER_BOUNDS = ("minLength", "minimum", "minItems", "minProperties")
_UPPER_BOUNDS = ("maxLength", "maximum", "maxItems", "maxProperties")
RENAMES_KEY = "x-nitrobox-renamed"


@dataclass(frozen=True)
class Change:
    """One entry of the report."""

    kind: str
    breaking: bool
    symbol: str
    # {"operationId", "method", "path"} for an operation, or {"schema": name}.
    subject: dict[str, str]
    detail: str

    @property
    def subject_text(self) -> str:
        if "operationId" in self.subject:
            s = self.subject
            return f"{s['operationId']} ({s['method']} {s['path']})"
        return f"schema {self.subject['schema']}"

    def to_json(self) -> dict[str, Json]:
        where: dict[str, Json] = {"symbol": self.symbol}
        if "operationId" in self.subject:
            where["operation"] = dict(self.subject)
        else:
            where["schema"] = self.subject["schema"]
        return {"kind": self.kind, "where": where, "detail": self.detail}


@dataclass
class Report:
    """The changes, split by verdict, in a stable order."""

    breaking: list[Change] = field(default_factory=list)
    compatible: list[Change] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.breaking or self.compatible)

    def to_json(self) -> dict[str, list[dict[str, Json]]]:
        return {
            "breaking": [c.to_json() for c in self.breaking],
            "compatible": [c.to_json() for c in self.compatible],
        }


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


# --------------------------------------------------------------------------------------------
# Reading a bundle


def _resolve(doc: Json, node: Json, limit: int = 32) -> Json:
    """Follow local ``$ref``s (bounded: a ref cycle stops after ``limit`` hops)."""
    for _ in range(limit):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str)):
            return node
        match = _REF.match(node["$ref"])
        if match is None:
            return {}
        node = (doc.get("components") or {}).get(match["section"], {}).get(match["name"], {})
    return node


def _ref_name(node: Json) -> str | None:
    if isinstance(node, dict) and isinstance(node.get("$ref"), str):
        match = _REF.match(node["$ref"])
        if match and match["section"] == "schemas":
            return match["name"]
    return None


def _schemas(doc: Json) -> dict[str, Json]:
    return dict((doc.get("components") or {}).get("schemas") or {})


def _is_alias(schema: Json) -> bool:
    """``allOf: [one $ref]`` and nothing else: the generator uses the referenced class."""
    return (
        isinstance(schema, dict)
        and len(schema.get("allOf") or []) == 1
        and "properties" not in schema
        and schema.get("type") in (None, "object")
    )


def _is_model(schema: Json) -> bool:
    """A schema the generator turns into an attrs class (an object, or allOf of objects)."""
    if not isinstance(schema, dict) or _is_alias(schema):
        return False
    return (
        schema.get("type") == "object"
        or "properties" in schema
        or ("allOf" in schema and "enum" not in schema)
    )


def _is_enum(schema: Json) -> bool:
    return isinstance(schema, dict) and isinstance(schema.get("enum"), list)


def _nullable(schema: Json) -> bool:
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
    name = _ref_name(schema)
    if name is not None:
        target = _resolve(doc, schema)
        if _is_alias(target):
            return _py_type(doc, target["allOf"][0], owner, naming, depth + 1)
        if _is_model(target) or _is_enum(target) or _is_union(target):
            return (
                naming.class_name(name)
                if not _is_union(target)
                else _union_type(doc, target, naming.class_name(name), naming, depth)
            )
        return _py_type(doc, target, owner, naming, depth + 1)
    if "$ref" in schema:
        return "Any"
    base = f"{owner}Type0" if _nullable(schema) else owner
    if _is_union(schema):
        return _union_type(doc, schema, owner, naming, depth)
    if _is_enum(schema):
        text = owner  # the generator names a nullable inline enum without Type0
    elif _is_model(schema):
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
    return f"{text} | None" if _nullable(schema) else text


def _is_union(schema: Json) -> bool:
    return isinstance(schema, dict) and any(k in schema for k in ("oneOf", "anyOf"))


def _union_type(doc: Json, schema: Json, owner: str, naming: Naming, depth: int) -> str:
    variants = [*schema.get("oneOf", []), *schema.get("anyOf", [])]
    parts: list[str] = []
    for index, variant in enumerate(variants):
        text = _py_type(doc, variant, f"{owner}Type{index}", naming, depth + 1)
        parts += [p for p in _members(text) if p not in parts]
    if _nullable(schema) and "None" not in parts:
        parts.append("None")
    return " | ".join(parts) or "Any"


def _members(type_text: str) -> list[str]:
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


def _properties(doc: Json, schema: Json, depth: int = 0) -> tuple[dict[str, Json], set[str]]:
    """Properties and required names of a model, ``allOf`` parts merged (as the generator does).

    ``depth`` bounds an ``allOf`` that (wrongly) includes itself."""
    schema = _resolve(doc, schema)
    props: dict[str, Json] = {}
    required: set[str] = set()
    parts = schema.get("allOf", []) if isinstance(schema, dict) and depth < 16 else []
    for part in parts:
        sub_props, sub_required = _properties(doc, part, depth + 1)
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
                    stack.append(_resolve(doc, {"$ref": ref}, limit=1))
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
    for name in _schemas(doc):
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


# --------------------------------------------------------------------------------------------
# Comparing


@dataclass
class _Diff:
    old: Json
    new: Json
    naming: Naming
    changes: list[Change] = field(default_factory=list)
    # Answer types explained by a rename: (old class, new class).
    explained: set[tuple[str, str]] = field(default_factory=set)

    def add(
        self, kind: str, breaking: bool, symbol: str, subject: dict[str, str], detail: str
    ) -> None:
        self.changes.append(Change(kind, breaking, symbol, subject, detail))

    def type_of(self, doc: Json, schema: Json, owner: str) -> str:
        return py_type(doc, schema, owner, self.naming)


def _text(value: Json) -> str:
    return "" if value is None else str(value)


def _wider(old_type: str, new_type: str) -> bool:
    """Every member of the old union is still accepted by the new one."""
    return set(_members(old_type)) <= set(_members(new_type))


def _type_verdict(old_type: str, new_type: str, request: bool, answer: bool) -> bool:
    """True when changing ``old_type`` to ``new_type`` breaks some side that uses it."""
    breaks_request = request and not _wider(old_type, new_type)
    breaks_answer = answer and not _wider(new_type, old_type)
    return breaks_request or breaks_answer


def _constraint_changes(old: Json, new: Json) -> tuple[list[str], list[str]]:
    """(narrowed, relaxed) descriptions of changed validation constraints."""
    narrowed: list[str] = []
    relaxed: list[str] = []
    for key in (*_LOWER_BOUNDS, *_UPPER_BOUNDS, "pattern", "exclusiveMinimum", "exclusiveMaximum"):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        text = f"{key} {before if before is not None else '(none)'} → "
        text += f"{after if after is not None else '(none)'}"
        if (
            key in _LOWER_BOUNDS
            and isinstance(before, int | float)
            and isinstance(after, int | float)
        ):
            (narrowed if after > before else relaxed).append(text)
        elif (
            key in _UPPER_BOUNDS
            and isinstance(before, int | float)
            and isinstance(after, int | float)
        ):
            (narrowed if after < before else relaxed).append(text)
        elif after is None:
            relaxed.append(text)
        else:
            narrowed.append(text)
    return narrowed, relaxed


def _compare_value(
    diff: _Diff,
    old: Json,
    new: Json,
    *,
    owner: str,
    symbol: str,
    subject: dict[str, str],
    what: str,
    request: bool,
    answer: bool,
    depth: int = 0,
) -> None:
    """Compare one value's schema (a field, a parameter): type, enum, constraints, docs, and
    the fields of an inline model (recursively, since an inline model belongs to its owner)."""
    if depth > 8:
        return
    old_r, new_r = _resolve(diff.old, old), _resolve(diff.new, new)
    old_type, new_type = diff.type_of(diff.old, old, owner), diff.type_of(diff.new, new, owner)
    if old_type != new_type:
        breaking = _type_verdict(old_type, new_type, request, answer)
        kind = (
            "request-field-type-changed"
            if breaking and request and not _wider(old_type, new_type)
            else "response-field-type-changed"
            if breaking
            else "type-widened"
            if request and _wider(old_type, new_type)
            else "type-narrowed"
        )
        diff.add(kind, breaking, symbol, subject, f"{what}: type {old_type} → {new_type}")
        return
    inline = _ref_name(old) is None and _ref_name(new) is None
    if inline:
        _compare_enum_values(diff, old_r, new_r, symbol, subject, what, request, answer)
    if inline and request:
        narrowed, relaxed = _constraint_changes(old_r, new_r)
        for text in narrowed:
            diff.add("request-field-narrowed", True, symbol, subject, f"{what}: {text}")
        for text in relaxed:
            diff.add("constraint-relaxed", False, symbol, subject, f"{what}: {text}")
    if _ref_name(old) is None:
        _compare_docs(diff, old_r, new_r, symbol, subject, what)
    if inline and _is_model(old_r) and _is_model(new_r):
        cls = f"{owner}Type0" if _nullable(old_r) else owner
        _compare_fields(diff, old_r, new_r, cls, subject, request, answer, depth + 1)
    old_items, new_items = old_r.get("items"), new_r.get("items")
    if inline and isinstance(old_items, dict) and isinstance(new_items, dict):
        base = f"{owner}Type0" if _nullable(old_r) else owner
        _compare_value(
            diff,
            old_items,
            new_items,
            owner=f"{base}Item",
            symbol=symbol,
            subject=subject,
            what=f"{what} items",
            request=request,
            answer=answer,
            depth=depth + 1,
        )


def _compare_enum_values(
    diff: _Diff,
    old: Json,
    new: Json,
    symbol: str,
    subject: dict[str, str],
    what: str,
    request: bool,
    answer: bool,
) -> None:
    if not (_is_enum(old) and _is_enum(new)):
        return
    before, after = (
        [v for v in old["enum"] if v is not None],
        [v for v in new["enum"] if v is not None],
    )
    removed = [v for v in before if v not in after]
    added = [v for v in after if v not in before]
    if removed:
        # A removed member is gone from the Python enum (Enum.X raises AttributeError) and a
        # request can no longer send it; answers would only stop carrying it.
        kind = "request-enum-value-removed" if request else "enum-value-removed"
        diff.add(kind, True, symbol, subject, f"{what}: enum value(s) removed: {_list(removed)}")
    if added:
        diff.add(
            "enum-value-added",
            False,
            symbol,
            subject,
            f"{what}: enum value(s) added: {_list(added)} (unknown values were already tolerated)",
        )


def _list(values: Iterable[Json]) -> str:
    return ", ".join(repr(v) for v in values)


def _compare_docs(
    diff: _Diff, old: Json, new: Json, symbol: str, subject: dict[str, str], what: str
) -> None:
    if not old.get("deprecated") and new.get("deprecated"):
        diff.add("deprecated", False, symbol, subject, f"{what}: marked deprecated")
    elif old.get("deprecated") and not new.get("deprecated"):
        diff.add("undeprecated", False, symbol, subject, f"{what}: no longer deprecated")
    for key in ("summary", "description"):
        if _text(old.get(key)) != _text(new.get(key)):
            diff.add("description-changed", False, symbol, subject, f"{what}: {key} changed")


def _compare_fields(
    diff: _Diff,
    old: Json,
    new: Json,
    class_name: str,
    subject: dict[str, str],
    request: bool,
    answer: bool,
    depth: int = 0,
) -> None:
    naming = diff.naming
    old_props, old_req = _properties(diff.old, old)
    new_props, new_req = _properties(diff.new, new)
    model = naming.model(class_name)
    for name in sorted(old_props.keys() - new_props.keys()):
        kind = "request-field-removed" if request else "response-field-removed"
        diff.add(
            kind, True, f"{model}.{naming.identifier(name)}", subject, f"field {name!r} removed"
        )
    for name in sorted(new_props.keys() - old_props.keys()):
        symbol = f"{model}.{naming.identifier(name)}"
        if name in new_req and request:
            diff.add(
                "request-field-required", True, symbol, subject, f"required field {name!r} added"
            )
        elif request:
            diff.add(
                "optional-request-field-added",
                False,
                symbol,
                subject,
                f"optional field {name!r} added",
            )
        else:
            diff.add("response-field-added", False, symbol, subject, f"field {name!r} added")
    for name in sorted(old_props.keys() & new_props.keys()):
        symbol = f"{model}.{naming.identifier(name)}"
        was, now = name in old_req, name in new_req
        if not was and now:
            if request:
                diff.add(
                    "request-field-required",
                    True,
                    symbol,
                    subject,
                    f"field {name!r} is now required",
                )
            else:
                diff.add(
                    "field-now-required",
                    False,
                    symbol,
                    subject,
                    f"field {name!r} is now always present",
                )
        elif was and not now:
            if answer:
                diff.add(
                    "response-field-type-changed",
                    True,
                    symbol,
                    subject,
                    f"field {name!r} is no longer required (its type gains Unset)",
                )
            else:
                diff.add(
                    "field-now-optional", False, symbol, subject, f"field {name!r} is now optional"
                )
        _compare_value(
            diff,
            old_props[name],
            new_props[name],
            owner=f"{class_name}{pascal_case(name)}",
            symbol=symbol,
            subject=subject,
            what=f"field {name!r}",
            request=request,
            answer=answer,
            depth=depth,
        )


def _kind_of_schema(schema: Json) -> str:
    if _is_enum(schema):
        return "enum"
    if _is_model(schema):
        return "model"
    if _is_union(schema):
        return "union"
    return "type"


def _compare_schemas(diff: _Diff) -> None:
    old_schemas, new_schemas = _schemas(diff.old), _schemas(diff.new)
    old_sides, new_sides = sides(diff.old), sides(diff.new)
    new_renames, old_renames = renames(diff.new), renames(diff.old)
    naming = diff.naming
    # A renamed component stands for its original: compare the two contents under one name.
    pairs: dict[str, str] = {}  # new name -> old name
    for new_name in new_schemas:
        if new_name in old_schemas:
            pairs[new_name] = new_name
        elif new_name in new_renames and new_renames[new_name] in old_schemas:
            pairs[new_name] = new_renames[new_name]
    for old_name, original in old_renames.items():
        if old_name not in new_schemas and original in new_schemas and original not in pairs:
            pairs[original] = old_name
    matched_old = set(pairs.values())
    for new_name, old_name in sorted(pairs.items()):
        if new_name != old_name:
            _explain_rename(diff, old_name, new_name)
    for name in sorted(old_schemas.keys() - matched_old):
        kind = _kind_of_schema(old_schemas[name])
        if kind not in ("model", "enum"):
            continue  # a primitive alias has no Python symbol: changes show at each use
        diff.add(
            f"{kind}-removed",
            True,
            naming.model(naming.class_name(name)),
            {"schema": name},
            f"{kind} removed",
        )
    for name in sorted(new_schemas.keys() - pairs.keys()):
        kind = _kind_of_schema(new_schemas[name])
        if kind in ("model", "enum"):
            diff.add(
                f"{kind}-added",
                False,
                naming.model(naming.class_name(name)),
                {"schema": name},
                f"{kind} added",
            )
    for new_name, old_name in sorted(pairs.items()):
        old, new = old_schemas[old_name], new_schemas[new_name]
        side = old_sides.get(old_name, set()) | new_sides.get(new_name, set())
        request, answer = "request" in side, "answer" in side
        class_name = naming.class_name(new_name)
        subject = {"schema": new_name}
        symbol = naming.model(class_name)
        old_kind, new_kind = _kind_of_schema(old), _kind_of_schema(new)
        if old_kind != new_kind:
            old_type = py_type(diff.old, {"$ref": f"#/components/schemas/{old_name}"}, "", naming)
            new_type = py_type(diff.new, {"$ref": f"#/components/schemas/{new_name}"}, "", naming)
            still = _kind_of_schema(new_schemas.get(old_name)) == old_kind
            if new_name != old_name and still:
                # A renamed variant of a class that stays for the other files: every use that
                # changes type is reported where it is used, the rename is explained once.
                continue
            new_label = new_kind if new_kind in ("model", "enum", "union") else new_type
            detail = f"{old_kind} → {new_label} (values typed by it: {old_type} → {new_type})"
            if new_kind not in ("model", "enum"):
                detail += f"; the class {naming.class_name(old_name)} is no longer generated"
                symbol = naming.model(naming.class_name(old_name))
            diff.add("model-type-changed", True, symbol, subject, detail)
            continue
        if old_kind == "model":
            _compare_fields(diff, old, new, class_name, subject, request, answer)
            _compare_docs(diff, old, new, symbol, subject, "schema")
        elif old_kind == "enum":
            _compare_enum_values(diff, old, new, symbol, subject, "enum", request, answer)
            _compare_docs(diff, old, new, symbol, subject, "schema")
        elif old_kind == "union":
            old_type = py_type(diff.old, old, class_name, naming)
            new_type = py_type(diff.new, new, class_name, naming)
            if old_type != new_type:
                diff.add(
                    "union-changed",
                    _type_verdict(old_type, new_type, request, answer),
                    symbol,
                    subject,
                    f"variants {old_type} → {new_type}",
                )
            _compare_docs(diff, old, new, symbol, subject, "schema")
        # Primitive aliases (type only): compared where they are used, refs resolved.


def _explain_rename(diff: _Diff, old_name: str, new_name: str) -> None:
    naming = diff.naming
    new_renames = renames(diff.new)
    old_class, new_class = naming.class_name(old_name), naming.class_name(new_name)
    diff.explained.add((old_class, new_class))
    if new_renames.get(new_name) == old_name:
        source = rename_files(diff.new).get(new_name, "one file")
        detail = (
            f"the bundler renamed {source}'s {old_name} to {new_name} because another file "
            f"defines a different {old_name} (the variant most files share keeps the plain "
            f"name); {old_class} stays for the other files"
        )
    else:
        detail = f"{old_name} was renamed by the bundler in the previous package and no longer is"
    used = _operations_answering(diff, old_class, new_class)
    if used:
        shown = ", ".join(used[:5]) + (", ..." if len(used) > 5 else "")
        detail += (
            f"; answers of {len(used)} operation(s) now parse into {new_class} instead of "
            f"{old_class} (isinstance checks must follow): {shown}"
        )
    else:
        detail += f"; no answer that parsed into {old_class} changes class"
    diff.add(
        "model-renamed-by-bundler",
        bool(used),
        f"{naming.model(old_class)} → {naming.model(new_class)}",
        {"schema": new_name},
        detail,
    )


def _operations_answering(diff: _Diff, old_class: str, new_class: str) -> list[str]:
    found = []
    old_ops, new_ops = operations(diff.old), operations(diff.new)
    for op_id in sorted(old_ops.keys() & new_ops.keys()):
        before = _answer_types(diff, diff.old, old_ops[op_id])
        after = _answer_types(diff, diff.new, new_ops[op_id])
        if any(
            old_class in _members(before.get(code, ""))
            and new_class in _members(after.get(code, ""))
            for code in before
        ):
            found.append(op_id)
    return found


def _answer_types(diff: _Diff, doc: Json, op: Operation) -> dict[str, str]:
    """``{status: python type}`` of every documented answer (all content types joined)."""
    owner = f"{pascal_case(op.operation_id)}Response"
    out: dict[str, str] = {}
    for code, response in (op.spec.get("responses") or {}).items():
        content = (_resolve(doc, response) or {}).get("content") or {}
        types = []
        for media in content.values():
            text = py_type(doc, (media or {}).get("schema") or {}, f"{owner}{code}", diff.naming)
            types += [t for t in _members(text) if t not in types]
        out[str(code)] = " | ".join(types) if types else "None"
    return out


def _parameters(
    doc: Json, op: Operation, naming: Naming
) -> dict[tuple[str, str], tuple[str, Json]]:
    """``{(location, name): (python name, parameter)}`` with the generator's collision rule
    (the same python name in two locations gets ``_<location>`` appended)."""
    merged: dict[tuple[str, str], Json] = {}
    for raw in [*op.path_parameters, *(op.spec.get("parameters") or [])]:
        param = _resolve(doc, raw)
        if isinstance(param, dict) and "name" in param and "in" in param:
            merged[(param["in"], param["name"])] = param
    python = {key: naming.identifier(key[1]) for key in merged}
    counts: dict[str, int] = {}
    for name in python.values():
        counts[name] = counts.get(name, 0) + 1
    return {
        key: (f"{python[key]}_{key[0]}" if counts[python[key]] > 1 else python[key], param)
        for key, param in merged.items()
    }


def _success_codes(responses: Mapping[str, Json]) -> list[str]:
    return sorted(str(code) for code in responses if str(code).startswith("2"))


def _compare_operation(diff: _Diff, old: Operation, new: Operation) -> None:
    naming = diff.naming
    subject = new.subject
    module = naming.endpoint(new.tag, new.operation_id)
    old_module = naming.endpoint(old.tag, old.operation_id)
    if old.method != new.method:
        diff.add(
            "method-changed",
            True,
            module,
            subject,
            f"method {old.method.upper()} → {new.method.upper()}",
        )
    if old.path != new.path:
        diff.add("path-changed", True, module, subject, f"path {old.path} → {new.path}")
    if PythonIdentifier(old.tag, "tag") != PythonIdentifier(new.tag, "tag"):
        diff.add(
            "module-moved",
            True,
            module,
            subject,
            f"module {old_module} → {module} (first tag changed)",
        )
    _compare_docs(diff, old.spec, new.spec, module, subject, "operation")

    old_params, new_params = _parameters(diff.old, old, naming), _parameters(diff.new, new, naming)
    for key in sorted(old_params.keys() - new_params.keys()):
        python, _ = old_params[key]
        diff.add(
            "parameter-removed",
            True,
            f"{module}({python})",
            subject,
            f"{key[0]} parameter {key[1]!r} removed",
        )
    for key in sorted(new_params.keys() - old_params.keys()):
        python, param = new_params[key]
        if param.get("required"):
            diff.add(
                "parameter-required",
                True,
                f"{module}({python})",
                subject,
                f"required {key[0]} parameter {key[1]!r} added",
            )
        else:
            diff.add(
                "optional-parameter-added",
                False,
                f"{module}({python})",
                subject,
                f"optional {key[0]} parameter {key[1]!r} added",
            )
    for key in sorted(old_params.keys() & new_params.keys()):
        (_, before), (python, after) = old_params[key], new_params[key]
        symbol = f"{module}({python})"
        if old_params[key][0] != python:
            diff.add(
                "parameter-renamed",
                True,
                symbol,
                subject,
                f"python name {old_params[key][0]} → {python}",
            )
        if after.get("required") and not before.get("required"):
            diff.add(
                "parameter-required", True, symbol, subject, f"parameter {key[1]!r} is now required"
            )
        elif before.get("required") and not after.get("required"):
            diff.add(
                "parameter-now-optional",
                False,
                symbol,
                subject,
                f"parameter {key[1]!r} is now optional",
            )
        _compare_docs(diff, before, after, symbol, subject, f"parameter {key[1]!r}")
        _compare_value(
            diff,
            before.get("schema") or {},
            after.get("schema") or {},
            owner=f"{pascal_case(new.operation_id)}{pascal_case(key[1])}",
            symbol=symbol,
            subject=subject,
            what=f"parameter {key[1]!r}",
            request=True,
            answer=False,
        )
    _compare_body(diff, old, new, module, subject)
    _compare_responses(diff, old, new, module, subject)


def _body(doc: Json, op: Operation) -> Json:
    return _resolve(doc, op.spec.get("requestBody")) if op.spec.get("requestBody") else None


def _compare_body(
    diff: _Diff, old: Operation, new: Operation, module: str, subject: dict[str, str]
) -> None:
    before, after = _body(diff.old, old), _body(diff.new, new)
    symbol = f"{module}(body)"
    if before is None and after is None:
        return
    if before is None:
        required = bool(after.get("required"))
        diff.add(
            "body-required" if required else "optional-body-added",
            required,
            symbol,
            subject,
            "request body added" + (" (required)" if required else " (optional)"),
        )
        return
    if after is None:
        diff.add("body-removed", True, symbol, subject, "request body removed")
        return
    if after.get("required") and not before.get("required"):
        diff.add("body-required", True, symbol, subject, "request body is now required")
    old_content, new_content = before.get("content") or {}, after.get("content") or {}
    for media in sorted(old_content.keys() - new_content.keys()):
        diff.add(
            "body-content-type-removed",
            True,
            symbol,
            subject,
            f"request content type {media} removed",
        )
    for media in sorted(new_content.keys() - old_content.keys()):
        diff.add(
            "body-content-type-added", False, symbol, subject, f"request content type {media} added"
        )
    owner = f"{pascal_case(new.operation_id)}Body"
    for media in sorted(old_content.keys() & new_content.keys()):
        _compare_value(
            diff,
            (old_content[media] or {}).get("schema") or {},
            (new_content[media] or {}).get("schema") or {},
            owner=owner,
            symbol=symbol,
            subject=subject,
            what=f"request body ({media})",
            request=True,
            answer=False,
        )


def _compare_responses(
    diff: _Diff, old: Operation, new: Operation, module: str, subject: dict[str, str]
) -> None:
    old_responses = old.spec.get("responses") or {}
    new_responses = new.spec.get("responses") or {}
    old_ok, new_ok = _success_codes(old_responses), _success_codes(new_responses)
    gone = [c for c in old_ok if c not in new_ok]
    added = [c for c in new_ok if c not in old_ok]
    if gone:
        diff.add(
            "success-status-changed",
            True,
            module,
            subject,
            f"success status {', '.join(old_ok)} → {', '.join(new_ok) or '(none)'}",
        )
    elif added:
        diff.add(
            "success-status-added",
            False,
            module,
            subject,
            f"success status {', '.join(added)} added",
        )
    before_types, after_types = (
        _answer_types(diff, diff.old, old),
        _answer_types(diff, diff.new, new),
    )
    for code in sorted(old_responses.keys() & new_responses.keys()):
        code = str(code)
        before = _resolve(diff.old, old_responses[code]) or {}
        after = _resolve(diff.new, new_responses[code]) or {}
        old_media, new_media = set(before.get("content") or {}), set(after.get("content") or {})
        success = code.startswith("2")
        if success and old_media - new_media:
            diff.add(
                "success-content-type-changed",
                True,
                module,
                subject,
                f"{code} content type {', '.join(sorted(old_media)) or '(none)'} → "
                f"{', '.join(sorted(new_media)) or '(none)'}",
            )
        elif success and new_media - old_media:
            diff.add(
                "success-content-type-added",
                False,
                module,
                subject,
                f"{code} content type {', '.join(sorted(new_media - old_media))} added",
            )
        old_type, new_type = before_types.get(code, "None"), after_types.get(code, "None")
        if old_type == new_type:
            # Same class names: an inline answer model (no $ref) still has fields to compare.
            for media in sorted(old_media & new_media):
                _compare_value(
                    diff,
                    (before["content"][media] or {}).get("schema") or {},
                    (after["content"][media] or {}).get("schema") or {},
                    owner=f"{pascal_case(new.operation_id)}Response{code}",
                    symbol=module,
                    subject=subject,
                    what=f"{code} answer ({media})",
                    request=False,
                    answer=True,
                )
            continue
        pairs = {(a, b) for a in _members(old_type) for b in _members(new_type)}
        if pairs & diff.explained and len(_members(old_type)) == len(_members(new_type)):
            continue  # told once, in the rename entry
        breaking = not _wider(new_type, old_type)
        diff.add(
            "response-type-changed" if breaking else "response-type-narrowed",
            breaking,
            module,
            subject,
            f"{code} answer type {old_type} → {new_type}",
        )


def _compare_operations(diff: _Diff) -> None:
    old_ops, new_ops = operations(diff.old), operations(diff.new)
    naming = diff.naming
    by_place = {
        (op.method, op.path): op for op in new_ops.values() if op.operation_id not in old_ops
    }
    renamed_to: set[str] = set()
    for op_id in sorted(old_ops.keys() - new_ops.keys()):
        op = old_ops[op_id]
        symbol = naming.endpoint(op.tag, op_id)
        successor = by_place.get((op.method, op.path))
        if successor is not None:
            renamed_to.add(successor.operation_id)
            new_symbol = naming.endpoint(successor.tag, successor.operation_id)
            diff.add(
                "operation-renamed",
                True,
                symbol,
                successor.subject,
                f"operationId {op_id} → {successor.operation_id}: module {symbol} → {new_symbol}",
            )
            _compare_operation(diff, op, successor)
            continue
        diff.add("operation-removed", True, symbol, op.subject, "operation removed")
    for op_id in sorted(new_ops.keys() - old_ops.keys() - renamed_to):
        op = new_ops[op_id]
        diff.add(
            "operation-added", False, naming.endpoint(op.tag, op_id), op.subject, "operation added"
        )
    for op_id in sorted(old_ops.keys() & new_ops.keys()):
        _compare_operation(diff, old_ops[op_id], new_ops[op_id])


def compare(old: Json, new: Json, naming: Naming | None = None) -> Report:
    """The change report from bundle ``old`` to bundle ``new`` (neither is modified)."""
    diff = _Diff(old=old, new=new, naming=naming or Naming())
    _compare_schemas(diff)
    _compare_operations(diff)
    report = Report()
    seen: set[tuple[str, str, str]] = set()
    for change in diff.changes:
        key = (change.kind, change.symbol, change.detail)
        if key in seen:
            continue
        seen.add(key)
        (report.breaking if change.breaking else report.compatible).append(change)
    # Functions first (what user code calls), then models; otherwise in the order found.
    report.breaking.sort(key=lambda c: "operationId" not in c.subject)
    report.compatible.sort(key=lambda c: "operationId" not in c.subject)
    return report


# --------------------------------------------------------------------------------------------
# Presenting


def suggest_bump(version: str, report: Report) -> tuple[str, str]:
    """(next version, why). 0.x rule: breaking -> minor, anything else -> patch; 1.x and up:
    breaking -> major, additions -> minor, the rest -> patch."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)(.*)", version)
    if match is None:
        return version, f"version {version!r} is not MAJOR.MINOR.PATCH; bump by hand"
    major, minor, patch = (int(match[i]) for i in (1, 2, 3))
    if report.empty:
        return version, "no API change"
    added = any(c.kind.endswith("-added") for c in report.compatible)
    if major == 0:
        if report.breaking:
            return f"0.{minor + 1}.0", "minor: breaking changes (0.x: breaking bumps the minor)"
        return f"0.{minor}.{patch + 1}", "patch: compatible changes only (0.x)"
    if report.breaking:
        return f"{major + 1}.0.0", "major: breaking changes"
    if added:
        return f"{major}.{minor + 1}.0", "minor: compatible additions"
    return f"{major}.{minor}.{patch + 1}", "patch: compatible changes only"


_SECTION_ORDER = ("Added", "Changed", "Deprecated", "Removed")


def _section(change: Change) -> str:
    if change.kind.endswith("-removed"):
        return "Removed"
    if change.kind.endswith("-added"):
        return "Added"
    if change.kind == "deprecated":
        return "Deprecated"
    return "Changed"


def changelog_draft(report: Report) -> str:
    """A Keep a Changelog fragment for the "Unreleased" section (descriptions summarised)."""
    sections: dict[str, list[str]] = {name: [] for name in _SECTION_ORDER}
    described = 0
    for change in [*report.breaking, *report.compatible]:
        if change.kind == "description-changed":
            described += 1
            continue
        mark = "**Breaking:** " if change.breaking else ""
        sections[_section(change)].append(
            f"- {mark}`{change.symbol}` ({change.subject_text}): {change.detail}"
        )
    if described:
        sections["Changed"].append(
            f"- {described} description(s) changed in the API documentation (see the change report)"
        )
    lines: list[str] = []
    for name in _SECTION_ORDER:
        if sections[name]:
            lines += [f"### {name}", *sections[name], ""]
    return "\n".join(lines).rstrip() + "\n" if lines else ""


def _entries(changes: list[Change]) -> Iterator[str]:
    for change in changes:
        yield f"  - [{change.kind}] {change.symbol}"
        yield f"      {change.subject_text}: {change.detail}"


def format_report(report: Report, *, baseline: str, version: str) -> str:
    """The text the regenerate script prints."""
    if report.empty:
        return f"change report (against {baseline}): no changes to the typed API"
    lines = [
        f"change report (against {baseline}): "
        f"{len(report.breaking)} breaking, {len(report.compatible)} compatible",
    ]
    if report.breaking:
        lines += [f"BREAKING ({len(report.breaking)}):", *_entries(report.breaking)]
    if report.compatible:
        lines += [f"COMPATIBLE ({len(report.compatible)}):", *_entries(report.compatible)]
    bumped, why = suggest_bump(version, report)
    lines.append(f"suggested version bump: {version} → {bumped} ({why})")
    lines.append('CHANGELOG.md draft (paste under "## [Unreleased]"):')
    lines += [f"  {line}" if line else "" for line in changelog_draft(report).splitlines()]
    return "\n".join(lines)
