"""FileTokenCache on its own: private files, atomic entries, compare-and-delete, bounded lock."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from fakes import token_value

from nitrobox_auth import CachedToken, FileTokenCache, SettingsError, open_token_cache
from nitrobox_auth.token._cache import cache_key, token_cache_from_env

NOW = 1_800_000_000.0
KEY = cache_key("https://api.test/acme/oauth2/token", "my_client_id")


def entry(n: int = 1, *, lifetime: float = 300.0) -> CachedToken:
    return CachedToken(value=token_value(n), issued_at=NOW, expires_at=NOW + lifetime)


@pytest.fixture
def cache(tmp_path: Path) -> FileTokenCache:
    return FileTokenCache(tmp_path / "tokens", wall_clock=lambda: NOW + 10)


def test_an_entry_round_trips(cache: FileTokenCache) -> None:
    """What one process saves, another loads: value and wall-clock times."""
    cache.save(KEY, entry())
    assert FileTokenCache(cache.directory, wall_clock=lambda: NOW + 10).load(KEY) == entry()


def test_directory_and_files_are_private(cache: FileTokenCache) -> None:
    """The directory is 0700, the entry and the lock file 0600."""
    cache.save(KEY, entry())
    with cache.lock(KEY) as held:
        assert held
    assert stat.S_IMODE(cache.directory.stat().st_mode) == 0o700
    for path in cache.directory.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_the_entry_holds_no_secret_and_the_name_no_client_id(tmp_path: Path) -> None:
    """Only the token and its times are stored; the file name is a hash."""
    cache = FileTokenCache(tmp_path, wall_clock=lambda: NOW)
    key = cache_key("https://api.test/acme/oauth2/token", "my_client_id")
    cache.save(key, entry())
    (path,) = tmp_path.glob("*.json")
    text = path.read_text()
    assert "my_client_id" not in path.name
    assert "my_client_id" not in text
    assert set(__import__("json").loads(text)) == {
        "version",
        "access_token",
        "token_type",
        "issued_at",
        "expires_at",
    }


def test_keys_differ_by_token_url_and_client_id() -> None:
    """Two tenants or two clients never share an entry."""
    keys = {
        cache_key("https://a/t1/oauth2/token", "c1"),
        cache_key("https://a/t2/oauth2/token", "c1"),
        cache_key("https://a/t1/oauth2/token", "c2"),
    }
    assert len(keys) == 3


def test_an_expired_entry_is_not_loaded(tmp_path: Path) -> None:
    """Past its wall-clock expiry an entry counts as absent."""
    FileTokenCache(tmp_path, wall_clock=lambda: NOW).save(KEY, entry(lifetime=5))
    assert FileTokenCache(tmp_path, wall_clock=lambda: NOW + 5).load(KEY) is None


@pytest.mark.parametrize(
    "garbage",
    [b"", b"{", b"[]", b'{"version": 1}', b"\xff\xfe", b'{"version": 1, "access_token": "x",'],
)
def test_garbage_is_a_value_error_that_never_quotes_it(
    cache: FileTokenCache, garbage: bytes
) -> None:
    """A torn or foreign entry raises ValueError (the provider replaces it), content unquoted."""
    cache.save(KEY, entry())
    (cache.directory / f"{KEY}.json").write_bytes(garbage)
    with pytest.raises(ValueError, match="cached entry") as caught:
        cache.load(KEY)
    assert 'access_token": "x' not in str(caught.value)


def test_saving_replaces_atomically_and_leaves_no_temp_files(cache: FileTokenCache) -> None:
    """Readers racing a writer see the old or the new entry, never a torn one."""
    cache.save(KEY, entry(1))
    stop = threading.Event()
    seen: set[str] = set()
    errors: list[Exception] = []

    def reader() -> None:
        while not stop.is_set():
            try:
                loaded = cache.load(KEY)
            except Exception as exc:
                errors.append(exc)
                return
            assert loaded is not None
            seen.add(loaded.value)

    thread = threading.Thread(target=reader)
    thread.start()
    for n in range(2, 200):
        cache.save(KEY, entry(n))
    stop.set()
    thread.join(10)
    assert errors == []
    assert seen <= {token_value(n) for n in range(1, 200)}
    assert [p.name for p in cache.directory.iterdir() if p.suffix == ".tmp"] == []


def test_delete_compares_the_value(cache: FileTokenCache) -> None:
    """Compare-and-delete: a newer token stored meanwhile is kept."""
    cache.save(KEY, entry(2))
    assert cache.delete(KEY, token_value(1)) is False
    assert cache.load(KEY) == entry(2)
    assert cache.delete(KEY, token_value(2)) is True
    assert cache.load(KEY) is None


def test_the_lock_wait_is_bounded(tmp_path: Path) -> None:
    """While another holder keeps the lock, a second one gives up after lock_timeout."""
    first = FileTokenCache(tmp_path, lock_timeout=5)
    second = FileTokenCache(tmp_path, lock_timeout=0.1)
    with first.lock(KEY) as held, second.lock(KEY) as also:
        assert held
        assert not also
    with second.lock(KEY) as free:
        assert free


def test_a_directory_others_can_read_is_refused(tmp_path: Path) -> None:
    """Tokens are never written into a directory group or others can read."""
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    with pytest.raises(PermissionError, match="chmod 700"):
        FileTokenCache(shared).save(KEY, entry())
    assert list(shared.iterdir()) == []


def test_bad_options_and_specs_are_settings_errors(tmp_path: Path) -> None:
    """A bad lock_timeout or an unknown cache URL is refused with what to fix."""
    with pytest.raises(SettingsError, match="lock_timeout"):
        FileTokenCache(tmp_path, lock_timeout=0)
    with pytest.raises(SettingsError, match="memcached:// is not supported"):
        open_token_cache("memcached://localhost")
    assert isinstance(open_token_cache(str(tmp_path)), FileTokenCache)


def test_the_environment_variable_selects_the_cache(tmp_path: Path) -> None:
    """NITROBOX_TOKEN_CACHE: a path gives a FileTokenCache; unset or blank gives none."""
    chosen = token_cache_from_env({"NITROBOX_TOKEN_CACHE": str(tmp_path)})
    assert isinstance(chosen, FileTokenCache)
    assert chosen.directory == tmp_path
    assert token_cache_from_env({}) is None
    assert token_cache_from_env({"NITROBOX_TOKEN_CACHE": " "}) is None


def test_importing_nitrobox_auth_loads_neither_redis_nor_filelock() -> None:
    """The cache libraries load only when a cache is built or used."""
    import json
    import subprocess
    import sys

    probe = (
        "import json, sys, nitrobox_auth; "
        "print(json.dumps(sorted(m for m in ('redis', 'filelock') if m in sys.modules)))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert json.loads(result.stdout) == []
