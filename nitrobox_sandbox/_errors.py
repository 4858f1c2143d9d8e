"""Errors the sandbox raises to its user (not to HTTP clients: those get error bodies)."""

from __future__ import annotations

from nitrobox_auth import NitroboxError


class SandboxError(NitroboxError):
    """The sandbox could not be set up or started."""


class SandboxConfigError(SandboxError, ValueError):
    """A sandbox or fault setting is invalid; the message names the setting."""


class SeedError(SandboxError, ValueError):
    """Seed data (``Sandbox.load``, ``nitrobox sandbox --seed-data``) could not be loaded;
    nothing of it was stored. ``kind`` and ``index`` name the record (``customers[2]``),
    ``field`` the field at fault (``addresses[0].addressType``), where one is at fault."""

    def __init__(
        self,
        message: str,
        *,
        kind: str | None = None,
        index: int | None = None,
        field: str | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.index = index
        self.field = field
