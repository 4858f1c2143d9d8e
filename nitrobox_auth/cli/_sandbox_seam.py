"""The command's one door to ``nitrobox_sandbox``: every sandbox name the CLI uses.

The layers (README.md, Layout) put the CLI on top of the sandbox, and the runtime under
both; an import-linter contract lets this module, and no other in ``nitrobox_auth``, import
``nitrobox_sandbox``. The imports happen on first use: the sandbox extra (Starlette,
uvicorn, openapi-core) is optional, and ``nitrobox --help`` must stay fast. Without the
extra, the first use says which extra to install.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from nitrobox_auth.cli._errors import CommandError

if TYPE_CHECKING:
    from nitrobox_sandbox import NotificationInbox as NotificationInbox
    from nitrobox_sandbox import NotificationTimeout as NotificationTimeout
    from nitrobox_sandbox import Sandbox as Sandbox
    from nitrobox_sandbox import SandboxError as SandboxError


def _needs_the_extra(exc: ImportError) -> CommandError:
    from nitrobox_sandbox import SANDBOX_EXTRA_HINT

    missing = (exc.name or str(exc)).split(".")[0]  # starlette, not starlette.applications
    return CommandError(
        f"the embedded sandbox needs the 'sandbox' extra ({missing} is missing): "
        f"{SANDBOX_EXTRA_HINT}; or set NITROBOX_TENANT, NITROBOX_CLIENT_ID and "
        "NITROBOX_CLIENT_SECRET to use a real environment"
    )


def sandbox_class() -> type[Sandbox]:
    try:
        from nitrobox_sandbox import Sandbox
    except ImportError as exc:
        raise _needs_the_extra(exc) from exc
    return Sandbox


def inbox_class() -> type[NotificationInbox]:
    try:
        from nitrobox_sandbox import NotificationInbox
    except ImportError as exc:
        raise _needs_the_extra(exc) from exc
    return NotificationInbox


def sandbox_errors() -> tuple[type[SandboxError], type[NotificationTimeout]]:
    """The sandbox's errors the command turns into usage errors: a bad setting, a spec file
    that cannot be read, a bad seed (after a sandbox started, so the extra is there)."""
    from nitrobox_sandbox import NotificationTimeout, SandboxError

    return SandboxError, NotificationTimeout
