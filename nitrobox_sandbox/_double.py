"""The sandbox as a test double, in the request path: scripted answers and the journal.

The app calls in here at two points only, so the rest of the request path stays as it was:
:func:`scripted_answer` once the operation is known (before any other check: a script
answers the next call of its operation, whatever that call sends), and :func:`journaled`
around the token endpoint and the API, which records every request with its answer's
status. :func:`control_routes` serves both over HTTP under ``/_sandbox/``.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Final

import anyio
import anyio.lowlevel
import httpx
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from nitrobox_sandbox._errors import SandboxConfigError
from nitrobox_sandbox._journal import capture
from nitrobox_sandbox._limits import parse_json, read_body
from nitrobox_sandbox._responses import ErrorAnswer, error_body
from nitrobox_sandbox._responses import StrictJSONResponse as JSONResponse
from nitrobox_sandbox._scripts import Script

if TYPE_CHECKING:
    from nitrobox_sandbox._state import SandboxState

# Set by the loopback server (``_server``) on every request's scope: closes the connection
# at once, without an answer. In-process transports have none; there the client gets the
# exception httpx raises for a connection closed before the answer.
DROP_EXTENSION: Final = "nitrobox.drop_connection"
# In-process: the HTTP package (httpx or httpx2 module) of the transport that sent the call,
# so a dropped connection raises that package's error (set by nitrobox_sandbox._transport).
HTTP_MODULE_EXTENSION: Final = "nitrobox.http_module"
_OPERATION: Final = "nitrobox.operation_id"
_SCRIPTED: Final = "nitrobox.scripted"

Endpoint = Callable[[Request], Awaitable[Response]]


class DropConnection(Exception):
    """A scripted ``Fault(reset=True)``: close the connection without answering."""


async def scripted_answer(
    state: SandboxState, request: Request, operation_id: str
) -> Response | None:
    """The scripted answer for this call of ``operation_id``, or ``None`` to answer normally.

    Also notes the operation on the request for the journal.
    """
    request.scope[_OPERATION] = operation_id
    fault = state.scripts.take(operation_id)
    if fault is None:
        return None
    request.scope[_SCRIPTED] = True
    if fault.status is not None or fault.reset:
        state.stats.count("injected_errors")
    # Read so the journal shows what the call sent (too large or cut short: no body kept).
    with contextlib.suppress(ErrorAnswer):
        await read_body(request, state.body_read_timeout)
    if fault.delay:
        await anyio.sleep(fault.delay)
    if fault.reset:
        raise DropConnection
    if fault.status is None:
        return None  # a late, normal answer
    path: str = request.scope["path"]
    body = fault.body
    if body is None:
        body = error_body(fault.status, "Scripted sandbox fault", path)
    return JSONResponse(body, status_code=fault.status, headers=dict(fault.headers))


def journaled(state: SandboxState) -> Callable[[Endpoint], Endpoint]:
    """Wrap an endpoint so each request it answers (or drops) goes into the journal."""

    def wrap(endpoint: Endpoint) -> Endpoint:
        @functools.wraps(endpoint)
        async def recorded(request: Request) -> Response:
            sequence = state.journal.next_sequence()
            try:
                response = await endpoint(request)
            except DropConnection:
                _record(state, request, sequence, None)
                return await _drop(request)
            except Exception:
                _record(state, request, sequence, 500)  # the crash handler answers 500
                raise
            _record(state, request, sequence, response.status_code)
            return response

        return recorded

    return wrap


def _record(state: SandboxState, request: Request, sequence: int, status: int | None) -> None:
    body: bytes | None = getattr(request, "_body", None)  # cached by read_body
    state.journal.add(
        capture(
            sequence=sequence,
            operation_id=request.scope.get(_OPERATION),
            method=request.scope["method"],
            path=request.scope["path"],
            raw_query=request.scope.get("query_string", b"").decode("latin-1"),
            raw_headers=request.scope["headers"],
            body=body,
            status=status,
            scripted=bool(request.scope.get(_SCRIPTED)),
        )
    )


async def _drop(request: Request) -> Response:
    extensions = request.scope.get("extensions") or {}
    drop = extensions.get(DROP_EXTENSION)
    if drop is None:
        # In-process: what the client's package raises when a server closes without answering.
        module = extensions.get(HTTP_MODULE_EXTENSION, httpx)
        raise module.RemoteProtocolError("Server disconnected without sending a response.")
    drop()
    # Let the server see the connection go before the (unsent) answer below.
    await anyio.lowlevel.checkpoint()
    return Response(status_code=500)


# -- control routes ------------------------------------------------------------------------


def _script_dict(script: Script) -> dict[str, Any]:
    return {
        "id": script.id,
        "operation_id": script.operation_id,
        "consumed": script.consumed,
        "total": len(script.entries),
        "remaining": [fault.as_dict() for fault in script.remaining],
    }


def control_routes(state: SandboxState) -> list[Route]:
    """``/_sandbox/scripts`` and ``/_sandbox/calls`` (docs/sandbox.md lists them)."""

    async def scripts(request: Request) -> Response:
        path: str = request.scope["path"]
        if request.method == "DELETE":
            state.scripts.clear()
            return Response(status_code=204)
        if request.method == "POST":
            try:
                values = parse_json(await read_body(request, state.body_read_timeout) or b"{}")
                if not isinstance(values, dict) or set(values) != {"operation_id", "entries"}:
                    raise SandboxConfigError(
                        'the body must be {"operation_id": "...", "entries": [503, {...}]}'
                    )
                entries = values["entries"]
                if not isinstance(entries, list):
                    raise SandboxConfigError("entries must be a list of statuses and faults")
                script = state.scripts.add(values["operation_id"], entries)
            except ErrorAnswer as refused:
                body = error_body(refused.status, refused.message, path, refused.errors)
                return JSONResponse(body, status_code=refused.status)
            except SandboxConfigError as exc:
                return JSONResponse(error_body(400, str(exc), path), status_code=400)
            return JSONResponse(_script_dict(script), status_code=201)
        return JSONResponse({"pending": [_script_dict(s) for s in state.scripts.pending()]})

    async def script(request: Request) -> Response:
        found = state.scripts.find(request.path_params["id"])
        if found is None:
            path: str = request.scope["path"]
            return JSONResponse(error_body(404, "No such script", path), status_code=404)
        return JSONResponse(_script_dict(found))

    async def calls(request: Request) -> Response:
        path: str = request.scope["path"]
        if request.method == "DELETE":
            state.journal.clear()
            return Response(status_code=204)
        params = request.query_params
        unknown = sorted(set(params) - {"operation_id", "status"})
        status_text = params.get("status")
        if unknown or (status_text is not None and not _is_status(status_text)):
            message = (
                f"unknown parameter(s) {', '.join(unknown)}; use operation_id and status"
                if unknown
                else "status must be an HTTP status code (three ASCII digits)"
            )
            return JSONResponse(error_body(400, message, path), status_code=400)
        operation_id = params.get("operation_id")
        status = int(status_text) if status_text is not None else None
        entries = [
            e.as_dict()
            for e in state.journal.entries()
            if (operation_id is None or e.operation_id == operation_id)
            and (status is None or e.status == status)
        ]
        return JSONResponse({"calls": entries, "dropped": state.journal.dropped})

    return [
        Route("/_sandbox/scripts", scripts, methods=["GET", "POST", "DELETE"]),
        Route("/_sandbox/scripts/{id:int}", script, methods=["GET"]),
        Route("/_sandbox/calls", calls, methods=["GET", "DELETE"]),
    ]


def _is_status(text: str) -> bool:
    return len(text) == 3 and text.isascii() and text.isdigit()
