"""`nitrobox call --json`: any bad body exits 2 with a message naming the problem, before
a request is sent; never a traceback and exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from nitrobox_auth.cli import main

BAD = {
    "nan": ('{"customerIdent": NaN}', "NaN is not a JSON number"),
    "infinity": ('{"customerIdent": Infinity}', "Infinity is not a JSON number"),
    "minus-infinity": ('{"n": -Infinity}', "-Infinity is not a JSON number"),
    "1e400": ('{"n": 1e400}', "out of range"),
    "deep-recursion": ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    "deep-65": ("[" * 65 + "]" * 65, "nested too deeply"),
    "syntax": ('{"customerIdent": ', "is not valid JSON"),
    "trailing-comma": ('{"a": 1,}', "is not valid JSON"),
    "huge-integer": ("1" * 5000, "is not valid JSON"),
    "list-for-object": ("[1, 2]", "takes a JSON object as its body, not a JSON array"),
    "string-for-object": ('"customer"', "not a JSON string"),
    "null-for-object": ("null", "not a JSON null"),
    "number-for-object": ("42", "not a JSON integer"),
}


@pytest.mark.parametrize(("body", "message"), BAD.values(), ids=BAD.keys())
def test_a_bad_json_body_exits_2_with_a_message(
    body: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """createCustomer takes an object; each bad --json is a usage error."""
    assert main(["call", "createCustomer", "--json", body]) == 2
    _, err = capsys.readouterr()
    assert message in err
    assert "Traceback" not in err


def test_a_bad_json_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """@FILE bodies get the same checks, and a file that is not UTF-8 is named."""
    nan = tmp_path / "nan.json"
    nan.write_text('{"n": NaN}', encoding="utf-8")
    latin = tmp_path / "latin.json"
    latin.write_bytes(b'{"name": "M\xfcller"}')
    assert main(["call", "createCustomer", "--json", f"@{nan}"]) == 2
    assert main(["call", "createCustomer", "--json", f"@{latin}"]) == 2
    _, err = capsys.readouterr()
    assert "NaN is not a JSON number" in err
    assert "is not UTF-8 text" in err
