"""Fixtures of the hostile-input suite: a misbehaving loopback server and settings for it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
from hostile.hostile_server import TOKEN_PATH, HostileServer, fixed
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx

from nitrobox_auth import NitroboxSettings, create_client
from nitrobox_auth._bundled_spec import load_bundled_spec
from nitrobox_sandbox import Sandbox

if TYPE_CHECKING:
    from nitrobox_client import Client

TENANT = "hostile-test"
TOKEN_ANSWER = b'{"access_token": "tok-hostile-0001", "token_type": "bearer", "expires_in": 269}'


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    """The server; its token endpoint grants tokens until a test scripts it otherwise."""
    with HostileServer() as server:
        server.behaviours[TOKEN_PATH] = fixed(200, TOKEN_ANSWER)
        yield server


@pytest.fixture
def make_client() -> Iterator[Callable[..., Client]]:
    """``create_client`` whose clients (and their connections) are closed after the test."""
    made: list[Client] = []

    def make(*args: Any, **options: Any) -> Client:
        # On the package of this pass, sockets and all (tests/http_under_test.py).
        client = create_client(*args, **{"http_package": HTTP_NAME, **options})
        made.append(client)
        return client

    yield make
    for client in made:
        client.get_httpx_client().close()


@pytest.fixture
def settings(hostile: HostileServer) -> NitroboxSettings:
    return NitroboxSettings(
        tenant=TENANT,
        client_id="hostile-client",
        client_secret="s3cr3t-value-for-hostile-tests",
        base_url=hostile.url,
    )


@pytest.fixture(scope="session")
def spec_document() -> dict[str, Any]:
    return load_bundled_spec()


@pytest.fixture
def sandbox(spec_document: dict[str, Any]) -> Sandbox:
    return Sandbox(spec=spec_document)


@pytest.fixture
def api(sandbox: Sandbox) -> Iterator[httpx.Client]:
    """A client into the sandbox (in-process) that sends a valid bearer token."""
    with httpx.Client(
        transport=sandbox.transport(http_package=HTTP_NAME), base_url=sandbox.base_url
    ) as client:
        answer = client.post(
            f"/{sandbox.tenant}/oauth2/token",
            data={"grant_type": "client_credentials"},
            auth=("sandbox-client", "sandbox-secret"),
        )
        client.headers["Authorization"] = f"Bearer {answer.json()['access_token']}"
        yield client


def assert_global_error(response: httpx.Response, status: int) -> dict[str, Any]:
    """The answer is ``status`` with a GlobalErrorResponse body; returns the body."""
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert set(body) >= {"status", "message", "timestamp", "path", "uuid"}
    assert body["message"]
    return body


MakeClient = Callable[..., "Client"]
