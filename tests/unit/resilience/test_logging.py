"""The nitrobox logger hierarchy and URL redaction in log lines."""

from __future__ import annotations

import logging

import pytest
from http_under_test import httpx

from nitrobox_auth._logging import get_logger, log_request, redact_url

SECRET = "s3cr3t-value-that-is-long-enough"


def test_loggers_live_under_nitrobox() -> None:
    """One switch on 'nitrobox' reaches every logger of the client."""
    assert get_logger("http").name == "nitrobox.http"
    assert get_logger("retry").parent is logging.getLogger("nitrobox")
    assert get_logger("").name == "nitrobox"


@pytest.mark.parametrize(
    "param", ["access_token", "token", "client_secret", "password", "API_KEY", "signature"]
)
def test_secret_query_values_are_masked(param: str) -> None:
    """A secret-looking query parameter shows only a masked value; others stay as they are."""
    shown = redact_url(f"https://api.test/v2/x?page=2&{param}={SECRET}&search=a%3D%3D%27b%27")
    assert SECRET not in shown
    assert f"{param}=s3cr…(32 chars)" in shown
    assert "page=2" in shown
    assert "search=a%3D%3D%27b%27" in shown


def test_url_password_is_masked() -> None:
    """user:password@ keeps the user name and masks the password."""
    shown = redact_url(httpx.URL(f"https://client:{SECRET}@api.test:8443/v2/x"))
    assert shown == "https://client:s3cr…(32 chars)@api.test:8443/v2/x"


def test_plain_urls_are_unchanged() -> None:
    """Nothing to hide: the URL reads exactly as sent."""
    assert redact_url("http://127.0.0.1:8080/v2/customers/c%201") == (
        "http://127.0.0.1:8080/v2/customers/c%201"
    )


def test_request_lines_are_debug_only_and_redacted(caplog: pytest.LogCaptureFixture) -> None:
    """Nothing is formatted below DEBUG; at DEBUG the line is redacted."""
    request = httpx.Request("GET", f"https://api.test/v2/x?token={SECRET}")
    caplog.set_level(logging.INFO, logger="nitrobox")
    log_request(request, 1)
    assert caplog.records == []
    caplog.set_level(logging.DEBUG, logger="nitrobox")
    log_request(request, 2)
    (record,) = caplog.records
    assert (
        record.getMessage() == "request GET https://api.test/v2/x?token=s3cr…(32 chars) attempt=2"
    )
    assert SECRET not in caplog.text
