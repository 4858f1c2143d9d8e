"""The sandbox's notification sender: Nitrobox's handshake and retry schedule, in a thread.

For each subscription, a delivery fetches a token from the subscriber's token endpoint
(HTTP Basic ``client_id:client_secret``, form ``grant_type=client_credentials``), caches it
until it expires, and POSTs the JSON payload with ``Authorization: Bearer``. The token side
is the runtime's own :class:`~nitrobox_auth.TokenProvider` (one per subscription, asking once
per attempt: the delivery schedule below does the retrying), so the sandbox reads a token
answer exactly as the client does. API answers never
wait: events go to a bounded queue that one background worker drains.

Retries follow Nitrobox's documented schedule (first after 2 minutes, x4 each time, at most
10 attempts, no interval over 12 hours), multiplied by ``time_scale``. The default, 1e-5,
makes the nine intervals 1.2 ms, 4.8 ms, 19.2 ms, 76.8 ms, 307 ms, then 432 ms four times:
about 2.1 s from the first failure to the last attempt, instead of about 2.5 days.
"""

from __future__ import annotations

import datetime as dt
import heapq
import itertools
import json
import logging
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from nitrobox_auth import (
    NitroboxError,
    OAuthError,
    TokenHTTP,
    TokenProvider,
    TokenRequestError,
    TokenRetryPolicy,
    TokenTiming,
)
from nitrobox_auth.tooling import is_transient_status, positive_seconds
from nitrobox_sandbox._errors import SandboxConfigError

logger = logging.getLogger("nitrobox_sandbox.notifications")

FIRST_RETRY = 120.0  # seconds, as documented
RETRY_FACTOR = 4
MAX_RETRY_INTERVAL = 12 * 3600.0
MAX_ATTEMPTS = 10
DEFAULT_TIME_SCALE = 1e-5
QUEUE_LIMIT = 10_000
LOG_SIZE = 1_000
DELIVERY_TIMEOUT = httpx.Timeout(5.0, connect=2.0)
_ANSWER_LIMIT = 64 * 1024  # what a subscriber's answer may be; the rest is not read
# stop() waits this long for the worker; one stuck in a delivery ends by its HTTP timeout
_STOP_TIMEOUT = 1.0


def _worth_retrying(status: int) -> bool:
    # Nitrobox retries a delivery "on failure" (facts: webhook retry policy); which answers
    # count is not documented. Inferred: every 5xx, and the runtime's transient statuses.
    return status >= 500 or is_transient_status(status)


def retry_intervals(time_scale: float = 1.0) -> tuple[float, ...]:
    """The waits before attempts 2..10, in seconds, scaled."""
    return tuple(
        min(FIRST_RETRY * RETRY_FACTOR**n, MAX_RETRY_INTERVAL) * time_scale
        for n in range(MAX_ATTEMPTS - 1)
    )


@dataclass(frozen=True)
class Subscription:
    """Where the sandbox delivers, and which notification types (``None``: all of them)."""

    id: int
    url: str
    token_url: str
    client_id: str
    client_secret: str = field(repr=False)
    types: frozenset[str] | None = None

    def wants(self, notification_type: str) -> bool:
        return self.types is None or notification_type.lower() in self.types


@dataclass(order=True)
class _Delivery:
    due: float
    id: int
    subscription: Subscription = field(compare=False)
    notification_type: str = field(compare=False)
    body: bytes = field(compare=False, repr=False)
    attempts: int = field(default=0, compare=False)


class _Refused(Exception):
    """A failure that retrying will not fix (a 4xx answer, refused credentials)."""


class _TokenUnavailable(Exception):
    """No token this time (no answer, a 5xx, 429...): the delivery is retried."""


def _token(provider: TokenProvider) -> str:
    """The subscription's current token; the failure says only what happened, never the
    URL or server text (the delivery log is served at /_sandbox/notifications)."""
    try:
        return provider.get_token().value
    except TokenRequestError as exc:
        if exc.status is None:
            cause = type(exc.__cause__ or exc).__name__
            raise _TokenUnavailable(f"connection error: {cause} (token endpoint)") from None
        if _worth_retrying(exc.status):
            raise _TokenUnavailable(f"the token endpoint answered {exc.status}") from None
        raise _Refused(f"the token endpoint refused the request ({exc.status})") from None
    except OAuthError as exc:
        raise _Refused(f"the token endpoint refused the credentials ({exc.status})") from None
    except NitroboxError as exc:  # TokenResponseError, ResponseTooLargeError
        name = type(exc).__name__
        raise _Refused(f"the token endpoint's answer is not an OAuth2 token ({name})") from None


class Notifier:
    """Subscriptions, the delivery queue and its worker, counts and the delivery log."""

    def __init__(
        self,
        *,
        time_scale: float = DEFAULT_TIME_SCALE,
        queue_limit: int = QUEUE_LIMIT,
        log_size: int = LOG_SIZE,
        timeout: httpx.Timeout = DELIVERY_TIMEOUT,
    ) -> None:
        self.time_scale = positive_seconds(
            "the notification time scale", time_scale, error=SandboxConfigError
        )
        self.intervals = retry_intervals(self.time_scale)
        self._queue_limit = queue_limit
        self._timeout = timeout
        self._cond = threading.Condition()
        self._heap: list[_Delivery] = []
        self._subscriptions: dict[int, Subscription] = {}
        self._tokens: dict[int, TokenProvider] = {}
        self._ids = itertools.count(1)
        self._counts: Counter[str] = Counter()
        self._log: deque[dict[str, Any]] = deque(maxlen=log_size)
        self._in_flight = 0
        self._worker: threading.Thread | None = None
        self._stopping = False
        self._generation = 0  # bumped by reset: answers of older deliveries are not counted
        # When deliveries fall due; a test's ManualClock replaces it (see use_clock).
        self._clock: Callable[[], float] = time.monotonic

    # -- subscriptions ------------------------------------------------------------------------

    def subscribe(
        self,
        url: str,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        types: Iterable[str] | None = None,
        known_types: Iterable[str] = (),
    ) -> Subscription:
        for name, value in (("url", url), ("token_url", token_url)):
            if not isinstance(value, str) or not value.startswith(("http://", "https://")):
                raise SandboxConfigError(f"{name} must be an http(s) URL, got {value!r}")
            try:
                httpx.URL(value)
            except httpx.InvalidURL as exc:
                raise SandboxConfigError(f"{name} is not a valid URL: {exc}") from None
        for name, value in (("client_id", client_id), ("client_secret", client_secret)):
            if not isinstance(value, str) or not value:
                raise SandboxConfigError(f"{name} must be a non-empty string")
        chosen: frozenset[str] | None = None
        if types is not None:
            if isinstance(types, str):
                types = [types]
            chosen = frozenset(t.lower() for t in types if isinstance(t, str))
            known = {t.lower() for t in known_types}
            unknown = sorted(chosen - known) if known else []
            if unknown or not chosen:
                raise SandboxConfigError(
                    f"unknown notification types {unknown}; choose from {sorted(known_types)}"
                    if unknown
                    else "types must name at least one notification type (or be None for all)"
                )
        with self._cond:
            subscription = Subscription(
                next(self._ids), url, token_url, client_id, client_secret, chosen
            )
            self._subscriptions[subscription.id] = subscription
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        """Stop delivering to it; its queued deliveries are dropped (and counted)."""
        with self._cond:
            self._subscriptions.pop(subscription.id, None)
            self._tokens.pop(subscription.id, None)
            kept = [d for d in self._heap if d.subscription.id != subscription.id]
            self._counts["dropped"] += len(self._heap) - len(kept)
            self._heap = kept
            heapq.heapify(self._heap)

    @property
    def subscribed(self) -> bool:
        return bool(self._subscriptions)

    # -- publishing ---------------------------------------------------------------------------

    def publish(self, payload: Mapping[str, Any]) -> None:
        """Queue ``payload`` for every subscription that wants its type; never blocks."""
        notification_type = str(payload["notification_type"])
        body = json.dumps(payload, separators=(",", ":")).encode()
        with self._cond:
            for subscription in self._subscriptions.values():
                if not subscription.wants(notification_type):
                    continue
                if len(self._heap) >= self._queue_limit:
                    self._counts["dropped"] += 1
                    self._record(
                        next(self._ids), subscription, notification_type, body, 0, "dropped",
                        error=f"the delivery queue is full ({self._queue_limit} waiting)",
                    )  # fmt: skip
                    logger.warning("notification queue full: %s dropped", notification_type)
                    continue
                delivery = _Delivery(
                    self._clock(), next(self._ids), subscription, notification_type, body
                )
                heapq.heappush(self._heap, delivery)
                self._counts["published"] += 1
            self._ensure_worker()
            self._cond.notify_all()

    # -- reading ------------------------------------------------------------------------------

    def stats(self) -> dict[str, int]:
        """``sent``, ``failed`` (gave up), ``waiting_for_retry``, ``queued`` (first attempt
        pending), ``in_flight``, ``attempts``, ``dropped``, ``subscriptions``."""
        with self._cond:
            retrying = sum(1 for d in self._heap if d.attempts > 0)
            return {
                "subscriptions": len(self._subscriptions),
                "sent": self._counts["sent"],
                "failed": self._counts["failed"],
                "waiting_for_retry": retrying,
                "queued": len(self._heap) - retrying,
                "in_flight": self._in_flight,
                "attempts": self._counts["attempts"],
                "dropped": self._counts["dropped"],
            }

    def log(self) -> list[dict[str, Any]]:
        """The delivery log, oldest first: one entry per attempt (and per dropped event)."""
        with self._cond:
            return [dict(entry) for entry in self._log]

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Wait until nothing is queued, waiting for a retry or in flight; ``False`` if that
        did not happen within ``timeout`` seconds."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._heap or self._in_flight:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(remaining)
            return True

    # -- time -------------------------------------------------------------------------------

    def use_clock(self, clock: Callable[[], float], time_scale: float) -> None:
        """Let retries fall due on ``clock``, ``time_scale`` times Nitrobox's schedule
        (a test's manual clock uses 1.0: the documented 120 s, 480 s, ...). Waiting
        deliveries fall due at once on the new clock."""
        with self._cond:
            self._clock = clock
            self.time_scale = float(time_scale)
            self.intervals = retry_intervals(self.time_scale)
            now = clock()
            for delivery in self._heap:
                delivery.due = now
            heapq.heapify(self._heap)
            self._cond.notify_all()

    def wake(self) -> None:
        """The clock moved: look again at what is due."""
        with self._cond:
            self._cond.notify_all()

    # -- lifecycle ----------------------------------------------------------------------------

    def reset(self) -> None:
        """Drop queued deliveries, the log and the counts; subscriptions stay."""
        with self._cond:
            self._heap.clear()
            self._log.clear()
            self._counts.clear()
            self._generation += 1
            for provider in self._tokens.values():
                provider.invalidate()
            self._cond.notify_all()

    def stop(self, timeout: float = _STOP_TIMEOUT) -> None:
        """Stop the worker, waiting at most ``timeout`` seconds. An attempt still in flight
        then ends by its own HTTP timeout (5 s) and the worker exits after it. Queued
        deliveries stay and go out when something is published again."""
        with self._cond:
            worker, self._worker = self._worker, None
            self._stopping = True
            self._cond.notify_all()
        if worker is not None and worker is not threading.current_thread():
            worker.join(timeout)

    def resume(self) -> None:
        """Start the worker again after :meth:`stop` if deliveries are waiting."""
        with self._cond:
            if self._heap:
                self._ensure_worker()

    def _ensure_worker(self) -> None:
        if self._worker is None or not self._worker.is_alive():
            self._stopping = False
            self._worker = threading.Thread(
                target=self._run, name="nitrobox-sandbox-notifier", daemon=True
            )
            self._worker.start()

    # -- the worker ---------------------------------------------------------------------------

    def _run(self) -> None:
        me = threading.current_thread()
        with (
            httpx.Client(timeout=self._timeout, follow_redirects=False) as client,
            httpx.HTTPTransport() as token_transport,
        ):
            # The providers' clients wrap this transport (bounded in time and size); it
            # closes with the worker, so the providers are this worker's too.
            token_http = TokenHTTP(timeout=self._timeout, transport=token_transport)
            with self._cond:
                self._tokens.clear()
            while True:
                with self._cond:
                    delivery = self._next_due(me)
                    if delivery is None:
                        return
                    self._in_flight += 1
                    generation = self._generation
                    provider = self._provider(delivery.subscription, token_http)
                try:
                    status, error, retry = self._attempt(client, delivery, provider)
                except Exception as exc:  # a sandbox bug must not kill the worker silently
                    logger.exception("notification delivery crashed")
                    status, error, retry = None, f"sandbox error: {type(exc).__name__}", False
                with self._cond:
                    self._in_flight -= 1
                    if generation == self._generation:
                        self._settle(delivery, status, error, retry)
                    self._cond.notify_all()

    def _next_due(self, me: threading.Thread) -> _Delivery | None:
        while True:
            if self._stopping or self._worker is not me:
                return None
            if self._heap:
                wait = self._heap[0].due - self._clock()
                if wait <= 0:
                    return heapq.heappop(self._heap)
                self._cond.wait(min(wait, 1.0))
            else:
                self._cond.wait(1.0)

    def _provider(self, subscription: Subscription, http: TokenHTTP) -> TokenProvider | None:
        """The subscription's token provider (made on first use); ``None`` once it is
        unsubscribed. Called with ``_cond`` held."""
        if subscription.id not in self._subscriptions:
            return None
        provider = self._tokens.get(subscription.id)
        if provider is None:
            provider = self._tokens[subscription.id] = self._token_provider(subscription, http)
        return provider

    def _token_provider(self, subscription: Subscription, http: TokenHTTP) -> TokenProvider:
        return TokenProvider(
            token_url=subscription.token_url,
            client_id=subscription.client_id,
            client_secret=subscription.client_secret,
            # One request per attempt: the delivery schedule is what retries.
            retry=TokenRetryPolicy(max_attempts=1),
            # Renew a little before the subscriber's expiry, as a careful sender does.
            timing=TokenTiming(refresh_margin=5.0),
            http=http,
        )

    def _attempt(
        self, client: httpx.Client, delivery: _Delivery, provider: TokenProvider | None
    ) -> tuple[int | None, str | None, bool]:
        """One attempt: (status, error, retry?). A 401 gets one fresh token and one replay."""
        delivery.attempts += 1
        subscription = delivery.subscription
        if provider is None:  # unsubscribed while this delivery was taken
            return None, "unsubscribed", False
        try:
            for replay in (False, True):
                token = _token(provider)
                status, _ = _post(
                    client,
                    subscription.url,
                    content=delivery.body,
                    headers={
                        "Authorization": f"Bearer {token}",
                        "Content-Type": "application/json",
                    },
                )
                if status != 401 or replay:
                    break
                provider.invalidate(token)
        except _Refused as exc:
            return None, str(exc), False
        except _TokenUnavailable as exc:
            return None, str(exc), True
        except httpx.TimeoutException as exc:
            return None, f"timeout: {type(exc).__name__}", True
        except httpx.TransportError as exc:
            # The type only: httpx's text may quote the subscriber URL, credentials and all,
            # and this log is served at /_sandbox/notifications.
            return None, f"connection error: {type(exc).__name__}", True
        if 200 <= status < 300:
            return status, None, False
        retry = _worth_retrying(status)
        return status, f"the subscriber answered {status}", retry

    def _settle(
        self, delivery: _Delivery, status: int | None, error: str | None, retry: bool
    ) -> None:
        self._counts["attempts"] += 1
        if error is None:
            outcome, wait = "sent", None
            self._counts["sent"] += 1
        elif (
            retry
            and delivery.attempts < MAX_ATTEMPTS
            and delivery.subscription.id in self._subscriptions
        ):
            outcome, wait = "retry", self.intervals[delivery.attempts - 1]
            delivery.due = self._clock() + wait
            heapq.heappush(self._heap, delivery)
        else:
            outcome, wait = "failed", None
            self._counts["failed"] += 1
            logger.warning(
                "notification %s to %s failed after %d attempt(s): %s",
                delivery.notification_type, delivery.subscription.url, delivery.attempts, error,
            )  # fmt: skip
        self._record(
            delivery.id, delivery.subscription, delivery.notification_type, delivery.body,
            delivery.attempts, outcome, status=status, error=error, retry_in=wait,
        )  # fmt: skip

    def _record(
        self,
        delivery_id: int,
        subscription: Subscription,
        notification_type: str,
        body: bytes,
        attempt: int,
        outcome: str,
        *,
        status: int | None = None,
        error: str | None = None,
        retry_in: float | None = None,
    ) -> None:
        if error is not None:
            error = error.replace(subscription.client_secret, "***")
        self._log.append(
            {
                "delivery": delivery_id,
                "notification_type": notification_type,
                "url": subscription.url,
                "attempt": attempt,
                "outcome": outcome,
                "status": status,
                "error": error,
                "retry_in": retry_in,
                "at": dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds"),
                "payload": json.loads(body),
            }
        )


def _post(client: httpx.Client, url: str, **kwargs: Any) -> tuple[int, bytes]:
    """POST; the status and at most ``_ANSWER_LIMIT`` bytes of the answer."""
    with client.stream("POST", url, **kwargs) as response:
        content = bytearray()
        for chunk in response.iter_bytes():
            content += chunk[: _ANSWER_LIMIT - len(content)]
            if len(content) >= _ANSWER_LIMIT:
                break
        return response.status_code, bytes(content)
