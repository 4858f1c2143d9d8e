"""openapi/README.md tells the truth about the files it describes."""

from __future__ import annotations

import re
from collections import Counter

from spec_helpers import PROVENANCE_KINDS, README, domain_files, operations_of

ROW = re.compile(r"^\| (?:`(?P<file>[a-z]+-api\.yaml)`|\*\*Total\*\*) \|(?P<cells>( [^|]+ \|){4})$")


def _count_table(text: str) -> dict[str, list[int]]:
    """The provenance table: file (or "Total") -> [documented, client-code, inferred, total]."""
    table = text.split("<!-- provenance-counts", 1)[1]
    rows: dict[str, list[int]] = {}
    for line in table.splitlines():
        match = ROW.match(line)
        if match:
            cells = [int(cell.strip(" *")) for cell in match["cells"].strip(" |").split("|")]
            rows[match["file"] or "Total"] = cells
    return rows


def _actual() -> dict[str, list[int]]:
    rows: dict[str, list[int]] = {}
    total: Counter[str] = Counter()
    for path in domain_files():
        kinds = Counter(op.spec["x-nitrobox-provenance"] for op in operations_of(path))
        total.update(kinds)
        rows[path.name] = [kinds[kind] for kind in PROVENANCE_KINDS] + [kinds.total()]
    rows["Total"] = [total[kind] for kind in PROVENANCE_KINDS] + [total.total()]
    return rows


def test_provenance_counts_match_files() -> None:
    """The README's counts per provenance kind (per file and in total) match the files."""
    assert _count_table(README.read_text(encoding="utf-8")) == _actual()


def test_count_table_parser_reads_rows() -> None:
    """The parser reads file rows and the bold total row."""
    text = (
        "<!-- provenance-counts -->\n| File | documented | client-code | inferred | total |\n"
        "|---|---|---|---|---|\n| `usage-api.yaml` | 1 | 0 | 0 | 1 |\n"
        "| **Total** | **1** | **0** | **0** | **1** |\n"
    )
    assert _count_table(text) == {"usage-api.yaml": [1, 0, 0, 1], "Total": [1, 0, 0, 1]}


def test_user_docs_counts_match_files() -> None:
    """docs/spec.md quotes the same totals per provenance kind."""
    text = (README.parents[1] / "docs" / "spec.md").read_text(encoding="utf-8")
    quoted = {
        kind: int(count)
        for kind, count in re.findall(r"^\| `([a-z-]+)` \| [^|]+ \| (\d+) \|$", text, re.M)
    }
    total = _actual()["Total"]
    # `probe` (what scripts/apply_evidence.py gives a confirmed operation) is quoted too.
    probed = sum(
        op.spec["x-nitrobox-provenance"] == "probe"
        for path in domain_files()
        for op in operations_of(path)
    )
    assert quoted == {**dict(zip(PROVENANCE_KINDS, total[:3], strict=True)), "probe": probed}
