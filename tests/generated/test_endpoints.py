"""Every operation of the bundled spec, called through its generated module (sync and
asyncio) with a client from ``create_client``, over ``httpx.MockTransport``; the sync wire
test runs on an httpx2 client too (the generated code runs on either package)."""

from __future__ import annotations

import asyncio
import datetime
import enum
import importlib
import inspect
import pkgutil
import re
import types
import typing
import uuid
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

import http_under_test
import nitrobox_client.api
import pytest
from dateutil.parser import isoparse
from generated_helpers import (
    ACCESS_TOKEN,
    BASE_URL,
    SETTINGS,
    MockNitrobox,
    bundled_spec,
    example_value,
    normalize_path,
    resolve,
)
from http_under_test import httpx

from nitrobox_auth import create_client

SPEC = bundled_spec()
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def _endpoint_modules() -> dict[tuple[str, str], types.ModuleType]:
    modules = {}
    for info in pkgutil.walk_packages(nitrobox_client.api.__path__, "nitrobox_client.api."):
        module = importlib.import_module(info.name)
        if hasattr(module, "HTTP_METHOD"):
            key = (module.HTTP_METHOD, normalize_path(module.PATH_TEMPLATE))
            assert key not in modules, f"two modules for {key}"
            modules[key] = module
    return modules


MODULES = _endpoint_modules()


def _operations() -> Iterator[Any]:
    for path, item in SPEC["paths"].items():
        for method in METHODS:
            if method in item:
                op = item[method]
                params = [resolve(p, SPEC) for p in item.get("parameters", [])]
                params += [resolve(p, SPEC) for p in op.get("parameters", [])]
                yield pytest.param(method.upper(), path, op, params, id=op["operationId"])


OPERATIONS = list(_operations())


def test_every_operation_has_exactly_one_module() -> None:
    """The generated package has one endpoint module per spec operation, and no others."""
    expected = {(p.values[0], normalize_path(p.values[1])) for p in OPERATIONS}
    assert set(MODULES) == expected
    assert len(OPERATIONS) > 0


def _squash(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower())


def _python_names(module: types.ModuleType, params: list[dict[str, Any]]) -> dict[str, str]:
    """Spec parameter name -> keyword argument of the generated function."""
    arg_names = [n for n in inspect.signature(module._get_kwargs).parameters if n != "body"]
    found = {}
    for param in params:
        candidates = [
            n
            for n in arg_names
            if _squash(n) in {_squash(param["name"]), _squash(param["name"] + param["in"])}
        ]
        assert len(candidates) == 1, f"no argument for {param['in']} parameter {param['name']}"
        found[param["name"]] = candidates[0]
    return found


def _to_python(hint: Any, value: Any) -> Any:
    """Turn a JSON value into what the generated function's annotation asks for."""
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        members = [a for a in typing.get_args(hint) if a is not type(None)]
        members = [a for a in members if getattr(a, "__name__", "") != "Unset"]
        errors = []
        for member in members:
            try:
                return _to_python(member, value)
            except (TypeError, ValueError, KeyError, AttributeError) as exc:
                errors.append(exc)
        raise TypeError(f"{value!r} fits none of {members}: {errors}")
    if typing.get_origin(hint) is list:
        if not isinstance(value, list):
            raise TypeError(f"{value!r} is not a list")
        return [_to_python(typing.get_args(hint)[0], v) for v in value]
    if inspect.isclass(hint) and issubclass(hint, enum.Enum):
        return hint(value)
    if hint is datetime.datetime:
        return isoparse(value)
    if hint is datetime.date:
        return isoparse(value).date()
    if hint is uuid.UUID:
        return uuid.UUID(value)
    if hasattr(hint, "from_dict"):
        if not isinstance(value, dict):
            raise TypeError(f"{value!r} is not an object")
        return hint.from_dict(value)
    if hint in (str, int, float, bool) and not isinstance(value, hint):
        raise TypeError(f"{value!r} is not a {hint}")
    return value


def _query_strings(value: Any) -> list[str]:
    values = value if isinstance(value, list) else [value]
    return [
        str(v).lower() if isinstance(v, bool) else str(v.value if isinstance(v, enum.Enum) else v)
        for v in values
    ]


def _success(op: dict[str, Any]) -> tuple[int, dict[str, Any], bool]:
    """A documented 2xx answer for the mock: status, httpx.Response kwargs, JSON expected."""
    code, response = next((c, r) for c, r in op["responses"].items() if c.startswith("2"))
    status = int(code.replace("X", "0"))
    content = resolve(response, SPEC).get("content", {})
    json_schema = content.get("application/json", {}).get("schema")
    if json_schema is not None and status != 204:
        return status, {"json": example_value(json_schema, SPEC)}, True
    if content:
        media, body = next(iter(content.items()))
        has_schema = "schema" in body
        return status, {"content": b"%PDF-1.4", "headers": {"content-type": media}}, has_schema
    return status, {}, False


class Call:
    """The arguments for one operation, and what the request must look like."""

    def __init__(self, method: str, path: str, op: dict[str, Any], params: list[Any]) -> None:
        self.module = MODULES[(method, normalize_path(path))]
        hints = typing.get_type_hints(self.module._get_kwargs)
        names = _python_names(self.module, params)
        self.kwargs: dict[str, Any] = {}
        self.path = path
        self.query: dict[str, list[str]] = {}
        self.headers: dict[str, str] = {}
        for param in params:
            value = example_value(param.get("schema", {}), SPEC)
            python_value = _to_python(hints[names[param["name"]]], value)
            self.kwargs[names[param["name"]]] = python_value
            if param["in"] == "path":
                self.path = self.path.replace("{" + param["name"] + "}", quote(str(value), safe=""))
            elif param["in"] == "query":
                self.query[param["name"]] = _query_strings(python_value)
            elif param["in"] == "header":
                self.headers[param["name"]] = _query_strings(python_value)[0]
        self.body_keys: set[str] | None = None
        self.body_schema: dict[str, Any] = {}
        self.media_type = ""
        if "requestBody" in op:
            self.media_type, media = next(iter(resolve(op["requestBody"], SPEC)["content"].items()))
            self.body_schema = resolve(media["schema"], SPEC)
            body = example_value(self.body_schema, SPEC, all_properties=True)
            self.kwargs["body"] = _to_python(hints["body"], body)
            self.body_keys = set(body) if isinstance(body, dict) else None
        self.query_names = {p["name"] for p in params if p["in"] == "query"}

    def check(self, request: httpx.Request, method: str) -> None:
        """The request matches the spec operation."""
        assert request.method == method
        assert request.url.path == self.path
        assert f"{request.url.scheme}://{request.url.host}" == BASE_URL
        for name, values in self.query.items():
            if values and not re.fullmatch(r"\d{4}-\d\d-\d\d.*", values[0]):
                assert request.url.params.get_list(name) == values, name
            else:
                assert name in request.url.params, name
        assert set(request.url.params) <= self.query_names
        for name, value in self.headers.items():
            assert request.headers[name] == value
        assert request.headers["authorization"] == f"Bearer {ACCESS_TOKEN}"
        if self.media_type == "multipart/form-data":
            assert request.headers["content-type"].startswith("multipart/form-data")
            sent_parts = set(
                re.findall(rb'Content-Disposition: form-data; name="([^"]+)"', request.content)
            )
            assert {k.encode() for k in self.body_keys or ()} == sent_parts
        elif self.body_keys is not None:
            assert request.headers["content-type"] == self.media_type
            sent = httpx.Response(200, content=request.content).json()
            assert set(sent) == self.body_keys
            assert set(self.body_schema.get("required", [])) <= set(sent)
            properties = self.body_schema.get("properties")
            if properties is not None:
                assert set(sent) <= set(properties)


# The pass's package, and httpx2 in the httpx pass too: each operation on an httpx2 client.
PACKAGES = sorted({http_under_test.NAME, "httpx2"})


@pytest.mark.parametrize("package", PACKAGES)
@pytest.mark.parametrize(("method", "path", "op", "params"), OPERATIONS)
def test_sync_call_matches_spec(
    method: str, path: str, op: dict[str, Any], params: list[Any], package: str
) -> None:
    """sync_detailed sends method, path, query, JSON body keys and the bearer token of the spec."""
    http = importlib.import_module(package)
    call = Call(method, path, op, params)
    status, answer, parses = _success(op)
    nitrobox = MockNitrobox(status, http=http, **answer)
    client = create_client(SETTINGS, **nitrobox.transports())
    assert isinstance(client.get_httpx_client(), http.Client)
    response = call.module.sync_detailed(client=client, **call.kwargs)
    assert response.status_code == status
    assert (response.parsed is not None) == parses
    assert len(nitrobox.api_requests) == 1
    assert isinstance(nitrobox.api_requests[0], http.Request)
    call.check(nitrobox.api_requests[0], method)


@pytest.mark.parametrize(("method", "path", "op", "params"), OPERATIONS)
def test_asyncio_call_matches_spec(
    method: str, path: str, op: dict[str, Any], params: list[Any]
) -> None:
    """asyncio_detailed sends the same request as the sync function."""
    call = Call(method, path, op, params)
    status, answer, parses = _success(op)
    nitrobox = MockNitrobox(status, **answer)
    client = create_client(SETTINGS, **nitrobox.transports())
    response = asyncio.run(call.module.asyncio_detailed(client=client, **call.kwargs))
    assert response.status_code == status
    assert (response.parsed is not None) == parses
    assert len(nitrobox.api_requests) == 1
    call.check(nitrobox.api_requests[0], method)
