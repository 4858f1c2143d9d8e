"""Seed data: resources stored before a test or a demo starts (``Sandbox.load``).

A seed maps a resource kind, plural as in the paths (``customers``, ``contracts``,
``billing-groups``), to a list of bodies, each as that kind's create operation
(``POST /v2/customers``) takes it. Kinds are loaded in the seed's order, records in list
order, so contracts listed after customers can name them. Every body goes the way a request
goes: strict JSON, the limits, the spec's validation, the reference checks, the handler.
The first bad record stops the load, nothing of the seed stays, and :class:`SeedError`
names the record (``customers[2]``) and the field. Seeded records send no notifications:
they are the state a test starts from, not events in it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.datastructures import QueryParams

from nitrobox_sandbox._errors import SeedError
from nitrobox_sandbox._handlers import Call
from nitrobox_sandbox._limits import check_children, parse_json
from nitrobox_sandbox._responses import ErrorAnswer, FieldProblem
from nitrobox_sandbox._validation import SandboxRequest, ValidationOutcome

if TYPE_CHECKING:
    from nitrobox_sandbox._spec import Operation
    from nitrobox_sandbox._state import SandboxState

# A seed file is read whole; past this it is refused before parsing.
MAX_SEED_BYTES = 64 * 1024 * 1024
_JSON_SUFFIXES = (".json",)
_ORIGIN = "http://sandbox.nitrobox.test"


def read_seed(source: Mapping[str, Any] | str | Path) -> Mapping[str, Any]:
    """The seed mapping from a dict, or from a JSON (``.json``) or YAML file."""
    if isinstance(source, Mapping):
        return source
    if not isinstance(source, str | Path):
        raise SeedError(f"a seed is a mapping or a path to a file, got {type(source).__name__}")
    path = Path(source)
    try:
        with path.open("rb") as file:
            raw = file.read(MAX_SEED_BYTES + 1)
    except OSError as exc:
        raise SeedError(f"cannot read the seed file {str(path)!r}: {exc.strerror}") from None
    if len(raw) > MAX_SEED_BYTES:
        raise SeedError(f"the seed file {str(path)!r} is larger than {MAX_SEED_BYTES} bytes")
    try:
        if path.suffix.lower() in _JSON_SUFFIXES:
            loaded = json.loads(raw)
        else:
            import yaml

            loaded = yaml.safe_load(raw)
    except ValueError as exc:  # JSONDecodeError, UnicodeDecodeError
        raise SeedError(f"the seed file {str(path)!r} is not valid JSON: {exc}") from None
    except Exception as exc:  # yaml.YAMLError and its subclasses
        message = str(exc).split("\n")[0][:200]
        raise SeedError(f"the seed file {str(path)!r} is not valid YAML: {message}") from None
    if not isinstance(loaded, Mapping):
        raise SeedError(
            f"the seed file {str(path)!r} must hold a mapping of kinds "
            f"(customers, contracts, ...) to lists of records"
        )
    return loaded


def seed_kinds(state: SandboxState) -> dict[str, Operation]:
    """Each kind a seed can hold and the create operation its records go through: every
    collection created by a POST without path parameters (the first one, if several)."""
    kinds: dict[str, Operation] = {}
    for op in state.spec.operations:
        plan = state.handlers.plans[op.operation_id]
        if plan.kind == "create" and plan.collection and not op.param_names:
            kinds.setdefault(plan.collection, op)
    return kinds


def load_seed(state: SandboxState, seed: Mapping[str, Any]) -> dict[str, int]:
    """Store every record of ``seed``; all or nothing. Returns the records loaded per kind."""
    kinds = seed_kinds(state)
    store = state.store
    with store.locked():
        before = store.snapshot()
        observers = store.observer, state.handlers.observer
        store.observer = state.handlers.observer = None
        try:
            loaded = {}
            for kind, records in seed.items():
                op = kinds.get(str(kind))
                if op is None:
                    known = ", ".join(sorted(kinds))
                    raise SeedError(f"unknown kind {kind!r} in the seed; known: {known}", kind=kind)
                if not isinstance(records, list):
                    raise SeedError(
                        f"the seed's {kind} must be a list of records, "
                        f"got {type(records).__name__}",
                        kind=kind,
                    )
                for index, body in enumerate(records):
                    _load_one(state, op, kind, index, body)
                loaded[kind] = len(records)
            return loaded
        except BaseException:
            store.restore(before)
            raise
        finally:
            store.observer, state.handlers.observer = observers


def _load_one(state: SandboxState, op: Operation, kind: str, index: int, body: Any) -> None:
    where = f"{kind}[{index}]"
    if not isinstance(body, Mapping):
        raise SeedError(
            f"seed record {where} must be a mapping (a {op.operation_id} body), "
            f"got {type(body).__name__}",
            kind=kind,
            index=index,
        )
    try:
        raw = json.dumps(body, allow_nan=False, default=_plain).encode()
    except (TypeError, ValueError) as exc:
        raise SeedError(
            f"seed record {where} cannot be sent as JSON: {exc}", kind=kind, index=index
        ) from None
    try:
        parsed = parse_json(raw)
        check_children(state.handlers, op, {}, parsed)
        checked = state.validator.validate(
            op,
            SandboxRequest(
                path=op.path,
                method=op.method.lower(),
                body=raw,
                content_type="application/json",
                path_params={},
                headers={"content-type": "application/json"},
                query={},
                origin=lambda: _ORIGIN,
                cookies=dict,
                json_body=parsed,
            ),
            query=QueryParams(""),
            raw_query=QueryParams(""),
        )
        if isinstance(checked, ValidationOutcome):
            raise ErrorAnswer(checked.status, checked.message, checked.errors)
        reply = state.handlers.handle(Call(op, op.path, {}, checked.query, parsed))
        if reply.status >= 400:
            body_answer = reply.body if isinstance(reply.body, Mapping) else {}
            errors = [
                FieldProblem(str(e.get("fieldName")), str(e.get("error")), e.get("rejectedValue"))
                for e in body_answer.get("errors") or []
                if isinstance(e, Mapping)
            ]
            raise ErrorAnswer(reply.status, str(body_answer.get("message", "refused")), errors)
    except ErrorAnswer as refused:
        problem = refused.errors[0] if refused.errors else None
        detail = (
            f"field {problem.field_name}: {problem.error}"
            + (
                f" (got {problem.rejected_value!r:.60})"
                if problem.rejected_value is not None
                else ""
            )
            if problem is not None
            else refused.message
        )
        raise SeedError(
            f"seed record {where} ({op.operation_id}): {detail}",
            kind=kind,
            index=index,
            field=problem.field_name if problem is not None else None,
        ) from None


def _plain(value: Any) -> Any:
    """YAML reads ``2026-01-01`` as a date: send it as the ISO text it was written as."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a JSON value")
