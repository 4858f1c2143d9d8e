"""examples/typed_client.py works against a mock (its mypy --strict check is in
tests/typing/test_typing.py, in the typing tests' one mypy run)."""

from __future__ import annotations

import asyncio
import importlib.util

import pytest
from generated_helpers import ROOT, SETTINGS, MockNitrobox
from http_under_test import httpx

from nitrobox_auth import create_client

EXAMPLE = ROOT / "examples" / "typed_client.py"


def _load_example():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("typed_client_example", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PAGE = {"_embedded": [{"customerIdent": "c-1"}], "pageInfo": {"number": 0, "totalPages": 1}}


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_example_creates_and_finds_a_customer(use_async: bool) -> None:
    """run()/arun() post the customer and walk the RSQL search, on one client, then close it."""
    example = _load_example()
    nitrobox = MockNitrobox()
    answers = iter([(201, {"json": {"customerIdent": "c-1"}}), (200, {"json": PAGE})])

    def route(request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/oauth2/token"):
            nitrobox.status, nitrobox.response = next(answers)
        return nitrobox(request)

    client = create_client(
        SETTINGS, transport=httpx.MockTransport(route), async_transport=httpx.MockTransport(route)
    )
    if use_async:
        created, found = asyncio.run(example.arun(client, "c-1"))
    else:
        created, found = example.run(client, "c-1")

    assert created.customer_ident == "c-1"
    assert [c.customer_ident for c in found] == ["c-1"]
    create_request, search_request = nitrobox.api_requests
    assert create_request.method == "POST"
    assert search_request.url.params["search"] == "customerIdent=='c-1'"
    assert nitrobox.token_requests == 1
    assert client.is_closed


def test_example_explains_a_failure(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rejected create becomes one line with the message and the fields to fix."""
    example = _load_example()
    error = {
        "status": "BAD_REQUEST",
        "timestamp": "2024-01-02T03:04:05Z",
        "message": "invalid request",
        "errors": [{"fieldName": "addresses", "error": "must not be empty"}],
    }
    nitrobox = MockNitrobox(400, json=error)
    monkeypatch.setattr(
        example, "create_client", lambda: create_client(SETTINGS, **nitrobox.transports())
    )
    assert example.main(["typed_client.py", "c-1"]) == 1
    assert capsys.readouterr().err == (
        "Nitrobox rejected 'c-1': invalid request (addresses: must not be empty)\n"
    )
