"""The spec bundled with the generated client, as the sandbox and `nitrobox call` load it."""

from __future__ import annotations

import importlib.resources

import pytest

from nitrobox_auth import NitroboxError
from nitrobox_auth._bundled_spec import BundledSpecError, follow_pointer, load_bundled_spec, resolve


def test_the_bundled_spec_holds_every_operation_of_the_generated_client() -> None:
    """The document lists the operations the typed client was generated from."""
    spec = load_bundled_spec()
    operation_ids = {
        op["operationId"]
        for item in spec["paths"].values()
        for op in item.values()
        if "operationId" in op
    }
    assert {"createCustomer", "createContract", "createUsage", "queryContracts"} <= operation_ids


def test_a_missing_generated_package_names_the_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without nitrobox_client, the error is typed and says how to get the spec back."""

    def missing(package: str) -> object:
        raise ModuleNotFoundError(package)

    monkeypatch.setattr(importlib.resources, "files", missing)
    with pytest.raises(BundledSpecError, match=r"scripts/regenerate\.py") as caught:
        load_bundled_spec()
    assert isinstance(caught.value, NitroboxError)


def test_refs_are_followed_through_chains_and_json_pointer_escapes() -> None:
    """A $ref chain ends at the real node; ~1 and ~0 stand for / and ~ in a pointer."""
    document = {
        "paths": {"/v2/a": {"get": {"operationId": "a"}}},
        "components": {
            "schemas": {"A": {"$ref": "#/components/schemas/B"}, "B": {"type": "string"}}
        },
    }
    assert resolve(document, {"$ref": "#/components/schemas/A"}) == {"type": "string"}
    assert follow_pointer(document, "#/paths/~1v2~1a/get") == {"operationId": "a"}


@pytest.mark.parametrize(
    ("node", "problem"),
    [
        ({"$ref": "#/components/schemas/Missing"}, "dangling"),
        ({"$ref": "other.yaml#/X"}, "only local"),
        ({"$ref": "#/components/schemas/Loop"}, "cannot be followed"),
    ],
)
def test_refs_that_cannot_be_followed_are_typed_errors(node: dict[str, str], problem: str) -> None:
    """Dangling, external and circular references say which $ref is wrong."""
    document = {"components": {"schemas": {"Loop": {"$ref": "#/components/schemas/Loop"}}}}
    with pytest.raises(BundledSpecError, match=problem):
        resolve(document, node)
