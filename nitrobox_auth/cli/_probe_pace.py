"""``--rate``: a transport that spaces the requests it sends at least ``1 / rate`` apart.

It sits under the retry layer, so retries are paced too: the cap holds for everything the
probe sends to the API, not only for first attempts.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import httpx

DEFAULT_RATE = 2.0
MAX_RATE = 100.0


class PacedTransport(httpx.BaseTransport):
    """Waits before a request until ``1 / rate`` seconds have passed since the previous one."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        rate: float,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if not 0 < rate <= MAX_RATE:
            raise ValueError(f"rate must be in (0, {MAX_RATE}], got {rate}")
        self._inner = inner
        self._interval = 1.0 / rate
        self._clock = clock
        self._sleep = sleep
        self._last: float | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._last is not None:
            # Bounded: never more than one interval, whatever the clock did.
            wait = min(self._interval, self._last + self._interval - self._clock())
            if wait > 0:
                self._sleep(wait)
        self._last = self._clock()
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()
