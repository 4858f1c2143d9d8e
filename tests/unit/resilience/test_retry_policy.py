"""The pure retry rules: which outcomes are retried, how long to wait, Retry-After parsing."""

from __future__ import annotations

import email.utils

import pytest
from http_under_test import httpx

from nitrobox_auth import RetryPolicy, SettingsError
from nitrobox_auth._http_rules import parse_retry_after

NOW = 1_800_000_000.0


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS", "PUT", "DELETE", "get"])
@pytest.mark.parametrize("status", [408, 425, 429, 500, 502, 503, 504])
def test_idempotent_methods_retry_transient_statuses(method: str, status: int) -> None:
    """Idempotent methods are retried on every documented transient status."""
    assert RetryPolicy().should_retry(method, status, 1)


@pytest.mark.parametrize(
    "status", [200, 201, 204, 301, 400, 401, 403, 404, 409, 422, 499, 501, 520]
)
def test_other_statuses_are_not_retried(status: int) -> None:
    """Success, client errors and unknown codes (499, 520) are final."""
    assert not RetryPolicy().should_retry("GET", status, 1)


@pytest.mark.parametrize("method", ["POST", "PATCH"])
@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
def test_post_is_not_retried_once_the_server_answered(method: str, status: int) -> None:
    """A non-idempotent request the server answered may have taken effect: no retry."""
    assert not RetryPolicy().should_retry(method, status, 1)


@pytest.mark.parametrize("status", [425, 429])
def test_post_is_retried_on_an_answer_that_says_unprocessed(status: int) -> None:
    """429 and 425 (RFC 8470: refused before processing) mean POST may go again."""
    assert RetryPolicy().should_retry("POST", status, 1)


def test_the_api_and_the_token_endpoint_retry_the_same_statuses() -> None:
    """One list: every status the token endpoint retries, an idempotent API call retries."""
    from nitrobox_auth._retry_rules import RETRY_STATUSES, is_transient_status

    assert RetryPolicy().retry_statuses == RETRY_STATUSES
    assert {s for s in range(100, 600) if is_transient_status(s)} == RETRY_STATUSES


def _request() -> httpx.Request:
    return httpx.Request("POST", "https://api.test/v2/orders")


@pytest.mark.parametrize(
    "error",
    [httpx.ConnectError("refused"), httpx.ConnectTimeout("slow"), httpx.PoolTimeout("busy")],
)
@pytest.mark.parametrize("method", ["GET", "POST", "PATCH"])
def test_errors_before_sending_are_retried_for_every_method(method: str, error: Exception) -> None:
    """Connect errors and pool timeouts: nothing reached the server, any method retries."""
    assert RetryPolicy().should_retry(method, error, 1)


@pytest.mark.parametrize(
    "error",
    [
        httpx.ReadTimeout("slow"),
        httpx.WriteTimeout("slow"),
        httpx.ReadError("reset"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
    ],
)
def test_errors_after_sending_are_retried_only_when_idempotent(error: Exception) -> None:
    """Once bytes left, only idempotent methods are retried."""
    policy = RetryPolicy()
    assert policy.should_retry("GET", error, 1)
    assert policy.should_retry("PUT", error, 1)
    assert not policy.should_retry("POST", error, 1)


@pytest.mark.parametrize(
    "error", [ValueError("bug"), httpx.UnsupportedProtocol("ftp"), httpx.LocalProtocolError("x")]
)
def test_programming_errors_are_never_retried(error: Exception) -> None:
    """Errors that a retry cannot fix propagate at once."""
    assert not RetryPolicy().should_retry("GET", error, 1)


def test_attempt_budget_counts_the_first_attempt() -> None:
    """max_attempts=3 allows retries after attempts 1 and 2, not after 3."""
    policy = RetryPolicy(max_attempts=3)
    assert [policy.should_retry("GET", 503, n) for n in (1, 2, 3, 4)] == [True, True, False, False]
    assert not RetryPolicy(max_attempts=1).should_retry("GET", httpx.ConnectError("x"), 1)


def test_backoff_doubles_up_to_max_delay_without_jitter() -> None:
    """With the random draw at 0 the waits are initial * 2**(n-1), capped."""
    policy = RetryPolicy(initial_delay=0.5, max_delay=3.0, random=lambda: 0.0)
    assert [policy.delay(n) for n in (1, 2, 3, 4, 5)] == [0.5, 1.0, 2.0, 3.0, 3.0]


def test_jitter_shortens_the_wait_by_at_most_its_share() -> None:
    """jitter=0.25 keeps every wait within [75%, 100%] of the backoff."""
    assert RetryPolicy(initial_delay=2.0, jitter=0.25, random=lambda: 1.0).delay(1) == 1.5
    assert RetryPolicy(initial_delay=2.0, jitter=1.0, random=lambda: 0.5).delay(1) == 1.0


def test_retry_after_wins_over_a_shorter_backoff_up_to_the_cap() -> None:
    """A server-given wait longer than the backoff is waited; past max_retry_after: no retry."""
    policy = RetryPolicy(max_retry_after=60.0, random=lambda: 0.0)
    assert policy.delay(1, retry_after=7.0) == 7.0
    assert policy.delay(3, retry_after=0.0) == 2.0  # "now" still waits our own backoff
    assert policy.delay(1, retry_after=60.0) == 60.0
    assert policy.delay(1, retry_after=3600.0) is None


def test_parse_retry_after_seconds() -> None:
    """Delay-seconds, with surrounding space, read as seconds."""
    assert parse_retry_after("120", now=NOW) == 120.0
    assert parse_retry_after(" 3 ", now=NOW) == 3.0


def test_parse_retry_after_http_date() -> None:
    """An HTTP date is read relative to the injected wall clock; a past date means now."""
    later = email.utils.formatdate(NOW + 30, usegmt=True)
    earlier = email.utils.formatdate(NOW - 30, usegmt=True)
    assert parse_retry_after(later, now=NOW) == pytest.approx(30.0)
    assert parse_retry_after(earlier, now=NOW) == 0.0


@pytest.mark.parametrize("value", [None, "", "soon", "nan", "inf", "Mon, 99 Foo 2026"])
def test_unreadable_retry_after_is_ignored(value: str | None) -> None:
    """Garbage falls back to the policy's own backoff instead of failing the call."""
    assert parse_retry_after(value, now=NOW) is None


def test_negative_retry_after_is_ignored() -> None:
    """A negative delay is not a delay: the policy's own backoff applies (no crash, no wait)."""
    assert parse_retry_after("-5", now=NOW) is None


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"max_attempts": 0}, "max_attempts"),
        ({"initial_delay": -1.0}, "initial_delay"),
        ({"max_delay": float("inf")}, "max_delay"),
        ({"max_retry_after": float("nan")}, "max_retry_after"),
        ({"jitter": 1.5}, "jitter"),
    ],
)
def test_bad_limits_are_rejected_with_the_option_named(
    options: dict[str, float], named: str
) -> None:
    """A policy that could never work fails at construction, naming the option."""
    with pytest.raises(SettingsError, match=named):
        RetryPolicy(**options)  # type: ignore[arg-type]
