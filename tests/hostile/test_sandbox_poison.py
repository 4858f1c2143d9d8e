"""Poison records: a body with NaN, Infinity, 1e400 or a lone surrogate anywhere (also in
fields that allow extra properties) is refused with a 400 GlobalErrorResponse and nothing
is stored, so every later read and page still answers."""

from __future__ import annotations

import pytest
from hostile.conftest import assert_global_error
from http_under_test import httpx

from nitrobox_sandbox._responses import StrictJSONResponse

ADDRESS = '{"addressType": "INVOICE", "country": "DE", "city": "Hamburg"}'


def customer(ident: str, extra: str) -> bytes:
    return f'{{"customerIdent": "{ident}", "addresses": [{ADDRESS}], {extra}}}'.encode()


POISON = {
    "nan": '"customFields": {"score": NaN}',
    "infinity": '"customFields": {"score": Infinity}',
    "minus-infinity": '"customFields": {"score": -Infinity}',
    "1e400": '"customFields": {"score": 1e400}',
    "-1e400": '"customFields": {"score": -1e400}',
    "lone-surrogate-value": '"customFields": {"note": "\\ud800"}',
    "lone-low-surrogate": '"customFields": {"note": "x\\udfffy"}',
    "lone-surrogate-key": '"customFields": {"\\ud800": "x"}',
    "nan-top-level-extra": '"unknownExtra": NaN',
    "surrogate-in-address": '"name": "\\udc00"',
}


@pytest.mark.parametrize("extra", POISON.values(), ids=POISON.keys())
def test_a_poisoned_create_is_refused_and_nothing_is_stored(api: httpx.Client, extra: str) -> None:
    """400 GlobalErrorResponse; the customer does not exist and the list still answers."""
    response = api.post(
        "/v2/customers",
        content=customer("poison-1", extra),
        headers={"Content-Type": "application/json"},
    )
    body = assert_global_error(response, 400)
    assert body["path"] == "/v2/customers"
    assert api.get("/v2/customers/poison-1").status_code == 404
    page = api.get("/v2/customers")
    assert page.status_code == 200
    assert all(c["customerIdent"] != "poison-1" for c in page.json()["_embedded"])


@pytest.mark.parametrize("extra", list(POISON.values())[:4], ids=list(POISON)[:4])
def test_a_poisoned_update_leaves_the_record_readable(api: httpx.Client, extra: str) -> None:
    """A PUT with poison is refused; the stored record reads as before."""
    created = api.post(
        "/v2/customers",
        content=customer("clean-1", '"name": "Clean"'),
        headers={"Content-Type": "application/json"},
    )
    assert created.status_code == 201, created.text
    response = api.put(
        "/v2/customers/clean-1",
        content=customer("clean-1", extra),
        headers={"Content-Type": "application/json"},
    )
    assert_global_error(response, 400)
    read = api.get("/v2/customers/clean-1")
    assert read.status_code == 200
    assert read.json()["name"] == "Clean"


@pytest.mark.parametrize(
    "content",
    [b'{"customerIdent": "\xff\xfe"}', b'{"customerIdent": "a"', b"[1, 2,]", b"\x00"],
    ids=["invalid-utf8", "truncated", "trailing-comma", "nul"],
)
def test_bodies_that_are_not_json_are_a_400(api: httpx.Client, content: bytes) -> None:
    """Not UTF-8 or not JSON: 400, not 500."""
    response = api.post(
        "/v2/customers", content=content, headers={"Content-Type": "application/json"}
    )
    assert_global_error(response, 400)


@pytest.mark.parametrize(
    "content", [{"score": float("nan")}, {"note": "\ud800"}, {"n": float("inf")}]
)
def test_no_answer_fails_to_serialise(content: dict[str, object]) -> None:
    """Strict rendering: NaN becomes a 500 GlobalErrorResponse, a surrogate an escape."""
    response = StrictJSONResponse(content)
    rendered = bytes(response.body)
    parsed = httpx.Response(200, content=rendered).json()
    if "note" in content:
        assert response.status_code == 200
        assert b"\\ud800" in rendered
    else:
        assert response.status_code == 500
        assert parsed["status"] == "INTERNAL_SERVER_ERROR"
