"""Requests are validated against the spec; errors are GlobalErrorResponse bodies."""

from __future__ import annotations

import uuid

import pytest
from http_under_test import httpx

from nitrobox_sandbox import Sandbox


def _assert_global_error(body: dict[str, object], status: str, path: str) -> None:
    assert body["status"] == status
    assert body["path"] == path
    assert isinstance(body["message"], str)
    assert body["message"]
    uuid.UUID(str(body["uuid"]))
    assert str(body["timestamp"]).endswith("Z")


def test_invalid_body_names_field_error_and_rejected_value(api: httpx.Client) -> None:
    """Each invalid field is reported with its path, what is wrong and the value sent."""
    body = {
        "customerIdent": "has spaces",
        "addresses": [{"addressType": "BILLING", "country": "DE"}],
    }
    response = api.post("/v2/customers", json=body)
    assert response.status_code == 400
    answer = response.json()
    _assert_global_error(answer, "BAD_REQUEST", "/v2/customers")
    errors = {e["fieldName"]: e for e in answer["errors"]}
    assert set(errors) == {"customerIdent", "addresses[0].addressType"}
    assert errors["customerIdent"]["rejectedValue"] == "has spaces"
    assert "does not match" in errors["customerIdent"]["error"]
    assert errors["addresses[0].addressType"]["rejectedValue"] == "BILLING"
    assert "INVOICE" in errors["addresses[0].addressType"]["error"]


def test_missing_required_field_uses_the_documented_wording(api: httpx.Client) -> None:
    """Nitrobox's documented example: fieldName addresses[0].addressType, 'must not be null'."""
    response = api.post(
        "/v2/customers", json={"customerIdent": "C-1", "addresses": [{"country": "DE"}]}
    )
    assert response.status_code == 400
    assert response.json()["errors"] == [
        {
            "fieldName": "addresses[0].addressType",
            "error": "must not be null",
            "rejectedValue": None,
        }
    ]


def test_empty_list_where_one_item_is_required(api: httpx.Client) -> None:
    """minItems is enforced: a customer needs at least one address."""
    response = api.post("/v2/customers", json={"customerIdent": "C-1", "addresses": []})
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["fieldName"] == "addresses"
    assert error["rejectedValue"] == []


def test_missing_body_is_refused(api: httpx.Client) -> None:
    """A required body that is absent is named as such."""
    response = api.post("/v2/customers")
    assert response.status_code == 400
    assert response.json()["message"] == "Required request body is missing"


def test_body_that_is_not_json_is_refused(api: httpx.Client) -> None:
    """Garbage with a JSON content type is a 400, never a 500."""
    response = api.post(
        "/v2/customers", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["status"] == "BAD_REQUEST"


@pytest.mark.parametrize(
    ("params", "field", "rejected"),
    [
        ({"size": "101"}, "size", "101"),
        ({"size": "0"}, "size", "0"),
        ({"page": "-1"}, "page", "-1"),
        ({"page": "2147483648"}, "page", "2147483648"),
        ({"page": "first"}, "page", "first"),
        ({"direction": "up"}, "direction", "up"),
    ],
)
def test_invalid_query_parameter_is_named(
    api: httpx.Client, params: dict[str, str], field: str, rejected: str
) -> None:
    """Paging parameters outside the documented range are refused with the raw value."""
    response = api.get("/v2/customers", params=params)
    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["fieldName"] == field
    assert error["rejectedValue"] == rejected


def test_unknown_route_is_a_404_in_the_error_shape(api: httpx.Client) -> None:
    """Paths outside the spec answer a GlobalErrorResponse, not a framework page."""
    response = api.get("/v2/nothing-here")
    assert response.status_code == 404
    _assert_global_error(response.json(), "NOT_FOUND", "/v2/nothing-here")


def test_wrong_method_is_a_405_naming_the_allowed_ones(api: httpx.Client) -> None:
    """A known path with an undocumented method lists what is allowed."""
    response = api.delete("/v2/customers")
    assert response.status_code == 405
    assert set(response.headers["allow"].split(", ")) == {"GET", "POST"}
    _assert_global_error(response.json(), "METHOD_NOT_ALLOWED", "/v2/customers")


def test_validation_errors_are_counted(api: httpx.Client, sandbox: Sandbox) -> None:
    """stats() separates refused requests from served ones."""
    api.post("/v2/customers", json={})
    stats = sandbox.stats()
    assert stats["validation_errors"] == 1
    assert stats["statuses"] == {"400": 1}
    assert stats["operations"] == {"createCustomer": 1}


def test_empty_file_upload_is_refused(api: httpx.Client) -> None:
    """A multipart file part below its schema's minLength is a 400 naming the part."""
    body = {
        "ident": "DEP-1",
        "billingGroupIdent": "external",
        "currency": "EUR",
        "customerDetail": {"customerIdent": "C-1"},
        "items": [{"ident": "I-1", "category": "SERVICE", "performanceLocation": {}}],
    }
    assert api.post("/v2/documents/deposit-invoices", json=body).status_code == 201
    empty = api.post("/v2/documents/DEP-1/attachments", files={"file": ("a.pdf", b"")})
    assert empty.status_code == 400
    assert empty.json()["errors"][0]["fieldName"] == "file"
    filled = api.post("/v2/documents/DEP-1/attachments", files={"file": ("a.pdf", b"%PDF")})
    assert filled.status_code in (200, 201)


def test_allow_names_only_the_methods_of_the_matching_path(api: httpx.Client) -> None:
    """.../addresses/unpaged is its own path: PUT of .../addresses/{addressIdent} is not allowed."""
    response = api.request("OPTIONS", "/v2/customers/C-1/addresses/unpaged")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET"


def test_malformed_multipart_body_is_a_400(api: httpx.Client) -> None:
    """A multipart body openapi-core cannot even parse is the client's error, not a 500."""
    boundary = "46a7a0106939db941d9810a83bc18766"
    response = api.post(
        "/v2/documents/ANY/attachments",
        content=f"--{boundary}\r\n4036680579785--{boundary}--\r\n".encode(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["fieldName"] == "body"
