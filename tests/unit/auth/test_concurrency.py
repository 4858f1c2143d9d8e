"""Single flight under load: threads, coroutines (asyncio and trio), concurrent 401s, and
an async path that never blocks the event loop."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import pytest
from http_under_test import httpx

from nitrobox_auth import InvalidClientError, NitroboxAuth, TokenHTTP, TokenProvider

API = "https://api.nbx-stage-westeurope.nitrobox.io"
TOKEN_URL = f"{API}/acme-test/oauth2/token"
GATE_TIMEOUT = 10.0


class Arrivals:
    """Counts threads that reached a point; lets the test wait until all of them have."""

    def __init__(self) -> None:
        self._count = 0
        self._changed = threading.Condition()

    def arrive(self) -> None:
        with self._changed:
            self._count += 1
            self._changed.notify_all()

    def wait_for(self, n: int) -> None:
        with self._changed:
            assert self._changed.wait_for(lambda: self._count >= n, timeout=GATE_TIMEOUT)


def gated_endpoint(release: threading.Event, endpoint: Any) -> Any:
    """Token answers held back until ``release`` is set, so every caller piles up."""

    def handler(request: httpx.Request) -> httpx.Response:
        assert release.wait(GATE_TIMEOUT)
        return endpoint(request)

    return handler


@pytest.mark.parametrize("cache", ["cold", "expired"])
def test_64_threads_cause_one_token_request(make_provider, endpoint, clock, cache) -> None:
    """64 threads asking at once, on a cold or an expired cache, share one token request."""
    release = threading.Event()
    provider = make_provider(handler=gated_endpoint(release, endpoint))
    if cache == "expired":
        release.set()
        provider.get_token()
        clock.advance(300)
        release.clear()
    before = endpoint.count
    arrivals = Arrivals()

    def worker() -> str:
        arrivals.arrive()
        return provider.get_token().value

    with ThreadPoolExecutor(max_workers=64) as pool:
        futures = [pool.submit(worker) for _ in range(64)]
        arrivals.wait_for(64)
        release.set()
        values = {f.result(timeout=GATE_TIMEOUT) for f in futures}
    assert endpoint.count - before == 1
    assert values == {endpoint.granted[-1]}


def test_threads_waiting_on_a_failed_fetch_share_its_error(make_provider, endpoint) -> None:
    """When the one fetch fails, the threads that waited for it get its error, not 64 tries."""
    endpoint.then(httpx.Response(401, json={"error": "invalid_client"}))
    release = threading.Event()
    provider = make_provider(handler=gated_endpoint(release, endpoint))
    arrivals = Arrivals()

    def worker() -> BaseException | None:
        arrivals.arrive()
        try:
            provider.get_token()
        except InvalidClientError as exc:
            return exc
        return None

    with ThreadPoolExecutor(max_workers=16) as pool:
        futures = [pool.submit(worker) for _ in range(16)]
        arrivals.wait_for(16)
        release.set()
        errors = [f.result(timeout=GATE_TIMEOUT) for f in futures]
    assert all(isinstance(e, InvalidClientError) for e in errors)
    assert endpoint.count == 1


def test_an_early_renewal_does_not_hold_other_threads_up(make_provider, endpoint, clock) -> None:
    """While one thread fetches the next token early, the others get the current one."""
    reached, release = threading.Event(), threading.Event()

    def gated(request: httpx.Request) -> httpx.Response:
        if endpoint.count == 1:
            reached.set()
            assert release.wait(GATE_TIMEOUT)
        return endpoint(request)

    provider = make_provider(handler=gated)
    first = provider.get_token()
    clock.advance(235)  # past renew_at (231.5 s), before refresh_at (239 s)
    with ThreadPoolExecutor(max_workers=1) as pool:
        renewing = pool.submit(provider.get_token)
        assert reached.wait(GATE_TIMEOUT)
        others = [provider.get_token() for _ in range(20)]
        release.set()
        assert renewing.result(timeout=GATE_TIMEOUT).value == endpoint.granted[1]
    assert all(token is first for token in others)
    assert provider.get_token().value == endpoint.granted[1]
    assert endpoint.count == 2


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_an_early_renewal_does_not_hold_other_tasks_up(make_provider, endpoint, clock, backend):
    """While one task fetches the next token early, the others get the current one."""
    reached, release = anyio.Event(), anyio.Event()  # bound to the loop on first use

    async def gated(request: httpx.Request) -> httpx.Response:
        if endpoint.count == 1:
            reached.set()
            await release.wait()
        return endpoint(request)

    provider = make_provider(async_transport=httpx.MockTransport(gated))
    first = provider.get_token()
    clock.advance(235)

    async def main() -> tuple[list[Any], Any]:
        renewed: list[Any] = []

        async def renew() -> None:
            renewed.append(await provider.aget_token())

        async with anyio.create_task_group() as tg:
            tg.start_soon(renew)
            await reached.wait()
            others = [await provider.aget_token() for _ in range(20)]
            release.set()
        return others, renewed[0]

    others, renewed = anyio.run(main, backend=backend)
    assert all(token is first for token in others)
    assert renewed.value == endpoint.granted[1]
    assert endpoint.count == 2


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_500_coroutines_cause_one_token_request(make_provider, endpoint, backend) -> None:
    """500 tasks asking at once on a cold cache share one token request."""

    async def main() -> set[str]:
        everyone_waiting = anyio.Event()
        arrived = 0

        async def gated(request: httpx.Request) -> httpx.Response:
            await everyone_waiting.wait()
            return endpoint(request)

        provider = make_provider(async_transport=httpx.MockTransport(gated))
        values: set[str] = set()

        async def worker() -> None:
            nonlocal arrived
            arrived += 1
            if arrived == 500:
                everyone_waiting.set()
            values.add((await provider.aget_token()).value)

        async with anyio.create_task_group() as tg:
            for _ in range(500):
                tg.start_soon(worker)
        return values

    values = anyio.run(main, backend=backend)
    assert endpoint.count == 1
    assert values == {endpoint.granted[0]}


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_a_slow_token_endpoint_does_not_stall_the_event_loop(endpoint, backend) -> None:
    """While a 200 ms token request is in flight, other coroutines keep running."""

    async def slow(request: httpx.Request) -> httpx.Response:
        await anyio.sleep(0.2)
        return endpoint(request)

    provider = TokenProvider(
        token_url=TOKEN_URL,
        client_id="id",
        client_secret="pw",
        http=TokenHTTP(async_transport=httpx.MockTransport(slow)),
    )

    async def main() -> tuple[int, float]:
        ticks = 0
        longest_gap = 0.0
        done = anyio.Event()

        async def ticker() -> None:
            nonlocal ticks, longest_gap
            last = time.perf_counter()
            while not done.is_set():
                await anyio.sleep(0.005)
                now = time.perf_counter()
                longest_gap = max(longest_gap, now - last)
                last = now
                ticks += 1

        async def fetch() -> None:
            await provider.aget_token()
            done.set()

        async with anyio.create_task_group() as tg:
            tg.start_soon(ticker)
            tg.start_soon(fetch)
        return ticks, longest_gap

    ticks, longest_gap = anyio.run(main, backend=backend)
    assert endpoint.count == 1
    assert ticks >= 10
    assert longest_gap < 0.15


class StaggeredApi:
    """Holds every request made with ``first_token`` until all ``n`` have arrived, answers
    one of them 401 at once and the others 401 only after the replay with a new token got
    through: late 401s must not throw away the token that replaced the failed one."""

    def __init__(self, first_token: str, n: int) -> None:
        self.first = f"Bearer {first_token}"
        self.n = n
        self.arrived = 0
        self.first_answered = False
        self.lock = threading.Lock()
        self.all_arrived = threading.Event()
        self.replayed = threading.Event()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.headers["Authorization"] != self.first:
            self.replayed.set()
            return httpx.Response(200)
        with self.lock:
            self.arrived += 1
            if self.arrived == self.n:
                self.all_arrived.set()
        assert self.all_arrived.wait(GATE_TIMEOUT)
        with self.lock:
            go_first, self.first_answered = not self.first_answered, True
        if not go_first:
            assert self.replayed.wait(GATE_TIMEOUT)
        return httpx.Response(401)


def test_50_concurrent_401s_on_one_token_cause_one_fetch_threads(make_provider, endpoint):
    """50 threads whose requests all got 401 with the same token share one new fetch."""
    provider = make_provider()
    api = StaggeredApi(provider.get_token().value, 50)
    transport = httpx.MockTransport(api)
    with httpx.Client(auth=NitroboxAuth(provider), transport=transport) as client:

        def call() -> int:
            return client.get(f"{API}/v2/customers").status_code

        with ThreadPoolExecutor(max_workers=50) as pool:
            statuses = list(pool.map(lambda _: call(), range(50), timeout=GATE_TIMEOUT))
    assert statuses == [200] * 50
    assert endpoint.count == 2


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_50_concurrent_401s_on_one_token_cause_one_fetch_tasks(make_provider, endpoint, backend):
    """50 tasks whose requests all got 401 with the same token share one new fetch."""
    provider = make_provider()
    first = f"Bearer {provider.get_token().value}"

    async def main() -> list[int]:
        all_arrived, replayed = anyio.Event(), anyio.Event()
        arrived = 0
        first_answered = False

        async def api(request: httpx.Request) -> httpx.Response:
            nonlocal arrived, first_answered
            if request.headers["Authorization"] != first:
                replayed.set()
                return httpx.Response(200)
            arrived += 1
            if arrived == 50:
                all_arrived.set()
            await all_arrived.wait()
            go_first, first_answered = not first_answered, True
            if not go_first:
                await replayed.wait()
            return httpx.Response(401)

        statuses: list[int] = []
        transport = httpx.MockTransport(api)
        async with httpx.AsyncClient(auth=NitroboxAuth(provider), transport=transport) as client:

            async def call() -> None:
                statuses.append((await client.get(f"{API}/v2/customers")).status_code)

            async with anyio.create_task_group() as tg:
                for _ in range(50):
                    tg.start_soon(call)
        return statuses

    assert anyio.run(main, backend=backend) == [200] * 50
    assert endpoint.count == 2
