"""mypy --strict as the typing tests run it (imported by the test modules of this folder).

The typing tests share ONE mypy run (the ``mypy_run`` fixture of conftest.py): every file
they check, the doc examples included, in one invocation, each test then asserting on the
lines of its own file. mypy starts once and reads the packages once.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import attrs

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


@attrs.frozen
class MypyRun:
    """The output of the one mypy run, split by the file each line is about."""

    returncode: int
    output: str
    lines: dict[str, list[str]]
    # example_N.py -> the doc example it holds and the document line of its line 0
    doc_examples: dict[str, tuple[Example, int]]

    def of(self, name: str) -> list[str]:
        """The output lines about the file named ``name`` (errors and notes)."""
        return self.lines.get(name, [])


LOCATED = re.compile(r"^(?P<path>[^:\s]+\.py):\d+:")


def split_by_file(output: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in output.splitlines():
        match = LOCATED.match(line)
        if match:
            found.setdefault(Path(match.group("path")).name, []).append(line)
    return found


DOCUMENTS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^```python\n(.*?)^```", re.MULTILINE | re.DOTALL)
_SKIP = re.compile(r"<!--\s*typecheck:\s*skip\s*\((?P<reason>[^)]*)\)\s*-->\s*$")


@attrs.frozen
class Example:
    document: Path
    line: int  # of the fence
    code: str
    skip_reason: str | None

    @property
    def name(self) -> str:
        return f"{self.document.relative_to(ROOT)}:{self.line}"

    def module_source(self) -> str:
        """The block as a module: wrapped in an async def when it awaits at top level."""
        # Compiled, never run: only the compiler (not the parser) refuses top-level await.
        try:
            compile(self.code, self.name, "exec", dont_inherit=True)
        except SyntaxError:
            try:
                compile(
                    self.code,
                    self.name,
                    "exec",
                    flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT,
                    dont_inherit=True,
                )
            except SyntaxError:
                return self.code  # not Python even so: mypy reports where
            return "async def _example() -> None:\n" + textwrap.indent(self.code, "    ")
        return self.code


def examples() -> list[Example]:
    """The python blocks of the documents, with their skip marks."""
    found = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for match in _FENCE.finditer(text):
            before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
            mark = _SKIP.search(before)
            found.append(
                Example(
                    document=document,
                    line=text.count("\n", 0, match.start()) + 1,
                    code=match.group(1),
                    skip_reason=mark.group("reason").strip() if mark else None,
                )
            )
    return found
