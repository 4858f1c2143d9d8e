"""RedisTokenCache against a real redis-server on loopback: TTLs, compare-and-delete, the
bounded lock, garbage, and a Redis that is down and comes back."""

from __future__ import annotations

import logging
import time

import pytest
import redis
from http_under_test import httpx
from loopback_servers import RedisServer, free_port

from nitrobox_auth import CachedToken, RedisTokenCache, TokenHTTP, TokenProvider
from nitrobox_auth.token._cache import cache_key

pytestmark = pytest.mark.integration

TOKEN_URL = "http://127.0.0.1:9/acme/oauth2/token"
KEY = cache_key(TOKEN_URL, "worker")


def entry(value: str, lifetime: float = 60.0) -> CachedToken:
    now = time.time()
    return CachedToken(value=value + "x" * 20, issued_at=now, expires_at=now + lifetime)


def granting(counter: list[int]) -> httpx.MockTransport:
    def grant(request: httpx.Request) -> httpx.Response:
        counter.append(1)
        return httpx.Response(
            200,
            json={"access_token": f"tok{len(counter):03d}" + "x" * 20, "token_type": "bearer",
                  "expires_in": 300},
        )  # fmt: skip

    return httpx.MockTransport(grant)


def provider(cache: RedisTokenCache, counter: list[int]) -> TokenProvider:
    return TokenProvider(
        token_url=TOKEN_URL,
        client_id="worker",
        client_secret="worker-secret",
        cache=cache,
        http=TokenHTTP(transport=granting(counter)),
    )


def test_an_entry_lives_as_long_as_the_token(redis_server: RedisServer) -> None:
    """The key's TTL is the token's remaining lifetime; the value round-trips."""
    cache = RedisTokenCache(redis_server.url)
    saved = entry("a", lifetime=40)
    cache.save(KEY, saved)
    assert cache.load(KEY) == saved
    ttl = redis.Redis.from_url(redis_server.url).pttl("nitrobox:token:" + KEY)
    assert 38_000 < ttl <= 40_000
    cache.close()


def test_delete_compares_the_value(redis_server: RedisServer) -> None:
    """Compare-and-delete in one Lua script: a newer token stays."""
    cache = RedisTokenCache(redis_server.url)
    cache.save(KEY, entry("new"))
    assert cache.delete(KEY, "old" + "x" * 20) is False
    assert cache.load(KEY) is not None
    assert cache.delete(KEY, "new" + "x" * 20) is True
    assert cache.load(KEY) is None
    cache.close()


def test_garbage_is_refused_and_deleted_on_invalidation(redis_server: RedisServer) -> None:
    """A foreign value under the key raises ValueError; compare-and-delete clears it."""
    client = redis.Redis.from_url(redis_server.url)
    client.set("nitrobox:token:" + KEY, b"\x00garbage")
    cache = RedisTokenCache(client)
    with pytest.raises(ValueError, match="cached entry"):
        cache.load(KEY)
    assert cache.delete(KEY, "anything") is True
    client.close()


def test_the_lock_is_exclusive_and_its_wait_bounded(redis_server: RedisServer) -> None:
    """SET NX PX: one holder at a time; a waiter gives up after lock_timeout."""
    first = RedisTokenCache(redis_server.url)
    second = RedisTokenCache(redis_server.url, lock_timeout=0.2)
    with first.lock(KEY) as held, second.lock(KEY) as also:
        assert held
        assert not also
    with second.lock(KEY) as free:
        assert free
    first.close()
    second.close()


def test_a_dead_holder_frees_the_lock_after_its_ttl(redis_server: RedisServer) -> None:
    """A process that died holding the lock blocks the others for lock_ttl at most."""
    dead = RedisTokenCache(redis_server.url, lock_ttl=0.3)
    waiter = RedisTokenCache(redis_server.url, lock_timeout=5)
    held = dead.lock(KEY)
    assert held.__enter__()  # never released, as if the process had died
    started = time.monotonic()
    with waiter.lock(KEY) as got:
        assert got
    assert time.monotonic() - started < 5
    dead.close()
    waiter.close()


def test_two_providers_share_one_token_through_redis(redis_server: RedisServer) -> None:
    """The second provider (another machine) takes the first one's token: one request."""
    counter: list[int] = []
    a = provider(RedisTokenCache(redis_server.url), counter)
    b = provider(RedisTokenCache(redis_server.url), counter)
    assert a.get_token().value == b.get_token().value
    assert len(counter) == 1
    assert b.invalidate(b.get_token()) is True
    assert a.invalidate(a.get_token()) is True  # a's own 401 on that token, later
    assert a.get_token().value == b.get_token().value  # b's new token was not dropped
    assert len(counter) == 2


def test_a_redis_that_is_down_falls_back_and_recovers(
    redis_binary: str, tmp_path, caplog: pytest.LogCaptureFixture
) -> None:
    """No Redis on the port: calls work with one warning; once it starts, it is used."""
    caplog.set_level(logging.INFO, logger="nitrobox.auth")
    port = free_port()
    counter: list[int] = []
    cache = RedisTokenCache(f"redis://127.0.0.1:{port}/0")
    down = provider(cache, counter)
    assert down.get_token().value.startswith("tok001")
    down.invalidate()
    assert down.get_token().value.startswith("tok002")
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "this process uses its own token" in warnings[0].getMessage()
    server = RedisServer(redis_binary, tmp_path, port=port).start()
    try:
        down.invalidate()
        assert down.get_token().value.startswith("tok003")
        assert cache.load(KEY) is not None
        assert any("works again" in r.getMessage() for r in caplog.records)
    finally:
        cache.close()
        server.stop()


def test_the_repr_never_shows_the_url(redis_server: RedisServer) -> None:
    """A Redis URL may carry a password: the cache's repr shows only its key prefix."""
    cache = RedisTokenCache(f"redis://:s3cret-pw@127.0.0.1:{redis_server.port}/0")
    assert "s3cret" not in repr(cache)
    cache.close()


def test_garbage_in_redis_costs_one_warning_and_is_replaced(
    redis_server: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    """A foreign value under the key: the call succeeds, one warning, a valid entry after."""
    client = redis.Redis.from_url(redis_server.url)
    client.hset("nitrobox:token:" + KEY, "not", "a string")  # even the wrong Redis type
    counter: list[int] = []
    cache = RedisTokenCache(client)
    assert provider(cache, counter).get_token().value.startswith("tok001")
    assert len([r for r in caplog.records if r.levelno == logging.WARNING]) == 1
    assert cache.load(KEY).value.startswith("tok001")
    client.close()
