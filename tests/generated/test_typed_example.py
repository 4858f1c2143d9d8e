"""examples/typed_client.py type-checks with mypy --strict and works against a mock."""

from __future__ import annotations

import asyncio
import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from generated_helpers import ROOT, SETTINGS, MockNitrobox

from nitrobox_auth import create_client

EXAMPLE = ROOT / "examples" / "typed_client.py"


def test_example_passes_mypy_strict() -> None:
    """The example, and the generated code it calls, are clean under mypy --strict."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(EXAMPLE)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _load_example():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("typed_client_example", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_creates_and_finds_a_customer() -> None:
    """create() posts the customer and find() sends the RSQL search, on one client."""
    example = _load_example()
    nitrobox = MockNitrobox(201, json={"customerIdent": "c-1"})
    client = create_client(SETTINGS, **nitrobox.transports())

    assert example.create(client, "c-1").customer_ident == "c-1"
    nitrobox.status, nitrobox.response = 200, {"json": {"_embedded": [{"customerIdent": "c-1"}]}}
    found = asyncio.run(example.find(client, "c-1"))

    assert [c.customer_ident for c in found] == ["c-1"]
    create_request, search_request = nitrobox.api_requests
    assert create_request.method == "POST"
    assert search_request.url.params["search"] == "customerIdent=='c-1'"
    assert nitrobox.token_requests == 1


def test_example_explains_a_failure() -> None:
    """A documented error answer becomes a one-line explanation with status and message."""
    example = _load_example()
    error = {"status": "BAD_REQUEST", "timestamp": "2024-01-02T03:04:05Z", "message": "no address"}
    client = create_client(SETTINGS, **MockNitrobox(400, json=error).transports())
    with pytest.raises(RuntimeError, match="HTTP 400 BAD_REQUEST: no address"):
        example.create(client, "c-1")
