"""Two hostile inputs over a real socket to a served sandbox: an over-long ident on every
route is a 4xx (never a 500), and a body that stops short of its Content-Length is answered
408 after the read timeout, and the connection is closed (never held forever)."""

from __future__ import annotations

import json
import re
import socket
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from nitrobox_sandbox import Sandbox, SandboxConfigError
from nitrobox_sandbox._limits import BODY_READ_TIMEOUT, MAX_PATH_PARAMETER_LENGTH

pytestmark = pytest.mark.integration

READ_TIMEOUT = 0.5


@pytest.fixture
def served(spec_document: dict[str, Any]) -> Iterator[Sandbox]:
    with Sandbox(spec=spec_document, body_read_timeout=READ_TIMEOUT).serve() as sandbox:
        yield sandbox


@pytest.fixture
def token(served: Sandbox) -> str:
    answer = httpx.post(
        served.token_url,
        data={"grant_type": "client_credentials"},
        auth=("sandbox-client", "sandbox-secret"),
    )
    access_token: str = answer.json()["access_token"]
    return access_token


def test_an_over_long_ident_is_a_4xx_on_every_route(
    served: Sandbox, token: str, spec_document: dict[str, Any]
) -> None:
    """5,000 digits in every path parameter of every operation of the spec: a 400 naming
    the parameter (the reissue action once answered 500)."""
    headers = {"Authorization": f"Bearer {token}"}
    operations = [
        (method.upper(), path)
        for path, item in spec_document["paths"].items()
        for method in item
        if method in ("get", "put", "post", "delete", "patch") and "{" in path
    ]
    assert len(operations) >= 40  # the spec has 40 such operations today
    long_ident = "9" * 5000
    with httpx.Client(base_url=served.base_url, headers=headers) as client:
        for method, template in operations:
            path = re.sub(r"\{[^}/]+\}", long_ident, template)
            answer = client.request(method, path, json={})
            assert answer.status_code == 400, (method, template, answer.status_code)
            problem = answer.json()["errors"][0]
            assert problem["error"] == f"must be at most {MAX_PATH_PARAMETER_LENGTH} characters"
            assert len(problem["rejectedValue"]) < 50  # the value is not echoed whole


def test_an_ident_at_the_limit_is_still_served(served: Sandbox, token: str) -> None:
    headers = {"Authorization": f"Bearer {token}"}
    ident = "C" * MAX_PATH_PARAMETER_LENGTH
    answer = httpx.get(f"{served.base_url}/v2/customers/{ident}", headers=headers)
    assert answer.status_code == 404  # looked up, not refused


def test_a_short_body_is_answered_408_and_the_connection_closed(
    served: Sandbox, token: str
) -> None:
    host, port = served.base_url.removeprefix("http://").split(":")
    body = b'{"customerIdent": "C-1"'
    request = (
        f"POST /v2/customers HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body) + 100}\r\n\r\n"
    ).encode() + body
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        started = time.monotonic()
        conn.sendall(request)
        received = b""
        while True:  # until the server closes: it must, or the 10 s socket timeout fails us
            chunk = conn.recv(65536)
            if not chunk:
                break
            received += chunk
        waited = time.monotonic() - started
    head, _, payload = received.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 408"), received[:200]
    assert b"connection: close" in head.lower()
    assert json.loads(payload)["status"] == "REQUEST_TIMEOUT"
    assert READ_TIMEOUT <= waited < READ_TIMEOUT + 5
    assert served.snapshot().counts() == {}


def test_a_slow_but_complete_body_is_served(served: Sandbox, token: str) -> None:
    """Arriving in pieces within the timeout is fine."""
    host, port = served.base_url.removeprefix("http://").split(":")
    body = json.dumps(
        {"customerIdent": "C-1", "addresses": [{"addressType": "INVOICE", "country": "DE"}]}
    ).encode()
    head = (
        f"POST /v2/customers HTTP/1.1\r\nHost: {host}\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode()
    with socket.create_connection((host, int(port)), timeout=10) as conn:
        conn.sendall(head + body[:10])
        time.sleep(READ_TIMEOUT / 5)  # a slow client, within the limit
        conn.sendall(body[10:])
        received = b""
        while chunk := conn.recv(65536):
            received += chunk
    assert received.startswith(b"HTTP/1.1 201"), received[:300]


def test_the_read_timeout_is_a_checked_setting() -> None:
    assert BODY_READ_TIMEOUT == 10.0
    for bad in (0, -1, float("nan"), float("inf"), 3601, True, "5"):
        with pytest.raises(SandboxConfigError, match="body_read_timeout"):
            Sandbox(body_read_timeout=bad)  # type: ignore[arg-type]
