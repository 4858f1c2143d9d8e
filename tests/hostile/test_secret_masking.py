"""Secret masking never rewrites text that merely contains a short secret: a short secret
is masked only as a whole value, a long one wherever it appears."""

from __future__ import annotations

import json
import logging

import pytest
from http_under_test import httpx

from nitrobox_auth import InvalidClientError, OAuthError, TokenHTTP, TokenProvider, TokenRetryPolicy
from nitrobox_auth._redact import mask_secret, scrub

TOKEN_URL = "https://api.nbx-stage-westeurope.nitrobox.io/hostile/oauth2/token"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the account was disabled", "the account was disabled"),
        ("invalid_client: bad abc", "invalid_client: bad …(3 chars)"),
        ("secret=abc; retry", "secret=…(3 chars); retry"),
        ("'abc'", "'…(3 chars)'"),
        ("abcabc", "abcabc"),
        ("xabc abcx 1abc abc1", "xabc abcx 1abc abc1"),
        ("éabc abcé", "éabc abcé"),
    ],
)
def test_a_short_secret_is_masked_only_as_a_whole_value(text: str, expected: str) -> None:
    """'abc' inside words stays; 'abc' as a value is masked."""
    assert scrub(text.replace("account", "abcount"), ["abc"]) == expected.replace(
        "account", "abcount"
    )


@pytest.mark.parametrize("text", ["xx-s3cr3t-long-value-xx", "prefixs3cr3t-long-valuesuffix"])
def test_a_long_secret_is_masked_even_inside_other_text(text: str) -> None:
    """A secret of 8+ characters never survives, glued to other text or not."""
    secret = "s3cr3t-long-value"
    scrubbed = scrub(text, [secret])
    assert secret not in scrubbed
    assert mask_secret(secret) in scrubbed


def provider(secret: str, answer: dict[str, str], status: int = 400) -> TokenProvider:
    return TokenProvider(
        token_url=TOKEN_URL,
        client_id="hostile-client",
        client_secret=secret,
        http=TokenHTTP(
            transport=httpx.MockTransport(
                lambda request: httpx.Response(status, content=json.dumps(answer).encode())
            )
        ),
    )


def test_an_oauth_description_keeps_words_that_contain_a_short_secret() -> None:
    """Client secret 'in': 'invalid', 'tenant' and 'configured' come through readable."""
    description = "the tenant is not configured for this client; login was invalid"
    with pytest.raises(OAuthError) as caught:
        provider("in", {"error": "invalid_scope", "error_description": description}).get_token()
    assert caught.value.error == "invalid_scope"
    assert caught.value.error_description == description
    assert description in str(caught.value)


def test_an_echoed_short_secret_is_still_masked_as_a_value() -> None:
    """A server that echoes the short secret as a value gets it masked."""
    with pytest.raises(InvalidClientError) as caught:
        provider(
            "pw1", {"error": "invalid_client", "error_description": "secret pw1 is wrong"}, 401
        ).get_token()
    assert caught.value.error_description == "secret …(3 chars) is wrong"
    assert " pw1 " not in str(caught.value)


def test_retry_log_lines_mask_a_short_secret_only_as_a_whole_word(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The provider's retry warnings scrub with the same rule."""
    attempts = iter([httpx.ConnectError("network error: net refused"), None])

    def answer(request: httpx.Request) -> httpx.Response:
        error = next(attempts)
        if error is not None:
            raise error
        return httpx.Response(
            200, json={"access_token": "tok-1", "token_type": "bearer", "expires_in": 269}
        )

    caplog.set_level(logging.WARNING, "nitrobox.auth")
    TokenProvider(
        token_url=TOKEN_URL,
        client_id="hostile-client",
        client_secret="net",
        http=TokenHTTP(transport=httpx.MockTransport(answer)),
        retry=TokenRetryPolicy(sleep=lambda _: None),
    ).get_token()
    assert "network error: …(3 chars) refused" in caplog.text
