"""Typed errors for API answers that are not a success, and the helpers that raise them.

The classes (``NitroboxAPIError`` and one subclass per status family) are part of the one
exception tree drawn in :mod:`nitrobox_auth._errors`.

Every error keeps the fields of Nitrobox's ``GlobalErrorResponse`` (``status``,
``message``, ``path``, ``uuid``, ``timestamp`` and the field ``errors``), or the raw
``body`` when the answer is not one. Quote ``uuid`` to Nitrobox support. Rejected values
are kept on :class:`FieldError` but never put into the message: they are user data.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast, overload

import attrs
import httpx

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._errors import NitroboxError
from nitrobox_auth._http_package import RESPONSES
from nitrobox_auth._http_rules import parse_retry_after
from nitrobox_auth._logging import redact_url
from nitrobox_auth._redact import scrub_credentials
from nitrobox_auth._strict_json import MAX_ANSWER_DEPTH

if TYPE_CHECKING:
    # For the type checker only: at run time unwrap() reads the response's attributes, so
    # importing nitrobox_auth never loads the generated package.
    from nitrobox_client.types import Response

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

_EXCERPT_CHARS = 200


class GeneratedResponse(Protocol[T_co]):
    """What the generated ``*_detailed`` functions return, as far as the error helpers read it.

    ``nitrobox_client.types.Response[T, E]`` has ``parsed: T | E | None``: T the success
    model, E the error model. :func:`unwrap` is typed on that class itself, so that the type
    checker can tell T from E.
    """

    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...
    @property
    def headers(self) -> Mapping[str, str]: ...
    @property
    def parsed(self) -> T_co | None: ...


@attrs.frozen
class FieldError:
    """One entry of ``GlobalErrorResponse.errors``: which field, and what is wrong with it."""

    field_name: str | None
    error: str | None
    rejected_value: Any = attrs.field(default=None, repr=False)


class NitroboxAPIError(NitroboxError):
    """The API answered with an error status (or a success body this client cannot read)."""

    def __init__(
        self,
        *,
        status_code: int,
        method: str | None = None,
        url: str | None = None,
        status: str | None = None,
        message: str | None = None,
        path: str | None = None,
        uuid: str | None = None,
        timestamp: str | None = None,
        errors: tuple[FieldError, ...] = (),
        body: str | None = None,
        headers: Mapping[str, str] | None = None,
        problem: str | None = None,
    ) -> None:
        self.status_code = status_code
        self.method = method
        self.url = url
        self.status = status
        self.message = message
        self.path = path
        self.uuid = uuid
        self.timestamp = timestamp
        self.errors = errors
        self.body = body
        self.headers: Mapping[str, str] = dict(headers or {})
        super().__init__(self._describe(problem))

    def _describe(self, problem: str | None) -> str:
        where = " ".join(p for p in (self.method, self.url) if p) or self.path or "request"
        text = f"{where} failed: HTTP {self.status_code}"
        if self.status:
            text += f" {self.status}"
        if problem:
            text += f" ({problem})"
        if self.message:
            text += f": {scrub_credentials(self.message)}"
        elif self.body:
            text += f": {_excerpt(self.body)}"
        if self.errors:
            text += "; fields: " + "; ".join(
                f"{e.field_name or '?'}: {e.error or 'invalid'}" for e in self.errors
            )
        if self.uuid:
            text += f" [uuid {self.uuid}: quote it to Nitrobox support]"
        return text


class ValidationError(NitroboxAPIError):
    """400 or 422: the request was invalid; ``errors`` lists the fields to fix."""


class AuthenticationError(NitroboxAPIError):
    """401: the API rejected the access token, even after a fresh one was fetched."""


class PermissionDeniedError(NitroboxAPIError):
    """403: the client's credentials lack a permission (scope) this call needs."""


class NotFoundError(NitroboxAPIError):
    """404: no such resource."""


class ConflictError(NitroboxAPIError):
    """409: the request conflicts with the current state, e.g. an ident already in use."""


class RateLimitedError(NitroboxAPIError):
    """429: too many requests; ``retry_after`` is the server's wait in seconds, if it said."""

    def __init__(self, *, retry_after: float | None = None, **fields: Any) -> None:
        self.retry_after = retry_after
        super().__init__(**fields)


class ServerError(NitroboxAPIError):
    """500-599, standard or not: the server (or a proxy in front of it) failed."""


_BY_STATUS: dict[int, type[NitroboxAPIError]] = {
    400: ValidationError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: ValidationError,
    429: RateLimitedError,
}


def error_class(status_code: int) -> type[NitroboxAPIError]:
    """The error class for an HTTP status code; any integer is accepted."""
    if status_code in _BY_STATUS:
        return _BY_STATUS[status_code]
    if 500 <= status_code <= 599:
        return ServerError
    return NitroboxAPIError


def _excerpt(body: str) -> str:
    text = scrub_credentials(" ".join(body.split()))
    return text if len(text) <= _EXCERPT_CHARS else text[:_EXCERPT_CHARS] + "…"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _field_errors(value: object) -> tuple[FieldError, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(
        FieldError(
            field_name=_text(item.get("fieldName")),
            error=_text(item.get("error")),
            rejected_value=item.get("rejectedValue"),
        )
        for item in value
        if isinstance(item, dict)
    )


def _body_fields(content: bytes) -> dict[str, Any]:
    """The GlobalErrorResponse fields of a body, or ``{"body": text}`` when it is not one."""
    text = content.decode("utf-8", errors="replace")
    try:
        data = strict_json.loads(content, max_depth=MAX_ANSWER_DEPTH) if text.strip() else None
    except strict_json.StrictJSONError:
        data = None
    if not isinstance(data, dict) or not ({"status", "message", "uuid"} & data.keys()):
        return {"body": text or None}
    uuid = data.get("uuid")
    return {
        "status": _text(data.get("status")),
        "message": _text(data.get("message")),
        "path": _text(data.get("path")),
        "uuid": str(uuid) if isinstance(uuid, str | int) else None,
        "timestamp": _text(data.get("timestamp")),
        "errors": _field_errors(data.get("errors")),
    }


def _request_of(response: object) -> tuple[str | None, str | None]:
    if isinstance(response, RESPONSES):
        try:
            request = response.request
        except RuntimeError:
            return None, None
        return request.method, redact_url(request.url)
    return None, None


def error_from_response(
    response: httpx.Response | GeneratedResponse[Any], *, problem: str | None = None
) -> NitroboxAPIError:
    """Build (not raise) the typed error for a response, whatever its status code."""
    status_code = int(response.status_code)
    method, url = _request_of(response)
    headers = response.headers
    fields: dict[str, Any] = {
        "status_code": status_code,
        "method": method,
        "url": url,
        "headers": {k: v for k, v in headers.items() if k.lower() != "set-cookie"},
        "problem": problem,
        **_body_fields(response.content),
    }
    cls = error_class(status_code) if problem is None else NitroboxAPIError
    if cls is RateLimitedError:
        fields["retry_after"] = parse_retry_after(headers.get("Retry-After"), now=time.time())
    return cls(**fields)


def undocumented_status_error(
    response: httpx.Response | GeneratedResponse[Any],
) -> NitroboxAPIError:
    """The error for a status the operation does not document (a redirect, a 201...)."""
    if int(response.status_code) >= 400:
        # The class by status (NotFoundError, ServerError...) is what a caller catches,
        # documented for this operation or not.
        return error_from_response(response)
    return error_from_response(
        response, problem="a status the spec does not document for this operation"
    )


def raise_for_error(response: httpx.Response | GeneratedResponse[Any]) -> None:
    """Raise the typed :class:`NitroboxAPIError` unless the status is 2xx.

    Takes an ``httpx.Response`` (read) or what a generated ``*_detailed`` function returns.
    """
    if not 200 <= int(response.status_code) <= 299:
        raise error_from_response(response)


@overload
def unwrap(response: httpx.Response) -> Any: ...
@overload
def unwrap(response: Response[T, Any]) -> T: ...
def unwrap(response: httpx.Response | Response[T, Any]) -> T | Any:
    """The parsed success body, or the typed error raised.

    For a generated ``Response[T, E]`` that is ``response.parsed``, typed T (the success
    model: ``Customer`` for ``retrieve_customer``, ``None`` for an operation without a
    success body, ``File`` for a download); for an ``httpx.Response`` the decoded JSON
    (``None`` for an empty body). A non-2xx answer raises the :class:`NitroboxAPIError` of
    its status. A status the operation does not document (reaching here with
    ``raise_on_unexpected_status=False``), and a 2xx body where the operation documents
    none, raise :class:`NitroboxAPIError` rather than being dropped.
    """
    if not isinstance(response, RESPONSES) and not getattr(response, "documented", True):
        # Reached only with raise_on_unexpected_status=False: parsed is None, whatever T is.
        raise undocumented_status_error(response)
    raise_for_error(response)
    if isinstance(response, RESPONSES):  # httpx's or httpx2's
        return response.json() if response.content else None
    parsed = cast("Response[T, Any]", response).parsed
    if parsed is None and response.content:
        raise error_from_response(response, problem="a success body the spec does not describe")
    return cast(T, parsed)
