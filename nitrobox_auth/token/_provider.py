"""The token provider: fetches a Nitrobox access token once per refresh window and shares it.

How it is put together (each part small, each in its own module):

- :mod:`._rules`: the pure rules (request, answer, thresholds, retry waits) and the
  option groups :class:`TokenTiming` and :class:`TokenRetryPolicy`;
- :mod:`._exchange`: one exchange with retries, as steps a sync and an async driver
  run (:class:`TokenHTTP` says which clients send it);
- :mod:`._single_flight`: one fetch at a time among all threads *and* tasks;
- :mod:`._shared_token`: an optional shared :class:`TokenCache` (other processes, other
  machines), touched only to fetch or renew, and never able to fail a call.

Here: the hot path (a token in memory is handed out with two comparisons), and the sync and
async mirrors of "lead the fetch, or wait for the leader".
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Final, TypedDict, Unpack

import anyio
import anyio.lowlevel
import anyio.to_thread
import httpx

from nitrobox_auth._errors import NitroboxAuthError, SettingsError, TokenWaitTimeoutError
from nitrobox_auth._http_package import HTTPPackage
from nitrobox_auth._redact import mask_secret
from nitrobox_auth._settings import NitroboxSettings
from nitrobox_auth.token._cache import TokenCache, cache_key
from nitrobox_auth.token._exchange import (
    DEFAULT_TOKEN_TIMEOUT,
    Credentials,
    Exchange,
    TokenClients,
    TokenHTTP,
    exchange,
)
from nitrobox_auth.token._rules import (
    AccessToken,
    TokenRetryPolicy,
    TokenTiming,
    basic_authorization,
)
from nitrobox_auth.token._shared import SharedToken
from nitrobox_auth.token._single_flight import Flight, SingleFlight

logger = logging.getLogger("nitrobox.auth")

__all__ = ["DEFAULT_TOKEN_TIMEOUT", "TokenHTTP", "TokenProvider"]

_DEFAULT_TIMING: Final = TokenTiming()
_DEFAULT_RETRY: Final = TokenRetryPolicy()
_DEFAULT_HTTP: Final = TokenHTTP()


class TokenProviderOptions(TypedDict, total=False):
    """The keyword options of :class:`TokenProvider` besides the token URL and credentials
    (what :meth:`TokenProvider.from_settings` passes through)."""

    timing: TokenTiming
    retry: TokenRetryPolicy
    http: TokenHTTP
    cache: TokenCache | None
    monotonic_clock: Callable[[], float]
    wall_clock: Callable[[], float]


class TokenProvider:
    """Gets, caches and shares the access token of one API client (thread- and task-safe).

    ``get_token()`` and ``await aget_token()`` hand out the cached token while more than the
    refresh margin of its life is left, and otherwise fetch a new one: once, however many
    threads and tasks ask at the same time. Options, all keyword-only with defaults:

    - ``timing``: a :class:`TokenTiming` (refresh margin, assumed lifetime, wait timeout);
    - ``retry``: a :class:`TokenRetryPolicy` (4 attempts, 0.5 s doubling to 8 s);
    - ``http``: a :class:`TokenHTTP` (timeout; your clients or transports);
    - ``cache``: a shared :class:`TokenCache` (:class:`FileTokenCache`,
      :class:`RedisTokenCache`) so several processes share one token; default none (this
      process's memory only);
    - ``monotonic_clock`` (token expiry) and ``wall_clock`` (shared cache entries): for tests.
    """

    def __init__(
        self,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        timing: TokenTiming = _DEFAULT_TIMING,
        retry: TokenRetryPolicy = _DEFAULT_RETRY,
        http: TokenHTTP = _DEFAULT_HTTP,
        cache: TokenCache | None = None,
        monotonic_clock: Callable[[], float] = time.monotonic,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        _check_options(token_url, client_id, client_secret, timing, retry, http, cache)
        self._credentials = Credentials(
            token_url=token_url,
            client_id=client_id,
            client_secret=client_secret,
            # Anything that could echo a credential back is scrubbed of these.
            secrets=(
                client_secret,
                basic_authorization(client_id, client_secret).removeprefix("Basic "),
            ),
        )
        self._timing = timing
        self._retry = retry
        self._clock = monotonic_clock
        self._http = http
        self._clients = TokenClients(http, retry, token_url)
        self._flights = SingleFlight()
        self._shared: SharedToken | None = None
        if cache is not None:
            self._shared = SharedToken(
                cache,
                key=cache_key(token_url, client_id),
                refresh_margin=timing.refresh_margin,
                monotonic_clock=monotonic_clock,
                wall_clock=wall_clock,
                secrets=self._credentials.secrets,
            )
        self._token: AccessToken | None = None
        # The last token a 401 came back for: never taken back from the shared cache.
        self._rejected: str | None = None
        # Guards read-then-write of the token; never held across I/O.
        self._state_lock = threading.Lock()
        # Tasks of one event loop wait for a fetch one at a time (one worker thread per loop).
        self._loop_lock_var: anyio.lowlevel.RunVar[anyio.Lock] = anyio.lowlevel.RunVar(
            f"nitrobox_token_lock_{id(self)}"
        )

    @classmethod
    def from_settings(
        cls, settings: NitroboxSettings, **options: Unpack[TokenProviderOptions]
    ) -> TokenProvider:
        """A provider for the tenant, credentials and environment in ``settings``; the
        ``options`` (``timing``, ``retry``, ``http``, ``cache``, ...) are passed through,
        typed: a misspelt one is a mypy error."""
        return cls(
            token_url=settings.token_url,
            client_id=settings.client_id,
            client_secret=settings.client_secret,
            **options,
        )

    @property
    def http_package(self) -> HTTPPackage | None:
        """The HTTP package its :class:`TokenHTTP` decided (httpx or httpx2), ``None`` when
        nothing passed to it decides (its own connections then use httpx)."""
        return self._http.decided_package

    @property
    def token_url(self) -> str:
        """The token endpoint this provider asks."""
        return self._credentials.token_url

    @property
    def refresh_margin(self) -> float:
        """The configured refresh margin in seconds (before the half-lifetime cap)."""
        return self._timing.refresh_margin

    @property
    def cache(self) -> TokenCache | None:
        """The shared token cache, or ``None`` when the token lives in this process only."""
        return self._shared.cache if self._shared is not None else None

    def __repr__(self) -> str:
        credentials = self._credentials
        return (
            f"TokenProvider(token_url={credentials.token_url!r}, "
            f"client_id={credentials.client_id!r}, "
            f"client_secret={mask_secret(credentials.client_secret)}, "
            f"refresh_margin={self._timing.refresh_margin}, cache={self.cache!r})"
        )

    # -- shared by both paths -------------------------------------------------------------

    def _exchange(self) -> Exchange:
        return exchange(
            self._credentials,
            timing=self._timing,
            retry=self._retry,
            monotonic_clock=self._clock,
            deadline_seconds=self._http.deadline,
            package=self._clients.package,
        )

    def _fresh(self) -> AccessToken | None:
        """The token in memory if it needs no renewal yet (another leader just got it)."""
        token = self._token
        if token is None or token.past_renew_at(self._clock()):
            return None
        return token

    def _usable(self) -> AccessToken | None:
        """The token in memory if it may still be handed out."""
        token = self._token
        if token is None or token.past_refresh_at(self._clock()):
            return None
        return token

    def _landed(self, flight: Flight, token: AccessToken) -> AccessToken:
        with self._state_lock:
            self._token = token
            self._rejected = None
        self._flights.land(flight, token=token)
        return token

    def _crashed(
        self, flight: Flight, error: NitroboxAuthError, renewing: AccessToken | None
    ) -> AccessToken:
        """Share a failed fetch's error; an early renewal keeps the still-usable token."""
        self._flights.land(flight, error=error)
        if renewing is not None and not renewing.past_refresh_at(self._clock()):
            logger.warning(
                "renewing the access token early failed; still using the current one: %s", error
            )
            return renewing
        raise error

    def _followed(self, flight: Flight, landed: bool, waited: float) -> AccessToken | None:
        """What a follower takes from the flight it waited for (``None``: try again)."""
        if not landed:
            raise self._waited_too_long(waited)
        if flight.error is not None:
            raise flight.error
        return flight.token

    def _waited_too_long(self, waited: float) -> TokenWaitTimeoutError:
        return TokenWaitTimeoutError(
            f"waited {waited:.1f} s for the token fetch another caller is making to "
            f"{self.token_url} (TokenTiming.wait_timeout); the token endpoint may be stuck",
            waited=waited,
        )

    def _drop(self, token: AccessToken | str | None) -> str | None:
        """Drop the token in memory if it is ``token``; the value dropped, if any."""
        value = token.value if isinstance(token, AccessToken) else token
        with self._state_lock:
            current = self._token
            if current is None or (value is not None and current.value != value):
                if value is not None:
                    self._rejected = value
                return None
            self._token = None
            self._rejected = current.value
        logger.info("access token dropped; the next request fetches a new one")
        return current.value

    # -- sync ---------------------------------------------------------------------------

    def get_token(self) -> AccessToken:
        """The current token, fetched first if there is none or too little of it is left."""
        now = self._clock()
        token = self._token
        if token is not None and not token.past_renew_at(now):
            return token
        if token is not None and not token.past_refresh_at(now):
            flight = self._flights.try_lead()
            # Someone is already renewing: this token is still good meanwhile.
            return token if flight is None else self._fly(flight, renewing=token)
        started = time.monotonic()  # waits are real time, whatever clock the tokens use
        while True:
            flight, leader = self._flights.join()
            if leader:
                return self._fly(flight, renewing=None)
            remaining = started + self._timing.wait_timeout - time.monotonic()
            landed = remaining > 0 and flight.wait(remaining)
            result = self._followed(flight, landed, time.monotonic() - started)
            if result is not None:
                return result

    def _fly(self, flight: Flight, renewing: AccessToken | None) -> AccessToken:
        try:
            token = self._lead()
        except NitroboxAuthError as exc:
            return self._crashed(flight, exc, renewing)
        except BaseException:
            self._flights.land(flight)  # abandoned: the followers try again
            raise
        return self._landed(flight, token)

    def _lead(self) -> AccessToken:
        fresh = self._fresh()
        if fresh is not None:
            return fresh
        shared = self._shared
        if shared is None:
            return self._clients.run_sync(self._exchange())
        adopted = shared.adopt(rejected=self._rejected)
        if adopted is not None:
            return adopted
        lock = shared.lock()
        lock.acquire()
        try:
            # Another process may have fetched while we waited for the lock.
            adopted = shared.adopt(rejected=self._rejected)
            if adopted is not None:
                return adopted
            token = self._clients.run_sync(self._exchange())
            shared.save(token)
            return token
        finally:
            lock.release()

    def invalidate(self, token: AccessToken | str | None = None) -> bool:
        """Drop the cached token if it is ``token`` (the one a 401 came back for, or its value).

        A token that was already replaced is left alone, so many requests failing with the
        same token cause one new fetch; in a shared cache it is compare-and-deleted, so no
        process drops a newer token. Without an argument the cached token is dropped.
        Returns whether a token was dropped. (Async code: :meth:`ainvalidate`.)
        """
        dropped = self._drop(token)
        if dropped is not None and self._shared is not None:
            self._shared.delete(dropped)
        return dropped is not None

    def close(self) -> None:
        """Close the HTTP client the provider made for itself; clients, transports and
        caches that were passed in stay open."""
        self._clients.close()

    def __enter__(self) -> TokenProvider:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- async --------------------------------------------------------------------------

    async def aget_token(self) -> AccessToken:
        """The current token, fetched first if needed; never blocks the event loop."""
        now = self._clock()
        token = self._token
        if token is not None and not token.past_renew_at(now):
            return token
        if token is not None and not token.past_refresh_at(now):
            flight = self._flights.try_lead()
            return token if flight is None else await self._afly(flight, renewing=token)
        started = time.monotonic()
        lock = self._loop_lock()
        with anyio.move_on_after(self._timing.wait_timeout) as waiting:
            await lock.acquire()
        if waiting.cancelled_caught:
            raise self._waited_too_long(time.monotonic() - started)
        try:
            while True:
                usable = self._usable()
                if usable is not None:
                    return usable
                flight, leader = self._flights.join()
                if leader:
                    return await self._afly(flight, renewing=None)
                remaining = started + self._timing.wait_timeout - time.monotonic()
                landed = remaining > 0 and await anyio.to_thread.run_sync(
                    flight.wait, remaining, abandon_on_cancel=True
                )
                result = self._followed(flight, landed, time.monotonic() - started)
                if result is not None:
                    return result
        finally:
            lock.release()

    def _loop_lock(self) -> anyio.Lock:
        lock = self._loop_lock_var.get(None)
        if lock is None:
            lock = anyio.Lock()
            self._loop_lock_var.set(lock)
        return lock

    async def _afly(self, flight: Flight, renewing: AccessToken | None) -> AccessToken:
        try:
            token = await self._alead()
        except NitroboxAuthError as exc:
            return self._crashed(flight, exc, renewing)
        except BaseException:
            self._flights.land(flight)
            raise
        return self._landed(flight, token)

    async def _alead(self) -> AccessToken:
        fresh = self._fresh()
        if fresh is not None:
            return fresh
        shared = self._shared
        if shared is None:
            return await self._clients.run_async(self._exchange())

        # The store is blocking I/O (files, Redis): worker threads keep the loop free.
        # ``rejected`` is read at each call, as on the sync path: a 401 may come in while
        # this task waits for the store's lock.
        def adopt() -> AccessToken | None:
            return shared.adopt(rejected=self._rejected)

        adopted = await anyio.to_thread.run_sync(adopt)
        if adopted is not None:
            return adopted
        lock = shared.lock()
        with anyio.CancelScope(shield=True):  # bounded by the store's lock_timeout
            await anyio.to_thread.run_sync(lock.acquire)
        try:
            adopted = await anyio.to_thread.run_sync(adopt)
            if adopted is not None:
                return adopted
            token = await self._clients.run_async(self._exchange())
            await anyio.to_thread.run_sync(shared.save, token)
            return token
        finally:
            with anyio.CancelScope(shield=True):
                await anyio.to_thread.run_sync(lock.release)

    async def ainvalidate(self, token: AccessToken | str | None = None) -> bool:
        """Async mirror of :meth:`invalidate` (the shared cache is reached off the loop)."""
        dropped = self._drop(token)
        if dropped is not None and self._shared is not None:
            await anyio.to_thread.run_sync(self._shared.delete, dropped)
        return dropped is not None


def _check_options(
    token_url: str,
    client_id: str,
    client_secret: str,
    timing: object,
    retry: object,
    http: object,
    cache: object,
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
    for name, option, kind in (
        ("timing", timing, TokenTiming),
        ("retry", retry, TokenRetryPolicy),
        ("http", http, TokenHTTP),
    ):
        if not isinstance(option, kind):
            problems.append(f"{name} must be a {kind.__name__}, not {type(option).__name__}")
    if cache is not None and not isinstance(cache, TokenCache):
        problems.append(
            f"cache must be a TokenCache (FileTokenCache, RedisTokenCache), "
            f"not {type(cache).__name__}"
        )
    if problems:
        raise SettingsError("invalid TokenProvider options: " + "; ".join(problems))
