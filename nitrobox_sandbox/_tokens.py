"""The sandbox's OAuth2 client-credentials endpoint: credential checks and token expiry.

Pure rules plus a small thread-safe registry of issued tokens. Expiry runs on the
sandbox's injectable monotonic clock, so tests move time instead of sleeping.
"""

from __future__ import annotations

import base64
import binascii
import enum
import hmac
import secrets
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final

# Expired tokens are remembered a while so a 401 can say "expired" instead of "unknown".
_FORGET_EXPIRED_AFTER = 3600.0
# A loop on the token endpoint must not grow the sandbox without end: past this many live
# tokens the oldest are forgotten (a test suite holds a handful).
MAX_TOKENS: Final = 10_000


class TokenState(enum.Enum):
    VALID = "valid"
    EXPIRED = "expired"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class OAuthErrorAnswer:
    """An RFC 6749 section 5.2 error answer."""

    status: int
    error: str
    description: str

    def body(self) -> dict[str, str]:
        return {"error": self.error, "error_description": self.description}

    def headers(self) -> dict[str, str]:
        headers = {"Cache-Control": "no-store", "Pragma": "no-cache"}
        if self.status == 401:
            # RFC 6749 5.2: a 401 for invalid_client must name the scheme the client should use.
            headers["WWW-Authenticate"] = 'Basic realm="nitrobox-sandbox"'
        return headers


def check_token_request(
    *,
    authorization: str | None,
    form: Mapping[str, str],
    query: Mapping[str, str],
    client_id: str,
    client_secret: str,
) -> OAuthErrorAnswer | None:
    """Check a token request; ``None`` means the request earns a token."""
    credentials = _basic_credentials(authorization)
    if credentials is None:
        how = (
            "client credentials in the body are not supported"
            if "client_secret" in form or "client_id" in form
            else "missing"
        )
        return OAuthErrorAnswer(
            401,
            "invalid_client",
            f"Client authentication failed: HTTP Basic credentials {how}; "
            "send Authorization: Basic base64(client_id:client_secret)",
        )
    given_id, given_secret = credentials
    # compare_digest on both parts: no timing hint about which part was wrong
    id_ok = hmac.compare_digest(given_id.encode(), client_id.encode())
    secret_ok = hmac.compare_digest(given_secret.encode(), client_secret.encode())
    if not (id_ok and secret_ok):
        return OAuthErrorAnswer(
            401, "invalid_client", "Client authentication failed: unknown client or wrong secret"
        )
    # The current docs send grant_type as form data, an older page and public client code
    # send it in the query string: both are accepted, the form wins when both are present.
    grant_type = form.get("grant_type", query.get("grant_type"))
    if grant_type is None:
        return OAuthErrorAnswer(
            400, "invalid_request", "Missing parameter: grant_type (use client_credentials)"
        )
    if grant_type != "client_credentials":
        return OAuthErrorAnswer(
            400,
            "unsupported_grant_type",
            f"Unsupported grant_type {grant_type[:40]!r}: only client_credentials is supported",
        )
    return None


def _basic_credentials(authorization: str | None) -> tuple[str, str] | None:
    if not authorization:
        return None
    scheme, _, encoded = authorization.partition(" ")
    if scheme.lower() != "basic" or not encoded.strip():
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    if not sep:
        return None
    return user, password


def bearer_token(authorization: str | None) -> str | None:
    """The token of an ``Authorization: Bearer`` header, or ``None``."""
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        return None
    return token


@dataclass
class TokenRegistry:
    """Issued access tokens and when each expires on the sandbox clock."""

    clock: Callable[[], float]
    lifetime: float
    _expires_at: dict[str, float] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def issue(self) -> tuple[str, int]:
        """A new token and the ``expires_in`` to announce for it."""
        token = secrets.token_urlsafe(32)
        now = self.clock()
        with self._lock:
            self._forget_old(now)
            self._expires_at[token] = now + self.lifetime
            while len(self._expires_at) > MAX_TOKENS:  # dicts keep issue order: oldest first
                del self._expires_at[next(iter(self._expires_at))]
        # Announce whole seconds rounded down: a client never believes in a token
        # longer than the sandbox honours it.
        return token, max(0, int(self.lifetime))

    def state(self, token: str) -> TokenState:
        with self._lock:
            expires_at = self._expires_at.get(token)
        if expires_at is None:
            return TokenState.UNKNOWN
        return TokenState.VALID if self.clock() < expires_at else TokenState.EXPIRED

    def revoke_all(self) -> None:
        with self._lock:
            self._expires_at.clear()

    def _forget_old(self, now: float) -> None:
        stale = [t for t, exp in self._expires_at.items() if exp + _FORGET_EXPIRED_AFTER < now]
        for token in stale:
            del self._expires_at[token]
