"""The spec against the facts file's operation table: nothing documented missing or different."""

from __future__ import annotations

import re
from typing import Any

import pytest
from spec_helpers import (
    FACTS_2_FILE,
    FACTS_3_FILE,
    FACTS_COPY,
    FACTS_FILE,
    HTTP_METHODS,
    Operation,
    all_operations,
    domain_files,
    facts_2_copy_rows,
    facts_3_copy,
    facts_copy_rows,
    facts_rows_from_markdown,
    load,
    walk,
)

ROWS = facts_copy_rows()
ROW_IDS = [row["title"] for row in ROWS]
BY_ID = {op.operation_id: op for op in all_operations()}
# Operations the addendum (nitrobox-api-facts-2.md) adds, and those whose method and path it
# shows in client code although the first table has only their title (test_facts_2.py).
# The operations the addenda add (their rows are marked `new`), which this table cannot hold.
ADDED = {
    op_id
    for row in [*facts_2_copy_rows(), *facts_3_copy()["facts"]]
    if row.get("new")
    for op_id in row["operationIds"]
}
SEEN_IN_CLIENT_CODE = {"getAllPlans_v2", "listDebtors"}
FULL_PATH = re.compile(r"^`(/v2/[^`]+)`")
PARTIAL_PATH = re.compile(r"^`(/[^`]+)` \(from a deprecation note\)$")
DATED = re.compile(r"deprecated (\d{4}-\d{2}-\d{2}), sunset (\d{4}-\d{2}-\d{2})")
PLAIN_SLUGS = re.compile(r"^[a-z0-9_]+( / [a-z0-9_]+)*$")
VERIFIED_ID = re.compile(r"operationId `([A-Za-z0-9_]+)`")


def _ops(row: dict[str, Any]) -> list[Operation]:
    return [BY_ID[op_id] for op_id in row["operationIds"]]


def _methods(cell: str) -> list[str] | None:
    """`POST`, `PUT (nav)`, `GET / POST / GET / PUT` -> methods; `?`, `not seen` -> None."""
    words = [part.split(" (")[0].strip().lower() for part in cell.split(" / ")]
    return words if all(word in HTTP_METHODS for word in words) else None


@pytest.mark.skipif(not FACTS_FILE.exists(), reason=f"no facts file at {FACTS_FILE}")
def test_copy_matches_facts_file() -> None:
    """openapi/facts-operations.yaml is still a verbatim copy of the facts file's table."""
    table = facts_rows_from_markdown(FACTS_FILE.read_text(encoding="utf-8"))
    copied = [{key: value for key, value in row.items() if key != "operationIds"} for row in ROWS]
    assert copied == table, f"re-copy section 2.2 of {FACTS_FILE} into {FACTS_COPY.name}"


def test_markdown_table_parser() -> None:
    """The table parser reads rows verbatim and keeps the domain heading."""
    text = (
        "### 2.2 Operations table\n#### Usage API\n\n"
        "| Operation (title) | Method | Path | Slug / operationId | Status | Source |\n"
        "|---|---|---|---|---|---|\n"
        "| Create usage | POST | `/v2/usages` | createusage | confirmed | IX createusage |\n"
        "#### Totals\n"
    )
    assert facts_rows_from_markdown(text) == [
        {
            "domain": "Usage API",
            "title": "Create usage",
            "method": "POST",
            "path": "`/v2/usages`",
            "slug": "createusage",
            "status": "confirmed",
            "source": "IX createusage",
        }
    ]


def test_every_operation_maps_to_exactly_one_row() -> None:
    """Each row names existing operations, and each operation belongs to one row (except
    those the addendum adds)."""
    named = [op_id for row in ROWS for op_id in row["operationIds"]]
    assert sorted(named) == sorted(set(BY_ID) - ADDED)
    assert len(ROWS) == 63


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_documented_method_and_path(row: dict[str, Any]) -> None:
    """Where the table gives the method or the path, the operation has exactly those."""
    ops = _ops(row)
    methods = _methods(row["method"])
    if methods is not None:
        assert [op.method for op in ops] == methods
    full = FULL_PATH.match(row["path"])
    if full:
        assert [op.path for op in ops] == [full.group(1)]
    partial = PARTIAL_PATH.match(row["path"])
    if partial:
        assert [op.path for op in ops] == ["/v2" + partial.group(1)]


def test_all_documented_paths_are_checked() -> None:
    """The 16 rows with a full method and path are the ones the test above pins down."""
    pinned = [row for row in ROWS if FULL_PATH.match(row["path"]) and _methods(row["method"])]
    assert len(pinned) == 16


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_provenance_follows_status(row: dict[str, Any]) -> None:
    """`confirmed` rows are documented, client-code rows client-code, the rest inferred;
    a title-only row whose method and path the addendum shows in client code is client-code."""
    status = row["status"]
    seen_in_code = set(row["operationIds"]) <= SEEN_IN_CLIENT_CODE
    if seen_in_code or status.startswith("confirmed (client code)"):
        expected = "client-code"
    elif status == "confirmed":
        expected = "documented"
    else:
        expected = "inferred"
    assert [op.spec["x-nitrobox-provenance"] for op in _ops(row)] == [expected] * len(_ops(row))


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_operation_id_follows_slug(row: dict[str, Any]) -> None:
    """Verified operationIds are used verbatim; a plain slug is the lower-cased operationId."""
    ops = _ops(row)
    verified = VERIFIED_ID.search(row["slug"])
    if verified:
        assert [op.operation_id for op in ops] == [verified.group(1)]
    elif PLAIN_SLUGS.match(row["slug"]):
        slugs = {re.sub(r"_1$", "", slug) for slug in row["slug"].split(" / ")}
        assert [op.operation_id.lower() in slugs for op in ops] == [True] * len(ops)


@pytest.mark.parametrize("row", ROWS, ids=ROW_IDS)
def test_deprecation_follows_table(row: dict[str, Any]) -> None:
    """Rows marked deprecated are deprecated operations, with the table's dates if it has any."""
    text = (row["title"] + " " + row["status"]).replace("\u2011", "-")
    if "deprecated" not in text.lower():
        return
    for op in _ops(row):
        assert op.spec.get("deprecated") is True, str(op)
        dated = DATED.search(text)
        if dated:
            assert op.spec["x-nitrobox-deprecated-since"] == dated.group(1)
            assert op.spec["x-nitrobox-sunset"] == dated.group(2)


def _facts_urls(text: str) -> set[str]:
    """Every URL the facts file names, with its IX/NB/NBP abbreviations expanded."""
    urls = {url.rstrip(".") for url in re.findall(r"https://[^\s)`|,;>*]+", text)}
    prefixes = {
        "IX": "https://docs.instellix.io/reference/",
        "NB": "https://docs.nitrobox.io/reference/",
        "NBP": "https://docs.nitrobox.io/v2-preview/reference/",
    }
    for prefix, slug in re.findall(r"\b(IX|NB|NBP) ([a-z0-9_]+)\b", text):
        urls.add(prefixes[prefix] + slug)
    named = r"(?:GitHub|repository|source is) `([\w.-]+/[\w.-]+)`"
    urls.update(f"https://github.com/{repo}" for repo in re.findall(named, text))
    return urls


@pytest.mark.skipif(not FACTS_FILE.exists(), reason=f"no facts file at {FACTS_FILE}")
@pytest.mark.skipif(not FACTS_2_FILE.exists(), reason=f"no facts file at {FACTS_2_FILE}")
@pytest.mark.skipif(not FACTS_3_FILE.exists(), reason=f"no facts file at {FACTS_3_FILE}")
def test_every_source_url_comes_from_the_facts_file() -> None:
    """No x-nitrobox-source URL is made up: each one is named in one of the facts files."""
    known = _facts_urls(FACTS_FILE.read_text(encoding="utf-8"))
    known |= _facts_urls(FACTS_2_FILE.read_text(encoding="utf-8"))
    known |= _facts_urls(FACTS_3_FILE.read_text(encoding="utf-8"))
    known_url = next(iter(known))
    unknown = {
        (path.name, node["x-nitrobox-source"])
        for path in domain_files()
        for _, node in walk(load(path))
        if isinstance(node, dict) and node.get("x-nitrobox-source", known_url) not in known
    }
    assert unknown == set()


def test_facts_url_extraction() -> None:
    """Abbreviated sources and named repositories count as known URLs."""
    text = (
        "see IX createusage and NBP billingrun; widget (GitHub `owner/repo`), https://x.io/a;"
        " the public repository `o/demo`; a second source is `o/widget`; file `src/a.py`"
    )
    assert _facts_urls(text) == {
        "https://docs.instellix.io/reference/createusage",
        "https://docs.nitrobox.io/v2-preview/reference/billingrun",
        "https://github.com/owner/repo",
        "https://github.com/o/demo",
        "https://github.com/o/widget",
        "https://x.io/a",
    }
