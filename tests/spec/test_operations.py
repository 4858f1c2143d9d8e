"""Rules every operation follows: ids, tags, provenance, error responses, deprecation, paging."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest
from spec_helpers import (
    PROVENANCE_KINDS,
    Operation,
    all_operations,
    deref,
    domain_files,
    load,
    operations_of,
)

OPERATIONS = all_operations()
IDS = [op.operation_id for op in OPERATIONS]
# The five operationIds verified in the docs' front-matter; the others are camelCased slugs.
VERIFIED_IDS = {
    "createPlan_v2",
    "getAllPlans_v2",
    "queryContracts",
    "reissuedocument",
    "updateOption_v2",
}
# The operations whose published page answers the newer "Client error" / "Server error".
COMMON_ERROR_OPERATIONS = {"createMerchantPaymentAccountAssignmentConfiguration"}
CAMEL_CASE = re.compile(r"^[a-z][a-zA-Z0-9]*(_v[0-9]+)?$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PAGING = ["search", "page", "size", "orderBy", "direction"]


def test_all_operations_are_present() -> None:
    """The nine files hold the 66 operations of the facts table, the second addendum's three
    and the third addendum's five."""
    assert len(OPERATIONS) == 74


def test_operation_ids_unique_across_files() -> None:
    """No operationId repeats anywhere, so the bundle and the generated modules cannot clash."""
    duplicates = [name for name, count in Counter(IDS).items() if count > 1]
    assert duplicates == []


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_operation_id_is_camel_case(op: Operation) -> None:
    """operationIds are camelCase (with Nitrobox's `_vN` suffix) or one of the verified ones."""
    assert op.operation_id in VERIFIED_IDS or CAMEL_CASE.match(op.operation_id), str(op)


def test_verified_operation_ids_are_used_verbatim() -> None:
    """The operationIds seen in Nitrobox's own files appear exactly as written there."""
    assert set(IDS) >= VERIFIED_IDS


@pytest.mark.parametrize("path", domain_files(), ids=lambda p: p.name)
def test_tags_are_declared_and_used(path: Path) -> None:
    """Every operation has tags declared at the top of its file, and every declared tag is used."""
    declared = [tag["name"] for tag in load(path)["tags"]]
    used = set()
    for op in operations_of(path):
        assert op.spec.get("tags"), f"{op} has no tag"
        assert set(op.spec["tags"]) <= set(declared), f"{op} uses an undeclared tag"
        used.update(op.spec["tags"])
    assert used == set(declared)


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_provenance_and_source(op: Operation) -> None:
    """Each operation says how it is known and where from; inferred ones say what was assumed."""
    # `probe`: confirmed against a tenant by scripts/apply_evidence.py, with its date.
    if op.spec.get("x-nitrobox-provenance") == "probe":
        assert op.spec.get("x-nitrobox-probed"), str(op)
    else:
        assert op.spec.get("x-nitrobox-provenance") in PROVENANCE_KINDS, str(op)
    assert str(op.spec.get("x-nitrobox-source", "")).startswith("https://"), str(op)
    if op.spec["x-nitrobox-provenance"] == "inferred":
        assert len(str(op.spec.get("x-nitrobox-inferred", ""))) > 20, f"{op}: say why"


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_error_and_success_responses(op: Operation) -> None:
    """4XX and 5XX answer with GlobalErrorResponse, or with the newer CommonError where the
    operation's page shows it (facts 3, R13); at least one 2xx answer is declared."""
    responses = op.spec["responses"]
    style = "Common_" if op.operation_id in COMMON_ERROR_OPERATIONS else ""
    assert responses["4XX"] == {"$ref": f"#/components/responses/4XX_{style}Client_Error_Response"}
    assert responses["5XX"] == {"$ref": f"#/components/responses/5XX_{style}Server_Error_Response"}
    assert any(re.fullmatch(r"2\d\d", str(code)) for code in responses), str(op)


@pytest.mark.parametrize("op", OPERATIONS, ids=IDS)
def test_deprecation_dates(op: Operation) -> None:
    """Sunset and deprecated-since dates only on deprecated operations, ISO dates, in order."""
    since = op.spec.get("x-nitrobox-deprecated-since")
    sunset = op.spec.get("x-nitrobox-sunset")
    if since is None and sunset is None:
        return
    assert op.spec.get("deprecated") is True, str(op)
    assert ISO_DATE.match(str(since)), str(op)
    assert ISO_DATE.match(str(sunset)), str(op)
    assert datetime.date.fromisoformat(since) < datetime.date.fromisoformat(sunset)


def test_documented_deprecations() -> None:
    """The deprecations the docs date are carried with those dates."""
    by_id = {op.operation_id: op.spec for op in OPERATIONS}
    expected = {
        "updateDebtor": ("2024-07-29", "2025-07-29"),
        "queryContracts": ("2024-09-16", "2025-10-01"),
        "getAllPlans_v2": ("2024-12-20", "2026-01-01"),
        "createCreditBillableItem": ("2024-12-19", "2026-01-01"),
    }
    for op_id, (since, sunset) in expected.items():
        spec = by_id[op_id]
        assert spec["deprecated"] is True
        assert (spec["x-nitrobox-deprecated-since"], spec["x-nitrobox-sunset"]) == (since, sunset)


def _parameter_names(op: Operation) -> list[str]:
    document = load(Path(__file__).parents[2] / "openapi" / op.file)
    path_item = document["paths"][op.path]
    params = [*path_item.get("parameters", []), *op.spec.get("parameters", [])]
    return [deref(document, param)["name"] for param in params]


PAGED = [op for op in OPERATIONS if "page" in _parameter_names(op)]


def test_paged_queries_exist() -> None:
    """The paged queries are found (so the envelope tests below check something)."""
    assert len(PAGED) == 7


@pytest.mark.parametrize("op", PAGED, ids=[op.operation_id for op in PAGED])
def test_paged_query_parameters_and_envelope(op: Operation) -> None:
    """A paged GET takes search/page/size/orderBy/direction and answers the one envelope."""
    document = load(Path(__file__).parents[2] / "openapi" / op.file)
    assert op.method == "get"
    assert [name for name in _parameter_names(op) if name in PAGING] == PAGING
    schema = deref(document, op.spec["responses"]["200"]["content"]["application/json"]["schema"])
    assert set(schema["properties"]) == {"_embedded", "pageInfo"}
    assert "required" not in schema
    assert schema["properties"]["_embedded"]["type"] == "array"
    assert schema["properties"]["_embedded"]["x-nitrobox-provenance"] == "client-code"
    assert "demo-mobile-charging" in schema["properties"]["_embedded"]["x-nitrobox-source"]
    assert schema["properties"]["pageInfo"] == {"$ref": "#/components/schemas/PageInfo"}
    assert schema["additionalProperties"] is True
    assert "x-nitrobox-inferred" in schema


def test_paging_parameter_limits() -> None:
    """page starts at 0, size is at most 100, direction is asc or desc."""
    components = load(domain_files()[0])["components"]
    params = components["parameters"]
    assert params["page"]["schema"]["minimum"] == 0
    assert params["size"]["schema"]["maximum"] == 100
    # the staff demo sends upper case, the RSQL docs page lower case (facts-2 C2)
    assert components["schemas"]["SortDirection"]["enum"] == ["asc", "desc", "ASC", "DESC"]
