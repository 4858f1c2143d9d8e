"""tests/typing/paging_types.py passes ``mypy --strict``: paginate's items are typed."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from typing_helpers import MypyRun


def test_paginate_and_apaginate_type_check_as_the_item_model(mypy_run: MypyRun) -> None:
    """assert_type holds for every walk, and passing a non-paged operation is a type error."""
    assert mypy_run.of("paging_types.py") == [], mypy_run.output
