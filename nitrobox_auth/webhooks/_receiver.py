"""``WebhookReceiver``: the framework-neutral core of the receiver kit.

It holds the credentials, the issued tokens, the handlers and the delivery memory, and turns
one request (method, path, headers, a way to read the body) into one :class:`Answer`. The
ASGI and WSGI adapters only move bytes; every rule lives here, once.

Order of checks on ``POST /notifications``: route -> bearer token (401) -> body size (413,
read no further than the limit) -> JSON object with ``notification_type`` (400) ->
redelivery (200, handlers not called) -> handlers (200, or 500 when one raised).
"""

from __future__ import annotations

import base64
import binascii
import difflib
import inspect
import json
import logging
import math
import re
import time
import traceback
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, TypeVar
from urllib.parse import parse_qsl, unquote_plus

from nitrobox_auth._redact import mask_secret, scrub
from nitrobox_auth.webhooks._deliveries import DeliveryMemory, Seen, delivery_key
from nitrobox_auth.webhooks._errors import InvalidNotificationError, WebhookConfigError
from nitrobox_auth.webhooks._events import NOTIFICATION_TYPES, Notification
from nitrobox_auth.webhooks._parse import canonical_type, parse_notification
from nitrobox_auth.webhooks._tokens import TokenState, TokenStore, same_secret
from nitrobox_auth.webhooks._values import ascii_digits

logger = logging.getLogger("nitrobox_auth.webhooks")

TOKEN_PATH = "/oauth2/token"
NOTIFICATIONS_PATH = "/notifications"
MAX_BODY_SIZE = 1024 * 1024  # 1 MiB: the largest documented payload is a few KiB
TOKEN_BODY_LIMIT = 16 * 1024
ALL_TYPES = "*"

Handler = Callable[[Any], Awaitable[None] | None]
H = TypeVar("H", bound=Callable[..., Any])
ReadBody = Callable[[int], bytes]

_JSON = "application/json"
_FORM = "application/x-www-form-urlencoded"
_CREDENTIALS = re.compile(r"\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+", re.IGNORECASE)


@dataclass(frozen=True)
class Answer:
    """One HTTP answer: status, headers (lower-case names) and body."""

    status: int
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()

    @property
    def status_line(self) -> str:
        """``"200 OK"``, as WSGI's ``start_response`` wants it."""
        return f"{self.status} {HTTPStatus(self.status).phrase}"

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


def _json_answer(status: int, body: Mapping[str, Any], *headers: tuple[str, str]) -> Answer:
    content = json.dumps(body, separators=(",", ":")).encode()
    return Answer(
        status,
        content,
        (
            ("content-type", _JSON),
            ("content-length", str(len(content))),
            ("cache-control", "no-store"),
            *headers,
        ),
    )


def _notification_error(status: int, error: str, message: str, *headers: tuple[str, str]) -> Answer:
    return _json_answer(status, {"error": error, "message": message}, *headers)


def _oauth_error(status: int, error: str, description: str, *headers: tuple[str, str]) -> Answer:
    return _json_answer(status, {"error": error, "error_description": description}, *headers)


@dataclass(frozen=True)
class Accepted:
    """A notification that passed every check and now goes to its handlers."""

    event: Notification
    key: str
    handlers: tuple[Handler, ...]
    token: str


class WebhookReceiver:
    """The endpoints Nitrobox delivers notifications to, with your handlers behind them.

    ``client_id`` and ``client_secret`` are the credentials you enter for your endpoint in the
    Nitrobox portal; Nitrobox trades them at ``POST /oauth2/token`` for a token that lives
    ``token_lifetime`` seconds, then sends ``POST /notifications`` with it. At most
    ``max_tokens`` live tokens and the digests of the last ``remember`` handled bodies are
    kept. ``max_body_size`` bounds a notification body (default 1 MiB).
    """

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        token_lifetime: float = 300,
        max_body_size: int = MAX_BODY_SIZE,
        remember: int = 10_000,
        max_tokens: int = 1_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        for name, value in (("client_id", client_id), ("client_secret", client_secret)):
            if not isinstance(value, str) or not value:
                raise WebhookConfigError(f"{name} must be a non-empty string")
        if ":" in client_id:
            raise WebhookConfigError("client_id cannot contain ':' (HTTP Basic splits on it)")
        _positive("token_lifetime", token_lifetime)
        for name, number in (
            ("max_body_size", max_body_size),
            ("remember", remember),
            ("max_tokens", max_tokens),
        ):
            if isinstance(number, bool) or not isinstance(number, int) or number < 1:
                raise WebhookConfigError(f"{name} must be a positive integer, got {number!r}")
        self.client_id = client_id
        self._client_secret = client_secret
        self.token_lifetime = float(token_lifetime)
        self.max_body_size = max_body_size
        self._tokens = TokenStore(lifetime=self.token_lifetime, max_tokens=max_tokens, clock=clock)
        self._deliveries = DeliveryMemory(remember)
        self._handlers: dict[str, list[Handler]] = {}

    def __repr__(self) -> str:
        return (
            f"WebhookReceiver(client_id={self.client_id!r}, "
            f"client_secret={mask_secret(self._client_secret)!r}, "
            f"token_lifetime={self.token_lifetime:g})"
        )

    # -- handlers ---------------------------------------------------------------------------

    def on(self, notification_type: str, *, allow_unknown: bool = False) -> Callable[[H], H]:
        """Register the decorated function (sync or ``async``) for one ``notification_type``,
        or for every type with ``"*"``. A type Nitrobox does not document is refused (it is
        most likely a typo) unless ``allow_unknown=True``."""
        if not isinstance(notification_type, str) or not notification_type:
            raise WebhookConfigError("notification_type must be a non-empty string")
        name = notification_type
        if name != ALL_TYPES:
            known = canonical_type(name)
            if known is None and not allow_unknown:
                close = difflib.get_close_matches(name, list(NOTIFICATION_TYPES), n=3)
                hint = f"; did you mean {' or '.join(map(repr, close))}?" if close else ""
                raise WebhookConfigError(
                    f"{name!r} is not a documented Nitrobox notification type{hint} "
                    "(pass allow_unknown=True to handle an undocumented one)"
                )
            name = (known or name).lower()

        def register(handler: H) -> H:
            if not callable(handler):
                raise WebhookConfigError(f"a handler must be callable, got {handler!r}")
            self._handlers.setdefault(name, []).append(handler)
            return handler

        return register

    def handlers_for(self, notification_type: str) -> tuple[Handler, ...]:
        """The handlers of one type, then those for every type, in registration order."""
        specific = self._handlers.get(notification_type.lower(), [])
        return (*specific, *self._handlers.get(ALL_TYPES, []))

    # -- the framework-neutral steps --------------------------------------------------------

    def route(self, method: str, path: str) -> str | Answer:
        """``"token"``, ``"notifications"``, or the 404/405 answer for anything else.
        ``path`` is relative to where the app is mounted."""
        path = path.rstrip("/") or "/"
        if path not in (TOKEN_PATH, NOTIFICATIONS_PATH):
            return _notification_error(404, "not_found", f"no endpoint at {path[:100]!r}")
        if method.upper() != "POST":
            return _notification_error(
                405, "method_not_allowed", f"use POST for {path}", ("allow", "POST")
            )
        return "token" if path == TOKEN_PATH else "notifications"

    def check_client(self, headers: Mapping[str, str]) -> Answer | None:
        """``POST /oauth2/token``, step 1: the 401 ``invalid_client`` answer unless the
        HTTP Basic credentials are this receiver's (compared in constant time)."""
        candidates = _basic_credentials(headers.get("authorization"))
        if any([self._known_client(*pair) for pair in candidates]):
            return None
        return _oauth_error(
            401,
            "invalid_client",
            "client authentication failed: send HTTP Basic client_id:client_secret",
            ("www-authenticate", 'Basic realm="nitrobox-notifications", charset="UTF-8"'),
        )

    def issue_token(self, headers: Mapping[str, str], body: bytes) -> Answer:
        """``POST /oauth2/token``, step 2 (after :meth:`check_client`): the form grant, read
        from at most ``TOKEN_BODY_LIMIT + 1`` bytes of ``body``, and a new token."""
        media_type = headers.get("content-type", "").split(";")[0].strip().lower()
        if media_type != _FORM:
            return _oauth_error(
                400, "invalid_request", f"send the grant as {_FORM} (grant_type=client_credentials)"
            )
        if len(body) > TOKEN_BODY_LIMIT:
            return _oauth_error(413, "invalid_request", "the token request body is too large")
        try:
            form = dict(parse_qsl(body.decode("utf-8"), max_num_fields=20))
        except (UnicodeDecodeError, ValueError):
            return _oauth_error(400, "invalid_request", "the form body cannot be read")
        grant = form.get("grant_type")
        if grant is None:
            return _oauth_error(400, "invalid_request", "grant_type is missing")
        if grant != "client_credentials":
            return _oauth_error(
                400, "unsupported_grant_type", "only grant_type=client_credentials is supported"
            )
        token = self._tokens.issue()
        return _json_answer(
            200,
            {"access_token": token, "token_type": "bearer", "expires_in": int(self.token_lifetime)},
            ("pragma", "no-cache"),
        )

    def check_bearer(self, headers: Mapping[str, str]) -> Answer | str:
        """``POST /notifications``, step 1, before any byte of the body is read: the token
        (valid) or the 401 answer; then the 413 answer if ``content-length`` is over the limit."""
        token = _bearer(headers.get("authorization"))
        if token is None:
            return self._unauthorized(
                "invalid_request", "no bearer token: fetch one at /oauth2/token"
            )
        state = self._tokens.state(token)
        if state is not TokenState.VALID:
            why = "expired" if state is TokenState.EXPIRED else "unknown"
            return self._unauthorized("invalid_token", f"the access token is {why}")
        declared = headers.get("content-length", "").strip()
        if ascii_digits(declared) and int(declared) > self.max_body_size:
            return self._too_large()
        return token

    def accept(self, body: bytes, token: str) -> Answer | Accepted:
        """``POST /notifications``, step 2, with the body read up to ``max_body_size + 1``
        bytes: an error or duplicate answer, or the :class:`Accepted` event to hand to its
        handlers (then call :meth:`finish`)."""
        if len(body) > self.max_body_size:
            return self._too_large()
        try:
            event = parse_notification(body)
        except InvalidNotificationError as exc:
            logger.warning("refused a notification: %s", exc)
            return _notification_error(400, "invalid_notification", str(exc))
        key = delivery_key(body)
        seen = self._deliveries.begin(key)
        if seen is Seen.DONE:
            return _json_answer(200, {"status": "duplicate"})
        if seen is Seen.BUSY:
            return _notification_error(
                503,
                "in_progress",
                "the same notification is being handled; retry later",
                ("retry-after", "1"),
            )
        return Accepted(event, key, self.handlers_for(event.notification_type), token)

    def finish(self, accepted: Accepted, error: BaseException | None) -> Answer:
        """Remember a handled delivery, or log the handler's failure and answer 500."""
        self._deliveries.finish(accepted.key, handled=error is None)
        if error is None:
            return _json_answer(200, {"status": "received"})
        detail = "".join(traceback.format_exception(error))
        logger.error(
            "a handler failed on a %s notification (delivery %s); answering 500 so the "
            "sender retries:\n%s",
            accepted.event.notification_type,
            accepted.key[:12],
            self.redact(detail, accepted.token),
        )
        return _notification_error(
            500, "handler_failed", "the notification could not be handled; it will be retried"
        )

    def abandon(self, accepted: Accepted) -> None:
        """The handlers were interrupted (cancelled, shut down): forget the delivery was in
        progress, without remembering it as handled, so a redelivery is handled."""
        self._deliveries.finish(accepted.key, handled=False)

    def redact(self, text: str, *tokens: str) -> str:
        """``text`` without the client secret, the given tokens or any Basic/Bearer value."""
        text = scrub(text, [self._client_secret, *tokens])
        return _CREDENTIALS.sub(lambda m: f"{m.group(1)} <redacted>", text)

    # -- whole requests, synchronously (WSGI and other blocking servers) -------------------

    def respond(
        self, method: str, path: str, headers: Mapping[str, str], read_body: ReadBody
    ) -> Answer:
        """Serve one request synchronously; async handlers run in a fresh event loop.
        ``headers`` have lower-case names; ``read_body(n)`` returns at most ``n`` bytes."""
        where = self.route(method, path)
        if isinstance(where, Answer):
            return where
        if where == "token":
            refused = self.check_client(headers)
            return refused or self.issue_token(headers, read_body(TOKEN_BODY_LIMIT + 1))
        token = self.check_bearer(headers)
        if isinstance(token, Answer):
            return token
        accepted = self.accept(read_body(self.max_body_size + 1), token)
        if isinstance(accepted, Answer):
            return accepted
        try:
            for handler in accepted.handlers:
                result = handler(accepted.event)
                if inspect.isawaitable(result):
                    _run_coroutine(result)
        except Exception as exc:
            return self.finish(accepted, exc)
        except BaseException:
            self.abandon(accepted)
            raise
        return self.finish(accepted, None)

    def asgi_app(self) -> Any:
        """This receiver as an ASGI application (uvicorn, or mounted in Starlette/FastAPI)."""
        from nitrobox_auth.webhooks._asgi import ReceiverASGIApp

        return ReceiverASGIApp(self)

    def wsgi_app(self) -> Any:
        """This receiver as a WSGI application (Flask, Django, gunicorn)."""
        from nitrobox_auth.webhooks._wsgi import ReceiverWSGIApp

        return ReceiverWSGIApp(self)

    # -- helpers ----------------------------------------------------------------------------

    def _known_client(self, client_id: str, client_secret: str) -> bool:
        # both compared every time, so the timing says nothing about which one was wrong
        id_ok = same_secret(client_id, self.client_id)
        secret_ok = same_secret(client_secret, self._client_secret)
        return id_ok and secret_ok

    def _unauthorized(self, error: str, description: str) -> Answer:
        return _notification_error(
            401,
            error,
            description,
            ("www-authenticate", f'Bearer realm="nitrobox-notifications", error="{error}"'),
        )

    def _too_large(self) -> Answer:
        return _notification_error(
            413,
            "too_large",
            f"a notification body is at most {self.max_body_size} bytes",
            ("connection", "close"),
        )


def _positive(name: str, value: Any) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
        raise WebhookConfigError(f"{name} must be a positive number of seconds, got {value!r}")
    if not math.isfinite(value):
        raise WebhookConfigError(f"{name} must be finite, got {value!r}")


def _basic_credentials(header: str | None) -> list[tuple[str, str]]:
    """The (client_id, secret) pairs a Basic header may mean: as sent and, if it looks
    form-encoded (RFC 6749 2.3.1 asks for that; many senders skip it), decoded."""
    if not header:
        return []
    scheme, _, encoded = header.strip().partition(" ")
    if scheme.lower() != "basic" or not encoded:
        return []
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return []
    client_id, colon, secret = decoded.partition(":")
    if not colon:
        return []
    pairs = [(client_id, secret)]
    if "%" in decoded or "+" in decoded:
        pairs.append((unquote_plus(client_id), unquote_plus(secret)))
    return pairs


def _bearer(header: str | None) -> str | None:
    if not header:
        return None
    scheme, _, token = header.strip().partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


def _run_coroutine(awaitable: Awaitable[Any]) -> None:
    import asyncio

    async def run() -> None:
        await awaitable

    asyncio.run(run())
