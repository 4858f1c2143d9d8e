"""Helpers for the notification tests: a served receiver of the test's own, request bodies."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from nitrobox_auth.webhooks import Notification, WebhookReceiver
from nitrobox_sandbox import Sandbox

CLIENT_ID, CLIENT_SECRET = "sandbox-sender", "receiver-secret-5d1e9a"


@dataclass
class Endpoint:
    """A served receiver and counts of what reached it."""

    receiver: WebhookReceiver
    base_url: str
    token_requests: list[int] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"{self.base_url}/notifications"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/oauth2/token"

    def subscribe(self, sandbox: Sandbox, **kwargs: Any) -> Any:
        return sandbox.subscribe(
            self.url,
            token_url=self.token_url,
            client_id=CLIENT_ID,
            client_secret=CLIENT_SECRET,
            **kwargs,
        )


def counting(app: Any, counts: list[int]) -> Any:
    """``app``, counting the token requests that reach it."""

    async def wrapper(scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].endswith("/oauth2/token"):
            counts.append(1)
        await app(scope, receive, send)

    return wrapper


def keep(receiver: WebhookReceiver) -> list[Notification]:
    """Everything the receiver's handlers get, in order."""
    received: list[Notification] = []
    receiver.on("*")(received.append)
    return received


CUSTOMER = {
    "customerIdent": "CUST-1",
    "customerType": "B2B",
    "language": "en",
    "addresses": [
        {"addressType": "INVOICE", "addressIdent": "ADDR-1", "city": "Kiel", "country": "DE"}
    ],
}
CONTRACT = {
    "contractIdent": "CON-1",
    "debtorIdent": "CUST-1",
    "date": "2025-01-01T00:00:00Z",
    "startDate": "2025-01-01T00:00:00Z",
}
BILLING_RUN = {"debtorIdent": "CUST-1", "processingDate": "2030-01-01T00:00:00Z"}
