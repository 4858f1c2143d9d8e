"""Fixtures for the notification tests: served receivers, a sandbox, an API client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from http_under_test import httpx
from notification_helpers import CLIENT_ID, CLIENT_SECRET, Endpoint, counting

from nitrobox_auth import NitroboxAuth, TokenProvider
from nitrobox_auth.webhooks import WebhookReceiver
from nitrobox_sandbox import Sandbox
from nitrobox_sandbox._server import BackgroundServer


@pytest.fixture
def endpoint() -> Iterator[Callable[..., Endpoint]]:
    """Build and serve receivers (``endpoint(token_lifetime=...)``); stopped after the test."""
    servers: list[BackgroundServer] = []

    def make(**kwargs: Any) -> Endpoint:
        receiver = WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, **kwargs)
        counts: list[int] = []
        server = BackgroundServer(counting(receiver.asgi_app(), counts))
        server.start()
        servers.append(server)
        return Endpoint(receiver, f"http://127.0.0.1:{server.port}", counts)

    yield make
    for server in servers:
        server.stop()


@pytest.fixture
def sandbox() -> Iterator[Sandbox]:
    with Sandbox().serve() as served:
        yield served


@pytest.fixture
def api(sandbox: Sandbox) -> Iterator[httpx.Client]:
    """An httpx client authenticated at the sandbox."""
    with (
        TokenProvider.from_settings(sandbox.settings()) as provider,
        httpx.Client(base_url=sandbox.base_url, auth=NitroboxAuth(provider), timeout=10) as client,
    ):
        yield client
