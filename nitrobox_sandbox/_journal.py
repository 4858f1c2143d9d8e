"""The request journal: what each call sent and what it was answered, secrets masked.

``sandbox.calls()`` lists the requests in order (``sandbox.calls("createCustomer")``,
``sandbox.calls(status=503)`` filter them); ``GET /_sandbox/calls`` serves the same as JSON.
Nothing secret is kept: the bearer token is reduced to a fingerprint, Basic credentials and
form secrets are masked before the entry is stored. The journal is bounded: past
:data:`JOURNAL_SIZE` entries the oldest are dropped and counted in :attr:`CallLog.dropped`.
"""

from __future__ import annotations

import hashlib
import itertools
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Final
from urllib.parse import parse_qsl

from nitrobox_auth.tooling import SENSITIVE_HEADERS, parse_bearer
from nitrobox_sandbox._limits import parse_json
from nitrobox_sandbox._responses import ErrorAnswer

JOURNAL_SIZE: Final = 1_000
# A journal entry keeps at most this much of a body; a larger body is kept as None (and
# ``json_truncated`` says so), so a full journal stays within about 16 MiB, not 1 GiB.
MAX_KEPT_BODY: Final = 16 * 1024
MASK: Final = "***"
# Form fields that carry a credential (RFC 6749 client authentication in the body).
_SECRET_FIELDS: Final = frozenset(
    {"client_secret", "password", "access_token", "refresh_token", "client_assertion"}
)


def token_fingerprint(token: str) -> str:
    """A short, one-way name for a token (``sha256:`` and 12 hex digits): two calls with
    the same fingerprint sent the same token; the token cannot be read back from it."""
    return "sha256:" + hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()[:12]


@dataclass(frozen=True)
class RecordedCall:
    """One request the sandbox answered (or dropped), as the journal keeps it.

    ``operation_id`` is the spec's operationId (``"token"`` for the token endpoint,
    ``None`` for a path no operation has); ``query`` maps each parameter to its values;
    ``json`` is the parsed JSON body (``None`` without one); ``form`` the form fields of a
    form body, secrets masked; ``status`` the answer's (``None`` when the connection was
    dropped on purpose); ``token_fingerprint`` names the bearer token sent
    (:func:`token_fingerprint`); ``headers`` are the request's, credentials masked.
    """

    sequence: int
    operation_id: str | None
    method: str
    path: str
    query: dict[str, list[str]]
    json: Any
    status: int | None
    token_fingerprint: str | None
    headers: dict[str, str] = field(repr=False)
    form: dict[str, str] | None = field(default=None, repr=False)
    json_truncated: bool = field(default=False, repr=False)
    scripted: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Captured:
    """A request as the journal stores it: secrets already masked, the body still raw.

    Capturing costs a few microseconds per request (the API path stays fast); parsing the
    query and the JSON body waits until a test reads the journal (:meth:`call`).
    """

    sequence: int
    operation_id: str | None
    method: str
    path: str
    raw_query: str
    query: dict[str, list[str]] | None  # parsed already when it carried a secret
    headers: dict[str, str]
    token_fingerprint: str | None
    body: bytes | None  # a JSON body to parse on reading
    form: dict[str, str] | None
    truncated: bool
    status: int | None
    scripted: bool
    _call: RecordedCall | None = None

    def call(self) -> RecordedCall:
        if self._call is None:
            parsed: Any = None
            if self.body is not None:
                try:
                    parsed = parse_json(self.body)
                except ErrorAnswer:
                    parsed = None  # the answer (a 400) says why; no broken text is kept
            self._call = RecordedCall(
                sequence=self.sequence,
                operation_id=self.operation_id,
                method=self.method,
                path=self.path,
                query=self.query if self.query is not None else _query(self.raw_query),
                json=parsed,
                status=self.status,
                token_fingerprint=self.token_fingerprint,
                headers=self.headers,
                form=self.form,
                json_truncated=self.truncated,
                scripted=self.scripted,
            )
        return self._call


def capture(
    *,
    sequence: int,
    operation_id: str | None,
    method: str,
    path: str,
    raw_query: str,
    raw_headers: Iterable[tuple[bytes, bytes]],
    body: bytes | None,
    status: int | None,
    scripted: bool = False,
) -> Captured:
    """A journal entry from what the app saw (ASGI header pairs), every secret masked now."""
    headers: dict[str, str] = {}
    fingerprint: str | None = None
    content_type = ""
    for raw_name, raw_value in raw_headers:
        name, value = raw_name.decode("latin-1").lower(), raw_value.decode("latin-1")
        if name in SENSITIVE_HEADERS:  # the runtime's list: one rule for what is a credential
            value, token_print = _masked(value)
            if name == "authorization" and token_print is not None:
                fingerprint = token_print
        elif name == "content-type":
            content_type = value.split(";")[0].strip().lower()
        headers[name] = value
    json_body: bytes | None = None
    form: dict[str, str] | None = None
    truncated = False
    if body:
        if len(body) > MAX_KEPT_BODY:
            truncated = True
        elif content_type == "application/x-www-form-urlencoded":
            form = _masked_pairs(body.decode("latin-1"))
        elif content_type in ("", "application/json") or content_type.endswith("+json"):
            json_body = body
    secret_in_query = any(name in raw_query for name in _SECRET_FIELDS)
    return Captured(
        sequence=sequence,
        operation_id=operation_id,
        method=method,
        path=path,
        raw_query="" if secret_in_query else raw_query,
        query=_query(raw_query) if secret_in_query else None,
        headers=headers,
        token_fingerprint=fingerprint,
        body=json_body,
        form=form,
        truncated=truncated,
        status=status,
        scripted=scripted,
    )


def _query(raw_query: str) -> dict[str, list[str]]:
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(raw_query, keep_blank_values=True):
        query.setdefault(name, []).append(MASK if name in _SECRET_FIELDS else value)
    return query


def _masked_pairs(text: str) -> dict[str, str]:
    return {
        name: MASK if name in _SECRET_FIELDS else value
        for name, value in parse_qsl(text, keep_blank_values=True)
    }


def _masked(value: str) -> tuple[str, str | None]:
    """A credential header's value as shown, and the fingerprint of the bearer token in it
    (if one)."""
    token = parse_bearer(value)
    if token is not None:
        fingerprint = token_fingerprint(token)
        return f"Bearer {fingerprint}", fingerprint
    scheme, _, credential = value.partition(" ")
    return (f"{scheme} {MASK}" if credential else MASK), None


class Journal:
    """The bounded, thread-safe store behind :class:`CallLog`."""

    def __init__(self, size: int | None = None) -> None:
        self._lock = threading.Lock()
        self._entries: deque[Captured] = deque(maxlen=size or JOURNAL_SIZE)
        self._sequence = itertools.count(1)
        self.dropped = 0

    def next_sequence(self) -> int:
        with self._lock:
            return next(self._sequence)

    def add(self, entry: Captured) -> None:
        with self._lock:
            if len(self._entries) == self._entries.maxlen:
                self.dropped += 1
            self._entries.append(entry)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def entries(self) -> list[RecordedCall]:
        with self._lock:
            captured = sorted(self._entries, key=lambda e: e.sequence)
        return [entry.call() for entry in captured]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.dropped = 0


class CallLog:
    """``sandbox.calls``: call it to read the journal, ``.clear()`` to empty it.

    ``sandbox.calls()`` is every request in the order it arrived (oldest first);
    ``sandbox.calls("createCustomer")`` those of one operation (``"token"`` for the token
    endpoint); ``sandbox.calls(status=503)`` those answered 503 (``status=None`` with an
    operation: any status). ``.dropped`` counts entries dropped since the last clear
    because more than :data:`JOURNAL_SIZE` were kept.
    """

    def __init__(self, journal: Journal) -> None:
        self._journal = journal

    def __call__(
        self, operation_id: str | None = None, *, status: int | None = None
    ) -> list[RecordedCall]:
        return [
            entry
            for entry in self._journal.entries()
            if (operation_id is None or entry.operation_id == operation_id)
            and (status is None or entry.status == status)
        ]

    def __repr__(self) -> str:
        # Counted, not read: reading parses every kept body.
        return f"<CallLog: {len(self._journal)} calls, {self.dropped} dropped>"

    @property
    def dropped(self) -> int:
        return self._journal.dropped

    def clear(self) -> None:
        """Forget every recorded call (and the dropped count)."""
        self._journal.clear()
