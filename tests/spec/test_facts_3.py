"""The spec against the third facts addendum (nitrobox-api-facts-3.md): the five documented
write operations R6..R10, the error shapes (R13), the amount (R14), the address (R15), option
pricing (R21), the required response fields with their evidence, and the cleanup table.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from spec_helpers import (
    FACTS_3_COPY,
    FACTS_3_FILE,
    OPENAPI_DIR,
    Operation,
    all_operations,
    deref,
    domain_files,
    facts_3_copy,
    facts_3_rows_from_markdown,
    load,
    schema_validator,
)

COPY = facts_3_copy()
FACTS = {row["id"]: row for row in COPY["facts"]}
BY_ID = {op.operation_id: op for op in all_operations()}
EXTRA_KEYS = ("operationIds", "new", "schemas", "note", "requiredIn")
NEW_ROWS = [row for row in COPY["facts"] if row.get("new")]
METHOD_PATH = re.compile(r"`(GET|POST|PUT|PATCH|DELETE) (/[^`?\s]+)[^`]*`")
# `name` ... **required** (or **int64 required**) up to the next `;` of the row's body text.
REQUIRED_FIELD = re.compile(r"`(\w+)`[^;`]*?\*\*(?:[\w ]+ )?required\*\*")
URL = re.compile(r"https://\S+")
BACKTICKED_CAPS = re.compile(r"`([A-Z][A-Z_]+)`")
# x-nitrobox-required: why a response field is required. `probe`: present in every answer of
# a probe report (scripts/apply_evidence.py).
BASES = {"identity", "documented", "client-code", "probe"}
# The cleanup table's status cell (its first words) -> x-nitrobox-cleanup.status.
CLEANUP_STATUS = {
    "no cleanup": "none",
    "API": "api",
    "portal": "portal",
    "path not seen": "path-not-seen",
    "unknown": "unknown",
    "title only": "title-only",
}
# Every resource answer and its identity fields (issue 22: the identity of every resource).
IDENTITY = {
    "Customer": {"customerIdent"},
    "Address": {"addressIdent"},
    "BillingGroup": {"billingGroupIdent"},
    "BillingGroupResponse": {"billingGroupIdent"},
    "Contract": {"contractIdent", "contractId"},
    "Document": {"ident"},
    "Option": {"optionIdent"},
    "Order": {"orderIdent"},
    "Plan": {"planId"},
    "Usage": {"usageIdent"},
}


def _schemas() -> dict[str, list[tuple[Path, dict[str, Any]]]]:
    """Every component schema by name, with the file that declares it."""
    found: dict[str, list[tuple[Path, dict[str, Any]]]] = {}
    for path in domain_files():
        for name, schema in load(path)["components"]["schemas"].items():
            found.setdefault(name, []).append((path, schema))
    return found


SCHEMAS = _schemas()


def _refs(document: dict[str, Any], node: Any, found: set[str]) -> None:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str):
            kind, name = ref.split("/")[2:4]
            if kind != "schemas":
                _refs(document, document["components"][kind][name], found)
            elif name not in found:
                found.add(name)
                _refs(document, document["components"]["schemas"][name], found)
        for value in node.values():
            _refs(document, value, found)
    elif isinstance(node, list):
        for value in node:
            _refs(document, value, found)


def _answer_and_request_schemas() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(file, schema) pairs reachable from the operations' answers, and from their bodies."""
    answers: set[tuple[str, str]] = set()
    requests: set[tuple[str, str]] = set()
    for path in domain_files():
        document = load(path)
        for op in (op for op in all_operations() if op.file == path.name):
            found: set[str] = set()
            _refs(document, op.spec.get("responses", {}), found)
            answers |= {(path.name, name) for name in found}
            found = set()
            _refs(document, op.spec.get("requestBody", {}), found)
            requests |= {(path.name, name) for name in found}
    return answers, requests


ANSWERS, REQUESTS = _answer_and_request_schemas()


def _request_schema(op: Operation) -> dict[str, Any]:
    document = load(OPENAPI_DIR / op.file)
    media = op.spec["requestBody"]["content"]["application/json"]
    return deref(document, media["schema"])  # type: ignore[no-any-return]


@pytest.mark.skipif(not FACTS_3_FILE.exists(), reason=f"no facts file at {FACTS_3_FILE}")
def test_copy_matches_facts_file() -> None:
    """openapi/facts-3-operations.yaml is still a verbatim copy of the addendum's tables."""
    tables = facts_3_rows_from_markdown(FACTS_3_FILE.read_text(encoding="utf-8"))
    copied = {
        name: [{k: v for k, v in row.items() if k not in EXTRA_KEYS} for row in rows]
        for name, rows in COPY.items()
    }
    assert copied == tables, f"re-copy the tables of {FACTS_3_FILE} into {FACTS_3_COPY.name}"


def test_markdown_parser_reads_the_three_kinds_of_table() -> None:
    """Fact, required and cleanup rows are read verbatim, an escaped bar stays in its cell."""
    text = (
        "| # | fact | source | strength |\n|---|---|---|---|\n| R1 | a `x\\|y` | u | docs |\n\n"
        "| schema | fields | evidence |\n|---|---|---|\n| S | `f` | R1 |\nprose\n"
        "| create | counterpart | status | source |\n|---|---|---|---|\n| c | d | API | s |\n"
    )
    assert facts_3_rows_from_markdown(text) == {
        "facts": [{"id": "R1", "fact": "a `x\\|y`", "source": "u", "strength": "docs"}],
        "required": [{"schema": "S", "fields": "`f`", "evidence": "R1"}],
        "cleanup": [{"create": "c", "counterpart": "d", "status": "API", "source": "s"}],
    }


def test_new_rows_are_the_five_documented_writes() -> None:
    """R6..R10 add one operation each (the settlement item, R11, has no visible path)."""
    assert [row["id"] for row in NEW_ROWS] == ["R6", "R7", "R8", "R9", "R10"]
    assert FACTS["R11"]["operationIds"] == []
    assert "path not visible" in FACTS["R11"]["fact"]


@pytest.mark.parametrize("row", NEW_ROWS, ids=[row["id"] for row in NEW_ROWS])
def test_new_operation_follows_its_row(row: dict[str, Any]) -> None:
    """The row's method and path (R10's `…` is the merchant-account path), documented, with the
    row's first URL as its source, a write whose body is required."""
    [op] = [BY_ID[op_id] for op_id in row["operationIds"]]
    stated = METHOD_PATH.search(row["fact"])
    assert stated is not None
    assert (op.method.upper(), op.path) == (stated.group(1), stated.group(2))
    assert op.spec["x-nitrobox-provenance"] == "documented"
    assert op.spec["x-nitrobox-source"] == URL.findall(row["source"])[0]
    assert op.spec["requestBody"]["required"] is True


@pytest.mark.parametrize("row", NEW_ROWS, ids=[row["id"] for row in NEW_ROWS])
def test_request_required_fields_are_the_rows(row: dict[str, Any]) -> None:
    """Exactly the body fields the row marks **required** are required in the request schema."""
    [op] = [BY_ID[op_id] for op_id in row["operationIds"]]
    body = row["fact"].split("Body:", 1)[1]
    stated = set(REQUIRED_FIELD.findall(body))
    schema = _request_schema(op)
    assert set(schema.get("required", [])) == stated
    assert stated <= set(schema["properties"])


@pytest.mark.parametrize("row_id", ["R6", "R7", "R8"])
def test_request_enums_hold_the_rows_values(row_id: str) -> None:
    """Every upper-case value the row lists is in an enum of the request body."""
    row = FACTS[row_id]
    schema = _request_schema(BY_ID[row["operationIds"][0]])
    enums = {value for prop in schema["properties"].values() for value in prop.get("enum", [])}
    values = set(BACKTICKED_CAPS.findall(row["fact"]))
    assert values
    assert values <= enums


def test_status_codes_follow_the_rows() -> None:
    """201 where the row lists it; 201 and 200 (the convention) where the code was not visible."""
    for row in NEW_ROWS:
        op = BY_ID[row["operationIds"][0]]
        success = sorted(code for code in op.spec["responses"] if str(code).startswith("2"))
        visible = "Response code not visible" not in row["fact"]
        assert success == (["201"] if visible else ["200", "201"]), str(op)
        assert all("content" not in op.spec["responses"][code] for code in success)


def test_newer_error_shape_beside_the_classic_one() -> None:
    """R13: CommonError requires its five fields, GlobalErrorResponse only status and
    timestamp; ClientError is allOf CommonError; R10's page wording picks CommonError."""
    document = load(OPENAPI_DIR / "payment-api.yaml")
    schemas = document["components"]["schemas"]
    assert set(schemas["CommonError"]["required"]) == {
        "errors",
        "message",
        "path",
        "status",
        "timestamp",
    }
    assert schemas["ClientError"]["allOf"] == [{"$ref": "#/components/schemas/CommonError"}]
    assert not any(p.get("nullable") for p in schemas["CommonError"]["properties"].values())
    for path, schema in SCHEMAS["GlobalErrorResponse"]:
        assert schema["required"] == ["status", "timestamp"], path.name
    op = BY_ID[FACTS["R10"]["operationIds"][0]]
    assert '"Client error"' in FACTS["R10"]["fact"]
    for code, name in (("4XX", "ClientError"), ("5XX", "CommonError")):
        response = deref(document, op.spec["responses"][code])
        assert response["content"]["application/json"]["schema"]["$ref"].endswith(name)
    validator = schema_validator(document, schemas["ClientError"])
    assert validator.is_valid(schemas["CommonError"]["example"])
    assert not validator.is_valid({"status": "BAD_REQUEST", "timestamp": "t"})


def test_amount_requires_amount_and_currency() -> None:
    """R14: the amount schema (Money here, in every file) requires both fields, and the
    allowance's fixed amount is one."""
    for path, schema in SCHEMAS["Money"]:
        assert schema["required"] == ["amount", "currency"], path.name
    allowance = _request_schema(BY_ID["createAllowance"])
    assert allowance["properties"]["fixedAmount"]["allOf"] == [
        {"$ref": "#/components/schemas/Money"}
    ]


def test_address_carries_server_id_and_client_ident() -> None:
    """R15: the address answer declares the server's int64 `addressId` (not required: its
    presence is not stated) beside the required `addressIdent` and `addressType`."""
    [(_, address)] = SCHEMAS["Address"]
    assert address["properties"]["addressId"]["format"] == "int64"
    assert "addressId" not in address["required"]
    assert {"addressIdent", "addressType"} <= set(address["required"])


def test_option_pricing_as_the_staff_code_reads_it() -> None:
    """R21: `pricingGroups` or `priceTiers` at the top (neither required); inside a branch the
    fields read without a default are required, those read with one are not."""
    [(_, option)] = SCHEMAS["Option"]
    assert {"pricingGroups", "priceTiers"} <= set(option["properties"])
    assert not {"pricingGroups", "priceTiers", "quantityType", "optionName", "name"} & set(
        option["required"]
    )
    [(_, tier)] = SCHEMAS["OptionPriceTier"]
    assert "type" not in tier["required"]
    [(_, price)] = SCHEMAS["OptionPrice"]
    assert price["required"] == ["amount"]


@pytest.mark.parametrize(
    "row", [r for r in COPY["required"] if r["requiredIn"]], ids=lambda r: str(r["schema"])
)
def test_required_rows_are_required(row: dict[str, Any]) -> None:
    """Each field a row of "Required response fields" supports is required where it maps, and
    every name mapped appears in the row."""
    for name, fields in row["requiredIn"].items():
        assert SCHEMAS[name], name
        for path, schema in SCHEMAS[name]:
            assert set(fields) <= set(schema.get("required", [])), (path.name, name)
        for field in fields:
            assert field in row["fields"], f"{field} is not in the row"


def test_every_required_answer_field_has_its_evidence() -> None:
    """An answer schema's `required` and its `x-nitrobox-required` name the same fields, each
    with a basis and a source URL; request-only schemas carry no x-nitrobox-required."""
    checked = 0
    for path in domain_files():
        for name, schema in load(path)["components"]["schemas"].items():
            evidence = schema.get("x-nitrobox-required", {})
            if (path.name, name) not in ANSWERS:
                assert not evidence, f"{path.name}: {name} is no answer"
                continue
            assert set(evidence) == set(schema.get("required", [])), f"{path.name}: {name}"
            for field, entry in evidence.items():
                assert entry["basis"] in BASES, (name, field)
                # A probe's source names its report (`nitrobox probe, stage, <date>, spec
                # sha256:...`); every other source is a URL.
                if entry["basis"] != "probe":
                    assert entry["source"].startswith("https://"), (name, field)
                assert entry["source"], (name, field)
                assert field in schema["properties"], (name, field)
                checked += 1
    assert checked >= 30


def test_identity_fields_are_required_plain_values() -> None:
    """Each resource's identity fields are required, non-null strings or integers, with the
    basis `identity` (or stronger evidence)."""
    for name, fields in IDENTITY.items():
        for path, schema in SCHEMAS[name]:
            assert (path.name, name) in ANSWERS
            for field in fields:
                prop = deref(load(path), schema["properties"][field])
                assert field in schema["required"], (name, field)
                assert prop["type"] in ("string", "integer"), (name, field)
                assert not prop.get("nullable"), (name, field)


def test_request_schemas_gained_no_required_field_from_answers() -> None:
    """Schemas used in requests are unaffected: none of them has x-nitrobox-required."""
    for file, name in REQUESTS - ANSWERS:
        schema = load(OPENAPI_DIR / file)["components"]["schemas"][name]
        assert "x-nitrobox-required" not in schema, (file, name)


def _creates() -> list[Operation]:
    """Every POST that is not an action: each creates (or may create) a record."""
    return [op for op in BY_ID.values() if op.method == "post" and "/actions/" not in op.path]


@pytest.mark.parametrize("op", _creates(), ids=lambda op: op.operation_id)
def test_every_create_says_how_it_is_cleaned_up(op: Operation) -> None:
    """x-nitrobox-cleanup: a status, the operations that remove or end the record (only for
    `api` and `title-only`), and why."""
    cleanup = op.spec["x-nitrobox-cleanup"]
    assert cleanup["status"] in set(CLEANUP_STATUS.values())
    assert all(op_id in BY_ID for op_id in cleanup["operationIds"])
    assert bool(cleanup["operationIds"]) == (cleanup["status"] in ("api", "title-only"))
    assert len(cleanup["note"]) > 10


@pytest.mark.parametrize("row", COPY["cleanup"], ids=lambda row: str(row["create"]))
def test_cleanup_follows_the_table(row: dict[str, Any]) -> None:
    """Each create the cleanup table names points back at its row, with the row's status;
    title-only counterparts are inferred operations."""
    status = next(v for k, v in CLEANUP_STATUS.items() if row["status"].startswith(k))
    for op_id in row["operationIds"]:
        cleanup = BY_ID[op_id].spec["x-nitrobox-cleanup"]
        assert cleanup["factsRow"] == row["create"], op_id
        assert cleanup["status"] == status, op_id
        if status == "title-only":
            assert all(
                BY_ID[c].spec["x-nitrobox-provenance"] == "inferred"
                for c in cleanup["operationIds"]
            )
            assert all(BY_ID[c].method == "delete" for c in cleanup["operationIds"])


def test_every_factsrow_names_a_row() -> None:
    """No x-nitrobox-cleanup cites a row the table does not have, and each row's operations
    are the ones citing it."""
    rows = {row["create"]: set(row["operationIds"]) for row in COPY["cleanup"]}
    citing: dict[str, set[str]] = {}
    for op in _creates():
        row = op.spec["x-nitrobox-cleanup"].get("factsRow")
        if row is not None:
            citing.setdefault(row, set()).add(op.operation_id)
    assert citing == {k: v for k, v in rows.items() if v}


def test_contract_cleanup_starts_with_terminate() -> None:
    """The record a probe can always end: a contract, by the first operation named."""
    cleanup = BY_ID["createContract"].spec["x-nitrobox-cleanup"]
    assert cleanup["operationIds"][0] == "terminateContract"
    assert (
        "terminate"
        in next(r for r in COPY["cleanup"] if r["create"] == "`POST /v2/contracts`")["counterpart"]
    )
