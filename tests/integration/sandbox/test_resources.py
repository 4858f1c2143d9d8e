"""Resources are stateful: a create is visible to the next query; idents are unique."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from http_under_test import httpx

NewCustomer = Callable[..., httpx.Response]


def test_created_customer_can_be_retrieved(api: httpx.Client, new_customer: NewCustomer) -> None:
    """POST answers 201 with the customer; GET by ident returns the same customer."""
    created = new_customer("C-1", customerType="B2B", language="de")
    assert created.status_code == 201
    assert created.json()["customerIdent"] == "C-1"
    retrieved = api.get("/v2/customers/C-1")
    assert retrieved.status_code == 200
    assert retrieved.json()["customerType"] == "B2B"
    assert retrieved.json()["addresses"][0]["city"] == "Hamburg"


def test_fields_the_spec_does_not_name_pass_through(
    api: httpx.Client, new_customer: NewCustomer
) -> None:
    """The published bodies are cut off, so extra fields are kept, as Nitrobox does."""
    new_customer("C-1", customerAccountNumber="4711")
    assert api.get("/v2/customers/C-1").json()["customerAccountNumber"] == "4711"


def test_duplicate_ident_is_refused_and_the_first_is_kept(
    api: httpx.Client, new_customer: NewCustomer
) -> None:
    """A second create with the same ident is a 409 naming the ident; nothing is replaced."""
    new_customer("C-1", language="de")
    duplicate = new_customer("C-1", language="en")
    assert duplicate.status_code == 409
    assert duplicate.json()["status"] == "CONFLICT"
    assert duplicate.json()["errors"] == [
        {"fieldName": "customerIdent", "error": "must be unique", "rejectedValue": "C-1"}
    ]
    assert api.get("/v2/customers/C-1").json()["language"] == "de"


def test_duplicate_address_ident_refuses_the_whole_customer(
    api: httpx.Client, new_customer: NewCustomer
) -> None:
    """Inline addresses are checked too, and a refused create stores nothing."""
    address = {"addressType": "INVOICE", "country": "DE", "addressIdent": "A-1"}
    assert new_customer("C-1", addresses=[address]).status_code == 201
    refused = new_customer("C-2", addresses=[address])
    assert refused.status_code == 409
    assert refused.json()["errors"][0]["fieldName"] == "addressIdent"
    assert api.get("/v2/customers/C-2").status_code == 404


def test_addresses_belong_to_their_customer(api: httpx.Client, new_customer: NewCustomer) -> None:
    """An address added later shows in the customer's addresses; other customers' do not."""
    new_customer("C-1")
    new_customer("C-2")
    added = api.post(
        "/v2/customers/C-1/addresses",
        json={"addressType": "SHIPPING", "country": "DE", "addressIdent": "SHIP-1"},
    )
    assert added.status_code == 201
    assert api.get("/v2/customers/C-1/addresses/SHIP-1").status_code == 200
    assert api.get("/v2/customers/C-2/addresses/SHIP-1").status_code == 404
    idents = [a["addressIdent"] for a in api.get("/v2/customers/C-1").json()["addresses"]]
    assert "SHIP-1" in idents
    assert len(idents) == 2


def test_address_of_an_unknown_customer_is_a_404(api: httpx.Client) -> None:
    """Creating under a customer that does not exist names the missing customer."""
    response = api.post(
        "/v2/customers/NOPE/addresses", json={"addressType": "INVOICE", "country": "DE"}
    )
    assert response.status_code == 404
    assert "NOPE" in response.json()["message"]


def test_update_changes_fields_but_not_the_ident(
    api: httpx.Client, new_customer: NewCustomer
) -> None:
    """PUT updates what it sends; the ident cannot be amended after the initial POST."""
    new_customer("C-1", language="de")
    updated = api.put("/v2/customers/C-1", json={"language": "en", "customerIdent": "C-9"})
    assert updated.status_code == 200
    assert updated.json()["language"] == "en"
    assert updated.json()["customerIdent"] == "C-1"
    assert api.get("/v2/customers/C-9").status_code == 404


def test_unknown_ident_is_a_404(api: httpx.Client) -> None:
    """Retrieving what was never created is a NOT_FOUND error body."""
    response = api.get("/v2/customers/NEVER")
    assert response.status_code == 404
    assert response.json()["status"] == "NOT_FOUND"


def test_contract_for_an_unknown_customer_is_refused(api: httpx.Client) -> None:
    """A contract must name an existing customer: the field and value are reported."""
    response = api.post(
        "/v2/contracts",
        json={"contractIdent": "K-1", "debtorIdent": "NOPE", "date": "2025-01-15T10:00:00Z"},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["fieldName"] == "debtorIdent"
    assert response.json()["errors"][0]["rejectedValue"] == "NOPE"


def test_contract_gets_a_numeric_id_usages_can_refer_to(
    api: httpx.Client, new_customer: NewCustomer
) -> None:
    """Usages refer to contracts by the numeric contractId (as public client code does)."""
    new_customer("C-1")
    contract = api.post(
        "/v2/contracts",
        json={"contractIdent": "K-1", "debtorIdent": "C-1", "date": "2025-01-15T10:00:00Z"},
    ).json()
    assert isinstance(contract["contractId"], int)
    assert isinstance(contract["debtorId"], int)
    usage = {
        "usageIdent": "U-1",
        "productIdent": "charging-time",
        "contractId": contract["contractId"],
        "startDate": "2025-01-15T10:00:00Z",
        "endDate": "2025-01-15T11:00:00Z",
    }
    assert api.post("/v2/usages", json=usage).status_code == 201
    unknown = api.post("/v2/usages", json={**usage, "usageIdent": "U-2", "contractId": 999999})
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["fieldName"] == "contractId"


@pytest.fixture
def five_customers(new_customer: NewCustomer) -> None:
    languages = ["de", "en", "de", "fr", "de"]
    for number, language in enumerate(languages, start=1):
        assert new_customer(f"C-{number}", language=language).status_code == 201


def _idents(response: httpx.Response) -> list[str]:
    assert response.status_code == 200, response.text
    return [c["customerIdent"] for c in response.json()["_embedded"]]


@pytest.mark.usefixtures("five_customers")
def test_page_envelope_and_page_info(api: httpx.Client) -> None:
    """Pages use the envelope the spec declares: _embedded (a list) plus pageInfo."""
    body = api.get(
        "/v2/customers", params={"page": 1, "size": 2, "orderBy": "customerIdent"}
    ).json()
    assert [c["customerIdent"] for c in body["_embedded"]] == ["C-3", "C-4"]
    assert body["pageInfo"] == {"number": 1, "size": 2, "totalElements": 5, "totalPages": 3}


@pytest.mark.usefixtures("five_customers")
def test_pages_past_the_end_are_empty(api: httpx.Client) -> None:
    """A page number beyond the last page answers an empty page, not an error."""
    body = api.get("/v2/customers", params={"page": 7, "size": 2}).json()
    assert body["_embedded"] == []
    assert body["pageInfo"]["totalElements"] == 5


INT32_MAX = 2**31 - 1


@pytest.mark.usefixtures("five_customers")
@pytest.mark.parametrize(
    ("params", "idents", "info"),
    [
        ({}, ["C-5", "C-4", "C-3", "C-2", "C-1"], (0, 20, 5, 1)),
        ({"size": 100}, ["C-5", "C-4", "C-3", "C-2", "C-1"], (0, 100, 5, 1)),
        ({"size": 1, "page": 4}, ["C-1"], (4, 1, 5, 5)),
        ({"size": 1, "page": 5}, [], (5, 1, 5, 5)),
        ({"size": 100, "page": INT32_MAX}, [], (INT32_MAX, 100, 5, 1)),
    ],
    ids=["defaults", "max-size", "size-1-last", "size-1-past-end", "max-page"],
)
def test_pages_at_the_limits_of_page_and_size(
    api: httpx.Client, params: dict[str, int], idents: list[str], info: tuple[int, ...]
) -> None:
    """At size 1, the default 20, the maximum 100 and page 2**31-1 the envelope stays exact."""
    body = api.get("/v2/customers", params=params).json()
    assert set(body) == {"_embedded", "pageInfo"}
    assert [c["customerIdent"] for c in body["_embedded"]] == idents
    keys = ["number", "size", "totalElements", "totalPages"]
    assert body["pageInfo"] == dict(zip(keys, info, strict=True))


def test_an_empty_collection_is_an_empty_page(api: httpx.Client) -> None:
    """No records: an empty _embedded list and zero totals, not a missing key."""
    body = api.get("/v2/customers").json()
    assert body == {
        "_embedded": [],
        "pageInfo": {"number": 0, "size": 20, "totalElements": 0, "totalPages": 0},
    }


@pytest.mark.usefixtures("five_customers")
def test_default_order_is_newest_first(api: httpx.Client) -> None:
    """Without orderBy, Nitrobox documents descending by id: the newest first."""
    assert _idents(api.get("/v2/customers")) == ["C-5", "C-4", "C-3", "C-2", "C-1"]


@pytest.mark.usefixtures("five_customers")
@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"orderBy": "customerIdent", "direction": "asc"}, ["C-1", "C-2", "C-3", "C-4", "C-5"]),
        ({"orderBy": "customerIdent", "direction": "desc"}, ["C-5", "C-4", "C-3", "C-2", "C-1"]),
        ({"orderBy": "language", "direction": "asc", "size": 3}, ["C-1", "C-3", "C-5"]),
    ],
)
def test_order_by_and_direction(
    api: httpx.Client, params: dict[str, str], expected: list[str]
) -> None:
    """orderBy names the field, direction asc/desc the order."""
    assert _idents(api.get("/v2/customers", params=params)) == expected


@pytest.mark.usefixtures("five_customers")
@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("language==de", ["C-1", "C-3", "C-5"]),
        ("language!=de", ["C-2", "C-4"]),
        ("language=in=(en,fr)", ["C-2", "C-4"]),
        ("language=out=(en,fr)", ["C-1", "C-3", "C-5"]),
        ("language==de;customerIdent=gt=C-1", ["C-3", "C-5"]),
        ("customerIdent==C-2,customerIdent=='C-4'", ["C-2", "C-4"]),
        ('customerIdent=ge="C-4"', ["C-4", "C-5"]),
        ("customerIdent=lt=C-2", ["C-1"]),
        ("customerIdent=le=C-2;(language==en,language==fr)", ["C-2"]),
        ("addresses.city==Hamburg;customerIdent==C-1", ["C-1"]),
        ("customerIdent==C-*", ["C-1", "C-2", "C-3", "C-4", "C-5"]),
    ],
)
def test_rsql_search(api: httpx.Client, search: str, expected: list[str]) -> None:
    """RSQL filters: the documented operators, AND/OR, quotes, nested properties."""
    params = {"search": search, "orderBy": "customerIdent", "direction": "asc"}
    assert _idents(api.get("/v2/customers", params=params)) == expected


@pytest.mark.usefixtures("five_customers")
def test_unreadable_search_is_a_400_naming_search(api: httpx.Client) -> None:
    """A broken RSQL expression is refused with the expression as rejected value."""
    response = api.get("/v2/customers", params={"search": "language=like=de"})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["fieldName"] == "search"
    assert error["rejectedValue"] == "language=like=de"


@pytest.mark.usefixtures("five_customers")
def test_unpaged_query_answers_a_plain_list(api: httpx.Client) -> None:
    """The deprecated unpaged query answers a list, filtered and ordered the same way."""
    response = api.get(
        "/v2/customers/unpaged", params={"search": "language==de", "orderBy": "customerIdent"}
    )
    assert [c["customerIdent"] for c in response.json()] == ["C-1", "C-3", "C-5"]
