"""Typed API errors: the right class per status, GlobalErrorResponse fields kept, any code."""

from __future__ import annotations

import json
from typing import Any

import pytest
from http_under_test import httpx
from nitrobox_client import Client
from nitrobox_client.api.customers import create_customer, retrieve_customer
from nitrobox_client.models.customer import Customer
from nitrobox_client.models.customer_create_request import CustomerCreateRequest
from nitrobox_client.types import Response as GeneratedResponse

from nitrobox_auth import (
    AuthenticationError,
    ConflictError,
    FieldError,
    NitroboxAPIError,
    NitroboxError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    ValidationError,
    raise_for_error,
    unwrap,
)

API = "https://api.test"
UUID = "7fb76a6b-6a4e-4f7e-9d0c-1b2c3d4e5f60"
VALIDATION_BODY = {
    "status": "BAD_REQUEST",
    "message": "Validation of a request body reported input errors",
    "timestamp": "2021-01-01T08:00:00.000000",
    "path": "/v2/customers",
    "uuid": UUID,
    "errors": [
        {
            "fieldName": "addresses[0].addressType",
            "error": "must not be null",
            "rejectedValue": None,
        },
        {"fieldName": "email", "error": "must be an e-mail", "rejectedValue": "private@example"},
    ],
}


def _response(
    status: int, body: Any = None, *, text: str | None = None, **headers: str
) -> httpx.Response:
    request = httpx.Request("POST", f"{API}/v2/customers?access_token=eyJsecretsecretsecret")
    if text is not None:
        return httpx.Response(status, text=text, headers=headers, request=request)
    return httpx.Response(status, json=body, headers=headers, request=request)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, ValidationError),
        (422, ValidationError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (429, RateLimitedError),
        (500, ServerError),
        (503, ServerError),
        (520, ServerError),
        (599, ServerError),
        (405, NitroboxAPIError),
        (499, NitroboxAPIError),
        (302, NitroboxAPIError),
        (600, NitroboxAPIError),
    ],
)
def test_each_status_gets_its_error_class(status: int, cls: type[NitroboxAPIError]) -> None:
    """Every code, standard or not, maps to exactly its class, all under NitroboxError."""
    with pytest.raises(NitroboxAPIError) as caught:
        raise_for_error(_response(status, {"status": "X", "message": "m"}))
    assert type(caught.value) is cls
    assert isinstance(caught.value, NitroboxError)
    assert caught.value.status_code == status


def test_global_error_response_fields_are_kept() -> None:
    """status, message, path, uuid, timestamp and every field error are on the error."""
    with pytest.raises(ValidationError) as caught:
        raise_for_error(_response(400, VALIDATION_BODY))
    error = caught.value
    assert (error.status, error.path, error.uuid) == ("BAD_REQUEST", "/v2/customers", UUID)
    assert error.message == VALIDATION_BODY["message"]
    assert error.timestamp == "2021-01-01T08:00:00.000000"
    assert error.errors == (
        FieldError("addresses[0].addressType", "must not be null", None),
        FieldError("email", "must be an e-mail", "private@example"),
    )
    assert error.method == "POST"
    assert error.body is None


def test_message_says_what_to_fix_and_what_to_quote() -> None:
    """The text names the call, the fields and the uuid; never a rejected value or a token."""
    with pytest.raises(ValidationError) as caught:
        raise_for_error(_response(400, VALIDATION_BODY))
    text = str(caught.value)
    assert text.startswith("POST https://api.test/v2/customers?access_token=")
    assert "HTTP 400 BAD_REQUEST" in text
    assert "addresses[0].addressType: must not be null" in text
    assert f"uuid {UUID}" in text
    assert "private@example" not in text
    assert "eyJsecretsecretsecret" not in text + repr(caught.value)


@pytest.mark.parametrize("status", [520, 499, 502])
def test_non_json_bodies_are_kept_raw(status: int) -> None:
    """A proxy's HTML page keeps its status and raw body; the message shows an excerpt."""
    page = "<html><body><h1>Web server is returning an unknown error</h1></body></html>"
    with pytest.raises(NitroboxAPIError) as caught:
        raise_for_error(_response(status, text=page))
    assert caught.value.body == page
    assert caught.value.uuid is None
    assert "unknown error" in str(caught.value)


def test_empty_error_body_does_not_crash() -> None:
    """An empty 503 still becomes a ServerError."""
    with pytest.raises(ServerError) as caught:
        raise_for_error(_response(503, text=""))
    assert caught.value.body is None
    assert "HTTP 503" in str(caught.value)


def test_credentials_echoed_in_a_body_are_masked_in_the_message() -> None:
    """A gateway that echoes the Authorization header does not leak it into str()."""
    echoed = "Bad gateway for request with Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload.sig"
    with pytest.raises(ServerError) as caught:
        raise_for_error(_response(502, text=echoed))
    assert "eyJhbGciOiJIUzI1NiJ9.payload.sig" not in str(caught.value)
    assert "Bearer eyJh…" in str(caught.value)


def test_credentials_echoed_in_a_message_are_masked() -> None:
    """The same holds for the GlobalErrorResponse message."""
    body = {"status": "UNAUTHORIZED", "message": "Token Bearer eyJhbGciOiJIUzI1NiJ9.p.s expired"}
    with pytest.raises(AuthenticationError) as caught:
        raise_for_error(_response(401, body))
    assert "eyJhbGciOiJIUzI1NiJ9.p.s" not in str(caught.value)


def test_rate_limited_error_carries_retry_after() -> None:
    """A 429 keeps the server's Retry-After in seconds."""
    with pytest.raises(RateLimitedError) as caught:
        raise_for_error(_response(429, {"status": "TOO_MANY_REQUESTS"}, **{"Retry-After": "30"}))
    assert caught.value.retry_after == 30.0
    with pytest.raises(RateLimitedError) as without:
        raise_for_error(_response(429, {"status": "TOO_MANY_REQUESTS"}))
    assert without.value.retry_after is None


@pytest.mark.parametrize("status", [200, 201, 204, 299])
def test_success_statuses_do_not_raise(status: int) -> None:
    """2xx passes raise_for_error untouched."""
    raise_for_error(_response(status, {"ok": True}))


def test_unwrap_httpx_response_returns_json() -> None:
    """unwrap() on an httpx.Response gives the decoded JSON, or None for no body."""
    assert unwrap(_response(200, {"customerIdent": "c-1"})) == {"customerIdent": "c-1"}
    assert unwrap(_response(204, text="")) is None


def test_unwrap_generated_response_returns_parsed_model() -> None:
    """unwrap() on a generated Response gives its parsed model."""
    customer = Customer(customer_ident="c-1")
    response = GeneratedResponse(status_code=200, content=b"{}", headers={}, parsed=customer)
    assert unwrap(response) is customer


def test_unwrap_refuses_to_drop_an_unparsed_success_body() -> None:
    """A 2xx body the generated code did not parse raises instead of returning None."""
    response = GeneratedResponse(
        status_code=202, content=b'{"queued": true}', headers={}, parsed=None
    )
    with pytest.raises(NitroboxAPIError, match="success body the spec does not describe") as caught:
        unwrap(response)
    assert caught.value.body == '{"queued": true}'


def _generated_client(handler: Any) -> Client:
    client = Client(base_url=API)
    client.set_httpx_client(httpx.Client(base_url=API, transport=httpx.MockTransport(handler)))
    return client


@pytest.mark.parametrize("status", [520, 499])
def test_nonstandard_codes_through_a_generated_function(status: int) -> None:
    """A generated *_detailed call answered 520 or 499 becomes the typed error, no crash."""
    client = _generated_client(lambda request: httpx.Response(status, text="<html>oops</html>"))
    response = retrieve_customer.sync_detailed("c-1", client=client)
    with pytest.raises(NitroboxAPIError) as caught:
        unwrap(response)
    assert caught.value.status_code == status
    assert caught.value.body == "<html>oops</html>"
    assert isinstance(caught.value, ServerError) == (status == 520)


def test_validation_error_through_a_generated_function() -> None:
    """A 400 GlobalErrorResponse from a generated call keeps its uuid and field errors."""
    client = _generated_client(lambda request: httpx.Response(400, json=VALIDATION_BODY))
    body = CustomerCreateRequest(customer_ident="c-1", addresses=[])
    response = create_customer.sync_detailed(client=client, body=body)
    with pytest.raises(ValidationError) as caught:
        unwrap(response)
    assert caught.value.uuid == UUID
    assert [e.field_name for e in caught.value.errors] == ["addresses[0].addressType", "email"]


def test_success_through_a_generated_function() -> None:
    """A 200 from a generated call unwraps to the parsed model."""
    body = {"customerIdent": "c-1", "language": "de"}
    client = _generated_client(lambda request: httpx.Response(200, content=json.dumps(body)))
    customer = unwrap(retrieve_customer.sync_detailed("c-1", client=client))
    assert isinstance(customer, Customer)
    assert customer.customer_ident == "c-1"
