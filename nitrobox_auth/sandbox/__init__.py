"""A local Nitrobox for tests and demos (needs the ``sandbox`` extra: Starlette, uvicorn,
openapi-core).

::

    from nitrobox_auth.sandbox import Sandbox

    with Sandbox().serve() as sandbox:
        settings = sandbox.settings()   # point the client here
        ...
        assert sandbox.stats()["token_requests"] == 1
"""

from nitrobox_auth.sandbox._clock import ManualClock
from nitrobox_auth.sandbox._errors import SandboxConfigError, SandboxError
from nitrobox_auth.sandbox._faults import Faults
from nitrobox_auth.sandbox._sandbox import Sandbox
from nitrobox_auth.sandbox._transport import SyncASGITransport

__all__ = [
    "Faults",
    "ManualClock",
    "Sandbox",
    "SandboxConfigError",
    "SandboxError",
    "SyncASGITransport",
]
