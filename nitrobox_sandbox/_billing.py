"""Billing runs: unbilled usages, contracts and orders become one invoice per customer,
each with a rendered PDF served by ``GET /v2/files/{ident}``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from nitrobox_sandbox._pdf import render_pdf
from nitrobox_sandbox._responses import ErrorAnswer, FieldProblem
from nitrobox_sandbox._store import Record, StoredFile

if TYPE_CHECKING:
    from nitrobox_sandbox._handlers import Call, Handlers, Reply

BILLABLE = ("contracts", "orders", "usages")
DOCUMENTS = "documents"
CUSTOMERS = "customers"
_CUSTOMER_FIELDS = ("customerIdent", "debtorIdent")
_DATE_FIELDS = ("usageDate", "consumptionDate", "orderDate", "date", "startDate", "timestamp")
# Flat sandbox prices: enough to give invoices believable, reproducible totals.
_PRICES = {"contracts": 10.0, "orders": 25.0, "usages": 0.5}


class BillingRun:
    def __init__(self, handlers: Handlers) -> None:
        self._handlers = handlers

    def run(self, call: Call) -> Reply:
        store = self._handlers.store
        body: Mapping[str, Any] = call.body if isinstance(call.body, Mapping) else {}
        only = body.get("debtorIdent") or body.get("customerIdent")
        if only is None and body.get("debtorId") is not None:
            debtor = self._handlers.lookup(CUSTOMERS, str(body["debtorId"]), by_id=True)
            only = debtor.ident if debtor is not None else str(body["debtorId"])
        known = self._handlers.lookup(CUSTOMERS, str(only)) if only is not None else None
        if only is not None and known is None:
            field = next(f for f in ("debtorIdent", "customerIdent", "debtorId") if f in body)
            problem = FieldProblem(field, "unknown customer", only)
            raise ErrorAnswer(404, f"No customer with ident {only!r}", (problem,))
        until = _when(body.get("processingDate"))
        per_customer: dict[str, list[Record]] = {}
        for collection in BILLABLE:
            for record in store.all(collection):
                customer = self._customer_of(record)
                if record.billed or customer is None:
                    continue
                if known is not None and customer != known.ident:
                    continue
                if not _due(record, until):
                    continue
                per_customer.setdefault(customer, []).append(record)
        documents = [
            self._invoice(customer, records) for customer, records in sorted(per_customer.items())
        ]
        hint = {
            **body,
            "documents": documents,
            "documentIdents": [d["ident"] for d in documents],
            "numberOfDocuments": len(documents),
            "status": "FINISHED",
        }
        return self._handlers.respond(call, hint)

    def external_document(self, call: Call, collection: str, body: dict[str, Any]) -> Reply:
        """A document the client bills itself (``POST /v2/documents/deposit-invoices``)."""
        store = self._handlers.store
        kind = collection.rsplit("/", 1)[-1].rstrip("s").replace("-", "_").upper()
        number = store.next_number(DOCUMENTS) if not body.get("ident") else None
        ident = str(body.get("ident") or f"{kind[:3]}-{number:06d}")
        if store.get(DOCUMENTS, ident) is not None:
            problem = FieldProblem("ident", "must be unique", ident)
            message = f"A document with ident {ident!r} already exists"
            raise ErrorAnswer(409, message, (problem,))
        detail = body.get("customerDetail")
        customer = self._customer_of(Record(collection, ident, body)) or "unknown"
        data: dict[str, Any] = {
            **body,
            "ident": ident,
            "documentType": kind,
            "status": "ARCHIVED",
            "documentDate": body.get("documentDate") or _today(),
            "customerDetail": detail if isinstance(detail, Mapping) else {},
        }
        store.add(Record(DOCUMENTS, ident, data))
        lines = [f"Customer: {customer}", f"Date: {data['documentDate']}"]
        for item in body.get("items") or []:
            if isinstance(item, Mapping):
                lines.append(f"{item.get('name') or item.get('ident')}")
        title = f"{kind.replace('_', ' ').title()} {ident}"
        store.put_file(
            ident, StoredFile(f"{ident}.pdf", "application/pdf", render_pdf(title, lines))
        )
        return self._handlers.respond(call, data)

    def _customer_of(self, record: Record) -> str | None:
        """The ident of the customer a contract, order or usage bills to."""
        data = record.data
        sources: list[Mapping[str, Any]] = [data]
        for nested in ("customerDetail", "debtorOrderDetails", "customer"):
            if isinstance(data.get(nested), Mapping):
                sources.append(data[nested])
        for source in sources:
            for name in _CUSTOMER_FIELDS:
                if isinstance(source.get(name), str):
                    return str(source[name])
        lookup = self._handlers.lookup
        if record.collection != "contracts":
            for name in ("contractIdent", "contractId"):
                if data.get(name) is not None:
                    contract = lookup("contracts", str(data[name]), by_id=name == "contractId")
                    if contract is not None:
                        return self._customer_of(contract)
        for source in sources:
            if source.get("debtorId") is not None:
                customer = lookup(CUSTOMERS, str(source["debtorId"]), by_id=True)
                if customer is not None:
                    return customer.ident
        return None

    def _invoice(self, customer: str, records: list[Record]) -> dict[str, Any]:
        store = self._handlers.store
        # documents have one number sequence: the first invoice is INV-000001
        number = store.next_number(DOCUMENTS)
        ident = f"INV-{number:06d}"
        items = []
        for record in records:
            record.billed = True
            quantity = record.data.get("quantity", 1)
            if isinstance(quantity, bool) or not isinstance(quantity, int | float):
                quantity = 1
            unit = _PRICES[record.collection]
            items.append(
                {
                    "ident": record.ident,
                    "name": f"{record.collection[:-1]} {record.ident}",
                    "quantity": quantity,
                    "netAmount": {"amount": round(unit * quantity, 2), "currency": "EUR"},
                }
            )
        net = round(sum(i["netAmount"]["amount"] for i in items), 2)
        vat = round(net * 0.19, 2)
        today = _today()
        data: dict[str, Any] = {
            "ident": ident,
            "documentType": "INVOICE",
            "type": "INVOICE",
            "status": "ARCHIVED",
            "documentDate": today,
            "currency": "EUR",
            "customerDetail": {"customerIdent": customer},
            "items": items,
            "totalNetAmount": {"amount": net, "currency": "EUR"},
            "totalVatAmount": {"amount": vat, "currency": "EUR"},
            "totalGrossAmount": {"amount": round(net + vat, 2), "currency": "EUR"},
            "fileIdent": ident,
        }
        store.add(Record(DOCUMENTS, ident, data))
        lines = [f"Customer: {customer}", f"Date: {today}", ""]
        lines += [
            f"{i['name']}  x{i['quantity']}  {i['netAmount']['amount']:.2f} EUR" for i in items
        ]
        lines += ["", f"Net {net:.2f} EUR   VAT 19% {vat:.2f} EUR   Total {net + vat:.2f} EUR"]
        store.put_file(
            ident,
            StoredFile(f"{ident}.pdf", "application/pdf", render_pdf(f"Invoice {ident}", lines)),
        )
        return data


def _today() -> str:
    return dt.datetime.now(dt.UTC).date().isoformat()


def _when(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    # Nitrobox: without an offset, UTC is meant
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _due(record: Record, until: dt.datetime | None) -> bool:
    if until is None:
        return True
    for name in _DATE_FIELDS:
        when = _when(record.data.get(name))
        if when is not None:
            return when <= until
    return True
