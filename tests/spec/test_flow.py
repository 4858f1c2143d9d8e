"""The demo flow the typed client and the sandbox share: token -> customer -> contract ->
usages -> billing run -> documents -> PDF. These are the shapes other code builds on."""

from __future__ import annotations

from typing import Any

from spec_helpers import OPENAPI_DIR, deref, load


def _op(file: str, path: str, method: str) -> tuple[dict[str, Any], dict[str, Any]]:
    document = load(OPENAPI_DIR / file)
    return document, document["paths"][path][method]


def _body_schema(document: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    return deref(document, op["requestBody"]["content"]["application/json"]["schema"])  # type: ignore[no-any-return]


def _answer_schema(document: dict[str, Any], op: dict[str, Any], code: str) -> dict[str, Any]:
    response = deref(document, op["responses"][code])
    return deref(document, response["content"]["application/json"]["schema"])  # type: ignore[no-any-return]


def test_create_customer_takes_and_returns_customer_ident() -> None:
    """POST /v2/customers requires customerIdent (inferred name) and answers it back."""
    document, op = _op("customer-api.yaml", "/v2/customers", "post")
    body = _body_schema(document, op)
    assert {"customerIdent", "addresses"} <= set(body["required"])
    assert "x-nitrobox-inferred" in body
    for code in ("201", "200"):
        assert "customerIdent" in _answer_schema(document, op, code)["properties"]


def test_create_contract_links_customer_and_returns_contract_id() -> None:
    """POST /v2/contracts takes debtorIdent; the answer names contractId and contractIdent."""
    document, op = _op("contract-api.yaml", "/v2/contracts", "post")
    body = _body_schema(document, op)
    assert {"contractIdent", "date"} <= set(body["required"])
    assert "debtorIdent" in body["properties"]
    answer = _answer_schema(document, op, "201")
    assert {"contractId", "contractIdent"} <= set(answer["properties"])
    assert answer["properties"]["contractId"]["type"] == "integer"


def test_create_usage_refers_to_contract_id_and_answers_201() -> None:
    """POST /v2/usages takes the contract's numeric contractId (as a number, or as the string
    of digits Nitrobox staff code sends) and answers 201."""
    document, op = _op("usage-api.yaml", "/v2/usages", "post")
    body = _body_schema(document, op)
    forms = body["properties"]["contractId"]["anyOf"]
    assert [(form["type"], form.get("format")) for form in forms] == [
        ("integer", "int64"),
        ("string", None),
    ]
    assert set(body["required"]) == {"endDate", "productIdent", "startDate", "usageIdent"}
    assert [code for code in op["responses"] if code.startswith("2")] == ["201"]


def test_billing_run_requires_processing_date() -> None:
    """POST /v2/billingrun bills one customer by debtorIdent up to processingDate."""
    document, op = _op("billing-api.yaml", "/v2/billingrun", "post")
    body = _body_schema(document, op)
    assert body["required"] == ["processingDate"]
    assert "debtorIdent" in body["properties"]
    # The answer body is not documented: no content, so an empty 200 parses.
    assert "content" not in op["responses"]["200"]


def test_documents_page_items_carry_ident_and_customer() -> None:
    """GET /v2/documents pages Document items with ident and customerDetail.customerIdent."""
    document, op = _op("document-api.yaml", "/v2/documents", "get")
    page = _answer_schema(document, op, "200")
    item = deref(document, page["properties"]["_embedded"]["items"])
    assert "ident" in item["properties"]
    detail = deref(document, item["properties"]["customerDetail"])
    assert "customerIdent" in detail["properties"]


def test_file_download_is_binary_pdf() -> None:
    """GET /v2/files/{ident} answers a binary PDF (or octet-stream)."""
    _, op = _op("document-api.yaml", "/v2/files/{ident}", "get")
    content = op["responses"]["200"]["content"]
    assert set(content) == {"application/pdf", "application/octet-stream"}
    for media in content.values():
        assert media["schema"] == {"type": "string", "format": "binary"}
