"""Retries and typed errors on the client that create_client builds, through generated calls."""

from __future__ import annotations

from typing import Any

import anyio
import pytest
from http_under_test import httpx
from nitrobox_client.api.customers import retrieve_customer

from nitrobox_auth import (
    NitroboxSettings,
    RetryPolicy,
    RetryTransport,
    ServerError,
    create_client,
    unwrap,
)
from nitrobox_auth.transport._connection_errors import ConnectionErrorTransport
from nitrobox_auth.transport._wrapping import environment_proxy

API = "https://api.test"
SETTINGS = NitroboxSettings(
    tenant="acme", client_id="client-id", client_secret="client-secret-value", base_url=API
)


class Server:
    """Token endpoint plus one customer endpoint that fails ``failures`` times first."""

    def __init__(self, *failures: int) -> None:
        self.failures = list(failures)
        self.api_calls = 0
        self.token_calls = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            self.token_calls += 1
            token = {"access_token": "eyJ" + "t" * 30, "token_type": "bearer", "expires_in": 300}
            return httpx.Response(200, json=token)
        self.api_calls += 1
        if self.failures:
            return httpx.Response(self.failures.pop(0), json={"status": "X", "uuid": "u-1"})
        return httpx.Response(200, json={"customerIdent": "c-1"})


def _policy(sleeps: list[float]) -> RetryPolicy:
    async def async_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    return RetryPolicy(sleep=sleeps.append, async_sleep=async_sleep, random=lambda: 0.0)


def test_create_client_retries_generated_calls_by_default_policy_shape() -> None:
    """503 then 200 through a generated function: one retry, the model unwrapped."""
    server, sleeps = Server(503), []
    transport = httpx.MockTransport(server)
    client = create_client(SETTINGS, transport=transport, retry=_policy(sleeps))
    customer = unwrap(retrieve_customer.sync_detailed("c-1", client=client))
    assert customer.customer_ident == "c-1"
    assert server.api_calls == 2
    assert sleeps == [0.5]


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_create_client_retries_async_generated_calls(backend: str) -> None:
    """The async client of the same Client retries the same way."""
    server, sleeps = Server(502, 504), []
    transport = httpx.MockTransport(server)
    client = create_client(
        SETTINGS, transport=transport, async_transport=transport, retry=_policy(sleeps)
    )

    async def call() -> Any:
        return unwrap(await retrieve_customer.asyncio_detailed("c-1", client=client))

    assert anyio.run(call, backend=backend).customer_ident == "c-1"
    assert server.api_calls == 3
    assert sleeps == [0.5, 1.0]


def test_retry_none_disables_retries() -> None:
    """retry=None: the first 503 becomes a ServerError at once."""
    server = Server(503)
    client = create_client(SETTINGS, transport=httpx.MockTransport(server), retry=None)
    with pytest.raises(ServerError) as caught:
        unwrap(retrieve_customer.sync_detailed("c-1", client=client))
    assert caught.value.uuid == "u-1"
    assert server.api_calls == 1


def test_transport_options_go_into_the_built_transports() -> None:
    """verify/limits/http2-style options still apply when the factory builds transports."""
    client = create_client(SETTINGS, verify=False, limits=httpx.Limits(max_connections=3))
    outer = client.get_httpx_client()._transport
    assert isinstance(outer, ConnectionErrorTransport)
    transport = outer._transport
    assert isinstance(transport, RetryTransport)
    pool = transport._transport._transport._pool  # type: ignore[union-attr]
    assert pool._max_connections == 3
    assert pool._ssl_context.verify_mode.name == "CERT_NONE"


def test_environment_proxy_is_honoured_and_no_proxy_exempts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """HTTPS_PROXY applies as httpx itself would apply it; NO_PROXY and trust_env=False opt out."""
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.internal:3128")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    assert environment_proxy(API, trust_env=True) == "http://proxy.internal:3128"
    assert environment_proxy(API, trust_env=False) is None
    monkeypatch.setenv("NO_PROXY", "api.test")
    assert environment_proxy(API, trust_env=True) is None
