"""Nitrobox's error body, ``GlobalErrorResponse``, as the sandbox writes it."""

from __future__ import annotations

import datetime as dt
import http
import json
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.responses import JSONResponse


@dataclass(frozen=True)
class FieldProblem:
    """One ``errors[]`` entry the sandbox writes: which field, what is wrong, the value sent.

    (The client reads such entries as :class:`nitrobox_auth.FieldProblem`.)
    """

    field_name: str
    error: str
    rejected_value: Any = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "fieldName": self.field_name,
            "error": self.error,
            "rejectedValue": self.rejected_value,
        }


class ErrorAnswer(Exception):
    """Raised to answer with a ``GlobalErrorResponse``: ``status``, ``message`` and the
    field problems. The request checks of ``_limits`` raise it before a handler runs (the app
    answers it), and handlers raise it for unknown or duplicate resources (``Handlers.handle``
    answers it), so nothing returns an error value its callers must check for.
    """

    def __init__(
        self,
        status: int,
        message: str,
        errors: Sequence[FieldProblem] = (),
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = tuple(errors)
        self.headers = dict(headers or {})  # e.g. Connection: close after a 408


def status_name(status: int) -> str:
    """``BAD_REQUEST`` for 400: the text form Nitrobox puts in ``status``."""
    try:
        return http.HTTPStatus(status).name
    except ValueError:
        return "UNKNOWN_STATUS"


def error_body(
    status: int, message: str, path: str, errors: Sequence[FieldProblem] = ()
) -> dict[str, Any]:
    """A ``GlobalErrorResponse``, which is also a valid ``CommonError`` (the newer error body
    of facts 3, R13, whose ``errors`` must not be null): ``errors`` is always a list."""
    return {
        "status": status_name(status),
        "message": message,
        # Nitrobox's documented example has no offset; it states the value is UTC.
        "timestamp": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        "path": path,
        "uuid": str(uuid.uuid4()),
        "errors": [e.as_dict() for e in errors],
    }


# What json.dumps(ensure_ascii=False, allow_nan=False, separators=(",", ":")) uses, built
# once (dumps builds a new encoder per call when given options).
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))


class StrictJSONResponse(JSONResponse):
    """A JSON answer that always serialises: strict JSON (no ``NaN``/``Infinity``), UTF-8.

    Requests with such values are refused before anything is stored, so none should reach
    an answer; if one still does (a sandbox bug), the answer is a 500
    ``GlobalErrorResponse`` rather than a crash in the middle of sending.
    """

    def render(self, content: Any) -> bytes:
        try:
            text = _ENCODER.encode(content)
        except (ValueError, TypeError, RecursionError):
            self.status_code = 500
            fallback = error_body(500, "Sandbox error: the answer cannot be serialised", "")
            return json.dumps(fallback).encode("ascii")
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            # A lone surrogate: the escaped form is still valid JSON.
            return json.dumps(content, allow_nan=False, separators=(",", ":")).encode("ascii")
