"""Answers already in memory (an in-process or mock transport) pass the same size limits
as streamed ones, without being wrapped or copied."""

from __future__ import annotations

import httpx
import pytest

from nitrobox_auth import NitroboxSettings, ResponseTooLargeError, create_client

API = "https://api.test"
SETTINGS = NitroboxSettings(
    tenant="acme", client_id="client-id", client_secret="client-secret-value", base_url=API
)
TOKEN = {"access_token": "eyJ" + "t" * 30, "token_type": "bearer", "expires_in": 300}


def _client(body: bytes, content_type: str) -> httpx.Client:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            return httpx.Response(200, json=TOKEN)
        return httpx.Response(200, content=body, headers={"Content-Type": content_type})

    client = create_client(
        SETTINGS, transport=httpx.MockTransport(answer), max_answer_bytes=100, max_file_bytes=1000
    )
    return client.get_httpx_client()


def test_a_json_answer_over_its_limit_is_refused() -> None:
    """101 bytes of JSON with max_answer_bytes=100: ResponseTooLargeError naming the limit."""
    with pytest.raises(ResponseTooLargeError, match="100-byte limit"):
        _client(b'"' + b"x" * 99 + b'"', "application/json").get("/v2/customers")


def test_a_file_between_the_limits_passes_and_one_over_is_refused() -> None:
    """A 500-byte PDF is under max_file_bytes (over max_answer_bytes); 1001 bytes is not."""
    response = _client(b"%" * 500, "application/pdf").get("/v2/files/f-1")
    assert response.content == b"%" * 500
    with pytest.raises(ResponseTooLargeError, match="1000-byte limit"):
        _client(b"%" * 1001, "application/pdf").get("/v2/files/f-1")


def test_an_answer_within_the_limit_is_handed_on_as_it_is() -> None:
    """A small JSON answer arrives whole, with its own headers (nothing stripped)."""
    response = _client(b'{"customerIdent": "c-1"}', "application/json").get("/v2/customers/c-1")
    assert response.json() == {"customerIdent": "c-1"}
    assert response.headers["Content-Length"] == "24"
