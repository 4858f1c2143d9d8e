"""Typed use of the generated endpoints with ``create_client`` (checked with ``mypy --strict``).

Run it against your Nitrobox stage tenant::

    export NITROBOX_TENANT=... NITROBOX_CLIENT_ID=... NITROBOX_CLIENT_SECRET=...
    python examples/typed_client.py my-customer-42

It creates a customer (sync), then finds it again with an RSQL search (asyncio), through
one client: one cached token, the same connection pools, a 30 s timeout.
"""

from __future__ import annotations

import asyncio
import sys
from typing import TypeVar

from nitrobox_client import Client
from nitrobox_client.api.customers import create_customer, query_customers
from nitrobox_client.models import (
    AddressCreateRequest,
    AddressCreateRequestAddressType,
    Customer,
    CustomerCreateRequest,
    CustomerPage,
    GlobalErrorResponse,
)
from nitrobox_client.types import Response

from nitrobox_auth import create_client

T = TypeVar("T")


def explain(response: Response[T]) -> str:
    """One line for a failed call: the status and what Nitrobox said about it."""
    if isinstance(response.parsed, GlobalErrorResponse):
        return f"HTTP {response.status_code} {response.parsed.status}: {response.parsed.message}"
    return f"HTTP {response.status_code}: {response.content[:200]!r}"


def create(client: Client, ident: str) -> Customer:
    """Create a customer with one invoice address."""
    body = CustomerCreateRequest(
        customer_ident=ident,
        addresses=[
            AddressCreateRequest(
                address_type=AddressCreateRequestAddressType.INVOICE,
                country="DE",
                company="ACME GmbH",
            )
        ],
    )
    response = create_customer.sync_detailed(client=client, body=body)
    if not isinstance(response.parsed, Customer):
        raise RuntimeError(f"creating {ident!r} failed: {explain(response)}")
    return response.parsed


async def find(client: Client, ident: str) -> list[Customer]:
    """Customers whose ident matches, found with an RSQL search."""
    response = await query_customers.asyncio_detailed(
        client=client, search=f"customerIdent=='{ident}'", size=10
    )
    if not isinstance(response.parsed, CustomerPage):
        raise RuntimeError(f"searching {ident!r} failed: {explain(response)}")
    return list(response.parsed.field_embedded or [])


def main(argv: list[str]) -> int:
    """Create the customer named on the command line and find it again."""
    ident = argv[1] if len(argv) > 1 else "example-customer-1"
    client = create_client()  # NITROBOX_* from the environment
    created = create(client, ident)
    found = asyncio.run(find(client, ident))
    print(f"created {created.customer_ident}; search finds {len(found)} customer(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
