"""The token provider: fetches a Nitrobox access token once per lifetime and shares it.

The rules live in :mod:`nitrobox_auth._token_rules`; the exchange below is written once as
a generator of steps (send this request, sleep this long) that a sync and an async driver
run. Only the locks and the I/O lines differ between the two paths.
"""

from __future__ import annotations

import logging
import random
import ssl
import threading
import time
from collections.abc import Awaitable, Callable, Generator
from typing import Any, Final

import anyio
import anyio.lowlevel
import anyio.to_thread
import attrs
import httpx

from nitrobox_auth import _deadline, _size_limit
from nitrobox_auth._bounded_transport import BoundedTransport
from nitrobox_auth._deadline import DEFAULT_TOKEN_DEADLINE, Deadline
from nitrobox_auth._errors import (
    APITimeoutError,
    NitroboxAuthError,
    SettingsError,
    TokenRequestError,
)
from nitrobox_auth._redact import mask_secret, scrub
from nitrobox_auth._settings import NitroboxSettings
from nitrobox_auth._token_rules import (
    DEFAULT_EXPIRES_IN,
    DEFAULT_REFRESH_MARGIN,
    MIN_EXPIRES_IN,
    AccessToken,
    RetryableFailure,
    TokenRetryPolicy,
    basic_authorization,
    build_token_request,
    failure_from_exception,
    interpret_token_response,
)
from nitrobox_auth._transports import environment_proxy

logger = logging.getLogger("nitrobox.auth")

# The token endpoint is small and fast; a long wait there only holds every caller up.
DEFAULT_TOKEN_TIMEOUT: Final = httpx.Timeout(10.0, connect=5.0)


@attrs.frozen
class _Send:
    request: httpx.Request


@attrs.frozen
class _Sleep:
    seconds: float


_Step = _Send | _Sleep
_Outcome = httpx.Response | httpx.RequestError | APITimeoutError | None
_Exchange = Generator[_Step, _Outcome, AccessToken]


class TokenProvider:
    """Gets, caches and shares the access token of one API client (thread- and task-safe).

    ``get_token()`` and ``await aget_token()`` hand out the cached token while more than
    the refresh margin of its life is left, and otherwise fetch a new one: once, however
    many threads (or tasks) ask at the same time. Sync and async callers share the token.

    Every option is keyword-only and has a default:

    - ``refresh_margin``: seconds before expiry at which a token is replaced (default 30,
      capped at half the token's lifetime);
    - ``default_expires_in``: lifetime assumed when the answer has no ``expires_in``
      (default 60);
    - ``retry``: a :class:`TokenRetryPolicy` (default: 4 attempts, 0.5 s doubling to 8 s);
    - ``timeout``: for the token request (default 10 s, 5 s to connect);
    - ``deadline``: seconds for a whole token fetch, every attempt, backoff and the whole
      answer included (default 20 s); past it ``get_token()`` raises
      :class:`TokenRequestError`. Answers over 64 KiB (after decompression) are refused
      with ``ResponseTooLargeError``. Both hold for the transports the provider builds or
      wraps; an ``http_client`` passed in is used as it is;
    - ``http_client`` / ``async_http_client``: clients to send token requests with (never
      closed by the provider), or ``transport`` / ``async_transport`` to wrap;
    - ``clock``, ``sleep``, ``async_sleep``, ``wall_clock``, ``rng``: injectable time and
      randomness, for tests.
    """

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        refresh_margin: float = DEFAULT_REFRESH_MARGIN,
        default_expires_in: float = DEFAULT_EXPIRES_IN,
        retry: TokenRetryPolicy | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TOKEN_TIMEOUT,
        deadline: float = DEFAULT_TOKEN_DEADLINE,
        http_client: httpx.Client | None = None,
        async_http_client: httpx.AsyncClient | None = None,
        transport: httpx.BaseTransport | None = None,
        async_transport: httpx.AsyncBaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        async_sleep: Callable[[float], Awaitable[None]] = anyio.sleep,
        wall_clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        _check_options(
            token_url=token_url,
            client_id=client_id,
            client_secret=client_secret,
            refresh_margin=refresh_margin,
            default_expires_in=default_expires_in,
            clients=(http_client, transport, async_http_client, async_transport),
        )
        self._token_url = token_url
        self._client_id = client_id
        self._client_secret = client_secret
        self._refresh_margin = float(refresh_margin)
        self._default_expires_in = float(default_expires_in)
        self._retry = retry or TokenRetryPolicy()
        self._timeout = timeout
        self._deadline = _deadline.check_deadline_seconds("deadline", deadline)
        self._clock = clock
        self._sleep = sleep
        self._async_sleep = async_sleep
        self._wall_clock = wall_clock
        self._rng = rng or random.Random()
        # Anything that could echo a credential back is scrubbed of these.
        self._secrets = (
            client_secret,
            basic_authorization(client_id, client_secret).removeprefix("Basic "),
        )

        self._http_client = http_client
        # Only a client built on a transport of our own is ours to close: a transport passed
        # in may be shared (create_client hands the same one to the API client).
        self._owns_http_client = http_client is None and transport is None
        self._transport = transport
        self._async_http_client = async_http_client
        if async_http_client is None and async_transport is not None:
            # Wrapped once and never closed here: the transport is the caller's to close.
            self._async_http_client = httpx.AsyncClient(
                transport=_bounded_async(async_transport), timeout=timeout
            )

        self._ssl_context: ssl.SSLContext | None = None
        self._token: AccessToken | None = None
        # Guards only reads-then-writes of the shared state, never held across I/O, so the
        # event loop may take it.
        self._state_lock = threading.Lock()
        # Single flight for threads: held while one thread fetches.
        self._sync_lock = threading.Lock()
        # Single flight for tasks: one anyio lock per event loop (asyncio or trio).
        self._async_lock_var: anyio.lowlevel.RunVar[anyio.Lock] = anyio.lowlevel.RunVar(
            f"nitrobox_token_lock_{id(self)}"
        )
        # Bumped after every finished fetch; lets waiters see that the fetch they waited
        # for failed, so they share its error instead of each trying again.
        self._generation = 0
        self._last_failure: NitroboxAuthError | None = None

    @classmethod
    def from_settings(cls, settings: NitroboxSettings, **options: Any) -> TokenProvider:
        """A provider for the tenant, credentials and environment in ``settings``."""
        return cls(
            token_url=settings.token_url,
            client_id=settings.client_id,
            client_secret=settings.client_secret,
            **options,
        )

    @property
    def token_url(self) -> str:
        """The token endpoint this provider asks."""
        return self._token_url

    @property
    def refresh_margin(self) -> float:
        """The configured refresh margin in seconds (before the half-lifetime cap)."""
        return self._refresh_margin

    def __repr__(self) -> str:
        return (
            f"TokenProvider(token_url={self._token_url!r}, client_id={self._client_id!r}, "
            f"client_secret={mask_secret(self._client_secret)}, "
            f"refresh_margin={self._refresh_margin})"
        )

    # -- the shared state ---------------------------------------------------------------

    def _usable(self, now: float) -> AccessToken | None:
        """The cached token if it may still be handed out at ``now``."""
        token = self._token
        if token is None or token.needs_refresh(now):
            return None
        return token

    def _replacement(self, token: AccessToken) -> AccessToken | None:
        """The token that already replaced ``token`` while we reached for the lock."""
        current = self._token
        return current if current is not None and current is not token else None

    def _renewed(self, token: AccessToken, exchange: Callable[[], AccessToken]) -> AccessToken:
        """Fetch the successor of a token that is still usable (the caller holds the lock).

        If the fetch fails the current token is returned while it may still be used: the
        other callers never waited for this fetch, and the next one tries again.
        """
        try:
            return self._finish(exchange)
        except NitroboxAuthError as exc:
            if token.needs_refresh(self._clock()):
                raise
            logger.warning(
                "renewing the access token early failed; still using the current one: %s", exc
            )
            return token

    def _check_failed_since(self, generation: int) -> None:
        """Raise the error of a fetch that finished while we waited for the lock."""
        failure = self._last_failure
        if self._generation != generation and failure is not None:
            raise failure

    def _finish(self, exchange: Callable[[], AccessToken]) -> AccessToken:
        try:
            token = exchange()
        except NitroboxAuthError as exc:
            with self._state_lock:
                self._generation += 1
                self._last_failure = exc
            raise
        with self._state_lock:
            self._generation += 1
            self._last_failure = None
            self._token = token
        return token

    def invalidate(self, token: AccessToken | None = None) -> bool:
        """Drop the cached token if it is ``token`` (the one a 401 came back for).

        A token that was already replaced is left alone, so many requests failing with the
        same token cause one new fetch. Without an argument the cached token is dropped.
        Returns whether a token was dropped.
        """
        with self._state_lock:
            current = self._token
            if current is None or (token is not None and current.value != token.value):
                return False
            self._token = None
        logger.info("access token dropped; the next request fetches a new one")
        return True

    # -- sync ---------------------------------------------------------------------------

    def get_token(self) -> AccessToken:
        """The current token, fetched first if there is none or too little of it is left."""
        now = self._clock()
        token = self._usable(now)
        if token is not None:
            if token.should_renew(now) and self._sync_lock.acquire(blocking=False):
                try:
                    replacement = self._replacement(token)
                    if replacement is not None:
                        return replacement
                    return self._renewed(token, lambda: self._run_sync(self._exchange()))
                finally:
                    self._sync_lock.release()
            return token
        generation = self._generation
        with self._sync_lock:
            token = self._usable(self._clock())
            if token is not None:
                return token
            self._check_failed_since(generation)
            return self._finish(lambda: self._run_sync(self._exchange()))

    def _run_sync(self, exchange: _Exchange) -> AccessToken:
        step = next(exchange)
        while True:
            outcome: _Outcome = None
            if isinstance(step, _Send):
                try:
                    outcome = self._sync_client().send(step.request, auth=None)
                except (httpx.RequestError, APITimeoutError) as exc:
                    outcome = exc
            else:
                self._sleep(step.seconds)
            try:
                step = exchange.send(outcome)
            except StopIteration as done:
                token: AccessToken = done.value
                return token

    def _sync_client(self) -> httpx.Client:
        # Only called under _sync_lock. Not under _state_lock: building a client loads the
        # TLS context, and the event loop must never wait for that.
        if self._http_client is None:
            # Every token exchange is bounded in time and size (each request carries its
            # deadline and limit); a transport of our own also gets socket-level deadlines.
            transport = self._transport or httpx.HTTPTransport(
                proxy=environment_proxy(self._token_url, trust_env=True)
            )
            self._http_client = httpx.Client(transport=_bounded(transport), timeout=self._timeout)
        return self._http_client

    def close(self) -> None:
        """Close the HTTP client the provider made for itself; clients and transports that
        were passed in stay open."""
        if self._owns_http_client and self._http_client is not None:
            self._http_client.close()
            self._http_client = None

    def __enter__(self) -> TokenProvider:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- async --------------------------------------------------------------------------

    async def aget_token(self) -> AccessToken:
        """The current token, fetched first if needed; never blocks the event loop."""
        now = self._clock()
        token = self._usable(now)
        if token is not None:
            if token.should_renew(now):
                lock = self._async_lock()
                try:
                    lock.acquire_nowait()
                except anyio.WouldBlock:
                    return token
                try:
                    replacement = self._replacement(token)
                    if replacement is not None:
                        return replacement
                    result = await self._run_async_guarded(self._exchange())
                    return self._renewed(token, result.unwrap)
                finally:
                    lock.release()
            return token
        generation = self._generation
        async with self._async_lock():
            token = self._usable(self._clock())
            if token is not None:
                return token
            self._check_failed_since(generation)
            result = await self._run_async_guarded(self._exchange())
            return self._finish(result.unwrap)

    def _async_lock(self) -> anyio.Lock:
        lock = self._async_lock_var.get(None)
        if lock is None:
            lock = anyio.Lock()
            self._async_lock_var.set(lock)
        return lock

    async def _run_async_guarded(self, exchange: _Exchange) -> _Result:
        try:
            return _Result(token=await self._run_async(exchange))
        except NitroboxAuthError as exc:
            return _Result(error=exc)

    async def _run_async(self, exchange: _Exchange) -> AccessToken:
        if self._async_http_client is not None:
            return await self._drive_async(exchange, self._async_http_client)
        if self._ssl_context is None:
            # Loading the CA bundle takes tens of milliseconds: off the event loop, once.
            self._ssl_context = await anyio.to_thread.run_sync(httpx.create_ssl_context)
        # A client per fetch (one every few minutes) never outlives the event loop that
        # made it, so one provider serves asyncio.run() after asyncio.run(), and trio.
        transport = _bounded_async(
            httpx.AsyncHTTPTransport(
                verify=self._ssl_context,
                proxy=environment_proxy(self._token_url, trust_env=True),
            )
        )
        async with httpx.AsyncClient(timeout=self._timeout, transport=transport) as client:
            return await self._drive_async(exchange, client)

    async def _drive_async(self, exchange: _Exchange, client: httpx.AsyncClient) -> AccessToken:
        step = next(exchange)
        while True:
            outcome: _Outcome = None
            if isinstance(step, _Send):
                try:
                    outcome = await client.send(step.request, auth=None)
                except (httpx.RequestError, APITimeoutError) as exc:
                    outcome = exc
            else:
                await self._async_sleep(step.seconds)
            try:
                step = exchange.send(outcome)
            except StopIteration as done:
                token: AccessToken = done.value
                return token

    # -- the exchange, shared by both paths -----------------------------------------------

    def _exchange(self) -> _Exchange:
        """Steps of one token exchange with retries; returns the token or raises."""
        attempt = 0
        deadline = Deadline.after(self._deadline)
        while True:
            attempt += 1
            request = build_token_request(
                token_url=self._token_url,
                client_id=self._client_id,
                client_secret=self._client_secret,
            )
            # One deadline for the whole fetch, and a token answer is small.
            request.extensions = {
                **request.extensions,
                _deadline.EXTENSION_KEY: deadline,
                _size_limit.EXTENSION_KEY: _size_limit.MAX_TOKEN_ANSWER_BYTES,
            }
            logger.debug(
                "requesting an access token from %s (attempt %d)", self._token_url, attempt
            )
            issued_at = self._clock()
            outcome = yield _Send(request)
            if isinstance(outcome, httpx.Response):
                result = interpret_token_response(
                    outcome,
                    issued_at=issued_at,
                    refresh_margin=self._refresh_margin,
                    default_expires_in=self._default_expires_in,
                    attempt=attempt,
                    now=self._wall_clock(),
                    secrets=self._secrets,
                )
            elif isinstance(outcome, APITimeoutError):
                raise self._gave_up(
                    f"POST {self._token_url} got no complete answer within the "
                    f"{self._deadline:g} s deadline of a token fetch",
                    attempt,
                    None,
                )
            elif isinstance(outcome, httpx.RequestError):
                retryable = failure_from_exception(outcome)
                if retryable is None:
                    raise self._gave_up(f"{type(outcome).__name__}: {outcome}", attempt, None)
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
            delay = self._retry.delay(attempt, result.retry_after, self._rng)
            if delay is None:
                raise self._gave_up(result.reason, attempt, result)
            if not deadline.allows_wait(delay):
                raise self._gave_up(
                    f"{result.reason}; no time left for another attempt within the "
                    f"{self._deadline:g} s deadline of a token fetch",
                    attempt,
                    result,
                )
            logger.warning(
                "token request failed (%s); retrying in %.2f s (attempt %d of %d)",
                scrub(result.reason, self._secrets),
                delay,
                attempt,
                self._retry.max_attempts,
            )
            yield _Sleep(delay)

    def _gave_up(
        self, reason: str, attempt: int, failure: RetryableFailure | None
    ) -> TokenRequestError:
        why = scrub(reason, self._secrets)
        waited = failure.retry_after if failure is not None else None
        if waited is not None and waited > self._retry.max_retry_after:
            why += f"; the server asked to wait {waited:.0f} s"
        message = (
            f"could not get an access token from {self._token_url} after {attempt} "
            f"attempt(s): {why}"
        )
        logger.error("%s", message)
        return TokenRequestError(
            message, attempts=attempt, status=failure.status if failure else None
        )


@attrs.frozen(kw_only=True)
class _Result:
    """A finished async exchange, so the shared bookkeeping in ``_finish`` runs sync."""

    token: AccessToken | None = None
    error: NitroboxAuthError | None = None

    def unwrap(self) -> AccessToken:
        if self.error is not None:
            raise self.error
        assert self.token is not None
        return self.token


def _check_options(
    *,
    token_url: str,
    client_id: str,
    client_secret: str,
    refresh_margin: float,
    default_expires_in: float,
    clients: tuple[object, object, object, object],
) -> None:
    problems: list[str] = []
    try:
        url = httpx.URL(token_url)
        if url.userinfo:
            # It would be logged with every token request; credentials go in client_secret.
            problems.append("token_url must not contain credentials")
        elif url.scheme not in ("http", "https") or not url.host:
            problems.append(f"token_url {token_url!r} must be an absolute http(s) URL")
    except (TypeError, httpx.InvalidURL):
        problems.append(f"token_url {token_url!r} is not a valid URL")
    for name, value in (("client_id", client_id), ("client_secret", client_secret)):
        if not isinstance(value, str) or not value:
            problems.append(f"{name} must be a non-empty string")
    if not refresh_margin >= 0:
        problems.append(f"refresh_margin must be >= 0 seconds, not {refresh_margin!r}")
    if not (isinstance(default_expires_in, int | float) and default_expires_in >= MIN_EXPIRES_IN):
        problems.append(
            f"default_expires_in must be >= {MIN_EXPIRES_IN:g} s, not {default_expires_in!r}"
        )
    http_client, transport, async_http_client, async_transport = clients
    if http_client is not None and transport is not None:
        problems.append("give http_client or transport, not both")
    if async_http_client is not None and async_transport is not None:
        problems.append("give async_http_client or async_transport, not both")
    if problems:
        raise SettingsError("invalid TokenProvider options: " + "; ".join(problems))


def _bounded(transport: httpx.BaseTransport) -> httpx.BaseTransport:
    if isinstance(transport, BoundedTransport):
        return transport
    return BoundedTransport(transport, deadline=DEFAULT_TOKEN_DEADLINE)


def _bounded_async(transport: httpx.AsyncBaseTransport) -> httpx.AsyncBaseTransport:
    if isinstance(transport, BoundedTransport):
        return transport
    return BoundedTransport(async_transport=transport, deadline=DEFAULT_TOKEN_DEADLINE)
