"""The sandbox's in-memory resources: records per collection, and rendered files."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass
class Record:
    """One stored resource. ``data`` holds what the client sent plus what the sandbox set."""

    collection: str
    ident: str
    data: dict[str, Any]
    parent: str | None = None
    seq: int = 0
    billed: bool = False
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredFile:
    filename: str
    media_type: str
    content: bytes


class StoreObserver(Protocol):
    """Told of every creation (the notification sender listens here)."""

    def added(self, record: Record) -> None: ...
    def file_stored(self, ident: str, stored: StoredFile) -> None: ...


class Store:
    """Collections of records keyed by ident; one re-entrant lock guards it all."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._records: dict[str, dict[str, Record]] = {}
        # (collection, parent ident) -> idents: a customer's addresses without a scan
        self._by_parent: dict[tuple[str, str], dict[str, None]] = {}
        self._files: dict[str, StoredFile] = {}
        self._seq = itertools.count(1)
        self.observer: StoreObserver | None = None

    @contextmanager
    def locked(self) -> Iterator[Store]:
        with self._lock:
            yield self

    def next_seq(self) -> int:
        with self._lock:
            return next(self._seq)

    def add(self, record: Record) -> bool:
        """Store ``record``; ``False`` (and nothing stored) when its ident is taken."""
        with self._lock:
            records = self._records.setdefault(record.collection, {})
            if record.ident in records:
                return False
            record.seq = next(self._seq)
            records[record.ident] = record
            if record.parent is not None:
                self._by_parent.setdefault((record.collection, record.parent), {})[record.ident] = (
                    None
                )
            if self.observer is not None:
                self.observer.added(record)
            return True

    def get(self, collection: str, ident: str) -> Record | None:
        with self._lock:
            return self._records.get(collection, {}).get(ident)

    def remove(self, collection: str, ident: str) -> Record | None:
        with self._lock:
            record = self._records.get(collection, {}).pop(ident, None)
            if record is not None and record.parent is not None:
                self._by_parent.get((collection, record.parent), {}).pop(ident, None)
            return record

    def all(self, collection: str, parent: str | None = None) -> list[Record]:
        """Records of ``collection`` (of one ``parent`` if given), oldest first."""
        with self._lock:
            stored = self._records.get(collection, {})
            if parent is None:
                records = list(stored.values())
            else:
                idents = self._by_parent.get((collection, parent), {})
                records = [stored[i] for i in idents if i in stored]
        return sorted(records, key=lambda r: r.seq)

    def put_file(self, ident: str, stored: StoredFile) -> None:
        with self._lock:
            self._files[ident] = stored
            if self.observer is not None:
                self.observer.file_stored(ident, stored)

    def file(self, ident: str) -> StoredFile | None:
        with self._lock:
            return self._files.get(ident)

    def clear(self) -> None:
        with self._lock:
            self._records.clear()
            self._by_parent.clear()
            self._files.clear()
            self._seq = itertools.count(1)

    def counts(self) -> dict[str, int]:
        with self._lock:
            return {name: len(records) for name, records in sorted(self._records.items())}
