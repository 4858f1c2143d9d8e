"""Token answers a broken or hostile token endpoint could send: every one ends in a typed
TokenResponseError (or OAuthError for error answers), never OverflowError, RecursionError
or a decoder error; a token that lives under a second is refused."""

from __future__ import annotations

import pytest
from http_under_test import httpx

from nitrobox_auth import (
    NitroboxError,
    SettingsError,
    TokenHTTP,
    TokenProvider,
    TokenRequestError,
    TokenResponseError,
    TokenRetryPolicy,
    TokenTiming,
)
from nitrobox_auth.token._rules import MIN_EXPIRES_IN

TOKEN_URL = "https://api.nbx-stage-westeurope.nitrobox.io/hostile/oauth2/token"
DEEP = b"[" * 20_000 + b"]" * 20_000  # under the 64 KiB token-answer limit


def provider_answering(
    status: int, content: bytes, content_type: str = "application/json"
) -> TokenProvider:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers={"Content-Type": content_type})

    return TokenProvider(
        token_url=TOKEN_URL,
        client_id="hostile-client",
        client_secret="hostile-secret-value",
        http=TokenHTTP(transport=httpx.MockTransport(answer)),
        retry=TokenRetryPolicy(sleep=lambda _: None),
    )


def token(expires_in: str) -> bytes:
    return (
        b'{"access_token": "tok-1", "token_type": "bearer", "expires_in": '
        + expires_in.encode()
        + b"}"
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (token("1" * 401), "positive finite"),
        (token("-" + "9" * 401), "positive finite"),
        (token('"' + "1" * 401 + '"'), "positive finite"),
        (token("1e400"), "out of range"),
        (token('"NaN"'), "positive finite"),
        (token("NaN"), "NaN is not a JSON number"),
        (token("Infinity"), "Infinity is not a JSON number"),
        (token('"\\u0663\\u0660"'), "positive finite"),  # Arabic-Indic digits
        (token("1e-9"), "under the 1 s"),
        (token("0.5"), "under the 1 s"),
        (token("0"), "positive finite"),
        (DEEP, "nested too deeply"),
        (b'{"access_token": ' + b"[" * 20_000 + b"]" * 20_000 + b"}", "nested too deeply"),
        (b"<html><body>502 Bad Gateway</body></html>", "not JSON"),
        (b"\xff\xfe\x00garbage", "not JSON"),
        (b"", "not JSON"),
        (b"[]", "JSON array"),
        (b'"tok-1"', "JSON str"),
        (b"1" * 5000, "not JSON"),  # more digits than Python parses into an int
    ],
)
def test_a_bad_token_answer_is_a_token_response_error(content: bytes, problem: str) -> None:
    """Each broken 200 answer raises TokenResponseError saying what is wrong."""
    with pytest.raises(TokenResponseError, match=problem) as caught:
        provider_answering(200, content).get_token()
    assert caught.value.status == 200
    assert "tok-1" not in str(caught.value)


@pytest.mark.parametrize("content", [DEEP, b"\xff" * 10, b"{" * 1000])
def test_a_bad_error_answer_is_still_typed(content: bytes) -> None:
    """A 400 whose body is deep, non-UTF-8 or broken JSON ends in a typed error."""
    with pytest.raises(NitroboxError) as caught:
        provider_answering(400, content).get_token()
    assert isinstance(caught.value, TokenRequestError)
    assert caught.value.status == 400


def test_a_one_second_token_is_accepted() -> None:
    """The floor is 1 s: a token of exactly 1 s is used (with a margin of half its life)."""
    got = provider_answering(200, token("1")).get_token()
    assert got.expires_in == MIN_EXPIRES_IN
    assert got.refresh_margin == 0.5


@pytest.mark.parametrize("bad", [0.5, 1e-9, 0, float("nan")])
def test_default_expires_in_has_the_same_floor(bad: float) -> None:
    """default_expires_in under 1 s is refused when the provider is built."""
    with pytest.raises(SettingsError, match="default_expires_in"):
        TokenTiming(default_expires_in=bad)
