"""The spec bundled with the generated client, as the sandbox and `nitrobox call` load it."""

from __future__ import annotations

import importlib.resources

import pytest

from nitrobox_auth import NitroboxError
from nitrobox_auth._bundled_spec import BundledSpecError, load_bundled_spec


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
