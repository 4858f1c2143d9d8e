"""`nitrobox probe --writes` on loopback, and `apply_evidence.py` on what it finds.

The evidence loop end to end: a sandbox serves a spec changed on five points (a response
field renamed, a request field made required, a write moved to another path, a field dropped
from an answer, a new field in an answer); the probe, with the original spec in the client,
gives each changed operation its verdict and confirms the others; apply_evidence.py turns the
report into edits that bring a copy of the original YAML files to the changed spec wherever
the evidence can show it.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml

from nitrobox_auth._bundled_spec import load_bundled_spec
from nitrobox_auth.cli import main
from nitrobox_auth.cli._operations import operations
from nitrobox_auth.cli._probe_writes import cleanup_of
from nitrobox_sandbox import Sandbox

if TYPE_CHECKING:
    from .conftest import PointAt

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "scripts"))
import _bundle  # noqa: E402
import apply_evidence  # noqa: E402

# Parents the spec has no create for: a tenant's, given as a user would.
PARENTS = ["--ident", "oposCaseIdent=probe-test-case"]
PARENTS += ["--ident", "billableItemIdent=probe-test-item"]

Schemas = dict[str, Any]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's loader (the files are large), keeping dates as strings like the bundler."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_DUMPER: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def _read(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    return document


def _edit(folder: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Apply ``change`` to every OpenAPI file of ``folder`` (shared components stay equal)."""
    for path in sorted(folder.glob("*-api.yaml")):
        document = _read(path)
        before = copy.deepcopy(document)
        change(document)
        if document != before:
            text = yaml.dump(document, Dumper=_DUMPER, sort_keys=False, width=120)
            path.write_text(text, encoding="utf-8")


def _schemas(document: dict[str, Any]) -> Schemas:
    found: Schemas = document.get("components", {}).get("schemas", {})
    return found


def _originals(document: dict[str, Any]) -> None:
    """The client's spec in this test: two answer fields the API sends and the spec requires
    (as the spec does for identity fields), so renaming or dropping one shows."""
    schemas = _schemas(document)
    for name, field in (("Usage", "usageStatus"), ("PaymentTransaction", "transactionStatus")):
        if name in schemas:
            schemas[name].setdefault("properties", {})[field] = {"type": "string"}
            schemas[name]["required"] = [*schemas[name].get("required", []), field]


def _changes(document: dict[str, Any]) -> None:
    schemas = _schemas(document)
    if "Usage" in schemas:  # renamed in the answer
        usage = schemas["Usage"]
        usage["properties"]["usageState"] = usage["properties"].pop("usageStatus")
        usage["required"] = [r if r != "usageStatus" else "usageState" for r in usage["required"]]
    if "OrderCreateRequest" in schemas:  # a request field made required
        schemas["OrderCreateRequest"]["required"].append("language")
    if "PaymentTransaction" in schemas:  # dropped from the answer
        transaction = schemas["PaymentTransaction"]
        del transaction["properties"]["transactionStatus"]
        transaction["required"].remove("transactionStatus")
        if not transaction["required"]:
            del transaction["required"]
    if "BillingGroup" in schemas:  # a new field in the answer (required: the sandbox sends it)
        group = schemas["BillingGroup"]
        group["properties"]["archivedAt"] = {"type": "string"}
        group["required"] = [*group.get("required", []), "archivedAt"]
    paths = document.get("paths", {})
    if "/v2/payment-intents" in paths:  # the write moved
        paths["/v2/payment-intents/create"] = paths.pop("/v2/payment-intents")


def _bundle_of(folder: Path, target: Path) -> Path:
    """The bundle scripts/regenerate.py would make of ``folder``."""
    specs = [
        _bundle.SpecFile(path.name, _bundle.domain_of(path.name), _read(path))
        for path in sorted(folder.glob("*-api.yaml"))
    ]
    target.write_text(json.dumps(_bundle.bundle(specs).document), encoding="utf-8")
    return target


@dataclass(frozen=True)
class Evidence:
    original: Path
    changed: Path
    original_bundle: Path
    changed_bundle: Path


@pytest.fixture(scope="module")
def evidence(tmp_path_factory: pytest.TempPathFactory) -> Evidence:
    base = tmp_path_factory.mktemp("evidence")
    original = base / "original"
    shutil.copytree(ROOT / "openapi", original)
    _edit(original, _originals)
    changed = base / "changed"
    shutil.copytree(original, changed)
    _edit(changed, _changes)
    return Evidence(
        original,
        changed,
        _bundle_of(original, base / "original.json"),
        _bundle_of(changed, base / "changed.json"),
    )


@pytest.fixture
def changed_sandbox(evidence: Evidence) -> Iterator[Sandbox]:
    sandbox = Sandbox(spec=evidence.changed_bundle)
    with sandbox.serve():
        yield sandbox


def _load(folder: Path) -> tuple[Schemas, dict[str, Any]]:
    schemas: Schemas = {}
    paths: dict[str, Any] = {}
    for path in sorted(folder.glob("*-api.yaml")):
        document = _read(path)
        schemas.update(_schemas(document))
        paths.update(document.get("paths", {}))
    return schemas, paths


def _value_free(text: str) -> None:
    """No value of an answer or a body: no date-time, e-mail, number-only string or secret."""
    assert "sandbox-secret" not in text
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}", text)
    assert "probe@example.com" not in text
    assert "Hamburg" not in text


def test_against_the_sandbox_every_write_is_confirmed_and_every_record_accounted_for(
    no_nitrobox_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report_path = tmp_path / "report.json"
    code = main(["probe", "--writes", "--rate", "100", "--report", str(report_path)])
    out, _ = capsys.readouterr()
    assert code == 0, out
    report = json.loads(report_path.read_text(encoding="utf-8"))
    writes = [r for r in report["operations"] if r["method"] != "GET"]
    assert len(writes) >= 44
    assert {r["outcome"] for r in writes} == {"confirmed"}, [
        (r["operationId"], r["problems"]) for r in writes if r["outcome"] != "confirmed"
    ]
    records = report["records"]
    assert {r["operationId"] for r in records} >= {"createCustomer", "createContract"}
    run_id = report["probe"]["runId"]
    for record in records:
        assert record["ident"] is None or record["ident"].startswith(f"probe-{run_id}-")
        assert record["removed"] or record["note"].startswith("not removed")
    removed = {r["operationId"]: r["removedBy"] for r in records if r["removed"]}
    # Removed by the cleanup the spec names (x-nitrobox-cleanup) or the one inferred.
    spec = load_bundled_spec()
    ops = operations(spec)
    for create in ("createContract", "createBillingGroup_v3"):
        assert removed[create] == cleanup_of(spec, ops[create], ops).operation_id
    # What cannot be removed is said plainly, in the output and the report.
    customer = next(r for r in records if r["operationId"] == "createCustomer")
    assert not customer["removable"]
    assert f"probe-{run_id}-customer" in out
    assert "most valuable finding" in report["notes"][0]
    assert report["schemas"]["Customer"]["fields"]["customerIdent"]["present"] >= 1
    _value_free(report_path.read_text(encoding="utf-8"))


def test_changed_spec_verdicts_and_apply_evidence_brings_the_spec_to_it(
    evidence: Evidence,
    changed_sandbox: Sandbox,
    point_env_at: PointAt,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    point_env_at(changed_sandbox)
    report_path = tmp_path / "report.json"
    spec = ["--spec", str(evidence.original_bundle)]
    code = main(
        ["probe", "--writes", *spec, "--rate", "100", "--report", str(report_path), *PARENTS]
    )
    capsys.readouterr()
    assert code == 1
    report = json.loads(report_path.read_text(encoding="utf-8"))
    outcome = {r["operationId"]: r for r in report["operations"]}
    expected = {
        "createUsage": "contradicted",  # renamed: the required usageStatus is missing
        "createOrder": "contradicted",  # language is required now
        "createPaymentIntent": "unreachable",  # moved
        "createPaymentTransaction": "contradicted",  # transactionStatus dropped
    }
    assert {k: outcome[k]["outcome"] for k in expected} == expected
    assert outcome["createOrder"]["refusedFields"] == [
        {"field": "language", "code": "must not be null"}
    ]
    assert "$: missing required field usageStatus" in outcome["createUsage"]["problems"]
    others = [
        r for r in report["operations"] if r["method"] != "GET" and r["operationId"] not in expected
    ]
    assert {r["outcome"] for r in others} == {"confirmed"}, [
        (r["operationId"], r["problems"]) for r in others if r["outcome"] != "confirmed"
    ]
    assert {r["outcome"] for r in report["operations"] if r["method"] == "GET"} <= {
        "confirmed",
        "skipped",
    }
    assert report["schemas"]["BillingGroup"]["undeclared"]["archivedAt"]["types"] == ["string"]
    _value_free(report_path.read_text(encoding="utf-8"))

    applied = tmp_path / "openapi"
    shutil.copytree(evidence.original, applied)
    assert (
        apply_evidence.main([str(report_path), "--openapi", str(applied), "--min-answers", "1"])
        == 0
    )
    summary = capsys.readouterr().out
    assert re.search(r"Usage: added .*usageState \(string\)", summary), summary

    got_schemas, got_paths = _load(applied)
    want_schemas, _ = _load(evidence.changed)
    # Every changed point the evidence shows: the new and renamed fields with their types...
    for schema, field in (("Usage", "usageState"), ("BillingGroup", "archivedAt")):
        assert (
            got_schemas[schema]["properties"][field]["type"]
            == (want_schemas[schema]["properties"][field]["type"])
        )
        assert got_schemas[schema]["properties"][field]["x-nitrobox-provenance"] == "probe"
    # ... `required` as the changed spec has it, for the fields that changed ...
    for schema in ("Usage", "BillingGroup", "PaymentTransaction", "OrderCreateRequest"):
        want = set(want_schemas[schema].get("required", []))
        got = set(got_schemas[schema].get("required", []))
        assert want <= got, schema  # (the evidence may show more fields always there)
    assert "usageStatus" not in got_schemas["Usage"]["required"]
    assert "transactionStatus" not in got_schemas["PaymentTransaction"].get("required", [])
    # ... and the write that moved carries the conflict (its new path the evidence cannot show).
    conflict = got_paths["/v2/payment-intents"]["post"]["x-nitrobox-conflict"]
    assert conflict["outcome"] == "unreachable"
    assert conflict["source"] == f"nitrobox probe report of {report['probe']['date']}"
    confirmed = got_paths["/v2/customers/{ident}"]["put"]
    assert confirmed["x-nitrobox-provenance"] == "probe"
    assert confirmed["x-nitrobox-probed"] == report["probe"]["date"]
    documented = got_paths["/v2/customers"]["post"]
    assert documented["x-nitrobox-provenance"] == "documented"
    # The edited files still bundle.
    _bundle_of(applied, tmp_path / "applied.json")
    # No value: what the script added holds names, types and dates only.
    for path in applied.glob("*.yaml"):
        before = (evidence.original / path.name).read_text(encoding="utf-8").splitlines()
        after = path.read_text(encoding="utf-8").splitlines()
        diff = difflib.unified_diff(before, after, n=0, lineterm="")
        added = [d[1:] for d in diff if d.startswith("+") and not d.startswith("+++")]
        _value_free("\n".join(added))
