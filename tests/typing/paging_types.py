"""What ``mypy --strict`` sees of paginate, apaginate and ``search=`` (tests/typing runs it).

Not collected by pytest: ``test_paging_types.py`` type-checks this file. Each ``assert_type``
fails the check if the revealed type changes; each ``type: ignore[arg-type]`` fails it (as an
unused ignore) if the call it marks stops being a type error.
"""

from __future__ import annotations

from typing import assert_type

from nitrobox_client import Client
from nitrobox_client.api.billing_groups import query_billing_groups
from nitrobox_client.api.customers import (
    query_customer_addresses,
    query_customers,
    retrieve_customer,
)
from nitrobox_client.api.customers_deprecated import query_customers_unpaged
from nitrobox_client.api.documents import query_documents
from nitrobox_client.models import Address, BillingGroup, Customer, Document

from nitrobox_auth import apaginate, create_client, paginate, where


def walk_sync(client: Client) -> list[str]:
    """paginate() yields the operation's item model."""
    active = where("status").eq("ACTIVE") & where("language").in_(["de", "en"])
    idents: list[str] = []
    for customer in paginate(query_customers, client=client, search=active, order_by="id"):
        assert_type(customer, Customer)
        assert_type(customer.customer_ident, str)
        idents.append(customer.customer_ident)
    for address in paginate(query_customer_addresses, client=client, ident="c-1", size=10):
        assert_type(address, Address)
        assert_type(address.address_ident, str)
    for group in paginate(query_billing_groups, client=client, max_pages=50):
        assert_type(group, BillingGroup)
        assert_type(group.billing_group_ident, str)
    return idents


def sorted_idents(client: Client) -> list[str]:
    """The identity field is a str, so the idiomatic one-liner needs no narrowing."""
    return sorted(c.customer_ident for c in paginate(query_customers, client=client))


async def walk_async(client: Client) -> int:
    """async for over apaginate() yields the item model too."""
    count = 0
    async for document in apaginate(query_documents, client=client):
        assert_type(document, Document)
        assert_type(document.ident, str)
        count += 1
    return count


def search_takes_the_builder(client: Client) -> None:
    """The generated search: str | Unset takes a built expression with no str(...)."""
    query_customers.sync_detailed(client=client, search=where("a").eq(1) | where("b").ne("x"))


def non_paged_operations_are_refused() -> None:
    """A retrieve and an unpaged list are not paged queries: type errors."""
    client = create_client()
    paginate(retrieve_customer, client=client)  # type: ignore[arg-type]
    paginate(query_customers_unpaged, client=client)  # type: ignore[arg-type]
    apaginate(retrieve_customer, client=client)  # type: ignore[arg-type]
