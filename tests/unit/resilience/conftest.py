"""Fixtures for the resilience tests: a scripted API over MockTransport, a token endpoint
that hands out a new token each time, a fake clock that is also the sleeper, and a
runner that sends through the retry layers the sync way, on asyncio or on trio."""

from __future__ import annotations

import collections
from typing import Any

import anyio
import pytest
from fakes import FakeClock, token_value
from http_under_test import httpx

from nitrobox_auth import (
    NitroboxAuth,
    RetryAuth,
    RetryPolicy,
    RetryTransport,
    TokenHTTP,
    TokenProvider,
)

API = "https://api.test"
TOKEN_URL = f"{API}/acme/oauth2/token"
TOKEN_LIFETIME = 60.0


Step = int | tuple[int, dict[str, str]] | httpx.Response | Exception


class ScriptedAPI:
    """A MockTransport handler answering from a script of steps, one per request.

    A step is a status, ``(status, headers)``, a response, or an exception to raise.
    ``reached`` holds the requests that got to the "server": a connect-phase error
    (``ConnectError``, ``ConnectTimeout``, ``PoolTimeout``) means the request never left.
    """

    NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)

    def __init__(self, *steps: Step) -> None:
        self.steps: collections.deque[Step] = collections.deque(steps)
        self.attempts: list[httpx.Request] = []
        self.reached: list[httpx.Request] = []
        self.authorizations: list[str | None] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.attempts.append(request)
        self.authorizations.append(request.headers.get("Authorization"))
        if not self.steps:
            raise AssertionError(f"unexpected extra request: {request.method} {request.url}")
        step = self.steps.popleft()
        if isinstance(step, Exception):
            if not isinstance(step, self.NOT_SENT):
                self.reached.append(request)
            raise step
        self.reached.append(request)
        if isinstance(step, httpx.Response):
            return step
        if isinstance(step, tuple):
            return httpx.Response(step[0], headers=step[1], json={"status": "scripted"})
        return httpx.Response(step, json={"status": "scripted"})


class TokenEndpoint:
    """Grants ``tok001``, ``tok002``... each valid for ``TOKEN_LIFETIME`` seconds."""

    def __init__(self) -> None:
        self.granted: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        value = token_value(len(self.granted) + 1)
        self.granted.append(value)
        return httpx.Response(
            200,
            json={"access_token": value, "token_type": "bearer", "expires_in": TOKEN_LIFETIME},
        )


class Runner:
    """Sends one request through RetryAuth + RetryTransport over a ScriptedAPI."""

    def __init__(self, mode: str, clock: FakeClock) -> None:
        self.mode = mode
        self.clock = clock
        self.tokens = TokenEndpoint()
        token_transport = httpx.MockTransport(self.tokens)
        self.provider = TokenProvider(
            token_url=TOKEN_URL,
            client_id="client-id",
            client_secret="client-secret-value",
            http=TokenHTTP(transport=token_transport, async_transport=token_transport),
            monotonic_clock=clock,
        )

    @property
    def is_async(self) -> bool:
        return self.mode != "sync"

    @staticmethod
    def bearer(n: int) -> str:
        """The Authorization header carrying the n-th granted token."""
        return f"Bearer {token_value(n)}"

    def policy(self, **options: Any) -> RetryPolicy:
        """A policy sleeping on the fake clock, with no jitter unless asked."""
        options.setdefault("random", lambda: 0.0)
        return RetryPolicy(
            sleep=self.clock.sleep,
            async_sleep=self.clock.async_sleep,
            wall_clock=self.clock,
            **options,
        )

    def send(
        self,
        api: ScriptedAPI,
        method: str = "GET",
        url: str = f"{API}/v2/customers",
        *,
        policy: RetryPolicy | None,
        **kwargs: Any,
    ) -> httpx.Response:
        """One request, through both layers (``policy=None``: the transport only logs)."""
        auth: httpx.Auth = NitroboxAuth(self.provider, api_base_url=API)
        if policy is not None:
            auth = RetryAuth(auth, policy)
        mock = httpx.MockTransport(api)
        if self.mode == "sync":
            with httpx.Client(auth=auth, transport=RetryTransport(mock, policy=policy)) as client:
                return client.request(method, url, **kwargs)

        async def run() -> httpx.Response:
            transport = RetryTransport(async_transport=mock, policy=policy)
            async with httpx.AsyncClient(auth=auth, transport=transport) as client:
                return await client.request(method, url, **kwargs)

        return anyio.run(run, backend=self.mode)


@pytest.fixture
def clock() -> FakeClock:
    """A fake wall clock that is also the sleeper."""
    return FakeClock(1_800_000_000.0)


@pytest.fixture(params=["sync", "asyncio", "trio"])
def runner(request: pytest.FixtureRequest, clock: FakeClock) -> Runner:
    """The same test once per path: sync, async on asyncio, async on trio."""
    return Runner(request.param, clock)


@pytest.fixture
def scripted() -> type[ScriptedAPI]:
    """The ScriptedAPI class: ``scripted(503, 200)`` answers 503, then 200."""
    return ScriptedAPI
