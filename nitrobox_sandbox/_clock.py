"""A clock for tests: the sandbox's tokens, rate windows and notification retries, and the
fixture client's token expiry and retry waits, move only when it is moved."""

from __future__ import annotations

import threading
from collections.abc import Callable


class ManualClock:
    """A monotonic clock that stands still until :meth:`advance` (or a sleep on it) moves it.

    ``Sandbox(clock=clock)`` then lets a test expire tokens or end a rate-limit window
    without sleeping. :meth:`sleep` and :meth:`async_sleep` are sleeps *on this clock*: they
    move it forward and return at once, so a client whose retry policy sleeps through them
    (``RetryPolicy(sleep=clock.sleep, async_sleep=clock.async_sleep)``) waits out a 60 s
    ``Retry-After`` in no wall time. The ``nitrobox_clock`` fixture wires all of it.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()
        self._listeners: list[Callable[[], None]] = []

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def __repr__(self) -> str:
        return f"ManualClock(now={self():g})"

    def advance(self, seconds: float) -> None:
        """Move the clock ``seconds`` forward (never back); whatever waits on it wakes up."""
        if not seconds >= 0:  # also refuses NaN
            raise ValueError(f"a monotonic clock cannot go back ({seconds!r} seconds)")
        with self._lock:
            self._now += seconds
            listeners = list(self._listeners)
        for listener in listeners:
            listener()

    def sleep(self, seconds: float) -> None:
        """``time.sleep`` on this clock: moves it ``seconds`` forward, returns at once."""
        self.advance(max(seconds, 0.0))

    async def async_sleep(self, seconds: float) -> None:
        """``anyio.sleep`` on this clock: moves it forward, then yields to the event loop
        once (as a real sleep would), on asyncio and trio alike."""
        import anyio.lowlevel

        self.advance(max(seconds, 0.0))
        await anyio.lowlevel.checkpoint()

    def on_advance(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call ``listener`` after every move; returns the function that stops it."""
        with self._lock:
            self._listeners.append(listener)

        def remove() -> None:
            with self._lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return remove
