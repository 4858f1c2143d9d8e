"""Billing runs turn unbilled contracts and usages into invoices with real PDF files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from http_under_test import httpx

NewCustomer = Callable[..., httpx.Response]


@pytest.fixture
def billable(api: httpx.Client, new_customer: NewCustomer) -> dict[str, int]:
    """Two customers with a contract each; C-1 has two usages on its contract."""
    contract_ids = {}
    for customer in ("C-1", "C-2"):
        assert new_customer(customer).status_code == 201
        contract = api.post(
            "/v2/contracts",
            json={
                "contractIdent": f"K-{customer}",
                "debtorIdent": customer,
                "date": "2025-01-15T10:00:00Z",
            },
        )
        assert contract.status_code == 201
        contract_ids[customer] = contract.json()["contractId"]
    for number, start in enumerate(["2025-01-20T10:00:00Z", "2025-03-01T10:00:00Z"], 1):
        usage = api.post(
            "/v2/usages",
            json={
                "usageIdent": f"U-{number}",
                "productIdent": "charging-time",
                "contractId": contract_ids["C-1"],
                "startDate": start,
                "endDate": start,
                "unitQuantities": [{"unitQuantity": 3600, "unitQuantityType": "SECOND"}],
            },
        )
        assert usage.status_code == 201
    return contract_ids


def _documents(api: httpx.Client, **params: Any) -> list[dict[str, Any]]:
    response = api.get("/v2/documents", params=params)
    assert response.status_code == 200, response.text
    content: list[dict[str, Any]] = response.json()["_embedded"]
    return content


@pytest.mark.usefixtures("billable")
def test_billing_run_makes_one_invoice_per_customer(api: httpx.Client) -> None:
    """Every customer with unbilled items gets exactly one document."""
    run = api.post("/v2/billingrun", json={"processingDate": "2025-12-31T00:00:00Z"})
    assert run.status_code == 200
    documents = _documents(api)
    customers = sorted(d["customerDetail"]["customerIdent"] for d in documents)
    assert customers == ["C-1", "C-2"]
    assert len({d["ident"] for d in documents}) == 2


@pytest.mark.usefixtures("billable")
def test_documents_are_found_by_customer_as_client_code_does(api: httpx.Client) -> None:
    """search=customerDetail.customerIdent=='C-1' finds that customer's invoice only."""
    api.post("/v2/billingrun", json={"processingDate": "2025-12-31T00:00:00Z"})
    [document] = _documents(api, search="customerDetail.customerIdent=='C-1'")
    assert document["customerDetail"]["customerIdent"] == "C-1"
    # one contract and two usages of C-1 are on it
    assert len(document["items"]) == 3


@pytest.mark.usefixtures("billable")
def test_document_file_is_a_real_pdf(api: httpx.Client) -> None:
    """GET /v2/files/{ident} answers PDF bytes with the file name in Content-Disposition."""
    api.post("/v2/billingrun", json={"processingDate": "2025-12-31T00:00:00Z"})
    [document] = _documents(api, search="customerDetail.customerIdent==C-2")
    response = api.get(f"/v2/files/{document['ident']}", headers={"Accept": "application/pdf"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-1.4")
    assert response.content.rstrip().endswith(b"%%EOF")
    assert f'filename="{document["ident"]}.pdf"' in response.headers["content-disposition"]
    assert document["ident"].encode() in response.content


@pytest.mark.usefixtures("billable")
def test_items_are_billed_once(api: httpx.Client) -> None:
    """A second run finds nothing left to bill and makes no new document."""
    api.post("/v2/billingrun", json={"processingDate": "2025-12-31T00:00:00Z"})
    api.post("/v2/billingrun", json={"processingDate": "2025-12-31T00:00:00Z"})
    assert len(_documents(api)) == 2


@pytest.mark.usefixtures("billable")
def test_billing_run_for_one_debtor(api: httpx.Client) -> None:
    """debtorIdent limits the run to that customer; the others stay unbilled."""
    api.post(
        "/v2/billingrun", json={"debtorIdent": "C-2", "processingDate": "2025-12-31T00:00:00Z"}
    )
    assert [d["customerDetail"]["customerIdent"] for d in _documents(api)] == ["C-2"]
    api.post("/v2/billingrun", json={"processingDate": "2025-12-31T00:00:00Z"})
    assert len(_documents(api)) == 2


@pytest.mark.usefixtures("billable")
def test_processing_date_leaves_later_usages_for_the_next_run(api: httpx.Client) -> None:
    """Items dated after processingDate are not billed yet."""
    api.post(
        "/v2/billingrun", json={"debtorIdent": "C-1", "processingDate": "2025-02-01T00:00:00Z"}
    )
    [first] = _documents(api)
    assert len(first["items"]) == 2  # the contract and the January usage
    api.post(
        "/v2/billingrun", json={"debtorIdent": "C-1", "processingDate": "2025-12-31T00:00:00Z"}
    )
    later = [d for d in _documents(api) if d["ident"] != first["ident"]]
    assert [len(d["items"]) for d in later] == [1]


@pytest.mark.usefixtures("billable")
def test_orders_are_billed_to_their_customer(api: httpx.Client) -> None:
    """An order names its customer in debtorOrderDetails and lands on that invoice."""
    order = {"orderIdent": "O-1", "debtorOrderDetails": {"debtorIdent": "C-2"}}
    assert api.post("/v2/orders", json=order).status_code == 201
    api.post(
        "/v2/billingrun", json={"debtorIdent": "C-2", "processingDate": "2025-12-31T00:00:00Z"}
    )
    [document] = _documents(api)
    assert sorted(item["ident"] for item in document["items"]) == ["K-C-2", "O-1"]


def test_billing_run_for_an_unknown_debtor_is_a_404(api: httpx.Client) -> None:
    """Naming a customer that does not exist is an error, not an empty run."""
    response = api.post(
        "/v2/billingrun", json={"debtorIdent": "NOPE", "processingDate": "2025-12-31T00:00:00Z"}
    )
    assert response.status_code == 404
    assert response.json()["errors"][0]["rejectedValue"] == "NOPE"


def test_unknown_file_is_a_404(api: httpx.Client) -> None:
    """Files exist only for documents the sandbox made."""
    response = api.get("/v2/files/INV-999999")
    assert response.status_code == 404
    assert response.json()["status"] == "NOT_FOUND"


def test_deposit_invoice_is_a_document_with_a_file(
    api: httpx.Client, new_customer: NewCustomer
) -> None:
    """An externally billed document is listed with the others and has a PDF."""
    new_customer("C-1")
    body = {
        "ident": "DEP-1",
        "billingGroupIdent": "external",
        "currency": "EUR",
        "customerDetail": {"customerIdent": "C-1"},
        "items": [
            {
                "ident": "ITEM-1",
                "category": "SERVICE",
                "name": "Deposit",
                "performanceLocation": {"country": "DE"},
            }
        ],
    }
    response = api.post("/v2/documents/deposit-invoices", json=body)
    assert response.status_code == 201, response.text
    assert [d["ident"] for d in _documents(api)] == ["DEP-1"]
    assert api.get("/v2/files/DEP-1").content.startswith(b"%PDF")
    assert api.post("/v2/documents/deposit-invoices", json=body).status_code == 409
