"""The write operations the third facts file adds, served by the sandbox's generic handlers:
an OPOS case decision, an allowance on a contract, customer and merchant payment accounts and
the assignment configuration, each refused where what it refers to does not exist."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

NewCustomer = Callable[..., httpx.Response]
MERCHANT = {
    "active": True,
    "country": "DE",
    "currency": "EUR",
    "ident": "mpa-1",
    "name": "Main account",
    "paymentServiceProviderId": 1,
}


def test_an_opos_case_decision_is_added(api: httpx.Client) -> None:
    """No operation creates OPOS cases, so any case ident is taken; the body is checked."""
    body = {"ident": "d-1", "type": "UNCOLLECTABLE_RECEIVABLE", "note": None}
    assert api.post("/v2/opos-cases/case-1/decisions", json=body).status_code == 201
    refused = api.post("/v2/opos-cases/case-1/decisions", json={"ident": "d-2"})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["fieldName"] == "type"


def test_an_allowance_needs_its_contract(api: httpx.Client, new_customer: NewCustomer) -> None:
    """201 on an existing contract, 404 on an unknown one."""
    assert new_customer("C-1").status_code == 201
    contract = {"contractIdent": "K-1", "debtorIdent": "C-1", "date": "2025-01-15T10:00:00Z"}
    assert api.post("/v2/contracts", json=contract).status_code == 201
    body = {"optionIdent": "charging-time", "percentage": 10}
    assert api.post("/v2/contracts/K-1/allowances", json=body).status_code == 201
    assert api.post("/v2/contracts/K-2/allowances", json=body).status_code == 404


def test_a_customer_payment_account_refers_to_its_customer(
    api: httpx.Client, new_customer: NewCustomer
) -> None:
    """`debtorIdent` must name a customer, as on createContract."""
    body = {"debtorIdent": "C-1", "merchantPaymentGatewayIdent": "gw-1"}
    unknown = api.post("/v2/customer-payment-accounts", json=body)
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["fieldName"] == "debtorIdent"
    assert new_customer("C-1").status_code == 201
    assert api.post("/v2/customer-payment-accounts", json=body).status_code == 201


def test_the_assignment_configuration_needs_its_merchant_account(api: httpx.Client) -> None:
    """The configuration and a payment transaction belong to an existing merchant payment
    account; the errors are valid CommonError bodies (errors always a list)."""
    path = "/v2/merchant-payment-accounts/mpa-1/assignment-configuration"
    missing = api.post(path, json={"overpaymentAssignmentToDocuments": True})
    assert missing.status_code == 404
    payment = {"baseAmount": {"amount": 10.0, "currency": "EUR"}, "creditDebitIndicator": "CREDIT"}
    payment |= {"bookingDate": "2025-02-03T09:00:00Z", "externalIdent": "BANK-1"}
    assert api.post("/v2/merchant-payment-accounts/mpa-1/payments", json=payment).status_code == 404
    assert {"errors", "message", "path", "status", "timestamp"} <= missing.json().keys()
    assert missing.json()["errors"] == []
    assert api.post("/v2/merchant-payment-accounts", json=MERCHANT).status_code == 201
    assert api.post(path, json={"overpaymentAssignmentToDocuments": True}).status_code == 201
    assert api.post("/v2/merchant-payment-accounts/mpa-1/payments", json=payment).status_code == 201
    duplicate = api.post("/v2/merchant-payment-accounts", json=MERCHANT)
    assert duplicate.status_code == 409


@pytest.mark.parametrize("field", sorted(MERCHANT))
def test_a_merchant_account_without_a_required_field_is_refused(
    api: httpx.Client, field: str
) -> None:
    """Each of the six fields the docs mark required is required by the sandbox too."""
    body = {k: v for k, v in MERCHANT.items() if k != field}
    refused = api.post("/v2/merchant-payment-accounts", json=body)
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["fieldName"] == field
