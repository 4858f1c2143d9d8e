"""State: one numeric-id sequence per kind, upserts that keep the id, business segments of a
billing group in the segment listing, snapshot/restore, seed data (``Sandbox.load``), and
pages served from the store's indexes (same answers as a full scan)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from nitrobox_sandbox import Sandbox, SandboxConfigError, SeedError, Snapshot

NewCustomer = Callable[..., httpx.Response]
ADDRESS = {"addressType": "INVOICE", "country": "DE", "city": "Hamburg"}
DATE = "2025-01-15T10:00:00Z"


def customer(ident: str, **fields: Any) -> dict[str, Any]:
    return {"customerIdent": ident, "addresses": [dict(ADDRESS)], **fields}


def contract(ident: str, debtor: str) -> dict[str, Any]:
    return {"contractIdent": ident, "debtorIdent": debtor, "date": DATE}


def idents(page: httpx.Response, field: str = "customerIdent") -> list[str]:
    assert page.status_code == 200, page.text
    return [item[field] for item in page.json()["_embedded"]]


# -- numbering ---------------------------------------------------------------------------


def test_each_kind_is_numbered_from_1(api: httpx.Client, new_customer: NewCustomer) -> None:
    """The first contract is contractId 1 and the first invoice INV-000001, however many
    customers and addresses were numbered before them."""
    for ident in ("C-1", "C-2", "C-3"):
        assert new_customer(ident).status_code == 201
    assert api.get("/v2/customers/C-3").json()["debtorId"] == 3
    first = api.post("/v2/contracts", json=contract("K-1", "C-2"))
    assert first.status_code == 201, first.text
    assert first.json()["contractId"] == 1
    assert api.post("/v2/contracts", json=contract("K-2", "C-3")).json()["contractId"] == 2
    run = api.post("/v2/billingrun", json={"processingDate": "2025-12-31T00:00:00Z"})
    assert run.status_code == 200, run.text
    documents = idents(api.get("/v2/documents", params={"direction": "asc"}), "ident")
    assert documents == ["INV-000001", "INV-000002"]


def test_an_upsert_keeps_the_record_and_its_id(api: httpx.Client) -> None:
    """createOrUpdate... on a stored ident amends that record: same numeric id each time."""
    path = "/v2/configurations/address-validation"
    created = api.post(path, json={"addressValidationIdent": "AV-1"})
    assert created.status_code == 201, created.text
    number = created.json()["addressValidationId"]
    again = api.post(path, json={"addressValidationIdent": "AV-1", "note": "second"})
    assert again.json()["addressValidationId"] == number
    assert again.json()["note"] == "second"
    other = api.post(path, json={"addressValidationIdent": "AV-2"})
    assert other.json()["addressValidationId"] == number + 1


def test_an_update_cannot_change_the_numeric_id(
    api: httpx.Client, new_customer: NewCustomer
) -> None:
    """The id is the sandbox's, like the ident it cannot be amended after the POST."""
    new_customer("C-1")
    updated = api.put("/v2/customers/C-1", json={"debtorId": 99, "email": "a@example.com"})
    assert updated.status_code == 200, updated.text
    assert updated.json()["debtorId"] == 1
    assert updated.json()["email"] == "a@example.com"
    assert idents(api.get("/v2/customers", params={"search": "debtorId==1"})) == ["C-1"]


# -- business segments -------------------------------------------------------------------


def test_business_segments_of_a_billing_group_are_listed(api: httpx.Client) -> None:
    """Inline in the group's create and added under the group afterwards: both are in
    GET /v2/business-segments, retrievable by ident, and shown on the group."""
    group = api.post(
        "/v2/billing-groups",
        json={
            "billingGroupIdent": "BG-1",
            "businessSegments": [{"businessSegmentIdent": "BS-1", "name": "Main"}],
            "currencyRoundingOverrides": [],
        },
    )
    assert group.status_code == 201, group.text
    added = api.post(
        "/v2/billing-groups/BG-1/business-segments",
        json={"businessSegmentIdent": "BS-2", "name": "Second"},
    )
    assert added.status_code == 201, added.text
    listed = idents(api.get("/v2/business-segments"), "businessSegmentIdent")
    assert sorted(listed) == ["BS-1", "BS-2"]
    assert api.get("/v2/business-segments/BS-2").json()["name"] == "Second"
    shown = api.get("/v2/billing-groups/BG-1").json()["businessSegments"]
    assert [s["businessSegmentIdent"] for s in shown] == ["BS-1", "BS-2"]


# -- snapshot / restore ------------------------------------------------------------------


def test_restore_goes_back_to_the_snapshot(
    sandbox: Sandbox, api: httpx.Client, new_customer: NewCustomer
) -> None:
    new_customer("C-1")
    snapshot = sandbox.snapshot()
    assert isinstance(snapshot, Snapshot)
    assert snapshot.counts()["customers"] == 1
    new_customer("C-2")
    api.post("/v2/contracts", json=contract("K-1", "C-2"))
    api.put("/v2/customers/C-1", json={"email": "changed@example.com"})

    sandbox.restore(snapshot)
    assert idents(api.get("/v2/customers")) == ["C-1"]
    assert "email" not in api.get("/v2/customers/C-1").json()
    assert api.get("/v2/contracts/K-1").status_code in (400, 404)
    # ids continue from the snapshot's sequences
    assert new_customer("C-3").json()["debtorId"] == 2
    # and it can be restored again: a snapshot is not changed by what happens after it
    sandbox.restore(snapshot)
    assert idents(api.get("/v2/customers")) == ["C-1"]


def test_restore_takes_only_a_snapshot(sandbox: Sandbox) -> None:
    with pytest.raises(SandboxConfigError, match="snapshot"):
        sandbox.restore({"customers": []})  # type: ignore[arg-type]


def test_a_snapshot_moves_to_another_sandbox(sandbox: Sandbox, new_customer: NewCustomer) -> None:
    new_customer("C-1")
    other = Sandbox()
    other.restore(sandbox.snapshot())
    assert other.snapshot().counts() == sandbox.snapshot().counts()


# -- seed data ---------------------------------------------------------------------------


def test_load_seeds_kinds_in_order(sandbox: Sandbox, api: httpx.Client) -> None:
    loaded = sandbox.load(
        {
            "customers": [customer("C-1"), customer("C-2")],
            "contracts": [contract("K-1", "C-2")],
        }
    )
    assert loaded == {"customers": 2, "contracts": 1}
    assert idents(api.get("/v2/customers")) == ["C-2", "C-1"]
    seeded = api.get("/v2/contracts/1").json()
    assert seeded["contractIdent"] == "K-1"
    assert seeded["debtorId"] == 2  # the contract was checked against C-2 and linked
    assert len(api.get("/v2/customers/C-1").json()["addresses"]) == 1


@pytest.mark.parametrize("suffix", [".json", ".yaml", ".yml"])
def test_load_reads_json_and_yaml_files(sandbox: Sandbox, tmp_path: Path, suffix: str) -> None:
    seed = {"customers": [customer("C-1")], "contracts": [contract("K-1", "C-1")]}
    path = tmp_path / f"seed{suffix}"
    path.write_text(json.dumps(seed), encoding="utf-8")  # JSON is YAML too
    assert sandbox.load(path) == {"customers": 1, "contracts": 1}


def test_yaml_dates_are_sent_as_written(sandbox: Sandbox, tmp_path: Path) -> None:
    """YAML reads an unquoted timestamp as a datetime: it is sent as ISO text."""
    path = tmp_path / "seed.yaml"
    path.write_text(
        "customers:\n"
        "  - customerIdent: C-1\n"
        "    addresses: [{addressType: INVOICE, country: DE}]\n"
        "contracts:\n"
        "  - {contractIdent: K-1, debtorIdent: C-1, date: 2025-01-15T10:00:00Z}\n",
        encoding="utf-8",
    )
    assert sandbox.load(path) == {"customers": 1, "contracts": 1}


def test_a_bad_record_names_the_record_and_the_field_and_stores_nothing(
    sandbox: Sandbox, api: httpx.Client
) -> None:
    seed = {
        "customers": [customer("C-1"), {"customerIdent": "C-2", "addresses": [{"city": "Kiel"}]}]
    }
    with pytest.raises(SeedError) as raised:
        sandbox.load(seed)
    error = raised.value
    assert (error.kind, error.index, error.field) == ("customers", 1, "addresses[0].addressType")
    assert "customers[1]" in str(error)
    assert "addresses[0].addressType" in str(error)
    # all or nothing: C-1, valid, is not stored either
    assert idents(api.get("/v2/customers")) == []


def test_a_seed_reference_to_nothing_is_refused(sandbox: Sandbox) -> None:
    with pytest.raises(SeedError) as raised:
        sandbox.load({"contracts": [contract("K-1", "nobody")]})
    assert (raised.value.kind, raised.value.index, raised.value.field) == (
        "contracts",
        0,
        "debtorIdent",
    )


def test_a_duplicate_in_the_seed_is_refused(sandbox: Sandbox) -> None:
    with pytest.raises(SeedError, match=r"customers\[1\].*customerIdent"):
        sandbox.load({"customers": [customer("C-1"), customer("C-1")]})


@pytest.mark.parametrize(
    ("seed", "message"),
    [
        ({"widgets": []}, "unknown kind 'widgets'"),
        ({"customers": {"customerIdent": "C-1"}}, "must be a list"),
        ({"customers": ["C-1"]}, r"customers\[0\] must be a mapping"),
        ({"customers": [customer("C-1", score=float("nan"))]}, r"customers\[0\].*JSON"),
        ({"customers": [customer("C" * 101)]}, r"customers\[0\].*customerIdent"),
    ],
)
def test_malformed_seeds_are_typed_errors(
    sandbox: Sandbox, seed: dict[str, Any], message: str
) -> None:
    with pytest.raises(SeedError, match=message):
        sandbox.load(seed)
    assert sandbox.snapshot().counts() == {}


def test_unreadable_seed_files_are_typed_errors(sandbox: Sandbox, tmp_path: Path) -> None:
    with pytest.raises(SeedError, match="cannot read"):
        sandbox.load(tmp_path / "absent.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{customers: [", encoding="utf-8")
    with pytest.raises(SeedError, match="not valid JSON"):
        sandbox.load(broken)
    listed = tmp_path / "list.yaml"
    listed.write_text("- customerIdent: C-1\n", encoding="utf-8")
    with pytest.raises(SeedError, match="must hold a mapping"):
        sandbox.load(listed)


def test_seeded_records_send_no_notifications(sandbox: Sandbox) -> None:
    """Seeds are the state a test starts from, not events in it."""
    sandbox.load({"customers": [customer("C-1")]})
    assert sandbox.notifications() == []
    assert sandbox.stats()["notifications"]["queued"] == 0


# -- pages from the indexes ----------------------------------------------------------------


def test_plain_pages_and_ident_filters_match_a_full_scan(
    sandbox: Sandbox, api: httpx.Client
) -> None:
    """Newest first by default, oldest first with direction=asc, true totals, deletions
    honoured; an ident filter (== and =in=) and a numeric-id filter find their records."""
    sandbox.load({"customers": [customer(f"C-{i:02d}") for i in range(1, 25)]})
    first = api.get("/v2/customers", params={"size": 10})
    assert idents(first) == [f"C-{i:02d}" for i in range(24, 14, -1)]
    assert first.json()["pageInfo"] == {
        "number": 0,
        "size": 10,
        "totalElements": 24,
        "totalPages": 3,
    }
    last = api.get("/v2/customers", params={"size": 10, "page": 2})
    assert idents(last) == [f"C-{i:02d}" for i in range(4, 0, -1)]
    ascending = api.get("/v2/customers", params={"size": 3, "direction": "asc"})
    assert idents(ascending) == ["C-01", "C-02", "C-03"]
    assert idents(api.get("/v2/customers", params={"page": 9})) == []
    assert idents(api.get("/v2/customers", params={"search": "customerIdent==C-07"})) == ["C-07"]
    both = api.get("/v2/customers", params={"search": "customerIdent=in=(C-02,C-09,nobody)"})
    assert idents(both) == ["C-09", "C-02"]
    assert idents(api.get("/v2/customers", params={"search": "customerIdent==C-99"})) == []
    assert idents(api.get("/v2/customers", params={"search": "debtorId==3"})) == ["C-03"]
    unpaged = api.get("/v2/customers/unpaged")
    assert unpaged.status_code == 200
    assert [c["customerIdent"] for c in unpaged.json()][:2] == ["C-24", "C-23"]


def test_a_deleted_record_leaves_the_pages(api: httpx.Client) -> None:
    segments = [{"businessSegmentIdent": f"BS-{i}", "name": f"S{i}"} for i in range(1, 6)]
    group = {"businessSegments": segments, "currencyRoundingOverrides": []}
    assert api.post("/v2/billing-groups", json=group).status_code == 201
    assert api.delete("/v2/business-segments/BS-4").status_code in (200, 204)
    page = api.get("/v2/business-segments", params={"size": 2})
    assert idents(page, "businessSegmentIdent") == ["BS-5", "BS-3"]
    assert page.json()["pageInfo"]["totalElements"] == 4
    assert api.get("/v2/business-segments/BS-4").status_code == 404
