"""``NitroboxClient``: the generated ``Client`` that ``create_client`` returns, plus
``with_options``.

``with_options(retry=..., deadline=..., timeout=...)`` is openai-python's per-call override:
a client for one call or one job whose layers differ, built in microseconds. It shares with
the client it came from the token provider (so no token request), the connection pools
(the transports the factory built or was given), the headers and cookies, and the
lifecycle: closing either closes both, as closing one pool would anyway.

Imported by ``create_client`` when it is called: it loads the generated package, which
``import nitrobox_auth`` (and so the pytest plugin) does not.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any, Final, Literal, Self

import attrs
import httpx
from nitrobox_client import Client

from nitrobox_auth._http_package import HTTPPackage
from nitrobox_auth.token._auth import NitroboxAuth
from nitrobox_auth.token._provider import TokenProvider
from nitrobox_auth.transport._bounded import BoundedTransport
from nitrobox_auth.transport._connection_errors import ConnectionErrorTransport
from nitrobox_auth.transport._deadline import check_deadline_seconds
from nitrobox_auth.transport._loop_local import LoopLocalTransport
from nitrobox_auth.transport._retry import RetryPolicy, install_retries

if TYPE_CHECKING:
    import httpx2


class _Keep(enum.Enum):
    KEEP = "keep"


# with_options' default: keep what the client has (None is a value: "no retries").
KEEP: Final = _Keep.KEEP


@attrs.frozen(kw_only=True)
class Wiring:
    """Everything the httpx (or httpx2) clients of a ``NitroboxClient`` are built from."""

    package: HTTPPackage
    base_url: str
    provider: TokenProvider
    transport: httpx.BaseTransport
    async_transport: httpx.AsyncBaseTransport
    timeout: httpx.Timeout
    retry: RetryPolicy | None
    deadline: float
    max_answer_bytes: int
    max_file_bytes: int
    # Out of the repr: the caller's headers and cookies may carry credentials.
    options: dict[str, Any] = attrs.field(repr=False)

    def bounded(self) -> BoundedTransport:
        """The innermost layer: every exchange bounded in time and size."""
        return BoundedTransport(
            self.transport,
            async_transport=self.async_transport,
            deadline=self.deadline,
            max_answer_bytes=self.max_answer_bytes,
            max_file_bytes=self.max_file_bytes,
        )

    def httpx_clients(
        self, bounded: BoundedTransport, **overrides: Any
    ) -> tuple[httpx.Client, httpx.AsyncClient]:
        """The sync and async httpx clients: auth with retries, then the transport layers."""
        auth, sync_transport, async_transport = install_retries(
            NitroboxAuth(self.provider, api_base_url=self.base_url), bounded, bounded, self.retry
        )
        common: dict[str, Any] = {
            "base_url": self.base_url,
            "timeout": self.timeout,
            "auth": auth,
            **self.options,
            **overrides,
        }
        # Outermost, past the retries: what still fails there leaves as APIConnectionError.
        return (
            self.package.Client(transport=ConnectionErrorTransport(sync_transport), **common),
            self.package.AsyncClient(
                transport=ConnectionErrorTransport(async_transport=async_transport), **common
            ),
        )


@attrs.define
class NitroboxClient(Client):
    """A generated ``nitrobox_client.Client`` wired by ``create_client``."""

    _wiring: Wiring | None = attrs.field(default=None, init=False, repr=False)

    def _share_httpx_clients(self, new: Self) -> Self:
        new = super()._share_httpx_clients(new)
        wiring = self._wiring
        # with_timeout() changes the timeout: with_options() rebuilds the clients with it.
        if wiring is not None and new._timeout is not None and new._timeout is not wiring.timeout:
            wiring = attrs.evolve(wiring, timeout=new._timeout)
        new._wiring = wiring
        return new

    def close(self) -> None:
        """Close the client (see the generated ``Client.close``).

        Its warning about an async side left open is not given when every event loop that
        used the client has closed its own pool as it ended (``asyncio.run`` does): nothing
        is left open then.
        """
        wiring = self._wiring
        pools = wiring.async_transport if wiring is not None else None
        if isinstance(pools, LoopLocalTransport) and not pools.holds_connections:
            self._lifecycle.async_used = False
        super().close()

    def with_options(
        self,
        *,
        retry: RetryPolicy | Literal[_Keep.KEEP] | None = KEEP,
        deadline: float | Literal[_Keep.KEEP] = KEEP,
        timeout: httpx.Timeout | httpx2.Timeout | float | Literal[_Keep.KEEP] = KEEP,
    ) -> Self:
        """A client like this one with other retries, deadline or timeout (see the module).

        - ``retry``: a :class:`RetryPolicy`, or ``None`` for no retries;
        - ``deadline``: seconds for a whole call, retries included;
        - ``timeout``: the httpx timeout; a number also sets the deadline, as in
          ``create_client``, unless ``deadline`` is given too.
        """
        self._check_open("sync")
        wiring = self._wiring
        if wiring is None:
            raise RuntimeError("with_options() needs a client made by create_client()")
        changes: dict[str, Any] = {}
        if retry is not KEEP:
            changes["retry"] = retry
        if timeout is not KEEP:
            changes["timeout"] = wiring.package.timeout(timeout, default=wiring.timeout)
            if isinstance(timeout, int | float) and deadline is KEEP:
                deadline = float(timeout)
        if deadline is not KEEP:
            changes["deadline"] = check_deadline_seconds("deadline", deadline)
        derived = attrs.evolve(wiring, **changes)
        # Headers and cookies as they are now (with_headers / with_cookies change them).
        current = self._client
        overrides = (
            {} if current is None else {"headers": current.headers, "cookies": current.cookies}
        )
        sync_client, async_client = derived.httpx_clients(derived.bounded(), **overrides)
        new = attrs.evolve(self, timeout=derived.timeout)
        new._client = sync_client
        new._async_client = async_client
        new._lifecycle = self._lifecycle
        new._wiring = derived
        return new
