"""Every ```python block of README.md and docs/*.md passes mypy --strict.

A block that is deliberately partial (a signature listing, a fragment of the block above)
is skipped by a comment on the line just before its fence, with the reason:
``<!-- typecheck: skip (a signature listing, not code) -->``. A block with top-level
``await`` / ``async with`` (as typed in ``python -m asyncio``) is checked as the body of an
``async def``.
"""

from __future__ import annotations

import ast
import re
import sys
import textwrap
from pathlib import Path

import attrs
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from typing_helpers import ROOT, run_mypy_strict

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


def test_the_documents_have_python_examples() -> None:
    """The extraction finds the README's usage example (guards against a broken pattern)."""
    names = [e.name for e in examples()]
    assert any(name.startswith("README.md:") for name in names), names
    assert len(names) >= 10


def test_skipped_examples_say_why() -> None:
    """A skip mark names its reason; most examples are checked, not skipped."""
    found = examples()
    skipped = [e for e in found if e.skip_reason is not None]
    assert all(e.skip_reason for e in skipped), [e.name for e in skipped]
    assert len(skipped) * 3 < len(found), [e.name for e in skipped]


def test_doc_examples_pass_mypy_strict(tmp_path: Path) -> None:
    """All checked examples, each as its own module, in one mypy --strict run."""
    files: dict[str, tuple[Example, int]] = {}
    for number, example in enumerate(e for e in examples() if e.skip_reason is None):
        path = tmp_path / f"example_{number}.py"
        source = example.module_source()
        path.write_text(source, encoding="utf-8")
        # Line n of the file is line (fence + n) of the document, less one if wrapped.
        files[path.name] = (example, example.line - (source != example.code))
    result = run_mypy_strict(*(tmp_path / name for name in files))
    if result.returncode != 0:
        lines = []
        for line in (result.stdout + result.stderr).splitlines():
            match = re.match(r".*?(example_\d+\.py):(\d+):(.*)", line)
            if match:
                example, offset = files[match.group(1)]
                where = f"{example.document.relative_to(ROOT)}:{offset + int(match.group(2))}"
                line = where + ":" + match.group(3)
            lines.append(line)
        pytest.fail("doc examples fail mypy --strict:\n" + "\n".join(lines), pytrace=False)
