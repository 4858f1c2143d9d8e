"""Errors the sandbox raises to its user (not to HTTP clients: those get error bodies)."""

from __future__ import annotations

from nitrobox_auth import NitroboxError


class SandboxError(NitroboxError):
    """The sandbox could not be set up or started."""


class SandboxConfigError(SandboxError, ValueError):
    """A sandbox or fault setting is invalid; the message names the setting."""
