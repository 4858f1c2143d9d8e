"""HTTP rules the token provider, the bearer auth and the retry layer all apply.

One copy each, so the token endpoint and the API are read the same way.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from typing import Final

import httpx

# RFC 9110 delay-seconds is digits only; a fraction is tolerated because some servers
# send one. Signs, exponents, "nan" and "inf" are not delays.
_DELAY_SECONDS: Final = re.compile(r"\d+(\.\d+)?")


def parse_retry_after(value: str | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delay-seconds or an HTTP date.

    ``now`` is the wall clock (epoch seconds) for HTTP dates. Missing or unreadable
    values (negative numbers included) give ``None``; a date in the past gives ``0.0``.
    """
    if value is None:
        return None
    text = value.strip()
    if _DELAY_SECONDS.fullmatch(text):
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
    return isinstance(request.stream, httpx.ByteStream)
