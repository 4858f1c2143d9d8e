"""Reading credentials from ``Authorization`` headers, and comparing them safely.

One reading for every place that receives credentials: the sandbox's token endpoint and
API, the notification receiver kit, and the bearer auth's look at what it sent. All of
them pure, and none of them ever puts a credential in a message.
"""

from __future__ import annotations

import base64
import binascii
import hmac
import re
from typing import Final

# A credential as it appears in free text (a gateway echoing our Authorization header, an
# exception message): the scheme, then a token68 value (RFC 9110 section 11.2) of 8 or more
# characters, so prose ("use Basic auth", "Bearer token") keeps its words.
CREDENTIAL_IN_TEXT: Final = re.compile(r"(?i)\b(bearer|basic)\s+([A-Za-z0-9._~+/=-]{8,})")


def _split(header: str | None, scheme: str) -> str | None:
    if not header:
        return None
    given, _, value = header.strip().partition(" ")
    value = value.strip()
    return value if given.lower() == scheme and value else None


def parse_basic(header: str | None) -> tuple[str, str] | None:
    """``(user, password)`` of an ``Authorization: Basic`` value, or ``None``.

    Strict base64 and UTF-8; the first ``:`` splits (RFC 7617: a user id has none).
    Anything else (another scheme, no colon, bad padding) is ``None``: no credentials.
    """
    encoded = _split(header, "basic")
    if encoded is None:
        return None
    try:
        decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    user, colon, password = decoded.partition(":")
    return (user, password) if colon else None


def parse_bearer(header: str | None) -> str | None:
    """The token of an ``Authorization: Bearer`` value, or ``None``."""
    return _split(header, "bearer")


def same_secret(given: str, expected: str) -> bool:
    """Compare credentials in constant time (no early exit on the first differing byte)."""
    return hmac.compare_digest(
        given.encode("utf-8", "surrogateescape"), expected.encode("utf-8", "surrogateescape")
    )
