"""The total deadline of one HTTP exchange: connect + send + receive of the whole answer.

httpx timeouts bound each socket operation, so a server that trickles a byte a second
never trips them. The deadline is a point in (monotonic) time stored on the request
(``request.extensions``), so every layer sees the same one: the retry layers do not
start an attempt or a backoff that cannot end in time, and :class:`BoundedTransport`
(``transport._bounded``) enforces it on the exchange and on every chunk of the body.

For sockets the client opens itself, :func:`install_socket_deadline` also clamps every
socket read and write to the time left, so even a response *head* trickled byte by byte
ends at the deadline.
"""

from __future__ import annotations

import contextvars
import time
from collections.abc import Iterable
from contextlib import AbstractAsyncContextManager
from typing import Any, Final

import httpcore
import httpx

from nitrobox_auth._checks import positive_seconds
from nitrobox_auth._http_package import CORE_NETWORK_BACKENDS, package_of

EXTENSION_KEY: Final = "nitrobox_deadline"

# Per API call, all attempts and backoffs included (see docs/resilience.md).
DEFAULT_API_DEADLINE: Final = 60.0
# Per token fetch, all attempts and backoffs included (see docs/auth.md).
DEFAULT_TOKEN_DEADLINE: Final = 20.0

# The deadline of the exchange running in this thread or task, for the socket layer.
_current: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "nitrobox_socket_deadline", default=None
)


def check_deadline_seconds(name: str, value: object) -> float:
    """``value`` as a positive finite number of seconds, or a :class:`SettingsError`."""
    return positive_seconds(name, value)


class Deadline:
    """``at`` on ``time.monotonic()``; ``total`` is the budget it was made from."""

    # A plain slotted class: one is made per request, and attrs' frozen __init__ costs more.
    __slots__ = ("at", "total")

    def __init__(self, at: float, total: float) -> None:
        self.at = at
        self.total = total

    def __repr__(self) -> str:
        return f"Deadline(at={self.at!r}, total={self.total!r})"

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        return cls(time.monotonic() + seconds, seconds)

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def expired(self) -> bool:
        return self.remaining() <= 0

    def allows_wait(self, seconds: float) -> bool:
        """Whether a wait of ``seconds`` still leaves time for another attempt."""
        return seconds < self.remaining()


def stamp(request: httpx.Request, seconds: float) -> Deadline:
    """The request's deadline; set to ``seconds`` from now if it has none yet."""
    existing = deadline_of(request)
    if existing is not None:
        return existing
    deadline = Deadline.after(seconds)
    request.extensions = {**request.extensions, EXTENSION_KEY: deadline}
    return deadline


def deadline_of(request: httpx.Request) -> Deadline | None:
    found = request.extensions.get(EXTENSION_KEY)
    return found if isinstance(found, Deadline) else None


def allows_retry(request: httpx.Request, delay: float) -> bool:
    """For the retry layers: a backoff of ``delay`` fits in the request's deadline."""
    deadline = deadline_of(request)
    return deadline is None or deadline.allows_wait(delay)


def clamp_timeouts(request: httpx.Request, deadline: Deadline) -> None:
    """Shorten the request's per-operation httpx timeouts to the time left.

    The timeout dict is changed in place: httpcore holds the same dict and reads it again
    when the body starts, so this also bounds the body reads of any httpx transport.
    """
    left = max(deadline.remaining(), 0.001)
    timeouts = request.extensions.get("timeout")
    if not isinstance(timeouts, dict):
        timeouts = {}
        request.extensions = {**request.extensions, "timeout": timeouts}
    for phase in _PHASES:
        value = timeouts.get(phase)
        timeouts[phase] = left if value is None or value > left else float(value)


_PHASES: Final = ("connect", "read", "write", "pool")


def fail_after(seconds: float) -> AbstractAsyncContextManager[object]:
    """``async with``: raises ``TimeoutError`` after ``seconds``, cancelling what it awaits.

    On asyncio this is ``asyncio.timeout`` (one timer handle); anyio's cancel scope, which
    also serves trio, costs several times as much per block, and the body reads enter one
    per chunk.
    """
    # Imported here: a program that never goes async should not pay for asyncio at import.
    import asyncio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _AnyioTimeout(seconds)  # trio (or another anyio backend)
    return asyncio.timeout(seconds)


class _AnyioTimeout:
    def __init__(self, seconds: float) -> None:
        import anyio

        self._scope = anyio.fail_after(seconds)

    async def __aenter__(self) -> object:
        return self._scope.__enter__()

    async def __aexit__(self, *exc: Any) -> bool | None:
        return self._scope.__exit__(*exc)


class socket_deadline:
    """Within the block, sockets opened by :func:`install_socket_deadline` end at ``at``."""

    def __init__(self, deadline: Deadline) -> None:
        self._at = deadline.at
        self._token: contextvars.Token[float | None] | None = None

    def __enter__(self) -> None:
        self._token = _current.set(self._at)

    def __exit__(self, *_: object) -> None:
        if self._token is not None:
            _current.reset(self._token)


# httpcore's ReadTimeout for httpx's pools, httpcore2's for httpx2's: each transport maps
# only its own core's exceptions to its package's ReadTimeout.
_TimeoutError = type[Exception]


def _clamp(timeout: float | None, expired: _TimeoutError) -> float | None:
    at = _current.get()
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise expired("the total deadline ran out")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, expired: _TimeoutError) -> None:
        self._stream = stream
        self._expired = expired

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _clamp(timeout, self._expired))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _clamp(timeout, self._expired))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: Any,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._stream.start_tls(ssl_context, server_hostname, _clamp(timeout, self._expired)),
            self._expired,
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend, expired: _TimeoutError) -> None:
        self._backend = backend
        self._expired = expired

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, _clamp(timeout, self._expired), local_address, socket_options
        )
        return _DeadlineStream(stream, self._expired)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._backend.connect_unix_socket(path, _clamp(timeout, self._expired), socket_options),
            self._expired,
        )

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def install_socket_deadline(transport: httpx.HTTPTransport) -> httpx.HTTPTransport:
    """Make the sockets of a transport the client built itself end at the deadline.

    httpx offers no public hook for httpcore's network backend, so this reaches into the
    pool httpx built (``_pool._network_backend``, present in httpx 0.28 for the direct,
    HTTP-proxy and SOCKS pools, and in httpx2 2.16 on httpcore2). Where the attribute is
    missing the transport is left as it is and the deadline is still enforced between body
    chunks.
    """
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    package = package_of(transport)
    if (
        package is not None
        and isinstance(backend, CORE_NETWORK_BACKENDS)
        and not isinstance(backend, _DeadlineBackend)
    ):
        expired = package.core.ReadTimeout
        setattr(pool, "_network_backend", _DeadlineBackend(backend, expired))  # noqa: B010
    return transport
