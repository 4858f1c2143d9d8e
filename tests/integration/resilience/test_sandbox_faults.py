"""Retries, typed errors and pagination against the sandbox on loopback, with its faults.

The sandbox, the token provider and the retry policy share one fake clock: the policy's
"sleep" moves it, so waits are honoured without the test ever sleeping.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from fakes import FakeClock
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx
from nitrobox_client import Client
from nitrobox_client.api.customers import create_customer, query_customers, retrieve_customer
from nitrobox_client.models.customer_create_request import CustomerCreateRequest

from nitrobox_auth import (
    APIConnectionError,
    NitroboxSettings,
    RateLimitedError,
    RetryPolicy,
    ServerError,
    TokenHTTP,
    TokenProvider,
    ValidationError,
    apaginate,
    create_client,
    paginate,
    unwrap,
    where,
)
from nitrobox_sandbox import Sandbox

pytestmark = pytest.mark.integration


@pytest.fixture
def clock() -> FakeClock:
    """The one fake clock of sandbox, token provider and retry policy."""
    return FakeClock(10_000.0)


@pytest.fixture
def sandbox(clock: FakeClock) -> Iterator[Sandbox]:
    """A sandbox on 127.0.0.1 whose tokens live 60 s on the fake clock."""
    with Sandbox(clock=clock, token_lifetime=60.0).serve() as running:
        yield running


class Clients:
    """Builds clients on the shared clock and closes them (and their token providers)."""

    def __init__(self, sandbox: Sandbox, clock: FakeClock) -> None:
        self.sandbox, self.clock = sandbox, clock
        self.opened: list[tuple[Client, TokenProvider]] = []

    def __call__(self, **policy: Any) -> Client:
        settings = self.sandbox.settings()
        provider = TokenProvider.from_settings(settings, monotonic_clock=self.clock)
        retry = RetryPolicy(sleep=self.clock.sleep, async_sleep=self.clock.async_sleep, **policy)
        # The fake clock's backoffs take no real time; the call's total deadline is real
        # time, so it is set far beyond the simulated waits (90 s backoffs below).
        client = create_client(
            settings, provider=provider, retry=retry, deadline=3600, http_package=HTTP_NAME
        )
        self.opened.append((client, provider))
        return client

    def close(self) -> None:
        for client, provider in self.opened:
            client.get_httpx_client().close()
            provider.close()


@pytest.fixture
def clients(sandbox: Sandbox, clock: FakeClock) -> Iterator[Clients]:
    """``clients(**policy)``: a create_client() client for the sandbox, closed afterwards."""
    made = Clients(sandbox, clock)
    yield made
    made.close()


def _customer(ident: str) -> CustomerCreateRequest:
    return CustomerCreateRequest.from_dict(
        {"customerIdent": ident, "addresses": [{"addressType": "INVOICE", "country": "DE"}]}
    )


def _seed(clients: Clients, count: int) -> None:
    client = clients()
    for i in range(count):
        unwrap(create_customer.sync_detailed(client=client, body=_customer(f"c-{i:03d}")))


def test_rate_limit_is_waited_out_with_retry_after(
    sandbox: Sandbox, clock: FakeClock, clients: Clients
) -> None:
    """2 requests per second allowed: ten GETs all succeed, each 429 waited out as told."""
    _seed(clients, 1)
    sandbox.configure_faults(rate_limit=2, rate_limit_window=1.0)
    client = clients(max_attempts=3)
    before = sandbox.stats()
    for _ in range(10):
        assert unwrap(retrieve_customer.sync_detailed("c-000", client=client)).customer_ident
    stats = sandbox.stats()
    limited = stats["rate_limited"] - before["rate_limited"]
    assert limited > 0
    assert clock.sleeps == [1.0] * limited  # Retry-After: 1, never the 0.5 s backoff
    assert stats["api_requests"] - before["api_requests"] == 10 + limited


def test_rate_limited_post_is_retried(sandbox: Sandbox, clock: FakeClock, clients: Clients) -> None:
    """A POST refused with 429 is sent again and created exactly once."""
    sandbox.configure_faults(rate_limit=1, rate_limit_window=5.0)
    client = clients()
    unwrap(create_customer.sync_detailed(client=client, body=_customer("first")))
    created = unwrap(create_customer.sync_detailed(client=client, body=_customer("second")))
    assert created.customer_ident == "second"
    assert sandbox.stats()["operations"]["createCustomer"] == 3
    assert clock.sleeps == [5.0]


def test_rate_limit_beyond_attempts_raises_rate_limited_error(
    sandbox: Sandbox, clients: Clients
) -> None:
    """With retries off, a 429 surfaces as RateLimitedError carrying Retry-After."""
    _seed(clients, 1)
    sandbox.configure_faults(rate_limit=1, rate_limit_window=30.0)
    client = clients(max_attempts=1)
    unwrap(retrieve_customer.sync_detailed("c-000", client=client))
    with pytest.raises(RateLimitedError) as caught:
        unwrap(retrieve_customer.sync_detailed("c-000", client=client))
    assert caught.value.retry_after == 30.0
    assert caught.value.uuid


def test_a_share_of_5xx_is_absorbed_by_retries(
    sandbox: Sandbox, clock: FakeClock, clients: Clients
) -> None:
    """30 % seeded 503s: forty GETs succeed; requests = calls + injected errors."""
    _seed(clients, 1)
    sandbox.configure_faults(error_rate=0.3, error_status=503, seed=7)
    client = clients(max_attempts=8)
    before = sandbox.stats()
    for _ in range(40):
        unwrap(retrieve_customer.sync_detailed("c-000", client=client))
    stats = sandbox.stats()
    injected = stats["injected_errors"] - before["injected_errors"]
    assert injected > 0
    assert stats["api_requests"] - before["api_requests"] == 40 + injected
    assert len(clock.sleeps) == injected


def test_post_answered_5xx_is_not_replayed(
    sandbox: Sandbox, clock: FakeClock, clients: Clients
) -> None:
    """Every request fails with 502: the POST goes out once and raises ServerError."""
    sandbox.configure_faults(error_rate=1.0, error_status=502)
    client = clients()
    with pytest.raises(ServerError) as caught:
        unwrap(create_customer.sync_detailed(client=client, body=_customer("once")))
    assert caught.value.status_code == 502
    assert caught.value.uuid
    assert sandbox.stats()["operations"].get("createCustomer") == 1
    assert clock.sleeps == []


def test_tokens_are_fresh_on_every_attempt(
    sandbox: Sandbox, clock: FakeClock, clients: Clients
) -> None:
    """Backoffs longer than the token's life: new tokens, and not one request got a 401."""
    _seed(clients, 1)
    sandbox.configure_faults(error_rate=0.5, error_status=503, seed=3)
    client = clients(initial_delay=90.0, max_delay=90.0, max_attempts=10)
    tokens_before = sandbox.stats()["tokens_issued"]
    for _ in range(5):
        unwrap(retrieve_customer.sync_detailed("c-000", client=client))
    stats = sandbox.stats()
    assert stats["tokens_issued"] - tokens_before >= len(clock.sleeps) > 0
    assert stats["unauthorized"] == 0


def test_validation_errors_carry_the_field_and_uuid(clients: Clients) -> None:
    """The sandbox's GlobalErrorResponse for a bad body becomes a ValidationError."""
    client = clients()
    bad = CustomerCreateRequest.from_dict(
        {"customerIdent": "bad", "addresses": [{"addressType": "NOPE", "country": "DE"}]}
    )
    with pytest.raises(ValidationError) as caught:
        unwrap(create_customer.sync_detailed(client=client, body=bad))
    assert caught.value.uuid
    assert [e.field_name for e in caught.value.errors] == ["addresses[0].addressType"]


def test_pagination_walks_the_sandbox_pages(sandbox: Sandbox, clients: Clients) -> None:
    """Seven customers at size 3: three page requests, every customer once, filter applied."""
    _seed(clients, 7)
    client = clients()
    before = sandbox.stats()["operations"].get("queryCustomers", 0)
    idents = [c.customer_ident for c in paginate(query_customers, client=client, size=3)]
    assert sorted(idents) == [f"c-{i:03d}" for i in range(7)]
    assert sandbox.stats()["operations"]["queryCustomers"] - before == 3
    hostile = ["c-001", "c-005", "x',customerIdent=='c-002"]
    search = str(where("customerIdent").in_(hostile))
    found = [c.customer_ident for c in paginate(query_customers, client=client, search=search)]
    assert sorted(found) == ["c-001", "c-005"]


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_async_pagination_walks_the_sandbox_pages(
    sandbox: Sandbox, clients: Clients, backend: str
) -> None:
    """apaginate over loopback, through 503s, sees every customer exactly once."""
    _seed(clients, 5)
    sandbox.configure_faults(error_rate=0.3, error_status=503, seed=1)
    client = clients(max_attempts=8)

    async def collect() -> list[str]:
        async with client.get_async_httpx_client():
            pages = apaginate(query_customers, client=client, size=2)
            return [c.customer_ident async for c in pages]

    assert sorted(anyio.run(collect, backend=backend)) == [f"c-{i:03d}" for i in range(5)]


def test_connection_refused_post_is_retried(
    clock: FakeClock, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing listens on the API port: the POST is tried max_attempts times, then raises
    APIConnectionError with the method and the URL (httpx's ConnectError as its cause)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    settings = NitroboxSettings(tenant="t", client_id="id", client_secret="secret", base_url=base)
    # Tokens come from a stand-in endpoint; only the API calls meet the closed port.
    tokens = httpx.MockTransport(
        lambda request: httpx.Response(
            200, json={"access_token": "eyJ" + "k" * 30, "token_type": "bearer", "expires_in": 300}
        )
    )
    provider = TokenProvider.from_settings(
        settings, monotonic_clock=clock, http=TokenHTTP(transport=tokens)
    )
    retry = RetryPolicy(max_attempts=3, sleep=clock.sleep, async_sleep=clock.async_sleep)
    client = create_client(settings, provider=provider, retry=retry, http_package=HTTP_NAME)
    caplog.set_level(logging.DEBUG, logger="nitrobox.http")
    with client, pytest.raises(APIConnectionError) as caught:
        create_customer.sync_detailed(client=client, body=_customer("never"))
    assert type(caught.value) is APIConnectionError
    assert (caught.value.method, caught.value.url) == (
        "POST",
        f"{base}/v2/customers?slimResponse=false",
    )
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    failed = [r for r in caplog.records if r.getMessage().startswith("failed POST")]
    assert [r.getMessage().rsplit(" ", 1)[1] for r in failed] == [
        "attempt=1",
        "attempt=2",
        "attempt=3",
    ]
    assert len(clock.sleeps) == 2
