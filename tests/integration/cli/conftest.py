"""Shared helpers for the `nitrobox` command tests."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from nitrobox_auth import AccessToken, TokenProvider

if TYPE_CHECKING:
    from nitrobox_sandbox import Sandbox

NITROBOX_VARIABLES = (
    "NITROBOX_TENANT",
    "NITROBOX_CLIENT_ID",
    "NITROBOX_CLIENT_SECRET",
    "NITROBOX_ENVIRONMENT",
    "NITROBOX_BASE_URL",
    "NITROBOX_LIVE",
    "NITROBOX_TOKEN_CACHE",
)

PointAt = Callable[..., None]


@pytest.fixture
def no_nitrobox_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No NITROBOX_* variable: the command falls back to an embedded sandbox."""
    for name in NITROBOX_VARIABLES:
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def point_env_at(monkeypatch: pytest.MonkeyPatch, no_nitrobox_env: None) -> PointAt:
    """Set NITROBOX_* to a served sandbox, as a user of `nitrobox sandbox` would."""

    def point_at(sandbox: Sandbox, *, client_secret: str | None = None) -> None:
        settings = sandbox.settings()
        monkeypatch.setenv("NITROBOX_BASE_URL", settings.api_base_url)
        monkeypatch.setenv("NITROBOX_TENANT", settings.tenant)
        monkeypatch.setenv("NITROBOX_CLIENT_ID", settings.client_id)
        monkeypatch.setenv("NITROBOX_CLIENT_SECRET", client_secret or settings.client_secret)

    return point_at


@pytest.fixture
def issued(monkeypatch: pytest.MonkeyPatch) -> list[AccessToken]:
    """Record the tokens the command receives (the real provider still fetches them)."""
    tokens: list[AccessToken] = []
    real_get_token = TokenProvider.get_token

    def recording_get_token(self: TokenProvider) -> AccessToken:
        token = real_get_token(self)
        # The embedded sandbox's notification sender has token providers of its own (for
        # the subscriber's token endpoint); they run in its worker thread.
        if threading.current_thread().name != "nitrobox-sandbox-notifier":
            tokens.append(token)
        return token

    monkeypatch.setattr(TokenProvider, "get_token", recording_get_token)
    return tokens
