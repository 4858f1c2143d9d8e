"""scripts/provenance_counts.py counts the bundle's operations as docs/spec.md quotes them."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from generated_helpers import ROOT, bundled_spec, load_script_module

provenance_counts = load_script_module("provenance_counts")


def test_counts_of_the_bundle_match_the_user_docs() -> None:
    """The "after" column of docs/spec.md's before/after table is the bundle's count."""
    found = provenance_counts.counts(bundled_spec())
    text = (ROOT / "docs" / "spec.md").read_text(encoding="utf-8")
    after = dict(re.findall(r"^\| ([a-z-]+) \| \d+ \| (\d+) \|$", text, re.M))
    assert {kind: int(count) for kind, count in after.items()} == {
        **{kind: found[kind] for kind in provenance_counts.KINDS},
        "total": found.total(),
    }
    assert "missing" not in found


def test_operation_without_provenance_is_counted_as_missing() -> None:
    bundle = {"paths": {"/a": {"get": {}, "post": {"x-nitrobox-provenance": "inferred"}}}}
    assert dict(provenance_counts.counts(bundle)) == {"missing": 1, "inferred": 1}


def test_main_prints_a_markdown_table(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bundle.json"
    path.write_text('{"paths": {"/a": {"get": {"x-nitrobox-provenance": "documented"}}}}')
    assert provenance_counts.main([str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[2:7] == [
        "| `documented` | 1 |",
        "| `client-code` | 0 |",
        "| `probe` | 0 |",
        "| `inferred` | 0 |",
        "| total | 1 |",
    ]
    assert lines[-1] == "Required response fields: 0 in 0 schemas"


def test_required_response_fields_counts_answers_only() -> None:
    """Schemas an operation answers with (nested, through responses and $refs) count; a
    request body's required fields do not."""
    bundle = {
        "paths": {
            "/a": {
                "post": {
                    "requestBody": {"$ref": "#/components/schemas/Req"},
                    "responses": {
                        "200": {"$ref": "#/components/responses/Ok"},
                        "4XX": {
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Err"}}
                            }
                        },
                    },
                }
            }
        },
        "components": {
            "responses": {
                "Ok": {
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}
                }
            },
            "schemas": {
                "Req": {"required": ["x"]},
                "A": {
                    "required": ["aIdent"],
                    "properties": {"b": {"$ref": "#/components/schemas/B"}},
                },
                "B": {"required": ["n", "m"]},
                "Err": {"required": ["status"]},
            },
        },
    }
    assert provenance_counts.required_response_fields(bundle) == {
        "A": ["aIdent"],
        "B": ["n", "m"],
        "Err": ["status"],
    }


def test_required_response_fields_match_the_user_docs() -> None:
    """docs/spec.md quotes the bundle's number of required response fields ("after")."""
    required = provenance_counts.required_response_fields(bundled_spec())
    text = (ROOT / "docs" / "spec.md").read_text(encoding="utf-8")
    quoted = re.search(r"^\| required response fields \| \d+ \| (\d+) \|$", text, re.M)
    assert quoted is not None
    assert int(quoted.group(1)) == sum(len(fields) for fields in required.values())


def test_probe_is_a_dated_level(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """apply_evidence.py's level: counted, and its dates listed under the table."""
    probed = {"x-nitrobox-provenance": "probe", "x-nitrobox-probed": "2026-12-03"}
    bundle = {
        "paths": {
            "/a": {"get": probed, "put": probed, "post": {"x-nitrobox-provenance": "inferred"}}
        }
    }
    assert dict(provenance_counts.counts(bundle)) == {"probe": 2, "inferred": 1}
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle))
    assert provenance_counts.main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "| `probe` | 2 |" in out
    assert "Probed: 2026-12-03 (2)" in out
