"""Which notification bodies were already handled: a bounded memory for redeliveries."""

from __future__ import annotations

import enum
import hashlib
import threading
from collections import OrderedDict


class Seen(enum.Enum):
    NEW = "new"  # hand it to the handlers
    DONE = "done"  # handled before: acknowledge, do not hand it again
    BUSY = "busy"  # the same body is being handled right now


def delivery_key(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


class DeliveryMemory:
    """The digests of the last ``size`` bodies that were handled successfully.

    A body counts as handled only when every handler returned: a delivery that failed is
    handled again when Nitrobox retries it. The oldest digest is forgotten first.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._done: OrderedDict[str, None] = OrderedDict()
        self._busy: set[str] = set()

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
