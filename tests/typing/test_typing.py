"""The idiomatic calls give success models to mypy --strict (tests/typing/typed_calls.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TYPED_CALLS = Path(__file__).with_name("typed_calls.py")


def run_mypy_strict(*paths: Path) -> subprocess.CompletedProcess[str]:
    """mypy --strict on ``paths``, from the project root (its config and cache)."""
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )


def test_typed_calls_pass_mypy_strict() -> None:
    """Every assert_type in typed_calls.py holds: retrieve, create, list, download, no body."""
    result = run_mypy_strict(TYPED_CALLS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_check_fails_when_a_type_is_wrong(tmp_path: Path) -> None:
    """The check has teeth: a wrong assert_type (the old `object`) is reported."""
    wrong = tmp_path / "wrong_type.py"
    wrong.write_text(
        "from typing import assert_type\n"
        "from nitrobox_auth import create_client, unwrap\n"
        "from nitrobox_client.api.customers import retrieve_customer\n"
        "client = create_client()\n"
        "assert_type(unwrap(retrieve_customer.sync_detailed('c', client=client)), object)\n"
    )
    result = run_mypy_strict(wrong)
    assert result.returncode == 1
    assert 'Expression is of type "Customer", not "object"' in result.stdout
