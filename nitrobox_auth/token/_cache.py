"""The shared token cache interface: one token per refresh window across processes.

A :class:`TokenCache` stores one :class:`CachedToken` per key (token URL + client id,
hashed) with a **wall-clock** expiry, because monotonic clocks do not cross processes. It
never sees the client secret. Implementations: :class:`~nitrobox_auth.FileTokenCache`
(the processes of one machine) and :class:`~nitrobox_auth.RedisTokenCache` (many
machines). The provider keeps the token in memory and calls the cache only to fetch or
renew, and it survives any failure of the cache (see ``_shared_token``).
"""

from __future__ import annotations

import abc
import hashlib
import json
import math
import os
from collections.abc import Mapping
from contextlib import AbstractContextManager
from typing import Final

import attrs

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._errors import SettingsError
from nitrobox_auth._http_rules import HEADER_SAFE_TOKEN
from nitrobox_auth._redact import mask_secret
from nitrobox_auth._strict_json import MAX_ANSWER_DEPTH

ENV_TOKEN_CACHE: Final = "NITROBOX_TOKEN_CACHE"

# Bumped if the stored layout ever changes; an entry of another version is ignored.
_ENTRY_VERSION: Final = 1


@attrs.frozen(kw_only=True)
class CachedToken:
    """What a shared cache holds: the token and its lifetime in **wall-clock** seconds."""

    value: str = attrs.field(repr=mask_secret)
    token_type: str = "bearer"
    issued_at: float  # epoch seconds when the token request was sent
    expires_at: float  # epoch seconds when the server stops accepting it

    def to_json(self) -> str:
        """The stored form (never holds the client secret)."""
        return json.dumps(
            {
                "version": _ENTRY_VERSION,
                "access_token": self.value,
                "token_type": self.token_type,
                "issued_at": self.issued_at,
                "expires_at": self.expires_at,
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, raw: str | bytes) -> CachedToken:
        """Read a stored entry; :class:`ValueError` when it is not one (garbage, torn,
        another version), with a message that never quotes the content."""
        try:
            body = strict_json.loads(raw, max_depth=MAX_ANSWER_DEPTH)
        except strict_json.StrictJSONError:
            raise ValueError("the cached entry is not JSON") from None
        if not isinstance(body, dict) or body.get("version") != _ENTRY_VERSION:
            raise ValueError("the cached entry is not a token entry of this version")
        value, token_type = body.get("access_token"), body.get("token_type")
        issued_at, expires_at = body.get("issued_at"), body.get("expires_at")
        # The same rule as for a token from the endpoint: another machine may have written it.
        if not isinstance(value, str) or not HEADER_SAFE_TOKEN.fullmatch(value):
            raise ValueError("the cached entry has no usable access_token")
        if not isinstance(token_type, str) or token_type.lower() != "bearer":
            raise ValueError("the cached entry is not a bearer token")
        if not (_is_time(issued_at) and _is_time(expires_at)):
            raise ValueError("the cached entry has no usable issued_at/expires_at")
        assert isinstance(issued_at, int | float)
        assert isinstance(expires_at, int | float)
        if expires_at <= issued_at:
            raise ValueError("the cached entry expires before it was issued")
        return cls(value=value, issued_at=float(issued_at), expires_at=float(expires_at))


def _is_time(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class TokenCache(abc.ABC):
    """Where processes share a token. Implement these four methods to add a store.

    Every method may raise any exception when the store is down or broken: the provider
    catches it, logs one warning, and carries on with its in-process token. ``key`` is a
    hex digest of the token URL and client id (:func:`cache_key`).
    """

    @abc.abstractmethod
    def load(self, key: str) -> CachedToken | None:
        """The stored token, or ``None`` when there is none or it has expired.
        Raise :class:`ValueError` for an entry that cannot be read (it gets replaced)."""

    @abc.abstractmethod
    def save(self, key: str, token: CachedToken) -> None:
        """Store ``token`` atomically (no reader may see a torn entry)."""

    @abc.abstractmethod
    def delete(self, key: str, value: str) -> bool:
        """Remove the entry only if it still holds the token ``value`` (compare-and-delete,
        so a newer token stored meanwhile is kept). Returns whether it was removed."""

    @abc.abstractmethod
    def lock(self, key: str) -> AbstractContextManager[bool]:
        """Hold the key's cross-process lock while one process fetches.

        The context value is ``True`` when the lock was taken and ``False`` when the bounded
        wait for it ran out (the provider then fetches anyway rather than fail the call).
        """


def cache_key(token_url: str, client_id: str) -> str:
    """The key of a token URL + client id: a SHA-256 hex digest (safe as a file name and a
    Redis key, and it does not show the client id)."""
    return hashlib.sha256(f"{token_url}\n{client_id}".encode()).hexdigest()


def open_token_cache(spec: str) -> TokenCache:
    """A cache from a path (:class:`FileTokenCache`) or a ``redis://`` / ``rediss://`` /
    ``unix://`` URL (:class:`RedisTokenCache`, needs the ``redis`` extra)."""
    text = spec.strip()
    if not text:
        raise SettingsError(f"{ENV_TOKEN_CACHE} is empty: give a directory path or a redis:// URL")
    if text.startswith(("redis://", "rediss://", "unix://")):
        from nitrobox_auth.token._cache_redis import RedisTokenCache

        return RedisTokenCache(text)
    if "://" in text:
        raise SettingsError(
            f"token cache {text.split('://')[0]}:// is not supported: give a directory path "
            "or a redis:// URL"
        )
    from nitrobox_auth.token._cache_file import FileTokenCache

    return FileTokenCache(text)


def token_cache_from_env(environ: Mapping[str, str] | None = None) -> TokenCache | None:
    """The cache ``NITROBOX_TOKEN_CACHE`` selects (a path or a redis:// URL), or ``None``.

    Read by the pytest plugin and the ``nitrobox`` command; your own code passes
    ``cache=`` explicitly (or calls this).
    """
    env = os.environ if environ is None else environ
    spec = env.get(ENV_TOKEN_CACHE)
    if spec is None or not spec.strip():
        return None
    return open_token_cache(spec)
