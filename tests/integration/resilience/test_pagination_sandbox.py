"""paginate/apaginate against the sandbox on loopback: the declared envelope, end to end."""

from __future__ import annotations

import anyio
import pytest
from nitrobox_client import Client
from nitrobox_client.api.customers import create_customer, query_customers
from nitrobox_client.models import Customer
from nitrobox_client.models.customer_create_request import CustomerCreateRequest

from nitrobox_auth import PaginationError, apaginate, paginate, unwrap, where
from nitrobox_sandbox import Sandbox

pytestmark = pytest.mark.integration


def _seed(client: Client, count: int, *, language: str = "de") -> list[str]:
    idents = [f"c-{i:03d}" for i in range(count)]
    for ident in idents:
        body = CustomerCreateRequest.from_dict(
            {
                "customerIdent": ident,
                "language": language,
                "addresses": [{"addressType": "INVOICE", "country": "DE"}],
            }
        )
        unwrap(create_customer.sync_detailed(client=client, body=body))
    return idents


def _queries(sandbox: Sandbox) -> int:
    return int(sandbox.stats()["operations"].get("queryCustomers", 0))


def test_the_sandbox_answers_the_declared_envelope(
    nitrobox_sandbox: Sandbox, nitrobox_client: Client
) -> None:
    """A raw page from the sandbox is {_embedded: [...], pageInfo: {...}}, nothing else."""
    _seed(nitrobox_client, 3)
    body = nitrobox_client.get_httpx_client().get("/v2/customers", params={"size": 2}).json()
    assert set(body) == {"_embedded", "pageInfo"}
    assert len(body["_embedded"]) == 2
    assert body["pageInfo"] == {"number": 0, "size": 2, "totalElements": 3, "totalPages": 2}


@pytest.mark.parametrize(
    ("count", "size", "requests"),
    [(101, 100, 2), (100, 100, 1), (3, 1, 3), (0, 100, 1)],
    ids=["max-size-and-one-more", "exactly-one-full-page", "size-1", "empty"],
)
def test_paginate_walks_the_sandbox_at_the_size_limits(
    nitrobox_sandbox: Sandbox, nitrobox_client: Client, count: int, size: int, requests: int
) -> None:
    """Every customer once, as Customer models, in exactly the pages the totals call for."""
    idents = _seed(nitrobox_client, count)
    before = _queries(nitrobox_sandbox)
    found = list(paginate(query_customers, client=nitrobox_client, size=size))
    assert all(isinstance(customer, Customer) for customer in found)
    assert sorted(c.customer_ident for c in found) == idents
    assert _queries(nitrobox_sandbox) - before == requests


def test_a_built_search_goes_in_as_it_is(
    nitrobox_sandbox: Sandbox, nitrobox_client: Client
) -> None:
    """search= takes the RSQL builder's expression directly; hostile values stay values."""
    _seed(nitrobox_client, 6)
    search = where("customerIdent").in_(["c-001", "c-004", "x',customerIdent=='c-002"])
    found = paginate(query_customers, client=nitrobox_client, search=search, size=1)
    assert sorted(c.customer_ident for c in found) == ["c-001", "c-004"]


def test_max_pages_stops_a_walk_over_the_sandbox(
    nitrobox_sandbox: Sandbox, nitrobox_client: Client
) -> None:
    """Five customers at size 1 with max_pages=3: three items, then PaginationError."""
    _seed(nitrobox_client, 5)
    seen: list[Customer] = []
    with pytest.raises(PaginationError, match="max_pages=3"):
        seen.extend(paginate(query_customers, client=nitrobox_client, size=1, max_pages=3))
    assert len(seen) == 3


def test_apaginate_walks_the_sandbox(nitrobox_sandbox: Sandbox, nitrobox_client: Client) -> None:
    """async for over apaginate sees every customer once, filtered by the builder."""
    _seed(nitrobox_client, 7)

    async def collect() -> list[object]:
        async with nitrobox_client.get_async_httpx_client():
            walk = apaginate(
                query_customers, client=nitrobox_client, search=where("language").eq("de"), size=3
            )
            return [c.customer_ident async for c in walk]

    assert sorted(anyio.run(collect)) == [f"c-{i:03d}" for i in range(7)]
