"""nitrobox_sandbox: the test tooling of the Nitrobox client (the ``sandbox`` extra).

A local Nitrobox for test suites and demos (Starlette, uvicorn, openapi-core) and the pytest
plugin that serves it to tests::

    from nitrobox_sandbox import Sandbox

    with Sandbox().serve() as sandbox:
        settings = sandbox.settings()   # point the client here
        ...
        assert sandbox.stats()["token_requests"] == 1

The names below are imported on first use, not with the package: pytest loads
``nitrobox_sandbox.pytest_plugin`` in every run of every project that installs the client,
and that must not pull in the ASGI stack. Without the extra, the first use says which extra
to install.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from nitrobox_sandbox._clock import ManualClock
    from nitrobox_sandbox._errors import SandboxConfigError, SandboxError, SeedError
    from nitrobox_sandbox._faults import Faults
    from nitrobox_sandbox._inbox import NotificationInbox, NotificationTimeout
    from nitrobox_sandbox._journal import CallLog, RecordedCall, token_fingerprint
    from nitrobox_sandbox._notifier import Subscription
    from nitrobox_sandbox._sandbox import Sandbox
    from nitrobox_sandbox._scripts import Fault, Script
    from nitrobox_sandbox._store import Snapshot
    from nitrobox_sandbox._transport import SyncASGITransport

__all__ = [
    "CallLog",
    "Fault",
    "Faults",
    "ManualClock",
    "NotificationInbox",
    "NotificationTimeout",
    "RecordedCall",
    "Sandbox",
    "SandboxConfigError",
    "SandboxError",
    "Script",
    "SeedError",
    "Snapshot",
    "Subscription",
    "SyncASGITransport",
    "token_fingerprint",
]

SANDBOX_EXTRA_HINT = "pip install 'nitrobox-client[sandbox]'"

_HOMES = {
    "CallLog": "nitrobox_sandbox._journal",
    "Fault": "nitrobox_sandbox._scripts",
    "Faults": "nitrobox_sandbox._faults",
    "ManualClock": "nitrobox_sandbox._clock",
    "NotificationInbox": "nitrobox_sandbox._inbox",
    "NotificationTimeout": "nitrobox_sandbox._inbox",
    "RecordedCall": "nitrobox_sandbox._journal",
    "Sandbox": "nitrobox_sandbox._sandbox",
    "SandboxConfigError": "nitrobox_sandbox._errors",
    "SandboxError": "nitrobox_sandbox._errors",
    "SeedError": "nitrobox_sandbox._errors",
    "Snapshot": "nitrobox_sandbox._store",
    "Script": "nitrobox_sandbox._scripts",
    "Subscription": "nitrobox_sandbox._notifier",
    "SyncASGITransport": "nitrobox_sandbox._transport",
    "token_fingerprint": "nitrobox_sandbox._journal",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'nitrobox_sandbox' has no attribute {name!r}")
    try:
        module = importlib.import_module(home)
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0].startswith("nitrobox"):
            raise
        raise ModuleNotFoundError(
            f"nitrobox_sandbox needs the 'sandbox' extra ({exc.name} is missing): "
            f"{SANDBOX_EXTRA_HINT}",
            name=exc.name,
        ) from exc
    value = getattr(module, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
