"""Unit tests of the pure bundling rules in scripts/_bundle.py."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from generated_helpers import load_script_module

_bundle = load_script_module("_bundle")
SpecFile = _bundle.SpecFile
BundleError = _bundle.BundleError

ERROR = {
    "type": "object",
    "required": ["status"],
    "properties": {"status": {"type": "string"}},
}


def _spec(
    filename: str,
    paths: dict[str, Any],
    schemas: dict[str, Any],
    **extra: Any,
) -> Any:
    document = {
        "openapi": "3.0.3",
        "info": {"title": filename, "version": "v2"},
        "paths": paths,
        "components": {"schemas": schemas},
        **extra,
    }
    return SpecFile(filename=filename, domain=_bundle.domain_of(filename), document=document)


def _get(op_id: str, schema_ref: str) -> dict[str, Any]:
    return {
        "get": {
            "operationId": op_id,
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {"application/json": {"schema": {"$ref": schema_ref}}},
                }
            },
        }
    }


def test_identical_components_are_merged() -> None:
    """The same schema in two files appears once, under its own name, and nothing is renamed."""
    a = _spec("customer-api.yaml", {"/v2/a": _get("a", "#/components/schemas/Err")}, {"Err": ERROR})
    b = _spec("order-api.yaml", {"/v2/b": _get("b", "#/components/schemas/Err")}, {"Err": ERROR})
    result = _bundle.bundle([a, b])
    assert list(result.document["components"]["schemas"]) == ["Err"]
    assert set(result.document["paths"]) == {"/v2/a", "/v2/b"}
    assert result.notes == []


def test_differing_components_are_renamed_and_refs_rewritten() -> None:
    """A same-named, different schema gets its domain prefix, and that file's $refs follow."""
    other = {**ERROR, "properties": {"status": {"type": "string"}, "uuid": {"type": "string"}}}
    address = {"type": "object", "properties": {"err": {"$ref": "#/components/schemas/Err"}}}
    a = _spec("customer-api.yaml", {"/v2/a": _get("a", "#/components/schemas/Err")}, {"Err": ERROR})
    b = _spec("order-api.yaml", {"/v2/b": _get("b", "#/components/schemas/Err")}, {"Err": ERROR})
    c = _spec(
        "report-api.json",
        {"/v2/c": _get("c", "#/components/schemas/Address")},
        {"Err": other, "Address": address},
        security=[{"oauth": []}],
    )
    result = _bundle.bundle([a, b, c])
    schemas = result.document["components"]["schemas"]
    # The variant two files share keeps the plain name.
    assert schemas["Err"] == ERROR
    assert schemas["ReportErr"] == other
    assert schemas["Address"]["properties"]["err"]["$ref"] == "#/components/schemas/ReportErr"
    ref = result.document["paths"]["/v2/b"]["get"]["responses"]["200"]["content"]
    assert ref["application/json"]["schema"]["$ref"] == "#/components/schemas/Err"
    assert any("renamed to ReportErr" in note for note in result.notes)


def test_rename_propagates_to_schemas_that_refer_to_a_renamed_one() -> None:
    """Two textually equal schemas differ when what they refer to differs: both follow."""
    wrapper = {"type": "object", "properties": {"e": {"$ref": "#/components/schemas/Err"}}}
    other = {"type": "object", "properties": {"code": {"type": "integer"}}}
    a = _spec("customer-api.yaml", {}, {"Err": ERROR, "Wrap": wrapper})
    b = _spec("order-api.yaml", {}, {"Err": other, "Wrap": wrapper})
    schemas = _bundle.bundle([a, b]).document["components"]["schemas"]
    assert set(schemas) == {"Err", "OrderErr", "Wrap", "OrderWrap"}
    assert schemas["OrderWrap"]["properties"]["e"]["$ref"] == "#/components/schemas/OrderErr"
    assert schemas["Wrap"]["properties"]["e"]["$ref"] == "#/components/schemas/Err"


def test_discriminator_mapping_and_security_requirements_follow_renames() -> None:
    """Renames reach discriminator mappings and security requirements, not only $ref."""
    poly = {
        "oneOf": [{"$ref": "#/components/schemas/Err"}],
        "discriminator": {"propertyName": "status", "mapping": {"E": "#/components/schemas/Err"}},
    }
    scheme_a = {"type": "http", "scheme": "bearer"}
    scheme_b = {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/t", "scopes": {}}}}
    a = _spec("customer-api.yaml", {"/v2/a": _get("a", "#/components/schemas/Err")}, {"Err": ERROR})
    a.document["components"]["securitySchemes"] = {"auth": scheme_a}
    a.document["security"] = [{"auth": []}]
    b = _spec("order-api.yaml", {"/v2/b": _get("b", "#/components/schemas/Poly")}, {})
    b.document["components"]["schemas"] = {"Err": {"type": "object"}, "Poly": poly}
    b.document["components"]["securitySchemes"] = {"auth": scheme_b}
    b.document["security"] = [{"auth": []}]
    document = _bundle.bundle([a, b]).document
    mapped = document["components"]["schemas"]["Poly"]["discriminator"]["mapping"]
    assert mapped == {"E": "#/components/schemas/OrderErr"}
    assert set(document["components"]["securitySchemes"]) == {"auth", "OrderAuth"}
    # Different global security per file: each operation keeps its own file's requirement.
    assert "security" not in document
    assert document["paths"]["/v2/b"]["get"]["security"] == [{"OrderAuth": []}]
    assert document["paths"]["/v2/a"]["get"]["security"] == [{"auth": []}]


def test_duplicate_operation_ids_are_rejected() -> None:
    """Two different operations with one operationId fail with both places named."""
    a = _spec(
        "customer-api.yaml", {"/v2/a": _get("same", "#/components/schemas/Err")}, {"Err": ERROR}
    )
    b = _spec("order-api.yaml", {"/v2/b": _get("same", "#/components/schemas/Err")}, {"Err": ERROR})
    with pytest.raises(BundleError, match=r"duplicate operationId 'same'.*customer-api.*order-api"):
        _bundle.bundle([a, b])


def test_conflicting_operations_on_one_path_are_rejected() -> None:
    """The same method and path defined differently in two files is an error, not a pick."""
    a = _spec("customer-api.yaml", {"/v2/a": _get("a", "#/components/schemas/Err")}, {"Err": ERROR})
    b = _spec("order-api.yaml", {"/v2/a": _get("a2", "#/components/schemas/Err")}, {"Err": ERROR})
    with pytest.raises(BundleError, match=r"paths//v2/a 'get' differs"):
        _bundle.bundle([a, b])


def test_tags_and_servers_are_merged_without_duplicates() -> None:
    """Tags are merged by name (sorted) and servers by value."""
    server = [{"url": "https://api.nitrobox.io"}]
    a = _spec("customer-api.yaml", {}, {}, tags=[{"name": "Customers"}], servers=server)
    b = _spec(
        "order-api.yaml", {}, {}, tags=[{"name": "Orders"}, {"name": "Customers"}], servers=server
    )
    document = _bundle.bundle([a, b]).document
    assert document["tags"] == [{"name": "Customers"}, {"name": "Orders"}]
    assert document["servers"] == server


def test_external_refs_are_rejected_with_advice() -> None:
    """A $ref into another file is refused with a message that says what to do."""
    a = _spec("customer-api.yaml", {"/v2/a": _get("a", "common.yaml#/components/schemas/E")}, {})
    with pytest.raises(
        BundleError, match=re.escape("external $ref 'common.yaml#/components/schemas/E'")
    ):
        _bundle.bundle([a])


def test_load_specs_skips_non_specs_and_lets_official_json_supersede(tmp_path: Path) -> None:
    """Config and README files are ignored; customer-api.json replaces customer-api.yaml."""
    (tmp_path / "config.yml").write_text("package_name_override: x\n")
    (tmp_path / "README.md").write_text("# specs\n")
    (tmp_path / "customer-api.yaml").write_text(
        "openapi: 3.0.3\ninfo: {title: ours, version: v2}\npaths: {}\n"
        "components: {examples: {d: {value: 2024-01-02}}}\n"
    )
    (tmp_path / "customer-api.json").write_text(
        '{"openapi": "3.0.3", "info": {"title": "official", "version": "v2"}, "paths": {}}'
    )
    (tmp_path / "order-api.yml").write_text(
        "openapi: 3.0.3\ninfo: {title: o, version: v2}\npaths: {}\n"
        "components: {examples: {d: {value: 2024-01-02}}}\n"
    )
    specs, notes = _bundle.load_specs(tmp_path)
    assert [s.filename for s in specs] == ["customer-api.json", "order-api.yml"]
    assert notes == ["customer-api.json (official) supersedes customer-api.yaml"]
    # YAML dates stay strings, so the bundle is plain JSON.
    assert specs[1].document["components"]["examples"]["d"]["value"] == "2024-01-02"


def test_load_specs_without_any_spec_says_so(tmp_path: Path) -> None:
    """An empty folder is an error that names the folder."""
    (tmp_path / "config.yml").write_text("post_hooks: []\n")
    with pytest.raises(BundleError, match="no OpenAPI document"):
        _bundle.load_specs(tmp_path)


def test_mixed_openapi_versions_bundle_as_the_newest_with_a_note() -> None:
    """An official 3.1 file next to our 3.0 files is bundled as 3.1, and the user is told."""
    a = _spec("customer-api.yaml", {}, {"Err": ERROR})
    b = _spec("report-api.json", {}, {"Err": ERROR})
    b.document["openapi"] = "3.1.0"
    result = _bundle.bundle([a, b])
    assert result.document["openapi"] == "3.1.0"
    assert result.notes == [
        "mixed OpenAPI versions (customer-api.yaml: 3.0.3, report-api.json: 3.1.0); "
        "the bundle declares 3.1.0"
    ]
