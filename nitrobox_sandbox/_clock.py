"""A clock for tests: the sandbox's tokens and rate windows move only when it is moved."""

from __future__ import annotations

import threading


class ManualClock:
    """A monotonic clock that stands still until :meth:`advance` moves it.

    ``Sandbox(clock=clock)`` then lets a test expire tokens or end a rate-limit window
    without sleeping.
    """

    def __init__(self, start: float = 1000.0) -> None:
        self._now = float(start)
        self._lock = threading.Lock()

    def __call__(self) -> float:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError(f"a monotonic clock cannot go back ({seconds!r} seconds)")
        with self._lock:
            self._now += seconds
