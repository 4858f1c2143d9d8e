"""docs/notifications.md: the Python blocks pass mypy --strict; the parsing example runs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

DOC = Path(__file__).parents[3] / "docs" / "notifications.md"
SKIP = re.compile(r"<!-- typecheck: skip \((.+?)\) -->\s*$")


def python_blocks() -> list[tuple[int, str, str | None]]:
    """(line, code, reason to skip) for every ```python block."""
    lines = DOC.read_text().splitlines()
    blocks = []
    for number, line in enumerate(lines):
        if line.strip() != "```python":
            continue
        end = lines.index("```", number + 1)
        before = lines[number - 1] if number else ""
        skip = SKIP.match(before.strip())
        blocks.append((number + 1, "\n".join(lines[number + 1 : end]) + "\n", skip and skip[1]))
    return blocks


def test_every_python_block_type_checks(tmp_path: Path) -> None:
    """Blocks not marked ``typecheck: skip`` pass mypy --strict (no FastAPI or Flask here)."""
    checked = []
    for line, code, skip in python_blocks():
        if skip is None:
            path = tmp_path / f"block_line_{line}.py"
            path.write_text(code)
            checked.append(str(path))
    assert len(checked) >= 6
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *checked],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_skipped_blocks_say_why() -> None:
    reasons = [skip for _, _, skip in python_blocks() if skip is not None]
    assert reasons == ["needs fastapi", "needs flask"]


@pytest.mark.parametrize("needle", ["parse_notification(\n"])
def test_the_parsing_example_runs(needle: str) -> None:
    [code] = [code for _, code, _ in python_blocks() if needle in code]
    exec(compile(code, str(DOC), "exec"), {})
