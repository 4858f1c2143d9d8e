"""Small checks every layer applies to values from outside: digits and seconds.

Pure and typed; the error class is a parameter, so the runtime raises ``SettingsError``,
the sandbox ``SandboxConfigError`` and the receiver kit its own config error, all with the
same words.
"""

from __future__ import annotations

import math

from nitrobox_auth._errors import NitroboxError, SettingsError


def ascii_digits(text: str) -> bool:
    """Only ASCII digits, at least one: ``str.isdigit()`` alone takes superscripts, which
    ``int()`` refuses, and other scripts' digits, which it reads as numbers."""
    return text.isascii() and text.isdigit()


def positive_seconds(
    name: str,
    value: object,
    *,
    error: type[NitroboxError] = SettingsError,
    at_most: float | None = None,
) -> float:
    """``value`` as a finite number of seconds above 0, or ``error`` naming ``name``."""
    return number_of_seconds(name, value, error=error, allow_zero=False, at_most=at_most)


def number_of_seconds(
    name: str,
    value: object,
    *,
    error: type[NitroboxError] = SettingsError,
    allow_zero: bool = True,
    at_most: float | None = None,
) -> float:
    """``value`` as a finite number of seconds (0 too when ``allow_zero``; at most
    ``at_most`` when given), or ``error`` naming ``name``. The message ends in
    ``, got <value>`` so a caller can tell the rule from the value."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise error(f"{name} must be a number of seconds, got {value!r}")
    bound = ">= 0" if allow_zero else "> 0"
    if at_most is not None:
        bound += f" and at most {at_most:g}"
    too_big = at_most is not None and value > at_most
    if not math.isfinite(value) or value < 0 or (value == 0 and not allow_zero) or too_big:
        raise error(f"{name} must be a finite number of seconds {bound}, got {value!r}")
    return float(value)
