"""Shared helpers for the tests of the generated client: the bundled spec, the scripts'
modules, minimal valid values built from the spec's schemas, and a mock Nitrobox.

pytest's ``pythonpath`` setting puts this folder (and tests/spec, scripts) on the import path.
"""

from __future__ import annotations

import copy
import importlib.resources
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

from http_under_test import httpx

from nitrobox_auth import NitroboxSettings

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = ROOT / "scripts"
ACCESS_TOKEN = "test-access-token-0123456789"
BASE_URL = "https://nitrobox.test"
SETTINGS = NitroboxSettings(
    tenant="acme", client_id="client-id", client_secret="client-secret", base_url=BASE_URL
)


def load_script_module(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` (scripts/ is on pytest's ``pythonpath``; not a package)."""
    return importlib.import_module(name)


def bundled_spec() -> dict[str, Any]:
    """The bundle the generated package ships, loaded the documented way."""
    text = (importlib.resources.files("nitrobox_client") / "openapi.json").read_text("utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


def resolve(schema: dict[str, Any], doc: dict[str, Any]) -> dict[str, Any]:
    """Follow local ``$ref``s until a real object."""
    while "$ref" in schema:
        node: Any = doc
        for part in schema["$ref"].removeprefix("#/").split("/"):
            node = node[part]
        schema = node
    return schema


_FORMATS = {
    "date-time": "2024-01-02T03:04:05Z",
    "date": "2024-01-02",
    "uuid": "7fb76a6b-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
    "email": "billing@example.com",
    "uri": "https://example.com/x",
    "url": "https://example.com/x",
}


def example_value(
    schema: dict[str, Any], doc: dict[str, Any], *, all_properties: bool = False, depth: int = 0
) -> Any:
    """A minimal value valid for ``schema``: required properties only below the top level."""
    schema = resolve(schema, doc)
    if "enum" in schema:
        return schema["enum"][0]
    if "allOf" in schema:
        merged: dict[str, Any] = {"type": "object", "properties": {}, "required": []}
        for part in schema["allOf"]:
            part = resolve(part, doc)
            merged["properties"].update(part.get("properties", {}))
            merged["required"] += part.get("required", [])
        return example_value(merged, doc, all_properties=all_properties, depth=depth)
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return _one_of_value(schema, key, doc, all_properties, depth)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next(k for k in kind if k != "null")
    if kind == "object" or "properties" in schema:
        props = schema.get("properties", {})
        names = list(props) if all_properties else schema.get("required", [])
        return {
            name: example_value(props[name], doc, depth=depth + 1)
            for name in names
            if name in props and depth < 8
        }
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1)))
        return [example_value(schema.get("items", {}), doc, depth=depth + 1)] * count
    if kind == "string":
        if "example" in schema and isinstance(schema["example"], str):
            return schema["example"]
        if schema.get("format") == "binary":
            return b"%PDF-1.4"
        if schema.get("format") in _FORMATS:
            return _FORMATS[schema["format"]]
        return "x" * max(1, int(schema.get("minLength", 1)))
    if kind == "integer":
        return int(schema.get("minimum", 1))
    if kind == "number":
        return float(schema.get("minimum", 1.5))
    if kind == "boolean":
        return True
    return "x"


def _one_of_value(
    schema: dict[str, Any], key: str, doc: dict[str, Any], all_properties: bool, depth: int
) -> Any:
    option = schema[key][0]
    discriminator = schema.get("discriminator")
    value = example_value(option, doc, all_properties=all_properties, depth=depth)
    if discriminator and isinstance(value, dict):
        ref = option.get("$ref", "")
        mapping = {target: tag for tag, target in discriminator.get("mapping", {}).items()}
        value[discriminator["propertyName"]] = mapping.get(ref, ref.rsplit("/", 1)[-1])
    return value


class MockNitrobox:
    """A scripted Nitrobox: a token endpoint plus one canned API answer; records requests."""

    def __init__(self, status: int = 200, *, http: Any = httpx, **response: Any) -> None:
        # ``http``: the HTTP package its answers and transports are of (default: the pass's).
        self.http = http
        self.status = status
        self.response = response
        self.api_requests: list[httpx.Request] = []
        self.token_requests = 0

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/acme/oauth2/token":
            self.token_requests += 1
            return self.http.Response(
                200,
                json={"access_token": ACCESS_TOKEN, "token_type": "bearer", "expires_in": 269},
            )
        request.read()
        self.api_requests.append(request)
        return self.http.Response(self.status, **copy.deepcopy(self.response))

    def transports(self) -> dict[str, Any]:
        """``transport`` and ``async_transport`` for ``create_client``."""
        return {
            "transport": self.http.MockTransport(self),
            "async_transport": self.http.MockTransport(self),
        }


def normalize_path(path: str) -> str:
    """``/v2/customers/{customerIdent}`` and ``/v2/customers/{customer_ident}`` compare equal."""
    return re.sub(r"\{[^}]+\}", "{}", path)
