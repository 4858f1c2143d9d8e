"""What every command tells: the exit code of the one table, the library's warnings once,
flag names in errors."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from nitrobox_auth.cli import ExitCode, main

if TYPE_CHECKING:
    from nitrobox_sandbox import Sandbox

    from .conftest import PointAt

pytestmark = pytest.mark.integration

WRONG_SECRET = "wrong-secret-that-must-not-leak"
REFUSING_COMMANDS = {
    "token": ["token"],
    "call": ["call", "queryCustomers"],
    "probe": ["probe", "--operation", "queryCustomers"],
}


@pytest.mark.parametrize("argv", REFUSING_COMMANDS.values(), ids=REFUSING_COMMANDS.keys())
def test_refused_credentials_exit_2_from_every_command(
    argv: list[str],
    nitrobox_sandbox: Sandbox,
    point_env_at: PointAt,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """call, token and probe alike: exit 2 (configuration), the refusal said once, no API
    request, the secret never shown."""
    point_env_at(nitrobox_sandbox, client_secret=WRONG_SECRET)
    nitrobox_sandbox.reset()
    assert main(argv) == ExitCode.USAGE == 2
    out, err = capsys.readouterr()
    assert err.count("rejected the client credentials") == 1
    assert "refused the credentials" not in err  # the probe's own second wording is gone
    assert "NITROBOX_CLIENT_SECRET" in err
    assert WRONG_SECRET not in out + err
    assert nitrobox_sandbox.stats()["api_requests"] == 0


def test_an_unusable_token_cache_is_said_once_per_command(
    nitrobox_sandbox: Sandbox,
    point_env_at: PointAt,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """NITROBOX_TOKEN_CACHE at a plain `mkdir` directory (0755): each command still works,
    and each prints the library's warning on stderr, exactly once."""
    cache = tmp_path / "cache"
    cache.mkdir()
    os.chmod(cache, 0o755)
    point_env_at(nitrobox_sandbox)
    monkeypatch.setenv("NITROBOX_TOKEN_CACHE", str(cache))
    for argv in (["token"], ["call", "queryCustomers"]):
        assert main(argv) == ExitCode.OK
        _, err = capsys.readouterr()
        warnings = [line for line in err.splitlines() if line.startswith("nitrobox: warning:")]
        assert len(warnings) == 1, err
        assert "chmod 700" in warnings[0]
        assert "shared token cache" in warnings[0]


def test_notification_option_errors_name_the_flags(capsys: pytest.CaptureFixture[str]) -> None:
    """A bad --notify-url is named as the flag, not as the Python argument `url`."""
    argv = [
        "sandbox",
        "--notify-url=ftp://example.invalid/hook",
        "--notify-token-url=http://127.0.0.1:9/token",
        "--notify-client-id=me",
        "--notify-client-secret=s3cret",
    ]
    assert main(argv) == ExitCode.USAGE
    out, err = capsys.readouterr()
    assert "--notify-url must be an http(s) URL" in err
    assert "listening" not in out
