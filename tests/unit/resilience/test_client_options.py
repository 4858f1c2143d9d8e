"""create_client's per-call options (with_options) and a client closed by hand."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from nitrobox_client.api.customers import retrieve_customer

from nitrobox_auth import (
    APITimeoutError,
    ClientClosedError,
    NitroboxSettings,
    RetryPolicy,
    ServerError,
    SettingsError,
    create_client,
    unwrap,
)

API = "https://api.test"
SETTINGS = NitroboxSettings(
    tenant="acme", client_id="client-id", client_secret="client-secret-value", base_url=API
)


class Server:
    """Token endpoint plus one customer endpoint answering ``statuses`` in turn, then 200."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses)
        self.api_calls = 0
        self.token_calls = 0
        self.timeouts: list[dict[str, Any]] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            self.token_calls += 1
            token = {"access_token": "eyJ" + "t" * 30, "token_type": "bearer", "expires_in": 300}
            return httpx.Response(200, json=token)
        self.api_calls += 1
        self.timeouts.append(dict(request.extensions["timeout"]))
        if self.statuses:
            return httpx.Response(self.statuses.pop(0), json={"status": "X", "uuid": "u-1"})
        return httpx.Response(200, json={"customerIdent": "c-1"})


def _no_wait() -> RetryPolicy:
    return RetryPolicy(sleep=lambda _: None, random=lambda: 0.0)


def test_with_options_changes_the_retries_and_shares_the_token() -> None:
    """retry=None on the copy: its 503 is final; the original still retries; one token."""
    server = Server(503, 503)
    client = create_client(SETTINGS, transport=httpx.MockTransport(server), retry=_no_wait())
    strict = client.with_options(retry=None)
    with pytest.raises(ServerError):
        unwrap(retrieve_customer.sync_detailed("c-1", client=strict))
    assert server.api_calls == 1
    customer = unwrap(retrieve_customer.sync_detailed("c-1", client=client))
    assert customer.customer_ident == "c-1"
    assert server.api_calls == 3  # 503, then 200 on the retry
    assert server.token_calls == 1  # one provider for both


def test_with_options_shares_the_connection_pools() -> None:
    """The copy sends through the very transports the factory built (no second pool)."""
    client = create_client(SETTINGS)
    copy = client.with_options(deadline=5)
    bounded = copy._wiring.bounded()  # type: ignore[union-attr]
    assert copy._wiring.transport is client._wiring.transport  # type: ignore[union-attr]
    assert copy._wiring.async_transport is client._wiring.async_transport  # type: ignore[union-attr]
    assert copy._wiring.provider is client._wiring.provider  # type: ignore[union-attr]
    assert bounded.deadline == 5.0
    client.close()


def test_with_options_timeout_sets_the_httpx_timeout_and_the_deadline() -> None:
    """timeout=2 on the copy: every httpx timeout is at most 2 s, and so is the deadline."""
    server = Server()
    client = create_client(SETTINGS, transport=httpx.MockTransport(server))
    quick = client.with_options(timeout=2)
    unwrap(retrieve_customer.sync_detailed("c-1", client=quick))
    unwrap(retrieve_customer.sync_detailed("c-1", client=client))
    assert all(0 < value <= 2.0 for value in server.timeouts[0].values())
    assert server.timeouts[1]["read"] > 2.0
    assert quick._wiring.deadline == 2.0  # type: ignore[union-attr]


def test_with_options_deadline_bounds_the_call() -> None:
    """A deadline already spent on the copy fails its call as APITimeoutError."""
    server = Server()
    client = create_client(SETTINGS, transport=httpx.MockTransport(server))
    tiny = client.with_options(deadline=1e-9)
    with pytest.raises(APITimeoutError):
        retrieve_customer.sync_detailed("c-1", client=tiny)
    unwrap(retrieve_customer.sync_detailed("c-1", client=client))


def test_with_options_keeps_headers_and_refuses_bad_values() -> None:
    """Headers added with with_headers survive; a bad deadline is a SettingsError."""
    client = create_client(SETTINGS, transport=httpx.MockTransport(Server()))
    client = client.with_headers({"X-Trace": "t-1"})
    copy = client.with_options(retry=None)
    assert copy.get_httpx_client().headers["X-Trace"] == "t-1"
    with pytest.raises(SettingsError, match="deadline"):
        client.with_options(deadline=-1)


def test_closing_either_closes_both() -> None:
    """with_options shares the lifecycle: after closing the copy, the original refuses too."""
    client = create_client(SETTINGS, transport=httpx.MockTransport(Server()))
    copy = client.with_options(retry=None)
    copy.close()
    assert client.is_closed
    with pytest.raises(ClientClosedError):
        retrieve_customer.sync_detailed("c-1", client=client)
    with pytest.raises(ClientClosedError):
        client.with_options(retry=None)


def test_an_httpx_client_closed_by_hand_raises_client_closed_error() -> None:
    """get_httpx_client().close(), then a call: ClientClosedError, not httpx's RuntimeError."""
    client = create_client(SETTINGS, transport=httpx.MockTransport(Server()))
    client.get_httpx_client().close()
    with pytest.raises(ClientClosedError, match="httpx client"):
        retrieve_customer.sync_detailed("c-1", client=client)


def test_an_async_httpx_client_closed_by_hand_raises_client_closed_error() -> None:
    """The async mirror: get_async_httpx_client().aclose(), then a call."""
    transport = httpx.MockTransport(Server())
    client = create_client(SETTINGS, transport=transport, async_transport=transport)

    async def run() -> None:
        await client.get_async_httpx_client().aclose()
        with pytest.raises(ClientClosedError, match="httpx client"):
            await retrieve_customer.asyncio_detailed("c-1", client=client)

    asyncio.run(run())


def test_with_options_keeps_a_timeout_set_with_with_timeout() -> None:
    """with_timeout() then with_options(retry=...): the calls still go out with that timeout."""
    server = Server()
    client = create_client(SETTINGS, transport=httpx.MockTransport(server))
    derived = client.with_timeout(httpx.Timeout(3.0)).with_options(retry=None)
    assert derived.get_httpx_client().timeout == httpx.Timeout(3.0)
    unwrap(retrieve_customer.sync_detailed("c-1", client=derived))
    assert server.timeouts[-1]["read"] == pytest.approx(3.0, abs=0.01)


def test_repr_shows_no_header_or_cookie_given_to_create_client() -> None:
    """Headers and cookies may carry credentials: neither reaches repr(client)."""
    client = create_client(
        SETTINGS,
        transport=httpx.MockTransport(Server()),
        headers={"X-Api-Key": "header-secret-value"},
        cookies={"session": "cookie-secret-value"},
    )
    for shown in (repr(client), repr(client.with_options(retry=None))):
        assert "header-secret-value" not in shown
        assert "cookie-secret-value" not in shown
        assert "client-secret-value" not in shown
