"""Scripts and the journal for `nitrobox sandbox` users: over HTTP, against the real command."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from nitrobox_auth import APIConnectionError, NitroboxSettings, RetryPolicy, create_client

pytestmark = pytest.mark.integration


@pytest.fixture
def served() -> Iterator[str]:
    """`nitrobox sandbox` in a child process; its base URL once it serves."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "nitrobox_auth.cli", "sandbox", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    try:
        for line in process.stdout:
            if line.startswith("Press Ctrl-C"):
                break
        yield f"http://127.0.0.1:{port}"
    finally:
        process.kill()
        process.communicate(timeout=30)


def test_scripts_and_the_journal_over_http(served: str) -> None:
    """A scripted 503 and a dropped connection reach a real client; the journal shows both."""
    settings = NitroboxSettings(
        tenant="sandbox",
        client_id="sandbox-client",
        client_secret="sandbox-secret",
        base_url=served,
    )
    waits: list[float] = []
    with (
        httpx.Client(base_url=served) as control,
        create_client(settings, retry=RetryPolicy(max_attempts=1, sleep=waits.append)) as client,
    ):
        created = control.post(
            "/_sandbox/scripts",
            json={
                "operation_id": "queryCustomers",
                "entries": [{"status": 503, "headers": {"Retry-After": "60"}}, {"reset": True}],
            },
        )
        assert created.status_code == 201
        http = client.get_httpx_client()
        first = http.get("/v2/customers")
        assert (first.status_code, first.headers["Retry-After"]) == (503, "60")
        with pytest.raises(APIConnectionError, match="RemoteProtocolError"):
            http.get("/v2/customers")  # the server closed the connection without an answer
        assert http.get("/v2/customers").status_code == 200
        assert control.get("/_sandbox/scripts").json() == {"pending": []}
        journal = control.get("/_sandbox/calls", params={"operation_id": "queryCustomers"})
        calls = journal.json()["calls"]
        assert [(c["status"], c["scripted"]) for c in calls] == [
            (503, True),
            (None, True),
            (200, False),
        ]
        assert len({c["token_fingerprint"] for c in calls}) == 1
        assert "sandbox-secret" not in control.get("/_sandbox/calls").text
        assert control.delete("/_sandbox/calls").status_code == 204
        assert control.get("/_sandbox/calls").json() == {"calls": [], "dropped": 0}
