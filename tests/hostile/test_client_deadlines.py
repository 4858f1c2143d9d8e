"""Bounded time: every API call and every token fetch ends by its total deadline, however
slowly a server trickles its answer, and raises a typed error naming the call."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import anyio
import pytest
from hostile.conftest import MakeClient
from hostile.hostile_server import (
    TOKEN_PATH,
    HostileServer,
    always_503,
    drip_body,
    drip_head,
    silent,
)
from http_under_test import httpx

from nitrobox_auth import (
    APITimeoutError,
    NitroboxSettings,
    RetryPolicy,
    SettingsError,
    TokenHTTP,
    TokenProvider,
    TokenRequestError,
    create_client,
)
from nitrobox_auth.transport._deadline import EXTENSION_KEY, Deadline

pytestmark = pytest.mark.integration

PATH = "/v2/customers"
# Short deadlines keep the suite quick; a drip (one byte per 0.05 s) outlasts them many
# times over, so a call that ends near its deadline was ended by the deadline.
DEADLINE = 0.5
SLACK = 1.5  # a loaded machine may end a call late, but never by a whole drip


@contextmanager
def finishes_within(seconds: float) -> Iterator[None]:
    started = time.monotonic()
    yield
    elapsed = time.monotonic() - started
    assert elapsed < seconds, f"took {elapsed:.1f} s"


Behaviour = Callable[..., None]


@pytest.mark.parametrize(
    "behaviour", [drip_body, drip_head, silent], ids=["body", "head", "silent"]
)
def test_sync_call_ends_at_its_total_deadline(
    hostile: HostileServer,
    settings: NitroboxSettings,
    make_client: MakeClient,
    behaviour: Behaviour,
) -> None:
    """create_client(timeout=0.5): a trickled or silent answer raises APITimeoutError then."""
    hostile.behaviours[PATH] = behaviour
    client = make_client(settings, timeout=DEADLINE)
    with finishes_within(DEADLINE + SLACK), pytest.raises(APITimeoutError) as caught:
        client.get_httpx_client().get(PATH)
    assert caught.value.method == "GET"
    assert caught.value.url == f"{hostile.url}{PATH}"
    assert "0.5 s deadline" in str(caught.value)


@pytest.mark.parametrize(
    "behaviour", [drip_body, drip_head, silent], ids=["body", "head", "silent"]
)
def test_async_call_ends_at_its_total_deadline(
    hostile: HostileServer,
    settings: NitroboxSettings,
    make_client: MakeClient,
    behaviour: Behaviour,
) -> None:
    """The async client keeps the same deadline."""
    hostile.behaviours[PATH] = behaviour
    client = make_client(settings, timeout=DEADLINE)

    async def call() -> None:
        async with client.get_async_httpx_client() as http:
            await http.get(PATH)

    with finishes_within(DEADLINE + SLACK), pytest.raises(APITimeoutError) as caught:
        anyio.run(call)
    assert caught.value.method == "GET"


def test_deadline_option_overrides_the_timeout(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """deadline= bounds the whole call even when the per-read timeout is longer."""
    hostile.behaviours[PATH] = drip_body
    client = make_client(settings, timeout=httpx.Timeout(30.0), deadline=DEADLINE)
    with finishes_within(DEADLINE + SLACK), pytest.raises(APITimeoutError):
        client.get_httpx_client().get(PATH)


def test_retries_stay_within_the_deadline(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """Status retries with Retry-After: 1 stop when no attempt fits in the 2.5 s budget."""
    hostile.behaviours[PATH] = always_503
    client = make_client(settings, timeout=2.5, retry=RetryPolicy(max_attempts=10))
    with finishes_within(3.5):
        response = client.get_httpx_client().get(PATH)
    assert response.status_code == 503
    assert 2 <= hostile.count(PATH) <= 3


def test_a_streamed_download_is_bounded_too(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """A streamed body read chunk by chunk still ends at the deadline."""
    hostile.behaviours[PATH] = drip_body
    client = make_client(settings, timeout=DEADLINE)
    received: list[bytes] = []

    def download() -> None:
        with client.get_httpx_client().stream("GET", PATH) as response:
            received.extend(response.iter_bytes())

    with finishes_within(DEADLINE + SLACK), pytest.raises(APITimeoutError):
        download()
    assert len(b"".join(received)) < 200


@pytest.mark.parametrize(
    "behaviour", [drip_body, drip_head, silent], ids=["body", "head", "silent"]
)
def test_token_fetch_of_a_lone_provider_is_bounded(
    hostile: HostileServer,
    settings: NitroboxSettings,
    make_client: MakeClient,
    behaviour: Behaviour,
) -> None:
    """TokenProvider.from_settings alone: a stuck token endpoint gives TokenRequestError."""
    hostile.behaviours[TOKEN_PATH] = behaviour
    provider = TokenProvider.from_settings(settings, http=TokenHTTP(deadline=DEADLINE))
    with finishes_within(DEADLINE + SLACK), pytest.raises(TokenRequestError) as caught:
        provider.get_token()
    assert "0.5 s deadline" in str(caught.value)
    assert settings.token_url in str(caught.value)
    provider.close()


def test_async_token_fetch_of_a_lone_provider_is_bounded(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """The async fetch of a provider without given transports is bounded the same way."""
    hostile.behaviours[TOKEN_PATH] = drip_body
    provider = TokenProvider.from_settings(settings, http=TokenHTTP(deadline=DEADLINE))
    with finishes_within(DEADLINE + SLACK), pytest.raises(TokenRequestError):
        anyio.run(provider.aget_token)


def test_an_api_call_behind_a_stuck_token_fetch_is_bounded(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """A call whose token fetch trickles ends with TokenRequestError, not after the drip."""
    hostile.behaviours[TOKEN_PATH] = drip_head
    hostile.behaviours[PATH] = drip_body
    provider = TokenProvider.from_settings(settings, http=TokenHTTP(deadline=DEADLINE))
    client = make_client(settings, provider=provider)
    with finishes_within(DEADLINE + SLACK), pytest.raises(TokenRequestError):
        client.get_httpx_client().get(PATH)


def test_the_factory_s_provider_shares_the_deadline(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """create_client(timeout=0.5) alone: a trickling token endpoint ends the call then."""
    hostile.behaviours[TOKEN_PATH] = drip_head
    client = make_client(settings, timeout=DEADLINE)
    with (
        finishes_within(DEADLINE + SLACK),
        pytest.raises(TokenRequestError, match=r"0\.5 s deadline"),
    ):
        client.get_httpx_client().get(PATH)


def test_sending_a_request_again_gets_a_fresh_deadline(
    hostile: HostileServer, settings: NitroboxSettings, make_client: MakeClient
) -> None:
    """A request object sent a second time is not held to the first send's deadline."""
    hostile.behaviours[PATH] = lambda handler: handler.send(
        b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Type: application/json\r\n"
        b"Content-Length: 2\r\n\r\n{}"
    )
    http = make_client(settings, timeout=2).get_httpx_client()
    request = http.build_request("GET", PATH)
    assert http.send(request).status_code == 200
    request.extensions = {**request.extensions, EXTENSION_KEY: Deadline(time.monotonic() - 1, 2)}
    assert http.send(request).status_code == 200


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf"), "3"])
def test_a_deadline_must_be_a_positive_finite_number(
    settings: NitroboxSettings, bad: object
) -> None:
    """deadline= of create_client and TokenProvider is checked up front."""
    with pytest.raises(SettingsError, match="deadline"):
        create_client(settings, deadline=bad)  # type: ignore[arg-type]
    with pytest.raises(SettingsError, match="deadline"):
        TokenHTTP(deadline=bad)  # type: ignore[arg-type]
