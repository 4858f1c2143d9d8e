"""The spec against the facts addendum (nitrobox-api-facts-2.md): new operations, moved paths,
answer fields, provenance and sources, and each contradiction C2..C9 resolved as the evidence says.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from spec_helpers import (
    FACTS_2_COPY,
    FACTS_2_FILE,
    Operation,
    all_operations,
    deref,
    domain_files,
    facts_2_copy_rows,
    facts_2_rows_from_markdown,
    facts_3_copy,
    facts_copy_rows,
    load,
    schema_validator,
    walk,
)

ROWS = facts_2_copy_rows()
BY_ROW = {row["id"]: row for row in ROWS}
BY_ID = {op.operation_id: op for op in all_operations()}
EXTRA_KEYS = ("operationIds", "new", "answerFields", "note")
# The addendum's two client-code sources, as its source cells abbreviate them.
REPOSITORIES = {
    "demo": "tobjohnbx/demo-mobile-charging",
    "widget": "sagIoTPower/cumulocity-nitrobox-widget",
}
METHOD_PATH = re.compile(r"`(GET|POST|PUT|PATCH|DELETE) (/[^`?\s]+)[^`]*`")
SOURCE_CELL = re.compile(r"^(demo|widget) `([^`]+)`")
BACKTICKED = re.compile(r"`([^`]+)`")
OPERATION_ROWS = [row for row in ROWS if row["operationIds"]]


def _ops(row: dict[str, Any]) -> list[Operation]:
    return [BY_ID[op_id] for op_id in row["operationIds"]]


def _claim(row: dict[str, Any]) -> str:
    """The cell that states the fact: `fact` for N rows, `evidence` for C rows."""
    return str(row.get("fact", row.get("evidence", "")))


def _document(op: Operation) -> dict[str, Any]:
    return load(Path(__file__).resolve().parents[2] / "openapi" / op.file)


def _answer_schema(op: Operation) -> Any:
    document = _document(op)
    for status, response in op.spec["responses"].items():
        if str(status).startswith("2"):
            media = deref(document, response).get("content", {}).get("application/json")
            if media:
                return deref(document, media["schema"])
    raise AssertionError(f"{op} has no JSON 2xx answer")


def _has_path(document: dict[str, Any], schema: Any, path: str) -> bool:
    """`a[].b.c`: the schema declares property a as an array whose items declare b, ..."""
    node = deref(document, schema)
    for part in re.findall(r"\[\]|[^.\[\]]+", path):
        if part == "[]":
            if node.get("type") != "array":
                return False
            node = deref(document, node["items"])
            continue
        merged = dict(node.get("properties", {}))
        for sub in node.get("allOf", []):
            merged.update(deref(document, sub).get("properties", {}))
        if part not in merged:
            return False
        node = deref(document, merged[part])
    return True


@pytest.mark.skipif(not FACTS_2_FILE.exists(), reason=f"no facts file at {FACTS_2_FILE}")
def test_copy_matches_facts_file() -> None:
    """openapi/facts-2-operations.yaml is still a verbatim copy of the addendum's tables."""
    table = facts_2_rows_from_markdown(FACTS_2_FILE.read_text(encoding="utf-8"))
    copied = [{k: v for k, v in row.items() if k not in EXTRA_KEYS} for row in ROWS]
    assert copied == table, f"re-copy the tables of {FACTS_2_FILE} into {FACTS_2_COPY.name}"


def test_markdown_parser_reads_both_tables() -> None:
    """Both tables are read verbatim; text between and after them is not."""
    text = (
        "| # | fact | source |\n|---|---|---|\n| N1 | a `x` | https://x.io |\n\nprose\n"
        "| # | element | `openapi/` today | evidence |\n|---|---|---|---|\n| C1 | e | t | v |\n"
        "\nMissing operations: N2.\n"
    )
    assert facts_2_rows_from_markdown(text) == [
        {"id": "N1", "fact": "a `x`", "source": "https://x.io"},
        {"id": "C1", "element": "e", "today": "t", "evidence": "v"},
    ]


def test_every_operation_belongs_to_one_row_of_the_two_tables() -> None:
    """The first table's rows and the addenda's new-operation rows cover every operation once
    (this addendum adds three; tests/spec/test_facts_3.py checks the third addendum's)."""
    first = [op_id for row in facts_copy_rows() for op_id in row["operationIds"]]
    added = [op_id for row in ROWS if row.get("new") for op_id in row["operationIds"]]
    third = [
        op_id for row in facts_3_copy()["facts"] if row.get("new") for op_id in row["operationIds"]
    ]
    assert sorted(first + added + third) == sorted(BY_ID)
    assert len(added) == len(set(added)) == 3


@pytest.mark.skipif(not FACTS_2_FILE.exists(), reason=f"no facts file at {FACTS_2_FILE}")
def test_new_rows_are_the_missing_operations() -> None:
    """The rows marked new are exactly the addendum's "Missing operations" list."""
    text = FACTS_2_FILE.read_text(encoding="utf-8")
    missing = re.search(r"Missing operations: ([N0-9, ]+)\.", text)
    assert missing is not None
    assert [row["id"] for row in ROWS if row.get("new")] == missing.group(1).split(", ")


@pytest.mark.parametrize("row", OPERATION_ROWS, ids=[row["id"] for row in OPERATION_ROWS])
def test_method_and_path_follow_the_evidence(row: dict[str, Any]) -> None:
    """The first `METHOD /path` a row states is its first operation's method and path."""
    stated = METHOD_PATH.search(_claim(row))
    if stated is None:
        return
    op = _ops(row)[0]
    assert (op.method.upper(), op.path) == (stated.group(1), stated.group(2))


def test_every_stated_method_and_path_is_checked() -> None:
    """The rows that state a method and path are the ones the test above pins down."""
    stated = [row["id"] for row in OPERATION_ROWS if METHOD_PATH.search(_claim(row))]
    assert stated == ["N2", "N4", "N5", "N8", "N9", "N10", "N11", "C3", "C4", "C6"]


@pytest.mark.parametrize("row_id", ["C4", "C5"])
def test_contradicted_paths_are_gone(row_id: str) -> None:
    """A path the `today` cell says the spec had, and the evidence does not name, is gone
    (`/x...` means every path below /x)."""
    row = BY_ROW[row_id]
    evidence = {m.split(" ")[-1] for m in BACKTICKED.findall(row["evidence"])}
    today = [m.split(" ")[-1] for m in BACKTICKED.findall(row["today"]) if "/" in m]
    wrong = [path for path in today if path not in evidence]
    assert wrong
    paths = {op.path for op in BY_ID.values()}
    for old in wrong:
        if old.endswith("..."):
            assert all(not path.startswith(old[:-3]) for path in paths), old
        else:
            assert old not in paths


def test_plans_list_query_answers_a_plain_array() -> None:
    """C3/N10: the query at `GET /v2/plans` is the one that answers a plain list."""
    op = next(op for op in _ops(BY_ROW["C3"]) if (op.method, op.path) == ("get", "/v2/plans"))
    assert _answer_schema(op)["type"] == "array"
    assert "plain" in BY_ROW["N10"]["fact"]
    # "`/v2/plans/unpaged` has no support": no operation keeps that path
    assert "`/v2/plans/unpaged` has no support" in BY_ROW["C3"]["evidence"]
    assert "/v2/plans/unpaged" not in {op.path for op in BY_ID.values()}


def test_moved_debtor_family_lives_under_the_evidence_prefix() -> None:
    """C5: every debtor operation is under `/v2/debtors` and says that this is an inference."""
    prefix = BACKTICKED.search(BY_ROW["C5"]["evidence"])
    assert prefix is not None
    for op in _ops(BY_ROW["C5"]):
        assert op.path.startswith(prefix.group(1).rstrip(".")), str(op)
        assert op.spec["x-nitrobox-provenance"] == "inferred", str(op)
        assert "inference" in op.spec["x-nitrobox-inferred"], str(op)


@pytest.mark.parametrize("row", OPERATION_ROWS, ids=[row["id"] for row in OPERATION_ROWS])
def test_client_code_rows_give_provenance_and_source(row: dict[str, Any]) -> None:
    """An operation whose method and path the staff demo or the widget shows is `client-code`,
    sourced to that repository and one of the files the row names."""
    source = SOURCE_CELL.match(str(row.get("source", "")))
    stated = METHOD_PATH.search(_claim(row))
    if source is None or stated is None:
        return
    op = _ops(row)[0]
    files = BACKTICKED.findall(row["source"])
    assert op.spec["x-nitrobox-provenance"] == "client-code", str(op)
    assert op.spec["x-nitrobox-source"] == f"https://github.com/{REPOSITORIES[source.group(1)]}"
    assert op.spec["x-nitrobox-source-path"] in files


@pytest.mark.skipif(not FACTS_2_FILE.exists(), reason=f"no facts file at {FACTS_2_FILE}")
def test_repositories_are_the_ones_the_addendum_names() -> None:
    """The abbreviations above stand for repositories the addendum names."""
    text = FACTS_2_FILE.read_text(encoding="utf-8")
    assert all(f"`{repo}`" in text for repo in REPOSITORIES.values())


def test_every_source_path_names_a_file_of_a_known_repository() -> None:
    """Every `x-nitrobox-source-path` sits beside a source that is one of the two repositories,
    and names a file one of the addendum's source cells names."""
    files = {name for row in ROWS for name in BACKTICKED.findall(str(row.get("source", "")))}
    basenames = {name.rsplit("/", 1)[-1] for name in files}
    repos = {f"https://github.com/{repo}" for repo in REPOSITORIES.values()}
    seen = 0
    for path in domain_files():
        for pointer, node in walk(load(path)):
            if isinstance(node, dict) and "x-nitrobox-source-path" in node:
                seen += 1
                where = f"{path.name}{pointer}"
                assert node.get("x-nitrobox-source") in repos, where
                assert node["x-nitrobox-source-path"].rsplit("/", 1)[-1] in basenames, where
    assert seen > 0


@pytest.mark.parametrize(
    "row", [r for r in ROWS if r.get("answerFields")], ids=lambda r: str(r["id"])
)
def test_answer_fields_are_declared(row: dict[str, Any]) -> None:
    """Each answer field a row names is declared in the answer schema of its operation, and
    every name in the path appears in the row's text."""
    op = _ops(row)[0]
    schema = _answer_schema(op)
    for field in row["answerFields"]:
        assert _has_path(_document(op), schema, field), f"{op}: {field}"
        for name in re.findall(r"[A-Za-z]+", field):
            assert name in _claim(row), f"{field}: {name} is not in the row's text"


def test_direction_takes_both_cases() -> None:
    """C2: the staff code's `DESC` and the earlier `asc`/`desc` are valid directions."""
    values = BACKTICKED.findall(BY_ROW["C2"]["evidence"] + BY_ROW["C2"]["today"])
    values = [value for value in values if value.isalpha()]
    assert {"DESC", "asc", "desc"} <= set(values)
    for path in domain_files():
        document = load(path)
        schema = document["components"]["schemas"]["SortDirection"]
        validator = schema_validator(document, schema)
        for value in (*values, *(value.swapcase() for value in values)):
            assert validator.is_valid(value), (path.name, value)
        assert not validator.is_valid("sideways")


def test_credit_billable_item_conflict_is_flagged_not_flipped() -> None:
    """C7/N14: still deprecated, with the conflicting changelog entry named in the spec."""
    op = _ops(BY_ROW["C7"])[0]
    assert op.spec["deprecated"] is True
    conflict = op.spec["x-nitrobox-conflict"]
    assert conflict["againstSource"] == BY_ROW["N14"]["source"]
    assert "deprecated" in conflict["against"]
    assert "onflicting evidence" in op.spec["description"]


def test_usage_contract_id_accepts_a_string_of_digits_as_an_inference() -> None:
    """C8/N6: `contractId` may be sent as the staff code sends it, and says it is inferred."""
    document = load(Path(__file__).resolve().parents[2] / "openapi" / "usage-api.yaml")
    request = document["components"]["schemas"]["UsageCreateRequest"]
    field = request["properties"]["contractId"]
    assert "inference" in BY_ROW["N6"]["fact"]
    assert field.get("x-nitrobox-inferred")
    validator = schema_validator(document, field)
    for ok in (2118902, "2118902", None):
        assert validator.is_valid(ok), ok
    for bad in ("21189x2", "", 1.5):
        assert not validator.is_valid(bad), bad


def test_unit_quantity_type_names_pc() -> None:
    """N6: `PC` is a unit the spec names, and an example sends it."""
    document = load(Path(__file__).resolve().parents[2] / "openapi" / "usage-api.yaml")
    units = document["components"]["schemas"]["UnitQuantity"]["properties"]["unitQuantityType"]
    assert "`PC`" in units["description"]
    examples = document["paths"]["/v2/usages"]["post"]["requestBody"]["content"][
        "application/json"
    ]["examples"]
    sent = [q["unitQuantityType"] for e in examples.values() for q in e["value"]["unitQuantities"]]
    assert "PC" in sent


def test_property_items_have_the_seen_names() -> None:
    """C9/N3: `Property` declares the two field names the staff code reads, in every file."""
    names = set(BACKTICKED.findall(BY_ROW["C9"]["evidence"]))
    assert names == {"propertyIdent", "propertyValue"}
    for path in domain_files():
        properties = load(path)["components"]["schemas"]["Property"]["properties"]
        assert names <= set(properties), path.name


def test_new_notification_is_a_webhook() -> None:
    """N16: every event the row names in backticks is an x-webhooks entry somewhere."""
    events = [e for e in BACKTICKED.findall(BY_ROW["N16"]["fact"]) if "." in e]
    assert events == ["documentAttachment.archived"]
    webhooks = {event for path in domain_files() for event in load(path).get("x-webhooks", {})}
    assert set(events) <= webhooks


def test_performance_status_is_described_not_invented() -> None:
    """N13: the contract answer mentions the performance status but declares no field for it."""
    contract = _answer_schema(_ops(BY_ROW["N13"])[0])
    assert "performance status" in contract["description"]
    assert not any("perform" in name.lower() for name in contract["properties"])
