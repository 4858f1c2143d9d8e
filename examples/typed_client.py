"""Typed use of the generated endpoints with ``create_client`` (checked with ``mypy --strict``).

Run it against your Nitrobox stage tenant::

    export NITROBOX_TENANT=... NITROBOX_CLIENT_ID=... NITROBOX_CLIENT_SECRET=...
    python examples/typed_client.py my-customer-42          # sync functions
    python examples/typed_client.py my-customer-42 --async  # the same with asyncio

It creates a customer, then finds it again with an RSQL search over every page, through
one client: one cached token, one connection pool, a 30 s timeout. ``unwrap`` gives the
success model (a ``Customer``) or raises the typed error; no ``isinstance`` checks.
"""

from __future__ import annotations

import asyncio
import sys

from nitrobox_client import Client
from nitrobox_client.api.customers import create_customer, query_customers
from nitrobox_client.models import (
    AddressCreateRequest,
    AddressCreateRequestAddressType,
    Customer,
    CustomerCreateRequest,
)

from nitrobox_auth import (
    NitroboxError,
    ValidationError,
    apaginate,
    create_client,
    paginate,
    unwrap,
    where,
)


def new_customer(ident: str) -> CustomerCreateRequest:
    """A customer with one invoice address."""
    return CustomerCreateRequest(
        customer_ident=ident,
        addresses=[
            AddressCreateRequest(
                address_type=AddressCreateRequestAddressType.INVOICE,
                country="DE",
                company="ACME GmbH",
            )
        ],
    )


def create(client: Client, ident: str) -> Customer:
    """Create the customer; a rejected request raises ValidationError."""
    return unwrap(create_customer.sync_detailed(client=client, body=new_customer(ident)))


def find(client: Client, ident: str) -> list[Customer]:
    """Customers whose ident matches, from every page of an RSQL search."""
    search = where("customerIdent").eq(ident)
    return list(paginate(query_customers, client=client, search=search))


async def acreate(client: Client, ident: str) -> Customer:
    """:func:`create` with the asyncio function."""
    return unwrap(await create_customer.asyncio_detailed(client=client, body=new_customer(ident)))


async def afind(client: Client, ident: str) -> list[Customer]:
    """:func:`find` with the asyncio functions."""
    search = where("customerIdent").eq(ident)
    return [customer async for customer in apaginate(query_customers, client=client, search=search)]


def run(client: Client, ident: str) -> tuple[Customer, list[Customer]]:
    """Create, then find; the client is closed afterwards."""
    with client:
        return create(client, ident), find(client, ident)


async def arun(client: Client, ident: str) -> tuple[Customer, list[Customer]]:
    """:func:`run` with asyncio; ``async with`` closes both sides of the client."""
    async with client:
        return await acreate(client, ident), await afind(client, ident)


def main(argv: list[str]) -> int:
    """Create the customer named on the command line and find it again."""
    ident = next((arg for arg in argv[1:] if not arg.startswith("--")), "example-customer-1")
    client = create_client()  # NITROBOX_* from the environment
    try:
        created, found = (
            asyncio.run(arun(client, ident)) if "--async" in argv else run(client, ident)
        )
    except ValidationError as error:  # 400/422: which fields to fix
        fields = "; ".join(f"{field.field_name}: {field.error}" for field in error.errors)
        print(f"Nitrobox rejected {ident!r}: {error.message} ({fields})", file=sys.stderr)
        return 1
    except NitroboxError as error:  # any other failure: error answer, no answer, bad answer
        print(f"failed: {error}", file=sys.stderr)
        return 1
    print(f"created {created.customer_ident}; search finds {len(found)} customer(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
