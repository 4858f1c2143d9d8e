"""The HTTP transports ``create_client`` builds when the caller gives none.

httpx ignores its transport options (``verify``, ``proxy``, ``limits``...) once a transport is
passed in, and the factory always passes one (the retry layer wraps it, and the token provider
shares it), so the options go into the transports built here.
"""

from __future__ import annotations

import urllib.request
from typing import Any, Final

import httpx

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


def default_transports(
    base_url: str, options: dict[str, Any], package: HTTPPackage = HTTPX
) -> tuple[httpx.HTTPTransport, httpx.AsyncHTTPTransport]:
    """The transports ``package``'s client would build for these options (which are removed)."""
    settings = {name: options.pop(name) for name in TRANSPORT_OPTIONS if name in options}
    if settings.get("proxy") is None:
        settings["proxy"] = environment_proxy(base_url, bool(settings.get("trust_env", True)))
    return package.HTTPTransport(**settings), package.AsyncHTTPTransport(**settings)


class WrappingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """What the client's transport layers share: one sync and/or one async inner transport,
    closed with the layer. Each layer (retries, deadlines, typed connection errors) adds only
    its ``handle_request`` / ``handle_async_request``."""

    _transport: httpx.BaseTransport | None
    _async_transport: httpx.AsyncBaseTransport | None

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
