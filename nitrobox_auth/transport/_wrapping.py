"""The HTTP transports ``create_client`` builds when the caller gives none.

httpx ignores its transport options (``verify``, ``proxy``, ``limits``...) once a transport is
passed in, and the factory always passes one (the retry layer wraps it, and the token provider
shares it), so the options go into the transports built here.
"""

from __future__ import annotations

import urllib.request
from typing import Any, Final

import httpx

from nitrobox_auth._errors import SettingsError
from nitrobox_auth._http_package import HTTPX, HTTPPackage, package_of

# httpx.Client options that configure the transport it would build itself.
TRANSPORT_OPTIONS: Final = ("verify", "cert", "trust_env", "http1", "http2", "limits", "proxy")


def environment_proxy(base_url: str, trust_env: bool) -> str | None:
    # What httpx.Client(trust_env=True) would pick for this one origin: HTTPS_PROXY (or
    # HTTP_PROXY, ALL_PROXY) unless NO_PROXY exempts the host.
    if not trust_env:
        return None
    url = httpx.URL(base_url)
    proxies = urllib.request.getproxies()
    proxy = proxies.get(url.scheme) or proxies.get("all")
    if not proxy or urllib.request.proxy_bypass(url.host):
        return None
    return proxy


def transport_settings(base_url: str, options: dict[str, Any]) -> dict[str, Any]:
    """The transport options among these client options (which are removed)."""
    settings: dict[str, Any] = {
        name: options.pop(name) for name in TRANSPORT_OPTIONS if name in options
    }
    if settings.get("proxy") is None:
        settings["proxy"] = environment_proxy(base_url, bool(settings.get("trust_env", True)))
    return settings


def default_transports(
    base_url: str, options: dict[str, Any], package: HTTPPackage = HTTPX
) -> tuple[httpx.HTTPTransport, httpx.AsyncHTTPTransport]:
    """The transports ``package``'s client would build for these options (which are removed)."""
    settings = transport_settings(base_url, options)
    return package.HTTPTransport(**settings), package.AsyncHTTPTransport(**settings)


class WrappingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """The frame of the client's transport layers (retries, deadlines, typed connection
    errors): one sync and/or one async inner transport, given at construction (at least
    one), named in the ``repr``, closed with the layer. A layer adds its options
    (:meth:`_repr_options`) and its ``handle_request`` / ``handle_async_request``, which
    take the inner transport from :meth:`_sync_inner` / :meth:`_async_inner`: used on the
    side it does not wrap, every layer raises the same :class:`SettingsError`."""

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        *,
        async_transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if transport is None and async_transport is None:
            raise SettingsError(
                f"{type(self).__name__} needs a transport or an async_transport to wrap"
            )
        self._transport = transport
        self._async_transport = async_transport

    def _repr_options(self) -> str:
        """The layer's own settings for its ``repr`` (never a secret)."""
        return ""

    def __repr__(self) -> str:
        inner = self._transport if self._transport is not None else self._async_transport
        options = self._repr_options()
        return f"{type(self).__name__}({inner!r}{', ' + options if options else ''})"

    def _sync_inner(self) -> httpx.BaseTransport:
        if self._transport is None:
            raise SettingsError(
                f"this {type(self).__name__} wraps no sync transport (give it transport=...)"
            )
        return self._transport

    def _async_inner(self) -> httpx.AsyncBaseTransport:
        if self._async_transport is None:
            raise SettingsError(
                f"this {type(self).__name__} wraps no async transport (give it async_transport=...)"
            )
        return self._async_transport

    @property
    def http_package(self) -> HTTPPackage | None:
        """The HTTP package of the wrapped transport: a wrapper is of the package it wraps."""
        inner = self._transport if self._transport is not None else self._async_transport
        return package_of(inner)

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()

    async def aclose(self) -> None:
        if self._async_transport is not None:
            await self._async_transport.aclose()
