"""The access tokens a receiver issues to Nitrobox: random, short-lived, bounded in number.

Only a SHA-256 digest of each token is kept, so a memory dump or a debugger shows no usable
token, and a look-up by digest does not compare the secret byte by byte.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

TOKEN_BYTES = 32  # 256 bits from the OS's CSPRNG; the kit promises at least 128


class TokenState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).digest()


def same_secret(given: str, expected: str) -> bool:
    """Compare credentials in constant time (no early exit on the first differing byte)."""
    return hmac.compare_digest(
        given.encode("utf-8", "surrogateescape"), expected.encode("utf-8", "surrogateescape")
    )


class TokenStore:
    """Issued tokens and their expiry on a monotonic clock.

    At most ``max_tokens`` are remembered: beyond, the oldest is forgotten (and answered 401,
    so the sender fetches a new one). Expired tokens are remembered for one more lifetime so
    the 401 can say "expired" rather than "unknown".
    """

    def __init__(
        self,
        *,
        lifetime: float,
        max_tokens: int = 1000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.lifetime = lifetime
        self._max = max_tokens
        self._clock = clock
        self._lock = threading.Lock()
        # insertion order is expiry order: every token lives the same ``lifetime``
        self._expiry: OrderedDict[bytes, float] = OrderedDict()

    def __len__(self) -> int:
        return len(self._expiry)

    def issue(self) -> str:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self._clock()
        with self._lock:
            self._forget_before(now - self.lifetime)
            while len(self._expiry) >= self._max:
                self._expiry.popitem(last=False)
            self._expiry[_digest(token)] = now + self.lifetime
        return token

    def state(self, token: str) -> TokenState:
        with self._lock:
            expiry = self._expiry.get(_digest(token))
        if expiry is None:
            return TokenState.UNKNOWN
        return TokenState.VALID if self._clock() < expiry else TokenState.EXPIRED

    def _forget_before(self, moment: float) -> None:
        while self._expiry:
            digest, expiry = next(iter(self._expiry.items()))
            if expiry >= moment:
                return
            del self._expiry[digest]
