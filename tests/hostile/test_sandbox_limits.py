"""Limits: every hostile input gets a 4xx GlobalErrorResponse, never a 500 or a hang:
JSON depth (with or without a documented body, control routes too), RSQL depth and
length, strictly parsed idents, the body size limit (413) and children per record."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile.conftest import assert_global_error
from http_under_test import httpx

from nitrobox_auth._strict_json import json_depth
from nitrobox_sandbox import Sandbox
from nitrobox_sandbox._limits import (
    MAX_ARRAY_ITEMS,
    MAX_BODY_BYTES,
    MAX_CHILDREN,
    MAX_JSON_DEPTH,
    MAX_RSQL_DEPTH,
)

JSON = {"Content-Type": "application/json"}
ADDRESS = {"addressType": "INVOICE", "country": "DE", "city": "Hamburg"}


def nested(depth: int) -> bytes:
    return b'{"customerIdent": "deep", "customFields": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("depth", [MAX_JSON_DEPTH, 1000, 100_000])
def test_a_deep_body_is_a_400(api: httpx.Client, depth: int) -> None:
    """Deeper than the limit: 400 naming the limit; never a RecursionError 500."""
    body = assert_global_error(api.post("/v2/customers", content=nested(depth), headers=JSON), 400)
    assert str(MAX_JSON_DEPTH) in body["message"]


@pytest.mark.parametrize(
    ("method", "path"),
    [("GET", "/v2/customers"), ("GET", "/v2/documents"), ("GET", "/v2/customers/nobody")],
)
def test_a_deep_body_to_an_operation_without_a_body_is_a_400(
    api: httpx.Client, method: str, path: str
) -> None:
    """The body is not documented, but it must still not crash the validator."""
    response = api.request(method, path, content=nested(50_000), headers=JSON)
    assert_global_error(response, 400)


def test_a_deep_body_to_the_fault_control_route_is_a_400(api: httpx.Client) -> None:
    """/_sandbox/faults parses strictly too, and the settings stay as they were."""
    before = api.get("/_sandbox/faults").json()
    assert_global_error(api.post("/_sandbox/faults", content=b"[" * 50_000 + b"]" * 50_000), 400)
    assert api.get("/_sandbox/faults").json() == before


@pytest.mark.parametrize("path", ["/_sandbox/reset", "/sandbox/oauth2/token"])
def test_a_deep_body_to_other_control_routes_is_never_a_500(api: httpx.Client, path: str) -> None:
    """Routes that do not read JSON ignore it (reset) or refuse it (the token endpoint)."""
    response = api.post(path, content=b"[" * 50_000 + b"]" * 50_000, headers=JSON)
    assert response.status_code < 500


def test_the_depth_counter_ignores_brackets_inside_strings() -> None:
    """Brackets in string values (escaped quotes too) do not count as nesting."""
    assert json_depth(b'{"a": "[[[[\\"[[[[", "b": [1, {"c": "}}}}"}]}', MAX_JSON_DEPTH) == 3


@pytest.mark.parametrize("depth", [MAX_RSQL_DEPTH + 1, 500, 5000])
def test_deeply_nested_rsql_is_a_400(api: httpx.Client, depth: int) -> None:
    """Hundreds of nested parentheses: 400 on the search parameter."""
    search = "(" * depth + "customerIdent==x" + ")" * depth
    body = assert_global_error(api.get("/v2/customers", params={"search": search}), 400)
    assert body["errors"][0]["fieldName"] == "search"


def test_rsql_within_the_depth_limit_still_works(api: httpx.Client) -> None:
    """A reasonably nested filter is evaluated as before."""
    assert (
        api.post("/v2/customers", json={"customerIdent": "c-1", "addresses": [ADDRESS]}).status_code
        == 201
    )
    search = "(" * 10 + "customerIdent==c-1" + ")" * 10
    response = api.get("/v2/customers", params={"search": search})
    assert response.status_code == 200
    assert [c["customerIdent"] for c in response.json()["_embedded"]] == ["c-1"]


def test_an_overlong_rsql_expression_is_a_400(api: httpx.Client) -> None:
    """Expressions over 4096 characters are refused before parsing."""
    search = ",".join(f"customerIdent==c{n}" for n in range(1000))
    assert_global_error(api.get("/v2/customers", params={"search": search}), 400)


@pytest.mark.parametrize("ident", ["²", "¹²³", "١٢", "\U0001d7d7"])
def test_unicode_digits_are_not_numeric_ids(sandbox: Sandbox, ident: str) -> None:
    """'²' passes str.isdigit() but not int(): the look-up by numeric id finds nothing
    instead of raising ValueError (a 500 wherever a body refers to a customer)."""
    assert sandbox._state.handlers.lookup("customers", ident) is None


@pytest.mark.parametrize("ident", ["١٢", "\U0001d7d7", "²"])
def test_an_integer_path_parameter_takes_ascii_digits_only(api: httpx.Client, ident: str) -> None:
    """int('١٢') is 12, but a client never meant it: 400 on the parameter."""
    response = api.put(f"/v2/plans/{ident}", json={})
    body = assert_global_error(response, 400)
    assert body["errors"][0]["fieldName"] == "planId"


def test_a_body_over_the_size_limit_is_a_413(api: httpx.Client) -> None:
    """Declared larger than 1 MiB: 413 before reading."""
    content = b'{"customerIdent": "big", "name": "' + b"x" * MAX_BODY_BYTES + b'"}'
    body = assert_global_error(api.post("/v2/customers", content=content, headers=JSON), 413)
    assert str(MAX_BODY_BYTES) in body["message"]


def test_a_chunked_body_over_the_size_limit_is_a_413(api: httpx.Client) -> None:
    """No Content-Length: counted while reading, refused once past the limit."""

    def chunks() -> Iterator[bytes]:
        yield b'{"customerIdent": "big", "name": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'"}'

    response = api.post("/v2/customers", content=chunks(), headers=JSON)
    assert_global_error(response, 413)


def test_a_huge_token_request_is_a_413(api: httpx.Client) -> None:
    """The token endpoint has the same body limit."""
    response = api.post(
        "/sandbox/oauth2/token",
        content=b"grant_type=client_credentials&pad=" + b"x" * (2 * MAX_BODY_BYTES),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert_global_error(response, 413)


def test_too_many_inline_addresses_are_a_400(api: httpx.Client) -> None:
    """More than 100 inline addresses: refused, and the customer is not stored."""
    addresses = [{**ADDRESS, "addressIdent": f"a{n}"} for n in range(MAX_CHILDREN + 1)]
    response = api.post("/v2/customers", json={"customerIdent": "many", "addresses": addresses})
    body = assert_global_error(response, 400)
    assert body["errors"][0]["fieldName"] == "addresses"
    assert api.get("/v2/customers/many").status_code == 404


def test_addresses_added_one_by_one_stop_at_the_limit(api: httpx.Client) -> None:
    """The limit holds for child POSTs too: the 101st address is a 409."""
    addresses = [{**ADDRESS, "addressIdent": f"a{n}"} for n in range(MAX_CHILDREN)]
    assert (
        api.post(
            "/v2/customers", json={"customerIdent": "full", "addresses": addresses}
        ).status_code
        == 201
    )
    response = api.post("/v2/customers/full/addresses", json=ADDRESS)
    assert_global_error(response, 409)
    assert len(api.get("/v2/customers/full").json()["addresses"]) == MAX_CHILDREN


def test_any_array_over_the_item_limit_is_a_400(api: httpx.Client) -> None:
    """Arrays anywhere in a body (open fields too) hold at most 1000 items."""
    body = {
        "customerIdent": "wide",
        "addresses": [ADDRESS],
        "customFields": {"list": [0] * (MAX_ARRAY_ITEMS + 1)},
    }
    assert_global_error(api.post("/v2/customers", json=body), 400)
    assert api.get("/v2/customers/wide").status_code == 404
