"""The sandbox's limits on what a request may hold, checked before anything is stored.

Every check here raises :class:`ErrorAnswer`, which the app turns into a 4xx
``GlobalErrorResponse`` in one place, so a hostile request can never become a 500, a hang,
a dropped connection or a stored record that poisons every later read:

- bodies over :data:`MAX_BODY_BYTES` are refused with 413 (``Content-Length`` first, then
  while reading, so a lying or chunked client is stopped too);
- JSON nested deeper than :data:`MAX_JSON_DEPTH` is refused before any parser recurses;
- JSON is parsed strictly: ``NaN``, ``Infinity``, numbers that overflow a float
  (``1e400``), lone surrogates (``"\\ud800"``) and invalid UTF-8 are refused, in every
  field, also in the ones a schema leaves open (``additionalProperties``);
- arrays in a body hold at most :data:`MAX_ARRAY_ITEMS` items (one customer with 50,000
  inline addresses made every customer query build 50,000 address views);
- a record has at most :data:`MAX_CHILDREN` children (a customer's addresses): each
  answer that shows the record shapes every one of them;
- idents that look numeric must be ASCII digits (``²`` passes ``str.isdigit()``);
- every path parameter is at most :data:`MAX_PATH_PARAMETER_LENGTH` characters (400 naming
  the parameter), on every route, whatever its schema says (a 5,000-digit ident once
  reached ``int()`` and answered 500);
- a body must arrive within :data:`BODY_READ_TIMEOUT` seconds of the request (408, and
  the connection is closed): a client that sends less than its ``Content-Length`` no
  longer holds a connection forever.
"""

from __future__ import annotations

import unicodedata
import urllib.parse
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Final

import anyio
from starlette.requests import ClientDisconnect, Request

from nitrobox_auth.tooling import ascii_digits, json_depth, strict_json
from nitrobox_sandbox._responses import ErrorAnswer, FieldProblem

if TYPE_CHECKING:
    from nitrobox_sandbox._handlers import Handlers
    from nitrobox_sandbox._spec import Operation

MAX_BODY_BYTES: Final = 1024 * 1024
MAX_JSON_DEPTH: Final = 32
MAX_ARRAY_ITEMS: Final = 1000
# Children of one record (a customer's addresses), inline or added one by one: every
# answer that shows the record shapes all of them (a customer with 1,000 addresses made a
# page of customers 25 times slower).
MAX_CHILDREN: Final = 100
# Nitrobox's idents are 1..100 characters (the spec's ident parameters say so, see
# docs/spec.md); numeric ids are int64, 19 digits. No path parameter needs more.
MAX_PATH_PARAMETER_LENGTH: Final = 100
# Seconds from the first byte of the body to the last; a body that stops short of its
# Content-Length is answered 408 after this long. ``Sandbox(body_read_timeout=...)``.
BODY_READ_TIMEOUT: Final = 10.0
MAX_RSQL_DEPTH: Final = 32
MAX_RSQL_LENGTH: Final = 4096


def _too_large() -> ErrorAnswer:
    return ErrorAnswer(
        413,
        f"The request body is larger than the sandbox's limit of {MAX_BODY_BYTES} bytes",
        (FieldProblem("body", f"must be at most {MAX_BODY_BYTES} bytes", None),),
    )


async def read_body(request: Request, read_timeout: float = BODY_READ_TIMEOUT) -> bytes:
    """The request body, refused with 413 once it passes :data:`MAX_BODY_BYTES`, and with
    408 (``Connection: close``) when it has not all arrived within ``read_timeout`` seconds."""
    declared = request.headers.get("content-length", "")
    if ascii_digits(declared) and int(declared) > MAX_BODY_BYTES:
        raise _too_large()
    if declared == "0" or (not declared and "transfer-encoding" not in request.headers):
        # HTTP/1.1: no length and no chunking is no body (most GETs); nothing to wait for
        request._body = b""
        return b""
    parts: list[bytes] = []
    size = 0
    try:
        with anyio.fail_after(read_timeout):
            async for chunk in request.stream():
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    raise _too_large()
                parts.append(chunk)
    except ClientDisconnect:
        raise ErrorAnswer(400, "The client disconnected before sending the whole body") from None
    except TimeoutError:
        raise ErrorAnswer(
            408,
            f"The request body did not arrive within {read_timeout:g} seconds "
            f"({size} bytes of {declared or 'an unknown length'} received)",
            (FieldProblem("body", f"must arrive within {read_timeout:g} seconds", None),),
            # the rest of the body may still come: the connection cannot carry another request
            headers={"Connection": "close"},
        ) from None
    body = b"".join(parts)
    # Starlette's request.body() and form() read the cached body from here on.
    request._body = body
    return body


def is_json(content_type: str | None) -> bool:
    media = (content_type or "application/json").split(";")[0].strip().lower()
    return media == "application/json" or media.endswith("+json")


def check_depth(body: bytes) -> None:
    if json_depth(body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH:
        raise ErrorAnswer(
            400,
            f"The request body is nested deeper than {MAX_JSON_DEPTH} levels",
            (FieldProblem("body", f"must be nested at most {MAX_JSON_DEPTH} levels deep", None),),
        )


def parse_json(body: bytes) -> Any:
    """``body`` as strict JSON (see the module docstring), or :class:`ErrorAnswer` (400)."""
    try:
        value = strict_json.loads(body, max_depth=MAX_JSON_DEPTH)
    except strict_json.StrictJSONError as exc:
        # loads checks the depth before anything else; that refusal has its own answer
        check_depth(body)
        raise ErrorAnswer(
            400,
            "The request body is not valid JSON",
            (FieldProblem("body", f"is not valid JSON: {exc.reason}", None),),
        ) from None
    _check_arrays(value)
    return value


def _check_arrays(value: Any) -> None:
    # Iterative: the depth is bounded already, but a wide body must not cost recursion.
    stack: list[tuple[Any, str]] = [(value, "")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, dict):
            stack.extend((sub, f"{path}.{key}" if path else key) for key, sub in item.items())
        elif isinstance(item, list):
            if len(item) > MAX_ARRAY_ITEMS:
                raise ErrorAnswer(
                    400,
                    f"An array in the request body has more than {MAX_ARRAY_ITEMS} items",
                    (
                        FieldProblem(
                            path or "body", f"must have at most {MAX_ARRAY_ITEMS} items", None
                        ),
                    ),
                )
            stack.extend((sub, f"{path}[{index}]") for index, sub in enumerate(item))


def _check_text(text: str, where: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise ErrorAnswer(
            400,
            "The request body holds text that is not valid Unicode (a lone surrogate)",
            (FieldProblem(where[:200], "must be valid Unicode text", None),),
        ) from None


def check_text_parameter(name: str, value: str) -> None:
    """Query and path values must be valid Unicode too (they end up in answers)."""
    _check_text(value, name)


def check_children(
    handlers: Handlers, op: Operation, path_params: Mapping[str, str], body: Any
) -> None:
    """Refuse a request that would give a record more than :data:`MAX_CHILDREN` children."""
    plan = handlers.plans[op.operation_id]
    if plan.collection is None or plan.kind not in ("create", "update"):
        return
    if isinstance(body, Mapping):
        for key, value in body.items():
            child = key in handlers.children.get(plan.collection, {})
            if child and isinstance(value, list) and len(value) > MAX_CHILDREN:
                raise ErrorAnswer(
                    400,
                    f"The sandbox keeps at most {MAX_CHILDREN} {key} per record",
                    (FieldProblem(str(key), f"must have at most {MAX_CHILDREN} items", None),),
                )
    if plan.kind == "create" and plan.parent_collection and plan.parent_param:
        parent = handlers.lookup(plan.parent_collection, path_params.get(plan.parent_param, ""))
        if parent is None:
            return  # the handler answers 404
        siblings = handlers.children_count(plan.collection, parent.ident)
        if siblings >= MAX_CHILDREN:
            name = plan.collection.rsplit("/", 1)[-1]
            raise ErrorAnswer(
                409,
                f"The sandbox keeps at most {MAX_CHILDREN} {name} per record; "
                f"{parent.ident!r} has {siblings}",
            )


def check_path_parameters(path_params: Mapping[str, str]) -> None:
    """Refuse a path parameter longer than :data:`MAX_PATH_PARAMETER_LENGTH` (400)."""
    for name, value in path_params.items():
        if len(value) > MAX_PATH_PARAMETER_LENGTH:
            raise ErrorAnswer(
                400,
                f"The path parameter {name} is longer than {MAX_PATH_PARAMETER_LENGTH} characters",
                (
                    FieldProblem(
                        name,
                        f"must be at most {MAX_PATH_PARAMETER_LENGTH} characters",
                        value[:40] + "…",
                    ),
                ),
            )


_CONTROL_CATEGORIES: Final = frozenset({"Cc", "Cf", "Zl", "Zp"})


def content_disposition(filename: str, disposition: str = "attachment") -> str:
    """A ``Content-Disposition`` value for ``filename``, built per RFC 6266.

    Control characters (CR, LF, NUL, ...) are stripped; the quoted ``filename=`` is an
    ASCII fallback with ``"`` and ``\\`` escaped and other characters replaced by ``_``;
    ``filename*=UTF-8''...`` (RFC 8187) carries the exact name when it is not plain ASCII.
    """
    cleaned = "".join(ch for ch in filename if unicodedata.category(ch) not in _CONTROL_CATEGORIES)
    cleaned = cleaned.encode("utf-8", "replace").decode("utf-8") or "file"
    fallback = "".join(ch if " " <= ch <= "~" else "_" for ch in cleaned)
    quoted = fallback.replace("\\", "\\\\").replace('"', '\\"')
    value = f'{disposition}; filename="{quoted}"'
    if fallback != cleaned:
        value += f"; filename*=UTF-8''{urllib.parse.quote(cleaned, safe='')}"
    return value
