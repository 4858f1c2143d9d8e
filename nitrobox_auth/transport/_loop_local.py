"""``LoopLocalTransport``: an async connection pool per event loop, closed as its loop ends.

An ``httpx.AsyncHTTPTransport`` keeps its kept-alive connections for the next request, and
those belong to the event loop that opened them: a second ``asyncio.run()`` reusing the same
client would find them bound to a closed loop (``RuntimeError: Event loop is closed``).

This wrapper opens the inner transport from a factory for the loop that sends, and lets that
loop close it: with the inner transport it starts an async generator that only waits, and
``asyncio.run()`` and ``trio.run()`` close every unfinished async generator just before their
loop ends (``loop.shutdown_asyncgens()``), which closes the pool while its loop still runs.
A loop that ends without that step (closed by hand) leaves its pool behind; the next loop
gets a fresh one either way.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable

import httpx

from nitrobox_auth._http_package import HTTPX, HTTPPackage


def _running_loop() -> object:
    """The running event loop (asyncio) or trio run, to compare with ``==`` (anyio makes a
    new, equal token object at each call)."""
    import asyncio  # here: a program that never goes async should not pay for it at import

    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        import anyio.lowlevel  # trio, through anyio's backend-neutral token

        return anyio.lowlevel.current_token()


class LoopLocalTransport(httpx.AsyncBaseTransport):
    """Sends through ``factory()``'s transport, one per event loop (see the module)."""

    def __init__(
        self,
        factory: Callable[[], httpx.AsyncBaseTransport],
        *,
        http_package: HTTPPackage = HTTPX,
    ) -> None:
        self._factory = factory
        # The package of the pools the factory builds (read by _http_package.package_of:
        # the class alone would say httpx).
        self.http_package = http_package
        self._loop: object | None = None
        self._inner: httpx.AsyncBaseTransport | None = None
        self._keeper: AsyncGenerator[None] | None = None

    def __repr__(self) -> str:
        return f"LoopLocalTransport({self._inner!r})"

    @property
    def holds_connections(self) -> bool:
        """Whether a pool is open (in a loop still running, or one closed by hand)."""
        return self._inner is not None

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        inner = self._inner
        if inner is None or _running_loop() != self._loop:
            inner = await self._open()
        return await inner.handle_async_request(request)

    async def _open(self) -> httpx.AsyncBaseTransport:
        # No await suspends in here (the keeper runs to its first yield at once), so two
        # tasks of one loop cannot both open a transport.
        self._loop = _running_loop()
        inner = self._inner = self._factory()
        keeper = self._keep(inner)
        await keeper.asend(None)
        self._keeper = keeper
        return inner

    async def _keep(self, inner: httpx.AsyncBaseTransport) -> AsyncGenerator[None]:
        try:
            yield
        finally:
            if self._inner is inner:
                self._inner = None
                self._loop = None
            await inner.aclose()

    async def aclose(self) -> None:
        keeper, self._keeper = self._keeper, None
        if keeper is None:
            return
        if self._inner is not None and _running_loop() == self._loop:
            await keeper.aclose()  # closes the inner transport, in its own loop
        # A pool of another loop that ended without closing it cannot be closed from here.
        self._inner = None
        self._loop = None
