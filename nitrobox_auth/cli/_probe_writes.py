"""What ``nitrobox probe --writes`` sends: every write operation of the spec, in dependency order.

Pure planning (no I/O): each write is a *create* (a ``POST`` on a collection), a *change*
(updates and actions on a record) or an *end* (``DELETE``, cancel, terminate, end). Creates
run first, a create under a record's path after the create of that record (customer, then
its addresses; contract, then what hangs off it), then changes, then ends in reverse order
of the records they end, so the record each end removes still exists when the others ran.

Path parameters come from records the run made (or ``--ident``), never from the tenant's
existing data: the probe only writes to what it created. Which operation removes a created
record is read from the spec: the create's ``x-nitrobox-cleanup`` when it has one, otherwise
a ``DELETE`` (then cancel, terminate, end) on the record's own path, or on the collection's
``actions``.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from nitrobox_auth._bundled_spec import resolve
from nitrobox_auth.cli._operations import Operation
from nitrobox_auth.cli._probe_body import noun_of, reference_noun
from nitrobox_auth.cli._probe_plan import json_schema

CREATE = "create"
CHANGE = "change"
END = "end"
# The verbs of a path's last literal segment that end a record, in order of preference for
# the cleanup of a record (undo before ending it).
END_VERBS = ("delete", "remove", "cancel", "revers", "revert", "terminat", "end")
CLEANUP_EXTENSION = "x-nitrobox-cleanup"


@dataclass(frozen=True)
class Cleanup:
    """How a create's records are removed: the operation, or why the API cannot."""

    operation_id: str | None
    reason: str


@dataclass(frozen=True)
class WriteStep:
    op: Operation
    phase: str
    # The collection path the operation acts on (`/v2/customers` for updateCustomer) and
    # its noun (`customer`): which records it needs.
    collection: str
    noun: str
    media: str | None
    body_schema: Any
    # The field of the body that holds a created record's own ident (`customerIdent`).
    own: str | None = None
    # What its ident says after `probe-<run id>-`: the noun, or `debtor-address` when two
    # creates make records of one noun.
    label: str = ""
    cleanup: Cleanup | None = None
    skip: str | None = None


def _end_verb(op: Operation) -> int | None:
    """The preference index of the verb that makes ``op`` end a record, or None."""
    if op.method == "DELETE":
        return 0
    if op.method not in ("POST", "PUT", "PATCH"):
        return None
    last = path_tail(op.path)
    if last is None:
        return None
    return _is_end_word(last)


def _is_end_word(segment: str) -> int | None:
    word = segment.lower().replace("-", "").replace("_", "")
    for index, verb in enumerate(END_VERBS):
        if word.startswith(verb):
            return index
    return None


def path_tail(path: str) -> str | None:
    """The last segment when it is a literal (`terminate`), None when it is a parameter."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return None if "{" in last else last


def collection_of(path: str) -> str:
    """The collection a write acts on: the path before its last parameter or `actions`."""
    parts = path.split("/")
    if "actions" in parts:
        parts = parts[: parts.index("actions")]
    if len(parts) > 1 and parts[-2].startswith("{") and _is_end_word(parts[-1]):
        parts = parts[:-1]  # `/v2/contracts/{contractIdent}/termination`
    if parts and parts[-1].startswith("{"):
        parts = parts[:-1]
    return "/".join(parts) or "/"


def phase_of(op: Operation) -> str:
    if _end_verb(op) is not None:
        return END
    if op.method == "POST" and "actions" not in op.path.split("/") and path_tail(op.path):
        return CREATE
    return CHANGE


def _raw(spec: Mapping[str, Any], op: Operation) -> Mapping[str, Any]:
    found: Mapping[str, Any] = resolve(spec, spec["paths"][op.path])[op.method.lower()]
    return found


def _body(spec: Mapping[str, Any], op: Operation) -> tuple[str | None, Any]:
    raw_op = _raw(spec, op)
    if "requestBody" not in raw_op:
        return None, None
    content = resolve(spec, raw_op["requestBody"]).get("content") or {}
    for media in ("application/json", *content):
        if media in content:
            return media, content[media].get("schema", {})
    return None, None


def _body_properties(spec: Mapping[str, Any], schema: Any, depth: int = 0) -> set[str]:
    node = resolve(spec, schema)
    if not isinstance(node, Mapping) or depth > 8:
        return set()
    names = set(node.get("properties") or {})
    for key in ("allOf", "anyOf", "oneOf"):
        for part in node.get(key, []):
            names |= _body_properties(spec, part, depth + 1)
    return names


def cleaned_by(steps: Iterable[WriteStep]) -> dict[str, str]:
    """cleanup operationId -> the create whose records it removes."""
    found: dict[str, str] = {}
    for step in steps:
        if step.phase == CREATE and step.cleanup and step.cleanup.operation_id:
            found.setdefault(step.cleanup.operation_id, step.op.operation_id)
    return found


def creates_of_nouns(steps: Iterable[WriteStep]) -> dict[str, str]:
    """noun -> the first create of that noun (the one whose records others refer to)."""
    found: dict[str, str] = {}
    for step in steps:
        if step.phase == CREATE and step.skip is None:
            found.setdefault(step.noun, step.op.operation_id)
    return found


def target_of(
    step: WriteStep, creates_by_path: Mapping[str, WriteStep], creates_by_noun: Mapping[str, str]
) -> str | None:
    """The create whose record a change or end acts on: by its collection path, or noun."""
    if step.phase == CREATE:
        return None
    if step.collection in creates_by_path:
        return creates_by_path[step.collection].op.operation_id
    return creates_by_noun.get(step.noun)


def body_references(spec: Mapping[str, Any], step: WriteStep) -> set[str]:
    """The top-level body fields that name another record: ``*Ident``/``*Id``, not its own."""
    names = _body_properties(spec, step.body_schema)
    return {
        n
        for n in names
        if n != step.own and n not in ("ident", "id", "idents", "ids") and reference_noun(n)
    }


def _own_field(spec: Mapping[str, Any], op: Operation, schema: Any, noun: str) -> str | None:
    """The field of a create's body that names the new record (Nitrobox: `<resource>Ident`):
    one the body or the answer declares; else `<noun>Ident` as an extra property where the
    body allows them (several documented bodies hide the ident's name)."""
    fields = _body_properties(spec, schema) | _body_properties(
        spec, json_schema(spec, _raw(spec, op))
    )
    last_word = re.split(r"(?=[A-Z])", noun)[-1].lower()
    for candidate in (f"{noun}Ident", f"{last_word}Ident", "ident"):
        if candidate in fields:
            return candidate
    node = resolve(spec, schema)
    if not isinstance(node, Mapping) or node.get("additionalProperties", True) is False:
        return None
    # A collection: a plural path (`/attachments`) or one with a path per record
    # (`/address-validation/{ident}`); not a run (`/billingrun`).
    item = re.compile(re.escape(op.path) + r"/\{[^}/]+\}")
    records = any(item.fullmatch(str(path)) for path in spec.get("paths", {}))
    return f"{noun}Ident" if records or (path_tail(op.path) or "").endswith("s") else None


def cleanup_of(spec: Mapping[str, Any], create: Operation, ops: Mapping[str, Operation]) -> Cleanup:
    """The spec's ``x-nitrobox-cleanup`` for ``create``, or the inferred end operation."""
    raw_op = resolve(spec, spec["paths"][create.path])[create.method.lower()]
    if CLEANUP_EXTENSION in raw_op:
        return _declared_cleanup(raw_op[CLEANUP_EXTENSION], ops)
    candidates: list[tuple[int, int, str]] = []
    noun = noun_of(create.path)
    for op in ops.values():
        verb = _end_verb(op)
        if verb is None or op.operation_id == create.operation_id:
            continue
        if noun_of(collection_of(op.path)) == noun:
            # One record's own path before the collection's bulk action.
            bulk = re.search(r"/actions/[^/{]+$", op.path) is not None and "{" not in op.path
            candidates.append((verb, 1 if bulk else 0, op.operation_id))
    if not candidates:
        return Cleanup(None, "the spec has no operation that deletes, cancels or ends it")
    chosen = min(candidates)[2]
    return Cleanup(chosen, f"{chosen} (inferred from the path: the spec names no cleanup)")


def _declared_cleanup(value: Any, ops: Mapping[str, Operation]) -> Cleanup:
    """``x-nitrobox-cleanup``: an operationId, a mapping with one, or a list of those; a
    value without an operationId of the spec says why there is none."""
    entries = value if isinstance(value, list) else [value]
    reasons: list[str] = []
    for entry in entries:
        if isinstance(entry, str) and entry in ops:
            return Cleanup(entry, f"{entry} (x-nitrobox-cleanup)")
        if isinstance(entry, Mapping):
            # `operationIds: [...]` in order of preference (the spec's form), or one.
            listed = entry.get("operationIds")
            named = [*(listed if isinstance(listed, list) else [])]
            named += [entry.get("operationId"), entry.get("operation")]
            for name in named:
                if isinstance(name, str) and name in ops:
                    return Cleanup(name, f"{name} (x-nitrobox-cleanup)")
            said = [
                str(entry[k]) for k in ("status", "reason", "note") if isinstance(entry.get(k), str)
            ]
            if said:
                reasons.append(": ".join(said))
        elif isinstance(entry, str):
            reasons.append(entry)
    why = "; ".join(reasons) or "no operation of the spec"
    return Cleanup(None, f"the spec says it cannot be removed through the API: {why}")


def plan_writes(
    spec: Mapping[str, Any], ops: Mapping[str, Operation], selected: Sequence[str] = ()
) -> list[WriteStep]:
    """Every write (or ``selected`` ones and the creates they need), in run order."""
    writes = {oid: op for oid, op in ops.items() if op.method != "GET"}
    steps: dict[str, WriteStep] = {}
    labels: set[str] = set()
    for oid, op in writes.items():
        phase = phase_of(op)
        collection = op.path if phase == CREATE else collection_of(op.path)
        noun = noun_of(collection)
        media, schema = _body(spec, op)
        if media is not None and "json" not in media and "multipart" not in media:
            steps[oid] = WriteStep(
                op, phase, collection, noun, media, schema, skip=f"a {media} body is not built"
            )
            continue
        # (A multipart upload is a file: no ident field of ours to send.)
        json_body = media is None or "json" in media
        own = _own_field(spec, op, schema, noun) if phase == CREATE and json_body else None
        cleanup = cleanup_of(spec, op, writes) if phase == CREATE else None
        label = noun
        if phase == CREATE and noun in labels:
            label = noun_of(collection_of(op.path.rsplit("/", 1)[0])) + noun[:1].upper() + noun[1:]
        if phase == CREATE:
            labels.add(label)
        steps[oid] = WriteStep(
            op, phase, collection, noun, media, schema, own=own, cleanup=cleanup, label=label
        )

    # An operation the spec names as a record's cleanup ends that record, whatever its verb.
    cleans = cleaned_by(steps.values())
    for oid in cleans:
        if oid in steps and steps[oid].phase != END:
            steps[oid] = dataclasses.replace(steps[oid], phase=END)
    creates_by_path = {s.op.path: s for s in steps.values() if s.phase == CREATE}
    creates_by_noun = creates_of_nouns(steps.values())

    def needs(step: WriteStep) -> list[str]:
        """The creates of the records in ``step``'s path (`/v2/customers/{ident}/...`)."""
        found: list[str] = []
        path = step.op.path
        for match in re.finditer(r"/\{[^}/]+\}", path):
            prefix = path[: match.start()]
            create = creates_by_path.get(prefix)
            if create is not None and create.op.operation_id != step.op.operation_id:
                found.append(create.op.operation_id)
        target = cleans.get(step.op.operation_id) or target_of(
            step, creates_by_path, creates_by_noun
        )
        if step.phase != CREATE and target is not None and target not in found:
            found.append(target)
        # Fields of the body that name another record (`debtorIdent`, `contractId`).
        for name in sorted(body_references(spec, step)):
            producer = creates_by_noun.get(reference_noun(name) or "")
            if producer and producer != step.op.operation_id and producer not in found:
                found.append(producer)
        return found

    wanted = list(selected) if selected else list(writes)
    included: list[str] = []
    pending = [oid for oid in wanted if oid in steps]
    while pending:
        oid = pending.pop(0)
        if oid not in included:
            included.append(oid)
            pending.extend(needs(steps[oid]))
            cleanup = steps[oid].cleanup
            if cleanup is not None and cleanup.operation_id in steps:
                pending.append(cleanup.operation_id)

    creates = _ordered(
        [o for o in writes if o in included and steps[o].phase == CREATE], needs, steps
    )
    # A billing run bills what the other creates made (usages of the contract), so it
    # comes after them; what needs its documents follows from `needs`.
    creates.sort(key=lambda o: "billingrun" in steps[o].op.path.replace("-", "").lower())
    changes = [o for o in writes if o in included and steps[o].phase == CHANGE]
    position = {oid: i for i, oid in enumerate(creates)}
    cleanups = {
        s.cleanup.operation_id for s in steps.values() if s.cleanup and s.cleanup.operation_id
    }

    def end_key(oid: str) -> tuple[int, int]:
        targets = [position.get(t, -1) for t in needs(steps[oid])]
        # Later records first; a record's own cleanup after the other ends of it.
        return (-max(targets, default=-1), 1 if oid in cleanups else 0)

    ends = sorted((o for o in writes if o in included and steps[o].phase == END), key=end_key)
    return [steps[oid] for oid in (*creates, *changes, *ends)]


def _ordered(
    creates: list[str], needs: Callable[[WriteStep], list[str]], steps: Mapping[str, WriteStep]
) -> list[str]:
    """Creates in spec order, each after the creates it needs (a cycle keeps spec order)."""
    placed: list[str] = []
    waiting = list(creates)
    while waiting:
        ready = [o for o in waiting if all(n in placed for n in needs(steps[o]) if n in creates)]
        if not ready:
            placed.extend(waiting)
            break
        placed.append(ready[0])
        waiting.remove(ready[0])
    return placed
