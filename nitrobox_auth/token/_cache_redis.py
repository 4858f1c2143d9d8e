"""``RedisTokenCache``: one token per refresh window across machines (the ``redis`` extra).

Keys: ``<prefix>token:<key>`` holds the entry with a TTL of the token's remaining lifetime;
``<prefix>lock:<key>`` is the fetch lock, taken with ``SET NX PX`` and a random owner value,
released and compare-and-deleted by Lua scripts so nobody removes what another process
wrote. ``redis`` is imported only when a ``RedisTokenCache`` is built.
"""

from __future__ import annotations

import contextlib
import math
import secrets
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any, Final

from nitrobox_auth._checks import positive_seconds
from nitrobox_auth._errors import NitroboxError, SettingsError
from nitrobox_auth.token._cache import CachedToken, TokenCache

if TYPE_CHECKING:
    import redis

DEFAULT_LOCK_TIMEOUT: Final = 15.0
# A holder that dies mid-fetch frees the lock after this long.
DEFAULT_LOCK_TTL: Final = 30.0
# A Redis that does not answer must not hold a call up for long: the provider falls back.
DEFAULT_SOCKET_TIMEOUT: Final = 2.0
_POLL_SECONDS: Final = 0.02

_RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0
"""
# The entry is JSON; garbage (pcall fails) is deleted too, so it gets replaced.
_COMPARE_AND_DELETE = """
local raw = redis.call('get', KEYS[1])
if not raw then return 0 end
local ok, entry = pcall(cjson.decode, raw)
if ok and type(entry) == 'table' and entry['access_token'] ~= ARGV[1] then return 0 end
return redis.call('del', KEYS[1])
"""


class RedisTokenCache(TokenCache):
    """Shares tokens between processes and machines through Redis.

    ``url_or_client`` is a ``redis://`` / ``rediss://`` / ``unix://`` URL (a client is built
    with 2 s socket timeouts) or a ``redis.Redis`` client of your own (never closed here).
    ``lock_timeout`` bounds the wait for another process's fetch, ``lock_ttl`` frees the lock
    of a process that died while fetching, ``prefix`` namespaces the keys.
    """

    def __init__(
        self,
        url_or_client: str | redis.Redis,
        *,
        prefix: str = "nitrobox:",
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        lock_ttl: float = DEFAULT_LOCK_TTL,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        for name, value in (("lock_timeout", lock_timeout), ("lock_ttl", lock_ttl)):
            positive_seconds(f"RedisTokenCache {name}", value)
        self._client, self._owns_client = redis_client(
            url_or_client, owner="RedisTokenCache", error=SettingsError
        )
        self._prefix = prefix
        self._lock_timeout = float(lock_timeout)
        self._lock_ttl_ms = math.ceil(lock_ttl * 1000)
        self._wall_clock = wall_clock
        self._release: Any = self._client.register_script(_RELEASE)
        self._compare_and_delete: Any = self._client.register_script(_COMPARE_AND_DELETE)

    def __repr__(self) -> str:
        # The connection details may hold a password; the prefix is enough to tell caches apart.
        return f"RedisTokenCache(prefix={self._prefix!r})"

    def close(self) -> None:
        """Close the client this cache built from a URL (a client passed in stays open)."""
        if self._owns_client:
            self._client.close()

    def load(self, key: str) -> CachedToken | None:
        raw = self._client.get(self._prefix + "token:" + key)
        if raw is None:
            return None
        if not isinstance(raw, bytes | str):
            raise ValueError("the cached entry is not a string")
        entry = CachedToken.from_json(raw)
        return entry if entry.expires_at > self._wall_clock() else None

    def save(self, key: str, token: CachedToken) -> None:
        ttl_ms = math.floor((token.expires_at - self._wall_clock()) * 1000)
        if ttl_ms <= 0:
            return  # already expired: nothing worth sharing
        self._client.set(self._prefix + "token:" + key, token.to_json(), px=ttl_ms)

    def delete(self, key: str, value: str) -> bool:
        removed = self._compare_and_delete(keys=[self._prefix + "token:" + key], args=[value])
        return bool(removed)

    def lock(self, key: str) -> AbstractContextManager[bool]:
        return self._locked(self._prefix + "lock:" + key)

    @contextlib.contextmanager
    def _locked(self, name: str) -> Iterator[bool]:
        owner = secrets.token_hex(16)
        deadline = time.monotonic() + self._lock_timeout
        while not self._client.set(name, owner, nx=True, px=self._lock_ttl_ms):
            if time.monotonic() >= deadline:
                yield False
                return
            time.sleep(_POLL_SECONDS)
        try:
            yield True
        finally:
            self._release(keys=[name], args=[owner])


def redis_client(
    url_or_client: str | redis.Redis,
    *,
    owner: str,
    error: type[NitroboxError],
    socket_timeout: float = DEFAULT_SOCKET_TIMEOUT,
) -> tuple[redis.Redis, bool]:
    """A Redis client for ``owner`` and whether ``owner`` made it (and so closes it).

    The one place a URL becomes a client, for the token cache and the webhook delivery log.
    """
    try:
        import redis
    except ImportError as exc:
        raise error(
            f"{owner} needs the redis package: pip install 'nitrobox-client[redis]'"
        ) from exc
    if not isinstance(url_or_client, str):
        return url_or_client, False
    try:
        client = redis.Redis.from_url(
            url_or_client, socket_timeout=socket_timeout, socket_connect_timeout=socket_timeout
        )
    except ValueError:
        # The URL may hold a password, and redis-py's message can quote part of it: say what
        # to fix without quoting either.
        raise error(
            f"not a usable Redis URL for {owner}: expected "
            "redis://[user:password@]host[:port][/db] (or rediss://, unix://), with "
            "special characters of the password percent-encoded"
        ) from None
    return client, True
