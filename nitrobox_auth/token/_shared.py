"""The provider's side of a shared :class:`TokenCache`: clock conversion and fault tolerance.

A shared entry carries wall-clock times; the provider works on its monotonic clock. Loading
converts with the provider's *own* refresh margin, so every process renews a little before
the shared expiry, which also absorbs clock skew between machines. Every call to the store
is guarded: a store that is down, unwritable or full of garbage costs one warning (and an
info line when it works again), never a failed call.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager

from nitrobox_auth._redact import scrub
from nitrobox_auth.token._cache import CachedToken, TokenCache
from nitrobox_auth.token._rules import AccessToken, effective_margin

logger = logging.getLogger("nitrobox.auth")


class SharedToken:
    """One provider's view of its entry in a shared cache."""

    def __init__(
        self,
        cache: TokenCache,
        *,
        key: str,
        refresh_margin: float,
        monotonic_clock: Callable[[], float],
        wall_clock: Callable[[], float],
        secrets: tuple[str, ...],
    ) -> None:
        self.cache = cache
        self._key = key
        self._refresh_margin = refresh_margin
        self._monotonic = monotonic_clock
        self._wall = wall_clock
        self._secrets = secrets
        # What failed in the current outage: a store that reads but cannot write is still
        # down, and works again only once every kind of call that failed has succeeded.
        self._failing: set[str] = set()
        self._failing_lock = threading.Lock()

    # -- conversion ---------------------------------------------------------------------

    def _to_local(self, entry: CachedToken) -> AccessToken:
        age = self._wall() - entry.issued_at
        expires_in = entry.expires_at - entry.issued_at
        return AccessToken(
            value=entry.value,
            token_type="bearer",
            expires_in=expires_in,
            issued_at=self._monotonic() - age,
            refresh_margin=effective_margin(self._refresh_margin, expires_in),
        )

    def _to_shared(self, token: AccessToken) -> CachedToken:
        issued_at = self._wall() - (self._monotonic() - token.issued_at)
        return CachedToken(
            value=token.value, issued_at=issued_at, expires_at=issued_at + token.expires_in
        )

    # -- guarded store calls ------------------------------------------------------------

    def adopt(self, *, rejected: str | None) -> AccessToken | None:
        """The stored token if this process may use it without renewing, else ``None``.

        ``rejected`` is the last token a 401 came back for: never taken back from a store
        that failed to delete it.
        """
        try:
            entry = self.cache.load(self._key)
        except Exception as exc:  # any store failure: fall back, never fail the call
            self._failed("read", exc)
            return None
        self._worked("read")
        if entry is None or entry.value == rejected:
            return None
        token = self._to_local(entry)
        return None if token.past_renew_at(self._monotonic()) else token

    def save(self, token: AccessToken) -> None:
        try:
            self.cache.save(self._key, self._to_shared(token))
        except Exception as exc:
            self._failed("write", exc)
            return
        self._worked("write")

    def delete(self, value: str) -> None:
        """Compare-and-delete the token a 401 came back for."""
        try:
            removed = self.cache.delete(self._key, value)
        except Exception as exc:
            self._failed("delete a rejected token from", exc)
            return
        self._worked("delete a rejected token from")
        if removed:
            logger.info("rejected access token removed from the shared token cache")

    def lock(self) -> HeldLock:
        return HeldLock(self)

    # -- one warning per outage -----------------------------------------------------------

    def _failed(self, action: str, exc: Exception) -> None:
        with self._failing_lock:
            first = not self._failing
            self._failing.add(action)
        if first:
            detail = scrub(f"{type(exc).__name__}: {exc}", self._secrets)[:300]
            logger.warning(
                "could not %s the shared token cache %r (%s); this process uses its own "
                "token until the cache works again",
                action,
                self.cache,
                detail,
            )

    def _worked(self, action: str) -> None:
        with self._failing_lock:
            if action not in self._failing:
                return
            self._failing.discard(action)
            recovered = not self._failing
        if recovered:
            logger.info("the shared token cache %r works again", self.cache)


class HeldLock:
    """The store's cross-process lock, taken and released in two calls (so the async path
    can run each in a worker thread). Any failure means "not held": the caller fetches."""

    def __init__(self, shared: SharedToken) -> None:
        self._shared = shared
        self._context: AbstractContextManager[bool] | None = None

    def acquire(self) -> bool:
        shared = self._shared
        try:
            context = shared.cache.lock(shared._key)
            held = context.__enter__()
        except Exception as exc:
            shared._failed("lock", exc)
            return False
        shared._worked("lock")
        self._context = context
        if not held:
            logger.warning(
                "waited too long for another process's token fetch (shared cache %r); "
                "fetching here",
                shared.cache,
            )
        return held

    def release(self) -> None:
        context, self._context = self._context, None
        if context is None:
            return
        try:
            context.__exit__(None, None, None)
        except Exception as exc:
            self._shared._failed("unlock", exc)
            return
        self._shared._worked("unlock")
