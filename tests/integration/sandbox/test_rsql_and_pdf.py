"""The RSQL evaluator and the PDF writer on their own (no HTTP)."""

from __future__ import annotations

import re

import pytest

from nitrobox_sandbox._pdf import render_pdf
from nitrobox_sandbox._rsql import RSQLError, parse

ITEM = {
    "ident": "INV-1",
    "total": 19.5,
    "paid": False,
    "note": None,
    "customerDetail": {"customerIdent": "C-1"},
    "tags": ["a", "b"],
    "text": "semi;colon, comma",
}


@pytest.mark.parametrize(
    ("expression", "matches"),
    [
        ("total=gt=19", True),
        ("total=gt=19.5", False),
        ("total=ge=19.5", True),
        ("total==19.50", True),
        ("total=lt=abc", False),
        ("paid==false", True),
        ("paid==true", False),
        ("note==null", True),
        ("tags==b", True),
        ("tags=out=(a,c)", False),
        ("text=='semi;colon, comma'", True),
        ('text=="semi;colon, comma"', True),
        ("customerDetail.customerIdent==C-1", True),
        ("customerDetail.missing==x", False),
        ("ident==INV-*", True),
        ("ident!=INV-*", False),
        ("ident==X;total=gt=1,paid==false", True),
        ("ident==X;(total=gt=1,paid==false)", False),
        (" ident == INV-1 ", True),
    ],
)
def test_rsql_expressions(expression: str, matches: bool) -> None:
    """Typed comparisons, null, lists, quoting, nesting, wildcards and precedence."""
    assert parse(expression)(ITEM) is matches


@pytest.mark.parametrize(
    "expression",
    ["", "ident", "ident=", "ident=like=x", "(ident==x", "ident==x)", "ident=='open", "==x"],
)
def test_rsql_errors_say_where(expression: str) -> None:
    """An unreadable expression raises RSQLError with a position."""
    with pytest.raises(RSQLError, match="position"):
        parse(expression)


def test_pdf_is_well_formed() -> None:
    """Header, trailer, and every xref offset points at its object."""
    pdf = render_pdf("Invoice INV-1 (copy)", ["Customer: C-1", "Total 11.90 EUR", "Ümlaut"])
    assert pdf.startswith(b"%PDF-1.4\n")
    assert pdf.endswith(b"%%EOF\n")
    startxref = int(re.search(rb"startxref\n(\d+)", pdf).group(1))  # type: ignore[union-attr]
    assert pdf[startxref:].startswith(b"xref\n0 7\n")
    offsets = re.findall(rb"(\d{10}) 00000 n ", pdf)
    assert len(offsets) == 6
    for number, offset in enumerate(offsets, start=1):
        assert pdf[int(offset) :].startswith(f"{number} 0 obj".encode())
    assert b"(Invoice INV-1 \\(copy\\)) Tj" in pdf
    length = int(re.search(rb"/Length (\d+)", pdf).group(1))  # type: ignore[union-attr]
    stream = pdf.split(b"stream\n", 1)[1].split(b"\nendstream", 1)[0]
    assert len(stream) == length
