"""The sandbox's behaviour per operation: stateful resources, billing runs, files, and
spec-shaped answers for everything else. Every answer is shaped by the documented schema.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from nitrobox_auth.tooling import ascii_digits
from nitrobox_sandbox import _rsql
from nitrobox_sandbox._billing import DOCUMENTS, BillingRun
from nitrobox_sandbox._handlers_contracts import coerce_numeric_ids, contract_details
from nitrobox_sandbox._limits import content_disposition
from nitrobox_sandbox._paging import page_of, plain_page_of
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


# Numeric ids are int64 on Nitrobox: 19 digits at most (a longer one names nothing).
_MAX_ID_DIGITS = 19

# Which body fields refer to which collection (by ident or numeric id).
_REFERENCES: dict[str, tuple[tuple[str, str], ...]] = {
    "contracts": (("debtorIdent", "customers"), ("debtorId", "customers")),
    "usages": (("contractId", "contracts"), ("debtorId", "customers")),
    # "for a specific debtor": the customer's ident, as on createContract (facts 3, R8)
    "customer-payment-accounts": (("debtorIdent", "customers"),),
}


class Handlers:
    def __init__(self, spec: Spec, synth: Synthesizer, store: Store) -> None:
        self._spec = spec
        self._synth = synth
        self._store = store
        self.plans = _shared_collections(
            {op.operation_id: plan_operation(op) for op in spec.operations}
        )
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
        # collection -> {field of its bodies and answers: child collection}: a customer's
        # "addresses", a billing group's "businessSegments" (stored as business-segments)
        self.children: dict[str, dict[str, str]] = {}
        for plan in self.plans.values():
            if plan.collection and plan.parent_collection and plan.collection in self.identities:
                name = _camel(plan.collection.rsplit("/", 1)[-1])
                self.children.setdefault(plan.parent_collection, {})[name] = plan.collection
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
        for name, collection in self.children.get(record.collection, {}).items():
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
        if upsert:
            existing = self._existing(collection, body)
            if existing is not None:
                # an upsert of a stored item amends it: same ident, same numeric id
                self.amend(existing, body)
                return existing
        ident = self._assign_ident(collection, body)
        children: list[tuple[str, dict[str, Any]]] = []
        child_collections = self.children.get(collection, {})
        for key, value in list(body.items()):
            child_collection = child_collections.get(key)
            if child_collection is not None and isinstance(value, list):
                children += [(child_collection, dict(v)) for v in value if isinstance(v, Mapping)]
                del body[key]
        existing = self._store.get(collection, ident)
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
        record = Record(collection, ident, body, parent, number=self._number(collection, body))
        self._store.add(record)
        for child_collection, child in children:
            child_ident = str(child[self.ident_fields[child_collection]])
            number = self._number(child_collection, child)
            self._store.add(Record(child_collection, child_ident, child, ident, number=number))
        return record

    def _existing(self, collection: str, body: Mapping[str, Any]) -> Record | None:
        """The stored item ``body`` names by its ident, if any."""
        found = self.identities[collection]
        ident = body.get(found.ident_field)
        if ident is None or ident == "" or isinstance(ident, Mapping | list):
            return None
        return self.lookup(collection, str(ident), by_id=found.numeric)

    def amend(self, record: Record, changes: Mapping[str, Any]) -> None:
        """Apply an update's fields; the ident ("cannot be amended after the initial POST")
        and the numeric id the sandbox assigned stay."""
        found = self.identities.get(record.collection)
        kept = {found.ident_field, found.id_field} if found is not None else set()
        record.data.update({k: v for k, v in changes.items() if k not in kept})

    def _number(self, collection: str, data: Mapping[str, Any]) -> int | None:
        value = data.get(self.identities[collection].id_field)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

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
            data[found.id_field] = self._store.next_number(collection)
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
        documented = self._spec.success_response(call.operation)
        if documented.schema_pointer is None:
            return Reply(documented.status)
        schema = self._spec.at("#" + documented.schema_pointer)
        collection = plan.collection
        hint = None
        if parent is None:
            # the default order from the store's insertion order: only the page is viewed
            hint = plain_page_of(
                self._spec,
                schema,
                call.query,
                self._store.count(collection),
                lambda start, stop, newest: [
                    self.view(r)
                    for r in self._store.window(collection, start, stop, newest_first=newest)
                ],
            )
        if hint is not None:
            return self.respond(call, hint)
        records = self._indexed(collection, call.query.get("search"))
        if records is None:
            records = self._store.all(collection, parent=parent)
        elif parent is not None:
            records = [r for r in records if r.parent == parent]
        try:
            hint = page_of(
                self._spec, self._synth, schema, [self.view(r) for r in records], call.query
            )
        except RSQLError as exc:
            search = call.query.get("search")
            problem = FieldProblem("search", str(exc), search)
            raise ErrorAnswer(400, "The search expression is invalid", (problem,)) from exc
        return self.respond(call, hint)

    def _indexed(self, collection: str, search: Any) -> list[Record] | None:
        """The only records a ``search`` of the ident or numeric id alone can match (found
        by index, oldest first; the full filter still runs on them), else ``None``."""
        found = self.identities.get(collection)
        if found is None or not isinstance(search, str):
            return None
        equality = _rsql.equality(search)
        if equality is None or equality[0] not in (found.ident_field, found.id_field):
            return None
        by_id = equality[0] == found.id_field
        if by_id and not all(ascii_digits(value) for value in equality[1]):
            return None  # `debtorId==1.0` and the like: the filter decides, on everything
        records = {}
        for value in equality[1]:
            record = self.lookup(collection, value, by_id=by_id)
            if record is not None:
                records[record.ident] = record
        return sorted(records.values(), key=lambda r: r.seq)

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
            self.amend(record, call.body)
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
        return self._store.count(collection, parent=parent)

    def lookup(self, collection: str, ident: str, *, by_id: bool = False) -> Record | None:
        """The record with this ident, else the one with this numeric id; with ``by_id``, only
        the one with this numeric id (an integer path parameter or an ``...Id`` field)."""
        found = self.identities.get(collection)
        if found is None:
            return self._store.get(collection, ident)
        record = None if by_id and not found.numeric else self._store.get(collection, ident)
        if record is None and ascii_digits(ident) and len(ident) <= _MAX_ID_DIGITS:
            record = self._store.by_number(collection, int(ident))
        return record


def _shared_collections(plans: dict[str, Plan]) -> dict[str, Plan]:
    """A child collection named like a top-level one is that collection, with a parent:
    business segments created under a billing group
    (``POST /v2/billing-groups/{billingGroupIdent}/business-segments``) are the ones
    ``GET /v2/business-segments`` lists and ``/v2/business-segments/{ident}`` serves."""
    top = {p.collection for p in plans.values() if p.collection and "/" not in p.collection}
    shared = {}
    for op_id, plan in plans.items():
        name = plan.collection.rsplit("/", 1)[-1] if plan.collection else None
        if plan.collection and "/" in plan.collection and name in top:
            plan = dataclasses.replace(plan, collection=name)
        shared[op_id] = plan
    return shared


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
