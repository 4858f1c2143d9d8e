"""The three transport layers share one frame: the same construction rule, ``repr`` shape
and guard error when used on a side they do not wrap."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from nitrobox_auth import RetryPolicy, RetryTransport, SettingsError
from nitrobox_auth.transport._bounded import BoundedTransport
from nitrobox_auth.transport._connection_errors import ConnectionErrorTransport
from nitrobox_auth.transport._wrapping import WrappingTransport

LAYERS = {
    "retry": lambda **kw: RetryTransport(policy=RetryPolicy(), **kw),
    "bounded": lambda **kw: BoundedTransport(**kw),
    "connection-errors": lambda **kw: ConnectionErrorTransport(**kw),
}


def _ok(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200)


@pytest.mark.parametrize("make", LAYERS.values(), ids=LAYERS.keys())
def test_a_layer_needs_something_to_wrap(make) -> None:
    """Neither transport given: a SettingsError naming the layer."""
    with pytest.raises(SettingsError, match="needs a transport or an async_transport"):
        make()


@pytest.mark.parametrize("make", LAYERS.values(), ids=LAYERS.keys())
def test_the_unwrapped_side_raises_one_typed_error(make) -> None:
    """Sync use of an async-only layer, and the reverse: the same SettingsError."""
    async_only: WrappingTransport = make(async_transport=httpx.MockTransport(_ok))
    request = httpx.Request("GET", "https://api.example/x")
    with pytest.raises(SettingsError, match=r"wraps no sync transport \(give it transport="):
        async_only.handle_request(request)
    sync_only: WrappingTransport = make(transport=httpx.MockTransport(_ok))
    with pytest.raises(SettingsError, match="wraps no async transport"):
        asyncio.run(sync_only.handle_async_request(request))


@pytest.mark.parametrize("make", LAYERS.values(), ids=LAYERS.keys())
def test_the_repr_names_the_layer_and_what_it_wraps(make) -> None:
    """`Layer(<inner>[, options])`, one shape for all three."""
    inner = httpx.MockTransport(_ok)
    layer = make(transport=inner)
    assert repr(layer).startswith(f"{type(layer).__name__}({inner!r}")
    assert layer.handle_request(httpx.Request("GET", "https://api.example/x")).status_code == 200
