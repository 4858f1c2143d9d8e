"""The sandbox's OAuth2 client-credentials endpoint: credential checks and token expiry.

Pure rules plus the runtime's registry of issued tokens (``IssuedTokens``). Expiry runs on the
sandbox's injectable monotonic clock, so tests move time instead of sleeping.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final

from nitrobox_auth.tooling import IssuedTokens, parse_basic, same_secret
from nitrobox_auth.tooling import TokenState as TokenState

# Expired tokens are remembered a while so a 401 can say "expired" instead of "unknown".
_FORGET_EXPIRED_AFTER = 3600.0
# A loop on the token endpoint must not grow the sandbox without end: past this many live
# tokens the oldest are forgotten (a test suite holds a handful).
MAX_TOKENS: Final = 10_000


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
    credentials = parse_basic(authorization)
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
    # Both parts compared in constant time: no timing hint about which part was wrong.
    id_ok = same_secret(given_id, client_id)
    secret_ok = same_secret(given_secret, client_secret)
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


class TokenRegistry(IssuedTokens):
    """Issued access tokens on the sandbox clock; ``issue`` also gives the ``expires_in``."""

    def __init__(self, *, clock: Callable[[], float], lifetime: float) -> None:
        super().__init__(
            lifetime=lifetime,
            max_tokens=MAX_TOKENS,
            remember_expired=_FORGET_EXPIRED_AFTER,
            clock=clock,
        )

    def issue_with_lifetime(self) -> tuple[str, int]:
        """A new token and the ``expires_in`` to announce for it."""
        # Announce whole seconds rounded down: a client never believes in a token
        # longer than the sandbox honours it.
        return self.issue(), max(0, int(self.lifetime))
