"""Providers sharing a FileTokenCache, as processes would: one fetch per refresh window,
renewal by the provider's own margin, compare-and-delete on 401, and faults that never fail
a call. Each provider stands for one process (its own memory, the same files)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from fakes import token_value

from nitrobox_auth import CachedToken, FileTokenCache, TokenTiming
from nitrobox_auth.token._cache import cache_key

TOKEN_URL = "https://api.nbx-stage-westeurope.nitrobox.io/acme-test/oauth2/token"
KEY = cache_key(TOKEN_URL, "my_client_id")
CLIENT_SECRET = "my_client_secret"
BASIC = "bXlfY2xpZW50X2lkOm15X2NsaWVudF9zZWNyZXQ="
WALL_NOW = 1_800_000_000.0  # the wall clock of the auth fixtures when the fake clock starts


@pytest.fixture
def directory(tmp_path: Path) -> Path:
    return tmp_path / "tokens"


@pytest.fixture
def cache(directory: Path, wall) -> FileTokenCache:
    return FileTokenCache(directory, lock_timeout=2, wall_clock=wall)


class ReadOnly(FileTokenCache):
    """A FileTokenCache on a store that refuses writes while ``read_only`` is set, the way
    a read-only or full file system does (chmod cannot show it: the tests may run as root)."""

    read_only = True

    def save(self, key: str, token: CachedToken) -> None:
        if self.read_only:
            raise OSError(30, "Read-only file system")
        super().save(key, token)

    def delete(self, key: str, value: str) -> bool:
        if self.read_only:
            raise OSError(30, "Read-only file system")
        return super().delete(key, value)


@pytest.fixture
def read_only(directory: Path, wall) -> ReadOnly:
    return ReadOnly(directory, lock_timeout=2, wall_clock=wall)


def warnings_of(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_two_processes_share_one_token(runner, make_provider, endpoint, cache) -> None:
    """The second process takes the first one's token from the cache: one request."""
    first, second = make_provider(cache=cache), make_provider(cache=cache)
    assert runner.get_token(first).value == token_value(1)
    assert runner.get_token(second).value == token_value(1)
    assert endpoint.count == 1


def test_one_renewal_serves_every_process(runner, make_provider, endpoint, cache, clock) -> None:
    """At renewal time one process fetches; the others take its new token from the cache."""
    processes = [make_provider(cache=cache) for _ in range(4)]
    for process in processes:
        runner.get_token(process)
    clock.advance(232)  # past renew_at (231.5 s of a 269 s token), before refresh_at
    values = {runner.get_token(process).value for process in processes}
    assert endpoint.count == 2
    # The renewing process gets the new token at once; the others, whose turn came after
    # it was stored, take it from the cache.
    assert values == {token_value(2)}


def test_the_store_is_touched_only_to_fetch_or_renew(make_provider, cache, monkeypatch) -> None:
    """A warm provider hands out its token from memory: the cache is not read per call."""
    loads = []
    original = FileTokenCache.load
    monkeypatch.setattr(
        FileTokenCache, "load", lambda self, key: loads.append(key) or original(self, key)
    )
    provider = make_provider(cache=cache)
    for _ in range(1000):
        provider.get_token()
    assert len(loads) <= 2  # before and after taking the lock, once


def test_each_process_renews_by_its_own_margin(runner, make_provider, endpoint, cache, clock):
    """A token another process stored is renewed a margin (this process's) before its expiry."""
    cache.save(
        KEY, CachedToken(value=token_value(99), issued_at=WALL_NOW - 100, expires_at=WALL_NOW + 200)
    )
    provider = make_provider(cache=cache, timing=TokenTiming(refresh_margin=60))
    assert runner.get_token(provider).value == token_value(99)
    clock.advance(200 - 60 - 15 - 1)  # just before renew_at: expiry - margin - margin/4
    assert runner.get_token(provider).value == token_value(99)
    clock.advance(2)
    assert runner.get_token(provider).value == token_value(1)
    assert endpoint.count == 1


def test_a_401_compare_and_deletes_the_shared_token(runner, make_provider, endpoint, cache) -> None:
    """The token a 401 came back for leaves the cache; a newer one stored meanwhile stays."""
    a, b = make_provider(cache=cache), make_provider(cache=cache)
    stale = runner.get_token(a)
    runner.get_token(b)
    assert b.invalidate(stale) is True  # b's request got the 401 first
    assert cache.load(KEY) is None
    assert runner.get_token(b).value == token_value(2)
    assert a.invalidate(stale) is True  # a's own 401 on the same token, later
    assert cache.load(KEY).value == token_value(2)  # b's newer token was not dropped
    assert runner.get_token(a).value == token_value(2)
    assert endpoint.count == 2


def test_a_rejected_token_is_never_taken_back_from_the_cache(
    runner, make_provider, endpoint, read_only
) -> None:
    """If the store could not delete it, the provider still fetches past the rejected token."""
    read_only.read_only = False
    provider = make_provider(cache=read_only)
    rejected = runner.get_token(provider)
    read_only.read_only = True  # the delete fails; the entry stays
    provider.invalidate(rejected)
    assert read_only.load(KEY).value == rejected.value
    assert runner.get_token(provider).value == token_value(2)
    assert endpoint.count == 2


def test_an_unwritable_cache_costs_one_warning_and_recovers(
    runner, make_provider, endpoint, read_only, clock, caplog
) -> None:
    """Unwritable: every call still succeeds, one warning; once writable, entries come back."""
    caplog.set_level(logging.INFO, logger="nitrobox.auth")
    provider = make_provider(cache=read_only)
    assert runner.get_token(provider).value == token_value(1)
    clock.advance(232)
    assert runner.get_token(provider).value == token_value(2)
    assert len([w for w in warnings_of(caplog) if "shared token cache" in w]) == 1
    assert "Read-only file system" in warnings_of(caplog)[0]
    read_only.read_only = False
    clock.advance(232)
    assert runner.get_token(provider).value == token_value(3)
    assert read_only.load(KEY).value == token_value(3)
    assert any("works again" in r.getMessage() for r in caplog.records)


def test_a_cache_that_is_down_falls_back_and_recovers(
    runner, make_provider, endpoint, cache, directory, clock, caplog
) -> None:
    """The cache path is not a directory (down): calls work; when it returns, it is used."""
    directory.write_text("not a directory")
    provider = make_provider(cache=cache)
    assert runner.get_token(provider).value == token_value(1)
    assert len(warnings_of(caplog)) == 1
    directory.unlink()
    clock.advance(232)
    assert runner.get_token(provider).value == token_value(2)
    assert cache.load(KEY).value == token_value(2)


def test_a_corrupt_entry_is_ignored_and_replaced(
    runner, make_provider, endpoint, cache, directory, caplog
) -> None:
    """Garbage in the cache: one warning, a fresh token, and the entry is replaced."""
    cache.save(KEY, CachedToken(value="x" * 20, issued_at=WALL_NOW, expires_at=WALL_NOW + 60))
    (directory / f"{KEY}.json").write_bytes(b'{"version": 1, "access_tok')
    provider = make_provider(cache=cache)
    assert runner.get_token(provider).value == token_value(1)
    assert len(warnings_of(caplog)) == 1
    assert cache.load(KEY).value == token_value(1)


def test_the_cache_never_sees_the_client_secret(make_provider, cache, directory) -> None:
    """Nothing under the cache directory contains the secret or the Basic credential."""
    make_provider(cache=cache).get_token()
    for path in directory.iterdir():
        data = path.read_bytes()
        assert CLIENT_SECRET.encode() not in data
        assert BASIC.encode() not in data


def test_a_lock_held_too_long_elsewhere_does_not_hold_the_call(
    runner, make_provider, endpoint, directory, wall, caplog
) -> None:
    """Another process sits on the lock: after lock_timeout this one fetches, with a warning."""
    impatient = FileTokenCache(directory, lock_timeout=0.2, wall_clock=wall)
    other_process = FileTokenCache(directory, lock_timeout=5, wall_clock=wall)
    with other_process.lock(KEY) as held:
        assert held
        assert runner.get_token(make_provider(cache=impatient)).value == token_value(1)
    assert endpoint.count == 1
    assert any("waited too long" in w for w in warnings_of(caplog))
