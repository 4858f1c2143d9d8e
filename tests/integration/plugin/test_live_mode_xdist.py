"""Live mode under pytest-xdist: the workers of one run share one token, against a local
stand-in for stage (the sandbox served on loopback, its settings in NITROBOX_* variables)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]
pytestmark = [pytest.mark.integration, pytest.mark.timeout(400)]

VARIABLES = (
    "NITROBOX_TENANT",
    "NITROBOX_CLIENT_ID",
    "NITROBOX_CLIENT_SECRET",
    "NITROBOX_ENVIRONMENT",
    "NITROBOX_BASE_URL",
    "NITROBOX_LIVE",
    "NITROBOX_TOKEN_CACHE",
)
RUN_TIMEOUT = 300

LIVE_SUITE = """
import os

import pytest


@pytest.mark.parametrize("n", range(12))
def test_live_call(nitrobox_client, n):
    \"\"\"Each test makes one API call through the live-mode client.\"\"\"
    assert nitrobox_client.get_httpx_client().get("/v2/customers").status_code == 200


def test_the_run_cache_is_private():
    \"\"\"Under xdist the shared cache lives in a directory only this user can read.\"\"\"
    import stat, tempfile
    dirs = [p for p in os.listdir(tempfile.gettempdir()) if p.startswith("nitrobox-tokens-")]
    for name in dirs:
        mode = os.stat(os.path.join(tempfile.gettempdir(), name)).st_mode
        assert stat.S_IMODE(mode) == 0o700
"""


@pytest.fixture
def stage(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """The sandbox on 127.0.0.1 standing in for stage, its settings in NITROBOX_*."""
    from nitrobox_sandbox import Sandbox

    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
    with Sandbox(tenant="stage-stand-in").serve() as server:
        settings = server.settings()
        monkeypatch.setenv("NITROBOX_BASE_URL", settings.api_base_url)
        monkeypatch.setenv("NITROBOX_TENANT", settings.tenant)
        monkeypatch.setenv("NITROBOX_CLIENT_ID", settings.client_id)
        monkeypatch.setenv("NITROBOX_CLIENT_SECRET", settings.client_secret)
        yield server


def leftover_run_directories() -> set[str]:
    import tempfile

    return {p.name for p in Path(tempfile.gettempdir()).glob("nitrobox-tokens-*")}


def test_four_workers_make_one_token_request(pytester: pytest.Pytester, stage: object) -> None:
    """`pytest -n 4 --nitrobox-live`: 13 tests on 4 workers, 1 token request in all."""
    before = leftover_run_directories()
    pytester.makepyfile(LIVE_SUITE)
    result = pytester.runpytest_subprocess(
        "-n", "4", "--nitrobox-live", "-p", "no:cacheprovider", timeout=RUN_TIMEOUT
    )
    result.assert_outcomes(passed=13)
    stats = stage.stats()  # type: ignore[attr-defined]
    assert stats["api_requests"] == 12
    assert stats["token_requests"] == 1
    assert leftover_run_directories() - before == set()  # removed at the end of the run


def test_nitrobox_token_cache_selects_the_cache(
    pytester: pytest.Pytester, stage: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """NITROBOX_TOKEN_CACHE: two separate runs (two CI jobs) share one token."""
    monkeypatch.setenv("NITROBOX_TOKEN_CACHE", str(tmp_path / "fleet"))
    pytester.makepyfile(LIVE_SUITE)
    for _ in range(2):
        result = pytester.runpytest_subprocess(
            "--nitrobox-live", "-p", "no:cacheprovider", timeout=RUN_TIMEOUT
        )
        result.assert_outcomes(passed=13)
    assert stage.stats()["token_requests"] == 1  # type: ignore[attr-defined]
    assert list((tmp_path / "fleet").glob("*.json"))


def test_a_bad_nitrobox_token_cache_fails_with_what_to_fix(
    pytester: pytest.Pytester, stage: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unsupported NITROBOX_TOKEN_CACHE is named in the failure, not a traceback."""
    monkeypatch.setenv("NITROBOX_TOKEN_CACHE", "memcached://127.0.0.1:1")
    pytester.makepyfile(LIVE_SUITE)
    result = pytester.runpytest_subprocess("--nitrobox-live", "-p", "no:cacheprovider")
    result.stdout.fnmatch_lines(
        ["*NITROBOX_TOKEN_CACHE is not usable*memcached:// is not supported*"]
    )
