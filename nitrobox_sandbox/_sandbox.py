"""``Sandbox``: a local Nitrobox with real token expiry, state and fault injection."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from nitrobox_sandbox._app import build_app
from nitrobox_sandbox._errors import SandboxConfigError, SandboxError
from nitrobox_sandbox._faults import Faults
from nitrobox_sandbox._journal import CallLog
from nitrobox_sandbox._limits import BODY_READ_TIMEOUT
from nitrobox_sandbox._notifier import DEFAULT_TIME_SCALE, Subscription
from nitrobox_sandbox._scripts import Fault, Script
from nitrobox_sandbox._seed import load_seed, read_seed
from nitrobox_sandbox._server import BackgroundServer
from nitrobox_sandbox._spec import load_spec
from nitrobox_sandbox._state import SandboxState
from nitrobox_sandbox._store import Snapshot
from nitrobox_sandbox._transport import SyncASGITransport, http_package_module, telling_package

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from nitrobox_auth import NitroboxSettings
    from nitrobox_auth.tooling import HTTPPackageChoice

# In-process transports need some origin; requests never leave the process.
IN_PROCESS_URL = "http://sandbox.nitrobox.test"


class Sandbox:
    """A local Nitrobox: the token endpoint, every operation of the bundled spec, faults.

    Use it in-process (:meth:`transport`, :meth:`async_transport`) or on loopback
    (:meth:`serve`, :meth:`start`/:meth:`stop`). ``clock`` is the monotonic clock tokens
    expire on (default :func:`time.monotonic`); tests pass their own and move it.
    ``spec`` replaces the bundled spec (a dict or a path to a JSON file).
    ``notification_time_scale`` multiplies Nitrobox's notification retry schedule (default
    1e-5: the ten attempts span about 2.1 s instead of about 2.5 days).
    ``body_read_timeout`` is how long a request body may take to arrive (default 10 s);
    a body still short of its ``Content-Length`` then is answered 408 and the connection
    closed.
    """

    def __init__(
        self,
        *,
        tenant: str = "sandbox",
        client_id: str = "sandbox-client",
        client_secret: str = "sandbox-secret",  # noqa: S107 - the sandbox's own, not a real secret
        token_lifetime: float = 300.0,
        faults: Faults | Mapping[str, Any] | None = None,
        clock: Callable[[], float] | None = None,
        spec: Mapping[str, Any] | str | Path | None = None,
        notification_time_scale: float = DEFAULT_TIME_SCALE,
        body_read_timeout: float = BODY_READ_TIMEOUT,
    ) -> None:
        if not tenant or "/" in tenant:
            raise SandboxConfigError(f"tenant must be one non-empty path segment, got {tenant!r}")
        if isinstance(faults, Mapping):
            faults = Faults.from_mapping(faults)
        self._state = SandboxState(
            document=load_spec(spec),
            tenant=tenant,
            client_id=client_id,
            client_secret=client_secret,
            token_lifetime=float(token_lifetime),
            faults=faults or Faults(),
            clock=clock or time.monotonic,
            notification_time_scale=notification_time_scale,
        )
        self._state.body_read_timeout = _check_body_read_timeout(body_read_timeout)
        self._app = build_app(self._state)
        self._server: BackgroundServer | None = None
        self._calls = CallLog(self._state.journal)

    def __repr__(self) -> str:
        where = self.base_url if self.running else "not serving"
        return f"Sandbox(tenant={self.tenant!r}, {where})"

    @property
    def app(self) -> Starlette:
        """The ASGI application."""
        return self._app

    @property
    def tenant(self) -> str:
        return self._state.tenant

    @property
    def running(self) -> bool:
        return self._server is not None and self._server.running

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:<port>`` while serving; the in-process origin otherwise."""
        if self._server is not None and self._server.port is not None and self.running:
            return f"http://127.0.0.1:{self._server.port}"
        return IN_PROCESS_URL

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/{self.tenant}/oauth2/token"

    def settings(self) -> NitroboxSettings:
        """Settings that point the client at this sandbox (at :attr:`base_url`)."""
        from nitrobox_auth import NitroboxSettings

        return NitroboxSettings(
            tenant=self._state.tenant,
            client_id=self._state.client_id,
            client_secret=self._state.client_secret,
            base_url=self.base_url,
        )

    # -- in-process -----------------------------------------------------------------------

    def transport(self, *, http_package: HTTPPackageChoice = "httpx") -> httpx.BaseTransport:
        """A synchronous httpx transport into this sandbox, without a socket
        (``http_package="httpx2"``: one for an ``httpx2.Client``)."""
        return SyncASGITransport(self._app, http_package=http_package)

    def async_transport(
        self, *, http_package: HTTPPackageChoice = "httpx"
    ) -> httpx.AsyncBaseTransport:
        """An async httpx transport into this sandbox, without a socket
        (``http_package="httpx2"``: one for an ``httpx2.AsyncClient``)."""
        module = http_package_module(http_package)
        transport: httpx.AsyncBaseTransport = module.ASGITransport(
            app=telling_package(self._app, module)
        )
        return transport

    # -- on loopback ----------------------------------------------------------------------

    def start(self, *, port: int = 0) -> str:
        """Serve on 127.0.0.1 (a free port unless ``port``) and return :attr:`base_url`
        once the server accepts connections."""
        if self.running:
            raise SandboxError(f"the sandbox is already serving at {self.base_url}")
        self._server = BackgroundServer(self._app, port=port)
        self._server.start()
        self._state.notifier.resume()
        return self.base_url

    def stop(self) -> None:
        """Stop serving (nothing happens when it is not)."""
        server, self._server = self._server, None
        self._state.notifier.stop()
        if server is not None:
            server.stop()

    @contextmanager
    def serve(self, *, port: int = 0) -> Iterator[Sandbox]:
        """``with sandbox.serve(): ...`` serves on loopback for the block."""
        self.start(port=port)
        try:
            yield self
        finally:
            self.stop()

    def __enter__(self) -> Sandbox:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- control --------------------------------------------------------------------------

    def reset(self) -> None:
        """Forget every resource, token and count, queued notifications and the delivery log,
        scripts and the journal; restore the constructed faults and token lifetime.
        Notification subscriptions stay."""
        self._state.reset()

    def stats(self) -> dict[str, Any]:
        """Counts since the last reset: ``token_requests``, ``tokens_issued``,
        ``api_requests``, ``unauthorized`` (401s), ``rate_limited``, ``injected_errors``,
        ``validation_errors``, ``operations`` (per operationId), ``statuses``, and
        ``notifications`` (``sent``, ``failed``, ``waiting_for_retry``, ``queued``, ...)."""
        return self._state.stats.snapshot()

    # -- scripted faults and the journal ---------------------------------------------------

    def script(self, operation_id: str, *entries: int | Fault) -> Script:
        """Answer the next calls of ``operation_id`` (an operationId of the spec, or
        ``"token"`` for the token endpoint) with ``entries``, in order: a status (``503``)
        or a :class:`Fault`; then answer normally again. Scripts of one operation queue
        behind each other. The returned :class:`Script` counts what was used
        (``.consumed``). An unknown operation or a bad entry raises
        :class:`SandboxConfigError` (naming close matches for a misspelt operation)."""
        return self._state.scripts.add(operation_id, entries)

    def pending(self) -> list[Script]:
        """The scripts with entries not used yet (``.remaining``), oldest first."""
        return self._state.scripts.pending()

    def clear_scripts(self) -> None:
        """Drop every script, used up or not."""
        self._state.scripts.clear()

    @property
    def calls(self) -> CallLog:
        """The request journal: ``sandbox.calls()`` lists the requests in order,
        ``sandbox.calls("createCustomer", status=201)`` filters them, ``.clear()`` empties it."""
        return self._calls

    def _use_clock(self, clock: Callable[[], float] | None) -> None:
        """For the pytest plugin: run on a test's clock (``None``: back to the built one).
        Notification retries then follow Nitrobox's real schedule on that clock."""
        self._state.use_clock(clock)

    # -- notifications --------------------------------------------------------------------

    def subscribe(
        self,
        url: str,
        *,
        token_url: str,
        client_id: str,
        client_secret: str,
        types: Iterable[str] | None = None,
    ) -> Subscription:
        """Send notifications to ``url`` as Nitrobox does: a token from ``token_url`` (HTTP
        Basic ``client_id:client_secret``, form ``grant_type=client_credentials``), cached until
        it expires, then ``POST url`` with ``Authorization: Bearer``. ``types`` limits the
        notification types (default: all). Subscriptions survive :meth:`reset`; end one
        with :meth:`unsubscribe`."""
        from nitrobox_auth.webhooks import NOTIFICATION_TYPES

        return self._state.notifier.subscribe(
            url,
            token_url=token_url,
            client_id=client_id,
            client_secret=client_secret,
            types=types,
            known_types=NOTIFICATION_TYPES,
        )

    def unsubscribe(self, subscription: Subscription) -> None:
        """Stop sending to ``subscription``; what is still queued for it is dropped."""
        self._state.notifier.unsubscribe(subscription)

    def notifications(self) -> list[dict[str, Any]]:
        """The delivery log (also ``GET /_sandbox/notifications``), oldest first: one entry
        per attempt with ``notification_type``, ``url``, ``attempt``, ``outcome`` (``sent``,
        ``retry``, ``failed``, ``dropped``), ``status``, ``error``, ``retry_in`` and ``payload``.
        The last 1000 entries are kept."""
        return self._state.notifier.log()

    def wait_for_notifications(self, timeout: float = 10.0) -> bool:
        """Wait until every notification was delivered or given up; ``False`` on timeout."""
        return self._state.notifier.wait_idle(timeout)

    @property
    def faults(self) -> Faults:
        return self._state.faults.faults

    @property
    def token_lifetime(self) -> float:
        return self._state.tokens.lifetime

    def configure_faults(self, faults: Faults | None = None, /, **settings: Any) -> Faults:
        """Replace the faults with ``faults``, or change the named settings
        (``rate_limit``, ``rate_limit_window``, ``error_rate``, ``error_status``, ``latency``,
        ``seed``, ``token_endpoint``, and ``token_lifetime``). Returns the faults now active."""
        if faults is not None:
            if not isinstance(faults, Faults):
                raise SandboxConfigError(f"expected a Faults, got {type(faults).__name__}")
            self._state.faults.configure(faults)
        if settings or faults is None:
            self._state.configure_faults(settings)
        return self.faults

    # -- state: snapshot, restore, seed ---------------------------------------------------

    def snapshot(self) -> Snapshot:
        """Every stored resource, rendered file and numeric-id sequence, copied: what
        :meth:`restore` goes back to. Tokens, faults, stats and notifications are not part
        of it."""
        return self._state.store.snapshot()

    def restore(self, snapshot: Snapshot) -> None:
        """Hold exactly the resources of ``snapshot`` again (what was stored since is gone;
        ids continue from the snapshot's sequences). A snapshot can be restored any number
        of times, also into another sandbox of the same spec. No notifications are sent."""
        if not isinstance(snapshot, Snapshot):
            raise SandboxConfigError(
                f"restore() takes what snapshot() returned, got {type(snapshot).__name__}"
            )
        self._state.store.restore(snapshot)

    def load(self, seed: Mapping[str, Any] | str | Path) -> dict[str, int]:
        """Store seed data: a mapping (or a JSON or YAML file holding one) from a kind,
        plural as in the paths (``customers``, ``contracts``, ``billing-groups``), to a list
        of bodies as that kind's create operation takes them. Validated like requests;
        all or nothing: a bad record raises :class:`SeedError` naming the record and the
        field, and nothing of the seed is stored. Returns the records loaded per kind."""
        return load_seed(self._state, read_seed(seed))


def _check_body_read_timeout(value: object) -> float:
    if (
        isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 3600
    ):  # an hour: longer than any upload needs
        raise SandboxConfigError(
            f"body_read_timeout must be a number of seconds above 0 and at most 3600, got {value!r}"
        )
    return float(value)
