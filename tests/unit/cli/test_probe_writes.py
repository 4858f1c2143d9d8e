"""`nitrobox probe --writes` without a server: its plan, bodies, refusals, counts and safety."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import httpx
import pytest

from nitrobox_auth._bundled_spec import load_bundled_spec
from nitrobox_auth.cli import main
from nitrobox_auth.cli._operations import operations
from nitrobox_auth.cli._probe_body import BodyBuilder, Known
from nitrobox_auth.cli._probe_presence import Presence
from nitrobox_auth.cli._probe_refusal import refused_fields
from nitrobox_auth.cli._probe_writes import CHANGE, CREATE, END, cleanup_of, plan_writes

NOW = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def _spec(**extra: Any) -> dict[str, Any]:
    """Customers with addresses, contracts that a customer owns and that can be cancelled."""
    ok = {"200": {"description": "ok", "content": {"application/json": {"schema": {}}}}}
    body = {"required": True, "content": {"application/json": {"schema": {}}}}

    def op(op_id: str, schema: str | None = None, **more: Any) -> dict[str, Any]:
        found: dict[str, Any] = {"operationId": op_id, "responses": ok, **more}
        if schema is not None:
            found["requestBody"] = json.loads(json.dumps(body))
            found["requestBody"]["content"]["application/json"]["schema"] = {
                "$ref": f"#/components/schemas/{schema}"
            }
        return found

    spec: dict[str, Any] = {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/v2/contracts": {"post": op("createContract", "ContractRequest", **extra)},
            "/v2/contracts/actions/cancel": {"post": op("cancelContracts", "Cancel")},
            "/v2/customers": {"post": op("createCustomer", "CustomerRequest")},
            "/v2/customers/{ident}": {
                "parameters": [{"name": "ident", "in": "path", "required": True}],
                "put": op("updateCustomer", "CustomerRequest"),
            },
            "/v2/customers/{ident}/addresses": {
                "parameters": [{"name": "ident", "in": "path", "required": True}],
                "post": op("createAddress", "Address"),
            },
        },
        "components": {
            "schemas": {
                "CustomerRequest": {
                    "type": "object",
                    "required": ["customerIdent", "addresses"],
                    "properties": {
                        "customerIdent": {"type": "string"},
                        "email": {"type": "string", "format": "email"},
                        "addresses": {
                            "type": "array",
                            "items": {"$ref": "#/components/schemas/Address"},
                        },
                    },
                },
                "Address": {
                    "type": "object",
                    "required": ["addressIdent", "country"],
                    "properties": {
                        "addressIdent": {"type": "string"},
                        "country": {"type": "string", "enum": ["DE", "AT"]},
                    },
                },
                "ContractRequest": {
                    "type": "object",
                    "required": ["contractIdent", "debtorIdent", "startDate"],
                    "properties": {
                        "contractIdent": {"type": "string"},
                        "debtorIdent": {"type": "string"},
                        "startDate": {"type": "string", "format": "date-time"},
                    },
                },
                "Cancel": {"type": "object", "properties": {"idents": {"type": "array"}}},
            }
        },
    }
    return spec


def test_plan_orders_creates_by_what_they_need_and_ends_last() -> None:
    spec = _spec()
    steps = plan_writes(spec, operations(spec))
    order = [(s.op.operation_id, s.phase) for s in steps]
    assert order == [
        ("createCustomer", CREATE),
        ("createContract", CREATE),  # its debtorIdent names the customer
        ("createAddress", CREATE),
        ("updateCustomer", CHANGE),
        ("cancelContracts", END),
    ]
    contract = next(s for s in steps if s.op.operation_id == "createContract")
    assert contract.own == "contractIdent"
    assert contract.cleanup is not None
    assert contract.cleanup.operation_id == "cancelContracts"
    customer = next(s for s in steps if s.op.operation_id == "createCustomer")
    assert customer.cleanup is not None
    assert customer.cleanup.operation_id is None


def test_operation_pulls_in_the_creates_it_needs_and_its_cleanup() -> None:
    spec = _spec()
    steps = plan_writes(spec, operations(spec), ["createContract"])
    assert [s.op.operation_id for s in steps] == [
        "createCustomer",
        "createContract",
        "cancelContracts",
    ]


@pytest.mark.parametrize(
    ("declared", "operation_id", "reason"),
    [
        ("cancelContracts", "cancelContracts", "x-nitrobox-cleanup"),
        ({"operationId": "cancelContracts"}, "cancelContracts", "x-nitrobox-cleanup"),
        ([{"status": "no cleanup"}], None, "no cleanup"),
        ({"status": "portal", "reason": "Webportal only"}, None, "Webportal only"),
        ("noSuchOperation", None, "noSuchOperation"),
        # The spec's form (openapi/: status, operationIds in order of preference, note).
        ({"status": "api", "operationIds": ["nope", "cancelContracts"]}, "cancelContracts", ""),
        (
            {"status": "none", "operationIds": [], "note": "no delete seen"},
            None,
            "none: no delete seen",
        ),
    ],
)
def test_cleanup_is_read_from_the_spec_when_it_names_one(
    declared: Any, operation_id: str | None, reason: str
) -> None:
    spec = _spec(**{"x-nitrobox-cleanup": declared})
    ops = operations(spec)
    cleanup = cleanup_of(spec, ops["createContract"], ops)
    assert cleanup.operation_id == operation_id
    assert reason in cleanup.reason


def test_body_holds_required_fields_probe_idents_and_references() -> None:
    spec = _spec()
    builder = BodyBuilder(spec, "run1", NOW)
    known = Known()
    customer = builder.build(
        {"$ref": "#/components/schemas/CustomerRequest"},
        known,
        own="customerIdent",
        noun="customer",
    )
    assert customer == {
        "customerIdent": "probe-run1-customer",
        "addresses": [{"addressIdent": "probe-run1-address-1", "country": "DE"}],
    }
    known.learn("customer", customer)
    contract = builder.build(
        {"$ref": "#/components/schemas/ContractRequest"},
        known,
        own="contractIdent",
        noun="contract",
    )
    assert contract == {
        "contractIdent": "probe-run1-contract",
        "debtorIdent": "probe-run1-customer",  # a debtor is the customer the run made
        "startDate": "2026-01-02T03:04:05Z",
    }


def test_refused_fields_keep_path_and_code_never_the_value() -> None:
    names = {"addresses", "country", "language"}
    body = json.dumps(
        {
            "errors": [
                {"fieldName": "language", "error": "must not be null", "rejectedValue": None},
                {
                    "fieldName": "addresses[0].country",
                    "error": "'XX-secret' is not one of ['DE']",
                    "rejectedValue": "XX-secret",
                },
                {"fieldName": "tenantData123.x", "error": "bad value XX-secret"},
            ]
        }
    ).encode()
    found = refused_fields(body, names)
    assert found[0] == ("language", "must not be null")
    assert found[1][0] == "addresses[0].country"
    assert "XX-secret" not in json.dumps(found)
    assert found[2][0] == "*.*"


def test_presence_counts_fields_per_schema_and_undeclared_types_only() -> None:
    spec = _spec()
    spec["components"]["schemas"]["Page"] = {
        "type": "object",
        "properties": {
            "_embedded": {"type": "array", "items": {"$ref": "#/components/schemas/Address"}}
        },
    }
    presence = Presence(spec)
    presence.count(
        {"$ref": "#/components/schemas/Page"},
        {
            "_embedded": [
                {"addressIdent": "a-secret", "country": "DE", "street": "Secret street 1"},
                {"addressIdent": "b", "country": None},
            ]
        },
    )
    report = presence.report()
    assert report["Address"] == {
        "answers": 2,
        "fields": {
            "addressIdent": {"present": 2, "null": 0, "absent": 0},
            "country": {"present": 1, "null": 1, "absent": 0},
        },
        "undeclared": {"street": {"types": ["string"], "present": 1}},
    }
    assert "secret" not in json.dumps(report).lower()


@pytest.fixture
def no_request(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every request any httpx client would send is recorded and refused."""
    sent: list[str] = []

    def refuse(self: Any, request: httpx.Request, *args: Any, **kwargs: Any) -> Any:
        sent.append(f"{request.method} {request.url}")
        raise AssertionError("a request was sent")

    monkeypatch.setattr(httpx.Client, "send", refuse)
    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", refuse)
    return sent


@pytest.mark.parametrize(
    "env",
    [
        {"NITROBOX_ENVIRONMENT": "production"},
        {"NITROBOX_ENVIRONMENT": "PRODUCTION"},
        {"NITROBOX_BASE_URL": "https://api.nitrobox.io"},
        {"NITROBOX_BASE_URL": "https://API.instellix.io/"},
    ],
)
def test_writes_against_production_are_refused_before_any_request(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    no_request: list[str],
    env: dict[str, str],
) -> None:
    for name in ("NITROBOX_ENVIRONMENT", "NITROBOX_BASE_URL", "NITROBOX_TOKEN_CACHE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NITROBOX_TENANT", "acme")
    monkeypatch.setenv("NITROBOX_CLIENT_ID", "id")
    monkeypatch.setenv("NITROBOX_CLIENT_SECRET", "secret-must-not-show")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main(["probe", "--writes"]) == 2
    _, err = capsys.readouterr()
    assert "never runs against production" in err
    assert "secret-must-not-show" not in err
    assert no_request == []


def test_dry_run_prints_the_plan_and_sends_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], no_request: list[str]
) -> None:
    for name in ("NITROBOX_TENANT", "NITROBOX_CLIENT_ID", "NITROBOX_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    assert main(["probe", "--writes", "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "it will create:" in out
    assert "createCustomer: customer customerIdent=probe-" in out
    assert "the API cannot remove it" in out
    assert "nothing was sent" in err
    assert no_request == []
    assert main(["probe", "--dry-run"]) == 2  # only with --writes


def test_every_write_of_the_bundled_spec_is_planned() -> None:
    spec = load_bundled_spec()
    ops = operations(spec)
    steps = plan_writes(spec, ops)
    assert sorted(s.op.operation_id for s in steps) == sorted(
        oid for oid, op in ops.items() if op.method != "GET"
    )
    assert all(s.skip is None for s in steps)


def _write_run(answer: Any) -> tuple[Any, list[Any], list[str]]:
    from functools import partial

    from nitrobox_auth.cli._probe_judge import Judge
    from nitrobox_auth.cli._probe_result import exchange
    from nitrobox_auth.cli._probe_write_run import WriteRun

    spec = _spec()
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(f"{request.method} {request.url.path}")
        return answer(request)  # type: ignore[no-any-return]

    run = WriteRun(
        spec, Judge(spec), Presence(spec), BodyBuilder(spec, "r1", NOW), {}, invent_parents=False
    )
    transport = httpx.MockTransport(handler)
    with httpx.Client(transport=transport, base_url="http://probe.invalid") as http:
        results = run.run(plan_writes(spec, operations(spec)), partial(exchange, http))
    return run, results, sent


def test_a_create_without_answer_is_listed_and_nothing_builds_on_it() -> None:
    """A 503 on the customer: it may exist (listed so), and nothing that refers to it is sent."""
    run, results, sent = _write_run(lambda request: httpx.Response(503))
    by_id = {r.step.op.operation_id: r for r in results}
    assert by_id["createCustomer"].outcome == "error"
    assert by_id["createContract"].outcome == "skipped"
    assert "debtorIdent" in (by_id["createContract"].step.skip or "")
    assert sent == ["POST /v2/customers"]
    (record,) = run.record_report()
    assert record["uncertain"] is True
    assert record["ident"] == "probe-r1-customer"
    assert record["note"].startswith("may exist")


def test_records_are_acted_on_by_their_own_idents_and_removed() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else {}
        return httpx.Response(200, json=body if isinstance(body, dict) else {})

    run, results, sent = _write_run(answer)
    assert {r.outcome for r in results} == {"confirmed"}
    assert "PUT /v2/customers/probe-r1-customer" in sent
    assert "POST /v2/customers/probe-r1-customer/addresses" in sent
    records = {r["operationId"]: r for r in run.record_report()}
    assert records["createContract"]["removedBy"] == "cancelContracts"
    assert not records["createCustomer"]["removed"]


@pytest.mark.parametrize(
    ("pattern", "value"),
    [
        ("^[A-Z]{3}$", "AAA"),
        ("^([A-Z]{3}|UNDEFINED)$", "AAA"),
        ("^[0-9]{1,19}$", "0"),
        (r"^\S(.*\S)?$", "x"),
        ("^DE[0-9]{2}$", "DE00"),
        ("^[^a]+$", None),  # beyond the simple forms: no guess
    ],
)
def test_a_string_with_a_pattern_gets_a_value_that_matches(pattern: str, value: str | None) -> None:
    from nitrobox_auth.cli._probe_body import pattern_value

    assert pattern_value(pattern) == value


def test_a_quoted_word_in_a_code_is_a_value_and_hidden() -> None:
    body = json.dumps(
        {"errors": [{"fieldName": "currency", "error": "'probe' does not match '^[A-Z]{3}$'"}]}
    ).encode()
    assert refused_fields(body, {"currency"}) == (("currency", "* does not match *"),)
