"""Content-Disposition of GET /v2/files/{ident} is built per RFC 6266: an ASCII
filename= fallback with quotes escaped, filename*=UTF-8'' for non-ASCII names, and no
control character, whatever ident the client chose."""

from __future__ import annotations

import urllib.parse

import pytest
from http_under_test import httpx

from nitrobox_sandbox._limits import content_disposition

IDENTS = {
    "euro": "Rechnung-€1",
    "emoji": "inv-🧾",
    "cjk": "請求書",
    "quote": 'a"b',
    "backslash": "a\\b",
    "semicolon": "a; filename=evil.exe",
    "crlf": "a\r\nSet-Cookie: x=1",
    "nul": "a\x00b",
    "tab": "a\tb",
    "line-separator": "a\u2028b",
}


def deposit_invoice(ident: str) -> dict[str, object]:
    return {
        "ident": ident,
        "billingGroupIdent": "external",
        "currency": "EUR",
        "customerDetail": {"customerIdent": "c-1"},
        "items": [
            {
                "ident": "ITEM-1",
                "category": "SERVICE",
                "name": "Deposit",
                "performanceLocation": {"country": "DE"},
            }
        ],
    }


@pytest.mark.parametrize("ident", IDENTS.values(), ids=IDENTS.keys())
def test_a_file_of_any_ident_is_served_with_a_safe_header(api: httpx.Client, ident: str) -> None:
    """The PDF arrives; the header is ASCII, one line, and names the file exactly."""
    created = api.post("/v2/documents/deposit-invoices", json=deposit_invoice(ident))
    assert created.status_code == 201, created.text
    response = api.get(f"/v2/files/{urllib.parse.quote(ident, safe='')}")
    assert response.status_code == 200, response.text
    assert response.content.startswith(b"%PDF")
    header = response.headers["Content-Disposition"]
    assert header.isascii()
    assert not any(ch in header for ch in "\r\n\x00\t")
    assert header.startswith('attachment; filename="')
    expected = "".join(ch for ch in f"{ident}.pdf" if ch.isprintable())
    if expected.isascii():
        assert "filename*" not in header
    else:
        encoded = header.split("filename*=UTF-8''", 1)[1]
        assert urllib.parse.unquote(encoded) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("plain.pdf", 'attachment; filename="plain.pdf"'),
        ('say "hi".pdf', 'attachment; filename="say \\"hi\\".pdf"'),
        ("back\\slash.pdf", 'attachment; filename="back\\\\slash.pdf"'),
        ("€.pdf", "attachment; filename=\"_.pdf\"; filename*=UTF-8''%E2%82%AC.pdf"),
        ("a\r\nb.pdf", 'attachment; filename="ab.pdf"'),
        ("\x00\x01", 'attachment; filename="file"'),
        ("\ud800.pdf", 'attachment; filename="?.pdf"'),
    ],
)
def test_content_disposition_values(name: str, expected: str) -> None:
    """The exact header for quotes, backslashes, non-ASCII, control characters, surrogates."""
    assert content_disposition(name) == expected
