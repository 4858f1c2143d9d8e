"""No client secret, Basic header or access token in any repr, str, exception message or
log record (nitrobox, httpx and httpcore loggers, all at DEBUG; httpx2's in the httpx2 pass),
across good and bad runs."""

from __future__ import annotations

import json
import logging
import traceback
from collections.abc import Callable
from typing import Any

import anyio
import attrs
import pytest
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpcore, httpx

from nitrobox_auth import (
    NitroboxAuth,
    NitroboxAuthError,
    NitroboxSettings,
    TokenHTTP,
    TokenProvider,
    TokenRetryPolicy,
)
from nitrobox_auth._redact import redact_headers, scrub

SECRET = "Sup3r-S3cret-client-secret-value"
CLIENT_ID = "scan-client"
BASIC = "c2Nhbi1jbGllbnQ6U3VwM3ItUzNjcmV0LWNsaWVudC1zZWNyZXQtdmFsdWU="
TOKENS = ["eyJAAAA.first-token-value-1111", "eyJBBBB.second-token-value-2222"]
API = "https://api.scan.example"
SETTINGS = NitroboxSettings(tenant="scan", client_id=CLIENT_ID, client_secret=SECRET, base_url=API)
FORBIDDEN = [SECRET, BASIC, *TOKENS]


def http(status: int, body: bytes, reason: str = "X", **headers: str) -> bytes:
    """A raw HTTP/1.1 response for httpcore's mock network backend."""
    head = [f"HTTP/1.1 {status} {reason}", f"Content-Length: {len(body)}"]
    head += ["Content-Type: application/json", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + body


def grant(token: str) -> bytes:
    body = {"access_token": token, "token_type": "bearer", "expires_in": 269}
    return http(200, json.dumps(body).encode(), "OK")


def wire_transport(*answers: bytes) -> httpx.HTTPTransport:
    """A real httpx+httpcore transport whose network is a script of raw answers."""
    transport = httpx.HTTPTransport()
    transport._pool = httpcore.ConnectionPool(network_backend=httpcore.MockBackend(list(answers)))
    return transport


def async_wire_transport(*answers: bytes) -> httpx.AsyncHTTPTransport:
    """The async twin of wire_transport."""
    transport = httpx.AsyncHTTPTransport()
    transport._pool = httpcore.AsyncConnectionPool(
        network_backend=httpcore.AsyncMockBackend(list(answers))
    )
    return transport


def provider(
    transport: httpx.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    **options: Any,
) -> TokenProvider:
    retry = options.pop("retry", TokenRetryPolicy())
    retry = attrs.evolve(retry, sleep=lambda seconds: None, async_sleep=_no_sleep)
    http = TokenHTTP(transport=transport, async_transport=async_transport)
    return TokenProvider.from_settings(SETTINGS, retry=retry, http=http, **options)


async def _no_sleep(seconds: float) -> None:
    await anyio.lowlevel.checkpoint()


class Evidence:
    """Everything a user or a log could see, collected as text."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def show(self, *objects: object) -> None:
        for obj in objects:
            self.texts += [repr(obj), str(obj)]
            if isinstance(obj, BaseException):
                self.texts.append("".join(traceback.format_exception(obj)))
                self.texts += [repr(arg) for arg in obj.args]
                self.texts += [repr(value) for value in vars(obj).values()]

    def expect_error(self, action: Callable[[], object]) -> None:
        with pytest.raises(NitroboxAuthError) as caught:
            action()
        self.show(caught.value)


@pytest.fixture
def evidence(caplog: pytest.LogCaptureFixture) -> Evidence:
    """Collects texts; every log record at DEBUG and up is captured for the scan."""
    caplog.set_level(logging.DEBUG)
    for name in ("nitrobox", HTTP_NAME, httpcore.__name__):
        caplog.set_level(logging.DEBUG, logger=name)
    return Evidence()


def good_runs(evidence: Evidence) -> None:
    """Token fetch, use, 401, refetch and replay, over real httpx and httpcore code."""
    p = provider(transport=wire_transport(grant(TOKENS[0]), grant(TOKENS[1])))
    api = wire_transport(http(401, b"{}", "Unauthorized"), http(200, b'{"ok": true}', "OK"))
    auth = NitroboxAuth(p)
    with httpx.Client(auth=auth, transport=api) as client:
        response = client.get(f"{API}/v2/customers")
        assert response.status_code == 200
        evidence.show(response, response.request, response.history)
    evidence.show(SETTINGS, p, auth, p.get_token())
    p.close()

    async def async_run() -> None:
        ap = provider(async_transport=async_wire_transport(grant(TOKENS[0])))
        api = async_wire_transport(http(200, b"{}", "OK"))
        async with httpx.AsyncClient(auth=NitroboxAuth(ap), transport=api) as client:
            assert (await client.get(f"{API}/v2/customers")).status_code == 200
        evidence.show(ap, await ap.aget_token())

    anyio.run(async_run)


def bad_runs(evidence: Evidence) -> None:
    """Every failure the provider reports, with answers that quote the credentials."""
    echo = json.dumps({"error": "invalid_client", "error_description": f"{SECRET} / {BASIC}"})
    mac = json.dumps({"access_token": TOKENS[0], "token_type": "mac", "expires_in": 9})
    answers = [
        http(401, echo.encode()),
        http(400, json.dumps({"error": "invalid_scope", "error_description": SECRET}).encode()),
        http(200, mac.encode()),
        http(200, f"access_token={TOKENS[0]}".encode()),
        http(200, json.dumps({"access_token": TOKENS[0] + " x", "token_type": "bearer"}).encode()),
        http(404, f"no tenant for {BASIC}".encode()),
    ]
    for answer in answers:
        evidence.expect_error(provider(transport=wire_transport(answer)).get_token)
    retrying = provider(
        transport=wire_transport(*[http(503, SECRET.encode(), "Busy", **{"Retry-After": "1"})] * 3),
        retry=TokenRetryPolicy(max_attempts=3),
    )
    evidence.expect_error(retrying.get_token)

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"refused {request.headers['Authorization']}")

    evidence.expect_error(provider(transport=httpx.MockTransport(refuse)).get_token)


def test_nothing_secret_is_shown_anywhere(evidence: Evidence, caplog) -> None:
    """Scan reprs, strs, exception texts and all log records for secret, Basic and tokens."""
    good_runs(evidence)
    bad_runs(evidence)
    records = caplog.records
    loggers = {r.name.split(".")[0] for r in records}
    # httpx2 and httpcore2 log under their own names.
    expected = {"nitrobox", HTTP_NAME, httpcore.__name__}
    assert expected <= loggers, "the scan must see real log records"
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    for record in records:
        evidence.texts += [formatter.format(record), repr(record.args), repr(record.msg)]
    leaks = [
        (secret, text[:200]) for text in evidence.texts for secret in FORBIDDEN if secret in text
    ]
    assert leaks == []
    assert len(evidence.texts) > 50


def test_redact_headers_masks_credentials() -> None:
    """Authorization-like headers are masked for display; the scheme stays readable."""
    shown = redact_headers({"Authorization": f"Basic {BASIC}", "Cookie": "sid=1", "X": "y"})
    assert shown["Authorization"].startswith("Basic c2Nh…(")
    assert BASIC not in shown["Authorization"]
    assert shown["Cookie"] == "…(5 chars)"
    assert shown["X"] == "y"


def test_scrub_masks_every_given_secret() -> None:
    """scrub replaces each given secret in foreign text, longest first."""
    text = scrub(f"id {CLIENT_ID} secret {SECRET} basic {BASIC}", [SECRET, BASIC, None, ""])
    assert SECRET not in text
    assert BASIC not in text
    assert CLIENT_ID in text
