"""The sandbox's in-memory resources: records per collection, and rendered files.

Indexed so that a request costs the same however much is stored: records by ident, by
numeric id and by parent, and each collection's insertion order as a list, so a page of
the default order ("newest first") is a slice, not a sort of everything. Numeric ids come
from one sequence per collection, starting at 1 (the first contract is ``contractId`` 1).
"""

from __future__ import annotations

import copy
import itertools
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass
class Record:
    """One stored resource. ``data`` holds what the client sent plus what the sandbox set;
    ``number`` is its numeric id (``contractId``, ``debtorId``, ...) when it has one."""

    collection: str
    ident: str
    data: dict[str, Any]
    parent: str | None = None
    number: int | None = None
    seq: int = 0  # insertion order across the store (set by Store.add)
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


@dataclass
class _Collection:
    by_ident: dict[str, Record] = field(default_factory=dict)
    by_number: dict[int, Record] = field(default_factory=dict)
    # oldest first; a delete removes from the list (rare, and bounded by its length)
    order: list[Record] = field(default_factory=list)
    last_number: int = 0


@dataclass(frozen=True, repr=False)
class Snapshot:
    """The sandbox's resources at one moment (``Sandbox.snapshot()``): every record, file
    and numeric-id sequence, deep-copied. Opaque; :meth:`counts` says what it holds."""

    _collections: dict[str, _Collection]
    _by_parent: dict[tuple[str, str], dict[str, None]]
    _files: dict[str, StoredFile]

    def counts(self) -> dict[str, int]:
        """Records per collection (``{"customers": 3, "customers/addresses": 3, ...}``)."""
        return {name: len(c.by_ident) for name, c in sorted(self._collections.items()) if c.order}

    def __repr__(self) -> str:
        held = ", ".join(f"{name}={count}" for name, count in self.counts().items())
        return f"Snapshot({held})"


class Store:
    """Collections of records keyed by ident; one re-entrant lock guards it all."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._collections: dict[str, _Collection] = {}
        # (collection, parent ident) -> idents: a customer's addresses without a scan
        self._by_parent: dict[tuple[str, str], dict[str, None]] = {}
        self._files: dict[str, StoredFile] = {}
        # Never reset: records restored from a snapshot keep their places before new ones.
        self._seq = itertools.count(1)
        self.observer: StoreObserver | None = None

    @contextmanager
    def locked(self) -> Iterator[Store]:
        with self._lock:
            yield self

    def _collection(self, name: str) -> _Collection:
        found = self._collections.get(name)
        if found is None:
            found = self._collections[name] = _Collection()
        return found

    def next_number(self, collection: str) -> int:
        """The next free numeric id of ``collection`` (1, 2, ...; one sequence per collection,
        skipping a number a client chose itself)."""
        with self._lock:
            stored = self._collection(collection)
            stored.last_number += 1
            while stored.last_number in stored.by_number:
                stored.last_number += 1
            return stored.last_number

    def add(self, record: Record) -> bool:
        """Store ``record``; ``False`` (and nothing stored) when its ident is taken."""
        with self._lock:
            stored = self._collection(record.collection)
            if record.ident in stored.by_ident:
                return False
            record.seq = next(self._seq)
            stored.by_ident[record.ident] = record
            stored.order.append(record)
            if record.number is not None:
                stored.by_number.setdefault(record.number, record)
            if record.parent is not None:
                key = (record.collection, record.parent)
                self._by_parent.setdefault(key, {})[record.ident] = None
            if self.observer is not None:
                self.observer.added(record)
            return True

    def get(self, collection: str, ident: str) -> Record | None:
        with self._lock:
            stored = self._collections.get(collection)
            return stored.by_ident.get(ident) if stored is not None else None

    def by_number(self, collection: str, number: int) -> Record | None:
        with self._lock:
            stored = self._collections.get(collection)
            return stored.by_number.get(number) if stored is not None else None

    def remove(self, collection: str, ident: str) -> Record | None:
        with self._lock:
            stored = self._collections.get(collection)
            record = stored.by_ident.pop(ident, None) if stored is not None else None
            if stored is None or record is None:
                return None
            stored.order.remove(record)
            if record.number is not None and stored.by_number.get(record.number) is record:
                del stored.by_number[record.number]
            if record.parent is not None:
                self._by_parent.get((collection, record.parent), {}).pop(ident, None)
            return record

    def all(self, collection: str, parent: str | None = None) -> list[Record]:
        """Records of ``collection`` (of one ``parent`` if given), oldest first."""
        with self._lock:
            stored = self._collections.get(collection)
            if stored is None:
                return []
            if parent is None:
                return list(stored.order)
            idents = self._by_parent.get((collection, parent), {})
            return [stored.by_ident[i] for i in idents if i in stored.by_ident]

    def count(self, collection: str, parent: str | None = None) -> int:
        with self._lock:
            stored = self._collections.get(collection)
            if stored is None:
                return 0
            if parent is None:
                return len(stored.order)
            return len(self._by_parent.get((collection, parent), {}))

    def window(self, collection: str, start: int, stop: int, *, newest_first: bool) -> list[Record]:
        """Records ``start`` to ``stop`` (exclusive) of ``collection`` in insertion order or
        newest first: one page of the default order without touching the rest."""
        with self._lock:
            stored = self._collections.get(collection)
            if stored is None:
                return []
            if not newest_first:
                return stored.order[start:stop]
            size = len(stored.order)
            low, high = max(0, size - stop), max(0, size - start)
            return stored.order[low:high][::-1]

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
            self._collections.clear()
            self._by_parent.clear()
            self._files.clear()

    def counts(self) -> dict[str, int]:
        with self._lock:
            return {
                name: len(stored.by_ident)
                for name, stored in sorted(self._collections.items())
                if stored.by_ident
            }

    def snapshot(self) -> Snapshot:
        """A deep copy of everything stored, numeric-id sequences included."""
        with self._lock:
            collections, by_parent, files = copy.deepcopy(
                (self._collections, self._by_parent, self._files)
            )
        return Snapshot(collections, by_parent, files)

    def restore(self, snapshot: Snapshot) -> None:
        """Hold exactly what ``snapshot`` holds (copied again, so it can be restored more than
        once); observers are not told: nothing is created, the store goes back."""
        collections, by_parent, files = copy.deepcopy(
            (snapshot._collections, snapshot._by_parent, snapshot._files)
        )
        with self._lock:
            self._collections = collections
            self._by_parent = by_parent
            self._files = files
