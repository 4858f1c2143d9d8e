"""``BoundedTransport``: a transport wrapper that bounds every exchange in time and size.

It wraps any httpx or httpx2 transport (sync, async or both) and, for every request:

- stamps the request with its total deadline (unless a layer above already did: the
  token provider stamps one per token fetch, retries included) and clamps the httpx
  timeouts to the time left;
- runs the exchange and reads the body within that deadline: async with an anyio
  cancel scope, sync with socket reads clamped to the time left (for transports the
  client built, see :func:`install_socket_deadline`) and a check after every chunk;
- decodes the body itself in bounded steps and refuses it once it passes the size
  limit (``ResponseTooLargeError``), so the whole answer is never buffered first.

The body is decoded here, so the response it hands on carries no ``Content-Encoding``
(and no ``Content-Length``): httpx has nothing left to decompress.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx

from nitrobox_auth._errors import APITimeoutError, ResponseTooLargeError
from nitrobox_auth._http_package import (
    BYTE_STREAMS,
    HTTP_TRANSPORTS,
    HTTPX,
    TIMEOUT_ERRORS,
    AsyncByteStreamBase,
    SyncByteStreamBase,
    package_of,
)
from nitrobox_auth._logging import redact_url
from nitrobox_auth.transport import _deadline, _size_limit
from nitrobox_auth.transport._deadline import Deadline, clamp_timeouts, fail_after, socket_deadline
from nitrobox_auth.transport._size_limit import BoundedDecoder
from nitrobox_auth.transport._wrapping import WrappingTransport


class _Rules:
    """What one request is allowed: its deadline and its size limit; builds the errors."""

    def __init__(self, transport: BoundedTransport, request: httpx.Request) -> None:
        self.request = request
        self.deadline = _deadline.stamp(request, transport.deadline)
        self._transport = transport

    def timed_out(self) -> APITimeoutError:
        request = self.request
        url = redact_url(request.url)
        return APITimeoutError(
            f"{request.method} {url} got no complete answer within its "
            f"{self.deadline.total:g} s deadline (connect, send and the whole answer, "
            "retries included)",
            method=request.method,
            url=url,
        )

    def limit_for(self, content_type: str | None) -> int:
        own = self.request.extensions.get(_size_limit.EXTENSION_KEY)
        if isinstance(own, int):
            return own
        if _size_limit.is_text(content_type):
            return self._transport.max_answer_bytes
        return self._transport.max_file_bytes

    def lowest_limit(self) -> int:
        """A size every answer to this request may have, whatever its content type."""
        own = self.request.extensions.get(_size_limit.EXTENSION_KEY)
        if isinstance(own, int):
            return own
        return min(self._transport.max_answer_bytes, self._transport.max_file_bytes)

    def too_large(self, limit: int) -> _size_limit.TooLarge:
        request = self.request
        hint = (
            "a limit of the request itself"
            if _size_limit.EXTENSION_KEY in request.extensions
            else "create_client(max_answer_bytes=..., max_file_bytes=...) sets the limits"
        )

        def build() -> ResponseTooLargeError:
            return ResponseTooLargeError(
                f"the answer to {request.method} {redact_url(request.url)} is larger than "
                f"the {limit}-byte limit (measured after decompression); it was not read "
                f"further ({hint})",
                limit=limit,
            )

        return build

    def bounded(self, response: httpx.Response, stream: Any) -> httpx.Response:
        headers = response.headers
        encoding = headers.get("Content-Encoding", "")
        raw = response.stream
        if isinstance(raw, BYTE_STREAMS) and _size_limit.is_identity(encoding):
            # The whole body is already in memory (an in-process or mock transport): no
            # read can stall and nothing is left to decode, only its size to check (and
            # which limit applies is looked up only for a body that could pass one).
            size = sum(len(chunk) for chunk in raw)
            if size > self.lowest_limit():
                limit = self.limit_for(headers.get("Content-Type"))
                if size > limit:
                    raise self.too_large(limit)()
            return response
        limit = self.limit_for(headers.get("Content-Type"))
        if _size_limit.declared_too_large(encoding, headers.get("Content-Length"), limit):
            raise self.too_large(limit)()
        decoder = BoundedDecoder(encoding, limit, self.too_large(limit))
        consumed = response.is_stream_consumed
        # A fresh answer is of the package of the one received (httpx or httpx2): a client
        # refuses the other package's Response.
        package = (package_of(response) or HTTPX) if consumed else HTTPX
        if consumed:
            headers = package.Headers(headers)
        if decoder.decodes:
            del headers["Content-Encoding"]
            if "Content-Length" in headers:
                del headers["Content-Length"]
        body = stream(self, raw, decoder)
        if consumed:
            # Read already (an httpx.Response built with content=): a fresh response over
            # the raw bytes, so they too pass the size limit and the bounded decoder.
            return package.Response(
                response.status_code,
                headers=headers,
                stream=body,
                extensions=response.extensions,
                request=self.request,
            )
        # Changed in place: nobody but this layer has seen a transport's response yet.
        response.stream = body
        return response


class _SyncBody(SyncByteStreamBase):
    def __init__(self, rules: _Rules, raw: Any, decoder: BoundedDecoder) -> None:
        self._rules = rules
        self._raw = raw
        self._decoder = decoder

    def __iter__(self) -> Iterator[bytes]:
        deadline = self._rules.deadline
        clamp_timeouts(self._rules.request, deadline)
        chunks = iter(self._raw)
        while True:
            with socket_deadline(deadline):
                try:
                    chunk = next(chunks)
                except StopIteration:
                    break
                except TIMEOUT_ERRORS:
                    if deadline.expired():
                        raise self._rules.timed_out() from None
                    raise
            if deadline.expired():
                raise self._rules.timed_out()
            yield from self._decoder.feed(chunk)
        tail = self._decoder.flush()
        if tail:
            yield tail

    def close(self) -> None:
        self._raw.close()


class _AsyncBody(AsyncByteStreamBase):
    def __init__(self, rules: _Rules, raw: Any, decoder: BoundedDecoder) -> None:
        self._rules = rules
        self._raw = raw
        self._decoder = decoder

    async def __aiter__(self) -> AsyncIterator[bytes]:
        deadline = self._rules.deadline
        clamp_timeouts(self._rules.request, deadline)
        chunks = self._raw.__aiter__()
        while True:
            try:
                # No yield inside the cancel scope: it must not span the consumer's code.
                async with fail_after(_left(deadline)):
                    chunk = await chunks.__anext__()
            except StopAsyncIteration:
                break
            except TimeoutError:
                raise self._rules.timed_out() from None
            except TIMEOUT_ERRORS:
                if deadline.expired():
                    raise self._rules.timed_out() from None
                raise
            for part in self._decoder.feed(chunk):
                yield part
        tail = self._decoder.flush()
        if tail:
            yield tail

    async def aclose(self) -> None:
        await self._raw.aclose()


def _left(deadline: Deadline) -> float:
    return max(deadline.remaining(), 0.0)


class BoundedTransport(WrappingTransport):
    """Bounds each exchange through ``transport`` / ``async_transport`` in time and size.

    - ``deadline``: seconds for a whole exchange (all attempts of one request when the
      retry layers run above this one), unless the request carries its own;
    - ``max_answer_bytes``: limit for JSON and other text answers;
    - ``max_file_bytes``: limit for binary answers (files).

    Closing it closes the wrapped transports.
    """

    def __init__(
        self,
        transport: httpx.BaseTransport | None = None,
        *,
        async_transport: httpx.AsyncBaseTransport | None = None,
        deadline: float = _deadline.DEFAULT_API_DEADLINE,
        max_answer_bytes: int = _size_limit.DEFAULT_MAX_ANSWER_BYTES,
        max_file_bytes: int = _size_limit.DEFAULT_MAX_FILE_BYTES,
    ) -> None:
        super().__init__(transport, async_transport=async_transport)
        self.deadline = _deadline.check_deadline_seconds("deadline", deadline)
        self.max_answer_bytes = _size_limit.check_limit("max_answer_bytes", max_answer_bytes)
        self.max_file_bytes = _size_limit.check_limit("max_file_bytes", max_file_bytes)
        if isinstance(transport, HTTP_TRANSPORTS):
            _deadline.install_socket_deadline(transport)

    def _repr_options(self) -> str:
        return f"deadline={self.deadline:g}"

    @staticmethod
    def _prepare(request: httpx.Request) -> None:
        # Only encodings the bounded decoder can undo (httpx would add br and zstd when
        # their packages are installed); a caller's narrower choice (identity) is kept.
        if not _size_limit.bounded_accept(request.headers.get("Accept-Encoding", "")):
            request.headers["Accept-Encoding"] = _size_limit.ACCEPT_ENCODING

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._sync_inner()
        rules = _Rules(self, request)
        if rules.deadline.expired():
            raise rules.timed_out()
        self._prepare(request)
        clamp_timeouts(request, rules.deadline)
        with socket_deadline(rules.deadline):
            try:
                response = inner.handle_request(request)
            except TIMEOUT_ERRORS:
                if rules.deadline.expired():
                    raise rules.timed_out() from None
                raise
        if rules.deadline.expired():
            response.close()
            raise rules.timed_out()
        try:
            return rules.bounded(response, _SyncBody)
        except BaseException:
            response.close()
            raise

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._async_inner()
        rules = _Rules(self, request)
        if rules.deadline.expired():
            raise rules.timed_out()
        self._prepare(request)
        clamp_timeouts(request, rules.deadline)
        try:
            async with fail_after(_left(rules.deadline)):
                response = await inner.handle_async_request(request)
        except TimeoutError:
            raise rules.timed_out() from None
        except TIMEOUT_ERRORS:
            if rules.deadline.expired():
                raise rules.timed_out() from None
            raise
        try:
            return rules.bounded(response, _AsyncBody)
        except BaseException:
            await response.aclose()
            raise
