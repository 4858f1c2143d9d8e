"""The sandbox over real loopback HTTP (uvicorn on 127.0.0.1), with the real client stack."""

from __future__ import annotations

from typing import Any

import pytest
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx

from nitrobox_auth import NitroboxAuth, TokenProvider, create_client
from nitrobox_sandbox import ManualClock, Sandbox, SandboxError

pytestmark = pytest.mark.integration

GRANT = {"grant_type": "client_credentials"}
BASIC = ("sandbox-client", "sandbox-secret")


@pytest.fixture
def served(spec_document: dict[str, Any], clock: ManualClock) -> Any:
    sandbox = Sandbox(spec=spec_document, clock=clock, token_lifetime=60.0)
    with sandbox.serve():
        yield sandbox


def test_serve_listens_on_a_free_loopback_port(served: Sandbox) -> None:
    """base_url is a real 127.0.0.1 URL that answers token requests."""
    assert served.base_url.startswith("http://127.0.0.1:")
    assert served.running
    response = httpx.post(served.token_url, data=GRANT, auth=BASIC)
    assert response.status_code == 200
    assert response.json()["expires_in"] == 60


def test_stop_closes_the_port(spec_document: dict[str, Any]) -> None:
    """After stop() nothing listens; stopping twice is harmless."""
    sandbox = Sandbox(spec=spec_document)
    url = sandbox.start()
    sandbox.stop()
    sandbox.stop()
    assert not sandbox.running
    with pytest.raises(httpx.ConnectError):
        httpx.post(f"{url}/sandbox/oauth2/token", data=GRANT, auth=BASIC)


def test_starting_twice_is_an_error(served: Sandbox) -> None:
    """A running sandbox says where it already serves."""
    with pytest.raises(SandboxError, match="already serving"):
        served.start()


def test_a_taken_port_is_reported(served: Sandbox, spec_document: dict[str, Any]) -> None:
    """Asking for a port in use is a SandboxError naming the port."""
    port = int(served.base_url.rsplit(":", 1)[1])
    with pytest.raises(SandboxError, match=str(port)):
        Sandbox(spec=spec_document).start(port=port)


def test_token_provider_survives_a_token_that_expires_mid_run(
    served: Sandbox, clock: ManualClock
) -> None:
    """The sandbox expires the token while the client still trusts it: one 401, one
    refetch, the request replayed, and the run goes on."""
    client_clock = ManualClock()  # the client's view of time does not move
    provider = TokenProvider.from_settings(served.settings(), monotonic_clock=client_clock)
    auth = NitroboxAuth(provider, api_base_url=served.base_url)
    with provider, httpx.Client(base_url=served.base_url, auth=auth) as client:
        for _ in range(3):
            assert client.get("/v2/customers").status_code == 200
        clock.advance(61)  # on the sandbox, the token is now expired
        for _ in range(3):
            assert client.get("/v2/customers").status_code == 200
    stats = served.stats()
    assert stats["token_requests"] == 2
    assert stats["unauthorized"] == 1
    assert stats["api_requests"] == 7  # six calls plus the one replay


def test_token_provider_refreshes_before_expiry_on_a_shared_clock(
    served: Sandbox, clock: ManualClock
) -> None:
    """With the same clock, the provider renews early and no request meets a 401."""
    provider = TokenProvider.from_settings(served.settings(), monotonic_clock=clock)
    auth = NitroboxAuth(provider, api_base_url=served.base_url)
    with provider, httpx.Client(base_url=served.base_url, auth=auth) as client:
        for _ in range(10):
            assert client.get("/v2/customers").status_code == 200
            clock.advance(20)
    stats = served.stats()
    assert stats["unauthorized"] == 0
    assert 3 <= stats["token_requests"] <= 5


def test_generated_client_creates_and_queries(served: Sandbox) -> None:
    """create_client(sandbox.settings()) works end to end over loopback."""
    from nitrobox_client.api.customers import create_customer, query_customers
    from nitrobox_client.models.customer_create_request import CustomerCreateRequest

    # the provider is ours to close: create_client does not close one it builds itself
    provider = TokenProvider.from_settings(served.settings())
    client = create_client(served.settings(), provider=provider, http_package=HTTP_NAME)
    try:
        body = CustomerCreateRequest.from_dict(
            {"customerIdent": "C-1", "addresses": [{"addressType": "INVOICE", "country": "DE"}]}
        )
        created = create_customer.sync_detailed(client=client, body=body)
        assert created.status_code == 201
        page = query_customers.sync_detailed(client=client, search="customerIdent==C-1")
        assert page.status_code == 200
        assert b'"C-1"' in page.content
    finally:
        client.get_httpx_client().close()
        provider.close()
    assert served.stats()["token_requests"] == 1
