"""Every ```python block of README.md and docs/*.md passes mypy --strict.

A block that is deliberately partial (a signature listing, a fragment of the block above)
is skipped by a comment on the line just before its fence, with the reason:
``<!-- typecheck: skip (a signature listing, not code) -->``. A block with top-level
``await`` / ``async with`` (as typed in ``python -m asyncio``) is checked as the body of an
``async def``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from typing_helpers import ROOT, MypyRun, examples


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


def test_doc_examples_pass_mypy_strict(mypy_run: MypyRun) -> None:
    """All checked examples, each as its own module, in the typing tests' one mypy run."""
    assert len(mypy_run.doc_examples) >= 10
    lines = []
    for name, (example, offset) in sorted(mypy_run.doc_examples.items()):
        for line in mypy_run.of(name):
            match = re.match(r".*?(example_\d+\.py):(\d+):(.*)", line)
            assert match is not None
            where = f"{example.document.relative_to(ROOT)}:{offset + int(match.group(2))}"
            lines.append(where + ":" + match.group(3))
    if lines:
        pytest.fail("doc examples fail mypy --strict:\n" + "\n".join(lines), pytrace=False)
