"""How `nitrobox call` turns OPERATION_ID, --param and --json into a request (pure, no server)."""

from __future__ import annotations

from typing import Any

import pytest

from nitrobox_auth import NitroboxError
from nitrobox_auth.cli._errors import CommandError, UnknownOperationError
from nitrobox_auth.cli._operations import (
    build_request,
    find_operation,
    operations,
    parse_json_body,
    parse_params,
)

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "small", "version": "1"},
    "paths": {
        "/v2/customers": {
            "get": {
                "operationId": "queryCustomers",
                "parameters": [
                    {"$ref": "#/components/parameters/page"},
                    {"name": "sort", "in": "query", "schema": {"type": "array"}},
                ],
            },
            "post": {
                "operationId": "createCustomer",
                "requestBody": {"required": True, "content": {"application/json": {}}},
            },
        },
        "/v2/customers/{ident}/addresses": {
            "parameters": [{"name": "ident", "in": "path", "required": True}],
            "get": {
                "operationId": "queryAddresses",
                "parameters": [{"name": "X-Trace", "in": "header"}],
            },
        },
        "/v2/files/{ident}": {"get": {"summary": "no operationId: not callable"}},
    },
    "components": {
        "parameters": {"page": {"name": "page", "in": "query", "schema": {"type": "integer"}}},
    },
}


@pytest.fixture
def ops() -> dict[str, Any]:
    """The operations of the small spec."""
    return operations(SPEC)


def test_operations_are_keyed_by_operation_id(ops: dict[str, Any]) -> None:
    """Only operations with an operationId are callable, with method and path from the spec."""
    assert sorted(ops) == ["createCustomer", "queryAddresses", "queryCustomers"]
    assert (ops["createCustomer"].method, ops["createCustomer"].path) == ("POST", "/v2/customers")


def test_path_level_parameters_are_inherited_and_refs_followed(ops: dict[str, Any]) -> None:
    """Parameters declared on the path item and through $ref are known to the operation."""
    assert {p.name for p in ops["queryAddresses"].parameters} == {"ident", "X-Trace"}
    assert {p.name for p in ops["queryCustomers"].parameters} == {"page", "sort"}


def test_path_query_and_header_parameters_go_where_the_spec_says(ops: dict[str, Any]) -> None:
    """A path value is URL-quoted into the path; header parameters become headers."""
    request = build_request(ops["queryAddresses"], parse_params(["ident=a/b c", "X-Trace=t-1"]))
    assert request.method == "GET"
    assert request.path == "/v2/customers/a%2Fb%20c/addresses"
    assert request.headers == {"X-Trace": "t-1"}
    assert request.query == []


def test_array_query_parameter_repeats(ops: dict[str, Any]) -> None:
    """Repeating an array parameter sends it repeatedly; values keep their '=' signs."""
    request = build_request(ops["queryCustomers"], parse_params(["sort=a", "sort=b", "page=2"]))
    assert request.query == [("sort", "a"), ("sort", "b"), ("page", "2")]


def test_scalar_parameter_given_twice_is_refused(ops: dict[str, Any]) -> None:
    """A second value for a non-array parameter is an error, not silently dropped."""
    with pytest.raises(CommandError, match="'page' takes one value"):
        build_request(ops["queryCustomers"], parse_params(["page=1", "page=2"]))


def test_unknown_parameter_names_the_known_ones(ops: dict[str, Any]) -> None:
    """A typo in a parameter name lists the operation's real parameters."""
    with pytest.raises(CommandError, match=r"no parameter 'pgae' \(its parameters: page, sort\)"):
        build_request(ops["queryCustomers"], parse_params(["pgae=1"]))


def test_missing_path_parameter_is_named(ops: dict[str, Any]) -> None:
    """A required path parameter that is not given is named in the error."""
    with pytest.raises(CommandError, match="--param ident="):
        build_request(ops["queryAddresses"], [])


def test_required_body_is_enforced_and_passed_through(ops: dict[str, Any]) -> None:
    """An operation with a required body refuses to run without one and sends it as given."""
    with pytest.raises(CommandError, match="needs a JSON body"):
        build_request(ops["createCustomer"], [])
    body = parse_json_body('{"customerIdent": "c-1"}', source="--json")
    request = build_request(ops["createCustomer"], [], body=body, has_body=True)
    assert (request.has_body, request.json_body) == (True, {"customerIdent": "c-1"})


def test_body_for_an_operation_without_one_is_refused(ops: dict[str, Any]) -> None:
    """A --json for a GET without requestBody is an error rather than silently dropped."""
    with pytest.raises(CommandError, match="takes no request body"):
        build_request(ops["queryCustomers"], [], body={}, has_body=True)


def test_invalid_json_says_where() -> None:
    """Broken JSON is reported with its line and column."""
    with pytest.raises(CommandError, match=r"--json is not valid JSON: .* line 1 column 2"):
        parse_json_body("{oops}", source="--json")


def test_param_without_equals_is_refused() -> None:
    """--param needs NAME=VALUE."""
    with pytest.raises(CommandError, match="NAME=VALUE, got 'page'"):
        parse_params(["page"])


def test_unknown_operation_suggests_close_ids(ops: dict[str, Any]) -> None:
    """A misspelt operation ID gets suggestions; the error is a NitroboxError."""
    with pytest.raises(UnknownOperationError) as info:
        find_operation(ops, "queryCustomer")
    assert info.value.suggestions[0] == "queryCustomers"
    assert "did you mean: queryCustomers" in str(info.value)
    assert isinstance(info.value, NitroboxError)


def test_substring_suggestions_and_case_insensitive_match(ops: dict[str, Any]) -> None:
    """Typing part of an ID suggests the IDs containing it; case does not matter."""
    with pytest.raises(UnknownOperationError) as info:
        find_operation(ops, "Addresses")
    assert info.value.suggestions == ("queryAddresses",)
    assert find_operation(ops, "CREATECUSTOMER").operation_id == "createCustomer"
