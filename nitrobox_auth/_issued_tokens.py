"""Access tokens a server of ours issues: random, short-lived, bounded in number.

One registry for both servers that issue tokens: the sandbox's token endpoint (tokens for
the client under test) and the notification receiver kit (tokens for Nitrobox).

Only a SHA-256 digest of each token is kept, so a memory dump or a debugger shows no usable
token, and a look-up by digest does not compare the secret byte by byte. Expiry runs on an
injectable monotonic clock, so tests move time instead of sleeping.
"""

from __future__ import annotations

import enum
import hashlib
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

TOKEN_BYTES = 32  # 256 bits from the OS's CSPRNG


class TokenState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


def _digest(token: str) -> bytes:
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).digest()


class IssuedTokens:
    """Issued tokens and their expiry on a monotonic clock.

    At most ``max_tokens`` are remembered: beyond, the oldest is forgotten (and answered
    401, so the sender fetches a new one). An expired token is remembered ``remember_expired``
    seconds more (default: one lifetime) so a 401 can say "expired" rather than "unknown".
    ``lifetime`` may be changed; it applies to tokens issued from then on.
    """

    def __init__(
        self,
        *,
        lifetime: float,
        max_tokens: int = 1000,
        remember_expired: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.lifetime = lifetime
        self._max = max_tokens
        self._remember_expired = remember_expired
        self.clock = clock
        self._lock = threading.Lock()
        # Issue order; with a changed lifetime not quite expiry order, so forgetting stops
        # at the first entry still worth keeping (the bound above holds either way).
        self._expiry: OrderedDict[bytes, float] = OrderedDict()

    def __len__(self) -> int:
        return len(self._expiry)

    def issue(self) -> str:
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self.clock()
        keep = self.lifetime if self._remember_expired is None else self._remember_expired
        with self._lock:
            self._forget_expired_before(now - keep)
            while len(self._expiry) >= self._max:
                self._expiry.popitem(last=False)
            self._expiry[_digest(token)] = now + self.lifetime
        return token

    def state(self, token: str) -> TokenState:
        with self._lock:
            expiry = self._expiry.get(_digest(token))
        if expiry is None:
            return TokenState.UNKNOWN
        return TokenState.VALID if self.clock() < expiry else TokenState.EXPIRED

    def revoke_all(self) -> None:
        with self._lock:
            self._expiry.clear()

    def _forget_expired_before(self, moment: float) -> None:
        while self._expiry:
            digest, expiry = next(iter(self._expiry.items()))
            if expiry >= moment:
                return
            del self._expiry[digest]
