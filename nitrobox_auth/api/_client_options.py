"""The typed keyword arguments ``create_client`` passes on to both httpx clients.

A ``TypedDict`` read with ``Unpack``: mypy names a misspelt option (``header=``) at the call,
where ``**options: Any`` let it through to a ``TypeError`` at run time, or worse, to an
option silently unused.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypedDict

if TYPE_CHECKING:
    import ssl

    import httpx
    import httpx2
    from httpx._types import CertTypes, CookieTypes, HeaderTypes, ProxyTypes, QueryParamTypes


class HTTPXOptions(TypedDict, total=False):
    """``httpx.Client`` / ``httpx.AsyncClient`` options ``create_client`` accepts.

    Left out: what the factory sets itself (``auth``, ``base_url``, ``transport``,
    ``timeout``) and ``mounts``, whose transports would bypass the retry, deadline and size
    layers. The transport options (``verify`` ... ``proxy``, ``limits``) configure the
    transports the factory builds when it is given none.
    """

    params: QueryParamTypes
    headers: HeaderTypes
    cookies: CookieTypes
    verify: ssl.SSLContext | str | bool
    cert: CertTypes
    trust_env: bool
    http1: bool
    http2: bool
    proxy: ProxyTypes | None
    limits: httpx.Limits | httpx2.Limits
    follow_redirects: bool
    max_redirects: int
    # The same hooks go to both clients: give callables that suit the side you call.
    event_hooks: Mapping[str, list[Callable[..., Any]]]
    default_encoding: str | Callable[[bytes], str]
