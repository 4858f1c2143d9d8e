"""HTTP rules the token provider, the bearer auth and the retry layer all apply.

One copy each, so the token endpoint and the API are read the same way: ``Retry-After``,
replayable bodies, and :class:`RetrySchedule`, the backoff vocabulary both retry policies
share.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Awaitable, Callable
from email.utils import parsedate_to_datetime
from typing import Final

import anyio
import attrs
import httpx

from nitrobox_auth._checks import number_of_seconds
from nitrobox_auth._errors import SettingsError
from nitrobox_auth._http_package import BYTE_STREAMS

# RFC 9110 delay-seconds is digits only; a fraction is tolerated because some servers
# send one. Signs, exponents, "nan" and "inf" are not delays.
# ASCII digits only: str.isdigit() and \d would take "١٢٠" as 120.
DECIMAL_SECONDS: Final = re.compile(r"\d+(\.\d+)?", re.ASCII)
# What may stand in an Authorization header value after "Bearer ": visible ASCII only.
HEADER_SAFE_TOKEN: Final = re.compile(r"[\x21-\x7e]+")


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delay-seconds or an HTTP date.

    ``now`` is the wall clock (epoch seconds) for HTTP dates. Missing or unreadable
    values (negative numbers included) give ``None``; a date in the past gives ``0.0``.
    """
    if value is None:
        return None
    text = value.strip()
    if DECIMAL_SECONDS.fullmatch(text):
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        return None  # RFC 9110 dates are always GMT; an offset-less date is not one
    return max(0.0, when.timestamp() - now)


def can_replay(request: httpx.Request) -> bool:
    """True when the body can be sent again: none, or bytes already in memory.

    Judge it before the first send: a streamed upload (a generator) can be read only once,
    and a transport that buffers it while sending does not make it replayable.
    """
    return isinstance(request.stream, BYTE_STREAMS)


def check_seconds(owner: object, attribute: attrs.Attribute[float], value: float) -> None:
    number_of_seconds(f"{type(owner).__name__}.{attribute.name}", value)


def check_attempts(owner: object, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingsError(
            f"{type(owner).__name__}.{attribute.name} must be a whole number >= 1 "
            f"(1 disables retries), not {value!r}"
        )


def check_share(owner: object, attribute: attrs.Attribute[float], value: float) -> None:
    check_seconds(owner, attribute, value)
    if value > 1:
        raise SettingsError(
            f"{type(owner).__name__}.{attribute.name} must be between 0 and 1, not {value!r}"
        )


@attrs.frozen(kw_only=True)
class RetrySchedule:
    """The one vocabulary of waiting between attempts, for the token and the API retries.

    Subclasses (:class:`~nitrobox_auth.RetryPolicy`, :class:`~nitrobox_auth.TokenRetryPolicy`)
    set their own defaults for the same names:

    - ``max_attempts`` counts every attempt, the first included (1 disables retries);
    - the backoff before retry *n* is ``min(max_delay, initial_delay * 2**(n-1))``, reduced
      by a random share of up to ``jitter`` (0..1), so clients that failed together do not
      come back together;
    - a ``Retry-After`` of at most ``max_retry_after`` seconds is waited out (or the backoff,
      if that is longer); a longer one ends the retries at once, because retrying earlier
      than the server asked only earns the same answer. The caller gets what the last attempt
      got.
    - ``sleep``, ``async_sleep``, ``random`` (a float in [0, 1)) and ``wall_clock`` (epoch
      seconds, for HTTP-date ``Retry-After`` values) are injectable so tests never sleep.
    """

    max_attempts: int = attrs.field(validator=check_attempts)
    initial_delay: float = attrs.field(validator=check_seconds)
    max_delay: float = attrs.field(validator=check_seconds)
    jitter: float = attrs.field(validator=check_share)
    max_retry_after: float = attrs.field(validator=check_seconds)
    sleep: Callable[[float], None] = attrs.field(default=time.sleep, repr=False, eq=False)
    async_sleep: Callable[[float], Awaitable[None]] = attrs.field(
        default=anyio.sleep, repr=False, eq=False
    )
    random: Callable[[], float] = attrs.field(default=random.random, repr=False, eq=False)
    wall_clock: Callable[[], float] = attrs.field(default=time.time, repr=False, eq=False)

    def attempts_left(self, attempt: int) -> bool:
        """Whether another attempt may follow attempt number ``attempt`` (1-based)."""
        return attempt < self.max_attempts

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait after failed attempt ``attempt``, or ``None`` when the server's
        ``Retry-After`` asks for longer than ``max_retry_after`` (then do not retry)."""
        if retry_after is not None and retry_after > self.max_retry_after:
            return None
        backoff = min(self.max_delay, self.initial_delay * 2.0 ** max(attempt - 1, 0))
        jittered = backoff * (1.0 - self.jitter * self.random())
        return max(jittered, retry_after or 0.0)

    def retry_after_of(self, response: httpx.Response) -> float | None:
        """The response's ``Retry-After`` in seconds (``None`` when absent or unreadable)."""
        return parse_retry_after(response.headers.get("Retry-After"), now=self.wall_clock())
