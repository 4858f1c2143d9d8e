"""`nitrobox sandbox`: a real server process that serves tokens until Ctrl-C."""

from __future__ import annotations

import json
import re
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from http_under_test import httpx

from nitrobox_auth.cli import main

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.fixture
def port() -> int:
    """A port that was free a moment ago (the child binds it right away)."""
    return free_port()


@pytest.fixture
def sandbox_process(port: int) -> Iterator[tuple[subprocess.Popen[str], list[str]]]:
    """`nitrobox sandbox` in a child process, with the banner lines it printed before serving."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "nitrobox_auth.cli",
            "sandbox",
            "--port",
            str(port),
            "--token-lifetime",
            "42",
            "--client-secret",
            "s3cret-for-this-test",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    banner: list[str] = []
    try:
        for line in process.stdout:
            banner.append(line.rstrip("\n"))
            if line.startswith("Press Ctrl-C"):
                break
        yield process, banner
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=30)


def test_serves_tokens_with_printed_credentials_and_stops_on_ctrl_c(
    sandbox_process: tuple[subprocess.Popen[str], list[str]], port: int
) -> None:
    """The URL (on the asked port) and credentials work; the lifetime applies; SIGINT exits 0."""
    process, banner = sandbox_process
    text = "\n".join(banner)
    url = re.search(rf"listening on (http://127\.0\.0\.1:{port})$", text, re.M)
    token_url = re.search(r"token URL\s+(\S+)", text)
    client_id = re.search(r"client ID\s+(\S+)", text)
    assert url, text
    assert token_url, text
    assert client_id, text
    assert token_url.group(1) == f"{url.group(1)}/sandbox/oauth2/token"
    assert f"NITROBOX_BASE_URL={url.group(1)}" in text

    response = httpx.post(
        token_url.group(1),
        auth=(client_id.group(1), "s3cret-for-this-test"),
        data={"grant_type": "client_credentials"},
    )
    assert response.status_code == 200
    assert response.json()["expires_in"] == 42

    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=30) == 0


def test_invalid_fault_option_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """An error rate above 1 is a usage error naming the flag, raised before serving."""
    assert main(["sandbox", "--error-rate", "1.5"]) == 2
    out, err = capsys.readouterr()
    assert "--error-rate must be between 0.0 and 1.0" in err
    assert "error_rate" not in err
    assert "listening" not in out


WIDGET_SPEC = {
    "openapi": "3.0.3",
    "info": {"title": "widgets", "version": "1"},
    "paths": {
        "/v2/widgets": {
            "get": {
                "operationId": "listWidgets",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {"application/json": {"schema": {"type": "array", "items": {}}}},
                    }
                },
            }
        }
    },
}


WIDGET_PATHS = ("/v2/widgets", "/v2/customers")


def test_spec_option_serves_that_spec(tmp_path: Path, port: int) -> None:
    """--spec FILE: the sandbox answers that document's operations, not the bundled ones."""
    spec = tmp_path / "widgets.json"
    spec.write_text(json.dumps(WIDGET_SPEC), encoding="utf-8")
    command = [sys.executable, "-m", "nitrobox_auth.cli", "sandbox", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--spec", str(spec)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert process.stdout is not None
    try:
        banner = []
        for line in process.stdout:
            banner.append(line)
            if line.startswith("Press Ctrl-C"):
                break
        assert any(str(spec) in line for line in banner), banner
        with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
            token = client.post(
                "/sandbox/oauth2/token",
                auth=("sandbox-client", "sandbox-secret"),
                data={"grant_type": "client_credentials"},
            ).json()["access_token"]
            headers = {"Authorization": f"Bearer {token}"}
            answers = {p: client.get(p, headers=headers).status_code for p in WIDGET_PATHS}
        assert answers == {"/v2/widgets": 200, "/v2/customers": 404}
    finally:
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=30)


@pytest.mark.parametrize("content", ["not json", "[1, 2]", '{"openapi": "3.0.3"}'])
def test_spec_option_refuses_a_file_that_is_no_spec(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    spec = tmp_path / "spec.json"
    spec.write_text(content, encoding="utf-8")
    assert main(["sandbox", "--spec", str(spec)]) == 2
    out, err = capsys.readouterr()
    assert str(spec) in err
    assert "listening" not in out
