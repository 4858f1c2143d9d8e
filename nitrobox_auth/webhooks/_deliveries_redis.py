"""``RedisDeliveryLog``: redeliveries recognised across workers and instances (the ``redis``
extra). ``redis`` is imported only when one is built.

Two keys per delivery, under ``prefix``: ``busy:{<digest>}`` while a handler runs (expires
after ``busy_ttl``, so a worker that died mid-delivery blocks its redeliveries no longer),
and ``done:{<digest>}`` once it was handled (kept ``retention`` seconds). The busy marker
holds a random owner value and is removed only by its owner.
"""

from __future__ import annotations

import math
import secrets
import threading
from typing import TYPE_CHECKING, Any

from nitrobox_auth._checks import positive_seconds
from nitrobox_auth.token._cache_redis import redis_client
from nitrobox_auth.webhooks._deliveries import Seen
from nitrobox_auth.webhooks._errors import WebhookConfigError

if TYPE_CHECKING:
    import redis

DEFAULT_BUSY_TTL = 300.0  # 5 min: longer than a handler should run, shorter than 2 retries
DEFAULT_RETENTION = 7 * 24 * 3600.0  # Nitrobox retries for about 3 days; the portal resends
SOCKET_TIMEOUT = 2.0

# KEYS: done, busy. ARGV: owner, busy ttl (ms). Atomic, so two workers never both get NEW.
_BEGIN = """
if redis.call('exists', KEYS[1]) == 1 then return 'done' end
if redis.call('set', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'new' end
return 'busy'
"""
# KEYS: done, busy. ARGV: owner, handled ('1'/'0'), retention (ms).
_FINISH = """
if ARGV[2] == '1' then redis.call('set', KEYS[1], '1', 'PX', ARGV[3]) end
if redis.call('get', KEYS[2]) == ARGV[1] then redis.call('del', KEYS[2]) end
return 1
"""


class RedisDeliveryLog:
    """A :class:`~nitrobox_auth.webhooks.DeliveryLog` in Redis, shared by every worker and
    instance that uses the same Redis and ``prefix``.

    ``url_or_client`` is a ``redis://`` / ``rediss://`` / ``unix://`` URL (a client is built
    with 2 s socket timeouts) or a ``redis.Redis`` client of your own (never closed here).
    """

    def __init__(
        self,
        url_or_client: str | redis.Redis,
        *,
        prefix: str = "nitrobox:delivery:",
        busy_ttl: float = DEFAULT_BUSY_TTL,
        retention: float = DEFAULT_RETENTION,
    ) -> None:
        for name, value in (("busy_ttl", busy_ttl), ("retention", retention)):
            positive_seconds(f"RedisDeliveryLog {name}", value, error=WebhookConfigError)
        self._client, self._owns_client = redis_client(
            url_or_client,
            owner="RedisDeliveryLog",
            error=WebhookConfigError,
            socket_timeout=SOCKET_TIMEOUT,
        )
        self.prefix = prefix
        self.busy_ttl = float(busy_ttl)
        self.retention = float(retention)
        self._begin: Any = self._client.register_script(_BEGIN)
        self._finish: Any = self._client.register_script(_FINISH)
        self._owners: dict[str, str] = {}
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        # the connection details may hold a password; the prefix tells logs apart
        return f"RedisDeliveryLog(prefix={self.prefix!r})"

    def close(self) -> None:
        """Close the client built from a URL (a client passed in stays open)."""
        if self._owns_client:
            self._client.close()

    def _keys(self, key: str) -> list[str]:
        # the {hash tag} puts both keys in one Redis Cluster slot, as one script needs
        return [f"{self.prefix}done:{{{key}}}", f"{self.prefix}busy:{{{key}}}"]

    def begin(self, key: str) -> Seen:
        owner = secrets.token_hex(8)
        answer = self._begin(keys=self._keys(key), args=[owner, math.ceil(self.busy_ttl * 1000)])
        seen = Seen(answer.decode() if isinstance(answer, bytes) else str(answer))
        if seen is Seen.NEW:
            with self._lock:
                self._owners[key] = owner
        return seen

    def finish(self, key: str, *, handled: bool) -> None:
        with self._lock:
            owner = self._owners.pop(key, "")
        self._finish(
            keys=self._keys(key),
            args=[owner, "1" if handled else "0", math.ceil(self.retention * 1000)],
        )
