"""Everything a running sandbox holds, shared by the ASGI app and the ``Sandbox`` object."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Callable, Mapping
from typing import Any

from nitrobox_auth.tooling import number_of_seconds
from nitrobox_sandbox._errors import SandboxConfigError
from nitrobox_sandbox._events import EventSource
from nitrobox_sandbox._faults import FaultInjector, Faults
from nitrobox_sandbox._handlers import Handlers
from nitrobox_sandbox._journal import Journal
from nitrobox_sandbox._limits import BODY_READ_TIMEOUT
from nitrobox_sandbox._notifier import DEFAULT_TIME_SCALE, Notifier
from nitrobox_sandbox._scripts import ScriptBook
from nitrobox_sandbox._spec import Spec
from nitrobox_sandbox._stats import Stats
from nitrobox_sandbox._store import Store
from nitrobox_sandbox._synth import Synthesizer
from nitrobox_sandbox._tokens import TokenRegistry
from nitrobox_sandbox._validation import RequestValidator

# Parsing and checking a spec takes a while; sandboxes built from the same document share it.
_compiled: dict[str, tuple[Spec, RequestValidator]] = {}
_compiled_lock = threading.Lock()


def compile_spec(document: dict[str, Any]) -> tuple[Spec, RequestValidator]:
    key = hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()
    with _compiled_lock:
        if key not in _compiled:
            spec = Spec(document)
            _compiled[key] = (spec, RequestValidator(document, spec))
        return _compiled[key]


class SandboxState:
    def __init__(
        self,
        *,
        document: dict[str, Any],
        tenant: str,
        client_id: str,
        client_secret: str,
        token_lifetime: float,
        faults: Faults,
        clock: Callable[[], float],
        notification_time_scale: float = DEFAULT_TIME_SCALE,
    ) -> None:
        check_token_lifetime(token_lifetime)
        self.tenant = tenant
        self.client_id = client_id
        self.client_secret = client_secret
        self.clock = clock
        self.spec, self.validator = compile_spec(document)
        self.synth = Synthesizer(self.spec)
        self.tokens = TokenRegistry(clock=clock, lifetime=token_lifetime)
        self.faults = FaultInjector(faults, clock)
        self._initial_faults = faults
        self._initial_lifetime = token_lifetime
        self.stats = Stats()
        self.store = Store()
        self.handlers = Handlers(self.spec, self.synth, self.store)
        self.notifier = Notifier(time_scale=notification_time_scale)
        self._initial_clock = clock
        self._initial_time_scale = notification_time_scale
        self._stop_waking: Callable[[], None] = _nothing
        self.stats.sections["notifications"] = self.notifier.stats
        self.store.observer = self.handlers.observer = EventSource(self.notifier, self.store)
        # seconds a request body may take to arrive (_limits.read_body); Sandbox sets it
        self.body_read_timeout = BODY_READ_TIMEOUT
        self.scripts = ScriptBook(self.spec.by_id)
        self.journal = Journal()

    def reset(self) -> None:
        """Back to how the sandbox was built: no resources, tokens or counts, and the
        faults and token lifetime it was constructed with."""
        self.store.clear()
        self.tokens.revoke_all()
        self.tokens.lifetime = self._initial_lifetime
        self.stats.reset()
        self.notifier.reset()
        self.faults.configure(self._initial_faults)
        self.scripts.clear()
        self.journal.clear()

    def use_clock(
        self, clock: Callable[[], float] | None, *, notification_time_scale: float = 1.0
    ) -> None:
        """Run tokens, rate windows and notification retries on ``clock`` (``None``: back to
        the clock and time scale the sandbox was built with). Tokens issued on the old
        clock are revoked: their expiry means nothing on the new one."""
        if clock is None:
            clock, notification_time_scale = self._initial_clock, self._initial_time_scale
        self.clock = clock
        self.tokens.revoke_all()
        self.tokens.clock = clock
        self.faults.use_clock(clock)
        self.notifier.use_clock(clock, notification_time_scale)
        self._stop_waking()
        # A manual clock wakes the notifier when it moves (else it looks again within 1 s).
        on_advance = getattr(clock, "on_advance", None)
        self._stop_waking = on_advance(self.notifier.wake) if on_advance else _nothing

    def configure_faults(self, values: Mapping[str, Any]) -> None:
        values = dict(values)
        lifetime = values.pop("token_lifetime", None)
        if lifetime is not None:
            check_token_lifetime(lifetime)
        faults = Faults.from_mapping(values, base=self.faults.faults)
        if lifetime is not None:
            self.tokens.lifetime = float(lifetime)
        self.faults.configure(faults)

    def fault_settings(self) -> dict[str, Any]:
        return {**self.faults.faults.as_dict(), "token_lifetime": self.tokens.lifetime}


def _nothing() -> None:
    pass


# 30 days: longer than any test run, and far from where float seconds lose precision.
MAX_TOKEN_LIFETIME = 30 * 24 * 3600.0


def check_token_lifetime(value: object) -> None:
    """A finite number of seconds from 0 to :data:`MAX_TOKEN_LIFETIME` (NaN, inf refused)."""
    number_of_seconds("token_lifetime", value, error=SandboxConfigError, at_most=MAX_TOKEN_LIFETIME)
