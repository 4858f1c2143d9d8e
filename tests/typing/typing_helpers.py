"""mypy --strict as the typing tests run it (imported by the test modules of this folder)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


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
