"""Settings refuse tenants that are dot segments (they would strip the base URL's path or
the tenant from the token URL), in every spelling."""

from __future__ import annotations

import pytest

from nitrobox_auth import NitroboxSettings, SettingsError


@pytest.mark.parametrize(
    "tenant", [".", "..", "...", "%2e", "%2E", "%2e%2e", ".%2e", "%2E.", "%252e", "./..", "a/../b"]
)
def test_dot_segment_tenants_are_refused(tenant: str) -> None:
    """Each spelling is a SettingsError naming the tenant; no token URL is ever built."""
    with pytest.raises(SettingsError, match="tenant"):
        NitroboxSettings(tenant=tenant, client_id="id", client_secret="secret")


@pytest.mark.parametrize("tenant", [".", "..", "%2e%2e"])
def test_dot_segment_tenants_are_refused_from_the_environment(tenant: str) -> None:
    """from_env() applies the same rule to NITROBOX_TENANT."""
    environ = {
        "NITROBOX_TENANT": tenant,
        "NITROBOX_CLIENT_ID": "id",
        "NITROBOX_CLIENT_SECRET": "secret",
        "NITROBOX_BASE_URL": "https://gateway.example/nitrobox",
    }
    with pytest.raises(SettingsError, match="tenant"):
        NitroboxSettings.from_env(environ)


@pytest.mark.parametrize("tenant", ["acme", "a.b", "acme..prod", ".acme", "acme-test_1~x"])
def test_tenants_with_dots_inside_a_name_keep_working(tenant: str) -> None:
    """Dots inside a name are fine: the token URL keeps the base path and the tenant."""
    settings = NitroboxSettings(
        tenant=tenant, client_id="id", client_secret="secret", base_url="https://gw.example/nbx"
    )
    assert settings.token_url == f"https://gw.example/nbx/{tenant}/oauth2/token"
