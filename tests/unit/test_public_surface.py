"""``nitrobox_auth``'s public names: ``__all__``, the ``TYPE_CHECKING`` imports mypy reads and
the ``_DEFERRED`` table the run time imports from (PEP 562) say the same thing.

A name added to one and not the others would be typed but fail at run time, importable but
untyped, or missing from ``from nitrobox_auth import *`` and the docs' name checks.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

import nitrobox_auth

INIT = Path(nitrobox_auth.__file__)


def _imports(statements: list[ast.stmt]) -> dict[str, str]:
    """``{name: module}`` of the ``from nitrobox_auth... import name`` among ``statements``."""
    found: dict[str, str] = {}
    for statement in statements:
        if isinstance(statement, ast.ImportFrom) and (statement.module or "").startswith(
            "nitrobox_auth"
        ):
            for alias in statement.names:
                assert alias.asname is None, f"{alias.name} is re-exported under another name"
                found[alias.name] = str(statement.module)
    return found


def _surface() -> tuple[dict[str, str], dict[str, str]]:
    """The eager imports and the ``TYPE_CHECKING`` imports of the package's ``__init__``."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    typed: dict[str, str] = {}
    for statement in tree.body:
        if (
            isinstance(statement, ast.If)
            and isinstance(statement.test, ast.Name)
            and statement.test.id == "TYPE_CHECKING"
        ):
            typed.update(_imports(statement.body))
    return _imports(tree.body), typed


EAGER, TYPED = _surface()


def test_the_type_checking_imports_and_the_deferred_table_name_the_same_modules() -> None:
    """Every name mypy sees under TYPE_CHECKING is deferred to that same module, and back."""
    assert TYPED, "no TYPE_CHECKING imports found in nitrobox_auth/__init__.py"
    assert nitrobox_auth._DEFERRED == TYPED


def test_all_lists_exactly_the_eager_and_the_deferred_names() -> None:
    """``__all__`` holds each public name once, and nothing the package does not import."""
    assert len(nitrobox_auth.__all__) == len(set(nitrobox_auth.__all__))
    assert not EAGER.keys() & TYPED.keys(), "a name is both imported and deferred"
    assert set(nitrobox_auth.__all__) == EAGER.keys() | TYPED.keys()


@pytest.mark.parametrize("name", sorted(nitrobox_auth.__all__))
def test_every_public_name_resolves_to_the_object_its_source_module_holds(name: str) -> None:
    """``getattr(nitrobox_auth, name)`` works at run time and is the object mypy types."""
    source = {**EAGER, **TYPED}[name]
    assert getattr(nitrobox_auth, name) is getattr(importlib.import_module(source), name)


def test_dir_lists_the_deferred_names_before_they_are_used() -> None:
    """``dir(nitrobox_auth)`` (and so completion in a REPL) shows every public name."""
    assert set(nitrobox_auth.__all__) <= set(dir(nitrobox_auth))
