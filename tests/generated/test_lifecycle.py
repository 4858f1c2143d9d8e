"""`with client:` / `async with client:` close what create_client opened; later use is typed."""

from __future__ import annotations

import asyncio
import gc
import sys
import warnings
from pathlib import Path

import pytest
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx

sys.path.insert(0, str(Path(__file__).parent))
from generated_helpers import SETTINGS, MockNitrobox
from nitrobox_client import Client
from nitrobox_client.api.customers import query_customers, retrieve_customer
from nitrobox_client.errors import ClientClosed

from nitrobox_auth import ClientClosedError, NitroboxError, create_client

CUSTOMER = {"customerIdent": "c-1"}


def _assert_closed_for_both_sides(client: Client) -> None:
    with pytest.raises(ClientClosedError, match=r"was closed.*create a new one"):
        retrieve_customer.sync_detailed("c-1", client=client)
    with pytest.raises(ClientClosedError, match="async request"):
        asyncio.run(retrieve_customer.asyncio_detailed("c-1", client=client))
    with pytest.raises(ClientClosedError), client:
        pass


def test_a_client_used_after_with_raises_client_closed_error() -> None:
    """After `with client:`, sync and async calls raise ClientClosedError, not a RuntimeError."""
    client = create_client(SETTINGS, **MockNitrobox(200, json=CUSTOMER).transports())
    with client:
        assert retrieve_customer.sync_detailed("c-1", client=client).status_code == 200
    assert client.is_closed
    _assert_closed_for_both_sides(client)


def test_a_client_used_after_async_with_raises_client_closed_error() -> None:
    """After `async with client:`, both sides are closed too."""
    client = create_client(SETTINGS, **MockNitrobox(200, json=CUSTOMER).transports())

    async def use() -> None:
        async with client:
            response = await retrieve_customer.asyncio_detailed("c-1", client=client)
            assert response.status_code == 200

    asyncio.run(use())
    _assert_closed_for_both_sides(client)


def test_client_closed_error_is_in_the_tree_and_a_runtime_error() -> None:
    """ClientClosedError is a NitroboxError, and still a RuntimeError as httpx's was."""
    assert issubclass(ClientClosedError, NitroboxError)
    assert issubclass(ClientClosedError, RuntimeError)


def test_derived_clients_share_the_closed_state() -> None:
    """with_headers() gives a client on the same connections: closing one closes both."""
    client = create_client(SETTINGS, **MockNitrobox(200, json=CUSTOMER).transports())
    derived = client.with_headers({"x-extra": "1"})
    client.close()
    with pytest.raises(ClientClosedError):
        retrieve_customer.sync_detailed("c-1", client=derived)


def test_a_plain_generated_client_raises_its_own_closed_error() -> None:
    """Without create_client, the generated default error factory raises errors.ClientClosed."""
    client = Client(base_url="https://nitrobox.test").set_httpx_client(
        httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, json=CUSTOMER)))
    )
    with client:
        pass
    with pytest.raises(ClientClosed, match="sync client was closed"):
        retrieve_customer.sync_detailed("c-1", client=client)


def _resource_warnings(seen: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in seen if issubclass(w.category, ResourceWarning)]


@pytest.mark.integration
def test_with_closes_every_socket_the_factory_opened() -> None:
    """A sync-only user: after `with client:` no API or token socket is left open."""
    from nitrobox_sandbox import Sandbox

    with Sandbox().serve() as sandbox, warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with create_client(sandbox.settings(), http_package=HTTP_NAME) as client:
            assert query_customers.sync_detailed(client=client).status_code == 200
        del client
        gc.collect()
    assert _resource_warnings(seen) == []


@pytest.mark.integration
def test_async_with_closes_both_sides() -> None:
    """Sync calls, then async calls in `async with client:`: every socket is closed after."""
    from nitrobox_sandbox import Sandbox

    async def use(client: Client) -> None:
        async with client:
            response = await query_customers.asyncio_detailed(client=client)
            assert response.status_code == 200

    with Sandbox().serve() as sandbox, warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        client = create_client(sandbox.settings(), http_package=HTTP_NAME)
        assert query_customers.sync_detailed(client=client).status_code == 200
        asyncio.run(use(client))
        del client
        gc.collect()
    assert _resource_warnings(seen) == []


def test_closing_only_the_sync_side_of_a_used_async_client_says_how_to_close_it() -> None:
    """Async calls, then `with client:`: a ResourceWarning names `async with client:`."""
    client = create_client(SETTINGS, **MockNitrobox(200, json=CUSTOMER).transports())
    asyncio.run(retrieve_customer.asyncio_detailed("c-1", client=client))
    with pytest.warns(ResourceWarning, match=r"async with client:"), client:
        retrieve_customer.sync_detailed("c-1", client=client)
    asyncio.run(client.aclose())  # what the warning asks for; a mock holds no socket


def test_with_after_unused_async_side_does_not_warn() -> None:
    """Sync-only use: leaving `with client:` closes everything, silently."""
    client = create_client(SETTINGS, **MockNitrobox(200, json=CUSTOMER).transports())
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with client:
            retrieve_customer.sync_detailed("c-1", client=client)
