"""Which notification each sandbox state change sends, in the documented payload shapes.

Creations are seen where they happen, in the store (``Store.observer``): a customer, an
address, a contract, an order, a document from a billing run (``invoice.created``) and its
rendered PDF (``invoice.archived``). Terminations and cancellations are operations that do not
create anything; they are seen when their call succeeded (``Handlers.observer``).

The shapes follow ``nitrobox-api-facts.md`` section 4.6 and the spec's ``x-webhooks``:
camelCase for customers, contracts and orders, snake_case for documents; ``invoice.created``
carries numbers and epoch milliseconds, ``invoice.archived`` decimal strings and epoch
seconds, as the two documented examples do. Customer and address payloads are not published:
``{customerIdent, [addressIdent,] tenantId, notification_type}`` is inferred.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from nitrobox_sandbox._notifier import Notifier

if TYPE_CHECKING:
    from nitrobox_sandbox._handlers import Call, Reply
    from nitrobox_sandbox._routes import Plan
    from nitrobox_sandbox._store import Record, Store, StoredFile

# Nitrobox sends a numeric tenant id; the sandbox has one tenant.
SANDBOX_TENANT_ID = 1

# operationId -> the type each contract it names gets
_CONTRACT_ENDINGS = {
    "terminateContract": "contract.terminated",
    "terminateContractByIdent": "contract.terminated",
    "terminateContracts": "contract.terminated",
    "terminateContractExtraordinarily": "contract.cancelled",
    "extraordinaryTerminateContracts": "contract.cancelled",
    "cancelContracts": "contract.cancelled",
}
_CAMEL = {"customers": "customer", "contracts": "contract", "orders": "order"}


class EventSource:
    """Turns store changes and finished calls into payloads for the notifier."""

    def __init__(self, notifier: Notifier, store: Store) -> None:
        self._notifier = notifier
        self._store = store

    # -- Store.observer -----------------------------------------------------------------------

    def added(self, record: Record) -> None:
        if not self._notifier.subscribed:
            return
        payload = self._created(record)
        if payload is not None:
            self._notifier.publish(payload)

    def file_stored(self, ident: str, stored: StoredFile) -> None:
        if not self._notifier.subscribed:
            return
        document = self._store.get("documents", ident)
        if document is not None:
            self._notifier.publish(archived_payload(document))

    # -- Handlers.observer --------------------------------------------------------------------

    def handled(self, call: Call, plan: Plan, reply: Reply) -> None:
        notification_type = _CONTRACT_ENDINGS.get(call.operation.operation_id)
        if notification_type is None or not 200 <= reply.status < 300:
            return
        if not self._notifier.subscribed:
            return
        body: Mapping[str, Any] = call.body if isinstance(call.body, Mapping) else {}
        named = call.path_params.get("contractIdent")
        idents = [named] if named is not None else body.get("idents") or []
        for ident in idents:
            contract = self._store.get("contracts", str(ident))
            if contract is None:
                continue
            payload: dict[str, Any] = {"contractIdent": contract.ident}
            if notification_type == "contract.terminated":
                payload["endDate"] = _end_of_day(body.get("noticeDate") or body.get("endDate"))
            payload |= {"tenantId": SANDBOX_TENANT_ID, "notification_type": notification_type}
            self._notifier.publish(payload)

    # -- shapes -------------------------------------------------------------------------------

    def _created(self, record: Record) -> dict[str, Any] | None:
        data = record.data
        if record.collection == "customers/addresses":
            return {
                "customerIdent": record.parent,
                "addressIdent": record.ident,
                "tenantId": SANDBOX_TENANT_ID,
                "notification_type": "address.created",
            }
        if record.collection == "documents":
            return invoice_payload(record)
        name = _CAMEL.get(record.collection)
        if name is None:
            return None
        payload: dict[str, Any] = {f"{name}Ident": record.ident}
        if name == "contract":
            payload["startDate"] = _iso(data.get("startDate")) or _iso(_now())
            payload["endDate"] = _iso(data.get("endDate"))
        payload |= {"tenantId": SANDBOX_TENANT_ID, "notification_type": f"{name}.created"}
        return payload


def invoice_payload(document: Record) -> dict[str, Any]:
    """``invoice.created``: numbers and epoch milliseconds, as in the documented example."""
    data = document.data
    customer = _customer(data)
    net, vat, gross = (
        _amount(data, key) for key in ("totalNetAmount", "totalVatAmount", "totalGrossAmount")
    )
    issued = _document_time(data)
    ms = int(issued.timestamp() * 1000)
    references = _origin_references(data)
    return {
        "notification_type": "invoice.created",
        "invoice_ident": document.ident,
        "reference_ident": references[0]["reference_ident"] if references else None,
        "debtor_ident": customer,
        "customer_ident": customer,
        "type": str(data.get("documentType") or "invoice").lower(),
        "status": "open",
        "next_status_timestamp": ms + 14 * 86_400_000,
        "outstanding": gross,
        "invoice_total_exclusive_vat": net,
        "invoice_total_vat": vat,
        "invoice_total_inclusive_vat": gross,
        "currency": data.get("currency") or "EUR",
        "order_date": ms,
        "invoice_date": ms,
        "business_segment_ident": "default",
        "business_segment_idents": ["default"],
        "business_client_id": SANDBOX_TENANT_ID,
        "timestamp": int(_now().timestamp() * 1000),
        "invoice_origin_references": references,
        "document_reason": None,
        "related_invoice_ident": None,
    }


def archived_payload(document: Record) -> dict[str, Any]:
    """``invoice.archived``: the created fields, decimal strings and epoch seconds, the
    archive totals; ``invoice_ident`` names the file (``GET /v2/files/{invoice_ident}``)."""
    payload = invoice_payload(document)
    for key in ("next_status_timestamp", "order_date", "invoice_date", "timestamp"):
        payload[key] = payload[key] // 1000
    for key in (
        "outstanding",
        "invoice_total_exclusive_vat",
        "invoice_total_vat",
        "invoice_total_inclusive_vat",
    ):
        payload[key] = _text(payload[key])
    gross = payload["invoice_total_inclusive_vat"]
    payload |= {
        "notification_type": "invoice.archived",
        "status": "invoiced",
        "invoice_total_post_tax_sum": gross,
        "invoice_total_document_account_due": "0.00" if gross is not None else None,
        "invoice_total_deposit_sum": "0.00" if gross is not None else None,
        "invoice_total_due": gross,
        "tenant_id": SANDBOX_TENANT_ID,
        "document_relation": {"documentReason": None, "documentRelatedIdent": None},
        "preferred_document_delivery": "EMAIL",
        "webportal_link": None,
    }
    return payload


def _customer(data: Mapping[str, Any]) -> str | None:
    detail = data.get("customerDetail")
    if isinstance(detail, Mapping) and isinstance(detail.get("customerIdent"), str):
        return str(detail["customerIdent"])
    return None


def _amount(data: Mapping[str, Any], key: str) -> float | None:
    money = data.get(key)
    if isinstance(money, Mapping) and isinstance(money.get("amount"), int | float):
        return float(money["amount"])
    return None


def _text(amount: float | None) -> str | None:
    return None if amount is None else f"{amount:.2f}"


def _origin_references(data: Mapping[str, Any]) -> list[dict[str, str]]:
    references = []
    for item in data.get("items") or []:
        kind, _, ident = (
            str(item.get("name", "")).partition(" ") if isinstance(item, Mapping) else ("", "", "")
        )
        if kind in ("order", "contract") and ident:
            references.append({"reference_type": kind.upper(), "reference_ident": ident})
    return references


def _document_time(data: Mapping[str, Any]) -> dt.datetime:
    raw = data.get("documentDate")
    if isinstance(raw, str):
        try:
            day = dt.date.fromisoformat(raw[:10])
        except ValueError:
            return _now()
        return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    return _now()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _iso(value: Any) -> str | None:
    """A date-time as Nitrobox writes it (``2023-01-24T00:00:00Z``), or None."""
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value  # kept as the client sent it
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _end_of_day(value: Any) -> str:
    """The end date of a termination: the end of the notice day (today without one), in the
    documented form ``...T23:59:59.999Z``."""
    day = _now().date()
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            day = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    return f"{day.isoformat()}T23:59:59.999Z"
