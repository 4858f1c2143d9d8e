"""Errors the ``nitrobox`` command raises for bad input (all under ``NitroboxError``)."""

from __future__ import annotations

from collections.abc import Sequence

from nitrobox_auth._errors import NitroboxError


class CommandError(NitroboxError):
    """The command cannot run as asked; the message says what to change."""


class UnknownOperationError(CommandError, LookupError):
    """``nitrobox call`` got an operation ID the bundled spec does not define."""

    def __init__(self, operation_id: str, suggestions: Sequence[str]) -> None:
        self.operation_id = operation_id
        self.suggestions = tuple(suggestions)
        if self.suggestions:
            hint = "did you mean: " + ", ".join(self.suggestions) + "?"
        else:
            hint = "run `nitrobox call --list` to see every operation"
        super().__init__(f"unknown operation ID {operation_id!r}; {hint}")
