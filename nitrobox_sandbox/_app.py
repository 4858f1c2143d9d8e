"""The sandbox's ASGI application (Starlette): token endpoint, API dispatch, control routes.

Order of checks for an API request, as a gateway in front of Nitrobox would do them:
route -> a scripted answer (``_double``) -> added latency -> rate limit (429) ->
bearer token (401) -> injected 5xx ->
limits and strict JSON (413/400, ``_limits``) -> spec validation (400) -> the
operation's handler. A :class:`ErrorAnswer` raised anywhere on the way becomes its 4xx
``GlobalErrorResponse`` in one place (``_refusal``), and every answer of an API path,
500s included, is counted in ``stats()`` and recorded in the journal (``sandbox.calls()``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.datastructures import QueryParams
from starlette.middleware.errors import ServerErrorMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route
from starlette.types import ExceptionHandler, Receive, Scope, Send

from nitrobox_auth.tooling import parse_bearer
from nitrobox_sandbox._double import (
    DropConnection,
    Endpoint,
    control_routes,
    journaled,
    scripted_answer,
)
from nitrobox_sandbox._errors import SandboxConfigError
from nitrobox_sandbox._faults import FaultDecision
from nitrobox_sandbox._handlers import Call, Reply
from nitrobox_sandbox._limits import (
    check_children,
    check_depth,
    is_json,
    parse_json,
    read_body,
)
from nitrobox_sandbox._responses import ErrorAnswer, error_body
from nitrobox_sandbox._responses import StrictJSONResponse as JSONResponse
from nitrobox_sandbox._spec import Operation
from nitrobox_sandbox._state import SandboxState
from nitrobox_sandbox._tokens import (
    OAuthErrorAnswer,
    TokenState,
    check_token_request,
)
from nitrobox_sandbox._validation import NOT_PARSED, SandboxRequest, ValidationOutcome

_FORM = "application/x-www-form-urlencoded"
_NAMED_GROUP = re.compile(r"\(\?P<\w+>")
_NO_QUERY = QueryParams()


class SandboxApp(Starlette):
    """The Starlette app, with API paths sent straight to the API endpoint.

    Starlette finds an API path by trying every control route twice (as given, then with
    the trailing slash toggled for a redirect) and raising a 404 that its exception
    middleware hands to the API handler: a fifth of a GET's cost in the sandbox. Here one
    regex, made of the control routes' own patterns, tells whether a route claims the
    path (or would redirect it); every other ``http`` request goes to the API endpoint
    under the same crash handler (``ServerErrorMiddleware``), as it did through the 404
    handler. Anything unusual (a ``root_path``, added middleware) takes Starlette's way.
    """

    def __init__(
        self,
        *,
        routes: Sequence[BaseRoute],
        exception_handlers: Mapping[Any, ExceptionHandler],
        api: Endpoint,
        crashed: ExceptionHandler,
    ) -> None:
        super().__init__(routes=routes, exception_handlers=exception_handlers)
        patterns = []
        for route in routes:
            assert isinstance(route, Route), "control routes are plain Routes"
            # each whole (``^...$``, matched as Route.matches does), groups unnamed
            patterns.append(_NAMED_GROUP.sub("(?:", route.path_regex.pattern))
        self._claimed = re.compile("|".join(f"(?:{p})" for p in patterns))

        async def api_app(scope: Scope, receive: Receive, send: Send) -> None:
            response = await api(Request(scope, receive, send))
            await response(scope, receive, send)

        self._api = ServerErrorMiddleware(api_app, handler=crashed, debug=self.debug)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] == "http"
            and not scope.get("root_path")
            and not self.user_middleware
            and not self._claims(scope["path"])
        ):
            scope["app"] = self
            scope.setdefault("router", self.router)
            await self._api(scope, receive, send)
            return
        await super().__call__(scope, receive, send)

    def _claims(self, path: str) -> bool:
        """Whether Starlette's router would answer ``path`` itself (a route, or a redirect
        to the path with its trailing slash toggled, as ``redirect_slashes`` does)."""
        if self._claimed.match(path):
            return True
        if path == "/" or not self.router.redirect_slashes:
            return False
        toggled = path.rstrip("/") if path.endswith("/") else path + "/"
        return self._claimed.match(toggled) is not None


def build_app(state: SandboxState) -> Starlette:
    """The ASGI app serving ``state``; all routes share it."""

    @journaled(state)
    async def token(request: Request) -> Response:
        try:
            return await _token_endpoint(state, request)
        except ErrorAnswer as refused:
            return _refusal(refused, _path(request))

    async def reset(request: Request) -> Response:
        state.reset()
        return Response(status_code=204)

    async def stats(request: Request) -> Response:
        return JSONResponse(state.stats.snapshot())

    async def notifications(request: Request) -> Response:
        return JSONResponse(state.notifier.log())

    async def faults(request: Request) -> Response:
        if request.method == "POST":
            try:
                values = parse_json(await read_body(request, state.body_read_timeout) or b"{}")
                if not isinstance(values, dict):
                    raise SandboxConfigError("the body must be a JSON object of fault settings")
                state.configure_faults(values)
            except ErrorAnswer as refused:
                return _refusal(refused, _path(request))
            except (ValueError, SandboxConfigError) as exc:
                return JSONResponse(error_body(400, str(exc), _path(request)), status_code=400)
        return JSONResponse(state.fault_settings())

    api_endpoint = journaled(state)(functools.partial(_api_endpoint, state))

    async def api(request: Request, exc: Exception) -> Response:
        # Every path no route claims is an API path: the spec, not Starlette's path
        # patterns, decides (those do not match every byte a fuzzer puts in a path).
        # SandboxApp sends them here directly; this handler serves what it passes on.
        return await api_endpoint(request)

    async def method_not_allowed(request: Request, exc: Exception) -> Response:
        path = _path(request)
        body = error_body(405, f"Method {request.method} is not supported for {path}", path)
        headers = getattr(exc, "headers", None) or {}
        return JSONResponse(body, status_code=405, headers=headers)

    async def crashed(request: Request, exc: Exception) -> Response:
        # A sandbox bug still answers in the documented error shape (and is re-raised by
        # Starlette for the log and for in-process tests); it is never a plain-text page.
        body = error_body(500, f"Sandbox error: {type(exc).__name__}", _path(request))
        return JSONResponse(body, status_code=500)

    routes = [
        Route("/_sandbox/reset", reset, methods=["POST"]),
        Route("/_sandbox/stats", stats, methods=["GET"]),
        Route("/_sandbox/notifications", notifications, methods=["GET"]),
        Route("/_sandbox/faults", faults, methods=["GET", "POST"]),
        *control_routes(state),
        Route("/{tenant}/oauth2/token", token, methods=["POST"]),
    ]
    return SandboxApp(
        routes=routes,
        exception_handlers={404: api, 405: method_not_allowed, Exception: crashed},
        api=api_endpoint,
        crashed=crashed,
    )


async def _token_endpoint(state: SandboxState, request: Request) -> Response:
    state.stats.count("token_requests")
    scripted = await scripted_answer(state, request, "token")
    if scripted is not None:
        return scripted
    decision = state.faults.decide(token_endpoint=True)
    if decision.latency:
        await anyio.sleep(decision.latency)
    if decision.status is not None:
        return _fault_response(state, decision, _path(request))
    tenant = request.path_params["tenant"]
    if tenant != state.tenant:
        state.stats.count("token_errors")
        # RFC 6749 shape so OAuth clients show the description; 404 as for an unknown realm
        answer = OAuthErrorAnswer(
            404,
            "invalid_request",
            f"Unknown tenant {tenant[:60]!r}: this sandbox serves tenant {state.tenant!r}",
        )
        return JSONResponse(answer.body(), status_code=404, headers=answer.headers())
    form: Mapping[str, str] = {}
    content_type = request.headers.get("content-type", "")
    if content_type.split(";")[0].strip().lower() == _FORM:
        form = QueryParams((await read_body(request, state.body_read_timeout)).decode("latin-1"))
    error = check_token_request(
        authorization=request.headers.get("authorization"),
        form=form,
        query=request.query_params,
        client_id=state.client_id,
        client_secret=state.client_secret,
    )
    if error is not None:
        state.stats.count("token_errors")
        return JSONResponse(error.body(), status_code=error.status, headers=error.headers())
    access_token, expires_in = state.tokens.issue_with_lifetime()
    state.stats.count("tokens_issued")
    return JSONResponse(
        {"access_token": access_token, "token_type": "bearer", "expires_in": expires_in},
        headers={"Cache-Control": "no-store", "Pragma": "no-cache"},
    )


async def _api_endpoint(state: SandboxState, request: Request) -> Response:
    path = _path(request)
    op, path_params, allowed = state.spec.match(request.method, path)
    if op is None:
        state.stats.count("not_found")
        if allowed:
            state.stats.status(405)
            body = error_body(405, f"Method {request.method} is not supported for {path}", path)
            return JSONResponse(body, status_code=405, headers={"Allow": ", ".join(allowed)})
        state.stats.status(404)
        return JSONResponse(error_body(404, f"No operation matches {path}", path), 404)
    state.stats.count("api_requests")
    state.stats.operation(op.operation_id)
    try:
        response = await _api_call(state, request, op, path_params)
    except ErrorAnswer as refused:
        state.stats.count("validation_errors")
        response = _refusal(refused, path)
    except DropConnection:
        raise  # no answer, so no status to count
    except Exception:
        # Answered 500 by the app's crash handler; counted here, where the path is known.
        state.stats.status(500)
        raise
    state.stats.status(response.status_code)
    return response


def _refusal(refused: ErrorAnswer, path: str) -> Response:
    """The one place a refused request becomes its ``GlobalErrorResponse``."""
    body = error_body(refused.status, refused.message, path, refused.errors)
    return JSONResponse(body, status_code=refused.status, headers=refused.headers)


async def _api_call(
    state: SandboxState, request: Request, op: Operation, path_params: dict[str, str]
) -> Response:
    path = _path(request)
    scripted = await scripted_answer(state, request, op.operation_id)
    if scripted is not None:
        return scripted
    decision = state.faults.decide()
    if decision.latency:
        await anyio.sleep(decision.latency)
    if decision.status == 429:
        return _fault_response(state, decision, path)
    denied = _check_bearer(state, request)
    if denied is not None:
        return denied
    if decision.status is not None:
        return _fault_response(state, decision, path)
    body_bytes = await read_body(request, state.body_read_timeout)
    body = _strict_body(op, request, body_bytes)
    check_children(state.handlers, op, path_params, body)
    # most API calls have no query string: one shared empty (immutable) mapping for them
    query = request.query_params if request.scope.get("query_string") else _NO_QUERY
    checked = state.validator.validate(
        op,
        SandboxRequest(
            path=path,
            method=request.method.lower(),
            body=body_bytes or None,
            content_type=request.headers.get("content-type", "application/json"),
            path_params=path_params,
            headers=request.headers,
            query=query,
            origin=lambda: str(request.base_url).rstrip("/"),
            cookies=lambda: request.cookies,
            json_body=NOT_PARSED if body is None else body,
        ),
        query=query,
        raw_query=query,
    )
    if isinstance(checked, ValidationOutcome):
        state.stats.count("validation_errors")
        body = error_body(checked.status, checked.message, path, checked.errors)
        return JSONResponse(body, status_code=checked.status)
    call = Call(
        operation=op,
        path=path,
        path_params=path_params,
        query=checked.query,
        body=body,
    )
    reply = state.handlers.handle(call)
    return _to_response(reply)


def _check_bearer(state: SandboxState, request: Request) -> Response | None:
    token = parse_bearer(request.headers.get("authorization"))
    if token is None:
        problem, description = "invalid_request", "No bearer token: send Authorization: Bearer"
    else:
        token_state = state.tokens.state(token)
        if token_state is TokenState.VALID:
            return None
        problem = "invalid_token"
        description = (
            "The access token expired"
            if token_state is TokenState.EXPIRED
            else "The access token is unknown to this sandbox"
        )
    state.stats.count("unauthorized")
    path = _path(request)
    return JSONResponse(
        error_body(401, description, path),
        status_code=401,
        headers={
            # RFC 6750 section 3: how a resource server says why a bearer token failed
            "WWW-Authenticate": (
                f'Bearer realm="nitrobox-sandbox", error="{problem}", '
                f'error_description="{description}"'
            )
        },
    )


def _fault_response(state: SandboxState, decision: FaultDecision, path: str) -> Response:
    """The answer for a fault ``decision`` that carries a status."""
    if decision.status == 429:
        state.stats.count("rate_limited")
        body = error_body(429, "Rate limit exceeded: retry after the Retry-After delay", path)
        return JSONResponse(
            body, status_code=429, headers={"Retry-After": str(decision.retry_after or 1)}
        )
    status = decision.status or 503
    state.stats.count("injected_errors")
    return JSONResponse(error_body(status, "Injected sandbox fault", path), status_code=status)


def _strict_body(op: Operation, request: Request, body: bytes) -> Any:
    """The JSON body, parsed strictly before the validator or a handler sees it.

    For an operation without a documented body the body is ignored, but it must still
    be within the depth limit (the spec validator would otherwise recurse into it).
    """
    if not body or not is_json(request.headers.get("content-type")):
        return None
    if "requestBody" not in op.definition:
        check_depth(body)
        try:
            return parse_json(body)
        except ErrorAnswer:
            return None  # ignored, as before: the operation takes no body
    return parse_json(body)


def _to_response(reply: Reply) -> Response:
    if reply.content is not None:
        return Response(
            reply.content, reply.status, headers=reply.headers, media_type=reply.media_type
        )
    if reply.status == 204 or reply.body is None:
        return Response(status_code=reply.status, headers=reply.headers)
    return JSONResponse(reply.body, reply.status, headers=reply.headers)


def _path(request: Request) -> str:
    # The decoded path as the server received it; request.url re-parses it and loses
    # control characters a fuzzer sends.
    path: str = request.scope["path"]
    return path
