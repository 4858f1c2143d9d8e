"""How notification values become Python values: amounts, timestamps, text.

Nitrobox's payload examples send the same field as a number in one event and as a string in
another (``invoice.created``: ``11.9`` and epoch milliseconds; ``invoice.archived``:
``"2.76"`` and epoch seconds), so every reader here accepts all the forms seen.

Timestamps
    * a number or a string of digits is an epoch value. Values whose magnitude is at least
      ``10**11`` are **milliseconds**, smaller ones **seconds**: ``10**11`` seconds is the year
      5138 and ``10**11`` milliseconds is 1973-03-03, so no date between 1973 and 5138 is
      ambiguous.
    * any other string is ISO 8601 (``2023-01-24T00:00:00Z``, ``...T23:59:59.999+01:00``,
      ``2025-02-03``). Without an offset the value is taken as **UTC** (Nitrobox's error
      timestamps are documented as UTC without an offset); a date alone is midnight UTC.
    * the result is always a timezone-aware :class:`datetime.datetime`.
Amounts
    :class:`decimal.Decimal` from a JSON number (read from its text, so ``11.9`` stays exactly
    ``11.9``) or a decimal string; ``NaN`` and infinities are refused.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from nitrobox_auth._checks import ascii_digits
from nitrobox_auth.webhooks._errors import InvalidNotificationError

MILLISECONDS_THRESHOLD = 10**11
_EXCERPT = 40


def excerpt(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= _EXCERPT else text[: _EXCERPT - 1] + "…"


def _wrong(key: str, expected: str, value: Any) -> InvalidNotificationError:
    return InvalidNotificationError(
        f"notification field {key!r} must be {expected}, got {excerpt(value)}", field=key
    )


def text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)  # an ident sent as a number is still that ident
    raise _wrong(key, "a string", value)


def boolean(data: Mapping[str, Any], key: str) -> bool | None:
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    raise _wrong(key, "true or false", value)


def mapping(data: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
    value = data.get(key)
    if value is None or isinstance(value, Mapping):
        return value
    raise _wrong(key, "a JSON object", value)


def objects(data: Mapping[str, Any], key: str) -> tuple[Mapping[str, Any], ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, Mapping) for v in value):
        raise _wrong(key, "a list of JSON objects", value)
    return tuple(value)


def strings(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _wrong(key, "a list of strings", value)
    return tuple(value)


def decimal(data: Mapping[str, Any], key: str) -> Decimal | None:
    value = data.get(key)
    if value is None:
        return None
    if isinstance(value, bool):
        raise _wrong(key, "a number or a decimal string", value)
    if isinstance(value, float) and not math.isfinite(value):
        raise _wrong(key, "a finite amount", value)
    if isinstance(value, int | float | Decimal):
        # repr of a float is its shortest round-trip text: 11.9 -> Decimal("11.9")
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if isinstance(value, str):
        try:
            parsed = Decimal(value.strip())
        except InvalidOperation:
            raise _wrong(key, "a number or a decimal string", value) from None
        if not parsed.is_finite():
            raise _wrong(key, "a finite amount", value)
        return parsed
    raise _wrong(key, "a number or a decimal string", value)


def timestamp(data: Mapping[str, Any], key: str) -> dt.datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        return parse_timestamp(value)
    except (ValueError, OverflowError, OSError):
        raise _wrong(
            key, "epoch seconds or milliseconds, or an ISO 8601 date-time", value
        ) from None


def parse_timestamp(value: Any) -> dt.datetime:
    """One timestamp in any form Nitrobox sends (see the module docstring)."""
    if isinstance(value, bool):
        raise ValueError("a boolean is not a timestamp")
    if isinstance(value, str):
        stripped = value.strip()
        if ascii_digits(stripped.lstrip("-")) or _is_decimal_text(stripped):
            return _from_epoch(Decimal(stripped))
        parsed = dt.datetime.fromisoformat(stripped)
        return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=dt.UTC)
    if isinstance(value, int | float | Decimal):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError("not a finite number")
        return _from_epoch(Decimal(repr(value)) if isinstance(value, float) else Decimal(value))
    raise ValueError(f"not a timestamp: {type(value).__name__}")


def _is_decimal_text(text: str) -> bool:
    head, dot, tail = text.lstrip("-").partition(".")
    return bool(dot) and ascii_digits(head) and ascii_digits(tail)


def _from_epoch(number: Decimal) -> dt.datetime:
    seconds = number / 1000 if abs(number) >= MILLISECONDS_THRESHOLD else number
    whole = int(seconds)
    micros = int((seconds - whole) * 1_000_000)
    base = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    return base + dt.timedelta(seconds=whole, microseconds=micros)
