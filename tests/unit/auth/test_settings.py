"""NitroboxSettings: URLs, validation, the environment, and a secret-free repr."""

from __future__ import annotations

import attrs
import pytest

from nitrobox_auth import NitroboxError, NitroboxSettings, SettingsError

FULL_ENV = {
    "NITROBOX_TENANT": "acme",
    "NITROBOX_CLIENT_ID": "cid",
    "NITROBOX_CLIENT_SECRET": "s3cr3t-value-from-env",
}


def settings(**overrides: object) -> NitroboxSettings:
    values: dict[str, object] = {"tenant": "acme", "client_id": "cid", "client_secret": "pw"}
    values.update(overrides)
    return NitroboxSettings(**values)  # type: ignore[arg-type]


def test_stage_is_the_default_environment() -> None:
    """Without an environment the stage host is used, with the documented token path."""
    s = settings()
    assert s.environment == "stage"
    assert s.api_base_url == "https://api.nbx-stage-westeurope.nitrobox.io"
    assert s.token_url == "https://api.nbx-stage-westeurope.nitrobox.io/acme/oauth2/token"


def test_production_host() -> None:
    """environment='production' selects the production API host."""
    s = settings(environment="production")
    assert s.token_url == "https://api.nitrobox.io/acme/oauth2/token"


def test_base_url_overrides_the_environment_and_loses_its_trailing_slash() -> None:
    """A base_url (e.g. a sandbox) wins over the environment's host."""
    s = settings(environment="production", base_url="http://127.0.0.1:8123/")
    assert s.api_base_url == "http://127.0.0.1:8123"
    assert s.token_url == "http://127.0.0.1:8123/acme/oauth2/token"


def test_settings_are_frozen_and_keyword_only() -> None:
    """Settings cannot be changed after creation nor built positionally."""
    s = settings()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.tenant = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        NitroboxSettings("acme", "cid", "pw")  # type: ignore[misc]


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"tenant": ""}, "tenant must be a non-empty string"),
        ({"tenant": "a/b"}, "tenant 'a/b' may only contain"),
        ({"client_id": "  "}, "client_id must be a non-empty string"),
        ({"client_id": "a:b"}, "client_id must not contain ':'"),
        ({"client_secret": ""}, "client_secret must be a non-empty string"),
        ({"environment": "prod"}, "environment must be 'stage' or 'production', not 'prod'"),
        ({"base_url": "ftp://host"}, "must be an absolute http(s) URL"),
        ({"base_url": "/relative"}, "must be an absolute http(s) URL"),
        ({"base_url": "https://h/?x=1"}, "must not have a query or fragment"),
        ({"base_url": "ftp://user:pw@h"}, "base_url must not contain credentials"),
    ],
)
def test_invalid_settings_say_what_to_fix(overrides: dict[str, object], expected: str) -> None:
    """Each invalid field raises a SettingsError (a ValueError) naming the problem."""
    with pytest.raises(SettingsError) as caught:
        settings(**overrides)
    assert expected in str(caught.value)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, NitroboxError)


def test_all_problems_are_reported_together() -> None:
    """Several bad fields are named in one error, not one per attempt."""
    with pytest.raises(SettingsError) as caught:
        settings(tenant="", client_id="", environment="dev")
    message = str(caught.value)
    assert "tenant" in message
    assert "client_id" in message
    assert "environment" in message


def test_repr_masks_the_secret() -> None:
    """The client secret never shows in repr or str."""
    s = settings(client_secret="a-very-long-client-secret-123")
    assert "a-very-long-client-secret-123" not in repr(s)
    assert "a-very-long-client-secret-123" not in str(s)
    assert "(29 chars)" in repr(s)


def test_from_env_reads_every_variable() -> None:
    """from_env maps the five NITROBOX_* variables onto the settings."""
    env = {
        **FULL_ENV,
        "NITROBOX_ENVIRONMENT": "Production",
        "NITROBOX_BASE_URL": "http://127.0.0.1:9000",
    }
    s = NitroboxSettings.from_env(env)
    assert (s.tenant, s.client_id, s.client_secret) == ("acme", "cid", "s3cr3t-value-from-env")
    assert s.environment == "production"
    assert s.base_url == "http://127.0.0.1:9000"


def test_from_env_defaults_to_stage_without_base_url() -> None:
    """Optional variables left unset give stage and no base_url override."""
    s = NitroboxSettings.from_env(FULL_ENV)
    assert s.environment == "stage"
    assert s.base_url is None


def test_from_env_reads_os_environ_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without an argument the process environment is read."""
    for name, value in FULL_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("NITROBOX_ENVIRONMENT", raising=False)
    monkeypatch.delenv("NITROBOX_BASE_URL", raising=False)
    assert NitroboxSettings.from_env().tenant == "acme"


def test_from_env_names_every_missing_variable() -> None:
    """One error lists all missing (or blank) required variables."""
    with pytest.raises(SettingsError) as caught:
        NitroboxSettings.from_env({"NITROBOX_CLIENT_ID": "cid", "NITROBOX_TENANT": " "})
    message = str(caught.value)
    assert "NITROBOX_TENANT" in message
    assert "NITROBOX_CLIENT_SECRET" in message
    assert "NITROBOX_CLIENT_ID" not in message


def test_from_env_rejects_an_unknown_environment() -> None:
    """A bad NITROBOX_ENVIRONMENT is named with the allowed values."""
    with pytest.raises(SettingsError, match="NITROBOX_ENVIRONMENT must be 'stage' or 'production'"):
        NitroboxSettings.from_env({**FULL_ENV, "NITROBOX_ENVIRONMENT": "qa"})
