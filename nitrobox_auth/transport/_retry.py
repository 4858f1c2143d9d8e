"""Retries with jittered exponential backoff that honour ``Retry-After``.

Two layers share one :class:`RetryPolicy`, whose methods hold every rule:

* :class:`RetryAuth` wraps the client's auth (``NitroboxAuth``) and retries on retryable
  *statuses*. It re-runs the wrapped auth flow for every attempt, so the
  ``Authorization`` header is computed afresh each time (a transport-level retry would
  resend the header of the first attempt).
* :class:`RetryTransport` wraps the transport and retries on *connection errors*, which
  httpx raises past the auth flow. Before resending it asks the :class:`RetryAuth` of the
  same request (found in ``request.extensions``) to authorize the request again, and it
  counts attempts in the same budget. It also writes the request/response log lines.

The sync and async paths differ only in how they sleep and read.
"""

from __future__ import annotations

import logging
import time
from collections.abc import AsyncGenerator, Generator
from typing import Final

import attrs
import httpx

from nitrobox_auth._http_package import AuthBase
from nitrobox_auth._http_rules import (
    RetrySchedule,
    can_replay,
    check_attempts,
    check_seconds,
    check_share,
)
from nitrobox_auth._logging import (
    http_logger,
    log_failure,
    log_request,
    log_response,
    log_retry,
)
from nitrobox_auth._retry_rules import (
    NOT_PROCESSED_STATUSES,
    NOT_SENT_ERRORS,
    RETRY_STATUSES,
    TRANSIENT_ERRORS,
)
from nitrobox_auth.transport._deadline import EXTENSION_KEY as DEADLINE_KEY
from nitrobox_auth.transport._deadline import allows_retry
from nitrobox_auth.transport._wrapping import WrappingTransport

_EXTENSION_KEY = "nitrobox_retry"

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@attrs.frozen(kw_only=True)
class RetryPolicy(RetrySchedule):
    """When to retry an API request and how long to wait first. All limits are options.

    The timing options are those of every retry policy here (:class:`RetrySchedule`):
    ``max_attempts`` (3: at most two retries), ``initial_delay`` (0.5 s) doubling up to
    ``max_delay`` (8 s), ``jitter`` (up to 25 % off each wait), ``max_retry_after`` (60 s:
    a longer ``Retry-After`` ends the retries and the response is returned), and the
    injectable ``sleep``, ``async_sleep``, ``random`` and ``wall_clock``. Which requests are
    retried is set by ``retry_statuses``, ``idempotent_methods`` and
    ``non_idempotent_statuses``.
    """

    max_attempts: int = attrs.field(default=3, validator=check_attempts)
    initial_delay: float = attrs.field(default=0.5, validator=check_seconds)
    max_delay: float = attrs.field(default=8.0, validator=check_seconds)
    jitter: float = attrs.field(default=0.25, validator=check_share)
    max_retry_after: float = attrs.field(default=60.0, validator=check_seconds)
    retry_statuses: frozenset[int] = RETRY_STATUSES
    idempotent_methods: frozenset[str] = IDEMPOTENT_METHODS
    non_idempotent_statuses: frozenset[int] = NOT_PROCESSED_STATUSES

    def should_retry(self, method: str, outcome: int | BaseException, attempt: int) -> bool:
        """Whether to retry after ``attempt`` attempts ended with a status or an exception."""
        if not self.attempts_left(attempt):
            return False
        idempotent = method.upper() in self.idempotent_methods
        if isinstance(outcome, BaseException):
            if isinstance(outcome, NOT_SENT_ERRORS):
                return True
            return idempotent and isinstance(outcome, TRANSIENT_ERRORS)
        if idempotent:
            return outcome in self.retry_statuses
        return outcome in self.non_idempotent_statuses

    def delay_after(self, attempt: int, response: httpx.Response | None) -> float | None:
        """:meth:`delay` for a response (its ``Retry-After``) or for an exception (``None``)."""
        retry_after = None if response is None else self.retry_after_of(response)
        return self.delay(attempt, retry_after)


class _Attempts:
    """Per-request state both layers share through ``request.extensions``."""

    __slots__ = ("auth", "number", "replayable")

    def __init__(self, auth: RetryAuth, replayable: bool) -> None:
        self.auth = auth
        self.replayable = replayable
        self.number = 1


def _state(request: httpx.Request) -> _Attempts | None:
    state = request.extensions.get(_EXTENSION_KEY)
    return state if isinstance(state, _Attempts) else None


class _NoAuth(AuthBase):
    """Sends the request as it is (the auth of a client that has none)."""


class RetryAuth(AuthBase):
    """An ``httpx.Auth`` (an ``httpx2.Auth`` too) that retries on retryable statuses around
    another auth.

    The wrapped auth (``NitroboxAuth``, or ``None`` for none) runs again from its start for
    every attempt, so every attempt carries the token that is current at that moment.
    """

    def __init__(self, auth: httpx.Auth | None, policy: RetryPolicy) -> None:
        self._auth = auth if auth is not None else _NoAuth()
        self.policy = policy

    def __repr__(self) -> str:
        return f"RetryAuth({self._auth!r}, {self.policy!r})"

    def reauthorize(self, request: httpx.Request) -> httpx.Request:
        """The request as the wrapped auth would send it now (fresh credentials)."""
        flow = self._auth.sync_auth_flow(request)
        try:
            return next(flow)
        finally:
            flow.close()

    async def areauthorize(self, request: httpx.Request) -> httpx.Request:
        """Async mirror of :meth:`reauthorize`."""
        flow = self._auth.async_auth_flow(request)
        try:
            return await flow.__anext__()
        finally:
            await flow.aclose()

    def _start(self, request: httpx.Request) -> _Attempts:
        state = _Attempts(self, can_replay(request))
        # Each send of a request gets its own total deadline: one left from an earlier send
        # is dropped.
        extensions = {**request.extensions, _EXTENSION_KEY: state}
        extensions.pop(DEADLINE_KEY, None)
        request.extensions = extensions
        return state

    def _retry_delay(self, state: _Attempts, response: httpx.Response) -> float | None:
        status = response.status_code
        policy = self.policy
        if status not in policy.retry_statuses and status not in policy.non_idempotent_statuses:
            return None  # the answer of (nearly) every call: no rule below can retry it
        request = response.request
        if not policy.should_retry(request.method, status, state.number):
            return None
        if not state.replayable:
            return None
        delay = self.policy.delay_after(state.number, response)
        if delay is None:
            # Retry-After beyond max_retry_after: the caller gets this answer (with its
            # retry_after) rather than an early retry the server already refused.
            return None
        if not allows_retry(request, delay):
            return None  # the call's total deadline leaves no time for another attempt
        state.number += 1
        log_retry(request, f"status {response.status_code}", delay, state.number)
        return delay

    # Typed with httpx's classes; httpx2 calls it with its own, which have the same API.
    def sync_auth_flow(  # type: ignore[override]
        self,
        request: httpx.Request,  # type: ignore[override]
    ) -> Generator[httpx.Request, httpx.Response, None]:
        state = self._start(request)
        while True:
            flow = self._auth.sync_auth_flow(request)
            try:
                outgoing = next(flow)
                while True:
                    response = yield outgoing
                    try:
                        outgoing = flow.send(response)
                    except StopIteration:
                        break
            finally:
                flow.close()
            delay = self._retry_delay(state, response)
            if delay is None:
                return
            # Read now so the connection goes back to the pool before we wait.
            response.read()
            self.policy.sleep(delay)

    async def async_auth_flow(  # type: ignore[override]
        self,
        request: httpx.Request,  # type: ignore[override]
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        state = self._start(request)
        while True:
            flow = self._auth.async_auth_flow(request)
            try:
                outgoing = await flow.__anext__()
                while True:
                    response = yield outgoing
                    try:
                        outgoing = await flow.asend(response)
                    except StopAsyncIteration:
                        break
            finally:
                await flow.aclose()
            delay = self._retry_delay(state, response)
            if delay is None:
                return
            await response.aread()
            await self.policy.async_sleep(delay)


class RetryTransport(WrappingTransport):
    """A transport wrapper that retries connection errors and logs every attempt.

    With ``policy=None`` it only logs. Give it a sync transport, an async one, or both.
    """

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        *,
        async_transport: httpx.AsyncBaseTransport | None = None,
        policy: RetryPolicy | None,
    ) -> None:
        super().__init__(transport, async_transport=async_transport)
        self.policy = policy

    def _repr_options(self) -> str:
        return f"policy={self.policy!r}"

    def _retry_delay(
        self, request: httpx.Request, error: Exception, attempt: int, replayable: bool
    ) -> float | None:
        policy = self.policy
        if (
            policy is None
            or not replayable
            or not policy.should_retry(request.method, error, attempt)
        ):
            return None
        delay = policy.delay_after(attempt, None)
        if delay is None:  # pragma: no cover - only a Retry-After can refuse a wait
            return None
        if not allows_retry(request, delay):
            return None  # the call's total deadline leaves no time for another attempt
        log_retry(request, type(error).__name__, delay, attempt + 1)
        return delay

    @staticmethod
    def _begin(request: httpx.Request) -> tuple[_Attempts | None, bool]:
        state = _state(request)
        return state, state.replayable if state is not None else can_replay(request)

    @staticmethod
    def _advance(state: _Attempts | None, attempt: int) -> int:
        if state is not None:
            state.number = attempt + 1
        return attempt + 1

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._sync_inner()
        state, replayable = self._begin(request)
        attempt = state.number if state is not None else 1
        # Asked once per call: with DEBUG off (the default) no line is built or timed.
        logs = http_logger.isEnabledFor(logging.DEBUG)
        while True:
            if logs:
                log_request(request, attempt)
            started = time.perf_counter() if logs else 0.0
            try:
                response = inner.handle_request(request)
            except Exception as error:
                if logs:
                    log_failure(request, error, time.perf_counter() - started, attempt)
                delay = self._retry_delay(request, error, attempt, replayable)
                if delay is None or self.policy is None:
                    raise
                self.policy.sleep(delay)
                attempt = self._advance(state, attempt)
                if state is not None:
                    request = state.auth.reauthorize(request)
                continue
            if logs:
                log_response(request, response.status_code, time.perf_counter() - started, attempt)
            return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._async_inner()
        state, replayable = self._begin(request)
        attempt = state.number if state is not None else 1
        # Asked once per call: with DEBUG off (the default) no line is built or timed.
        logs = http_logger.isEnabledFor(logging.DEBUG)
        while True:
            if logs:
                log_request(request, attempt)
            started = time.perf_counter() if logs else 0.0
            try:
                response = await inner.handle_async_request(request)
            except Exception as error:
                if logs:
                    log_failure(request, error, time.perf_counter() - started, attempt)
                delay = self._retry_delay(request, error, attempt, replayable)
                if delay is None or self.policy is None:
                    raise
                await self.policy.async_sleep(delay)
                attempt = self._advance(state, attempt)
                if state is not None:
                    request = await state.auth.areauthorize(request)
                continue
            if logs:
                log_response(request, response.status_code, time.perf_counter() - started, attempt)
            return response


DEFAULT_RETRY_POLICY: Final = RetryPolicy()


def install_retries(
    auth: httpx.Auth | None,
    transport: httpx.BaseTransport,
    async_transport: httpx.AsyncBaseTransport,
    policy: RetryPolicy | None,
) -> tuple[httpx.Auth | None, RetryTransport, RetryTransport]:
    """Wrap a client's auth and transports: ``(auth, transport, async_transport)``.

    ``policy=None`` disables retries but keeps the request/response log lines.
    """
    wrapped_auth = auth if policy is None else RetryAuth(auth, policy)
    return (
        wrapped_auth,
        RetryTransport(transport, policy=policy),
        RetryTransport(async_transport=async_transport, policy=policy),
    )
