"""TokenProvider behaviour, each test run on the sync path, on asyncio and on trio."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import anyio
import pytest
from fakes import token_value
from http_under_test import httpx

from nitrobox_auth import (
    InvalidClientError,
    NitroboxSettings,
    SettingsError,
    TokenHTTP,
    TokenProvider,
    TokenRequestError,
    TokenResponseError,
    TokenRetryPolicy,
    TokenTiming,
)

TOKEN_URL = "https://api.nbx-stage-westeurope.nitrobox.io/acme-test/oauth2/token"
BASIC = "bXlfY2xpZW50X2lkOm15X2NsaWVudF9zZWNyZXQ="  # base64("my_client_id:my_client_secret")
WALL_NOW = 1_800_000_000.0


def test_no_request_until_a_token_is_needed(make_provider, endpoint) -> None:
    """Building a provider sends nothing; the first token is fetched lazily."""
    make_provider()
    assert endpoint.count == 0


def test_the_token_is_fetched_once_then_reused(runner, make_provider, endpoint, clock) -> None:
    """Repeated calls within the token's life reuse it without a new request."""
    provider = make_provider()
    first = runner.get_token(provider)
    clock.advance(200)
    again = runner.get_token(provider)
    assert first.value == again.value == token_value(1)
    assert endpoint.count == 1
    request = endpoint.requests[0]
    assert (request.method, str(request.url)) == ("POST", TOKEN_URL)
    assert request.headers["Authorization"] == f"Basic {BASIC}"
    assert request.content == b"grant_type=client_credentials"


def test_refresh_happens_just_before_the_margin(runner, make_provider, endpoint, clock) -> None:
    """A 269 s token is reused for 231.5 s (a quarter margin before the 30 s margin)."""
    provider = make_provider()
    runner.get_token(provider)
    clock.advance(231.4)
    assert runner.get_token(provider).value == token_value(1)
    clock.advance(0.1)
    assert runner.get_token(provider).value == token_value(2)
    assert endpoint.count == 2


def test_a_failed_early_renewal_keeps_the_current_token(
    runner, make_provider, endpoint, clock, caplog
) -> None:
    """Inside the renewal lead a failed fetch is logged and the still-usable token served."""
    provider = make_provider(retry=TokenRetryPolicy(max_attempts=1))
    runner.get_token(provider)
    endpoint.then(httpx.Response(503), httpx.Response(503))
    clock.advance(235)
    assert runner.get_token(provider).value == token_value(1)
    assert "renewing the access token early failed" in caplog.text
    clock.advance(4)  # now inside the margin: the token must not be handed out any more
    with pytest.raises(TokenRequestError):
        runner.get_token(provider)
    assert runner.get_token(provider).value == token_value(2)


def test_no_token_is_handed_out_with_less_than_the_margin_left(
    runner, make_provider, clock
) -> None:
    """Stepping through many lifetimes, every token handed out has >= the margin left."""
    provider = make_provider(timing=TokenTiming(refresh_margin=30))
    for _ in range(60):
        token = runner.get_token(provider)
        assert token.remaining(clock()) >= 30
        clock.advance(17.3)


def test_the_margin_is_configurable(runner, make_provider, endpoint, clock) -> None:
    """refresh_margin=10 keeps a 269 s token for 256.5 s (259 s less a quarter margin)."""
    provider = make_provider(timing=TokenTiming(refresh_margin=10))
    runner.get_token(provider)
    clock.advance(256.4)
    runner.get_token(provider)
    assert endpoint.count == 1
    clock.advance(0.1)
    runner.get_token(provider)
    assert endpoint.count == 2


def test_expiry_counts_from_when_the_request_was_sent(runner, make_provider, clock) -> None:
    """A slow token answer does not extend the token's life on our clock."""

    def slow_grant(request: httpx.Request) -> httpx.Response:
        clock.advance(5)
        return httpx.Response(
            200, json={"access_token": "slowtoken", "token_type": "bearer", "expires_in": 100}
        )

    provider = make_provider(handler=slow_grant)
    start = clock()
    token = runner.get_token(provider)
    assert token.expires_at == start + 100


@pytest.mark.parametrize(
    "fault",
    [
        httpx.Response(503),
        httpx.Response(500),
        httpx.Response(429),
        httpx.ConnectError("connection refused"),
        httpx.ReadTimeout("timed out"),
    ],
    ids=["503", "500", "429", "connect-error", "read-timeout"],
)
def test_transient_faults_are_retried(runner, make_provider, endpoint, clock, fault) -> None:
    """Connection errors, timeouts, 429 and 5xx are retried after a jittered wait."""
    endpoint.then(fault, fault)
    token = runner.get_token(make_provider())
    assert token.value == token_value(1)
    assert endpoint.count == 3
    assert len(clock.sleeps) == 2
    assert 0.25 <= clock.sleeps[0] <= 0.5
    assert 0.5 <= clock.sleeps[1] <= 1.0


def test_retry_after_seconds_is_honoured(runner, make_provider, endpoint, clock) -> None:
    """A 429 with Retry-After: 7 waits 7 s before the next attempt."""
    endpoint.then(httpx.Response(429, headers={"Retry-After": "7"}))
    runner.get_token(make_provider())
    assert clock.sleeps == [7.0]


def test_retry_after_http_date_is_honoured(runner, make_provider, endpoint, clock) -> None:
    """A 503 with an HTTP-date Retry-After waits until that date (on the wall clock)."""
    when = format_datetime(datetime.fromtimestamp(WALL_NOW + 12, UTC), usegmt=True)
    endpoint.then(httpx.Response(503, headers={"Retry-After": when}))
    runner.get_token(make_provider())
    assert clock.sleeps == [pytest.approx(12.0)]


def test_retries_are_bounded(runner, make_provider, endpoint, clock) -> None:
    """After max_attempts failures the provider raises TokenRequestError with the evidence."""
    endpoint.then(*[httpx.Response(503)] * 10)
    provider = make_provider(retry=TokenRetryPolicy(max_attempts=3))
    with pytest.raises(TokenRequestError) as caught:
        runner.get_token(provider)
    assert endpoint.count == 3
    assert len(clock.sleeps) == 2
    assert caught.value.attempts == 3
    assert caught.value.status == 503
    assert "after 3 attempt(s): HTTP 503" in str(caught.value)


def test_connection_errors_exhaust_into_token_request_error(
    runner, make_provider, endpoint
) -> None:
    """A token endpoint that cannot be reached ends in TokenRequestError, status None."""
    endpoint.then(*[httpx.ConnectError("refused")] * 4)
    with pytest.raises(TokenRequestError) as caught:
        runner.get_token(make_provider())
    assert endpoint.count == 4
    assert caught.value.status is None
    assert "ConnectError" in str(caught.value)


def test_a_long_retry_after_ends_retries_at_once(runner, make_provider, endpoint, clock) -> None:
    """A Retry-After beyond max_retry_after is not slept through: fail now, say why."""
    endpoint.then(httpx.Response(503, headers={"Retry-After": "3600"}))
    with pytest.raises(TokenRequestError, match="asked to wait 3600 s"):
        runner.get_token(make_provider())
    assert endpoint.count == 1
    assert clock.sleeps == []


def test_unsupported_protocol_is_not_retried(runner, make_provider, endpoint, clock) -> None:
    """A transport error that retrying cannot fix fails on the first attempt."""
    endpoint.then(httpx.UnsupportedProtocol("no such scheme"))
    with pytest.raises(TokenRequestError):
        runner.get_token(make_provider())
    assert endpoint.count == 1
    assert clock.sleeps == []


def test_invalid_client_fails_at_once(runner, make_provider, endpoint, clock) -> None:
    """Rejected credentials raise InvalidClientError after one request, without waiting."""
    endpoint.then(httpx.Response(401, json={"error": "invalid_client"}))
    with pytest.raises(InvalidClientError):
        runner.get_token(make_provider())
    assert endpoint.count == 1
    assert clock.sleeps == []


def test_a_malformed_answer_is_not_retried(runner, make_provider, endpoint) -> None:
    """A 200 that is not a token raises TokenResponseError after one request."""
    endpoint.then(httpx.Response(200, json={"token_type": "bearer"}))
    with pytest.raises(TokenResponseError):
        runner.get_token(make_provider())
    assert endpoint.count == 1


def test_after_a_failure_the_next_call_tries_again(runner, make_provider, endpoint) -> None:
    """A failed fetch is not cached: the next call asks the endpoint again."""
    endpoint.then(httpx.Response(200, json={}))
    provider = make_provider()
    with pytest.raises(TokenResponseError):
        runner.get_token(provider)
    assert runner.get_token(provider).value == token_value(1)


def test_missing_expires_in_uses_the_default_lifetime(runner, make_provider, endpoint, clock):
    """Without expires_in a token lives default_expires_in seconds (configurable)."""
    endpoint.expires_in = None
    provider = make_provider(timing=TokenTiming(default_expires_in=40))
    token = runner.get_token(provider)
    assert token.expires_in == 40
    clock.advance(20)
    runner.get_token(provider)
    assert endpoint.count == 2


def test_invalidate_drops_only_the_token_it_is_given(runner, make_provider, endpoint) -> None:
    """Invalidating an old token leaves the newer cached one alone."""
    provider = make_provider()
    old = runner.get_token(provider)
    assert provider.invalidate(old) is True
    new = runner.get_token(provider)
    assert provider.invalidate(old) is False
    assert runner.get_token(provider) is new
    assert endpoint.count == 2


def test_sync_and_async_callers_share_the_token(make_provider, endpoint) -> None:
    """A token fetched by a thread serves coroutines (asyncio and trio) and back."""
    provider = make_provider()
    sync_token = provider.get_token()
    assert anyio.run(provider.aget_token, backend="asyncio") is sync_token
    assert anyio.run(provider.aget_token, backend="trio") is sync_token
    provider.invalidate(sync_token)
    async_token = anyio.run(provider.aget_token, backend="trio")
    assert provider.get_token() is async_token
    assert endpoint.count == 2


def test_from_settings_uses_the_settings_token_url(endpoint) -> None:
    """from_settings asks the tenant's token URL with the settings' credentials."""
    settings = NitroboxSettings(
        tenant="acme", client_id="my_client_id", client_secret="my_client_secret"
    )
    with TokenProvider.from_settings(
        settings, http=TokenHTTP(transport=httpx.MockTransport(endpoint))
    ) as p:
        p.get_token()
    assert str(endpoint.requests[0].url) == settings.token_url
    assert endpoint.requests[0].headers["Authorization"] == f"Basic {BASIC}"


def test_a_given_http_client_is_used_and_left_open(endpoint) -> None:
    """Token requests go through a caller's client, which the provider does not close."""
    client = httpx.Client(transport=httpx.MockTransport(endpoint))
    provider = TokenProvider(
        token_url=TOKEN_URL, client_id="id", client_secret="pw", http=TokenHTTP(client=client)
    )
    provider.get_token()
    provider.close()
    assert endpoint.count == 1
    assert not client.is_closed
    client.close()


def test_a_given_transport_is_left_open(endpoint) -> None:
    """close() does not close a transport passed in: it may be shared with the API client."""

    class Recording(httpx.MockTransport):
        closed = False

        def close(self) -> None:
            self.closed = True

    transport = Recording(endpoint)
    with TokenProvider(
        token_url=TOKEN_URL, client_id="id", client_secret="pw", http=TokenHTTP(transport=transport)
    ) as provider:
        provider.get_token()
    assert not transport.closed


def test_close_closes_the_client_the_provider_made() -> None:
    """Without a client or transport passed in, close() closes the provider's own client."""
    provider = TokenProvider(token_url=TOKEN_URL, client_id="id", client_secret="pw")
    client = provider._clients._sync_client()
    provider.close()
    assert client.is_closed


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"token_url": "not a url"}, r"must be an absolute http\(s\) URL"),
        ({"token_url": "https://u:pw@h/t/oauth2/token"}, "must not contain credentials"),
        ({"client_secret": ""}, "client_secret must be a non-empty string"),
        ({"timing": 30}, "timing must be a TokenTiming, not int"),
        ({"retry": {"max_attempts": 2}}, "retry must be a TokenRetryPolicy, not dict"),
        ({"cache": "/tmp/tokens"}, "cache must be a TokenCache"),
    ],
)
def test_bad_options_raise_settings_error(options, problem) -> None:
    """Invalid constructor options are named in a SettingsError."""
    values = {"token_url": TOKEN_URL, "client_id": "id", "client_secret": "pw", **options}
    with pytest.raises(SettingsError, match=problem):
        TokenProvider(**values)


@pytest.mark.parametrize(
    ("build", "problem"),
    [
        (lambda: TokenTiming(refresh_margin=-1), "TokenTiming.refresh_margin must be a finite"),
        (lambda: TokenTiming(default_expires_in=0), "default_expires_in must be >= 1 s"),
        (lambda: TokenTiming(wait_timeout=float("inf")), "wait_timeout must be a finite"),
        (
            lambda: TokenHTTP(
                transport=httpx.MockTransport(lambda r: httpx.Response(200)), client=httpx.Client()
            ),
            "client or transport, not both",
        ),
    ],
)
def test_bad_option_groups_raise_settings_error(build, problem) -> None:
    """Each option group names its invalid field in a SettingsError."""
    with pytest.raises(SettingsError, match=problem):
        build()


def test_constructor_is_keyword_only() -> None:
    """Positional construction is refused, so options cannot be swapped by mistake."""
    with pytest.raises(TypeError):
        TokenProvider(TOKEN_URL, "id", "pw")  # type: ignore[misc]


def test_invalidate_without_a_token_drops_the_cached_one(runner, make_provider, endpoint):
    """invalidate() with no argument forces the next call to fetch."""
    provider = make_provider()
    runner.get_token(provider)
    assert provider.invalidate() is True
    assert provider.invalidate() is False
    assert runner.get_token(provider).value == token_value(2)


def test_a_given_async_client_is_used(endpoint) -> None:
    """Async token requests go through a caller's AsyncClient when one is given."""
    client = httpx.AsyncClient(transport=httpx.MockTransport(endpoint))
    provider = TokenProvider(
        token_url=TOKEN_URL, client_id="id", client_secret="pw", http=TokenHTTP(async_client=client)
    )
    assert anyio.run(provider.aget_token).value == token_value(1)
    assert endpoint.count == 1
    anyio.run(client.aclose)
