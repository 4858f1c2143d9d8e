"""One fetch among threads *and* tasks together, and bounded waits behind a stuck fetch."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
import anyio.to_thread
import pytest
from http_under_test import httpx

from nitrobox_auth import TokenTiming, TokenWaitTimeoutError
from nitrobox_auth.token._single_flight import Flight

GATE_TIMEOUT = 10.0


class Gate:
    """A token endpoint that holds every answer until released, and says when one arrived."""

    def __init__(self, endpoint: Any) -> None:
        self.endpoint = endpoint
        self.arrived = threading.Event()
        self.release = threading.Event()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.arrived.set()
        assert self.release.wait(GATE_TIMEOUT)
        return self.endpoint(request)

    async def wait_async(self, request: httpx.Request) -> httpx.Response:
        """The same for the async client, waiting without blocking the event loop."""
        self.arrived.set()
        released = await anyio.to_thread.run_sync(
            self.release.wait, GATE_TIMEOUT, abandon_on_cancel=True
        )
        assert released
        return self.endpoint(request)

    def provider(self, make_provider: Any, **options: Any) -> Any:
        return make_provider(
            handler=self, async_transport=httpx.MockTransport(self.wait_async), **options
        )


@pytest.fixture
def followers(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Set once some caller waits for a flight it does not lead."""
    waiting = threading.Event()
    original = Flight.wait

    def wait(self: Flight, timeout: float) -> bool:
        waiting.set()
        return original(self, timeout)

    monkeypatch.setattr(Flight, "wait", wait)
    return waiting


@pytest.mark.parametrize("first", ["thread", "task"])
@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_a_thread_and_a_task_on_a_cold_cache_cause_one_request(
    make_provider, endpoint, followers, first, backend
) -> None:
    """Whichever of a thread and a task comes first fetches; the other waits for it."""
    gate = Gate(endpoint)
    provider = gate.provider(make_provider)

    def in_thread() -> str:
        return provider.get_token().value

    def in_task() -> str:
        return anyio.run(provider.aget_token, backend=backend).value

    callers = [in_thread, in_task] if first == "thread" else [in_task, in_thread]
    with ThreadPoolExecutor(max_workers=2) as pool:
        leader = pool.submit(callers[0])
        assert gate.arrived.wait(GATE_TIMEOUT)
        follower = pool.submit(callers[1])
        assert followers.wait(GATE_TIMEOUT)
        gate.release.set()
        values = {leader.result(GATE_TIMEOUT), follower.result(GATE_TIMEOUT)}
    assert endpoint.count == 1
    assert values == {endpoint.granted[0]}


def test_a_thread_behind_a_stuck_fetch_times_out_with_a_typed_error(
    make_provider, endpoint
) -> None:
    """A follower gives up after wait_timeout; the stuck leader still finishes later."""
    gate = Gate(endpoint)
    provider = gate.provider(make_provider, timing=TokenTiming(wait_timeout=0.2))
    with ThreadPoolExecutor(max_workers=1) as pool:
        leader = pool.submit(provider.get_token)
        assert gate.arrived.wait(GATE_TIMEOUT)
        with pytest.raises(TokenWaitTimeoutError, match="wait_timeout") as caught:
            provider.get_token()
        gate.release.set()
        assert leader.result(GATE_TIMEOUT).value == endpoint.granted[0]
    assert caught.value.waited >= 0.2
    assert endpoint.count == 1
    assert provider.get_token().value == endpoint.granted[0]


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_tasks_behind_a_stuck_fetch_time_out_with_a_typed_error(
    make_provider, endpoint, backend
) -> None:
    """Every task of a loop waiting behind another caller's stuck fetch times out, bounded."""
    gate = Gate(endpoint)
    provider = gate.provider(make_provider, timing=TokenTiming(wait_timeout=0.2))
    outcomes: list[BaseException] = []

    async def one() -> None:
        try:
            await provider.aget_token()
        except TokenWaitTimeoutError as exc:
            outcomes.append(exc)

    async def many() -> None:
        async with anyio.create_task_group() as group:
            for _ in range(5):
                group.start_soon(one)

    with ThreadPoolExecutor(max_workers=1) as pool:
        leader = pool.submit(provider.get_token)
        assert gate.arrived.wait(GATE_TIMEOUT)
        anyio.run(many, backend=backend)
        gate.release.set()
        leader.result(GATE_TIMEOUT)
    assert len(outcomes) == 5
    assert endpoint.count == 1


def test_followers_of_a_cancelled_fetch_fetch_again(make_provider, endpoint, followers) -> None:
    """A leader that is cancelled mid-fetch abandons its flight; a waiting thread then leads."""
    gate = Gate(endpoint)
    provider = gate.provider(make_provider)

    async def cancelled_leader() -> None:
        with anyio.move_on_after(0.3):
            await provider.aget_token()

    with ThreadPoolExecutor(max_workers=2) as pool:
        leader = pool.submit(anyio.run, cancelled_leader)
        assert gate.arrived.wait(GATE_TIMEOUT)
        follower = pool.submit(provider.get_token)
        assert followers.wait(GATE_TIMEOUT)
        leader.result(GATE_TIMEOUT)  # cancelled while the endpoint still holds its answer
        gate.release.set()
        token = follower.result(GATE_TIMEOUT)
    assert endpoint.count == 1  # the cancelled request never got its answer
    assert token.value == endpoint.granted[0]
