"""``NitroboxAuth``: the httpx auth that puts a fresh bearer token on every API request.

Works with ``httpx.Client`` and ``httpx.AsyncClient`` alike (the generated client's too), and
with httpx2's: it is an ``httpx2.Auth`` as well when httpx2 is installed (see
:mod:`nitrobox_auth._http_package`); the flows only read and set headers.
The decisions are pure functions below; the sync and async flows only differ in
``get_token()`` versus ``await aget_token()``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncGenerator, Generator

import httpx

from nitrobox_auth._credentials import parse_bearer
from nitrobox_auth._errors import SettingsError
from nitrobox_auth._http_package import AuthBase
from nitrobox_auth._http_rules import can_replay
from nitrobox_auth.token._provider import TokenProvider
from nitrobox_auth.token._rules import AccessToken

logger = logging.getLogger("nitrobox.auth")

_DEFAULT_PORTS = {"http": 80, "https": 443}

Origin = tuple[str, str, int | None]


def origin_of(url: httpx.URL) -> Origin:
    """Scheme, host and port (default ports made explicit), the unit of trust for a token."""
    scheme = url.scheme.lower()
    return scheme, url.host.lower(), url.port or _DEFAULT_PORTS.get(scheme)


def with_bearer(request: httpx.Request, token: AccessToken) -> None:
    """Set the request's ``Authorization`` header to the token."""
    request.headers["Authorization"] = f"Bearer {token.value}"


def sent_token(request: httpx.Request) -> str | None:
    """The bearer value the request carried when it was last sent.

    Read from the request, not remembered from before the send: a connection-error retry
    re-authorizes the same request with a newer token, and a 401 is about *that* one.
    """
    return parse_bearer(request.headers.get("Authorization"))


class NitroboxAuth(AuthBase):
    """Adds ``Authorization: Bearer <token>`` to requests for the Nitrobox API.

    Only requests to the API's origin (scheme, host and port of ``api_base_url``, by
    default those of the provider's token URL) get the token; any other host reached
    through the same client gets nothing. On a 401 the token that was used is dropped
    (only that one: a token another request already replaced stays), a new one is
    fetched and the request is sent once more; a second 401 is returned as it is. A
    request whose body is a stream cannot be replayed: its 401 is returned, and the
    next request fetches a new token.
    """

    # Never True: it would buffer every streamed response just to look at a 401.
    requires_response_body = False

    def __init__(self, provider: TokenProvider, *, api_base_url: str | None = None) -> None:
        if not isinstance(provider, TokenProvider):
            raise SettingsError(
                f"NitroboxAuth needs a TokenProvider, not {type(provider).__name__}; "
                "build one with TokenProvider.from_settings(settings)"
            )
        self._provider = provider
        base = api_base_url if api_base_url is not None else provider.token_url
        try:
            self._origin = origin_of(httpx.URL(base))
        except httpx.InvalidURL as exc:
            raise SettingsError(f"api_base_url {base!r} is not a valid URL") from exc

    @property
    def provider(self) -> TokenProvider:
        """The token provider this auth takes its tokens from."""
        return self._provider

    def __repr__(self) -> str:
        scheme, host, port = self._origin
        return f"NitroboxAuth(origin='{scheme}://{host}:{port}', provider={self._provider!r})"

    def applies_to(self, request: httpx.Request) -> bool:
        """True when the request goes to the API's own origin and so gets the token."""
        return origin_of(request.url) == self._origin

    # Typed with httpx's classes; httpx2 calls it with its own, which have the same API.
    def sync_auth_flow(  # type: ignore[override]
        self,
        request: httpx.Request,  # type: ignore[override]
    ) -> Generator[httpx.Request, httpx.Response]:
        if not self.applies_to(request):
            yield request
            return
        with_bearer(request, self._provider.get_token())
        # Decided before sending: some transports swap a consumed stream for its bytes.
        replayable = can_replay(request)
        response = yield request
        if response.status_code == 401:
            self._provider.invalidate(sent_token(request))
            if replayable:
                self._log_replay(request)
                with_bearer(request, self._provider.get_token())
                yield request

    async def async_auth_flow(  # type: ignore[override]
        self,
        request: httpx.Request,  # type: ignore[override]
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        if not self.applies_to(request):
            yield request
            return
        with_bearer(request, await self._provider.aget_token())
        # Decided before sending: some transports swap a consumed stream for its bytes.
        replayable = can_replay(request)
        response = yield request
        if response.status_code == 401:
            await self._provider.ainvalidate(sent_token(request))
            if replayable:
                self._log_replay(request)
                with_bearer(request, await self._provider.aget_token())
                yield request

    @staticmethod
    def _log_replay(request: httpx.Request) -> None:
        logger.info(
            "%s %s answered 401; replaying once with a new token",
            request.method,
            request.url.copy_with(query=None),
        )
