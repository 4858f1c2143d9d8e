"""Fault injection: rate limiting (429 + Retry-After), a seeded share of 5xx, latency.

The decisions are made here without I/O; the app sleeps and answers. Randomness is a
seeded ``random.Random`` so a test sees the same sequence of faults on every run.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import attrs

from nitrobox_auth.tooling import number_of_seconds, positive_seconds
from nitrobox_sandbox._errors import SandboxConfigError

# A longer added latency or rate window only makes every call look hung; both are capped.
MAX_LATENCY = 60.0
MAX_RATE_LIMIT_WINDOW = 3600.0


def _check_share(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:  # also refuses NaN
        raise SandboxConfigError(f"{attribute.name} must be between 0.0 and 1.0, got {value!r}")


def _check_latency(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    number_of_seconds(attribute.name, value, error=SandboxConfigError, at_most=MAX_LATENCY)


def _check_rate_limit(_: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
    if value is not None and (isinstance(value, bool) or value < 1):
        raise SandboxConfigError(f"{attribute.name} must be None or >= 1, got {value!r}")


def _check_window(_: object, attribute: attrs.Attribute[float], value: float) -> None:
    positive_seconds(attribute.name, value, error=SandboxConfigError, at_most=MAX_RATE_LIMIT_WINDOW)


def _check_5xx(_: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not 500 <= value <= 599:
        raise SandboxConfigError(f"{attribute.name} must be a 5xx status, got {value!r}")


@attrs.frozen(kw_only=True)
class Faults:
    """What the sandbox does wrong on purpose. The default does nothing wrong.

    ``rate_limit`` API requests are allowed per ``rate_limit_window`` seconds (on the
    sandbox clock); more are answered 429 with ``Retry-After``. A share ``error_rate`` of
    API requests is answered ``error_status``, drawn from ``random.Random(seed)``.
    ``latency`` seconds are added to every API request (an async sleep). With
    ``token_endpoint`` the token endpoint suffers the same faults.
    """

    rate_limit: int | None = attrs.field(default=None, validator=_check_rate_limit)
    rate_limit_window: float = attrs.field(default=1.0, validator=_check_window)
    error_rate: float = attrs.field(default=0.0, validator=_check_share)
    error_status: int = attrs.field(default=503, validator=_check_5xx)
    latency: float = attrs.field(default=0.0, validator=_check_latency)
    seed: int = 0
    token_endpoint: bool = False

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], base: Faults | None = None) -> Faults:
        """``base`` with ``values`` applied; unknown keys and wrong types are refused."""
        known = {a.name: a for a in attrs.fields(cls)}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise SandboxConfigError(
                f"unknown fault setting(s) {', '.join(unknown)}; known: {', '.join(known)}"
            )
        for name, value in values.items():
            _check_type(name, value)
        try:
            return attrs.evolve(base or cls(), **values)
        except TypeError as exc:  # pragma: no cover - guarded by _check_type
            raise SandboxConfigError(str(exc)) from exc

    def as_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)


_NUMBER = (int, float)
_TYPES: dict[str, tuple[type, ...]] = {
    "rate_limit": (int, type(None)),
    "rate_limit_window": _NUMBER,
    "error_rate": _NUMBER,
    "error_status": (int,),
    "latency": _NUMBER,
    "seed": (int,),
    "token_endpoint": (bool,),
}


def _check_type(name: str, value: object) -> None:
    expected = _TYPES[name]
    wrong_bool = isinstance(value, bool) and bool not in expected
    if wrong_bool or not isinstance(value, expected):
        names = " or ".join("null" if t is type(None) else t.__name__ for t in expected)
        raise SandboxConfigError(f"fault setting {name} must be {names}, got {value!r}")


@dataclass(frozen=True)
class FaultDecision:
    """What to do to one request: wait ``latency``, then maybe answer ``status`` instead."""

    latency: float = 0.0
    status: int | None = None
    retry_after: int | None = None


class FaultInjector:
    """Applies a :class:`Faults` to a stream of requests; thread-safe."""

    def __init__(self, faults: Faults, clock: Callable[[], float]) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._faults = faults
        self._random = random.Random(faults.seed)
        self._window_start: float | None = None
        self._window_count = 0

    @property
    def faults(self) -> Faults:
        return self._faults

    def use_clock(self, clock: Callable[[], float]) -> None:
        """Run the rate window on ``clock`` from now on (the window restarts)."""
        with self._lock:
            self._clock = clock
            self._window_start = None
            self._window_count = 0

    def configure(self, faults: Faults) -> None:
        """Switch to ``faults``; the random sequence and the rate window restart."""
        with self._lock:
            self._faults = faults
            self._random = random.Random(faults.seed)
            self._window_start = None
            self._window_count = 0

    def decide(self, *, token_endpoint: bool = False) -> FaultDecision:
        with self._lock:
            faults = self._faults
            if token_endpoint and not faults.token_endpoint:
                return FaultDecision()
            if faults.rate_limit is not None:
                retry_after = self._over_rate_limit(faults.rate_limit, faults.rate_limit_window)
                if retry_after is not None:
                    return FaultDecision(faults.latency, 429, retry_after)
            if faults.error_rate and self._random.random() < faults.error_rate:
                return FaultDecision(faults.latency, faults.error_status)
            return FaultDecision(faults.latency)

    def _over_rate_limit(self, limit: int, window: float) -> int | None:
        now = self._clock()
        if self._window_start is None or now >= self._window_start + window:
            self._window_start = now
            self._window_count = 0
        if self._window_count >= limit:
            # Retry-After is whole seconds (RFC 9110); round up so a client that obeys it
            # lands in the next window, never in this one.
            return max(1, math.ceil(self._window_start + window - now))
        self._window_count += 1
        return None
