"""The one exception tree: every NitroboxError class is drawn in nitrobox_auth._errors."""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import nitrobox_auth
import nitrobox_auth._errors
import nitrobox_sandbox
from nitrobox_auth import NitroboxError


def _subclasses(cls: type[BaseException]) -> set[type[BaseException]]:
    found = set()
    for sub in cls.__subclasses__():
        found |= {sub, *_subclasses(sub)}
    return found


def _import_all() -> None:
    for package in (nitrobox_auth, nitrobox_sandbox):
        root = Path(package.__path__[0])
        for path in sorted(root.rglob("*.py")):
            parts = path.relative_to(root.parent).with_suffix("").parts
            # The deprecated alias package warns on import (its errors live in
            # nitrobox_sandbox); a __main__ runs the command.
            if parts[:2] == ("nitrobox_auth", "sandbox") or parts[-1] == "__main__":
                continue
            importlib.import_module(".".join(p for p in parts if p != "__init__"))


def test_every_error_class_is_in_the_drawn_tree() -> None:
    """A new NitroboxError subclass anywhere in the packages must be added to the drawing."""
    _import_all()
    drawing = nitrobox_auth._errors.__doc__ or ""
    drawn = set(re.findall(r"\b([A-Z][A-Za-z]+(?:Error|Timeout))\b", drawing))
    ours = {
        cls.__name__
        for cls in _subclasses(NitroboxError)
        if cls.__module__.startswith(("nitrobox_auth", "nitrobox_sandbox"))
    }
    assert ours - drawn == set()
    assert "NitroboxError" in drawing


def test_there_is_one_field_error() -> None:
    """FieldError names one class: the client's entry of GlobalErrorResponse.errors."""
    _import_all()
    modules = [
        name
        for name, module in list(sys.modules.items())
        if name.startswith(("nitrobox_auth", "nitrobox_sandbox"))
        and isinstance(getattr(module, "FieldError", None), type)
        and module.FieldError is not nitrobox_auth.FieldError
    ]
    assert modules == []
