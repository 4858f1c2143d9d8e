"""Comparing the operations of two bundles, for the change report: parameters, request
bodies and answers (the verdict rules are in ``scripts/_changes.py``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from _change_report import Diff
from _schema_diff import answer_types, compare_docs, compare_value, wider
from _spec_reading import Naming, Operation, members, operations, resolve
from openapi_python_client.strings import PythonIdentifier, pascal_case

Json = Any


def _parameters(
    doc: Json, op: Operation, naming: Naming
) -> dict[tuple[str, str], tuple[str, Json]]:
    """``{(location, name): (python name, parameter)}`` with the generator's collision rule
    (the same python name in two locations gets ``_<location>`` appended)."""
    merged: dict[tuple[str, str], Json] = {}
    for raw in [*op.path_parameters, *(op.spec.get("parameters") or [])]:
        param = resolve(doc, raw)
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


def _compare_operation(diff: Diff, old: Operation, new: Operation) -> None:
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
    compare_docs(diff, old.spec, new.spec, module, subject, "operation")

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
        compare_docs(diff, before, after, symbol, subject, f"parameter {key[1]!r}")
        compare_value(
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
    return resolve(doc, op.spec.get("requestBody")) if op.spec.get("requestBody") else None


def _compare_body(
    diff: Diff, old: Operation, new: Operation, module: str, subject: dict[str, str]
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
        compare_value(
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
    diff: Diff, old: Operation, new: Operation, module: str, subject: dict[str, str]
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
        answer_types(diff, diff.old, old),
        answer_types(diff, diff.new, new),
    )
    for code in sorted(old_responses.keys() & new_responses.keys()):
        code = str(code)
        before = resolve(diff.old, old_responses[code]) or {}
        after = resolve(diff.new, new_responses[code]) or {}
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
                compare_value(
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
        pairs = {(a, b) for a in members(old_type) for b in members(new_type)}
        if pairs & diff.explained and len(members(old_type)) == len(members(new_type)):
            continue  # told once, in the rename entry
        breaking = not wider(new_type, old_type)
        diff.add(
            "response-type-changed" if breaking else "response-type-narrowed",
            breaking,
            module,
            subject,
            f"{code} answer type {old_type} → {new_type}",
        )


def compare_operations(diff: Diff) -> None:
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
