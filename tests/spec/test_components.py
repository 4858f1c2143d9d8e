"""Components: shared ones identical across files, references intact, answers tolerant."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from spec_helpers import (
    HTTP_METHODS,
    all_operations,
    deref,
    domain_files,
    load,
    resolve_pointer,
    schema_validator,
    walk,
)

FILES = domain_files()
IDS = [path.name for path in FILES]
SECTIONS = ("schemas", "responses", "parameters", "securitySchemes")
# What every file carries, as Nitrobox's own self-contained *-api.json files do.
CORE = {
    "schemas": {"GlobalErrorResponse", "GlobalErrorItem", "PageInfo", "SortDirection", "Ident"},
    "responses": {"4XX_Client_Error_Response", "5XX_Server_Error_Response"},
    "parameters": {"search", "page", "size", "orderBy", "direction"},
    "securitySchemes": {"OAuth2"},
}


def test_same_named_components_are_identical() -> None:
    """A component name used in several files means the same thing in all of them (the
    bundler merges identical components and would rename differing ones)."""
    seen: dict[tuple[str, str], tuple[str, Any]] = {}
    differing = []
    for path in FILES:
        components = load(path)["components"]
        for section in SECTIONS:
            for name, value in components.get(section, {}).items():
                first = seen.setdefault((section, name), (path.name, value))
                if first[1] != value:
                    differing.append(f"{section}/{name}: {first[0]} vs {path.name}")
    assert differing == []


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_core_components_in_every_file(path: Path) -> None:
    """Each file is self-contained: errors, paging, ident and security are in every file."""
    components = load(path)["components"]
    for section, names in CORE.items():
        assert names <= set(components.get(section, {})), f"{path.name} lacks {section}"


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_no_dangling_refs(path: Path) -> None:
    """Every $ref (x-webhooks included) points at something in the same file."""
    document = load(path)
    refs = [
        (where, node["$ref"])
        for where, node in walk(document)
        if isinstance(node, dict) and "$ref" in node
    ]
    assert refs, "the walk found no references at all"
    dangling = []
    for where, ref in refs:
        try:
            resolve_pointer(document, ref)
        except (KeyError, IndexError, ValueError):
            dangling.append(f"{where} -> {ref}")
    assert dangling == []


def test_dangling_ref_is_detected() -> None:
    """The reference check fails on a reference to a missing component."""
    with pytest.raises(KeyError):
        resolve_pointer({"components": {"schemas": {}}}, "#/components/schemas/Missing")


def _object_schemas(
    document: dict[str, Any], schema: Any, seen: set[int]
) -> Iterator[dict[str, Any]]:
    """Every object schema reachable from ``schema`` (through refs, properties, items, xOf)."""
    schema = deref(document, schema)
    if not isinstance(schema, dict) or id(schema) in seen:
        return
    seen.add(id(schema))
    if schema.get("type") == "object" or "properties" in schema:
        yield schema
    for key in ("allOf", "anyOf", "oneOf"):
        for sub in schema.get(key, []):
            yield from _object_schemas(document, sub, seen)
    for sub in schema.get("properties", {}).values():
        yield from _object_schemas(document, sub, seen)
    if isinstance(schema.get("items"), dict):
        yield from _object_schemas(document, schema["items"], seen)


def _response_schemas(path: Path) -> Iterator[tuple[str, dict[str, Any]]]:
    document = load(path)
    for url, item in document["paths"].items():
        for method in HTTP_METHODS:
            for code, response in item.get(method, {}).get("responses", {}).items():
                for media in deref(document, response).get("content", {}).values():
                    for schema in _object_schemas(document, media["schema"], set()):
                        yield f"{method.upper()} {url} {code}", schema


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_answers_accept_unknown_fields(path: Path) -> None:
    """Every object in an answer allows properties it does not list, so a newer server does
    not break an older client."""
    closed = [
        where
        for where, schema in _response_schemas(path)
        if schema.get("additionalProperties") is not True
    ]
    assert closed == []


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_webhook_payloads_accept_unknown_fields(path: Path) -> None:
    """Webhook payload objects are as tolerant as answers."""
    document = load(path)
    for event, item in document.get("x-webhooks", {}).items():
        schema = item["post"]["requestBody"]["content"]["application/json"]["schema"]
        for found in _object_schemas(document, schema, set()):
            assert found.get("additionalProperties") is True, event


def _schema(name: str, file: str = "customer-api.yaml") -> tuple[dict[str, Any], dict[str, Any]]:
    document = load(Path(__file__).parents[2] / "openapi" / file)
    return document, document["components"]["schemas"][name]


@pytest.mark.parametrize("value", ["A", "cust-1001", "a.b~c_d-e", "x" * 100])
def test_ident_accepts_documented_characters(value: str) -> None:
    """Idents of 1..100 characters from [a-zA-Z0-9_.~-] are valid."""
    assert schema_validator(*_schema("Ident")).is_valid(value)


@pytest.mark.parametrize("value", ["", "x" * 101, "a b", "a@b", "ä", "a/b"])
def test_ident_rejects_other_values(value: str) -> None:
    """Empty, too long or foreign characters are rejected."""
    assert not schema_validator(*_schema("Ident")).is_valid(value)


def test_debtor_ident_allows_at_sign() -> None:
    """createContract's debtorIdent is the documented exception that allows `@`."""
    document, schema = _schema("ContractCreateRequest", "contract-api.yaml")
    debtor = schema["properties"]["debtorIdent"]
    assert schema_validator(document, debtor).is_valid("user@example.com")
    assert not schema_validator(document, debtor).is_valid("a b")


@pytest.mark.parametrize("value", [10, 10.5, "2.76", "1658818761", None])
def test_notification_amounts_accept_number_or_string(value: Any) -> None:
    """Document notification amounts accept the number and the string forms the docs show."""
    document, schema = _schema("InvoiceNotification", "document-api.yaml")
    assert schema_validator(document, schema).is_valid({"outstanding": value, "timestamp": value})


def test_notification_amounts_reject_other_types() -> None:
    """...but not an object where an amount belongs."""
    document, schema = _schema("InvoiceNotification", "document-api.yaml")
    assert not schema_validator(document, schema).is_valid({"outstanding": {"amount": 1}})


def test_documented_enums_are_real_enums() -> None:
    """Values the docs list become `enum` keywords in request schemas."""
    _, address = _schema("AddressCreateRequest")
    assert address["properties"]["addressType"]["enum"] == ["INVOICE", "SHIPPING"]
    assert address["properties"]["preferredDocumentDelivery"]["enum"] == ["EMAIL", "LETTER", "NONE"]
    _, group = _schema("BillingGroupRequest", "billing-api.yaml")
    assert group["properties"]["lateUsageBehaviour"]["enum"] == ["CORRECTIVE", "CARRY_OVER"]
    _, order = _schema("OrderCreateRequest", "order-api.yaml")
    assert order["properties"]["billingTime"]["enum"] == ["IMMEDIATELY", "ON_DEMAND"]


def test_every_operation_body_is_a_named_component() -> None:
    """JSON request bodies reference named schemas, so generated models get good names."""
    inline = []
    for op in all_operations():
        for media in op.spec.get("requestBody", {}).get("content", {}).values():
            if "$ref" not in media["schema"]:
                inline.append(str(op))
    assert inline == []


def test_customer_ident_accepts_what_contracts_refer_to() -> None:
    """A customer ident may hold `@`, because createContract's debtorIdent (which names the
    customer) allows it; spaces stay invalid."""
    validator = schema_validator(*_schema("CustomerIdent"))
    assert validator.is_valid("jane@example.com")
    assert not validator.is_valid("jane doe")
    assert not validator.is_valid("")


# The notification_type values listed on the notifications page (facts section 4.6), plus
# the one the changelog adds.
DOCUMENTED_EVENTS = {
    "customer.created",
    "customer.updated",
    "address.created",
    "address.updated",
    "order.created",
    "order.updated",
    "order.cancelled",
    "contract.created",
    "contract.updated",
    "contract.renewed",
    "contract.terminated",
    "contract.cancelled",
    "contract.expired",
    "invoice.created",
    "invoice.archived",
    "invoice.updated",
    "paymentintent.result",
    "paymentAssignment.processed",
    "paymentAssignment.reversed",
    "settlement.created",
    # from the changelog (nitrobox-api-facts-2.md, N16)
    "documentAttachment.archived",
}


def test_every_documented_event_has_a_payload_schema() -> None:
    """Each documented webhook event appears once in some file's x-webhooks, with a schema."""
    events: list[str] = []
    for path in FILES:
        document = load(path)
        for event, item in document.get("x-webhooks", {}).items():
            media = item["post"]["requestBody"]["content"]["application/json"]
            assert deref(document, media["schema"]), event
            events.append(event)
    assert sorted(events) == sorted(DOCUMENTED_EVENTS)
