"""Fixtures for the sandbox tests: a manual clock, a sandbox on it, clients into it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx

from nitrobox_auth._bundled_spec import load_bundled_spec
from nitrobox_sandbox import ManualClock, Sandbox

CLIENT_ID = "sandbox-client"
CLIENT_SECRET = "sandbox-secret"


@pytest.fixture(scope="session")
def spec_document() -> dict[str, Any]:
    """The bundled spec (generated/nitrobox_client/openapi.json), loaded once."""
    return load_bundled_spec()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def sandbox(spec_document: dict[str, Any], clock: ManualClock) -> Sandbox:
    return Sandbox(spec=spec_document, clock=clock, token_lifetime=300.0)


@pytest.fixture
def client(sandbox: Sandbox) -> Iterator[httpx.Client]:
    """A plain client into the sandbox, in-process."""
    with httpx.Client(
        transport=sandbox.transport(http_package=HTTP_NAME), base_url=sandbox.base_url
    ) as client:
        yield client


def fetch_token(client: httpx.Client) -> str:
    response = client.post(
        "/sandbox/oauth2/token",
        data={"grant_type": "client_credentials"},
        auth=(CLIENT_ID, CLIENT_SECRET),
    )
    assert response.status_code == 200, response.text
    token: str = response.json()["access_token"]
    return token


@pytest.fixture
def get_token(client: httpx.Client) -> Callable[[], str]:
    """Fetches a fresh access token from the sandbox."""
    return lambda: fetch_token(client)


@pytest.fixture
def api(sandbox: Sandbox, client: httpx.Client) -> Iterator[httpx.Client]:
    """A client into the sandbox that sends a valid bearer token."""
    token = fetch_token(client)
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(
        transport=sandbox.transport(http_package=HTTP_NAME),
        base_url=sandbox.base_url,
        headers=headers,
    ) as api:
        yield api


@pytest.fixture
def new_customer(api: httpx.Client) -> Callable[..., httpx.Response]:
    """Creates a customer with one invoice address; keyword arguments add fields."""

    def create(ident: str, **fields: Any) -> httpx.Response:
        body = {
            "customerIdent": ident,
            "addresses": [{"addressType": "INVOICE", "country": "DE", "city": "Hamburg"}],
            **fields,
        }
        return api.post("/v2/customers", json=body)

    return create
