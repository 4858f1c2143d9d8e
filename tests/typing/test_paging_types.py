"""tests/typing/paging_types.py passes ``mypy --strict``: paginate's items are typed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHECKED = Path(__file__).with_name("paging_types.py")


def test_paginate_and_apaginate_type_check_as_the_item_model() -> None:
    """assert_type holds for every walk, and passing a non-paged operation is a type error."""
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", str(CHECKED)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
