"""Scripted faults: the next calls of one operation answer what a test wrote down.

``sandbox.script("retrieveCustomer", 503, Fault(status=429, headers={"Retry-After": "60"}))``
makes the next two calls of that operation answer 503, then 429; after that it answers
normally. Entries are used in order, across every script of the operation (a second
``script()`` call queues behind the first). ``"token"`` scripts the token endpoint.

The rules here are I/O-free; the app (``_double``) waits, answers or drops the connection.
"""

from __future__ import annotations

import difflib
import itertools
import json
import math
import threading
from collections import deque
from collections.abc import Collection, Iterable, Mapping
from types import MappingProxyType
from typing import Any, Final

import attrs

from nitrobox_sandbox._errors import SandboxConfigError

# The name that scripts the token endpoint (no operationId of the spec looks like it).
TOKEN_ENDPOINT: Final = "token"
# A delay longer than this only makes the call look hung (the seeded latency has the same cap).
MAX_DELAY: Final = 60.0
# What one scripted body may weigh once serialised, and how many entries may wait at once:
# enough for any test, and a loop over POST /_sandbox/scripts cannot grow the sandbox forever.
MAX_BODY_BYTES: Final = 64 * 1024
MAX_PENDING: Final = 1_000
_HEADER_VALUE_LIMIT: Final = 8 * 1024
_LONGEST_SUGGESTED: Final = 200


def _check_status(_: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int) or not 400 <= value <= 599:
        raise SandboxConfigError(
            f"a scripted status must be an error status from 400 to 599, got {value!r} "
            "(to answer normally, script nothing)"
        )


def _check_headers(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, Mapping):
        raise SandboxConfigError(f"Fault headers must be a mapping of str to str, got {value!r}")
    for name, text in value.items():
        if not isinstance(name, str) or not isinstance(text, str):
            raise SandboxConfigError(f"Fault header {name!r} must map a str to a str")
        if not name or not name.isascii() or any(c in name for c in ' \t\r\n:()<>@,;"/[]?={}'):
            raise SandboxConfigError(f"Fault header name {name!r} is not an HTTP token")
        if not all(" " <= c <= "~" or c == "\t" for c in text) or len(text) > _HEADER_VALUE_LIMIT:
            raise SandboxConfigError(
                f"Fault header {name!r} must be printable ASCII on one line, at most "
                f"{_HEADER_VALUE_LIMIT} characters"
            )


def _check_body(_: object, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is None:
        return
    try:
        text = json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        raise SandboxConfigError(
            "a Fault body must be a JSON value (dict, list, str, number, bool) without "
            "NaN or Infinity"
        ) from None
    if len(text.encode()) > MAX_BODY_BYTES:
        raise SandboxConfigError(f"a Fault body may be at most {MAX_BODY_BYTES} bytes as JSON")


def _check_delay(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not math.isfinite(value)
        or not 0 <= value <= MAX_DELAY
    ):
        raise SandboxConfigError(
            f"a Fault delay must be a number of seconds from 0 to {MAX_DELAY:g}, got {value!r}"
        )


def _freeze_headers(value: Any) -> Any:
    # Read-only, so a header cannot be changed past the checks after the Fault is made.
    return MappingProxyType(dict(value)) if isinstance(value, Mapping) else value


@attrs.frozen(kw_only=True)
class Fault:
    """One scripted answer.

    - ``status``: the error status to answer (400 to 599) with ``body`` (a JSON value;
      default Nitrobox's ``GlobalErrorResponse``) and ``headers``;
    - ``delay``: seconds to wait before answering, real time (0 to 60); with no ``status``
      the call is then answered normally, late;
    - ``reset``: drop the connection without an answer (the client sees the connection
      close, as when a load balancer resets it); no ``status`` nor ``body`` then.
    """

    status: int | None = attrs.field(default=None, validator=_check_status)
    # Compared but not hashed: a dict or a mapping proxy has no hash.
    headers: Mapping[str, str] = attrs.field(
        factory=dict, converter=_freeze_headers, validator=_check_headers, hash=False
    )
    body: Any = attrs.field(default=None, validator=_check_body, hash=False)
    delay: float = attrs.field(default=0.0, validator=_check_delay)
    reset: bool = attrs.field(default=False)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.reset, bool):
            raise SandboxConfigError(f"Fault reset must be True or False, got {self.reset!r}")
        if self.reset and (self.status is not None or self.body is not None or self.headers):
            raise SandboxConfigError(
                "a Fault with reset=True sends no answer: leave out status, headers and body"
            )
        if not self.reset and self.status is None and not self.delay:
            raise SandboxConfigError(
                "a Fault needs a status, reset=True, or a delay (for a late normal answer)"
            )
        if self.status is None and (self.body is not None or self.headers):
            raise SandboxConfigError("a Fault body or headers need a status to answer with")

    def as_dict(self) -> dict[str, Any]:
        """The JSON form (``GET /_sandbox/scripts``, ``POST`` takes the same keys)."""
        return {
            "status": self.status,
            "headers": dict(self.headers),
            "body": self.body,
            "delay": self.delay,
            "reset": self.reset,
        }

    @classmethod
    def from_entry(cls, entry: object) -> Fault:
        """A status (``503``), a :class:`Fault`, or a JSON object of ``Fault``'s fields."""
        if isinstance(entry, Fault):
            return entry
        if isinstance(entry, int) and not isinstance(entry, bool):
            return cls(status=entry)
        if isinstance(entry, Mapping):
            unknown = sorted(str(k) for k in set(entry) - _FIELDS)
            if unknown:
                known = ", ".join(sorted(_FIELDS))
                raise SandboxConfigError(
                    f"unknown Fault field(s) {', '.join(unknown)}; known: {known}"
                )
            values = dict(entry)
            if values.get("headers") is None:
                values.pop("headers", None)
            return cls(**values)
        raise SandboxConfigError(
            f"a script entry must be a status (e.g. 503) or a Fault, got {type(entry).__name__} "
            f"{entry!r:.60}"
        )


_FIELDS: Final = frozenset(a.name for a in attrs.fields(Fault))


class Script:
    """The handle ``sandbox.script(...)`` returns: which entries, and how many were used."""

    def __init__(self, script_id: int, operation_id: str, entries: tuple[Fault, ...]) -> None:
        self.id = script_id
        self.operation_id = operation_id
        self.entries = entries
        self._consumed = 0
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"Script({self.operation_id!r}, consumed {self.consumed} of {len(self.entries)})"

    @property
    def consumed(self) -> int:
        """How many of the entries were answered so far."""
        with self._lock:
            return self._consumed

    @property
    def remaining(self) -> tuple[Fault, ...]:
        """The entries not used yet, in order."""
        with self._lock:
            return self.entries[self._consumed :]

    @property
    def done(self) -> bool:
        return self.consumed == len(self.entries)

    def _take(self) -> Fault:
        with self._lock:
            fault = self.entries[self._consumed]
            self._consumed += 1
            return fault


class ScriptBook:
    """Every script of one sandbox, per operation, consumed in order; thread-safe."""

    def __init__(self, operation_ids: Collection[str]) -> None:
        self._known = frozenset(operation_ids) | {TOKEN_ENDPOINT}
        self._lock = threading.Lock()
        self._queues: dict[str, deque[Script]] = {}
        # Recent scripts by id, for GET /_sandbox/scripts/{id}; bounded like the queues.
        self._by_id: dict[int, Script] = {}
        self._ids = itertools.count(1)

    def add(self, operation_id: object, entries: Iterable[object]) -> Script:
        """Queue ``entries`` for ``operation_id``; a typed error names what is wrong."""
        self.check_operation(operation_id)
        assert isinstance(operation_id, str)
        given = list(itertools.islice(entries, MAX_PENDING + 1))
        if len(given) > MAX_PENDING:
            raise SandboxConfigError(f"a script may hold at most {MAX_PENDING} entries")
        faults = tuple(Fault.from_entry(entry) for entry in given)
        if not faults:
            raise SandboxConfigError(
                f"script({operation_id!r}) needs at least one entry (a status or a Fault)"
            )
        with self._lock:
            waiting = sum(len(s.remaining) for q in self._queues.values() for s in q)
            if waiting + len(faults) > MAX_PENDING:
                raise SandboxConfigError(
                    f"at most {MAX_PENDING} scripted answers may wait at once; "
                    "clear the scripts or let the calls use them up"
                )
            script = Script(next(self._ids), operation_id, faults)
            self._queues.setdefault(operation_id, deque()).append(script)
            self._by_id[script.id] = script
            while len(self._by_id) > MAX_PENDING:
                del self._by_id[next(iter(self._by_id))]
        return script

    def find(self, script_id: int) -> Script | None:
        with self._lock:
            return self._by_id.get(script_id)

    def check_operation(self, operation_id: object) -> None:
        if isinstance(operation_id, str) and operation_id in self._known:
            return
        if not isinstance(operation_id, str):
            raise SandboxConfigError(
                f"the operation must be an operationId string or 'token', got {operation_id!r}"
            )
        # Matching costs length x length: an id longer than any real one gets no suggestions.
        close = (
            difflib.get_close_matches(operation_id, sorted(self._known), n=3, cutoff=0.6)
            if len(operation_id) <= _LONGEST_SUGGESTED
            else []
        )
        hint = (
            f"; did you mean {', '.join(repr(c) for c in close)}?"
            if close
            else " (`nitrobox call --list` lists them; 'token' is the token endpoint)"
        )
        raise SandboxConfigError(f"unknown operation {operation_id[:100]!r}{hint}")

    def take(self, operation_id: str) -> Fault | None:
        """The next scripted answer for ``operation_id`` (consumed), or ``None``."""
        with self._lock:
            queue = self._queues.get(operation_id)
            while queue:
                script = queue[0]
                if script.done:
                    queue.popleft()
                    continue
                fault = script._take()
                if script.done:
                    queue.popleft()
                return fault
            return None

    def pending(self) -> list[Script]:
        """Scripts with entries left, in the order they were added per operation."""
        with self._lock:
            found = [s for q in self._queues.values() for s in q if not s.done]
        return sorted(found, key=lambda s: s.id)

    def clear(self) -> None:
        with self._lock:
            self._queues.clear()
            self._by_id.clear()
