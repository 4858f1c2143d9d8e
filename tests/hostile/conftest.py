"""Fixtures of the hostile-input suite: a misbehaving loopback server and settings for it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hostile.hostile_server import TOKEN_PATH, HostileServer, fixed

from nitrobox_auth import NitroboxSettings

TENANT = "hostile-test"
TOKEN_ANSWER = b'{"access_token": "tok-hostile-0001", "token_type": "bearer", "expires_in": 269}'


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    """The server; its token endpoint grants tokens until a test scripts it otherwise."""
    with HostileServer() as server:
        server.behaviours[TOKEN_PATH] = fixed(200, TOKEN_ANSWER)
        yield server


@pytest.fixture
def settings(hostile: HostileServer) -> NitroboxSettings:
    return NitroboxSettings(
        tenant=TENANT,
        client_id="hostile-client",
        client_secret="s3cr3t-value-for-hostile-tests",
        base_url=hostile.url,
    )
