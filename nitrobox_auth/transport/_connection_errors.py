"""The outermost transport of ``create_client``'s clients: no-answer failures become typed.

httpx (or httpx2) raises its own ``ConnectError``, ``ReadTimeout``... when the API gives no
(complete) answer; httpx2 may let an ``ssl.SSLError`` or ``anyio.EndOfStream`` of a failed
TLS handshake escape instead (see :mod:`nitrobox_auth._http_package`). Past the retry
transport, that is final, and it leaves this package as
:class:`~nitrobox_auth.APITimeoutError` (any timeout) or
:class:`~nitrobox_auth.APIConnectionError` (any other transport failure), with the method
and the URL (secret-looking query values masked) of the call. The response body is wrapped
too: httpx reads it after the transport returned, and a timeout there is the same failure.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx

from nitrobox_auth._errors import APIConnectionError, APITimeoutError
from nitrobox_auth._http_package import (
    ASYNC_BYTE_STREAMS,
    BYTE_STREAMS,
    NO_ANSWER_ERRORS,
    SYNC_BYTE_STREAMS,
    TIMEOUT_ERRORS,
    AsyncByteStreamBase,
    SyncByteStreamBase,
)
from nitrobox_auth._logging import redact_url
from nitrobox_auth.transport._wrapping import WrappingTransport


def connection_error(request: httpx.Request, error: Exception) -> APIConnectionError:
    """The typed error for a transport failure of ``request`` (httpx's or httpx2's, or a TLS
    error that escaped httpx2's mapping)."""
    method, url = request.method, redact_url(request.url)
    timed_out = isinstance(error, TIMEOUT_ERRORS)
    what = "no answer in time" if timed_out else "no answer"
    # The class name says which failure (ConnectError, ReadTimeout...); httpx's own text
    # ("[Errno 111] Connection refused") says why. Neither holds a header or a token.
    detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    message = f"{method} {url} failed: {what} from the API ({detail})"
    cls = APITimeoutError if timed_out else APIConnectionError
    return cls(message, method=method, url=url)


class _SyncStream(SyncByteStreamBase):
    def __init__(self, stream: httpx.SyncByteStream, request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    def __iter__(self) -> Iterator[bytes]:
        try:
            yield from self._stream
        except NO_ANSWER_ERRORS as error:
            raise connection_error(self._request, error) from error

    def close(self) -> None:
        self._stream.close()


class _AsyncStream(AsyncByteStreamBase):
    def __init__(self, stream: httpx.AsyncByteStream, request: httpx.Request) -> None:
        self._stream = stream
        self._request = request

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for chunk in self._stream:
                yield chunk
        except NO_ANSWER_ERRORS as error:
            raise connection_error(self._request, error) from error

    async def aclose(self) -> None:
        await self._stream.aclose()


class ConnectionErrorTransport(WrappingTransport):
    """Wraps a transport (sync, async or both) so its failures are ``APIConnectionError``."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._sync_inner()
        try:
            response = inner.handle_request(request)
        except NO_ANSWER_ERRORS as error:
            raise connection_error(request, error) from error
        stream = response.stream
        # A body already in memory cannot fail to arrive: left unwrapped.
        if isinstance(stream, SYNC_BYTE_STREAMS) and not isinstance(stream, BYTE_STREAMS):
            response.stream = _SyncStream(stream, request)
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._async_inner()
        try:
            response = await inner.handle_async_request(request)
        except NO_ANSWER_ERRORS as error:
            raise connection_error(request, error) from error
        stream = response.stream
        if isinstance(stream, ASYNC_BYTE_STREAMS) and not isinstance(stream, BYTE_STREAMS):
            response.stream = _AsyncStream(stream, request)
        return response
