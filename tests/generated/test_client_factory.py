"""create_client: the generated Client with base URL, NitroboxAuth, timeout and transports."""

from __future__ import annotations

import asyncio

import pytest
from generated_helpers import ACCESS_TOKEN, BASE_URL, SETTINGS, MockNitrobox
from http_under_test import httpx
from nitrobox_client import Client
from nitrobox_client.api.customers import retrieve_customer

from nitrobox_auth import (
    NitroboxAPIError,
    SettingsError,
    TokenHTTP,
    TokenProvider,
    create_client,
    unwrap,
)
from nitrobox_auth.api._client_factory import DEFAULT_TIMEOUT

CUSTOMER = {"customerIdent": "c-1"}


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without settings, the tenant, credentials and base URL are read from NITROBOX_*."""
    monkeypatch.setenv("NITROBOX_TENANT", "acme")
    monkeypatch.setenv("NITROBOX_CLIENT_ID", "env-client")
    monkeypatch.setenv("NITROBOX_CLIENT_SECRET", "env-secret")
    monkeypatch.setenv("NITROBOX_BASE_URL", "https://env.nitrobox.test")
    nitrobox = MockNitrobox(200, json=CUSTOMER)

    client = create_client(**nitrobox.transports())
    retrieve_customer.sync_detailed("c-1", client=client)

    assert isinstance(client, Client)
    url = nitrobox.api_requests[0].url
    assert (url.host, url.path) == ("env.nitrobox.test", "/v2/customers/c-1")
    assert nitrobox.token_requests == 1


def test_missing_environment_is_a_settings_error(monkeypatch: pytest.MonkeyPatch) -> None:
    """No settings and no environment: a SettingsError that names the variables."""
    for name in ("NITROBOX_TENANT", "NITROBOX_CLIENT_ID", "NITROBOX_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(SettingsError, match="NITROBOX_TENANT"):
        create_client()


def test_one_client_serves_sync_and_asyncio_with_one_cached_token() -> None:
    """The same object works for sync and asyncio functions; the token is fetched once."""
    nitrobox = MockNitrobox(200, json=CUSTOMER)
    client = create_client(SETTINGS, **nitrobox.transports())

    first = retrieve_customer.sync("c-1", client=client)
    second = asyncio.run(retrieve_customer.asyncio("c-1", client=client))
    third = retrieve_customer.sync("c-1", client=client)

    assert [getattr(r, "customer_ident", None) for r in (first, second, third)] == ["c-1"] * 3
    assert nitrobox.token_requests == 1
    assert [r.headers["authorization"] for r in nitrobox.api_requests] == [
        f"Bearer {ACCESS_TOKEN}"
    ] * 3


def test_default_timeout_and_explicit_timeout() -> None:
    """Both httpx clients get 30 s (5 s to connect) by default, or the given timeout."""
    default = create_client(SETTINGS, **MockNitrobox().transports())
    expected = httpx.Timeout(30.0, connect=5.0)  # of the package the transports are of
    assert expected.as_dict() == DEFAULT_TIMEOUT.as_dict()
    assert default.get_httpx_client().timeout == expected
    assert default.get_async_httpx_client().timeout == expected
    custom = create_client(SETTINGS, timeout=2.5, **MockNitrobox().transports())
    assert custom.get_httpx_client().timeout == httpx.Timeout(2.5)
    assert custom.get_async_httpx_client().timeout == httpx.Timeout(2.5)


def test_given_provider_is_used() -> None:
    """A provider passed in supplies the token; the factory builds none of its own."""
    issued = []

    def token_endpoint(request: httpx.Request) -> httpx.Response:
        issued.append(request.url.path)
        return httpx.Response(
            200,
            json={"access_token": "provided-token", "token_type": "bearer", "expires_in": 300},
        )

    provider = TokenProvider.from_settings(
        SETTINGS, http=TokenHTTP(transport=httpx.MockTransport(token_endpoint))
    )
    nitrobox = MockNitrobox(200, json=CUSTOMER)
    client = create_client(SETTINGS, provider=provider, **nitrobox.transports())

    retrieve_customer.sync_detailed("c-1", client=client)

    assert issued == ["/acme/oauth2/token"]
    assert nitrobox.token_requests == 0
    assert nitrobox.api_requests[0].headers["authorization"] == "Bearer provided-token"


def test_options_reach_both_httpx_clients_and_reserved_ones_are_refused() -> None:
    """Extra options (headers) go to both clients; auth/base_url/transport may not be overridden."""
    nitrobox = MockNitrobox(200, json=CUSTOMER)
    client = create_client(SETTINGS, headers={"X-Request-Source": "tests"}, **nitrobox.transports())
    retrieve_customer.sync_detailed("c-1", client=client)
    asyncio.run(retrieve_customer.asyncio_detailed("c-1", client=client))
    assert [r.headers["x-request-source"] for r in nitrobox.api_requests] == ["tests", "tests"]

    with pytest.raises(SettingsError, match="auth, base_url"):
        create_client(SETTINGS, auth=None, base_url="https://evil.test")


def test_token_is_not_sent_to_other_hosts() -> None:
    """The bearer token goes only to the API origin, even through the same client."""
    nitrobox = MockNitrobox(200, json={})
    client = create_client(SETTINGS, **nitrobox.transports())
    client.get_httpx_client().get("https://elsewhere.test/x")
    client.get_httpx_client().get(f"{BASE_URL}/v2/customers/c-1")
    assert "authorization" not in nitrobox.api_requests[0].headers
    assert nitrobox.api_requests[1].headers["authorization"] == f"Bearer {ACCESS_TOKEN}"


def test_with_headers_and_with_timeout_keep_the_authenticated_clients() -> None:
    """Deriving a client keeps the factory's httpx clients, so requests stay authenticated."""
    nitrobox = MockNitrobox(200, json=CUSTOMER)
    client = create_client(SETTINGS, **nitrobox.transports())
    derived = client.with_headers({"X-Extra": "1"}).with_timeout(httpx.Timeout(9.0))

    retrieve_customer.sync_detailed("c-1", client=derived)
    asyncio.run(retrieve_customer.asyncio_detailed("c-1", client=derived))

    for request in nitrobox.api_requests:
        assert request.headers["authorization"] == f"Bearer {ACCESS_TOKEN}"
        assert request.headers["x-extra"] == "1"
    assert derived.get_httpx_client().timeout == httpx.Timeout(9.0)


def test_undocumented_status_raises_by_default() -> None:
    """A status the spec does not document raises a NitroboxAPIError, not None or httpx's."""
    nitrobox = MockNitrobox(302, headers={"location": "/elsewhere"})
    client = create_client(SETTINGS, **nitrobox.transports())
    with pytest.raises(NitroboxAPIError, match=r"302 .*does not document") as caught:
        retrieve_customer.sync_detailed("c-1", client=client)
    assert caught.value.status_code == 302
    assert caught.value.url == "https://nitrobox.test/v2/customers/c-1?slimResponse=false"
    with pytest.raises(NitroboxAPIError, match="does not document"):
        asyncio.run(retrieve_customer.asyncio_detailed("c-1", client=client))
    quiet = create_client(SETTINGS, raise_on_unexpected_status=False, **nitrobox.transports())
    assert retrieve_customer.sync("c-1", client=quiet) is None


@pytest.mark.parametrize("status", [201, 204, 302])
def test_unwrap_covers_undocumented_statuses_when_the_client_does_not_raise(status: int) -> None:
    """raise_on_unexpected_status=False: an empty, undocumented 2xx is not passed off as a model."""
    nitrobox = MockNitrobox(status)
    quiet = create_client(SETTINGS, raise_on_unexpected_status=False, **nitrobox.transports())
    response = retrieve_customer.sync_detailed("c-1", client=quiet)
    assert response.parsed is None
    assert not response.documented
    with pytest.raises(NitroboxAPIError, match="does not document") as caught:
        unwrap(response)
    assert caught.value.status_code == status


@pytest.mark.integration
def test_leaving_the_client_closes_the_token_connections_too() -> None:
    """Token requests share the API client's pool: after `with client`, no socket is left open."""
    import gc
    import warnings

    from nitrobox_client.api.customers import query_customers

    from nitrobox_sandbox import Sandbox

    with Sandbox().serve() as sandbox, warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with create_client(sandbox.settings()) as client:
            assert query_customers.sync_detailed(client=client).status_code == 200
        del client
        gc.collect()

    assert [str(w.message) for w in seen if issubclass(w.category, ResourceWarning)] == []
