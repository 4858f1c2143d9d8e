"""Which notifications were already handled: the ``DeliveryLog`` protocol, the in-process
default, and the fallback that keeps deliveries flowing when a shared store fails.

Dedup is best effort: a log only recognises a redelivery it was told about, Nitrobox
retries failed deliveries, and a store can fail. Handlers must tolerate running twice.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import threading
from collections import OrderedDict
from typing import Protocol, runtime_checkable

logger = logging.getLogger("nitrobox_auth.webhooks")


class Seen(enum.Enum):
    NEW = "new"  # hand it to the handlers
    DONE = "done"  # handled before: acknowledge, do not hand it again
    BUSY = "busy"  # the same body is being handled right now


def delivery_key(body: bytes) -> str:
    """The identity of a delivery: the SHA-256 of its exact body (Nitrobox sends no id)."""
    return hashlib.sha256(body).hexdigest()


@runtime_checkable
class DeliveryLog(Protocol):
    """Where a receiver records deliveries in progress and handled ones.

    ``begin(key)`` marks ``key`` busy and answers :attr:`Seen.NEW`, or says it is
    :attr:`Seen.BUSY` (another worker handles it now) or :attr:`Seen.DONE` (handled).
    ``finish(key, handled=...)`` clears the busy mark and, if ``handled``, remembers the key
    as done. Both are called from a worker thread, never on the event loop, and may block
    briefly. An exception from either makes the receiver fall back to its in-process memory
    (one warning), so a failing store never loses a delivery.
    """

    def begin(self, key: str) -> Seen: ...

    def finish(self, key: str, *, handled: bool) -> None: ...


class MemoryDeliveryLog:
    """The default: the digests of the last ``size`` handled bodies, **in this process
    only**. Another worker process or instance does not see them; share a
    :class:`RedisDeliveryLog` for that.

    A body counts as handled only when every handler returned: a delivery that failed is
    handled again when Nitrobox retries it. The oldest digest is forgotten first.
    """

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._done: OrderedDict[str, None] = OrderedDict()
        self._busy: set[str] = set()

    def __repr__(self) -> str:
        return f"MemoryDeliveryLog(size={self.size})"

    def __len__(self) -> int:
        return len(self._done)

    def begin(self, key: str) -> Seen:
        with self._lock:
            if key in self._done:
                self._done.move_to_end(key)
                return Seen.DONE
            if key in self._busy:
                return Seen.BUSY
            self._busy.add(key)
            return Seen.NEW

    def finish(self, key: str, *, handled: bool) -> None:
        with self._lock:
            self._busy.discard(key)
            if handled and self.size > 0:
                self._done[key] = None
                while len(self._done) > self.size:
                    self._done.popitem(last=False)


class FallbackLog:
    """``store``, and ``memory`` whenever ``store`` raises: one WARNING when the store starts
    failing (naming only the exception type: a message may quote a URL with a password),
    one INFO when it works again."""

    def __init__(self, store: DeliveryLog, memory: MemoryDeliveryLog) -> None:
        self.store = store
        self.memory = memory
        self._failing = False
        self._lock = threading.Lock()

    def begin(self, key: str) -> Seen:
        try:
            seen = self.store.begin(key)
        except Exception as exc:
            self._failed(exc)
            return self.memory.begin(key)
        self._worked()
        return seen

    def finish(self, key: str, *, handled: bool) -> None:
        # also remembered here, so a store that fails later still knows this delivery
        self.memory.finish(key, handled=handled)
        try:
            self.store.finish(key, handled=handled)
        except Exception as exc:
            self._failed(exc)
        else:
            self._worked()

    def _failed(self, exc: Exception) -> None:
        with self._lock:
            first, self._failing = not self._failing, True
        if first:
            logger.warning(
                "the delivery log %r failed (%s); recognising redeliveries in this process "
                "only until it works again. No delivery is refused because of it.",
                self.store,
                type(exc).__name__,
            )

    def _worked(self) -> None:
        with self._lock:
            recovered, self._failing = self._failing, False
        if recovered:
            logger.info("the delivery log %r works again", self.store)
