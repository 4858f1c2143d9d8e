"""`nitrobox sandbox --seed-data FILE`: a real server process that starts with the seed's
resources, and refuses a bad seed (naming the record and the field) before serving."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from loopback_servers import free_port

from nitrobox_auth.cli import main

pytestmark = pytest.mark.integration

SEED_YAML = """\
customers:
  - customerIdent: C-1
    addresses: [{addressType: INVOICE, country: DE, city: Hamburg}]
  - customerIdent: C-2
    addresses: [{addressType: INVOICE, country: DE, city: Kiel}]
contracts:
  - contractIdent: K-1
    debtorIdent: C-1
    date: 2025-01-15T10:00:00Z
"""


def test_the_served_sandbox_holds_the_seed(tmp_path: Path) -> None:
    seed = tmp_path / "seed.yaml"
    seed.write_text(SEED_YAML, encoding="utf-8")
    port = free_port()
    command = ["sandbox", "--port", str(port), "--seed-data", str(seed)]
    process = subprocess.Popen(
        [sys.executable, "-m", "nitrobox_auth.cli", *command],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    try:
        banner = []
        for line in process.stdout:
            banner.append(line)
            if line.startswith("Press Ctrl-C"):
                break
        text = "".join(banner)
        assert re.search(r"seed data\s+\S+seed\.yaml \(2 customers, 1 contracts\)", text), text
        base = f"http://127.0.0.1:{port}"
        token = httpx.post(
            f"{base}/sandbox/oauth2/token",
            auth=("sandbox-client", "sandbox-secret"),
            data={"grant_type": "client_credentials"},
        ).json()["access_token"]
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}) as api:
            page = api.get("/v2/customers").json()
            assert [c["customerIdent"] for c in page["_embedded"]] == ["C-2", "C-1"]
            contract = api.get("/v2/contracts/1")
            assert contract.status_code == 200
            assert contract.json()["contractIdent"] == "K-1"
            assert contract.json()["debtorId"] == 1  # C-1, the first customer
            # what the client creates next continues each kind's sequence
            created = api.post(
                "/v2/contracts",
                json={"contractIdent": "K-2", "debtorIdent": "C-2", "date": "2025-02-01T10:00:00Z"},
            )
            assert created.status_code == 201, created.text
            assert created.json()["contractId"] == 2
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


def test_a_bad_seed_is_refused_naming_the_record_and_the_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed = tmp_path / "seed.json"
    bad = {"customers": [{"customerIdent": "C-1", "addresses": [{"country": "DE"}]}]}
    seed.write_text(json.dumps(bad), encoding="utf-8")
    assert main(["sandbox", "--seed-data", str(seed)]) == 2
    out, err = capsys.readouterr()
    assert "customers[0]" in err
    assert "addresses[0].addressType" in err
    assert "listening" not in out


def test_a_missing_seed_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sandbox", "--seed-data", str(tmp_path / "absent.yaml")]) == 2
    assert "cannot read the seed file" in capsys.readouterr().err
