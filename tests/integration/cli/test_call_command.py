"""`nitrobox call`: spec-driven requests sent with the authenticated client to a sandbox."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from nitrobox_auth.cli import main

if TYPE_CHECKING:
    from nitrobox_sandbox import Sandbox

    from .conftest import PointAt

pytestmark = pytest.mark.integration

CUSTOMER = {
    "customerIdent": "cli-call-1",
    "customerType": "B2B",
    "language": "de",
    "addresses": [
        {
            "addressType": "INVOICE",
            "addressIdent": "cli-call-1-inv",
            "company": "Example GmbH",
            "city": "Hamburg",
            "country": "DE",
        }
    ],
}


def test_create_then_retrieve_shows_the_stored_customer(
    nitrobox_sandbox: Sandbox,
    point_env_at: PointAt,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A body from @FILE creates a customer; a path parameter retrieves it as JSON on stdout."""
    point_env_at(nitrobox_sandbox)
    body_file = tmp_path / "customer.json"
    body_file.write_text(json.dumps(CUSTOMER), encoding="utf-8")

    assert main(["call", "createCustomer", "--json", f"@{body_file}"]) == 0
    capsys.readouterr()
    assert main(["call", "retrieveCustomer", "--param", "ident=cli-call-1"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["customerIdent"] == "cli-call-1"
    assert "retrieveCustomer: GET /v2/customers/cli-call-1 -> 200" in err
    stats = nitrobox_sandbox.stats()
    assert stats["api_requests"] == 2


def test_query_parameters_reach_the_server(
    nitrobox_sandbox: Sandbox, point_env_at: PointAt, capsys: pytest.CaptureFixture[str]
) -> None:
    """Paging parameters given with -p are sent as query parameters and honoured."""
    point_env_at(nitrobox_sandbox)
    for n in range(3):
        address = {**CUSTOMER["addresses"][0], "addressIdent": f"cli-page-{n}-inv"}
        customer = {**CUSTOMER, "customerIdent": f"cli-page-{n}", "addresses": [address]}
        assert main(["call", "createCustomer", "--json", json.dumps(customer)]) == 0
    capsys.readouterr()
    assert main(["call", "queryCustomers", "-p", "page=0", "-p", "size=2"]) == 0
    out, _ = capsys.readouterr()
    page = json.loads(out)
    assert len(page["_embedded"]) == 2


def test_error_answer_is_printed_and_exits_1(
    nitrobox_sandbox: Sandbox, point_env_at: PointAt, capsys: pytest.CaptureFixture[str]
) -> None:
    """A 404 prints the error body on stdout, names the status on stderr, exit code 1."""
    point_env_at(nitrobox_sandbox)
    assert main(["call", "retrieveCustomer", "-p", "ident=nobody"]) == 1
    out, err = capsys.readouterr()
    assert json.loads(out)
    assert "retrieveCustomer answered HTTP 404" in err


def test_unknown_operation_suggests_and_sends_nothing(
    nitrobox_sandbox: Sandbox, point_env_at: PointAt, capsys: pytest.CaptureFixture[str]
) -> None:
    """A typo gets close operation IDs and exit code 2, before any request is made."""
    point_env_at(nitrobox_sandbox)
    assert main(["call", "createCustomr"]) == 2
    _, err = capsys.readouterr()
    assert "unknown operation ID 'createCustomr'; did you mean: createCustomer" in err
    assert nitrobox_sandbox.stats()["token_requests"] == 0


def test_list_shows_every_bundled_operation(capsys: pytest.CaptureFixture[str]) -> None:
    """--list prints one line per operation, with method and path."""
    assert main(["call", "--list"]) == 0
    out, _ = capsys.readouterr()
    assert any(
        line.split()[:3] == ["createCustomer", "POST", "/v2/customers"] for line in out.splitlines()
    )


def test_binary_answer_is_written_with_output(
    nitrobox_sandbox: Sandbox,
    point_env_at: PointAt,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A billing run through `call`, then retrieveFile --output writes the invoice PDF."""
    point_env_at(nitrobox_sandbox)
    contract = {
        "contractIdent": "cli-bin-1",
        "debtorIdent": "cli-call-1",
        "date": "2025-01-01T00:00:00Z",
    }
    run = {"debtorIdent": "cli-call-1", "processingDate": "2030-01-01T00:00:00Z"}
    assert main(["call", "createCustomer", "--json", json.dumps(CUSTOMER)]) == 0
    assert main(["call", "createContract", "--json", json.dumps(contract)]) == 0
    assert main(["call", "billingRun", "--json", json.dumps(run)]) == 0
    capsys.readouterr()
    search = "customerDetail.customerIdent=='cli-call-1'"
    assert main(["call", "queryDocuments", "-p", f"search={search}"]) == 0
    out, _ = capsys.readouterr()
    ident = json.loads(out)["_embedded"][0]["ident"]

    pdf = tmp_path / "invoice.pdf"
    assert main(["call", "retrieveFile", "-p", f"ident={ident}", "--output", str(pdf)]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert f"to {pdf}" in err
    assert pdf.read_bytes().startswith(b"%PDF")


def test_list_into_a_closed_pipe_ends_quietly() -> None:
    """`nitrobox call --list | head -0`: no traceback when the reader is gone before output."""
    process = subprocess.Popen(
        [sys.executable, "-m", "nitrobox_auth.cli", "call", "--list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    # Closed long before the child has imported enough to print: its first write fails.
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1
    assert b"Traceback" not in stderr
