"""The access tokens a receiver issues to Nitrobox: self-contained, so any instance that
shares the key can check a token another instance issued, and nothing is stored.

Format (version 1), all of it header-safe ASCII::

    nbx1.<payload>.<tag>      payload = base64url(expiry as 8-byte big-endian Unix seconds
                                                  + 16 random bytes)
                              tag     = base64url(HMAC-SHA256(key, "nbx1." + payload))

The key is derived from the client secret with HKDF-SHA256 (RFC 5869; the client id is in
the ``info``, so two receivers with the same secret but different client ids do not accept
each other's tokens), or is the explicit ``signing_key``. The secret itself never signs.
Verification recomputes the tag and compares in constant time before it reads the expiry,
so a changed byte, a stretched expiry or another key's token all fail the same way.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Sequence

VERSION = "nbx1"
NONCE_BYTES = 16  # 128 random bits: no two tokens are alike
MIN_SIGNING_KEY_BYTES = 32
_PAYLOAD_BYTES = 8 + NONCE_BYTES
# base64url without padding of 24 and 32 bytes, plus the version and two dots
TOKEN_LENGTH = len(VERSION) + 1 + 32 + 1 + 43
_HKDF_SALT = b"nitrobox-webhook-token"


class TokenState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    INVALID = "invalid"


def derive_key(client_id: str, client_secret: str) -> bytes:
    """HKDF-SHA256 (RFC 5869) of the client secret: a 32-byte key only for signing tokens."""
    secret = client_secret.encode("utf-8", "surrogateescape")
    prk = hmac.new(_HKDF_SALT, secret, hashlib.sha256).digest()
    info = f"{VERSION} webhook token {client_id}".encode("utf-8", "surrogateescape")
    return hmac.new(prk, info + b"\x01", hashlib.sha256).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _tag(key: bytes, signed: str) -> str:
    return _b64(hmac.new(key, signed.encode("ascii"), hashlib.sha256).digest())


class TokenSigner:
    """Issues tokens with the first key and accepts tokens of any of ``keys`` (the current
    key first, then the previous one during a rotation). ``clock`` is wall-clock time in
    seconds, the same on every instance."""

    def __init__(
        self, keys: Sequence[bytes], *, lifetime: float, clock: Callable[[], float] = time.time
    ) -> None:
        self._keys = tuple(keys)
        self.lifetime = lifetime
        self._clock = clock

    def __repr__(self) -> str:
        return f"TokenSigner({len(self._keys)} key(s), lifetime={self.lifetime:g})"

    def issue(self) -> str:
        expiry = int(self._clock() + self.lifetime)
        payload = _b64(expiry.to_bytes(8, "big") + secrets.token_bytes(NONCE_BYTES))
        signed = f"{VERSION}.{payload}"
        return f"{signed}.{_tag(self._keys[0], signed)}"

    def state(self, token: str) -> TokenState:
        if len(token) != TOKEN_LENGTH or not token.isascii():
            return TokenState.INVALID
        version, _, rest = token.partition(".")
        payload, _, tag = rest.partition(".")
        if version != VERSION:
            return TokenState.INVALID
        signed = f"{version}.{payload}"
        # every key is tried, so the time taken does not say which key nearly matched
        matches = [hmac.compare_digest(_tag(key, signed), tag) for key in self._keys]
        if not any(matches):
            return TokenState.INVALID
        try:
            raw = _unb64(payload)
        except (binascii.Error, ValueError):
            return TokenState.INVALID
        if len(raw) != _PAYLOAD_BYTES:
            return TokenState.INVALID
        expiry = int.from_bytes(raw[:8], "big")
        return TokenState.VALID if self._clock() < expiry else TokenState.EXPIRED
