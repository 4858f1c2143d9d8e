"""``create_client``: the generated ``nitrobox_client.Client``, wired for Nitrobox.

The generated client has a static-token ``AuthenticatedClient`` and no timeout by default.
Instead of subclassing either, the factory composes: it builds one ``httpx.Client`` and one
``httpx.AsyncClient`` with :class:`NitroboxAuth`, the API base URL and a timeout, and hands
both to a plain generated ``Client``, so the same object serves the ``sync`` and ``asyncio``
endpoint functions. The clients are httpx2's instead when what the caller passes is (a
transport, a timeout, a provider's package) or ``http_package="httpx2"`` says so
(:mod:`nitrobox_auth._http_package`).

Every failure of a call through that client is a :class:`NitroboxError`: the generated code
raises through the client's error factory (:mod:`nitrobox_auth.api._error_factory`), and the
outermost transport turns httpx's connection errors and timeouts, after the retries, into
:class:`APIConnectionError` / :class:`APITimeoutError`
(:mod:`nitrobox_auth.transport._connection_errors`). ``with client:`` / ``async with client:`` close
what the factory opened (see docs/resilience.md). ``client.with_options(...)`` derives a
client with other retries, deadline or timeout (:mod:`nitrobox_auth.api._client`).

The async side opens its connection pool per event loop
(:mod:`nitrobox_auth.transport._loop_local`), so one client serves ``asyncio.run()`` after
``asyncio.run()``, as the token provider does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, Unpack, cast

import httpx

from nitrobox_auth._errors import SettingsError
from nitrobox_auth._http_package import HTTPPackage, HTTPPackageChoice, choose
from nitrobox_auth._settings import NitroboxSettings
from nitrobox_auth.api._client_options import HTTPXOptions
from nitrobox_auth.api._error_factory import NitroboxErrorFactory
from nitrobox_auth.token._provider import TokenHTTP, TokenProvider
from nitrobox_auth.transport._deadline import DEFAULT_API_DEADLINE, DEFAULT_TOKEN_DEADLINE
from nitrobox_auth.transport._loop_local import LoopLocalTransport
from nitrobox_auth.transport._retry import DEFAULT_RETRY_POLICY, RetryPolicy
from nitrobox_auth.transport._size_limit import DEFAULT_MAX_ANSWER_BYTES, DEFAULT_MAX_FILE_BYTES
from nitrobox_auth.transport._wrapping import transport_settings

if TYPE_CHECKING:
    import httpx2

    # Imported when called: `import nitrobox_auth` (and so the pytest plugin, which every
    # pytest run of every user loads) should not load the generated package.
    from nitrobox_auth.api._client import NitroboxClient

# Connecting should be quick; Nitrobox may take a while to answer a billing run or a report.
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)

# Set by the factory itself; passing them as options would silently undo its wiring.
_RESERVED_OPTIONS: Final = frozenset({"auth", "base_url", "transport", "timeout", "app"})


def create_client(
    settings: NitroboxSettings | None = None,
    *,
    provider: TokenProvider | None = None,
    timeout: httpx.Timeout | httpx2.Timeout | float | None = None,
    transport: httpx.BaseTransport | httpx2.BaseTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | httpx2.AsyncBaseTransport | None = None,
    raise_on_unexpected_status: bool = True,
    retry: RetryPolicy | None = DEFAULT_RETRY_POLICY,
    deadline: float | None = None,
    max_answer_bytes: int = DEFAULT_MAX_ANSWER_BYTES,
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES,
    http_package: HTTPPackageChoice | None = None,
    **options: Unpack[HTTPXOptions],
) -> NitroboxClient:
    """A generated ``Client`` for the Nitrobox API, authenticated with cached OAuth2 tokens.

    - ``settings``: tenant, credentials and environment; default
      :meth:`NitroboxSettings.from_env` (the base URL always comes from the settings);
    - ``provider``: the :class:`TokenProvider` to take tokens from; default one built from
      ``settings`` that sends its token requests through ``transport`` / ``async_transport``;
    - ``timeout``: default 30 s, 5 s to connect (the generated ``Client`` has none);
    - ``transport`` / ``async_transport``: httpx transports for the sync and async clients
      (e.g. ``httpx.MockTransport`` or the sandbox's in-process transports);
    - ``raise_on_unexpected_status``: raise the :class:`NitroboxAPIError` of a status the
      spec does not document for the operation, instead of returning ``parsed=None``
      (default True);
    - ``retry``: the :class:`RetryPolicy` for API calls (default: 3 attempts, see
      docs/resilience.md); ``None`` disables retries;
    - ``deadline``: seconds for a whole API call (connect, send, the whole answer, every
      retry and backoff); default ``timeout`` when that is a number, else 60 s. A call
      past it raises ``APITimeoutError``. The provider the factory builds gets the same
      budget for a token fetch (at most its default 20 s);
    - ``max_answer_bytes`` / ``max_file_bytes``: the largest JSON (text) answer and the
      largest file (binary answer) read, after decompression (default 16 MiB / 256 MiB);
      a larger one raises ``ResponseTooLargeError`` while it is read;
    - ``http_package``: ``"httpx"`` or ``"httpx2"`` (or the module): the HTTP package of the
      clients. Without it, the package of ``transport`` / ``async_transport`` / ``timeout``
      / the ``provider``'s :class:`TokenHTTP`, else httpx. Objects of both packages raise
      :class:`MixedHTTPPackagesError` (docs/httpx2.md);
    - ``options``: further keyword arguments for both ``httpx.Client`` and
      ``httpx.AsyncClient`` (``headers``, ``event_hooks``, ``verify``, ...; typed: see
      :class:`~nitrobox_auth.api._client_options.HTTPXOptions`).

    ``client.with_options(retry=..., deadline=..., timeout=...)`` gives a client with other
    layers that shares this one's token provider and connection pools.
    """
    reserved = sorted(_RESERVED_OPTIONS.intersection(options))
    if reserved:
        raise SettingsError(
            f"create_client() sets {', '.join(reserved)} itself; use the settings, "
            "provider, timeout, transport and async_transport arguments instead"
        )
    from nitrobox_auth.api._client import NitroboxClient, Wiring

    package = choose(
        http_package,
        transport=transport,
        async_transport=async_transport,
        timeout=timeout,
        provider=provider.http_package if provider is not None else None,
        limits=options.get("limits"),
    )
    if settings is None:
        settings = NitroboxSettings.from_env()
    base_url = settings.api_base_url
    rest: dict[str, Any] = dict(options)
    if transport is None or async_transport is None:
        pool_settings = transport_settings(base_url, rest)
        # Only a missing one is built; a transport that is never used holds no socket.
        if transport is None:
            transport = package.HTTPTransport(**pool_settings)
        if async_transport is None:
            async_transport = _async_pools(pool_settings, package)
    if deadline is None:
        deadline = float(timeout) if isinstance(timeout, int | float) else DEFAULT_API_DEADLINE
    http_timeout = package.timeout(timeout, default=DEFAULT_TIMEOUT)
    # Typed as httpx's from here on: httpx2's transports have the same API.
    sync_pool = cast("httpx.BaseTransport", transport)
    async_pool = cast("httpx.AsyncBaseTransport", async_transport)
    if provider is None:
        provider = _provider(settings, sync_pool, async_pool, deadline)
    wiring = Wiring(
        package=package,
        base_url=base_url,
        provider=provider,
        transport=sync_pool,
        async_transport=async_pool,
        timeout=http_timeout,
        retry=retry,
        deadline=deadline,
        max_answer_bytes=max_answer_bytes,
        max_file_bytes=max_file_bytes,
        options=rest,
    )
    # One wrapper bounds every exchange in time and size (and checks the options).
    sync_client, async_client = wiring.httpx_clients(wiring.bounded())
    client = NitroboxClient(
        base_url=base_url,
        timeout=http_timeout,
        raise_on_unexpected_status=raise_on_unexpected_status,
        error_factory=NitroboxErrorFactory(),
    )
    client.set_httpx_client(sync_client)
    client.set_async_httpx_client(async_client)
    client._wiring = wiring
    return client


def _provider(
    settings: NitroboxSettings,
    transport: httpx.BaseTransport,
    async_transport: httpx.AsyncBaseTransport,
    deadline: float,
) -> TokenProvider:
    # Token requests share the API client's connection pool (same host) and so are closed
    # with it: the provider never closes a transport it was given. A token fetch is bounded
    # in time and size too: never longer than one API call may take (the provider stamps
    # its own deadline and size limit on each request).
    from nitrobox_auth.transport._bounded import BoundedTransport

    bounded = BoundedTransport(transport, async_transport=async_transport, deadline=deadline)
    return TokenProvider.from_settings(
        settings,
        http=TokenHTTP(
            transport=bounded,
            async_transport=bounded,
            deadline=min(DEFAULT_TOKEN_DEADLINE, bounded.deadline),
        ),
    )


def _async_pools(settings: dict[str, Any], package: HTTPPackage) -> LoopLocalTransport:
    # One pool per event loop. The first is built now, like the sync one (loading the
    # CA bundle here, not in the loop); a later loop builds its own when it first sends.
    first = [package.AsyncHTTPTransport(**settings)]

    def pool() -> httpx.AsyncBaseTransport:
        return first.pop() if first else package.AsyncHTTPTransport(**settings)

    return LoopLocalTransport(pool, http_package=package)
