"""Every operation of the spec is served, and every answer validates against the spec."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

import pytest
from http_under_test import httpx
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse

from nitrobox_sandbox import Sandbox
from nitrobox_sandbox._spec import Operation, Spec
from nitrobox_sandbox._synth import Synthesizer


@pytest.fixture(scope="module")
def response_validator(spec_document: dict[str, Any]) -> OpenAPI:
    served = copy.deepcopy(spec_document)
    served["servers"] = [{"url": "/"}]
    return OpenAPI.from_dict(served)


def _operations(spec_document: dict[str, Any]) -> list[Operation]:
    return Spec(spec_document).operations


def _request_for(spec: Spec, op: Operation) -> tuple[str, dict[str, Any], Any, Any]:
    """A schema-valid request for ``op``: path, query parameters, JSON body, files."""
    synth = Synthesizer(spec)
    path_item = spec.at("#" + op.pointer.rsplit("/", 1)[0])
    path = op.path
    query: dict[str, Any] = {}
    for parameter in [*path_item.get("parameters", []), *op.definition.get("parameters", [])]:
        parameter = spec.resolve(parameter)
        value = synth.shape(parameter.get("schema", {}), name=parameter["name"])
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", str(value))
        elif parameter["in"] == "query" and parameter.get("required"):
            query[parameter["name"]] = value
    body = files = None
    request_body = spec.resolve(op.definition.get("requestBody"))
    if isinstance(request_body, Mapping):
        content = request_body.get("content", {})
        if "application/json" in content:
            body = synth.shape(content["application/json"].get("schema", {}))
        elif "multipart/form-data" in content:
            files = {"file": ("invoice.pdf", b"%PDF-1.4 sandbox", "application/pdf")}
    return path, query, body, files


def test_every_operation_answers_within_the_spec(
    sandbox: Sandbox, api: httpx.Client, response_validator: OpenAPI, spec_document: dict[str, Any]
) -> None:
    """No 5xx, and each answer (success or error) validates against the documented response.

    Operations run in the spec's order with example idents, so creates come before the
    retrieves and updates of the same ident and those answer 2xx, not only 404.
    """
    spec = Spec(spec_document)
    problems: list[str] = []
    for op in spec.operations:
        path, query, body, files = _request_for(spec, op)
        response = api.request(op.method, path, params=query, json=body, files=files)
        if response.status_code >= 500:
            problems.append(f"{op.operation_id}: {response.status_code} {response.text[:200]}")
            continue
        request = MockRequest(
            "http://sandbox.nitrobox.test",
            op.method.lower(),
            path,
            args=query,
            data=response.request.content,
            content_type=response.request.headers.get("content-type", "application/json"),
        )
        answer = MockResponse(
            response.content,
            status_code=response.status_code,
            headers=dict(response.headers),
            content_type=response.headers.get("content-type", "application/json"),
        )
        result = response_validator.unmarshal_response(request, answer)
        if result.errors:
            problems.append(f"{op.operation_id} {response.status_code}: {result.errors}")
    assert problems == []
    statuses = sandbox.stats()["statuses"]
    successes = sum(n for status, n in statuses.items() if status.startswith("2"))
    assert successes > len(spec.operations) / 2, statuses
    served = sandbox.stats()["operations"]
    assert set(served) == {op.operation_id for op in spec.operations}
