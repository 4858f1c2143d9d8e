"""``FileTokenCache``: a token shared by the processes of one machine, in private files.

Layout: ``<directory>/<key>.json`` (the entry) and ``<directory>/<key>.lock`` (the
cross-process lock, a ``filelock.FileLock``: ``flock`` on POSIX, so a crashed holder never
leaves it locked). The directory is 0700 and every file 0600; entries are written to a temp
file in the same directory and moved into place with ``os.replace``, so a reader sees the old
entry or the new one, never a torn one.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Final

from nitrobox_auth._checks import positive_seconds
from nitrobox_auth.token._cache import CachedToken, TokenCache

# Long enough for a token fetch with its retries to finish in another process; past it the
# waiting process fetches on its own (one extra request, never a stuck call).
DEFAULT_LOCK_TIMEOUT: Final = 15.0

# A token entry is a few hundred bytes; anything much bigger is not ours.
_MAX_ENTRY_BYTES: Final = 64 * 1024


class FileTokenCache(TokenCache):
    """Shares tokens between the processes of one machine through files in ``directory``.

    The directory is created (mode 0700) on first use; an existing one that other users can
    read or write is refused (the provider then logs a warning and keeps its own token).
    ``lock_timeout`` bounds the wait for another process's fetch. Nothing touches the disk
    until the provider first needs a token.
    """

    def __init__(
        self,
        directory: str | os.PathLike[str],
        *,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self._lock_timeout = positive_seconds("FileTokenCache lock_timeout", lock_timeout)
        self._directory = Path(directory).expanduser()
        self._wall_clock = wall_clock

    @property
    def directory(self) -> Path:
        """Where the entries and lock files live."""
        return self._directory

    def __repr__(self) -> str:
        return f"FileTokenCache({str(self._directory)!r})"

    def _private_directory(self) -> Path:
        directory = self._directory
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = directory.stat()
        if info.st_uid != os.getuid() or stat.S_IMODE(info.st_mode) & 0o077:
            raise PermissionError(
                f"token cache directory {str(directory)!r} must belong to this user and be "
                "private (chmod 700) before tokens are stored in it"
            )
        return directory

    def load(self, key: str) -> CachedToken | None:
        try:
            entry = _read_entry(self._private_directory() / f"{key}.json")
        except FileNotFoundError:
            return None
        return entry if entry.expires_at > self._wall_clock() else None

    def save(self, key: str, token: CachedToken) -> None:
        directory = self._private_directory()
        # mkstemp creates the file 0600 and never follows or reuses an existing name.
        handle, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(token.to_json())
                file.flush()
                os.fsync(file.fileno())
            os.replace(temp_name, directory / f"{key}.json")
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise

    def delete(self, key: str, value: str) -> bool:
        path = self._private_directory() / f"{key}.json"
        with self.lock(key) as held:
            if not held:
                return False
            try:
                current = _read_entry(path)
            except FileNotFoundError:
                return False
            except ValueError:
                current = None  # garbage goes too
            if current is not None and current.value != value:
                return False
            path.unlink(missing_ok=True)
            return True

    def lock(self, key: str) -> AbstractContextManager[bool]:
        return self._locked(key)

    @contextlib.contextmanager
    def _locked(self, key: str) -> Iterator[bool]:
        import filelock

        path = self._private_directory() / f"{key}.lock"
        # thread_local=False: the async provider takes and releases it in worker threads.
        lock = filelock.FileLock(path, mode=0o600, thread_local=False)
        try:
            lock.acquire(timeout=self._lock_timeout)
        except filelock.Timeout:
            yield False
            return
        try:
            yield True
        finally:
            lock.release()


def _read_entry(path: Path) -> CachedToken:
    """The entry in ``path``, read no further than any entry can be long."""
    with path.open("rb") as file:
        raw = file.read(_MAX_ENTRY_BYTES + 1)
    if len(raw) > _MAX_ENTRY_BYTES:
        raise ValueError("the cached entry is larger than any token entry")
    return CachedToken.from_json(raw)
