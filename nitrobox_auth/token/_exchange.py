"""One token exchange with its retries, written once for the sync and the async path.

:func:`exchange` is a generator of steps ("send this request", "sleep this long") around
the pure rules of :mod:`nitrobox_auth.token._rules`; :class:`TokenClients` runs it with an
``httpx.Client`` or an ``httpx.AsyncClient`` (or httpx2's: :attr:`TokenHTTP.package`). Only the
I/O lines differ between the two.
"""

from __future__ import annotations

import logging
import ssl
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Final, cast

import anyio.to_thread
import attrs
import httpx

from nitrobox_auth._errors import APITimeoutError, SettingsError, TokenRequestError
from nitrobox_auth._http_package import (
    HTTPX,
    REQUEST_ERRORS,
    RESPONSES,
    TLS_HANDSHAKE_ESCAPES,
    HTTPPackage,
    HTTPPackageChoice,
    decide,
)
from nitrobox_auth._redact import scrub
from nitrobox_auth.token._rules import (
    AccessToken,
    RetryableFailure,
    TokenRetryPolicy,
    TokenTiming,
    build_token_request,
    failure_from_exception,
    interpret_token_response,
)
from nitrobox_auth.transport import _deadline, _size_limit
from nitrobox_auth.transport._bounded import BoundedTransport
from nitrobox_auth.transport._deadline import DEFAULT_TOKEN_DEADLINE, Deadline
from nitrobox_auth.transport._wrapping import environment_proxy

if TYPE_CHECKING:
    import httpx2

logger = logging.getLogger("nitrobox.auth")

# What a token fetch catches from a send: no answer (either package, or a TLS error httpx2
# let escape), or the deadline of the fetch.
_NO_ANSWER: Final[tuple[type[Exception], ...]] = (
    *REQUEST_ERRORS,
    *TLS_HANDSHAKE_ESCAPES,
    APITimeoutError,
)

# The token endpoint is small and fast; a long wait there only holds every caller up.
DEFAULT_TOKEN_TIMEOUT: Final = httpx.Timeout(10.0, connect=5.0)


def _fetch_deadline(value: float) -> float:
    return _deadline.check_deadline_seconds("TokenHTTP.deadline", value)


@attrs.frozen(kw_only=True)
class TokenHTTP:
    """How token requests are sent: the ``timeout`` (default 10 s, 5 s to connect), the
    ``deadline`` of a whole token fetch (default 20 s: every attempt, backoff and the whole
    answer; past it ``get_token()`` raises :class:`TokenRequestError`), and either clients
    of your own (``client`` / ``async_client``, never closed by the provider, used as they
    are) or transports to wrap (``transport`` / ``async_transport``, never closed either).
    Answers over 64 KiB (after decompression) are refused with ``ResponseTooLargeError``.

    The clients, transports and timeout may be httpx's or httpx2's (not both); token
    requests then go out on that package. ``http_package="httpx2"`` chooses it when you pass
    none of them; the default is httpx."""

    timeout: httpx.Timeout | httpx2.Timeout | float = DEFAULT_TOKEN_TIMEOUT
    deadline: float = attrs.field(default=DEFAULT_TOKEN_DEADLINE, converter=_fetch_deadline)
    client: httpx.Client | httpx2.Client | None = attrs.field(default=None, eq=False)
    async_client: httpx.AsyncClient | httpx2.AsyncClient | None = attrs.field(
        default=None, eq=False
    )
    transport: httpx.BaseTransport | httpx2.BaseTransport | None = attrs.field(
        default=None, eq=False
    )
    async_transport: httpx.AsyncBaseTransport | httpx2.AsyncBaseTransport | None = attrs.field(
        default=None, eq=False
    )
    http_package: HTTPPackageChoice | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.client is not None and self.transport is not None:
            raise SettingsError("TokenHTTP: give client or transport, not both")
        if self.async_client is not None and self.async_transport is not None:
            raise SettingsError("TokenHTTP: give async_client or async_transport, not both")
        self.decided_package  # noqa: B018 - refuses a mix of packages now, not at the first fetch

    @property
    def decided_package(self) -> HTTPPackage | None:
        """The HTTP package what was passed decides, ``None`` when nothing does."""
        return decide(
            self.http_package,
            client=self.client,
            async_client=self.async_client,
            transport=self.transport,
            async_transport=self.async_transport,
            # The default (an httpx object) decides nothing: it is copied for httpx2.
            timeout=None if self.timeout is DEFAULT_TOKEN_TIMEOUT else self.timeout,
        )

    @property
    def package(self) -> HTTPPackage:
        """The HTTP package token requests go out on (httpx unless something says httpx2)."""
        return self.decided_package or HTTPX


@attrs.frozen
class _Send:
    request: httpx.Request


@attrs.frozen
class _Sleep:
    seconds: float


_Step = _Send | _Sleep
_Outcome = httpx.Response | Exception | None
Exchange = Generator[_Step, _Outcome, AccessToken]


@attrs.frozen(kw_only=True)
class Credentials:
    """Who asks for tokens, and the strings no message may ever show."""

    token_url: str
    client_id: str
    client_secret: str = attrs.field(repr=False)
    secrets: tuple[str, ...] = attrs.field(repr=False)


def exchange(
    credentials: Credentials,
    *,
    timing: TokenTiming,
    retry: TokenRetryPolicy,
    monotonic_clock: Callable[[], float],
    deadline_seconds: float = DEFAULT_TOKEN_DEADLINE,
    package: HTTPPackage = HTTPX,
) -> Exchange:
    """Steps of one token exchange with retries; returns the token or raises.

    ``package`` builds the requests: the one the driving client belongs to."""
    attempt = 0
    deadline = Deadline.after(deadline_seconds)
    while True:
        attempt += 1
        request = build_token_request(
            token_url=credentials.token_url,
            client_id=credentials.client_id,
            client_secret=credentials.client_secret,
            package=package,
        )
        # One deadline for the whole fetch, and a token answer is small.
        request.extensions = {
            **request.extensions,
            _deadline.EXTENSION_KEY: deadline,
            _size_limit.EXTENSION_KEY: _size_limit.MAX_TOKEN_ANSWER_BYTES,
        }
        logger.debug(
            "requesting an access token from %s (attempt %d)", credentials.token_url, attempt
        )
        issued_at = monotonic_clock()
        outcome = yield _Send(request)
        if isinstance(outcome, RESPONSES):
            result = interpret_token_response(
                outcome,
                issued_at=issued_at,
                refresh_margin=timing.refresh_margin,
                default_expires_in=timing.default_expires_in,
                attempt=attempt,
                now=retry.wall_clock(),
                secrets=credentials.secrets,
            )
        elif isinstance(outcome, APITimeoutError):
            reason = (
                f"POST {credentials.token_url} got no complete answer within the "
                f"{deadline_seconds:g} s deadline of a token fetch"
            )
            raise _gave_up(credentials, retry, reason, attempt, None)
        elif isinstance(outcome, Exception):
            retryable = failure_from_exception(outcome)
            if retryable is None:
                reason = f"{type(outcome).__name__}: {outcome}"
                raise _gave_up(credentials, retry, reason, attempt, None)
            result = retryable
        else:  # pragma: no cover - the drivers only send responses and errors
            raise TypeError(f"unexpected outcome {outcome!r}")
        if isinstance(result, AccessToken):
            logger.debug(
                "access token obtained: expires in %.0f s, refreshed after %.0f s",
                result.expires_in,
                result.expires_in - result.refresh_margin,
            )
            return result
        delay = retry.delay(attempt, result.retry_after) if retry.attempts_left(attempt) else None
        if delay is None:
            raise _gave_up(credentials, retry, result.reason, attempt, result)
        if not deadline.allows_wait(delay):
            reason = (
                f"{result.reason}; no time left for another attempt within the "
                f"{deadline_seconds:g} s deadline of a token fetch"
            )
            raise _gave_up(credentials, retry, reason, attempt, result)
        logger.warning(
            "token request failed (%s); retrying in %.2f s (attempt %d of %d)",
            scrub(result.reason, credentials.secrets),
            delay,
            attempt,
            retry.max_attempts,
        )
        yield _Sleep(delay)


def _gave_up(
    credentials: Credentials,
    retry: TokenRetryPolicy,
    reason: str,
    attempt: int,
    failure: RetryableFailure | None,
) -> TokenRequestError:
    why = scrub(reason, credentials.secrets)
    waited = failure.retry_after if failure is not None else None
    if waited is not None and waited > retry.max_retry_after:
        why += (
            f"; the server asked to wait {waited:.0f} s, more than max_retry_after "
            f"({retry.max_retry_after:.0f} s)"
        )
    message = (
        f"could not get an access token from {credentials.token_url} after {attempt} "
        f"attempt(s): {why}"
    )
    logger.error("%s", message)
    return TokenRequestError(message, attempts=attempt, status=failure.status if failure else None)


class TokenClients:
    """The HTTP clients token requests go through, and the two drivers of :func:`exchange`."""

    def __init__(self, http: TokenHTTP, retry: TokenRetryPolicy, token_url: str) -> None:
        self._http = http
        self.package = package = http.package
        # Read from the environment once: the async path builds a transport per fetch.
        self._proxy = environment_proxy(token_url, trust_env=True)
        self._retry = retry
        # Typed as httpx's from here on: httpx2 has the same API for all that is used here.
        self._client = cast("httpx.Client | None", http.client)
        # Only a client built on a transport of our own is ours to close: a transport passed
        # in may be shared (create_client hands the same one to the API client).
        self._owns_client = http.client is None and http.transport is None
        self._async_client = cast("httpx.AsyncClient | None", http.async_client)
        if self._async_client is None and http.async_transport is not None:
            # Wrapped once and never closed here: the transport is the caller's to close.
            self._async_client = package.AsyncClient(
                transport=_bounded_async(http.async_transport, http.deadline),
                timeout=self._timeout(),
            )
        self._ssl_context: ssl.SSLContext | None = None

    def _timeout(self) -> httpx.Timeout:
        return self.package.timeout(self._http.timeout, default=DEFAULT_TOKEN_TIMEOUT)

    def run_sync(self, steps: Exchange) -> AccessToken:
        step = next(steps)
        while True:
            outcome: _Outcome = None
            if isinstance(step, _Send):
                try:
                    outcome = self._sync_client().send(step.request, auth=None)
                except _NO_ANSWER as exc:
                    outcome = exc
            else:
                self._retry.sleep(step.seconds)
            try:
                step = steps.send(outcome)
            except StopIteration as done:
                token: AccessToken = done.value
                return token

    def _sync_client(self) -> httpx.Client:
        # Only the fetch's leader calls this. Building a client loads the TLS context: never
        # under a lock the event loop may take.
        if self._client is None:
            # Every token exchange is bounded in time and size (each request carries its
            # deadline and limit); a transport of our own also gets socket-level deadlines.
            transport = self._http.transport or self.package.HTTPTransport(proxy=self._proxy)
            self._client = self.package.Client(
                transport=_bounded(transport, self._http.deadline), timeout=self._timeout()
            )
        return self._client

    async def run_async(self, steps: Exchange) -> AccessToken:
        if self._async_client is not None:
            return await self._drive_async(steps, self._async_client)
        if self._ssl_context is None:
            # Loading the CA bundle takes tens of milliseconds: off the event loop, once.
            self._ssl_context = await anyio.to_thread.run_sync(self.package.create_ssl_context)
        # A client per fetch (one every few minutes) never outlives the event loop that
        # made it, so one provider serves asyncio.run() after asyncio.run(), and trio.
        transport = _bounded_async(
            self.package.AsyncHTTPTransport(
                verify=self._ssl_context,
                proxy=self._proxy,
            ),
            self._http.deadline,
        )
        async with self.package.AsyncClient(timeout=self._timeout(), transport=transport) as c:
            return await self._drive_async(steps, c)

    async def _drive_async(self, steps: Exchange, client: httpx.AsyncClient) -> AccessToken:
        step = next(steps)
        while True:
            outcome: _Outcome = None
            if isinstance(step, _Send):
                try:
                    outcome = await client.send(step.request, auth=None)
                except _NO_ANSWER as exc:
                    outcome = exc
            else:
                await self._retry.async_sleep(step.seconds)
            try:
                step = steps.send(outcome)
            except StopIteration as done:
                token: AccessToken = done.value
                return token

    def close(self) -> None:
        """Close the sync client made here; clients and transports passed in stay open."""
        if self._owns_client and self._client is not None:
            self._client.close()
            self._client = None


def _bounded(
    transport: httpx.BaseTransport | httpx2.BaseTransport, deadline: float
) -> httpx.BaseTransport:
    if isinstance(transport, BoundedTransport):
        return transport
    return BoundedTransport(cast("httpx.BaseTransport", transport), deadline=deadline)


def _bounded_async(
    transport: httpx.AsyncBaseTransport | httpx2.AsyncBaseTransport, deadline: float
) -> httpx.AsyncBaseTransport:
    if isinstance(transport, BoundedTransport):
        return transport
    return BoundedTransport(
        async_transport=cast("httpx.AsyncBaseTransport", transport), deadline=deadline
    )
