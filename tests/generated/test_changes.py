"""The change report's rules (scripts/_changes.py), as pure functions over bundled specs.

Each case mutates a copy of the bundle of tests/generated/fixtures/openapi (plus a component
enum and a primitive alias, so refs are followed) in one way and checks the verdict both
ways: the expected kind is reported with the expected verdict, and a compatible change
reports nothing as breaking.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openapi_python_client.strings import pascal_case

sys.path.insert(0, str(Path(__file__).parent))
from generated_helpers import ROOT, bundled_spec, load_script_module

_bundle = load_script_module("_bundle")
_changes = load_script_module("_changes")
_spec_reading = load_script_module("_spec_reading")
FIXTURES = Path(__file__).parent / "fixtures" / "openapi"
CANCEL = "/v2/orders/{orderIdent}/cancel"
CUSTOMER = "/v2/customers/{customerIdent}"
STATUS = "/v2/orders/{orderIdent}/status"


def _fixture_bundle(folder: Path = FIXTURES) -> dict[str, Any]:
    specs, _ = _bundle.load_specs(folder)
    doc: dict[str, Any] = _bundle.bundle(specs).document
    schemas = doc["components"]["schemas"]
    # A component enum used by a request and a primitive alias used by an answer.
    schemas["Currency"] = {"type": "string", "enum": ["EUR", "USD"]}
    schemas["Amount"] = {"type": "number", "description": "A decimal amount."}
    schemas["CreateOrder"]["properties"]["currency"] = {"$ref": "#/components/schemas/Currency"}
    schemas["Order"]["properties"]["total"] = {"$ref": "#/components/schemas/Amount"}
    # An answer written inline (no $ref): the generator names it GetOrderStatusResponse200.
    status = {"type": "object", "properties": {"state": {"type": "string"}, "since": {}}}
    status["properties"]["since"] = {"type": "string", "format": "date-time"}
    doc["paths"][STATUS] = {
        "get": {
            "operationId": "getOrderStatus",
            "tags": ["Orders"],
            "parameters": [
                {"name": "orderIdent", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {
                "200": {"description": "ok", "content": {"application/json": {"schema": status}}}
            },
        }
    }
    return doc


BASE = _fixture_bundle()


def _schemas(doc: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = doc["components"]["schemas"]
    return schemas


def _op(doc: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = doc["paths"][path][method]
    return operation


def _remove_operation(doc: dict[str, Any]) -> None:
    del doc["paths"][CANCEL]


def _change_method(doc: dict[str, Any]) -> None:
    doc["paths"][CANCEL]["post"] = doc["paths"][CANCEL].pop("put")


def _change_path(doc: dict[str, Any]) -> None:
    doc["paths"]["/v2/orders/{orderIdent}/actions/cancel"] = doc["paths"].pop(CANCEL)


def _rename_operation(doc: dict[str, Any]) -> None:
    _op(doc, CANCEL, "put")["operationId"] = "cancelOrderV2"


def _move_module(doc: dict[str, Any]) -> None:
    _op(doc, CANCEL, "put")["tags"] = ["Order Actions"]


def _add_required_parameter(doc: dict[str, Any]) -> None:
    _op(doc, CANCEL, "put")["parameters"].append(
        {"name": "cancelDate", "in": "query", "required": True, "schema": {"type": "string"}}
    )


def _make_parameter_required(doc: dict[str, Any]) -> None:
    params = doc["paths"]["/v2/customers"]["get"]["parameters"]
    for param in params:
        if param.get("name") == "size":
            param["required"] = True


def _remove_parameter(doc: dict[str, Any]) -> None:
    params = _op(doc, CANCEL, "put")["parameters"]
    params[:] = [p for p in params if p.get("name") != "reason"]


def _narrow_parameter(doc: dict[str, Any]) -> None:
    for param in _op(doc, CANCEL, "put")["parameters"]:
        if param.get("name") == "reason":
            param["schema"]["maxLength"] = 10


def _require_body_field(doc: dict[str, Any]) -> None:
    _schemas(doc)["CreateCustomer"]["required"].append("addresses")


def _add_required_body_field(doc: dict[str, Any]) -> None:
    schema = _schemas(doc)["CreateCustomer"]
    schema["properties"]["taxId"] = {"type": "string"}
    schema["required"].append("taxId")


def _remove_request_field(doc: dict[str, Any]) -> None:
    schema = _schemas(doc)["CreateCustomer"]
    del schema["properties"]["name"]
    schema["required"].remove("name")


def _narrow_request_type(doc: dict[str, Any]) -> None:
    _schemas(doc)["CreateOrder"]["properties"]["quantity"] = {"type": "integer"}


def _narrow_request_constraint(doc: dict[str, Any]) -> None:
    _schemas(doc)["CreateCustomer"]["properties"]["customerIdent"]["pattern"] = "^[a-z]+$"


def _remove_response_field(doc: dict[str, Any]) -> None:
    del _schemas(doc)["Customer"]["properties"]["createdAt"]


def _remove_inline_response_field(doc: dict[str, Any]) -> None:
    content = _op(doc, STATUS, "get")["responses"]["200"]["content"]
    del content["application/json"]["schema"]["properties"]["since"]


def _change_response_type(doc: dict[str, Any]) -> None:
    _schemas(doc)["Customer"]["properties"]["name"] = {"type": "integer"}


def _change_type_behind_ref(doc: dict[str, Any]) -> None:
    _schemas(doc)["Amount"]["type"] = "string"


def _make_response_field_nullable(doc: dict[str, Any]) -> None:
    _schemas(doc)["Customer"]["properties"]["name"]["nullable"] = True


def _change_success_status(doc: dict[str, Any]) -> None:
    responses = _op(doc, "/v2/customers", "post")["responses"]
    responses["200"] = responses.pop("201")


def _change_success_content_type(doc: dict[str, Any]) -> None:
    content = _op(doc, CUSTOMER, "get")["responses"]["200"]["content"]
    content["application/hal+json"] = content.pop("application/json")


def _change_answer_model(doc: dict[str, Any]) -> None:
    content = _op(doc, CUSTOMER, "get")["responses"]["200"]["content"]
    content["application/json"]["schema"] = {"$ref": "#/components/schemas/CustomerPage"}


def _remove_model(doc: dict[str, Any]) -> None:
    schemas = _schemas(doc)
    del schemas["OrderAddress"]
    del schemas["CreateOrder"]["properties"]["shipTo"]
    del schemas["Order"]["properties"]["shipTo"]


def _remove_enum(doc: dict[str, Any]) -> None:
    schemas = _schemas(doc)
    del schemas["Currency"]
    del schemas["CreateOrder"]["properties"]["currency"]


def _remove_request_enum_value(doc: dict[str, Any]) -> None:
    _schemas(doc)["Address"]["properties"]["addressType"]["enum"].remove("SHIPPING")


def _remove_component_enum_value(doc: dict[str, Any]) -> None:
    _schemas(doc)["Currency"]["enum"].remove("USD")


def _remove_body(doc: dict[str, Any]) -> None:
    del _op(doc, "/v2/orders", "post")["requestBody"]


def _add_operation(doc: dict[str, Any]) -> None:
    doc["paths"]["/v2/orders/{orderIdent}"] = {
        "get": {
            "operationId": "getOrder",
            "tags": ["Orders"],
            "parameters": [
                {"name": "orderIdent", "in": "path", "required": True, "schema": {"type": "string"}}
            ],
            "responses": {"200": {"description": "ok"}},
        }
    }


def _add_optional_parameter(doc: dict[str, Any]) -> None:
    _op(doc, CANCEL, "put")["parameters"].append(
        {"name": "comment", "in": "query", "schema": {"type": "string"}}
    )


def _add_optional_request_field(doc: dict[str, Any]) -> None:
    _schemas(doc)["CreateCustomer"]["properties"]["note"] = {"type": "string"}


def _add_response_field(doc: dict[str, Any]) -> None:
    _schemas(doc)["Customer"]["properties"]["updatedAt"] = {"type": "string"}


def _add_required_response_field(doc: dict[str, Any]) -> None:
    schema = _schemas(doc)["Customer"]
    schema["properties"]["status"] = {"type": "string"}
    schema["required"] = ["status"]


def _deprecate_operation(doc: dict[str, Any]) -> None:
    _op(doc, CANCEL, "put")["deprecated"] = True


def _deprecate_field(doc: dict[str, Any]) -> None:
    _schemas(doc)["CreateCustomer"]["properties"]["name"]["deprecated"] = True


def _change_description(doc: dict[str, Any]) -> None:
    _op(doc, CANCEL, "put")["description"] = "Cancels an order that is not yet billed."
    _schemas(doc)["Customer"]["properties"]["name"]["description"] = "The display name."


def _add_enum_value(doc: dict[str, Any]) -> None:
    _schemas(doc)["Address"]["properties"]["addressType"]["enum"].append("DELIVERY")
    _schemas(doc)["Currency"]["enum"].append("CHF")


def _add_model(doc: dict[str, Any]) -> None:
    _schemas(doc)["Invoice"] = {"type": "object", "properties": {"ident": {"type": "string"}}}


def _relax_parameter(doc: dict[str, Any]) -> None:
    for param in _op(doc, CANCEL, "put")["parameters"]:
        if param.get("name") == "reason":
            param["required"] = False


def _relax_request_field(doc: dict[str, Any]) -> None:
    _schemas(doc)["CreateCustomer"]["required"].remove("name")
    _schemas(doc)["CreateCustomer"]["properties"]["name"]["nullable"] = True


def _add_success_status(doc: dict[str, Any]) -> None:
    responses = _op(doc, "/v2/customers", "post")["responses"]
    responses["200"] = copy.deepcopy(responses["201"])


Mutation = Callable[[dict[str, Any]], None]

BREAKING: list[tuple[str, Mutation]] = [
    ("operation-removed", _remove_operation),
    ("method-changed", _change_method),
    ("path-changed", _change_path),
    ("operation-renamed", _rename_operation),
    ("module-moved", _move_module),
    ("parameter-required", _add_required_parameter),
    ("parameter-required", _make_parameter_required),
    ("parameter-removed", _remove_parameter),
    ("request-field-narrowed", _narrow_parameter),
    ("request-field-required", _require_body_field),
    ("request-field-required", _add_required_body_field),
    ("request-field-removed", _remove_request_field),
    ("request-field-type-changed", _narrow_request_type),
    ("request-field-narrowed", _narrow_request_constraint),
    ("response-field-removed", _remove_response_field),
    ("response-field-removed", _remove_inline_response_field),
    ("response-field-type-changed", _change_response_type),
    ("response-field-type-changed", _change_type_behind_ref),
    ("response-field-type-changed", _make_response_field_nullable),
    ("success-status-changed", _change_success_status),
    ("success-content-type-changed", _change_success_content_type),
    ("response-type-changed", _change_answer_model),
    ("model-removed", _remove_model),
    ("enum-removed", _remove_enum),
    ("request-enum-value-removed", _remove_request_enum_value),
    ("request-enum-value-removed", _remove_component_enum_value),
    ("body-removed", _remove_body),
]

COMPATIBLE: list[tuple[str, Mutation]] = [
    ("operation-added", _add_operation),
    ("optional-parameter-added", _add_optional_parameter),
    ("optional-request-field-added", _add_optional_request_field),
    ("response-field-added", _add_response_field),
    ("response-field-added", _add_required_response_field),
    ("deprecated", _deprecate_operation),
    ("deprecated", _deprecate_field),
    ("description-changed", _change_description),
    ("enum-value-added", _add_enum_value),
    ("model-added", _add_model),
    ("parameter-now-optional", _relax_parameter),
    ("field-now-optional", _relax_request_field),
    ("success-status-added", _add_success_status),
]


def _mutated(mutation: Mutation) -> dict[str, Any]:
    doc = copy.deepcopy(BASE)
    mutation(doc)
    return doc


def _kinds(changes: list[Any]) -> list[str]:
    return [c.kind for c in changes]


@pytest.mark.parametrize(
    ("kind", "mutation"), BREAKING, ids=[f.__name__.strip("_") for _, f in BREAKING]
)
def test_breaking_changes_are_reported_as_breaking(kind: str, mutation: Mutation) -> None:
    """Each breaking kind the issue lists is found, and only among the breaking entries."""
    report = _changes.compare(BASE, _mutated(mutation))
    assert kind in _kinds(report.breaking), _changes.format_report(
        report, baseline="x", version="0.1.0"
    )
    assert kind not in _kinds(report.compatible)


@pytest.mark.parametrize(
    ("kind", "mutation"), COMPATIBLE, ids=[f.__name__.strip("_") for _, f in COMPATIBLE]
)
def test_compatible_changes_are_never_reported_as_breaking(kind: str, mutation: Mutation) -> None:
    """Each compatible kind is found, and nothing at all is reported as breaking."""
    report = _changes.compare(BASE, _mutated(mutation))
    assert report.breaking == [], _changes.format_report(report, baseline="x", version="0.1.0")
    assert kind in _kinds(report.compatible)


def test_no_change_gives_an_empty_report_and_a_no_changes_line() -> None:
    """The same bundle (a fresh copy) gives nothing, and the text says so in one line."""
    report = _changes.compare(BASE, copy.deepcopy(BASE))
    assert report.empty
    assert report.to_json() == {"breaking": [], "compatible": []}
    text = _changes.format_report(report, baseline="generated/x/openapi.json", version="0.1.0")
    assert text == "change report (against generated/x/openapi.json): no changes to the typed API"


def test_entries_name_the_python_symbol_and_the_operation_or_schema() -> None:
    """Symbols follow the generator's naming: api.<tag>.<operation>, (param), models.Class.field."""
    doc = _mutated(_add_required_parameter)
    _remove_response_field(doc)
    _narrow_request_type(doc)
    entries = _changes.compare(BASE, doc).to_json()["breaking"]
    assert {
        "kind": "parameter-required",
        "where": {
            "symbol": "nitrobox_client.api.orders.cancel_order(cancel_date)",
            "operation": {"operationId": "cancelOrder", "method": "PUT", "path": CANCEL},
        },
        "detail": "required query parameter 'cancelDate' added",
    } in entries
    assert {
        "kind": "response-field-removed",
        "where": {"symbol": "nitrobox_client.models.Customer.created_at", "schema": "Customer"},
        "detail": "field 'createdAt' removed",
    } in entries
    assert {
        "kind": "request-field-type-changed",
        "where": {"symbol": "nitrobox_client.models.CreateOrder.quantity", "schema": "CreateOrder"},
        "detail": "field 'quantity': type float → int",
    } in entries
    for entry in entries:
        assert set(entry) == {"kind", "where", "detail"}
        assert set(entry["where"]) in ({"symbol", "operation"}, {"symbol", "schema"})


def test_a_field_of_an_inline_answer_is_named_by_the_generated_class() -> None:
    """An answer without $ref is a class the generator names <Operation>Response<status>."""
    report = _changes.compare(BASE, _mutated(_remove_inline_response_field))
    assert [c.symbol for c in report.breaking] == [
        "nitrobox_client.models.GetOrderStatusResponse200.since"
    ]


def test_a_type_behind_a_ref_is_reported_where_it_is_used() -> None:
    """Amount (a primitive alias) number -> string shows as Order.total float -> str."""
    report = _changes.compare(BASE, _mutated(_change_type_behind_ref))
    assert [(c.symbol, c.detail) for c in report.breaking] == [
        ("nitrobox_client.models.Order.total", "field 'total': type float → str")
    ]


def test_both_sides_model_gets_the_stricter_verdict() -> None:
    """OrderAddress is in a request and an answer: a new optional field is compatible, a
    field becoming optional breaks the answer side (its type gains Unset)."""
    doc = copy.deepcopy(BASE)
    _schemas(doc)["OrderAddress"]["required"] = []
    report = _changes.compare(BASE, doc)
    assert _kinds(report.breaking) == ["response-field-type-changed"]
    assert report.breaking[0].symbol == "nitrobox_client.models.OrderAddress.street"


def _official_error(folder: Path) -> None:
    text = (folder / "customer-api.yaml").read_text(encoding="utf-8")
    marker = "        status: {type: string}\n"
    assert marker in text
    (folder / "customer-api.yaml").write_text(
        text.replace(marker, marker + "        code: {type: integer}\n", 1), encoding="utf-8"
    )


def test_a_component_renamed_by_the_bundler_is_explained_not_removed_and_added(
    tmp_path: Path,
) -> None:
    """When customer-api's GlobalErrorResponse starts to differ from order-api's, one of them
    is renamed by the bundler: the report explains the rename once and lists no added model
    and no per-operation answer change for it."""
    folder = tmp_path / "openapi"
    folder.mkdir()
    for path in FIXTURES.iterdir():
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    _official_error(folder)
    old, new = _fixture_bundle(), _fixture_bundle(folder)
    assert "OrderGlobalErrorResponse" in _schemas(new)
    report = _changes.compare(old, new)
    entries = [*report.breaking, *report.compatible]
    renamed = [c for c in entries if c.kind == "model-renamed-by-bundler"]
    assert len(renamed) == 1
    models = "nitrobox_client.models"
    assert renamed[0].symbol == f"{models}.GlobalErrorResponse → {models}.OrderGlobalErrorResponse"
    assert "order-api.yaml's GlobalErrorResponse to OrderGlobalErrorResponse" in renamed[0].detail
    assert "answers of 2 operation(s) now parse into OrderGlobalErrorResponse" in renamed[0].detail
    assert renamed[0].detail.endswith("cancelOrder, createOrder")
    assert renamed[0].breaking  # isinstance checks on the order answers change
    assert "model-added" not in _kinds(entries)
    assert "model-removed" not in _kinds(entries)
    assert "response-type-changed" not in _kinds(entries)
    # The content change of the plain-named one is reported as such.
    assert ("response-field-added", "nitrobox_client.models.GlobalErrorResponse.code") in [
        (c.kind, c.symbol) for c in entries
    ]


def test_suggested_bump_follows_the_0x_rule() -> None:
    """0.x: breaking bumps the minor, anything else the patch; 1.x: major/minor/patch."""
    breaking = _changes.compare(BASE, _mutated(_remove_operation))
    added = _changes.compare(BASE, _mutated(_add_operation))
    described = _changes.compare(BASE, _mutated(_change_description))
    none = _changes.compare(BASE, BASE)
    bump = _changes.suggest_bump
    assert bump("0.1.3", breaking)[0] == "0.2.0"
    assert bump("0.1.3", added)[0] == "0.1.4"
    assert bump("0.1.3", none)[0] == "0.1.3"
    assert bump("1.4.2", breaking)[0] == "2.0.0"
    assert bump("1.4.2", added)[0] == "1.5.0"
    assert bump("1.4.2", described)[0] == "1.4.3"
    assert "bump by hand" in bump("1.0", added)[1]


def test_changelog_draft_sorts_entries_into_keep_a_changelog_sections() -> None:
    """Removals under Removed (marked breaking), additions under Added, descriptions summed."""
    doc = _mutated(_remove_enum)
    _add_optional_request_field(doc)
    _change_description(doc)
    _deprecate_field(doc)
    draft = _changes.changelog_draft(_changes.compare(BASE, doc))
    sections = re.findall(r"^### (\w+)$", draft, flags=re.M)
    assert sections == ["Added", "Changed", "Deprecated", "Removed"]
    assert (
        "- **Breaking:** `nitrobox_client.models.Currency` (schema Currency): enum removed" in draft
    )
    assert "- `nitrobox_client.models.CreateCustomer.note` (schema CreateCustomer)" in draft
    assert "- 2 description(s) changed in the API documentation" in draft


def test_derived_symbols_exist_in_the_generated_package() -> None:
    """The names the report prints are the generator's: every operation module of the shipped
    bundle imports, and every model class a field type names is exported by models/."""
    doc = bundled_spec()
    naming = _changes.Naming()
    for op in _spec_reading.operations(doc).values():
        module = naming.endpoint(op.tag, op.operation_id)
        assert importlib.util.find_spec(module) is not None, module
    exported = set(
        re.findall(
            r"\b([A-Z]\w+)\b",
            (ROOT / "generated" / "nitrobox_client" / "models" / "__init__.py").read_text(),
        )
    )
    builtin = {"UUID", "File", "Any", "None"}
    named = 0
    for name, schema in doc["components"]["schemas"].items():
        if not (_spec_reading.is_model(schema) or _spec_reading.is_enum(schema)):
            continue
        class_name = naming.class_name(name)
        assert class_name in exported, name
        props, _ = _spec_reading.properties(doc, schema)
        for prop, prop_schema in props.items():
            owner = f"{class_name}{pascal_case(prop)}"
            for cls in re.findall(
                r"[A-Z]\w+", _spec_reading.py_type(doc, prop_schema, owner, naming)
            ):
                assert cls in exported | builtin, f"{name}.{prop}: {cls}"
                named += 1
    assert named > 10


def test_the_report_is_json_serialisable_and_stable() -> None:
    """The JSON written by --changes round-trips and lists entries in a stable order."""
    doc = _mutated(_remove_model)
    _add_enum_value(doc)
    first = _changes.compare(BASE, doc).to_json()
    assert json.loads(json.dumps(first)) == first
    assert _changes.compare(BASE, copy.deepcopy(doc)).to_json() == first


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "cannot read the previous bundle"),
        ('{"paths": {}}', "is not an OpenAPI bundle (no 'openapi' key)"),
        ('{"openapi": "3.0.3", "paths": []}', "has no 'paths'/'components' mappings"),
        (
            '{"openapi": "3.0.3", "paths": {"/x": {"get": 1}}, "components": {"schemas": 3}}',
            "malformed bundle",
        ),
    ],
)
def test_an_unreadable_baseline_is_a_clear_error(tmp_path: Path, text: str, message: str) -> None:
    """A broken openapi.json in --output (or --baseline) stops the run with the file named,
    instead of a traceback or a silently empty report."""
    regenerate = load_script_module("regenerate")
    baseline = tmp_path / "openapi.json"
    baseline.write_text(text, encoding="utf-8")
    with pytest.raises(regenerate.ChangeReportError, match=re.escape(message)) as caught:
        regenerate._change_report(baseline, BASE, ROOT / "openapi")
    assert str(baseline) in str(caught.value)


def test_a_missing_baseline_means_nothing_to_compare(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first generation has no previous package: an empty report, said in one line."""
    regenerate = load_script_module("regenerate")
    report = regenerate._change_report(tmp_path / "openapi.json", BASE, ROOT / "openapi")
    assert report.empty
    assert "no previous bundle at" in capsys.readouterr().out


def test_unrelated_bundles_compare_without_error_in_both_directions() -> None:
    """The shipped bundle against the fixture one and against an empty document: every
    operation and model of the shipped one is accounted for, in both directions."""
    shipped = bundled_spec()
    empty = {"openapi": "3.0.3", "info": {"title": "empty", "version": "0"}, "paths": {}}
    gone = _changes.compare(shipped, empty)
    operations = len(_spec_reading.operations(shipped))
    assert _kinds(gone.breaking).count("operation-removed") == operations
    assert gone.compatible == []
    back = _changes.compare(empty, shipped)
    assert back.breaking == []
    assert _kinds(back.compatible).count("operation-added") == operations
    for old, new in ((shipped, BASE), (BASE, shipped)):
        for entry in [*_changes.compare(old, new).to_json()["breaking"]]:
            assert set(entry) == {"kind", "where", "detail"}
