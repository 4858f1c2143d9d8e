"""`nitrobox probe --rate`: the paced transport spaces requests, and never waits unbounded."""

from __future__ import annotations

import itertools

import pytest
from fakes import FakeClock
from http_under_test import httpx

from nitrobox_auth.cli._probe_pace import PacedTransport


def _paced(rate: float, clock: FakeClock, starts: list[float]) -> PacedTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        starts.append(clock())
        return httpx.Response(200)

    return PacedTransport(httpx.MockTransport(answer), rate, clock=clock, sleep=clock.sleep)


def test_requests_start_at_least_one_interval_apart() -> None:
    """At 4 requests per second, five back-to-back requests start 0.25 s apart."""
    clock = FakeClock(100.0)
    starts: list[float] = []
    with httpx.Client(transport=_paced(4, clock, starts)) as http:
        for _ in range(5):
            http.get("http://probe.invalid/x")
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert gaps == pytest.approx([0.25] * 4)


def test_time_already_spent_counts_towards_the_interval() -> None:
    """A slow caller is not slowed further: no wait once the interval has passed."""
    clock = FakeClock(100.0)
    starts: list[float] = []
    with httpx.Client(transport=_paced(2, clock, starts)) as http:
        http.get("http://probe.invalid/x")
        clock.advance(0.4)
        http.get("http://probe.invalid/x")
        clock.advance(1.0)
        http.get("http://probe.invalid/x")
    assert [b - a for a, b in itertools.pairwise(starts)] == pytest.approx([0.5, 1.0])


def test_a_clock_that_jumps_back_never_makes_a_wait_longer_than_one_interval() -> None:
    """Every wait is bounded by 1/rate."""
    clock = FakeClock(100.0)
    transport = PacedTransport(
        httpx.MockTransport(lambda r: httpx.Response(200)), 1, clock=clock, sleep=clock.sleep
    )
    with httpx.Client(transport=transport) as http:
        http.get("http://probe.invalid/x")
        clock.advance(-100)
        http.get("http://probe.invalid/x")
    assert clock.sleeps == [1.0]


@pytest.mark.parametrize("rate", [0, -1, 101])
def test_rate_outside_the_bounds_is_refused(rate: float) -> None:
    with pytest.raises(ValueError, match="rate"):
        PacedTransport(httpx.MockTransport(lambda r: httpx.Response(200)), rate)
