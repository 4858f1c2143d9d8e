import ssl
import sys
import warnings
from typing import Any, Literal, Self

import httpx
from attrs import define, evolve, field

from .errors import DefaultErrorFactory, ErrorFactory

# httpx.Client(timeout=None) waits forever; a stalled connection must fail instead.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)


def decoding_errors(http_client: object) -> tuple[type[Exception], ...]:
    """The DecodingError of the HTTP package the client set on a Client comes from

    httpx, or a fork with its API such as httpx2, whose exceptions are its own classes: found
    from the classes of ``http_client`` itself, so the api functions run on either package.
    """
    found: list[type[Exception]] = []
    for cls in type(http_client).__mro__:
        package = sys.modules.get(cls.__module__.partition(".")[0])
        error = getattr(package, "DecodingError", None)
        if isinstance(error, type) and issubclass(error, Exception) and error not in found:
            found.append(error)
    return tuple(found) or (httpx.DecodingError,)


@define
class _Lifecycle:
    """Whether the client was closed, and whether its async side was used; one object shared
    by a client and its with_* copies"""

    closed: bool = False
    async_used: bool = False


@define
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether or not to raise (the error factory's unexpected_status, by
            default an errors.UnexpectedStatus) if the API returns a status code that was not documented in the
            source OpenAPI document. Can also be provided as a keyword argument to the constructor.
        error_factory: Builds the exceptions the endpoint functions raise for an undocumented status, a
            success body that cannot be parsed, a body that cannot be decoded, and use after close (default: the
            errors module's own; see errors.ErrorFactory).
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    error_factory: ErrorFactory = field(factory=DefaultErrorFactory, kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    # Out of the repr: headers, cookies and httpx options may carry credentials.
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    # Shared with the clients with_headers/with_cookies/with_timeout derive, like the httpx clients.
    _lifecycle: _Lifecycle = field(factory=_Lifecycle, init=False)

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return self._share_httpx_clients(evolve(self, headers={**self._headers, **headers}))

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return self._share_httpx_clients(evolve(self, cookies={**self._cookies, **cookies}))

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return self._share_httpx_clients(evolve(self, timeout=timeout))

    def _share_httpx_clients(self, new: Self) -> Self:
        # evolve() starts without httpx clients; a client set with set_httpx_client (carrying
        # auth, transports, retries) must survive with_headers/with_cookies/with_timeout.
        new._client = self._client
        new._async_client = self._async_client
        new._lifecycle = self._lifecycle
        return new

    @property
    def is_closed(self) -> bool:
        """Whether close() or aclose() ran (or a with / async with block ended)"""
        return self._lifecycle.closed

    def _check_open(self, side: Literal["sync", "async"]) -> None:
        if self._lifecycle.closed:
            raise self.error_factory.client_closed(side)
        # An httpx client closed by hand (get_httpx_client().close()) is the same mistake:
        # said by the error factory, not by httpx's RuntimeError on the next request.
        inner = self._client if side == "sync" else self._async_client
        if inner is not None and inner.is_closed:
            raise self.error_factory.client_closed(side)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        self._check_open("sync")
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def close(self) -> None:
        """Close the httpx.Client; the client is closed afterwards, both sides

        Every endpoint function called with a closed client raises the error factory's
        client_closed. An httpx.AsyncClient that sent requests is closed by aclose() (or
        ``async with``), which closes both sides: its connections belong to an event loop.
        """
        self._lifecycle.closed = True
        if self._client is not None:
            self._client.close()
        async_client = self._async_client
        if async_client is not None and self._lifecycle.async_used and not async_client.is_closed:
            # Said here, plainly, rather than by the garbage collector's "unclosed socket".
            warnings.warn(
                "close() cannot close the async side of this client, which sent requests: its"
                " connections belong to an event loop. Close the client with `async with client:`"
                " or `await client.aclose()` in that loop.",
                ResourceWarning,
                stacklevel=2,
            )

    def __enter__(self) -> Self:
        """Enter a context manager: leaving it closes the client (see close())"""
        self._check_open("sync")
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager: close() the client"""
        self.close()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        self._check_open("async")
        self._lifecycle.async_used = True
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def aclose(self) -> None:
        """Close both the httpx.AsyncClient and the httpx.Client; the client is closed afterwards"""
        self._lifecycle.closed = True
        try:
            if self._async_client is not None:
                await self._async_client.aclose()
        finally:
            if self._client is not None:
                self._client.close()

    async def __aenter__(self) -> Self:
        """Enter an async context manager: leaving it closes the client (see aclose())"""
        self._check_open("async")
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit an async context manager: aclose() the client"""
        await self.aclose()


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.


    Attributes:
        raise_on_unexpected_status: Whether or not to raise (the error factory's unexpected_status, by
            default an errors.UnexpectedStatus) if the API returns a status code that was not documented in the
            source OpenAPI document. Can also be provided as a keyword argument to the constructor.
        error_factory: Builds the exceptions the endpoint functions raise for an undocumented status, a
            success body that cannot be parsed, a body that cannot be decoded, and use after close (default: the
            errors module's own; see errors.ErrorFactory).
        token: The token to use for authentication (never in the repr)
        prefix: The prefix to use for the Authorization header
        auth_header_name: The name of the Authorization header
    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    error_factory: ErrorFactory = field(factory=DefaultErrorFactory, kw_only=True)
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies", repr=False)
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers", repr=False)
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    # Out of the repr: headers, cookies and httpx options may carry credentials.
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args", repr=False)
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)
    # Shared with the clients with_headers/with_cookies/with_timeout derive, like the httpx clients.
    _lifecycle: _Lifecycle = field(factory=_Lifecycle, init=False)

    token: str = field(repr=False)
    prefix: str = "Bearer"
    auth_header_name: str = "Authorization"

    def with_headers(self, headers: dict[str, str]) -> Self:
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return self._share_httpx_clients(evolve(self, headers={**self._headers, **headers}))

    def with_cookies(self, cookies: dict[str, str]) -> Self:
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return self._share_httpx_clients(evolve(self, cookies={**self._cookies, **cookies}))

    def with_timeout(self, timeout: httpx.Timeout) -> Self:
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return self._share_httpx_clients(evolve(self, timeout=timeout))

    def _share_httpx_clients(self, new: Self) -> Self:
        # evolve() starts without httpx clients; a client set with set_httpx_client (carrying
        # auth, transports, retries) must survive with_headers/with_cookies/with_timeout.
        new._client = self._client
        new._async_client = self._async_client
        new._lifecycle = self._lifecycle
        return new

    @property
    def is_closed(self) -> bool:
        """Whether close() or aclose() ran (or a with / async with block ended)"""
        return self._lifecycle.closed

    def _check_open(self, side: Literal["sync", "async"]) -> None:
        if self._lifecycle.closed:
            raise self.error_factory.client_closed(side)
        # An httpx client closed by hand (get_httpx_client().close()) is the same mistake:
        # said by the error factory, not by httpx's RuntimeError on the next request.
        inner = self._client if side == "sync" else self._async_client
        if inner is not None and inner.is_closed:
            raise self.error_factory.client_closed(side)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        self._check_open("sync")
        if self._client is None:
            self._headers[self.auth_header_name] = f"{self.prefix} {self.token}" if self.prefix else self.token
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def close(self) -> None:
        """Close the httpx.Client; the client is closed afterwards, both sides

        Every endpoint function called with a closed client raises the error factory's
        client_closed. An httpx.AsyncClient that sent requests is closed by aclose() (or
        ``async with``), which closes both sides: its connections belong to an event loop.
        """
        self._lifecycle.closed = True
        if self._client is not None:
            self._client.close()
        async_client = self._async_client
        if async_client is not None and self._lifecycle.async_used and not async_client.is_closed:
            # Said here, plainly, rather than by the garbage collector's "unclosed socket".
            warnings.warn(
                "close() cannot close the async side of this client, which sent requests: its"
                " connections belong to an event loop. Close the client with `async with client:`"
                " or `await client.aclose()` in that loop.",
                ResourceWarning,
                stacklevel=2,
            )

    def __enter__(self) -> Self:
        """Enter a context manager: leaving it closes the client (see close())"""
        self._check_open("sync")
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager: close() the client"""
        self.close()

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        self._check_open("async")
        self._lifecycle.async_used = True
        if self._async_client is None:
            self._headers[self.auth_header_name] = f"{self.prefix} {self.token}" if self.prefix else self.token
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def aclose(self) -> None:
        """Close both the httpx.AsyncClient and the httpx.Client; the client is closed afterwards"""
        self._lifecycle.closed = True
        try:
            if self._async_client is not None:
                await self._async_client.aclose()
        finally:
            if self._client is not None:
                self._client.close()

    async def __aenter__(self) -> Self:
        """Enter an async context manager: leaving it closes the client (see aclose())"""
        self._check_open("async")
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit an async context manager: aclose() the client"""
        await self.aclose()
