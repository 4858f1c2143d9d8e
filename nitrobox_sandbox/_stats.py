"""Counters the sandbox keeps for assertions (``Sandbox.stats()``, ``GET /_sandbox/stats``)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from typing import Any


class Stats:
    """Thread-safe request counters; ``snapshot()`` is a plain, JSON-ready dict."""

    _FIELDS = (
        "token_requests",
        "tokens_issued",
        "token_errors",
        "api_requests",
        "unauthorized",
        "rate_limited",
        "injected_errors",
        "validation_errors",
        "not_found",
    )

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: Counter[str] = Counter()
        self._operations: Counter[str] = Counter()
        self._statuses: Counter[str] = Counter()
        # further sections of the snapshot, e.g. "notifications" from the sender
        self.sections: dict[str, Callable[[], dict[str, Any]]] = {}

    def count(self, name: str) -> None:
        with self._lock:
            self._counts[name] += 1

    def operation(self, operation_id: str) -> None:
        with self._lock:
            self._operations[operation_id] += 1

    def status(self, status: int) -> None:
        with self._lock:
            self._statuses[str(status)] += 1

    def reset(self) -> None:
        with self._lock:
            self._counts.clear()
            self._operations.clear()
            self._statuses.clear()

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            snapshot: dict[str, Any] = {name: self._counts[name] for name in self._FIELDS}
            snapshot["operations"] = dict(sorted(self._operations.items()))
            snapshot["statuses"] = dict(sorted(self._statuses.items()))
        for name, section in self.sections.items():
            snapshot[name] = section()
        return snapshot
