"""Shared fixtures for the auth tests: a scripted token endpoint, a fake clock, and a
runner that calls a provider the sync way, on asyncio or on trio."""

from __future__ import annotations

import collections
import random
from collections.abc import Callable, Iterator
from typing import Any

import anyio
import attrs
import pytest
from fakes import FakeClock, token_value
from http_under_test import httpx

from nitrobox_auth import AccessToken, TokenHTTP, TokenProvider, TokenRetryPolicy

TENANT = "acme-test"
CLIENT_ID = "my_client_id"
CLIENT_SECRET = "my_client_secret"
# base64("my_client_id:my_client_secret"), the documented example.
BASIC = "bXlfY2xpZW50X2lkOm15X2NsaWVudF9zZWNyZXQ="
API = "https://api.nbx-stage-westeurope.nitrobox.io"
TOKEN_URL = f"{API}/{TENANT}/oauth2/token"
WALL_NOW = 1_800_000_000.0


Scripted = httpx.Response | Exception | Callable[[httpx.Request], Any]


class TokenEndpoint:
    """A token endpoint for MockTransport: plays scripted answers, then grants tokens."""

    def __init__(self, expires_in: float | None = 269) -> None:
        self.expires_in = expires_in
        self.script: collections.deque[Scripted] = collections.deque()
        self.requests: list[httpx.Request] = []
        self.granted: list[str] = []

    def then(self, *answers: Scripted) -> TokenEndpoint:
        self.script.extend(answers)
        return self

    def grant(self) -> httpx.Response:
        value = token_value(len(self.granted) + 1)
        self.granted.append(value)
        body: dict[str, Any] = {"access_token": value, "token_type": "bearer"}
        if self.expires_in is not None:
            body["expires_in"] = self.expires_in
        return httpx.Response(200, json=body)

    def __call__(self, request: httpx.Request) -> Any:
        self.requests.append(request)
        if self.script:
            answer = self.script.popleft()
            if isinstance(answer, Exception):
                raise answer
            if isinstance(answer, httpx.Response):
                # A fresh copy: httpx rewires a response's stream when it is sent, so one
                # scripted object must not be sent twice (or by sync and async clients).
                return httpx.Response(
                    answer.status_code, headers=answer.headers, content=answer.content
                )
            return answer(request)
        return self.grant()

    @property
    def count(self) -> int:
        return len(self.requests)


class Runner:
    """Calls one provider method the sync way or from an event loop (asyncio or trio)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode

    @property
    def is_async(self) -> bool:
        return self.mode != "sync"

    def get_token(self, provider: TokenProvider) -> AccessToken:
        if self.mode == "sync":
            return provider.get_token()
        return anyio.run(provider.aget_token, backend=self.mode)


@pytest.fixture(params=["sync", "asyncio", "trio"])
def runner(request: pytest.FixtureRequest) -> Runner:
    """The same test once per path: sync, async on asyncio, async on trio."""
    return Runner(request.param)


def wall_clock(clock: FakeClock) -> Callable[[], float]:
    """Epoch seconds that move with ``clock``: WALL_NOW when it reads 1000."""
    return lambda: WALL_NOW + clock.now - 1000.0


@pytest.fixture
def clock() -> FakeClock:
    """A fake monotonic clock that also serves as the sleeper."""
    return FakeClock(1000.0)


@pytest.fixture
def wall(clock: FakeClock) -> Callable[[], float]:
    """The wall clock the providers of ``make_provider`` use (moves with ``clock``)."""
    return wall_clock(clock)


@pytest.fixture
def endpoint() -> TokenEndpoint:
    """A scripted token endpoint granting 269 s tokens."""
    return TokenEndpoint()


@pytest.fixture
def make_provider(
    clock: FakeClock, endpoint: TokenEndpoint
) -> Iterator[Callable[..., TokenProvider]]:
    """Build providers wired to the scripted endpoint and the fake clock."""
    made: list[TokenProvider] = []

    def make(
        *,
        handler: Callable[[httpx.Request], Any] | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        retry: TokenRetryPolicy | None = None,
        **options: Any,
    ) -> TokenProvider:
        handler = handler or endpoint
        options["http"] = TokenHTTP(
            transport=transport or httpx.MockTransport(handler),
            async_transport=async_transport or httpx.MockTransport(handler),
        )
        # The wall clock moves with the fake monotonic one (WALL_NOW at its start).
        wall = wall_clock(clock)
        options["retry"] = attrs.evolve(
            retry or TokenRetryPolicy(),
            sleep=clock.sleep,
            async_sleep=clock.async_sleep,
            random=random.Random(1).random,
            wall_clock=wall,
        )
        options.setdefault("monotonic_clock", clock)
        options.setdefault("wall_clock", wall)
        provider = TokenProvider(
            token_url=TOKEN_URL, client_id=CLIENT_ID, client_secret=CLIENT_SECRET, **options
        )
        made.append(provider)
        return provider

    yield make
    for provider in made:
        provider.close()
