"""The operations and shapes the second facts file adds, served with state: retrieve a
contract by its numeric id, contract details, retrieve an option, the paged and plain plan
queries, the debtor family under /v2/debtors, `direction` in either case, and a usage whose
contractId is a string of digits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from http_under_test import httpx

NewCustomer = Callable[..., httpx.Response]
DATE = "2025-01-15T10:00:00Z"


def _contract(api: httpx.Client, ident: str, **fields: Any) -> dict[str, Any]:
    body = {"contractIdent": ident, "debtorIdent": "C-1", "date": DATE, **fields}
    response = api.post("/v2/contracts", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


@pytest.fixture
def customer(new_customer: NewCustomer) -> None:
    assert new_customer("C-1").status_code == 201


@pytest.mark.usefixtures("customer")
def test_contract_is_retrieved_by_its_numeric_id(api: httpx.Client) -> None:
    """GET /v2/contracts/{contractId} answers the contract the create answer numbered, with
    the properties it was created with."""
    properties = [{"propertyIdent": "partner-id", "propertyValue": "partner-7"}]
    created = _contract(api, "K-1", properties=properties)
    retrieved = api.get(f"/v2/contracts/{created['contractId']}")
    assert retrieved.status_code == 200
    assert retrieved.json()["contractIdent"] == "K-1"
    assert retrieved.json()["properties"] == properties


@pytest.mark.usefixtures("customer")
def test_a_digit_ident_never_shadows_a_numeric_id(api: httpx.Client) -> None:
    """The one segment after /v2/contracts/ is always the numeric id: a contract whose ident
    is digits is not found through it, the contract with that number is."""
    first = _contract(api, "K-1")
    _contract(api, str(first["contractId"] + 1000))
    retrieved = api.get(f"/v2/contracts/{first['contractId']}")
    assert retrieved.json()["contractIdent"] == "K-1"
    unknown = api.get(f"/v2/contracts/{first['contractId'] + 1000}")
    assert unknown.status_code == 404


def test_contract_by_ident_on_the_numeric_path_says_what_to_send(api: httpx.Client) -> None:
    """A non-numeric segment is a 400 naming `contractId` (there is no retrieve by ident)."""
    response = api.get("/v2/contracts/K-1")
    assert response.status_code == 400
    assert response.json()["errors"][0]["fieldName"] == "contractId"


def test_unpaged_contracts_query_is_not_a_contract(api: httpx.Client) -> None:
    """/v2/contracts/unpaged stays the unpaged query, not a contract with that id."""
    response = api.get("/v2/contracts/unpaged")
    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.usefixtures("customer")
def test_contract_details_list_the_booked_options(api: httpx.Client) -> None:
    """Details name the options of the contract's items and of its plan's phases, once each."""
    plan = api.post(
        "/v2/plans",
        json={
            "name": "Charging",
            "phases": [{"name": "Main", "linkedOptions": [{"optionIdent": "per-minute"}]}],
        },
    )
    assert plan.status_code == 201, plan.text
    items = [{"optionIdent": "base-fee", "quantity": 2}, {"optionIdent": "per-minute"}]
    _contract(api, "K-1", planId=plan.json()["planId"], contractItems=items)
    details = api.get("/v2/contracts/K-1/details")
    assert details.status_code == 200
    assert details.json()["optionQuantities"] == [
        {
            "optionQuantity": [
                {"optionIdent": "base-fee", "quantity": 2},
                {"optionIdent": "per-minute"},
            ]
        }
    ]


@pytest.mark.usefixtures("customer")
def test_contract_without_options_has_empty_details(api: httpx.Client) -> None:
    _contract(api, "K-1")
    assert api.get("/v2/contracts/K-1/details").json() == {"optionQuantities": []}


def test_details_of_an_unknown_contract_are_a_404(api: httpx.Client) -> None:
    response = api.get("/v2/contracts/NOPE/details")
    assert response.status_code == 404
    assert "NOPE" in response.json()["message"]


def test_option_is_retrieved_with_its_pricing(api: httpx.Client) -> None:
    """GET /v2/billing/plan-options/{optionIdent} answers the created option, pricing kept."""
    pricing = [
        {
            "pricingRules": [
                {
                    "criteria": {"timePeriod": {"start": "08:00:00", "end": "20:00:00"}},
                    "price": {"amount": 0.35, "currency": "EUR"},
                    "priceTiers": [{"quantity": 5.0, "price": 0.0, "type": "FLAT"}],
                }
            ]
        }
    ]
    created = api.post(
        "/v2/billing/plan-options",
        json={
            "name": "Charging time",
            "productIdent": "charging",
            "optionIdent": "per-minute",
            "optionName": "Charging per minute",
            "quantityType": "MINUTE",
            "pricingGroups": pricing,
        },
    )
    assert created.status_code == 201, created.text
    option = api.get("/v2/billing/plan-options/per-minute")
    assert option.status_code == 200
    assert option.json()["quantityType"] == "MINUTE"
    assert option.json()["pricingGroups"] == pricing
    assert api.get("/v2/billing/plan-options/unknown").status_code == 404


def test_plans_list_and_page_see_the_same_plans(api: httpx.Client) -> None:
    """GET /v2/plans answers a plain list, GET /v2/plans/pageable a page of the same plans."""
    for name in ("Basic", "Premium"):
        assert api.post("/v2/plans", json={"name": name, "phases": [{}]}).status_code == 201
    listed = api.get("/v2/plans", params={"search": "name==Basic"})
    assert [plan["name"] for plan in listed.json()] == ["Basic"]
    paged = api.get("/v2/plans/pageable", params={"size": 1, "orderBy": "name"})
    assert paged.status_code == 200
    assert [plan["name"] for plan in paged.json()["_embedded"]] == ["Basic"]


@pytest.mark.parametrize(
    ("direction", "first"), [("asc", "A"), ("ASC", "A"), ("desc", "B"), ("DESC", "B")]
)
def test_direction_in_either_case(
    api: httpx.Client, new_customer: NewCustomer, direction: str, first: str
) -> None:
    """`direction` is taken in the documented lower case and in the staff code's upper case."""
    new_customer("A")
    new_customer("B")
    response = api.get(
        "/v2/customers/unpaged", params={"orderBy": "customerIdent", "direction": direction}
    )
    assert response.status_code == 200
    assert response.json()[0]["customerIdent"] == first


def test_other_direction_spellings_are_refused(api: httpx.Client) -> None:
    response = api.get("/v2/customers/unpaged", params={"direction": "sideways"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["fieldName"] == "direction"


@pytest.mark.usefixtures("customer")
def test_usage_with_a_string_contract_id_is_recorded_and_billed(api: httpx.Client) -> None:
    """`"contractId": "2118902"` as the staff code sends it is taken as that contract."""
    contract = _contract(api, "K-1")
    usage = api.post(
        "/v2/usages",
        json={
            "productIdent": "charging-sessions",
            "contractId": str(contract["contractId"]),
            "usageIdent": "U-1",
            "unitQuantities": [{"unitQuantity": 1, "unitQuantityType": "PC"}],
            "startDate": DATE,
            "endDate": DATE,
        },
    )
    assert usage.status_code == 201, usage.text
    unknown = api.post(
        "/v2/usages",
        json={
            "productIdent": "p",
            "contractId": "999999",
            "usageIdent": "U-2",
            "startDate": DATE,
            "endDate": DATE,
        },
    )
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["fieldName"] == "contractId"
    run = api.post("/v2/billingrun", json={"processingDate": "2025-12-31T00:00:00Z"})
    assert run.status_code == 200
    invoice = api.get("/v2/documents").json()["_embedded"][0]
    assert invoice["customerDetail"]["customerIdent"] == "C-1"


def test_debtor_family_lives_under_v2_debtors(api: httpx.Client) -> None:
    """Create, list and retrieve v1 debtors at /v2/debtors, addressed by their debtorId."""
    created = api.post(
        "/v2/debtors",
        json={"debtorIdent": "D-1", "addresses": [{"addressType": "INVOICE", "city": "Kiel"}]},
    )
    assert created.status_code == 201, created.text
    debtor_id = created.json()["debtorId"]
    listed = api.get("/v2/debtors").json()
    assert [d["debtorIdent"] for d in listed] == ["D-1"]
    assert listed[0]["addresses"][0]["city"] == "Kiel"
    address_id = listed[0]["addresses"][0]["addressId"]
    assert api.get(f"/v2/debtors/{debtor_id}").json()["debtorIdent"] == "D-1"
    address = api.get(f"/v2/debtors/{debtor_id}/addresses/{address_id}")
    assert address.status_code == 200
    assert address.json()["city"] == "Kiel"
    assert api.get("/api/debtors").status_code == 404


def test_customers_are_not_debtors(api: httpx.Client, new_customer: NewCustomer) -> None:
    """The deprecated debtor paths keep their own debtors: a customer's debtorId is a 404
    there (as docs/sandbox.md says)."""
    customer = new_customer("C-1").json()
    response = api.get(f"/v2/debtors/{customer['debtorId']}")
    assert response.status_code == 404
