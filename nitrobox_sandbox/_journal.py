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
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any, Final
from urllib.parse import parse_qsl

from nitrobox_sandbox._limits import parse_json
from nitrobox_sandbox._responses import ErrorAnswer
from nitrobox_sandbox._tokens import bearer_token

JOURNAL_SIZE: Final = 1_000
# A journal entry keeps at most this much of a body; a larger body is kept as None (and
# ``json_truncated`` says so), so a full journal stays within about 16 MiB, not 1 GiB.
MAX_KEPT_BODY: Final = 16 * 1024
MASK: Final = "***"
# Form fields that carry a credential (RFC 6749 client authentication in the body).
_SECRET_FIELDS: Final = frozenset(
    {"client_secret", "password", "access_token", "refresh_token", "client_assertion"}
)
_SENSITIVE_HEADERS: Final = frozenset(
    {"authorization", "proxy-authorization", "cookie", "x-api-key"}
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


def record_of(
    *,
    sequence: int,
    operation_id: str | None,
    method: str,
    path: str,
    raw_query: str,
    headers: Mapping[str, str],
    body: bytes | None,
    status: int | None,
    scripted: bool = False,
) -> RecordedCall:
    """A journal entry from what the app saw, with every secret masked."""
    query: dict[str, list[str]] = {}
    for name, value in parse_qsl(raw_query, keep_blank_values=True):
        query.setdefault(name, []).append(MASK if name in _SECRET_FIELDS else value)
    authorization = headers.get("authorization")
    token = bearer_token(authorization)
    content_type = headers.get("content-type", "").split(";")[0].strip().lower()
    parsed: Any = None
    form: dict[str, str] | None = None
    truncated = False
    if body:
        if len(body) > MAX_KEPT_BODY:
            truncated = True
        elif content_type == "application/x-www-form-urlencoded":
            text = body.decode("latin-1")
            form = {
                name: MASK if name in _SECRET_FIELDS else value
                for name, value in parse_qsl(text, keep_blank_values=True)
            }
        elif content_type in ("", "application/json") or content_type.endswith("+json"):
            try:
                parsed = parse_json(body)
            except ErrorAnswer:
                parsed = None  # the answer (a 400) says why; the journal keeps no broken text
    return RecordedCall(
        sequence=sequence,
        operation_id=operation_id,
        method=method,
        path=path,
        query=query,
        json=parsed,
        status=status,
        token_fingerprint=token_fingerprint(token) if token else None,
        headers=_masked_headers(headers),
        form=form,
        json_truncated=truncated,
        scripted=scripted,
    )


def _masked_headers(headers: Mapping[str, str]) -> dict[str, str]:
    shown: dict[str, str] = {}
    for name, value in headers.items():
        lower = name.lower()
        if lower not in _SENSITIVE_HEADERS:
            shown[lower] = value
            continue
        scheme, _, credential = value.partition(" ")
        if scheme.lower() == "bearer" and credential.strip():
            shown[lower] = f"Bearer {token_fingerprint(credential.strip())}"
        elif credential:
            shown[lower] = f"{scheme} {MASK}"
        else:
            shown[lower] = MASK
    return shown


class Journal:
    """The bounded, thread-safe store behind :class:`CallLog`."""

    def __init__(self, size: int | None = None) -> None:
        self._lock = threading.Lock()
        self._entries: deque[RecordedCall] = deque(maxlen=size or JOURNAL_SIZE)
        self._sequence = itertools.count(1)
        self.dropped = 0

    def next_sequence(self) -> int:
        with self._lock:
            return next(self._sequence)

    def add(self, entry: RecordedCall) -> None:
        with self._lock:
            if len(self._entries) == self._entries.maxlen:
                self.dropped += 1
            self._entries.append(entry)

    def entries(self) -> list[RecordedCall]:
        with self._lock:
            return sorted(self._entries, key=lambda e: e.sequence)

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
        return f"<CallLog: {len(self._journal.entries())} calls, {self.dropped} dropped>"

    @property
    def dropped(self) -> int:
        return self._journal.dropped

    def clear(self) -> None:
        """Forget every recorded call (and the dropped count)."""
        self._journal.clear()
