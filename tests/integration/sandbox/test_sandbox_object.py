"""The Sandbox object itself: construction, spec loading, its in-process transports."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx

from nitrobox_auth import NitroboxError, SettingsError, create_client
from nitrobox_sandbox import Faults, Sandbox, SandboxConfigError, SandboxError


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        ({"tenant": ""}, "tenant"),
        ({"tenant": "a/b"}, "tenant"),
        ({"token_lifetime": -1}, "token_lifetime"),
        ({"faults": {"error_rate": 2}}, "error_rate"),
    ],
)
def test_bad_arguments_are_named(
    spec_document: dict[str, Any], arguments: dict[str, Any], named: str
) -> None:
    """Construction fails with a SandboxConfigError (a NitroboxError) naming the argument."""
    with pytest.raises(SandboxConfigError, match=named) as caught:
        Sandbox(spec=spec_document, **arguments)
    assert isinstance(caught.value, NitroboxError)


def test_faults_may_be_given_as_a_mapping(spec_document: dict[str, Any]) -> None:
    """faults={...} is read like configure_faults(**...)."""
    sandbox = Sandbox(spec=spec_document, faults={"rate_limit": 2, "seed": 3})
    assert sandbox.faults == Faults(rate_limit=2, seed=3)


def test_spec_from_a_json_file(tmp_path: Path, spec_document: dict[str, Any]) -> None:
    """spec= accepts the path of a JSON document."""
    path = tmp_path / "openapi.json"
    path.write_text(json.dumps(spec_document), encoding="utf-8")
    sandbox = Sandbox(spec=path)
    with httpx.Client(
        transport=sandbox.transport(http_package=HTTP_NAME), base_url=sandbox.base_url
    ) as client:
        assert client.get("/v2/customers").status_code == 401


@pytest.mark.parametrize("side", ["transport", "async_transport"])
def test_an_unknown_http_package_is_a_settings_error(side: str) -> None:
    """http_package= names httpx or httpx2 (or the module); anything else says so, typed."""
    with pytest.raises(SettingsError, match=r"'httpx' or 'httpx2'.*'requests'"):
        getattr(Sandbox(), side)(http_package="requests")


def test_create_client_takes_the_package_of_the_sandbox_transports() -> None:
    """Both in-process transports for this pass's package make a client of that package
    (the sync one is the sandbox's own class, not httpx's or httpx2's)."""
    sandbox = Sandbox()
    with create_client(
        sandbox.settings(),
        transport=sandbox.transport(http_package=HTTP_NAME),
        async_transport=sandbox.async_transport(http_package=HTTP_NAME),
    ) as client:
        http = client.get_httpx_client()
        assert type(http).__module__.partition(".")[0] == HTTP_NAME
        assert http.get("/v2/customers").status_code == 200


def test_unreadable_spec_is_a_sandbox_error(tmp_path: Path) -> None:
    """A missing spec file says which file."""
    missing = tmp_path / "missing.json"
    with pytest.raises(SandboxError, match=r"missing\.json"):
        Sandbox(spec=missing)


def test_default_spec_is_the_bundled_one() -> None:
    """Without spec=, every operation of nitrobox_client/openapi.json is routed."""
    sandbox = Sandbox()
    with httpx.Client(
        transport=sandbox.transport(http_package=HTTP_NAME), base_url=sandbox.base_url
    ) as client:
        response = client.post("/v2/billingrun", json={})
    assert response.status_code == 401  # routed to an operation, which needs a token
    assert sandbox.stats()["operations"] == {"billingRun": 1}


def test_sync_transport_serves_many_threads(sandbox: Sandbox, get_token: Any) -> None:
    """One in-process transport, shared by 16 threads, answers every request."""
    headers = {"Authorization": f"Bearer {get_token()}"}
    with httpx.Client(
        transport=sandbox.transport(http_package=HTTP_NAME),
        base_url=sandbox.base_url,
        headers=headers,
    ) as client:

        def create(number: int) -> int:
            body = {
                "customerIdent": f"C-{number}",
                "addresses": [{"addressType": "INVOICE", "country": "DE"}],
            }
            return client.post("/v2/customers", json=body).status_code

        with ThreadPoolExecutor(max_workers=16) as pool:
            statuses = list(pool.map(create, range(64)))
        assert statuses == [201] * 64
        total = client.get("/v2/customers", params={"size": 1}).json()["pageInfo"]
        assert total["totalElements"] == 64


def test_repr_shows_no_secret(sandbox: Sandbox) -> None:
    """The sandbox's repr names the tenant and where it serves, never the secret."""
    assert "sandbox-secret" not in repr(sandbox)
    assert "not serving" in repr(sandbox)
