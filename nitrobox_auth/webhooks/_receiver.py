"""``WebhookReceiver``: the framework-neutral, I/O-free core of the receiver kit.

It holds the credentials, the token signer, the handlers and the delivery log. Serving one
request is :meth:`WebhookReceiver.serve`: a generator that yields the steps it needs done
(read the body, call the delivery log, run a handler) and returns the :class:`Answer`. The
ASGI and WSGI drivers only do those steps, each in its own way; every rule lives here, once.

Order of checks on ``POST /notifications``: route -> bearer token (401) -> body size (413,
read no further than the limit) -> JSON object with a type (400) -> redelivery (200,
handlers not called) -> handlers (200, or 500 when one raised).
"""

from __future__ import annotations

import difflib
import inspect
import json
import logging
import time
import traceback
from collections.abc import Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, Literal, TypeVar, overload
from urllib.parse import parse_qsl, unquote_plus

from nitrobox_auth._checks import ascii_digits, positive_seconds
from nitrobox_auth._credentials import parse_basic, parse_bearer, same_secret
from nitrobox_auth._redact import mask_secret, scrub, scrub_credentials
from nitrobox_auth.webhooks._deliveries import (
    DeliveryLog,
    FallbackLog,
    MemoryDeliveryLog,
    Seen,
    delivery_key,
)
from nitrobox_auth.webhooks._errors import InvalidNotificationError, WebhookConfigError
from nitrobox_auth.webhooks._events import (
    NOTIFICATION_TYPES,
    AddressNotification,
    ContractCreatedNotification,
    ContractNotification,
    ContractRenewedNotification,
    ContractTerminatedNotification,
    CustomerNotification,
    DocumentAttachmentArchivedNotification,
    InvoiceArchivedNotification,
    InvoiceNotification,
    Notification,
    OposCaseDecisionNotification,
    OposCaseUpdatedNotification,
    OrderNotification,
    PaymentAssignmentNotification,
    PaymentIntentResultNotification,
    SettlementCreatedNotification,
)
from nitrobox_auth.webhooks._parse import canonical_type, parse_notification
from nitrobox_auth.webhooks._portal import LoopThread
from nitrobox_auth.webhooks._tokens import (
    MIN_SIGNING_KEY_BYTES,
    TokenSigner,
    TokenState,
    derive_key,
)

logger = logging.getLogger("nitrobox_auth.webhooks")

TOKEN_PATH = "/oauth2/token"
NOTIFICATIONS_PATH = "/notifications"
MAX_BODY_SIZE = 1024 * 1024  # 1 MiB: the largest documented payload is a few KiB
TOKEN_BODY_LIMIT = 16 * 1024
ALL_TYPES = "*"

Handler = Callable[[Any], Awaitable[None] | None]
H = TypeVar("H", bound=Callable[..., Any])
R = TypeVar("R")
ReadBody = Callable[[int], bytes]

_JSON = "application/json"
_FORM = "application/x-www-form-urlencoded"


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


# -- the steps a driver performs for the core -----------------------------------------------


@dataclass(frozen=True)
class ReadBodyStep:
    """Read at most ``limit`` bytes of the request body; send them back."""

    limit: int


@dataclass(frozen=True)
class CallLog:
    """Call ``call()`` (the delivery log) and send back its result. When ``blocking`` (a
    network store), a driver on an event loop calls it from a worker thread."""

    call: Callable[[], Any]
    blocking: bool


@dataclass(frozen=True)
class RunHandler:
    """Run ``handler(event)``; send back ``None``, or the ``Exception`` it raised. Anything
    else (cancellation) the driver lets through and closes the generator."""

    handler: Handler
    event: Notification


Step = ReadBodyStep | CallLog | RunHandler
Exchange = Generator[Step, Any, Answer]


class WebhookReceiver:
    """The endpoints Nitrobox delivers notifications to, with your handlers behind them.

    ``client_id`` and ``client_secret`` are the credentials you enter for your endpoint in the
    Nitrobox portal; Nitrobox trades them at ``POST /oauth2/token`` for a token that lives
    ``token_lifetime`` seconds, then sends ``POST /notifications`` with it.

    Tokens are self-contained and signed (HMAC-SHA256) with a key derived from the client
    secret, or with ``signing_key`` (at least 32 bytes): every instance configured alike
    accepts every other instance's tokens, and nothing is stored. During a rotation,
    ``previous_client_secret`` (or ``previous_signing_key``) keeps the old credentials and
    tokens working. ``delivery_log`` recognises redeliveries (default: this process only,
    the last ``remember`` bodies; see :class:`RedisDeliveryLog`). ``max_body_size`` bounds a
    notification body (default 1 MiB). ``clock`` is wall-clock time, as tokens carry it.
    """

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str,
        signing_key: bytes | str | None = None,
        previous_client_secret: str | None = None,
        previous_signing_key: bytes | str | None = None,
        token_lifetime: float = 300,
        max_body_size: int = MAX_BODY_SIZE,
        remember: int = 10_000,
        delivery_log: DeliveryLog | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        for name, value in (("client_id", client_id), ("client_secret", client_secret)):
            if not isinstance(value, str) or not value:
                raise WebhookConfigError(f"{name} must be a non-empty string")
        if ":" in client_id:
            raise WebhookConfigError("client_id cannot contain ':' (HTTP Basic splits on it)")
        if previous_client_secret is not None and (
            not isinstance(previous_client_secret, str) or not previous_client_secret
        ):
            raise WebhookConfigError("previous_client_secret must be a non-empty string")
        positive_seconds("token_lifetime", token_lifetime, error=WebhookConfigError)
        for name, number in (("max_body_size", max_body_size), ("remember", remember)):
            if isinstance(number, bool) or not isinstance(number, int) or number < 1:
                raise WebhookConfigError(f"{name} must be a positive integer, got {number!r}")
        if delivery_log is not None and not isinstance(delivery_log, DeliveryLog):
            raise WebhookConfigError(
                "delivery_log must have begin(key) and finish(key, handled=...) "
                f"(a DeliveryLog), got {type(delivery_log).__name__}"
            )
        self.client_id = client_id
        self._secrets = tuple(s for s in (client_secret, previous_client_secret) if s)
        keys = [
            _signing_key("signing_key", signing_key)
            if signing_key is not None
            else derive_key(client_id, client_secret)
        ]
        if previous_signing_key is not None:
            keys.append(_signing_key("previous_signing_key", previous_signing_key))
        if previous_client_secret is not None:
            keys.append(derive_key(client_id, previous_client_secret))
        self.token_lifetime = float(token_lifetime)
        self.max_body_size = max_body_size
        self._signer = TokenSigner(keys, lifetime=self.token_lifetime, clock=clock)
        # A MemoryDeliveryLog given is the one used (its own size); any other log falls back
        # to one of `remember` deliveries when its store fails.
        self._memory = (
            delivery_log
            if isinstance(delivery_log, MemoryDeliveryLog)
            else MemoryDeliveryLog(remember)
        )
        self.delivery_log: DeliveryLog = (
            self._memory
            if delivery_log is None or isinstance(delivery_log, MemoryDeliveryLog)
            else FallbackLog(delivery_log, self._memory)
        )
        self._handlers: dict[str, list[Handler]] = {}
        self._loop = LoopThread()

    def __repr__(self) -> str:
        return (
            f"WebhookReceiver(client_id={self.client_id!r}, "
            f"client_secret={mask_secret(self._secrets[0])!r}, "
            f"token_lifetime={self.token_lifetime:g})"
        )

    def close(self) -> None:
        """Stop the event loop the WSGI app runs async handlers on (started on first use)."""
        self._loop.close()

    # -- handlers ---------------------------------------------------------------------------

    # One overload per event class, so mypy knows what the handler receives; a test keeps
    # them in step with NOTIFICATION_TYPES. A Literal overlapping the final ``str`` overload
    # is the point (the documented spelling gets the precise class), hence the ignores.
    @overload
    def on(  # type: ignore[overload-overlap]
        self,
        notification_type: Literal["customer.created", "customer.updated"],
        *,
        allow_unknown: bool = ...,
    ) -> Callable[[Callable[[CustomerNotification], R]], Callable[[CustomerNotification], R]]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self,
        notification_type: Literal["address.created", "address.updated"],
        *,
        allow_unknown: bool = ...,
    ) -> Callable[[Callable[[AddressNotification], R]], Callable[[AddressNotification], R]]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self,
        notification_type: Literal["order.created", "order.updated", "order.cancelled"],
        *,
        allow_unknown: bool = ...,
    ) -> Callable[[Callable[[OrderNotification], R]], Callable[[OrderNotification], R]]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self, notification_type: Literal["contract.created"], *, allow_unknown: bool = ...
    ) -> Callable[
        [Callable[[ContractCreatedNotification], R]], Callable[[ContractCreatedNotification], R]
    ]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self,
        notification_type: Literal["contract.updated", "contract.cancelled"],
        *,
        allow_unknown: bool = ...,
    ) -> Callable[[Callable[[ContractNotification], R]], Callable[[ContractNotification], R]]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self, notification_type: Literal["contract.renewed"], *, allow_unknown: bool = ...
    ) -> Callable[
        [Callable[[ContractRenewedNotification], R]], Callable[[ContractRenewedNotification], R]
    ]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self,
        notification_type: Literal["contract.terminated", "contract.expired"],
        *,
        allow_unknown: bool = ...,
    ) -> Callable[
        [Callable[[ContractTerminatedNotification], R]],
        Callable[[ContractTerminatedNotification], R],
    ]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self,
        notification_type: Literal["invoice.created", "invoice.updated"],
        *,
        allow_unknown: bool = ...,
    ) -> Callable[[Callable[[InvoiceNotification], R]], Callable[[InvoiceNotification], R]]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self, notification_type: Literal["invoice.archived"], *, allow_unknown: bool = ...
    ) -> Callable[
        [Callable[[InvoiceArchivedNotification], R]], Callable[[InvoiceArchivedNotification], R]
    ]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self,
        notification_type: Literal["documentAttachment.archived"],
        *,
        allow_unknown: bool = ...,
    ) -> Callable[
        [Callable[[DocumentAttachmentArchivedNotification], R]],
        Callable[[DocumentAttachmentArchivedNotification], R],
    ]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self, notification_type: Literal["paymentintent.result"], *, allow_unknown: bool = ...
    ) -> Callable[
        [Callable[[PaymentIntentResultNotification], R]],
        Callable[[PaymentIntentResultNotification], R],
    ]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self,
        notification_type: Literal["paymentAssignment.processed", "paymentAssignment.reversed"],
        *,
        allow_unknown: bool = ...,
    ) -> Callable[
        [Callable[[PaymentAssignmentNotification], R]],
        Callable[[PaymentAssignmentNotification], R],
    ]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self, notification_type: Literal["settlement.created"], *, allow_unknown: bool = ...
    ) -> Callable[
        [Callable[[SettlementCreatedNotification], R]],
        Callable[[SettlementCreatedNotification], R],
    ]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self, notification_type: Literal["OPOS_CASE_UPDATED"], *, allow_unknown: bool = ...
    ) -> Callable[
        [Callable[[OposCaseUpdatedNotification], R]], Callable[[OposCaseUpdatedNotification], R]
    ]: ...
    @overload
    def on(  # type: ignore[overload-overlap]
        self,
        notification_type: Literal[
            "oposCaseDecision.created",
            "oposCaseDecision.discount",
            "oposCaseDecision.uncollectableReceivable",
            "oposCaseDecision.doubtfulReceivable",
            "oposCaseDecision.otherRevenue",
            "oposCaseDecision.reversion",
        ],
        *,
        allow_unknown: bool = ...,
    ) -> Callable[
        [Callable[[OposCaseDecisionNotification], R]],
        Callable[[OposCaseDecisionNotification], R],
    ]: ...
    @overload
    def on(self, notification_type: str, *, allow_unknown: bool = ...) -> Callable[[H], H]: ...

    def on(self, notification_type: str, *, allow_unknown: bool = False) -> Callable[[H], H]:
        """Register the decorated function (sync or ``async``) for one notification type,
        or for every type with ``"*"``. A type Nitrobox does not document is refused (it is
        most likely a typo) unless ``allow_unknown=True``. For a documented type, mypy knows
        the event class the handler receives."""
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
        HTTP Basic credentials are this receiver's (the current or, during a rotation, the
        previous secret; compared in constant time)."""
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
        return _json_answer(
            200,
            {
                "access_token": self._signer.issue(),
                "token_type": "bearer",
                "expires_in": int(self.token_lifetime),
            },
            ("pragma", "no-cache"),
        )

    def check_bearer(self, headers: Mapping[str, str]) -> Answer | str:
        """``POST /notifications``, step 1, before any byte of the body is read: the token
        (valid) or the 401 answer; then the 413 answer if ``content-length`` is over the limit."""
        token = parse_bearer(headers.get("authorization"))
        if token is None:
            return self._unauthorized(
                "invalid_request", "no bearer token: fetch one at /oauth2/token"
            )
        state = self._signer.state(token)
        if state is not TokenState.VALID:
            why = "expired" if state is TokenState.EXPIRED else "not valid for this receiver"
            return self._unauthorized(
                "invalid_token", f"the access token is {why}: fetch a new one at /oauth2/token"
            )
        declared = headers.get("content-length", "").strip()
        if ascii_digits(declared) and int(declared) > self.max_body_size:
            return self._too_large()
        return token

    def serve(self, method: str, path: str, headers: Mapping[str, str]) -> Exchange:
        """One request, I/O-free: yields the :data:`Step` s a driver performs (``ReadBodyStep``,
        ``CallLog``, ``RunHandler``) and returns the :class:`Answer`. ``headers`` have
        lower-case names; ``path`` is relative to where the app is mounted."""
        where = self.route(method, path)
        if isinstance(where, Answer):
            return where
        if where == "token":
            refused = self.check_client(headers)
            if refused is not None:
                return refused
            return self.issue_token(headers, (yield ReadBodyStep(TOKEN_BODY_LIMIT + 1)))
        token = self.check_bearer(headers)
        if isinstance(token, Answer):
            return token
        body: bytes = yield ReadBodyStep(self.max_body_size + 1)
        if len(body) > self.max_body_size:
            return self._too_large()
        try:
            event = parse_notification(body, strict=False)
        except InvalidNotificationError as exc:
            logger.warning("refused a notification: %s", exc)
            return _notification_error(400, "invalid_notification", str(exc))
        if event.unreadable:
            logger.warning(
                "a %s notification has values of an unexpected kind in %s; those fields are "
                "None (the values are in event.raw)",
                event.notification_type,
                ", ".join(map(repr, event.unreadable)),
            )
        key = delivery_key(body)
        log = self.delivery_log
        blocking = log is not self._memory
        try:
            seen: Seen = yield CallLog(lambda: log.begin(key), blocking)
        except BaseException:
            # cancelled while a store was asked: it may have marked the delivery busy
            log.finish(key, handled=False)
            raise
        if seen is Seen.DONE:
            return _json_answer(200, {"status": "duplicate"})
        if seen is Seen.BUSY:
            return _notification_error(
                503,
                "in_progress",
                "the same notification is being handled; retry later",
                ("retry-after", "1"),
            )
        error: Exception | None = None
        try:
            for handler in self.handlers_for(event.notification_type):
                error = yield RunHandler(handler, event)
                if error is not None:
                    break
        except BaseException:
            # interrupted (cancelled, shut down): not handled, and no longer busy, so a
            # redelivery is handled. Called right here: the driver is going away.
            log.finish(key, handled=False)
            raise
        yield CallLog(lambda: log.finish(key, handled=error is None), blocking)
        if error is None:
            return _json_answer(200, {"status": "received"})
        detail = "".join(traceback.format_exception(error))
        logger.error(
            "a handler failed on a %s notification (delivery %s); answering 500 so the "
            "sender retries:\n%s",
            event.notification_type,
            key[:12],
            self.redact(detail, token),
        )
        return _notification_error(
            500, "handler_failed", "the notification could not be handled; it will be retried"
        )

    def redact(self, text: str, *tokens: str) -> str:
        """``text`` without the client secrets, the given tokens or any Basic/Bearer value."""
        text = scrub(text, [*self._secrets, *tokens])
        return scrub_credentials(text)

    # -- drivers ----------------------------------------------------------------------------

    def respond(
        self, method: str, path: str, headers: Mapping[str, str], read_body: ReadBody
    ) -> Answer:
        """Serve one request synchronously (the WSGI driver; any blocking server can call
        it). Plain handlers run in the calling thread, async ones on the receiver's one
        long-lived event loop. ``read_body(n)`` returns at most ``n`` bytes."""
        exchange = self.serve(method, path, headers)
        try:
            result: Any = None
            while True:
                step = exchange.send(result)
                if isinstance(step, ReadBodyStep):
                    result = read_body(step.limit)
                elif isinstance(step, CallLog):
                    result = step.call()
                else:
                    result = self._run_blocking(step)
        except StopIteration as done:
            answer: Answer = done.value
            return answer
        finally:
            exchange.close()

    def _run_blocking(self, step: RunHandler) -> Exception | None:
        try:
            if inspect.iscoroutinefunction(step.handler):
                self._loop.run(step.handler, step.event)
            else:
                result = step.handler(step.event)
                if inspect.isawaitable(result):
                    self._loop.run(_await, result)
        except Exception as exc:
            return exc
        return None

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
        # every comparison is made every time, so the timing says nothing about which failed
        id_ok = same_secret(client_id, self.client_id)
        secret_ok = [same_secret(client_secret, secret) for secret in self._secrets]
        return id_ok and any(secret_ok)

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


async def _await(awaitable: Awaitable[Any]) -> None:
    await awaitable


def _signing_key(name: str, key: bytes | str) -> bytes:
    raw = key.encode("utf-8", "surrogateescape") if isinstance(key, str) else key
    if not isinstance(raw, bytes) or len(raw) < MIN_SIGNING_KEY_BYTES:
        raise WebhookConfigError(
            f"{name} must be bytes or text of at least {MIN_SIGNING_KEY_BYTES} bytes "
            "(e.g. secrets.token_urlsafe(32))"
        )
    return raw


def _basic_credentials(header: str | None) -> list[tuple[str, str]]:
    """The (client_id, secret) pairs a Basic header may mean: as sent and, if it looks
    form-encoded (RFC 6749 2.3.1 asks for that; many senders skip it), decoded."""
    credentials = parse_basic(header)
    if credentials is None:
        return []
    client_id, secret = credentials
    pairs = [credentials]
    if any(c in client_id + secret for c in "%+"):
        pairs.append((unquote_plus(client_id), unquote_plus(secret)))
    return pairs
