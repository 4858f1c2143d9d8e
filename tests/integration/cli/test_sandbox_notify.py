"""`nitrobox sandbox --notify-*`: the sandbox process delivers to a receiver of the test."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest
from http_under_test import httpx

from nitrobox_auth.cli._errors import CommandError
from nitrobox_auth.cli._sandbox_cmd import notify_settings
from nitrobox_sandbox import NotificationInbox

pytestmark = pytest.mark.integration


def test_the_sandbox_command_delivers_notifications() -> None:
    with NotificationInbox() as inbox:
        process = subprocess.Popen(
            [
                sys.executable, "-m", "nitrobox_auth.cli", "sandbox",
                "--notify-url", inbox.url,
                "--notify-token-url", inbox.token_url,
                "--notify-client-id", inbox.client_id,
                "--notify-client-secret", inbox._client_secret,
                "--notify-type", "customer.created",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        try:
            assert process.stdout is not None
            banner = []
            for line in process.stdout:
                banner.append(line)
                if line.startswith("Press Ctrl-C"):
                    break
            text = "".join(banner)
            assert f"notifications  to {inbox.url}" in text
            assert inbox._client_secret not in text
            base_url = text.split("listening on ", 1)[1].split()[0]
            token = httpx.post(
                f"{base_url}/sandbox/oauth2/token",
                auth=("sandbox-client", "sandbox-secret"),
                data={"grant_type": "client_credentials"},
            ).json()["access_token"]
            created = httpx.post(
                f"{base_url}/v2/customers",
                headers={"Authorization": f"Bearer {token}"},
                json={
                    "customerIdent": "CLI-1",
                    "customerType": "B2C",
                    "language": "en",
                    "addresses": [{"addressType": "INVOICE", "city": "Bonn", "country": "DE"}],
                },
            )
            assert created.status_code == 201
            event = inbox.wait_for("customer.created", customer_ident="CLI-1")
            assert event.raw["tenantId"] == 1
            log = httpx.get(f"{base_url}/_sandbox/notifications").json()
            assert [e["outcome"] for e in log] == ["sent"]
        finally:
            process.terminate()
            process.communicate(timeout=10)


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"notify_url": "http://x"}, "--notify-url needs --notify-token-url"),
        ({"notify_type": ["order.created"]}, "--notify-type needs --notify-url"),
    ],
)
def test_incomplete_notify_options_are_refused(given: dict[str, object], message: str) -> None:
    args = argparse.Namespace(
        notify_url=None,
        notify_token_url=None,
        notify_client_id=None,
        notify_client_secret=None,
        notify_type=None,
    )
    vars(args).update(given)
    with pytest.raises(CommandError, match=message):
        notify_settings(args)
