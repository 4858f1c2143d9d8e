"""Single flight: at most one token fetch at a time among all the threads *and* tasks of a
process, with a bounded wait for everyone who did not lead it.

One leader per fetch, elected under a short ``threading.Lock`` that is never held across
I/O (so an event loop may take it too). Followers wait on the flight's ``threading.Event``:
threads directly, tasks through a worker thread (one per event loop at a time, see
:class:`TokenProvider`), so a thread and a task that find the cache cold together cause
one request, not two.
"""

from __future__ import annotations

import threading

import attrs

from nitrobox_auth._errors import NitroboxAuthError
from nitrobox_auth.token._rules import AccessToken


@attrs.define(eq=False)
class Flight:
    """One fetch in progress; it lands with a token, an error, or neither (abandoned)."""

    done: threading.Event = attrs.field(factory=threading.Event)
    token: AccessToken | None = None
    error: NitroboxAuthError | None = None

    def wait(self, timeout: float) -> bool:
        """Block until the flight lands; False when ``timeout`` seconds passed first."""
        return self.done.wait(timeout)


class SingleFlight:
    """Elects the one caller that fetches and lets the others wait for its result."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: Flight | None = None

    def join(self) -> tuple[Flight, bool]:
        """The flight in progress, or a new one; ``True`` when the caller leads it."""
        with self._lock:
            if self._current is not None:
                return self._current, False
            self._current = Flight()
            return self._current, True

    def try_lead(self) -> Flight | None:
        """A new flight led by the caller, or ``None`` when one is already in progress."""
        with self._lock:
            if self._current is not None:
                return None
            self._current = Flight()
            return self._current

    def land(
        self,
        flight: Flight,
        *,
        token: AccessToken | None = None,
        error: NitroboxAuthError | None = None,
    ) -> None:
        """End ``flight``: followers wake up and read its token or error.

        Neither means the leader was cancelled or crashed: followers then try again
        themselves instead of sharing an error that was not about the token endpoint.
        """
        with self._lock:
            flight.token = token
            flight.error = error
            if self._current is flight:
                self._current = None
        flight.done.set()
