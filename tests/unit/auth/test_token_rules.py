"""The I/O-free rules: request building, answer validation, refresh timing, retry waits."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any

import attrs
import pytest
from http_under_test import httpx
from hypothesis import given
from hypothesis import strategies as st

from nitrobox_auth import (
    AccessToken,
    InvalidClientError,
    OAuthError,
    RetryPolicy,
    SettingsError,
    TokenRequestError,
    TokenResponseError,
    TokenRetryPolicy,
)
from nitrobox_auth._http_rules import parse_retry_after
from nitrobox_auth.token._rules import (
    DEFAULT_EXPIRES_IN,
    DEFAULT_REFRESH_MARGIN,
    RetryableFailure,
    build_token_request,
    effective_margin,
    interpret_token_response,
)

SECRET = "my_client_secret"
TOKEN = "eyJhbGciOiJSUzI1NiJ9.payload.signature"
NOW = 1_800_000_000.0


def interpret(response: httpx.Response, **overrides: Any) -> AccessToken | RetryableFailure:
    options: dict[str, Any] = {
        "issued_at": 100.0,
        "refresh_margin": DEFAULT_REFRESH_MARGIN,
        "default_expires_in": DEFAULT_EXPIRES_IN,
        "attempt": 1,
        "now": NOW,
        "secrets": (SECRET,),
    }
    options.update(overrides)
    return interpret_token_response(response, **options)


def answer(status: int = 200, **body: Any) -> httpx.Response:
    return httpx.Response(status, json=body)


def test_token_request_is_exactly_the_documented_one() -> None:
    """POST to the tenant's token URL, Basic client auth, form-encoded client_credentials."""
    request = build_token_request(
        token_url="https://api.nitrobox.io/acme/oauth2/token",
        client_id="my_client_id",
        client_secret="my_client_secret",
    )
    assert request.method == "POST"
    assert str(request.url) == "https://api.nitrobox.io/acme/oauth2/token"
    assert request.headers["Authorization"] == "Basic bXlfY2xpZW50X2lkOm15X2NsaWVudF9zZWNyZXQ="
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.content == b"grant_type=client_credentials"


def test_a_valid_answer_becomes_a_token() -> None:
    """The documented answer gives a bearer token expiring 269 s after the request was sent."""
    token = interpret(answer(access_token=TOKEN, token_type="bearer", expires_in=269))
    assert isinstance(token, AccessToken)
    assert token.value == TOKEN
    assert token.token_type == "bearer"
    assert token.expires_in == 269
    assert token.expires_at == 369.0


@pytest.mark.parametrize(("token_type", "expires_in"), [("Bearer", 269), ("BEARER", "269")])
def test_token_type_case_and_numeric_string_lifetimes_are_accepted(
    token_type: str, expires_in: object
) -> None:
    """token_type is case-insensitive (RFC 6749); a plain numeric string lifetime is read."""
    token = interpret(answer(access_token=TOKEN, token_type=token_type, expires_in=expires_in))
    assert isinstance(token, AccessToken)
    assert token.expires_in == 269.0


def test_missing_expires_in_falls_back_to_the_documented_default() -> None:
    """Without expires_in the token is assumed to live DEFAULT_EXPIRES_IN (60 s)."""
    token = interpret(answer(access_token=TOKEN, token_type="bearer"))
    assert isinstance(token, AccessToken)
    assert DEFAULT_EXPIRES_IN == 60.0
    assert token.expires_in == DEFAULT_EXPIRES_IN


@pytest.mark.parametrize(
    ("response", "problem"),
    [
        (httpx.Response(200, text=f"access_token={TOKEN}"), "not JSON"),
        (httpx.Response(200, json=[TOKEN]), "JSON array, not an object"),
        (answer(token_type="bearer", expires_in=269), "access_token is missing or empty"),
        (answer(access_token="", token_type="bearer"), "access_token is missing or empty"),
        (answer(access_token=12345, token_type="bearer"), "access_token is missing or empty"),
        (answer(access_token="a b", token_type="bearer"), "not allowed in a header"),
        (answer(access_token=TOKEN, token_type="mac", expires_in=269), "token_type is 'mac'"),
        (answer(access_token=TOKEN, expires_in=269), "token_type is missing"),
        (answer(access_token=TOKEN, token_type="bearer", expires_in="soon"), "expires_in"),
        (answer(access_token=TOKEN, token_type="bearer", expires_in=-5), "expires_in"),
        (answer(access_token=TOKEN, token_type="bearer", expires_in=0), "expires_in"),
        (answer(access_token=TOKEN, token_type="bearer", expires_in=True), "expires_in"),
        (
            httpx.Response(
                200, text='{"access_token": "x", "token_type": "bearer", "expires_in": Infinity}'
            ),
            "Infinity is not a JSON number",
        ),
    ],
)
def test_malformed_answers_raise_token_response_error(
    response: httpx.Response, problem: str
) -> None:
    """A 2xx answer that is not a valid bearer token is a TokenResponseError, token unshown."""
    with pytest.raises(TokenResponseError) as caught:
        interpret(response)
    assert problem in str(caught.value)
    assert TOKEN not in str(caught.value)
    assert caught.value.__cause__ is None
    assert caught.value.status == 200


def test_token_response_error_keeps_safe_evidence() -> None:
    """The error keeps the field names present, not their values."""
    with pytest.raises(TokenResponseError) as caught:
        interpret(answer(access_token=TOKEN, token_type="mac", expires_in=269))
    assert caught.value.fields == ("access_token", "expires_in", "token_type")
    assert caught.value.content_type == "application/json"


@pytest.mark.parametrize("status", [400, 401])
def test_invalid_client_is_its_own_error(status: int) -> None:
    """invalid_client (on 400 or 401) raises InvalidClientError with the RFC 6749 fields."""
    with pytest.raises(InvalidClientError) as caught:
        interpret(answer(status, error="invalid_client", error_description="bad secret"))
    error = caught.value
    assert (error.status, error.error, error.error_description) == (
        status,
        "invalid_client",
        "bad secret",
    )
    assert "check client_id and client_secret" in str(error)


def test_a_bare_401_is_invalid_client() -> None:
    """A 401 without an RFC 6749 body still means the credentials were rejected."""
    with pytest.raises(InvalidClientError) as caught:
        interpret(httpx.Response(401, text="Unauthorized"))
    assert caught.value.error == "invalid_client"


def test_other_oauth_errors_are_oauth_errors() -> None:
    """An RFC 6749 error other than invalid_client is an OAuthError, not InvalidClientError."""
    with pytest.raises(OAuthError) as caught:
        interpret(answer(400, error="unauthorized_client"))
    assert not isinstance(caught.value, InvalidClientError)
    assert caught.value.error == "unauthorized_client"
    assert caught.value.error_description is None


def test_server_text_echoing_the_secret_is_scrubbed() -> None:
    """An error_description that quotes the client secret is masked before it is kept."""
    with pytest.raises(InvalidClientError) as caught:
        interpret(answer(401, error="invalid_client", error_description=f"bad: {SECRET}"))
    assert SECRET not in str(caught.value)
    assert SECRET not in (caught.value.error_description or "")


def test_an_unexpected_status_is_a_request_error_with_a_hint() -> None:
    """A 404 is not retried; the message points at the tenant or base URL."""
    with pytest.raises(TokenRequestError, match="tenant or base_url") as caught:
        interpret(httpx.Response(404), attempt=1)
    assert caught.value.status == 404
    assert caught.value.attempts == 1


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_overload_and_server_errors_are_retryable(status: int) -> None:
    """429 and 5xx answers are retryable failures carrying their Retry-After."""
    result = interpret(httpx.Response(status, headers={"Retry-After": "3"}))
    assert result == RetryableFailure(reason=f"HTTP {status}", status=status, retry_after=3.0)


def test_retry_after_reads_seconds_and_http_dates() -> None:
    """Retry-After is delay-seconds or an HTTP date; past dates mean now, junk means unknown."""
    in_ten = format_datetime(datetime.fromtimestamp(NOW + 10, UTC), usegmt=True)
    long_ago = format_datetime(datetime.fromtimestamp(NOW - 99, UTC), usegmt=True)
    assert parse_retry_after("7", now=NOW) == 7.0
    assert parse_retry_after(" 1.5 ", now=NOW) == 1.5
    assert parse_retry_after(in_ten, now=NOW) == pytest.approx(10.0)
    assert parse_retry_after(long_ago, now=NOW) == 0.0
    assert parse_retry_after("-3", now=NOW) is None
    assert parse_retry_after("tomorrow", now=NOW) is None
    assert parse_retry_after(None, now=NOW) is None


def test_a_269_second_token_is_used_at_least_230_seconds() -> None:
    """With the default margin a 269 s token is refreshed after 239 s, never before 230 s."""
    token = interpret(answer(access_token=TOKEN, token_type="bearer", expires_in=269))
    assert isinstance(token, AccessToken)
    assert not token.past_refresh_at(100.0 + 238.999)
    assert token.past_refresh_at(100.0 + 239.0)
    assert token.refresh_at - token.issued_at >= 230


def test_the_margin_is_capped_at_half_the_lifetime() -> None:
    """A 2 s token is refreshed after 1 s, not immediately."""
    assert effective_margin(30.0, 2.0) == 1.0
    assert effective_margin(30.0, 269.0) == 30.0
    token = interpret(answer(access_token=TOKEN, token_type="bearer", expires_in=2))
    assert isinstance(token, AccessToken)
    assert token.refresh_margin == 1.0


@given(
    expires_in=st.floats(min_value=0.001, max_value=1e7),
    margin=st.floats(min_value=0, max_value=1e4),
    elapsed=st.floats(min_value=0, max_value=2e7),
)
def test_a_token_in_use_always_has_the_margin_left(
    expires_in: float, margin: float, elapsed: float
) -> None:
    """Whenever a token is not due for refresh, at least its margin of life remains."""
    token = AccessToken(
        value=TOKEN,
        expires_in=expires_in,
        issued_at=0.0,
        refresh_margin=effective_margin(margin, expires_in),
    )
    assert token.refresh_margin <= expires_in / 2
    if not token.past_refresh_at(elapsed):
        assert token.remaining(elapsed) >= token.refresh_margin


class _FixedRandom(random.Random):
    def __init__(self, value: float) -> None:
        super().__init__()
        self.value = value

    def random(self) -> float:
        return self.value


@pytest.mark.parametrize("draw", [0.0, 0.999])
def test_backoff_doubles_with_jitter_in_the_upper_half(draw: float) -> None:
    """Waits grow 0.5, 1, 2 s (each jittered within its upper half), then retries stop."""
    policy = TokenRetryPolicy(random=lambda: draw)
    waits = [policy.delay(attempt) for attempt in (1, 2, 3)]
    for wait, ceiling in zip(waits, [0.5, 1.0, 2.0], strict=True):
        assert wait is not None
        assert ceiling / 2 <= wait <= ceiling
    assert not policy.attempts_left(4)


def test_backoff_is_capped() -> None:
    """No computed wait exceeds max_delay."""
    policy = TokenRetryPolicy(max_attempts=20, max_delay=3.0, random=lambda: 0.0)
    waits = [policy.delay(n) for n in range(1, 20)]
    assert max(w for w in waits if w is not None) == 3.0


def test_retry_after_is_honoured_up_to_its_limit() -> None:
    """A Retry-After longer than the backoff is waited; beyond max_retry_after we give up."""
    policy = TokenRetryPolicy(max_retry_after=30.0, random=lambda: 0.5)
    assert policy.delay(1, 12.0) == 12.0
    assert policy.delay(1, 30.0) == 30.0
    assert policy.delay(1, 31.0) is None


def test_token_and_api_retry_policies_share_one_vocabulary() -> None:
    """Both policies take the same timing options and apply the same Retry-After rule."""
    names = {
        "max_attempts",
        "initial_delay",
        "max_delay",
        "jitter",
        "max_retry_after",
        "sleep",
        "async_sleep",
        "random",
        "wall_clock",
    }
    token_fields = {f.name for f in attrs.fields(TokenRetryPolicy)}
    api_fields = {f.name for f in attrs.fields(RetryPolicy)}
    assert names <= token_fields
    assert names <= api_fields
    assert token_fields == names  # the API policy adds only which requests to retry
    same = {"max_retry_after": 20.0, "initial_delay": 1.0, "jitter": 0.0}
    for policy in (TokenRetryPolicy(**same), RetryPolicy(**same)):
        assert policy.delay(1, 5.0) == 5.0  # the server's wait, when longer than ours
        assert policy.delay(1, 0.0) == 1.0  # never less than our own backoff
        assert policy.delay(1, 20.5) is None  # past the cap: no retry at all


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"max_attempts": 0}, "max_attempts must be a whole number >= 1"),
        ({"max_attempts": 2.5}, "max_attempts must be a whole number >= 1"),
        ({"initial_delay": -1}, "initial_delay must be a finite number of seconds >= 0"),
        ({"max_delay": float("nan")}, "max_delay must be a finite number of seconds >= 0"),
        ({"max_retry_after": "30"}, "max_retry_after must be a number of seconds"),
        ({"jitter": 1.5}, "jitter must be between 0 and 1"),
    ],
)
@pytest.mark.parametrize("policy", [TokenRetryPolicy, RetryPolicy])
def test_a_bad_retry_policy_is_a_settings_error(
    policy: type, options: dict[str, Any], problem: str
) -> None:
    """Impossible retry settings are refused with a SettingsError naming the field."""
    with pytest.raises(SettingsError, match=f"{policy.__name__}.{problem}"):
        policy(**options)


def test_the_old_threshold_names_still_work_but_warn() -> None:
    """needs_refresh/should_renew are deprecated aliases of past_refresh_at/past_renew_at."""
    token = AccessToken(value="t" * 20, expires_in=100.0, issued_at=0.0, refresh_margin=20.0)
    with pytest.warns(DeprecationWarning, match="past_refresh_at"):
        assert token.needs_refresh(80.0) is token.past_refresh_at(80.0) is True
    with pytest.warns(DeprecationWarning, match="past_renew_at"):
        assert token.should_renew(74.0) is token.past_renew_at(74.0) is False


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=8,
)


@given(
    body=st.fixed_dictionaries(
        {},
        optional={
            "access_token": json_values | st.just(TOKEN),
            "token_type": json_values | st.sampled_from(["bearer", "Bearer", "mac"]),
            "expires_in": json_values | st.integers(min_value=-5, max_value=10**6),
        },
    )
)
def test_any_2xx_body_is_a_token_or_a_token_response_error(body: dict[str, Any]) -> None:
    """Whatever a 2xx answer holds, the result is a valid token or a TokenResponseError
    whose message does not repeat the token."""
    try:
        result: AccessToken | RetryableFailure | TokenResponseError = interpret(
            httpx.Response(200, json=body)
        )
    except TokenResponseError as exc:
        result = exc
    if isinstance(result, TokenResponseError):
        value = body.get("access_token")
        if isinstance(value, str) and len(value) > 3:
            assert value not in str(result)
        return
    assert isinstance(result, AccessToken)
    assert result.value == body["access_token"]
    assert result.expires_in > 0
    assert result.refresh_margin <= result.expires_in / 2


def test_a_non_oauth_error_body_is_not_an_oauth_error() -> None:
    """A 400 whose body is not an RFC 6749 error object is a plain TokenRequestError."""
    with pytest.raises(TokenRequestError) as caught:
        interpret(httpx.Response(400, json=["error", "invalid_client"]))
    assert not isinstance(caught.value, OAuthError)
    assert caught.value.status == 400
