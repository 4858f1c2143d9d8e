"""The sandbox's behaviour per operation: stateful resources, billing runs, files, and
spec-shaped answers for everything else. Every answer is shaped by the documented schema.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nitrobox_auth.tooling import ascii_digits
from nitrobox_sandbox._billing import DOCUMENTS, BillingRun
from nitrobox_sandbox._handlers_contracts import coerce_numeric_ids, contract_details
from nitrobox_sandbox._limits import content_disposition
from nitrobox_sandbox._paging import page_of
from nitrobox_sandbox._responses import ErrorAnswer, FieldProblem, error_body
from nitrobox_sandbox._routes import Identity, Plan, identity, plan_operation
from nitrobox_sandbox._rsql import RSQLError
from nitrobox_sandbox._spec import Operation, Spec
from nitrobox_sandbox._store import Record, Store
from nitrobox_sandbox._synth import Synthesizer


@dataclass(frozen=True)
class Call:
    """A validated API request, as a handler sees it."""

    operation: Operation
    path: str
    path_params: Mapping[str, str]
    query: Mapping[str, Any]
    body: Any


@dataclass(frozen=True)
class Reply:
    status: int
    body: Any = None
    content: bytes | None = None
    media_type: str = "application/json"
    headers: dict[str, str] = field(default_factory=dict)


# Which body fields refer to which collection (by ident or numeric id).
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "contracts": (("debtorIdent", "customers"), ("debtorId", "customers")),
    "usages": (("contractId", "contracts"), ("debtorId", "customers")),
}


class Handlers:
    def __init__(self, spec: Spec, synth: Synthesizer, store: Store) -> None:
        self._spec = spec
        self._synth = synth
        self._store = store
        self.plans = {op.operation_id: plan_operation(op) for op in spec.operations}
        creates = {
            plan.collection: spec.by_id[op_id]
            for op_id, plan in self.plans.items()
            if plan.kind == "create" and plan.collection
        }
        numeric_params: dict[str, str] = {}
        # Per operation, the path parameters typed integer: those name an item by its numeric
        # id only (`/v2/contracts/{contractId}`), never by an ident that happens to be digits.
        self._integer_params: dict[str, frozenset[str]] = {}
        for op_id, plan in self.plans.items():
            op = spec.by_id[op_id]
            integers = frozenset(n for n in op.param_names if _integer_param(spec, op, n))
            self._integer_params[op_id] = integers
            if plan.collection and plan.item_param in integers:
                numeric_params.setdefault(plan.collection, plan.item_param)
        collections = {p.collection for p in self.plans.values() if p.collection}
        self.identities: dict[str, Identity] = {
            c: identity(spec, c, creates.get(c), numeric_params.get(c)) for c in collections
        }
        self.ident_fields = {c: i.ident_field for c, i in self.identities.items()}
        # Only collections a client can fill (or the billing run fills) are checked for
        # existence; an item of a collection the spec cannot create is taken on trust.
        self.stateful = {
            p.collection for p in self.plans.values() if p.kind == "create" and p.collection
        } | {DOCUMENTS}
        self._billing = BillingRun(self)
        # Built once: which method answers which operation.
        self._dispatch: dict[str, Callable[[Call, Plan], Reply]] = {
            op_id: getattr(self, f"_{plan.kind}") for op_id, plan in self.plans.items()
        }
        self.observer: Any = None  # told of every finished call (_events.EventSource)

    # -- entry point --------------------------------------------------------------------

    def handle(self, call: Call) -> Reply:
        op_id = call.operation.operation_id
        plan = self.plans[op_id]
        try:
            with self._store.locked():
                reply = self._dispatch[op_id](call, plan)
                if self.observer is not None:
                    self.observer.handled(call, plan, reply)
                return reply
        except ErrorAnswer as answer:
            body = error_body(answer.status, answer.message, call.path, answer.errors)
            return Reply(answer.status, body=body)

    # -- helpers shared with the billing run --------------------------------------------

    @property
    def store(self) -> Store:
        return self._store

    def respond(self, call: Call, hint: Any, status: int | None = None) -> Reply:
        """The documented success answer of ``call``'s operation, shaped from ``hint``."""
        created = self.plans[call.operation.operation_id].kind == "create"
        documented = self._spec.success_response(call.operation, created=created)
        if documented.schema_pointer is None or documented.media_type is None:
            return Reply(status or documented.status)
        schema = self._spec.at("#" + documented.schema_pointer)
        body = self._synth.shape(schema, hint)
        return Reply(status or documented.status, body=body, media_type=documented.media_type)

    def view(self, record: Record) -> dict[str, Any]:
        """A record's data with its child collections filled in (a customer's addresses)."""
        data = dict(record.data)
        prefix = record.collection + "/"
        for collection in self.ident_fields:
            if collection.startswith(prefix) and "/" not in collection[len(prefix) :]:
                name = _camel(collection[len(prefix) :])
                children = self._store.all(collection, parent=record.ident)
                if children or name in data:
                    data[name] = [self.view(child) for child in children]
        return data

    # -- kinds of operation -------------------------------------------------------------

    def _create(self, call: Call, plan: Plan) -> Reply:
        assert plan.collection is not None
        parent = self._parent_ident(call, plan)
        body = dict(call.body) if isinstance(call.body, Mapping) else {}
        coerce_numeric_ids(body)
        if plan.collection.startswith(DOCUMENTS + "/") and plan.parent_collection is None:
            return self._billing.external_document(call, plan.collection, body)
        self._check_references(plan.collection, body)
        record = self._build(plan.collection, body, parent, upsert=plan.upsert)
        return self.respond(call, self.view(record))

    def _build(
        self,
        collection: str,
        body: dict[str, Any],
        parent: str | None,
        *,
        upsert: bool = False,
    ) -> Record:
        """Store ``body`` (and its inline children) in ``collection``; all or nothing."""
        field_name = self.ident_fields[collection]
        ident = self._assign_ident(collection, body)
        children: list[tuple[str, dict[str, Any]]] = []
        for key, value in list(body.items()):
            child_collection = f"{collection}/{key}"
            if child_collection in self.ident_fields and isinstance(value, list):
                children += [(child_collection, dict(v)) for v in value if isinstance(v, Mapping)]
                del body[key]
        existing = self._store.get(collection, ident)
        if existing is not None and upsert:
            existing.data.update(body)
            return existing
        conflict = self._duplicate(collection, ident, field_name) if existing else None
        seen: set[tuple[str, str]] = set()
        for child_collection, child in children:
            child_field = self.ident_fields[child_collection]
            child_key = (child_collection, self._assign_ident(child_collection, child))
            taken = child_key in seen or self._store.get(*child_key) is not None
            if conflict is None and taken:
                conflict = self._duplicate(child_collection, child_key[1], child_field)
            seen.add(child_key)
        if conflict is not None:
            raise conflict
        record = Record(collection, ident, body, parent)
        self._store.add(record)
        for child_collection, child in children:
            child_ident = str(child[self.ident_fields[child_collection]])
            self._store.add(Record(child_collection, child_ident, child, ident))
        return record

    def _check_references(self, collection: str, body: dict[str, Any]) -> None:
        """A contract's customer and a usage's contract or customer must exist: a create
        that refers to nothing is refused, as on Nitrobox, instead of billing nobody."""
        problems: list[FieldProblem] = []
        for field_name, target in _REFERENCES.get(collection, ()):
            value = body.get(field_name)
            if value is None or target not in self.identities:
                continue
            record = self.lookup(target, str(value), by_id=field_name.endswith("Id"))
            if record is None:
                problems.append(
                    FieldProblem(field_name, f"no {target[:-1]} with this ident", value)
                )
            elif collection == "contracts" and field_name == "debtorIdent":
                body.setdefault("debtorId", record.data.get(self.identities[target].id_field))
        if (
            collection == "usages"
            and body.get("contractId") is None
            and body.get("debtorId") is None
        ):
            # UsageCreateRequest: "debtorId: Mandatory without contractId"
            problems.append(FieldProblem("debtorId", "must not be null without contractId", None))
        if problems:
            raise ErrorAnswer(400, "The request refers to unknown resources", problems)

    def _assign_ident(self, collection: str, data: dict[str, Any]) -> str:
        """Give ``data`` its ident (a UUID unless the client chose one) and numeric id."""
        found = self.identities[collection]
        if found.id_field not in data or not isinstance(data[found.id_field], int):
            data[found.id_field] = self._store.next_seq()
        if found.numeric:
            return str(data[found.id_field])
        ident = data.get(found.ident_field)
        if ident is None or ident == "":
            ident = data[found.ident_field] = str(uuid.uuid4())
        return str(ident)

    def _duplicate(self, collection: str, ident: str, field_name: str) -> ErrorAnswer:
        what = collection.rsplit("/", 1)[-1]
        return ErrorAnswer(
            409,
            f"A resource of {what} with {field_name} {ident!r} already exists",
            (FieldProblem(field_name, "must be unique", ident),),
        )

    def _query(self, call: Call, plan: Plan) -> Reply:
        assert plan.collection is not None
        parent = self._parent_ident(call, plan)
        records = self._store.all(plan.collection, parent=parent)
        documented = self._spec.success_response(call.operation)
        if documented.schema_pointer is None:
            return Reply(documented.status)
        schema = self._spec.at("#" + documented.schema_pointer)
        try:
            hint = page_of(
                self._spec, self._synth, schema, [self.view(r) for r in records], call.query
            )
        except RSQLError as exc:
            search = call.query.get("search")
            problem = FieldProblem("search", str(exc), search)
            raise ErrorAnswer(400, "The search expression is invalid", (problem,)) from exc
        return self.respond(call, hint)

    def _retrieve(self, call: Call, plan: Plan) -> Reply:
        return self.respond(call, self.view(self._item(call, plan)))

    def _update(self, call: Call, plan: Plan) -> Reply:
        try:
            record = self._item(call, plan)
        except ErrorAnswer:
            if not plan.upsert:
                raise
            assert plan.collection is not None
            assert plan.item_param is not None
            body = dict(call.body) if isinstance(call.body, Mapping) else {}
            body[self.ident_fields[plan.collection]] = call.path_params[plan.item_param]
            try:
                parent = self._parent_ident(call, plan)
            except ErrorAnswer:
                parent = None
            return self.respond(call, self.view(self._build(plan.collection, body, parent)))
        if isinstance(call.body, Mapping):
            ident_name = self.ident_fields[record.collection]
            # idents cannot be amended after the initial POST
            record.data.update({k: v for k, v in call.body.items() if k != ident_name})
        return self.respond(call, self.view(record))

    def _delete(self, call: Call, plan: Plan) -> Reply:
        record = self._item(call, plan)
        self._store.remove(record.collection, record.ident)
        return self.respond(call, self.view(record))

    def _action(self, call: Call, plan: Plan) -> Reply:
        hint: dict[str, Any] = {}
        self._parent_ident(call, plan)
        if plan.collection is not None and plan.item_param is not None:
            hint.update(self.view(self._item(call, plan)))
        if isinstance(call.body, Mapping):
            hint.update(call.body)
        hint.update(call.path_params)
        return self.respond(call, hint)

    def _details(self, call: Call, plan: Plan) -> Reply:
        record = self._item(call, plan)
        if isinstance(record, Reply):
            return record
        return self.respond(call, contract_details(self, record))

    def _billing_run(self, call: Call, plan: Plan) -> Reply:
        return self._billing.run(call)

    def _file(self, call: Call, plan: Plan) -> Reply:
        assert plan.item_param is not None
        ident = call.path_params[plan.item_param]
        stored = self._store.file(ident)
        if stored is None:
            raise ErrorAnswer(404, f"No file with ident {ident!r}")
        return Reply(
            200,
            content=stored.content,
            media_type=stored.media_type,
            headers={"Content-Disposition": content_disposition(stored.filename)},
        )

    # -- look-ups -----------------------------------------------------------------------

    def _item(self, call: Call, plan: Plan) -> Record:
        assert plan.collection is not None
        assert plan.item_param is not None
        ident = call.path_params[plan.item_param]
        parent = self._parent_ident(call, plan)
        if plan.collection not in self.stateful:
            return Record(plan.collection, ident, {plan.item_param: ident}, parent)
        by_id = plan.item_param in self._integer_params[call.operation.operation_id]
        record = self.lookup(plan.collection, ident, by_id=by_id)
        if record is None or (parent is not None and record.parent != parent):
            what = plan.collection.rsplit("/", 1)[-1] or "resource"
            raise ErrorAnswer(404, f"No {what} with ident {ident!r}")
        return record

    def _parent_ident(self, call: Call, plan: Plan) -> str | None:
        if plan.parent_collection is None or plan.parent_param is None:
            return None
        ident = call.path_params[plan.parent_param]
        if plan.parent_collection not in self.stateful:
            return ident
        by_id = plan.parent_param in self._integer_params[call.operation.operation_id]
        record = self.lookup(plan.parent_collection, ident, by_id=by_id)
        if record is None:
            what = plan.parent_collection.rsplit("/", 1)[-1]
            raise ErrorAnswer(404, f"No {what} with ident {ident!r}")
        return record.ident

    def children_count(self, collection: str, parent: str) -> int:
        """How many records of ``collection`` belong to the record ``parent``."""
        return len(self._store.all(collection, parent=parent))

    def lookup(self, collection: str, ident: str, *, by_id: bool = False) -> Record | None:
        """The record with this ident, else the one with this numeric id; with ``by_id``, only
        the one with this numeric id (an integer path parameter or an ``...Id`` field)."""
        found = self.identities.get(collection)
        if found is None:
            return self._store.get(collection, ident)
        record = None if by_id and not found.numeric else self._store.get(collection, ident)
        if record is None and ascii_digits(ident):
            id_field = found.id_field
            record = next(
                (r for r in self._store.all(collection) if r.data.get(id_field) == int(ident)),
                None,
            )
        return record


def _integer_param(spec: Spec, op: Operation, name: str) -> bool:
    path_item = spec.at("#" + op.pointer.rsplit("/", 1)[0])
    for parameter in [*path_item.get("parameters", []), *op.definition.get("parameters", [])]:
        parameter = spec.resolve(parameter)
        if parameter.get("in") == "path" and parameter.get("name") == name:
            schema = spec.resolve(parameter.get("schema", {}))
            return bool(schema.get("type") == "integer")
    return False


def _camel(name: str) -> str:
    words = [w for w in name.replace("_", "-").split("-") if w]
    return words[0] + "".join(w.title() for w in words[1:]) if words else name
