"""Every failure of a call through create_client's client is a NitroboxError of the tree."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from http_under_test import httpx

sys.path.insert(0, str(Path(__file__).parent))
from generated_helpers import ACCESS_TOKEN, SETTINGS, MockNitrobox
from nitrobox_client.api.configurations import delete_address_validation_config
from nitrobox_client.api.customers import create_customer, retrieve_customer
from nitrobox_client.models import CustomerCreateRequest

from nitrobox_auth import (
    APIConnectionError,
    APITimeoutError,
    MalformedResponseError,
    NitroboxAPIError,
    NitroboxError,
    NotFoundError,
    RetryPolicy,
    create_client,
    unwrap,
)
from nitrobox_auth.api._error_factory import NitroboxErrorFactory

NO_SLEEP = RetryPolicy(sleep=lambda _: None, async_sleep=lambda _: asyncio.sleep(0))
Handler = Callable[[httpx.Request], httpx.Response]


def _client(api: Handler, *, retry: RetryPolicy | None = NO_SLEEP) -> object:
    """create_client over one handler for API calls (the token endpoint always answers)."""
    token = MockNitrobox()

    def route(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth2/token"):
            return token(request)
        return api(request)

    transports = {
        "transport": httpx.MockTransport(route),
        "async_transport": httpx.MockTransport(route),
    }
    return create_client(SETTINGS, retry=retry, **transports)


def _both(client: object) -> list[object]:
    """retrieve_customer through the sync and the async function; each outcome or error."""
    outcomes: list[object] = []
    for call in (
        lambda: retrieve_customer.sync_detailed("c-1", client=client),  # type: ignore[arg-type]
        lambda: asyncio.run(retrieve_customer.asyncio_detailed("c-1", client=client)),  # type: ignore[arg-type]
    ):
        try:
            outcomes.append(call())
        except Exception as error:
            outcomes.append(error)
    return outcomes


def _raise(error: Exception) -> Handler:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    return handler


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), APIConnectionError),
        (
            httpx.RemoteProtocolError("Server disconnected without sending a response."),
            APIConnectionError,
        ),
        (httpx.ReadTimeout("timed out"), APITimeoutError),
        (httpx.ConnectTimeout("timed out"), APITimeoutError),
        (httpx.PoolTimeout("timed out"), APITimeoutError),
    ],
)
def test_no_answer_after_the_retries_is_an_api_connection_error(
    error: Exception, expected: type[APIConnectionError]
) -> None:
    """Refused, dropped or timed out: after the 3 attempts, the typed error with method and URL."""
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        raise error

    for outcome in _both(_client(handler)):
        assert type(outcome) is expected
        assert isinstance(outcome, NitroboxError)
        assert outcome.method == "GET"
        assert outcome.url == "https://nitrobox.test/v2/customers/c-1?slimResponse=false"
        assert type(error).__name__ in str(outcome)
        assert isinstance(outcome.__cause__, type(error))
    assert len(calls) == 6  # 3 attempts each, sync and async


def test_the_url_in_a_connection_error_has_secret_query_values_masked() -> None:
    """A secret-looking query value (a user's signed URL, a proxy's key) is not in the error."""
    client = _client(_raise(httpx.ConnectError("refused")), retry=None)
    http = client.get_httpx_client()  # type: ignore[attr-defined]
    with pytest.raises(APIConnectionError) as caught:
        http.get("/v2/customers", params={"access_token": "s3cr3t-value-123", "page": "1"})
    assert "s3cr3t-value-123" not in str(caught.value)
    assert "s3cr3t-value-123" not in caught.value.url
    assert "page=1" in caught.value.url
    assert ACCESS_TOKEN not in str(caught.value)


class _StallingBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """Headers arrive, then the body read times out (a server that stalls mid-answer)."""

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"customerIdent": '
        raise httpx.ReadTimeout("timed out")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"customerIdent": '
        raise httpx.ReadTimeout("timed out")


def test_a_timeout_while_reading_the_body_is_an_api_timeout_error() -> None:
    """httpx reads the body after the transport returned: that timeout is typed too."""
    client = _client(lambda request: httpx.Response(200, stream=_StallingBody()), retry=None)
    for outcome in _both(client):
        assert isinstance(outcome, APITimeoutError)
        assert outcome.method == "GET"


@pytest.mark.parametrize(
    ("status", "headers"),
    [(302, {"location": "/elsewhere"}), (201, {}), (101, {}), (304, {})],
)
def test_an_undocumented_status_is_a_nitrobox_api_error(
    status: int, headers: dict[str, str]
) -> None:
    """A status retrieve_customer does not document is inside the tree, not UnexpectedStatus."""
    client = _client(lambda request: httpx.Response(status, headers=headers, json={}))
    for outcome in _both(client):
        assert type(outcome) is NitroboxAPIError
        assert outcome.status_code == status
        assert "does not document" in str(outcome)


def test_an_undocumented_error_status_keeps_the_class_of_its_status() -> None:
    """For an operation that documents no 404, a 404 still raises NotFoundError."""
    request = httpx.Request("GET", "https://nitrobox.test/v2/customers/c-1")
    error = NitroboxErrorFactory().unexpected_status(httpx.Response(404, request=request, json={}))
    assert type(error) is NotFoundError
    assert error.url == "https://nitrobox.test/v2/customers/c-1"


DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize(
    ("content", "content_type"),
    [
        ("<html><body>Service temporarily unavailable</body></html>", "text/html"),
        ("not json at all", "application/json"),
        ('["a", "list", "not", "an", "object"]', "application/json"),
        ('{"addresses": [1, 2, 3]}', "application/json"),
        ('{"addresses": 7}', "application/json"),
        (DEEP, "application/json"),
        ("\udcff", "application/json"),
    ],
    ids=["html", "not-json", "list", "wrong-item-type", "wrong-type", "deep", "bad-utf8"],
)
def test_a_success_body_the_parser_cannot_read_is_a_malformed_response_error(
    content: str, content_type: str
) -> None:
    """HTML, not JSON, wrong types, too deep: MalformedResponseError, sync and async."""
    body = content.encode("utf-8", errors="surrogateescape")
    client = _client(
        lambda request: httpx.Response(200, content=body, headers={"content-type": content_type})
    )
    for outcome in _both(client):
        assert isinstance(outcome, MalformedResponseError), outcome
        assert outcome.status == 200
        assert outcome.content_type == content_type
        assert "GET https://nitrobox.test/v2/customers/c-1" in str(outcome)
        # The body may hold user data: the message names its size, not its text.
        assert "Service temporarily" not in str(outcome)


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"language": "de"}, "Customer lacks its required field 'customerIdent'"),
        (
            {"customerIdent": "c-1", "addresses": [{"addressIdent": "a-1"}]},
            "Address lacks its required field 'addressType'",
        ),
    ],
    ids=["top-level", "nested"],
)
def test_an_answer_without_a_required_field_names_schema_and_field(
    body: dict[str, object], named: str
) -> None:
    """A required field missing (the identity a guess relied on) is a MalformedResponseError
    naming the schema and the field, never a KeyError; sync and async."""
    client = _client(lambda request: httpx.Response(200, json=body))
    for outcome in _both(client):
        assert isinstance(outcome, MalformedResponseError), outcome
        assert named in str(outcome)
        assert not isinstance(outcome, KeyError)
        assert "c-1" not in str(outcome).replace("/customers/c-1", "")


def test_without_create_client_a_missing_field_is_named_too() -> None:
    """The generated client's own default error names the schema and the field as well."""
    from nitrobox_client import Client
    from nitrobox_client.errors import MalformedResponse

    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"language": "de"}))
    client = Client(base_url="https://nitrobox.test", raise_on_unexpected_status=True)
    client.set_httpx_client(httpx.Client(base_url="https://nitrobox.test", transport=transport))
    with pytest.raises(
        MalformedResponse, match="Customer lacks its required field 'customerIdent'"
    ):
        retrieve_customer.sync("c-1", client=client)


def test_an_error_body_the_parser_cannot_read_still_raises_the_status_error() -> None:
    """A gateway's HTML 404 keeps parsed None; unwrap raises NotFoundError with the raw body."""
    client = _client(lambda request: httpx.Response(404, html="<h1>Not Found</h1>"))
    for outcome in _both(client):
        assert not isinstance(outcome, Exception)
        with pytest.raises(NotFoundError, match="Not Found"):
            unwrap(outcome)  # type: ignore[call-overload]


def test_a_body_where_the_spec_documents_none_is_not_dropped() -> None:
    """unwrap() of an operation without a success body is None, unless a body came anyway."""
    client = _client(lambda request: httpx.Response(204))
    response = delete_address_validation_config.sync_detailed("cfg-1", client=client)  # type: ignore[arg-type]
    assert unwrap(response) is None
    client = _client(lambda request: httpx.Response(200, json={"deleted": True}))
    response = delete_address_validation_config.sync_detailed("cfg-1", client=client)  # type: ignore[arg-type]
    with pytest.raises(NitroboxAPIError, match="does not describe"):
        unwrap(response)


def test_a_post_that_never_connected_is_an_api_connection_error_too() -> None:
    """A create that could not connect: retried (it never left), then APIConnectionError."""
    client = _client(_raise(httpx.ConnectError("refused")))
    body = CustomerCreateRequest(customer_ident="c-1", addresses=[])
    with pytest.raises(APIConnectionError) as caught:
        create_customer.sync_detailed(client=client, body=body)  # type: ignore[arg-type]
    assert caught.value.method == "POST"


def test_a_body_whose_content_encoding_cannot_be_decoded_is_malformed() -> None:
    """`Content-Encoding: gzip` on bytes that are not gzip: MalformedResponseError, not httpx's."""
    headers = {"content-encoding": "gzip", "content-type": "application/json"}
    client = _client(lambda request: httpx.Response(200, content=b"not gzip", headers=headers))
    for outcome in _both(client):
        assert isinstance(outcome, MalformedResponseError), outcome
        assert "GET https://nitrobox.test/v2/customers/c-1" in str(outcome)
        assert isinstance(outcome.__cause__, httpx.DecodingError)
