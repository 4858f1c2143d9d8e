"""The sandbox's behaviour per operation: stateful resources, billing runs, files, and
spec-shaped answers for everything else. Every answer is shaped by the documented schema.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nitrobox_sandbox._billing import DOCUMENTS, BillingRun
from nitrobox_sandbox._limits import content_disposition, is_numeric_ident
from nitrobox_sandbox._paging import page_of
from nitrobox_sandbox._responses import FieldError, error_body
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
        for op_id, plan in self.plans.items():
            op = spec.by_id[op_id]
            if plan.collection and plan.item_param and _integer_param(spec, op, plan.item_param):
                numeric_params[plan.collection] = plan.item_param
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

    # -- entry point --------------------------------------------------------------------

    def handle(self, call: Call) -> Reply:
        plan = self.plans[call.operation.operation_id]
        with self._store.locked():
            handler = getattr(self, f"_{plan.kind}")
            reply: Reply = handler(call, plan)
            return reply

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

    def error(
        self, call: Call, status: int, message: str, errors: tuple[FieldError, ...] = ()
    ) -> Reply:
        return Reply(status, body=error_body(status, message, call.path, errors))

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
        if isinstance(parent, Reply):
            return parent
        body = dict(call.body) if isinstance(call.body, Mapping) else {}
        if plan.collection.startswith(DOCUMENTS + "/") and plan.parent_collection is None:
            return self._billing.external_document(call, plan.collection, body)
        refused = self._check_references(call, plan.collection, body)
        if refused is not None:
            return refused
        record, problem = self._build(call, plan.collection, body, parent, upsert=plan.upsert)
        if problem is not None:
            return problem
        assert record is not None
        return self.respond(call, self.view(record))

    def _build(
        self,
        call: Call,
        collection: str,
        body: dict[str, Any],
        parent: str | None,
        *,
        upsert: bool = False,
    ) -> tuple[Record | None, Reply | None]:
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
            return existing, None
        conflict = self._duplicate(call, collection, ident, field_name) if existing else None
        seen: set[tuple[str, str]] = set()
        for child_collection, child in children:
            child_field = self.ident_fields[child_collection]
            child_key = (child_collection, self._assign_ident(child_collection, child))
            taken = child_key in seen or self._store.get(*child_key) is not None
            if conflict is None and taken:
                conflict = self._duplicate(call, child_collection, child_key[1], child_field)
            seen.add(child_key)
        if conflict is not None:
            return None, conflict
        record = Record(collection, ident, body, parent)
        self._store.add(record)
        for child_collection, child in children:
            child_ident = str(child[self.ident_fields[child_collection]])
            self._store.add(Record(child_collection, child_ident, child, ident))
        return record, None

    def _check_references(self, call: Call, collection: str, body: dict[str, Any]) -> Reply | None:
        """A contract's customer and a usage's contract or customer must exist: a create
        that refers to nothing is refused, as on Nitrobox, instead of billing nobody."""
        problems: list[FieldError] = []
        for field_name, target in _REFERENCES.get(collection, ()):
            value = body.get(field_name)
            if value is None or target not in self.identities:
                continue
            record = self.lookup(target, str(value))
            if record is None:
                problems.append(FieldError(field_name, f"no {target[:-1]} with this ident", value))
            elif collection == "contracts" and field_name == "debtorIdent":
                body.setdefault("debtorId", record.data.get(self.identities[target].id_field))
        if (
            collection == "usages"
            and body.get("contractId") is None
            and body.get("debtorId") is None
        ):
            # UsageCreateRequest: "debtorId: Mandatory without contractId"
            problems.append(FieldError("debtorId", "must not be null without contractId", None))
        if problems:
            return self.error(call, 400, "The request refers to unknown resources", tuple(problems))
        return None

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

    def _duplicate(self, call: Call, collection: str, ident: str, field_name: str) -> Reply:
        what = collection.rsplit("/", 1)[-1]
        return self.error(
            call,
            409,
            f"A resource of {what} with {field_name} {ident!r} already exists",
            (FieldError(field_name, "must be unique", ident),),
        )

    def _query(self, call: Call, plan: Plan) -> Reply:
        assert plan.collection is not None
        parent = self._parent_ident(call, plan)
        if isinstance(parent, Reply):
            return parent
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
            return self.error(
                call,
                400,
                "The search expression is invalid",
                (FieldError("search", str(exc), search),),
            )
        return self.respond(call, hint)

    def _retrieve(self, call: Call, plan: Plan) -> Reply:
        record = self._item(call, plan)
        return record if isinstance(record, Reply) else self.respond(call, self.view(record))

    def _update(self, call: Call, plan: Plan) -> Reply:
        record = self._item(call, plan)
        if isinstance(record, Reply):
            if not plan.upsert:
                return record
            assert plan.collection is not None
            assert plan.item_param is not None
            body = dict(call.body) if isinstance(call.body, Mapping) else {}
            body[self.ident_fields[plan.collection]] = call.path_params[plan.item_param]
            parent = self._parent_ident(call, plan)
            created, problem = self._build(
                call, plan.collection, body, None if isinstance(parent, Reply) else parent
            )
            return problem or self.respond(call, self.view(created))  # type: ignore[arg-type]
        if isinstance(call.body, Mapping):
            ident_name = self.ident_fields[record.collection]
            # idents cannot be amended after the initial POST
            record.data.update({k: v for k, v in call.body.items() if k != ident_name})
        return self.respond(call, self.view(record))

    def _delete(self, call: Call, plan: Plan) -> Reply:
        record = self._item(call, plan)
        if isinstance(record, Reply):
            return record
        self._store.remove(record.collection, record.ident)
        return self.respond(call, self.view(record))

    def _action(self, call: Call, plan: Plan) -> Reply:
        hint: dict[str, Any] = {}
        parent = self._parent_ident(call, plan)
        if isinstance(parent, Reply):
            return parent
        if plan.collection is not None and plan.item_param is not None:
            record = self._item(call, plan)
            if isinstance(record, Reply):
                return record
            hint.update(self.view(record))
        if isinstance(call.body, Mapping):
            hint.update(call.body)
        hint.update(call.path_params)
        return self.respond(call, hint)

    def _billing_run(self, call: Call, plan: Plan) -> Reply:
        return self._billing.run(call)

    def _file(self, call: Call, plan: Plan) -> Reply:
        assert plan.item_param is not None
        ident = call.path_params[plan.item_param]
        stored = self._store.file(ident)
        if stored is None:
            return self.error(call, 404, f"No file with ident {ident!r}")
        return Reply(
            200,
            content=stored.content,
            media_type=stored.media_type,
            headers={"Content-Disposition": content_disposition(stored.filename)},
        )

    # -- look-ups -----------------------------------------------------------------------

    def _item(self, call: Call, plan: Plan) -> Record | Reply:
        assert plan.collection is not None
        assert plan.item_param is not None
        ident = call.path_params[plan.item_param]
        parent = self._parent_ident(call, plan)
        if isinstance(parent, Reply):
            return parent
        if plan.collection not in self.stateful:
            return Record(plan.collection, ident, {plan.item_param: ident}, parent)
        record = self.lookup(plan.collection, ident)
        if record is None or (parent is not None and record.parent != parent):
            what = plan.collection.rsplit("/", 1)[-1] or "resource"
            return self.error(call, 404, f"No {what} with ident {ident!r}")
        return record

    def _parent_ident(self, call: Call, plan: Plan) -> str | Reply | None:
        if plan.parent_collection is None or plan.parent_param is None:
            return None
        ident = call.path_params[plan.parent_param]
        if plan.parent_collection not in self.stateful:
            return ident
        record = self.lookup(plan.parent_collection, ident)
        if record is None:
            what = plan.parent_collection.rsplit("/", 1)[-1]
            return self.error(call, 404, f"No {what} with ident {ident!r}")
        return record.ident

    def children_count(self, collection: str, parent: str) -> int:
        """How many records of ``collection`` belong to the record ``parent``."""
        return len(self._store.all(collection, parent=parent))

    def lookup(self, collection: str, ident: str) -> Record | None:
        """The record with this ident, or (for a numeric path parameter) this numeric id."""
        record = self._store.get(collection, ident)
        if record is None and is_numeric_ident(ident):
            id_field = self.identities[collection].id_field
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
