"""The rules every layer shares, written once: strict JSON, credential headers, checks."""

from __future__ import annotations

import base64

import pytest

from nitrobox_auth import NitroboxError, SettingsError
from nitrobox_auth._checks import ascii_digits, number_of_seconds, positive_seconds
from nitrobox_auth._credentials import parse_basic, parse_bearer, same_secret
from nitrobox_auth._redact import scrub_credentials
from nitrobox_auth._strict_json import StrictJSONError, json_type_name, loads

SECRET = "s3cr3t-value-never-echoed"

REFUSED = {
    "nan": (f'{{"a": NaN, "b": "{SECRET}"}}', "NaN is not a JSON number"),
    "infinity": (f'["{SECRET}", -Infinity]', "-Infinity is not a JSON number"),
    "overflow": (f'{{"{SECRET}": 1e400}}', "out of range"),
    "huge-integer": ("1" * 5000, "too many digits"),
    "lone-surrogate": (f'["{SECRET}", "\\ud800"]', "lone surrogate"),
    "surrogate-key": (f'{{"\\udc00": "{SECRET}"}}', "lone surrogate"),
    "syntax": (f'{{"{SECRET}": ', "line 1 column"),
    "deep": ("[" * 33 + "]" * 33, "nested too deeply (more than 32 levels)"),
    "not-utf8": (b'{"a": "\xff"}', "not valid UTF-8"),
}


@pytest.mark.parametrize(("text", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_strict_json_refuses_with_a_safe_reason(text: str | bytes, reason: str) -> None:
    """One refusal type; the reason says what and where, never a value from the text."""
    with pytest.raises(StrictJSONError) as caught:
        loads(text, max_depth=32)
    assert reason in caught.value.reason
    assert SECRET not in str(caught.value)
    assert isinstance(caught.value, NitroboxError | ValueError)
    # No chained parser error either: those quote an excerpt of the text.
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None or caught.value.__suppress_context__


def test_depth_is_checked_before_the_parser_recurses() -> None:
    """100,000 levels: refused by counting, no RecursionError; brackets in strings ignored."""
    with pytest.raises(StrictJSONError, match="nested too deeply"):
        loads("[" * 100_000 + "]" * 100_000, max_depth=64)
    assert loads('{"a": "[[[[[[[[", "b": [[1]]}', max_depth=3) == {"a": "[[[[[[[[", "b": [[1]]}


def test_strict_json_reads_ordinary_json() -> None:
    """str and bytes; exactly max_depth levels is still fine."""
    assert loads(b'{"n": 1.5, "s": "\\u00e9", "l": [null, true]}', max_depth=2) == {
        "n": 1.5,
        "s": "é",
        "l": [None, True],
    }
    assert loads("[" * 8 + "]" * 8, max_depth=8) == [[[[[[[[]]]]]]]]


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ({}, "object"),
        ([], "array"),
        ("x", "string"),
        (1, "integer"),
        (1.5, "number"),
        (True, "boolean"),
        (None, "null"),
    ],
)
def test_one_json_type_namer(value: object, name: str) -> None:
    """JSON Schema's names; a bool is a boolean, not an integer."""
    assert json_type_name(value) == name


def _basic(text: str) -> str:
    return "Basic " + base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (_basic("id:se:cret"), ("id", "se:cret")),
        ("  basic " + base64.b64encode(b"id:").decode() + " ", ("id", "")),
        (_basic("no-colon"), None),
        ("Basic not*base64", None),
        ("Bearer abc", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_basic(header: str | None, expected: tuple[str, str] | None) -> None:
    """Strict base64 and UTF-8; the first colon splits; anything else is no credentials."""
    assert parse_basic(header) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [("Bearer tok", "tok"), ("bearer  tok ", "tok"), ("Bearer", None), ("Basic x", None)],
)
def test_parse_bearer(header: str, expected: str | None) -> None:
    assert parse_bearer(header) == expected


def test_same_secret_and_scrubbing() -> None:
    """Constant-time equality; Basic and Bearer values in free text are masked."""
    assert same_secret("a\udcff", "a\udcff")
    assert not same_secret("a", "b")
    text = scrub_credentials(f"echo: Authorization: Bearer {SECRET} and basic {SECRET}")
    assert SECRET not in text
    assert "Bearer s3cr…(25 chars)" in text


def test_checks() -> None:
    """ASCII digits only; seconds finite, in range, named in the error class given."""
    assert ascii_digits("0123")
    assert not ascii_digits("²")
    assert not ascii_digits("")
    assert positive_seconds("x", 2) == 2.0
    for bad in (0, -1, float("nan"), float("inf"), True, "1"):
        with pytest.raises(SettingsError, match=r"^x must be"):
            positive_seconds("x", bad)
    assert number_of_seconds("y", 0) == 0.0
    with pytest.raises(_Refusal, match="at most 60, got 61"):
        number_of_seconds("y", 61, error=_Refusal, at_most=60)


class _Refusal(NitroboxError):
    """Any error class of the tree can be the one a caller wants raised."""
