"""Helpers for the receiver-kit tests: requests through the core, tokens, notifications."""

from __future__ import annotations

import base64
import io
import json
from typing import Any

from nitrobox_auth.webhooks import Answer, WebhookReceiver

CLIENT_ID = "nitrobox-portal"
CLIENT_SECRET = "hook-secret-Xq7Zp2Lm9Kd4"


def basic(client_id: str = CLIENT_ID, secret: str = CLIENT_SECRET) -> str:
    return "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()


FORM = {"content-type": "application/x-www-form-urlencoded"}


def call(
    receiver: WebhookReceiver, path: str, body: bytes = b"", method: str = "POST", **headers: str
) -> Answer:
    """One request through the framework-neutral core."""
    stream = io.BytesIO(body)
    lowered = {k.replace("_", "-").lower(): v for k, v in headers.items()}
    return receiver.respond(method, path, lowered, stream.read)


def token(receiver: WebhookReceiver) -> str:
    answer = call(
        receiver,
        "/oauth2/token",
        b"grant_type=client_credentials",
        authorization=basic(),
        **_form(),
    )
    assert answer.status == 200, answer.body
    value: str = answer.json()["access_token"]
    return value


def _form() -> dict[str, str]:
    return {"content_type": "application/x-www-form-urlencoded"}


def notify(receiver: WebhookReceiver, payload: Any, bearer: str | None = None) -> Answer:
    body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
    bearer = bearer if bearer is not None else token(receiver)
    return call(receiver, "/notifications", body, authorization=f"Bearer {bearer}")
