"""`nitrobox token`: a real token from a real server, shown masked, never in full."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from nitrobox_auth._redact import mask_secret
from nitrobox_auth.cli import main

if TYPE_CHECKING:
    from nitrobox_auth import AccessToken
    from nitrobox_sandbox import Sandbox

    from .conftest import PointAt

pytestmark = pytest.mark.integration


def test_token_from_configured_server_is_masked(
    nitrobox_sandbox: Sandbox,
    point_env_at: PointAt,
    issued: list[AccessToken],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With NITROBOX_* set, one token request is made and only its mask is printed."""
    point_env_at(nitrobox_sandbox)
    assert main(["token"]) == 0
    out, err = capsys.readouterr()
    assert len(issued) == 1
    token = issued[0]
    assert f"access token: {mask_secret(token.value)}" in out
    assert token.value not in out + err
    assert "expires in:   300 s" in out
    assert nitrobox_sandbox.stats()["token_requests"] == 1
    assert "using NITROBOX_* settings" in err


def test_token_without_settings_uses_an_embedded_sandbox_and_says_so(
    no_nitrobox_env: None, issued: list[AccessToken], capsys: pytest.CaptureFixture[str]
) -> None:
    """No credentials: the token comes from an embedded sandbox, and the output says so."""
    assert main(["token"]) == 0
    out, err = capsys.readouterr()
    assert "no NITROBOX_* credentials set: using an embedded sandbox at http://127.0.0.1:" in err
    assert issued[0].value not in out + err
    assert mask_secret(issued[0].value) in out


def test_rejected_credentials_fail_without_echoing_the_secret(
    nitrobox_sandbox: Sandbox, point_env_at: PointAt, capsys: pytest.CaptureFixture[str]
) -> None:
    """A wrong secret gives exit code 2 and an invalid-client message; the secret never shows."""
    wrong_secret = "wrong-secret-that-must-not-leak"
    point_env_at(nitrobox_sandbox, client_secret=wrong_secret)
    assert main(["token"]) == 2
    out, err = capsys.readouterr()
    assert "InvalidClientError" in err
    assert wrong_secret not in out + err


def test_incomplete_settings_name_the_missing_variable(
    no_nitrobox_env: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only some NITROBOX_* set: exit code 2 and the missing variables are named."""
    monkeypatch.setenv("NITROBOX_TENANT", "acme")
    assert main(["token"]) == 2
    _, err = capsys.readouterr()
    assert "NITROBOX_CLIENT_ID" in err
    assert "NITROBOX_CLIENT_SECRET" in err


def test_nitrobox_token_cache_shares_the_token_between_commands(
    nitrobox_sandbox: Sandbox,
    point_env_at: PointAt,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Two `nitrobox token` runs with NITROBOX_TOKEN_CACHE set cost one token request."""
    point_env_at(nitrobox_sandbox)
    monkeypatch.setenv("NITROBOX_TOKEN_CACHE", str(tmp_path / "tokens"))
    assert main(["token"]) == 0
    assert main(["token"]) == 0
    assert nitrobox_sandbox.stats()["token_requests"] == 1
    assert list((tmp_path / "tokens").glob("*.json"))


def test_a_bad_nitrobox_token_cache_exits_2_with_what_to_fix(
    nitrobox_sandbox: Sandbox,
    point_env_at: PointAt,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """An unsupported NITROBOX_TOKEN_CACHE is a settings error (exit 2), not a traceback."""
    point_env_at(nitrobox_sandbox)
    monkeypatch.setenv("NITROBOX_TOKEN_CACHE", "memcached://127.0.0.1:1")
    assert main(["token"]) == 2
    _, err = capsys.readouterr()
    assert "memcached:// is not supported" in err
    assert "Traceback" not in err
