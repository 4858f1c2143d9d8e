"""Comparing the components (models, enums, aliases) of two bundles, for the change report.

The verdict rules are in ``scripts/_changes.py``; this module applies them to schemas and
their fields, and explains a renamed model by the operations that answer with it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from _change_report import Diff
from _spec_reading import (
    Operation,
    is_enum,
    is_model,
    is_union,
    members,
    nullable,
    operations,
    properties,
    py_type,
    ref_name,
    rename_files,
    renames,
    resolve,
    schemas,
    sides,
)
from openapi_python_client.strings import pascal_case

Json = Any


# Constraints that make a request value stricter when they grow (min*) or shrink (max*).
_LOWER_BOUNDS = ("minLength", "minimum", "minItems", "minProperties")
_UPPER_BOUNDS = ("maxLength", "maximum", "maxItems", "maxProperties")


def _text(value: Json) -> str:
    return "" if value is None else str(value)


def wider(old_type: str, new_type: str) -> bool:
    """Every member of the old union is still accepted by the new one."""
    return set(members(old_type)) <= set(members(new_type))


def _type_verdict(old_type: str, new_type: str, request: bool, answer: bool) -> bool:
    """True when changing ``old_type`` to ``new_type`` breaks some side that uses it."""
    breaks_request = request and not wider(old_type, new_type)
    breaks_answer = answer and not wider(new_type, old_type)
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


def compare_value(
    diff: Diff,
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
    old_r, new_r = resolve(diff.old, old), resolve(diff.new, new)
    old_type, new_type = diff.type_of(diff.old, old, owner), diff.type_of(diff.new, new, owner)
    if old_type != new_type:
        breaking = _type_verdict(old_type, new_type, request, answer)
        kind = (
            "request-field-type-changed"
            if breaking and request and not wider(old_type, new_type)
            else "response-field-type-changed"
            if breaking
            else "type-widened"
            if request and wider(old_type, new_type)
            else "type-narrowed"
        )
        diff.add(kind, breaking, symbol, subject, f"{what}: type {old_type} → {new_type}")
        return
    inline = ref_name(old) is None and ref_name(new) is None
    if inline:
        _compare_enum_values(diff, old_r, new_r, symbol, subject, what, request, answer)
    if inline and request:
        narrowed, relaxed = _constraint_changes(old_r, new_r)
        for text in narrowed:
            diff.add("request-field-narrowed", True, symbol, subject, f"{what}: {text}")
        for text in relaxed:
            diff.add("constraint-relaxed", False, symbol, subject, f"{what}: {text}")
    if ref_name(old) is None:
        compare_docs(diff, old_r, new_r, symbol, subject, what)
    if inline and is_model(old_r) and is_model(new_r):
        cls = f"{owner}Type0" if nullable(old_r) else owner
        _compare_fields(diff, old_r, new_r, cls, subject, request, answer, depth + 1)
    old_items, new_items = old_r.get("items"), new_r.get("items")
    if inline and isinstance(old_items, dict) and isinstance(new_items, dict):
        base = f"{owner}Type0" if nullable(old_r) else owner
        compare_value(
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
    diff: Diff,
    old: Json,
    new: Json,
    symbol: str,
    subject: dict[str, str],
    what: str,
    request: bool,
    answer: bool,
) -> None:
    if not (is_enum(old) and is_enum(new)):
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


def compare_docs(
    diff: Diff, old: Json, new: Json, symbol: str, subject: dict[str, str], what: str
) -> None:
    if not old.get("deprecated") and new.get("deprecated"):
        diff.add("deprecated", False, symbol, subject, f"{what}: marked deprecated")
    elif old.get("deprecated") and not new.get("deprecated"):
        diff.add("undeprecated", False, symbol, subject, f"{what}: no longer deprecated")
    for key in ("summary", "description"):
        if _text(old.get(key)) != _text(new.get(key)):
            diff.add("description-changed", False, symbol, subject, f"{what}: {key} changed")


def _compare_fields(
    diff: Diff,
    old: Json,
    new: Json,
    class_name: str,
    subject: dict[str, str],
    request: bool,
    answer: bool,
    depth: int = 0,
) -> None:
    naming = diff.naming
    old_props, old_req = properties(diff.old, old)
    new_props, new_req = properties(diff.new, new)
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
        compare_value(
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
    if is_enum(schema):
        return "enum"
    if is_model(schema):
        return "model"
    if is_union(schema):
        return "union"
    return "type"


def compare_schemas(diff: Diff) -> None:
    old_schemas, new_schemas = schemas(diff.old), schemas(diff.new)
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
            compare_docs(diff, old, new, symbol, subject, "schema")
        elif old_kind == "enum":
            _compare_enum_values(diff, old, new, symbol, subject, "enum", request, answer)
            compare_docs(diff, old, new, symbol, subject, "schema")
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
            compare_docs(diff, old, new, symbol, subject, "schema")


def _explain_rename(diff: Diff, old_name: str, new_name: str) -> None:
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


def _operations_answering(diff: Diff, old_class: str, new_class: str) -> list[str]:
    found = []
    old_ops, new_ops = operations(diff.old), operations(diff.new)
    for op_id in sorted(old_ops.keys() & new_ops.keys()):
        before = answer_types(diff, diff.old, old_ops[op_id])
        after = answer_types(diff, diff.new, new_ops[op_id])
        if any(
            old_class in members(before.get(code, "")) and new_class in members(after.get(code, ""))
            for code in before
        ):
            found.append(op_id)
    return found


def answer_types(diff: Diff, doc: Json, op: Operation) -> dict[str, str]:
    """``{status: python type}`` of every documented answer (all content types joined)."""
    owner = f"{pascal_case(op.operation_id)}Response"
    out: dict[str, str] = {}
    for code, response in (op.spec.get("responses") or {}).items():
        content = (resolve(doc, response) or {}).get("content") or {}
        types = []
        for media in content.values():
            text = py_type(doc, (media or {}).get("schema") or {}, f"{owner}{code}", diff.naming)
            types += [t for t in members(text) if t not in types]
        out[str(code)] = " | ".join(types) if types else "None"
    return out
