"""scripts/apply_evidence.py on a copy of the hand-written openapi/ files: the edits a report
asks for, and nothing else (comments, layout and every other line stay)."""

from __future__ import annotations

import difflib
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
import apply_evidence  # noqa: E402

LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

REPORT: dict[str, Any] = {
    "probe": {"date": "2026-12-03", "runId": "r1", "writes": True},
    "target": {"sandbox": False},
    "operations": [
        {"operationId": "updateCustomer", "method": "PUT", "path": "/v2/customers/{ident}",
         "outcome": "confirmed", "problems": []},
        {"operationId": "createCustomer", "method": "POST", "path": "/v2/customers",
         "outcome": "confirmed", "problems": []},
        {"operationId": "createOrder", "method": "POST", "path": "/v2/orders",
         "outcome": "contradicted", "problems": ["refused field language: must not be null"],
         "refusedFields": [{"field": "language", "code": "must not be null"}]},
        {"operationId": "createUsage", "method": "POST", "path": "/v2/usages",
         "outcome": "unreachable", "problems": ["HTTP 404: the path or method is probably wrong"]},
        {"operationId": "queryCustomers", "method": "GET", "path": "/v2/customers",
         "outcome": "skipped", "problems": ["..."]},
    ],
    "schemas": {
        "Customer": {
            "answers": 4,
            "fields": {
                "customerIdent": {"present": 4, "null": 0, "absent": 0},
                "addresses": {"present": 3, "null": 0, "absent": 1},
            },
            "undeclared": {
                "debtorId": {"types": ["integer"], "present": 4},
                "note": {"types": ["string", "null"], "present": 2},
                "not a name!": {"types": ["string"], "present": 4},
            },
        },
    },
}  # fmt: skip


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "openapi"
    shutil.copytree(ROOT / "openapi", target)
    return target


def _apply(folder: Path, report: dict[str, Any], *extra: str) -> int:
    path = folder.parent / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    return apply_evidence.main([str(path), "--openapi", str(folder), *extra])


def _doc(folder: Path, name: str) -> dict[str, Any]:
    document: dict[str, Any] = yaml.load((folder / name).read_text("utf-8"), Loader=LOADER)
    return document


def test_edits_are_the_evidence_and_every_other_line_stays(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy(tmp_path)
    assert _apply(folder, REPORT) == 0
    summary = capsys.readouterr().out
    customer_api = _doc(folder, "customer-api.yaml")
    customer = customer_api["components"]["schemas"]["Customer"]
    assert customer["required"][-2:] == ["customerIdent", "debtorId"]
    assert "addresses" not in customer["required"]
    assert customer["properties"]["debtorId"]["type"] == "integer"
    assert customer["properties"]["debtorId"]["x-nitrobox-provenance"] == "probe"
    assert customer["properties"]["note"] == {
        "type": "string",
        "nullable": True,
        "x-nitrobox-provenance": "probe",
        "x-nitrobox-probed": "2026-12-03",
        "x-nitrobox-inferred": "seen in answers by nitrobox probe; not documented",
    }
    assert "not a name!" not in customer["properties"]
    update = customer_api["paths"]["/v2/customers/{ident}"]["put"]
    assert (update["x-nitrobox-provenance"], update["x-nitrobox-probed"]) == ("probe", "2026-12-03")
    assert customer_api["paths"]["/v2/customers"]["post"]["x-nitrobox-provenance"] == "documented"
    order_api = _doc(folder, "order-api.yaml")
    conflict = order_api["paths"]["/v2/orders"]["post"]["x-nitrobox-conflict"]
    assert conflict == {
        "source": "nitrobox probe report of 2026-12-03",
        "outcome": "contradicted",
        "problems": ["refused field language: must not be null"],
    }
    assert "language" in order_api["components"]["schemas"]["OrderCreateRequest"]["required"]
    usage = _doc(folder, "usage-api.yaml")["paths"]["/v2/usages"]["post"]
    assert usage["x-nitrobox-conflict"]["outcome"] == "unreachable"
    assert "provenance inferred -> probe" in summary

    # Line by line: only added or replaced lines, comments all kept.
    for path in sorted((ROOT / "openapi").glob("*.yaml")):
        before = path.read_text("utf-8").splitlines()
        after = (folder / path.name).read_text("utf-8").splitlines()
        removed = [
            line[1:]
            for line in difflib.unified_diff(before, after, n=0, lineterm="")
            if line.startswith("-") and not line.startswith("---")
        ]
        assert all("required" in line or "x-nitrobox-provenance" in line for line in removed), (
            path.name,
            removed,
        )
        comments = [line for line in before if line.lstrip().startswith("#")]
        assert comments == [line for line in after if line.lstrip().startswith("#")]


def test_applying_twice_changes_nothing_more(tmp_path: Path) -> None:
    folder = _copy(tmp_path)
    assert _apply(folder, REPORT) == 0
    first = {p.name: p.read_text("utf-8") for p in folder.glob("*.yaml")}
    report = {
        **REPORT,
        "operations": [o for o in REPORT["operations"] if o["outcome"] == "confirmed"],
    }
    assert _apply(folder, report) == 0
    assert {p.name: p.read_text("utf-8") for p in folder.glob("*.yaml")} == first


def test_a_report_from_the_embedded_sandbox_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy(tmp_path)
    report = {**REPORT, "target": {"sandbox": True}}
    assert _apply(folder, report) == 2
    assert "proves nothing" in capsys.readouterr().err
    assert all(
        p.read_text("utf-8") == (ROOT / "openapi" / p.name).read_text("utf-8")
        for p in folder.glob("*.yaml")
    )
