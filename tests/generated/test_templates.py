"""What the custom templates in openapi/templates change in the generated code."""

from __future__ import annotations

import asyncio
import enum
import inspect
import json
from pathlib import Path

import nitrobox_client.models
import pytest
from generated_helpers import SETTINGS, MockNitrobox
from http_under_test import httpx
from nitrobox_client import Client
from nitrobox_client.api.customers import retrieve_customer
from nitrobox_client.errors import MalformedResponse
from nitrobox_client.models import GlobalErrorResponse

from nitrobox_auth import create_client

ERROR = {"status": "BAD_GATEWAY", "timestamp": "2024-01-02T03:04:05Z", "message": "upstream"}


@pytest.mark.parametrize("status", [499, 520, 599])
def test_non_standard_status_codes_do_not_crash(status: int) -> None:
    """499 and 520 (unknown to HTTPStatus) come back as ints with the error parsed."""
    nitrobox = MockNitrobox(status, json=ERROR)
    client = create_client(SETTINGS, retry=None, **nitrobox.transports())

    for response in (
        retrieve_customer.sync_detailed("c-1", client=client),
        asyncio.run(retrieve_customer.asyncio_detailed("c-1", client=client)),
    ):
        assert response.status_code == status
        assert isinstance(response.parsed, GlobalErrorResponse)
        assert response.parsed.message == "upstream"


def test_error_body_that_is_not_the_error_model_keeps_raw_content() -> None:
    """A gateway's HTML 502 gives parsed None and the raw body, not a JSONDecodeError."""
    nitrobox = MockNitrobox(502, text="<html>Bad gateway</html>")
    client = create_client(SETTINGS, retry=None, **nitrobox.transports())
    response = retrieve_customer.sync_detailed("c-1", client=client)
    assert response.status_code == 502
    assert response.parsed is None
    assert response.content == b"<html>Bad gateway</html>"
    # JSON, but not the documented error model (status/timestamp missing).
    nitrobox.response = {"json": {"error": "nope"}}
    assert retrieve_customer.sync_detailed("c-1", client=client).parsed is None


def test_success_body_that_does_not_parse_still_raises() -> None:
    """A 2xx answer that is not JSON is a contract break: it is not hidden as None."""
    transport = httpx.MockTransport(lambda request: httpx.Response(200, text="not json"))
    client = Client(base_url="https://nitrobox.test").set_httpx_client(
        httpx.Client(base_url="https://nitrobox.test", transport=transport)
    )
    with pytest.raises(MalformedResponse, match="HTTP 200 answer") as caught:
        retrieve_customer.sync_detailed("c-1", client=client)
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)


def _enum_classes() -> list[type[enum.Enum]]:
    return [
        cls
        for _, cls in inspect.getmembers(nitrobox_client.models, inspect.isclass)
        if issubclass(cls, enum.Enum)
    ]


def test_unknown_enum_values_are_kept_not_rejected() -> None:
    """A value Nitrobox adds later parses into a pseudo-member that keeps the value."""
    classes = _enum_classes()
    assert classes, "the spec has enums"
    for cls in classes:
        known = next(iter(cls))
        assert cls(known.value) is known
        sample = "NEW_VALUE_2031" if isinstance(known.value, str) else 2031
        unknown = cls(sample)
        assert isinstance(unknown, cls)
        assert unknown.value == sample
        assert str(unknown) == str(sample)


def test_plain_generated_client_has_a_timeout() -> None:
    """Even without create_client, the generated Client does not wait forever (it builds
    httpx clients of its own, whichever package the pass runs on)."""
    client = Client(base_url="https://nitrobox.test")
    expected = {"connect": 5.0, "read": 30.0, "write": 30.0, "pool": 30.0}
    assert client.get_httpx_client().timeout.as_dict() == expected
    assert client.get_async_httpx_client().timeout.as_dict() == expected


def test_endpoint_modules_name_their_operation() -> None:
    """Each endpoint module says which method and path it calls."""
    assert retrieve_customer.HTTP_METHOD == "GET"
    assert retrieve_customer.PATH_TEMPLATE == "/v2/customers/{ident}"


def test_generated_code_never_imports_the_runtime() -> None:
    """One-way flow: no module of nitrobox_client imports nitrobox_auth (or the sandbox)."""
    import ast

    package = Path(nitrobox_client.models.__file__).parents[1]
    offenders = []
    for path in sorted(package.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            offenders += [
                f"{path.name}: {name}"
                for name in names
                if name.split(".")[0] in {"nitrobox_auth", "nitrobox_sandbox"}
            ]
    assert offenders == []
    assert len(list(package.rglob("*.py"))) > 100


def test_the_generated_clients_keep_credentials_out_of_their_repr() -> None:
    """The token, headers, cookies and httpx options of a generated client never show in
    its repr (a log line or a traceback that prints the client)."""
    from nitrobox_client import AuthenticatedClient, Client

    shown = [
        repr(AuthenticatedClient(base_url="https://api.test", token="token-secret-value")),
        repr(
            Client(
                base_url="https://api.test",
                headers={"X-Api-Key": "header-secret-value"},
                cookies={"session": "cookie-secret-value"},
                httpx_args={"auth": ("user", "httpx-arg-secret")},
            ).with_headers({"X-Other": "later-secret-value"})
        ),
    ]
    secrets = ("token-secret", "header-secret", "cookie-secret", "httpx-arg", "later-secret")
    for text in shown:
        for secret in secrets:
            assert secret not in text
