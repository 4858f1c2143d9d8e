"""What `mypy --strict` sees in user code that follows the README: run by test_typing.py.

Not a test module (no ``test_`` prefix): nothing here runs, it is only type-checked. Every
``assert_type`` fails the check when the revealed type differs, ``Any`` and unions included.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import assert_type

import httpx2
from nitrobox_client import Client
from nitrobox_client.api.billing_runs import billing_run
from nitrobox_client.api.configurations import delete_address_validation_config
from nitrobox_client.api.contracts import query_contracts
from nitrobox_client.api.customers import create_customer, retrieve_customer
from nitrobox_client.api.files import retrieve_file
from nitrobox_client.models import (
    Address,
    BillingGroup,
    BillingRunRequest,
    Contract,
    Customer,
    CustomerCreateRequest,
    Document,
    GlobalErrorResponse,
    Option,
    Order,
    Plan,
    Usage,
)
from nitrobox_client.types import File, Response, Unset

from nitrobox_auth import (
    APIConnectionError,
    ClientClosedError,
    FieldError,
    MalformedResponseError,
    NitroboxAPIError,
    NitroboxAuth,
    NitroboxError,
    NitroboxSettings,
    NotFoundError,
    TokenHTTP,
    TokenProvider,
    create_client,
    unwrap,
)

# A generated Client (create_client's NitroboxClient adds with_options to it).
client: Client = create_client()
assert_type(create_client().with_options(retry=None).with_headers({}).is_closed, bool)


def retrieve(ident: str) -> None:
    """A retrieve: the success model, not a union with the error model, object or Any."""
    response = retrieve_customer.sync_detailed(ident, client=client)
    assert_type(response, Response[Customer, GlobalErrorResponse])
    assert_type(response.parsed, Customer | GlobalErrorResponse | None)
    assert_type(unwrap(response), Customer)
    assert_type(unwrap(retrieve_customer.sync_detailed(ident, client=client)).customer_ident, str)
    # A field the spec does not require stays optional.
    assert_type(unwrap(retrieve_customer.sync_detailed(ident, client=client)).language, str | Unset)


def identity_fields(
    customer: Customer,
    address: Address,
    contract: Contract,
    document: Document,
    plan: Plan,
    option: Option,
    order: Order,
    usage: Usage,
    group: BillingGroup,
) -> None:
    """A resource's own identifier is required in its answer: a plain str or int, no Unset."""
    assert_type(customer.customer_ident, str)
    assert_type(address.address_ident, str)
    assert_type(contract.contract_ident, str)
    assert_type(contract.contract_id, int)
    assert_type(document.ident, str)
    assert_type(plan.plan_id, int)
    assert_type(option.option_ident, str)
    assert_type(order.order_ident, str)
    assert_type(usage.usage_ident, str)
    assert_type(group.billing_group_ident, str)
    # ... so it goes straight into a str parameter, no narrowing.
    retrieve_customer.sync_detailed(customer.customer_ident, client=client)


async def retrieve_async(ident: str) -> None:
    """The asyncio function of the same operation gives the same type."""
    async with client:
        assert_type(
            unwrap(await retrieve_customer.asyncio_detailed(ident, client=client)), Customer
        )


def create(body: CustomerCreateRequest) -> None:
    """A create: the created model."""
    assert_type(unwrap(create_customer.sync_detailed(client=client, body=body)), Customer)


# The paged query (`for c in paginate(query_customers, ...)`: `c` is a Customer) is asserted
# by the paging lane's typing of paginate/apaginate, against Response[PageModel, Any].


def unpaged_list() -> None:
    """An unpaged list: a list of the item model."""
    contracts = unwrap(query_contracts.sync_detailed(client=client, search="contractIdent=='c-1'"))
    assert_type(contracts, list[Contract])


async def download(document_ident: str) -> None:
    """The file download: the generated File, sync and async."""
    file = unwrap(retrieve_file.sync_detailed(document_ident, client=client))
    assert_type(file, File)
    assert_type(file.payload.read(), bytes)
    assert_type(unwrap(await retrieve_file.asyncio_detailed(document_ident, client=client)), File)


async def no_body(body: BillingRunRequest) -> None:
    """Operations without a success body: None, not Any."""
    assert_type(
        billing_run.sync_detailed(client=client, body=body), Response[None, GlobalErrorResponse]
    )
    assert_type(unwrap(billing_run.sync_detailed(client=client, body=body)), None)
    deleted = await delete_address_validation_config.asyncio_detailed("cfg-1", client=client)
    assert_type(unwrap(deleted), None)


def errors(ident: str) -> None:
    """The error tree as a caller catches it."""
    try:
        unwrap(retrieve_customer.sync_detailed(ident, client=client))
    except NotFoundError as error:
        assert_type(error.uuid, str | None)
        assert_type(error.errors, tuple[FieldError, ...])
    except NitroboxAPIError as error:
        assert_type(error.status_code, int)
    except APIConnectionError as error:
        assert_type(error.method, str)
        assert_type(error.url, str)
    except MalformedResponseError as error:
        assert_type(error.status, int | None)
    except ClientClosedError as error:
        assert_type(error, ClientClosedError)
    except NitroboxError as error:
        assert_type(error, NitroboxError)


def wrong_uses(ident: str) -> None:
    """What the types reject (each ignore must be needed: --strict warns on unused ones)."""
    customer = unwrap(retrieve_customer.sync_detailed(ident, client=client))
    print(customer.message)  # type: ignore[attr-defined]  # an error-model field
    error_model: GlobalErrorResponse = unwrap(  # type: ignore[assignment]
        retrieve_customer.sync_detailed(ident, client=client)
    )
    print(error_model)
    unwrap(object())  # type: ignore[call-overload]


def on_httpx2(
    settings: NitroboxSettings, handler: Callable[[httpx2.Request], httpx2.Response]
) -> None:
    """A service on httpx2 passes its own transports, timeout and clients; no cast needed."""
    mine = create_client(
        settings,
        transport=httpx2.MockTransport(handler),
        async_transport=httpx2.MockTransport(handler),
        timeout=httpx2.Timeout(10.0),
        limits=httpx2.Limits(max_connections=10),
    )
    assert_type(mine.with_options(timeout=httpx2.Timeout(5.0)).is_closed, bool)
    assert_type(create_client(settings, http_package="httpx2").is_closed, bool)
    provider = TokenProvider.from_settings(settings, http=TokenHTTP(client=httpx2.Client()))
    with httpx2.Client(auth=NitroboxAuth(provider)) as plain:
        assert_type(
            plain.get("https://api.nbx-stage-westeurope.nitrobox.io/v2/customers"), httpx2.Response
        )
