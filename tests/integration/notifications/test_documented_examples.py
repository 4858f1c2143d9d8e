"""Playing Nitrobox against a receiver on loopback with every documented payload example."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from http_under_test import httpx

import nitrobox_auth.webhooks as webhooks
from nitrobox_auth.webhooks import Notification, WebhookReceiver
from nitrobox_sandbox._server import BackgroundServer

pytestmark = pytest.mark.integration

EXAMPLES = json.loads(
    (Path(__file__).parents[2] / "fixtures" / "notification_examples.json").read_text()
)["examples"]
CLIENT_ID, CLIENT_SECRET = "nitrobox", "portal-entered-secret-81c2"


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[str, list[Notification]]]:
    """A receiver served by uvicorn on 127.0.0.1, keeping what its catch-all handler gets."""
    receiver = WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    received: list[Notification] = []
    receiver.on("*")(received.append)
    server = BackgroundServer(receiver.asgi_app())
    server.start()
    try:
        yield f"http://127.0.0.1:{server.port}", received
    finally:
        server.stop()


def _shown(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def test_the_examples_cover_every_documented_type() -> None:
    types = {
        e["payload"].get("notification_type") or e["payload"]["notificationType"] for e in EXAMPLES
    }
    assert types == set(webhooks.NOTIFICATION_TYPES)


@pytest.mark.parametrize("example", EXAMPLES, ids=[e["name"] for e in EXAMPLES])
def test_nitrobox_delivers_a_documented_example(
    served: tuple[str, list[Notification]], example: dict[str, Any]
) -> None:
    """Token by Basic + form grant, then a bearer POST: 200; the handler gets the typed event."""
    base_url, received = served
    received.clear()
    with httpx.Client(base_url=base_url, timeout=5) as nitrobox:
        token = nitrobox.post(
            "/oauth2/token",
            auth=(CLIENT_ID, CLIENT_SECRET),
            data={"grant_type": "client_credentials"},
        )
        assert token.status_code == 200
        answer = nitrobox.post(
            "/notifications",
            headers={"Authorization": f"Bearer {token.json()['access_token']}"},
            json=example["payload"],
        )
    assert answer.status_code == 200, answer.text
    assert len(received) == 1
    event = received[0]
    assert type(event).__name__ == example["class"]
    assert event.raw == example["payload"]
    for name, expected in example["expect"].items():
        assert _shown(getattr(event, name)) == expected, name
