"""The request journal: what each call sent and what it got, in order, with no secret kept."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import httpx
import pytest

from nitrobox_sandbox import RecordedCall, Sandbox, token_fingerprint
from nitrobox_sandbox import _journal as journal_module

CUSTOMER = {
    "customerIdent": "C-1",
    "addresses": [{"addressType": "INVOICE", "country": "DE", "city": "Hamburg"}],
}


def test_calls_lists_requests_in_order_with_what_they_sent(
    client: httpx.Client, sandbox: Sandbox, get_token: Callable[[], str]
) -> None:
    """operation_id, method, path, query, parsed body, status and the token's fingerprint."""
    token = get_token()
    bearer = {"Authorization": f"Bearer {token}"}
    client.post("/v2/customers", json=CUSTOMER, headers=bearer)
    client.get(
        "/v2/customers", params={"size": "5", "search": "customerIdent==C-1"}, headers=bearer
    )
    client.get("/v2/nowhere", headers=bearer)
    calls = sandbox.calls()
    assert [(c.operation_id, c.method, c.status) for c in calls] == [
        ("token", "POST", 200),
        ("createCustomer", "POST", 201),
        ("queryCustomers", "GET", 200),
        (None, "GET", 404),
    ]
    created, queried = calls[1], calls[2]
    assert created.path == "/v2/customers"
    assert created.json == CUSTOMER
    assert queried.query == {"size": ["5"], "search": ["customerIdent==C-1"]}
    assert queried.json is None
    assert created.token_fingerprint == token_fingerprint(token)
    assert calls[0].token_fingerprint is None  # the token request carries Basic credentials


def test_calls_filter_by_operation_and_status(api: httpx.Client, sandbox: Sandbox) -> None:
    """calls("op") and calls(status=...) select; both together narrow further."""
    sandbox.script("queryCustomers", 503)
    api.get("/v2/customers")
    api.get("/v2/customers")
    api.get("/v2/customers/NOPE")
    assert len(sandbox.calls("queryCustomers")) == 2
    assert [c.operation_id for c in sandbox.calls(status=503)] == ["queryCustomers"]
    assert [c.path for c in sandbox.calls("retrieveCustomer", status=404)] == ["/v2/customers/NOPE"]
    assert sandbox.calls("queryCustomers", status=201) == []


def test_no_secret_is_kept(
    client: httpx.Client, sandbox: Sandbox, get_token: Callable[[], str]
) -> None:
    """Tokens become fingerprints, Basic credentials and form secrets are masked."""
    token = get_token()
    client.get("/v2/customers", headers={"Authorization": f"Bearer {token}"})
    # credentials in the body (refused by the sandbox, still journaled): masked too
    client.post(
        "/sandbox/oauth2/token",
        data={
            "grant_type": "client_credentials",
            "client_id": "sandbox-client",
            "client_secret": "sandbox-secret",
        },
    )
    client.post("/sandbox/oauth2/token?client_secret=sandbox-secret")
    calls = sandbox.calls()
    shown = repr(calls) + json.dumps([c.as_dict() for c in calls])
    shown += client.get("/_sandbox/calls").text
    basic = base64.b64encode(b"sandbox-client:sandbox-secret").decode()
    for secret in (token, "sandbox-secret", basic):
        assert secret not in shown
    assert calls[0].headers["authorization"] == "Basic ***"
    assert calls[1].headers["authorization"] == f"Bearer {token_fingerprint(token)}"
    assert calls[2].form == {
        "grant_type": "client_credentials",
        "client_id": "sandbox-client",
        "client_secret": "***",
    }
    assert calls[3].query == {"client_secret": ["***"]}


def test_a_body_that_is_not_strict_json_is_kept_as_none(
    api: httpx.Client, sandbox: Sandbox
) -> None:
    """The 400 says what was wrong; the journal keeps no broken or non-finite body."""
    api.post(
        "/v2/customers",
        content=b'{"customerIdent": NaN}',
        headers={"Content-Type": "application/json"},
    )
    api.post("/v2/customers", content=b"{", headers={"Content-Type": "application/json"})
    assert [(c.status, c.json) for c in sandbox.calls("createCustomer")] == [(400, None)] * 2
    assert api.get("/_sandbox/calls").status_code == 200


def test_the_journal_is_bounded_and_counts_what_it_dropped(
    monkeypatch: pytest.MonkeyPatch, spec_document: dict[str, object]
) -> None:
    """Past the size the oldest entries go, and calls.dropped says how many."""
    monkeypatch.setattr(journal_module, "JOURNAL_SIZE", 3)
    sandbox = Sandbox(spec=spec_document)
    with httpx.Client(transport=sandbox.transport(), base_url=sandbox.base_url) as plain:
        for n in range(5):
            plain.get(f"/v2/customers/C-{n}")
    assert [c.path for c in sandbox.calls()] == [
        "/v2/customers/C-2",
        "/v2/customers/C-3",
        "/v2/customers/C-4",
    ]
    assert sandbox.calls.dropped == 2
    sandbox.calls.clear()
    assert (sandbox.calls(), sandbox.calls.dropped) == ([], 0)


def test_clear_and_reset_empty_the_journal(api: httpx.Client, sandbox: Sandbox) -> None:
    """calls.clear() forgets what was recorded; reset() does too."""
    api.get("/v2/customers")
    sandbox.calls.clear()
    assert sandbox.calls() == []
    api.get("/v2/customers")
    sandbox.reset()
    assert sandbox.calls() == []


def test_the_journal_over_http(client: httpx.Client, api: httpx.Client, sandbox: Sandbox) -> None:
    """GET /_sandbox/calls (filtered like calls()), DELETE empties it; control calls not in it."""
    api.get("/v2/customers")
    api.get("/v2/customers/NOPE")
    every = client.get("/_sandbox/calls").json()
    assert every["dropped"] == 0
    assert [c["operation_id"] for c in every["calls"]] == [
        "token",
        "queryCustomers",
        "retrieveCustomer",
    ]
    assert every["calls"] == [c.as_dict() for c in sandbox.calls()]
    only = client.get(
        "/_sandbox/calls", params={"operation_id": "retrieveCustomer", "status": "404"}
    )
    assert [c["path"] for c in only.json()["calls"]] == ["/v2/customers/NOPE"]
    for bad in ({"status": "abc"}, {"status": "²⁰⁰"}, {"op": "x"}):
        assert client.get("/_sandbox/calls", params=bad).status_code == 400
    assert client.delete("/_sandbox/calls").status_code == 204
    assert sandbox.calls() == []


def test_a_recorded_call_is_a_plain_frozen_record() -> None:
    """RecordedCall is immutable; as_dict() is JSON-ready."""
    call = RecordedCall(
        sequence=1,
        operation_id="queryCustomers",
        method="GET",
        path="/v2/customers",
        query={},
        json=None,
        status=200,
        token_fingerprint=None,
        headers={},
    )
    with pytest.raises(AttributeError):
        call.status = 500  # type: ignore[misc]
    assert json.loads(json.dumps(call.as_dict()))["status"] == 200
