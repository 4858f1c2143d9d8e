"""The idiomatic calls give success models to mypy --strict (tests/typing/typed_calls.py)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from typing_helpers import run_mypy_strict

TYPED_CALLS = Path(__file__).with_name("typed_calls.py")


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
