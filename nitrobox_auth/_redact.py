"""Redaction helpers: how secrets are shown (masked) and scrubbed from text we did not write.

Everything the client shows to a user or a log goes through these, so a client secret,
a Basic header or an access token never leaves the process in readable form.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from nitrobox_auth._credentials import CREDENTIAL_IN_TEXT

# Header names whose values are credentials. Compared lower-case.
SENSITIVE_HEADERS: frozenset[str] = frozenset(
    {"authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"}
)

# Below this length a prefix would give away too large a share of the secret.
_MIN_LENGTH_FOR_PREFIX = 16
_PREFIX_LENGTH = 4
# From this length a secret is masked even inside other text; shorter ones only whole.
_MIN_LENGTH_ANYWHERE = 8


def mask_secret(value: str | None) -> str:
    """Show a secret as its first characters and its length, e.g. ``'eyJh…(32 chars)'``.

    Short secrets show no characters at all: ``'…(8 chars)'``. ``None`` shows as
    ``'<unset>'``.
    """
    if value is None:
        return "<unset>"
    if len(value) >= _MIN_LENGTH_FOR_PREFIX:
        return f"{value[:_PREFIX_LENGTH]}…({len(value)} chars)"
    return f"…({len(value)} chars)"


def redact_headers(headers: Iterable[tuple[str, str]] | Mapping[str, str]) -> dict[str, str]:
    """Copy headers for display, with every credential-bearing value masked."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    shown: dict[str, str] = {}
    for name, value in items:
        if name.lower() in SENSITIVE_HEADERS:
            scheme, _, credential = value.partition(" ")
            shown[name] = (
                f"{scheme} {mask_secret(credential)}" if credential else mask_secret(value)
            )
        else:
            shown[name] = value
    return shown


def scrub(text: str, secrets: Iterable[str | None]) -> str:
    """Replace every occurrence of the given secrets in ``text`` by their mask.

    For text from outside (a server's ``error_description``, an exception message) that
    might echo a credential back. Empty and ``None`` secrets are ignored; longer secrets are
    replaced first so a secret that contains another is masked whole.

    A secret of at least 8 characters is masked wherever it appears. A shorter one is
    masked only as a whole value, where no letter or digit touches it: a three-letter
    secret ``abc`` is masked in ``secret=abc`` but ``abcdef`` and ``cabc`` are left as
    they are, since rewriting every word that happens to contain it would garble the
    message (and tell the reader which letters the secret is made of).
    """
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):
        if secret not in text:
            continue
        mask = mask_secret(secret)
        if len(secret) >= _MIN_LENGTH_ANYWHERE:
            text = text.replace(secret, mask)
        else:
            whole = re.compile(rf"(?<![^\W_]){re.escape(secret)}(?![^\W_])")
            text = whole.sub(mask.replace("\\", r"\\"), text)
    return text


def scrub_credentials(text: str) -> str:
    """Mask every ``Basic``/``Bearer`` value in ``text`` (a gateway may echo our header)."""
    return CREDENTIAL_IN_TEXT.sub(lambda m: f"{m.group(1)} {mask_secret(m.group(2))}", text)
