"""Fixtures for the receiver tests: a receiver on a fake clock, the ASGI app without sockets."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fakes import FakeClock
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx
from webhook_helpers import CLIENT_ID, CLIENT_SECRET

from nitrobox_auth.webhooks import WebhookReceiver


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


@pytest.fixture
def receiver(clock: FakeClock) -> WebhookReceiver:
    return WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, clock=clock)


@pytest.fixture
def asgi_client(receiver: WebhookReceiver) -> Iterator[httpx.Client]:
    """The ASGI app through httpx's in-process transport (no socket), driven synchronously."""
    from nitrobox_sandbox import SyncASGITransport

    with httpx.Client(
        transport=SyncASGITransport(receiver.asgi_app(), http_package=HTTP_NAME),
        base_url="http://receiver.test",
    ) as client:
        yield client
