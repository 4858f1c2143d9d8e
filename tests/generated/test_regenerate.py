"""scripts/regenerate.py end to end: official spec files dropped in, byte-identical reruns,
and ``--check`` catching drift. Each test runs the generator once or twice (about 1 s each).

The script's ``main`` runs in this process (its output captured, its exit status returned),
which saves a fresh interpreter importing the generator for every run; the drift check runs
the script as a process, as CI and a user run it."""

from __future__ import annotations

import contextlib
import io
import json
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import regenerate
import yaml
from generated_helpers import ROOT

SCRIPT = ROOT / "scripts" / "regenerate.py"
FIXTURES = Path(__file__).parent / "fixtures" / "openapi"

OFFICIAL_ERROR = {
    "type": "object",
    "description": "Official error model (the style of Nitrobox's published OAS files).",
    "required": ["status", "timestamp"],
    "properties": {
        "status": {"type": "string", "description": "Text form of the HTTP status."},
        "timestamp": {"type": "string", "format": "date-time"},
        "message": {"type": "string", "nullable": True},
        "path": {"type": "string", "nullable": True},
        "uuid": {"type": "string", "format": "uuid", "nullable": True},
        "errors": {
            "type": "array",
            "nullable": True,
            "items": {
                "type": "object",
                "properties": {
                    "fieldName": {"type": "string"},
                    "error": {"type": "string"},
                    "rejectedValue": {"type": "object"},
                },
            },
        },
    },
}


def _run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python scripts/regenerate.py ARGS`` as its ``main`` in this process."""
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = regenerate.main([str(arg) for arg in args])
    return subprocess.CompletedProcess(list(args), code, stdout.getvalue(), stderr.getvalue())


def _run_script(*args: str | Path) -> subprocess.CompletedProcess[str]:
    """``python scripts/regenerate.py ARGS`` in a process of its own."""
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _enums_into_descriptions(node: Any) -> int:
    """Move every ``enum`` into a markdown table in the description, as the official files do."""
    moved = 0
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list) and node.get("type") == "string":
            rows = "\n".join(f"| {value} | |" for value in node.pop("enum"))
            node["description"] = (
                f"{node.get('description', '')}\n\n| Value | Meaning |\n|---|---|\n{rows}"
            )
            moved += 1
        for value in node.values():
            moved += _enums_into_descriptions(value)
    elif isinstance(node, list):
        for item in node:
            moved += _enums_into_descriptions(item)
    return moved


def _official_style(ours: dict[str, Any]) -> dict[str, Any]:
    """A copy of one of our domain files rewritten the way Nitrobox's published files look."""
    doc = json.loads(json.dumps(ours))
    assert _enums_into_descriptions(doc) > 0, "the domain file should have enums to move"
    for item in doc["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "responses" in op:
                kept = {c: r for c, r in op["responses"].items() if c.startswith("2")}
                kept["4XX"] = {"$ref": "#/components/responses/4XX_Client_Error_Response"}
                kept["5XX"] = {"$ref": "#/components/responses/5XX_Server_Error_Response"}
                op["responses"] = kept
    components = doc.pop("components")
    components.setdefault("responses", {}).update(
        {
            f"{band}XX_{kind}_Error_Response": {
                "description": f"error response for all http error codes in range {band}XX",
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/GlobalErrorResponse"}
                    }
                },
            }
            for band, kind in (("4", "Client"), ("5", "Server"))
        }
    )
    components["schemas"]["GlobalErrorResponse"] = OFFICIAL_ERROR
    # The published files begin with components.responses.
    return {"components": {"responses": components.pop("responses"), **components}, **doc}


def test_official_style_file_dropped_next_to_ours_regenerates(tmp_path: Path) -> None:
    """customer-api.json in the official style replaces ours and generates without conflicts."""
    openapi = tmp_path / "openapi"
    shutil.copytree(ROOT / "openapi", openapi)
    ours = yaml.safe_load((openapi / "customer-api.yaml").read_text(encoding="utf-8"))
    (openapi / "customer-api.json").write_text(json.dumps(_official_style(ours), indent=1))

    result = _run("--openapi", openapi, "--output", tmp_path / "out")

    assert result.returncode == 0, result.stderr
    assert "customer-api.json (official) supersedes customer-api.yaml" in result.stdout
    assert "renamed to CustomerGlobalErrorResponse" in result.stdout
    package = tmp_path / "out" / "nitrobox_client"
    bundle = json.loads((package / "openapi.json").read_text(encoding="utf-8"))
    schemas = bundle["components"]["schemas"]
    assert schemas["CustomerGlobalErrorResponse"] == OFFICIAL_ERROR
    assert "GlobalErrorResponse" in schemas  # ours, still used by the other domains
    create = bundle["paths"]["/v2/customers"]["post"]["responses"]["4XX"]["$ref"]
    responses = bundle["components"]["responses"]
    assert responses[create.rsplit("/", 1)[-1]]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/CustomerGlobalErrorResponse"
    }
    manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
    assert "openapi/customer-api.json" in manifest["inputs"]
    assert "openapi/customer-api.yaml" not in manifest["inputs"]
    # The generated code imports, and a 4XX answer in the official shape parses into it.
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={"PYTHONPATH": str(tmp_path / "out"), "PATH": "/usr/bin:/bin"},
    )
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.split() == ["CustomerGlobalErrorResponse", "422", "addresses"]


_PROBE = """
import httpx
import nitrobox_client
from nitrobox_client.api.customers import retrieve_customer
error = {"status": "UNPROCESSABLE_ENTITY", "timestamp": "2024-01-02T03:04:05Z",
         "errors": [{"fieldName": "addresses", "error": "must not be empty"}]}
transport = httpx.MockTransport(lambda request: httpx.Response(422, json=error))
client = nitrobox_client.Client(base_url="https://nitrobox.test")
client.set_httpx_client(httpx.Client(base_url="https://nitrobox.test", transport=transport))
response = retrieve_customer.sync_detailed("c-1", client=client)
print(type(response.parsed).__name__, response.status_code, response.parsed.errors[0].field_name)
"""


def test_two_runs_are_byte_identical_and_check_catches_drift(tmp_path: Path) -> None:
    """A rerun in --check mode finds nothing; an edited, a deleted and an added file fail it."""
    openapi = tmp_path / "openapi"
    shutil.copytree(FIXTURES, openapi)
    shutil.copy(ROOT / "openapi" / "config.yml", openapi)
    shutil.copytree(ROOT / "openapi" / "templates", openapi / "templates")
    out = tmp_path / "generated"
    first = _run("--openapi", openapi, "--output", out)
    assert first.returncode == 0, first.stderr
    assert "change report: no previous bundle at" in first.stdout

    rerun = _run("--check", "--openapi", openapi, "--output", out)
    assert rerun.returncode == 0, rerun.stderr
    assert "up to date" in rerun.stdout
    assert "no changes to the typed API" in rerun.stdout

    package = out / "nitrobox_client"
    client_py = package / "client.py"
    client_py.write_text(client_py.read_text().replace("30.0", "300.0"))
    (package / "models" / "customer.py").unlink()
    (package / "models" / "hand_written.py").write_text("X = 1\n")
    drift = _run_script("--check", "--openapi", openapi, "--output", out)

    assert drift.returncode == 1
    assert "1 added, 1 removed, 1 changed" in drift.stderr
    assert "+ models/customer.py" in drift.stderr
    assert "- models/hand_written.py" in drift.stderr
    assert "~ client.py" in drift.stderr
    assert "-DEFAULT_TIMEOUT = httpx.Timeout(300.0, connect=5.0)" in drift.stderr
    assert "+DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)" in drift.stderr
    assert "run `python scripts/regenerate.py`" in drift.stderr


@pytest.mark.parametrize(
    ("allowlist", "code", "expected"),
    [
        ("[]\n", 2, "WARNING: WARNING parsing POST /v2/orders"),
        ("- {match: 'Unsupported content type'}\n", 2, "needs both 'match' and 'reason'"),
        (
            "- {match: 'Unsupported content type application/xml', reason: 'JSON is used'}\n"
            "- {match: 'never seen', reason: 'stale entry'}\n",
            0,
            "'never seen' matched no warning",
        ),
    ],
)
def test_generator_warnings_fail_unless_allowed_with_a_reason(
    tmp_path: Path, allowlist: str, code: int, expected: str
) -> None:
    """A generator warning fails the run unless the allowlist names it with a reason."""
    openapi = tmp_path / "openapi"
    shutil.copytree(FIXTURES, openapi)
    shutil.copy(ROOT / "openapi" / "config.yml", openapi)
    spec = yaml.safe_load((openapi / "order-api.yaml").read_text())
    # A request body type openapi-python-client skips with a warning.
    content = spec["paths"]["/v2/orders"]["post"]["requestBody"]["content"]
    content["application/xml"] = {"schema": {"type": "object"}}
    (openapi / "order-api.yaml").write_text(yaml.safe_dump(spec))
    (openapi / "generator-warnings-allowed.yml").write_text(allowlist)

    result = _run("--openapi", openapi, "--output", tmp_path / "out")

    assert result.returncode == code
    assert expected in (result.stderr if code else result.stdout)
    assert (tmp_path / "out" / "nitrobox_client").exists() == (code == 0)


def test_a_changed_spec_prints_the_report_writes_json_and_fails_on_breaking(
    tmp_path: Path,
) -> None:
    """Regenerating after an operation is removed and a field added prints both, grouped,
    writes the JSON report, still writes the package, and exits 3 with --fail-on-breaking."""
    openapi = tmp_path / "openapi"
    shutil.copytree(FIXTURES, openapi)
    shutil.copy(ROOT / "openapi" / "config.yml", openapi)
    out = tmp_path / "generated"
    assert _run("--openapi", openapi, "--output", out).returncode == 0
    order = yaml.safe_load((openapi / "order-api.yaml").read_text())
    del order["paths"]["/v2/orders/{orderIdent}/cancel"]
    order["components"]["schemas"]["Order"]["properties"]["note"] = {"type": "string"}
    (openapi / "order-api.yaml").write_text(yaml.safe_dump(order))
    changes = tmp_path / "report" / "changes.json"

    result = _run("--openapi", openapi, "--output", out, "--changes", changes, "--fail-on-breaking")

    assert result.returncode == 3, result.stderr
    assert "1 breaking, 1 compatible" in result.stdout
    assert "BREAKING (1):\n  - [operation-removed] nitrobox_client.api.orders.cancel_order" in (
        result.stdout
    )
    assert "COMPATIBLE (1):\n  - [response-field-added] nitrobox_client.models.Order.note" in (
        result.stdout
    )
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    major, minor, _ = version.split(".")
    assert f"suggested version bump: {version} → {major}.{int(minor) + 1}.0" in result.stdout
    assert "### Removed" in result.stdout
    assert json.loads(changes.read_text(encoding="utf-8")) == {
        "breaking": [
            {
                "kind": "operation-removed",
                "where": {
                    "symbol": "nitrobox_client.api.orders.cancel_order",
                    "operation": {
                        "operationId": "cancelOrder",
                        "method": "PUT",
                        "path": "/v2/orders/{orderIdent}/cancel",
                    },
                },
                "detail": "operation removed",
            }
        ],
        "compatible": [
            {
                "kind": "response-field-added",
                "where": {"symbol": "nitrobox_client.models.Order.note", "schema": "Order"},
                "detail": "field 'note' added",
            }
        ],
    }
    assert "exit status 3" in result.stderr
    # The package was still replaced, so the job can show what changed.
    assert not (out / "nitrobox_client" / "api" / "orders" / "cancel_order.py").exists()
