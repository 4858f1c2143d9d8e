"""Serving the documented set-ups with several worker processes, and playing Nitrobox
against them: a token from the token endpoint, then each notification on a new connection.

Used by the multi-process tests and by ``benchmarks/notification_bench.py``.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).parent / "integration" / "notifications"  # receiver_apps.py
# NBX_RECEIVER_REPO serves another checkout (the "before" figures of the benchmark)
REPO = Path(os.environ.get("NBX_RECEIVER_REPO") or Path(__file__).parents[1])
CLIENT_ID = "nitrobox"
READY_TIMEOUT = 30.0
# Nitrobox-like sender: no keep-alive, so every delivery is a new connection (and may reach
# another worker); short timeouts keep a broken server from holding the suite up.
TIMEOUT = httpx.Timeout(5.0, connect=2.0)


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Served:
    """A server process (and its workers) on 127.0.0.1."""

    kind: str  # "uvicorn" or "gunicorn"
    workers: int
    secret: str
    record: Path
    env: Mapping[str, str] = field(default_factory=dict)
    port: int = 0
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/nitrobox"

    def start(self) -> Served:
        self.port = free_port()
        self.record.touch()
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(
                [str(HERE), str(REPO), str(REPO / "generated"), os.environ.get("PYTHONPATH", "")]
            ),
            "NBX_SECRET": self.secret,
            "NBX_RECORD": str(self.record),
            **self.env,
        }
        if self.kind == "uvicorn":
            command = [
                sys.executable, "-m", "uvicorn", "receiver_apps:fastapi_app",
                "--host", "127.0.0.1", "--port", str(self.port),
                "--workers", str(self.workers), "--log-level", "warning", "--no-access-log",
            ]  # fmt: skip
        else:
            command = [
                sys.executable, "-m", "gunicorn", "receiver_apps:flask_app",
                "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers),
                "--log-level", "warning", "--graceful-timeout", "2", "--timeout", "30",
            ]  # fmt: skip
        self.process = subprocess.Popen(
            command, env=env, cwd=HERE, stdout=subprocess.DEVNULL, start_new_session=True
        )
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        """Until every worker has answered (x-worker-pid), each request on a new connection,
        within READY_TIMEOUT: a test that starts while some workers are still importing the
        app would see one worker take every delivery."""
        deadline = time.monotonic() + READY_TIMEOUT
        assert self.process is not None
        seen: set[str] = set()
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.kind} exited with {self.process.returncode}")
            try:
                answer = httpx.post(f"{self.base_url}/oauth2/token", timeout=1.0)
            except httpx.HTTPError:
                time.sleep(0.1)
                continue
            if answer.status_code == 401 and "x-worker-pid" in answer.headers:
                seen.add(answer.headers["x-worker-pid"])
                if len(seen) == self.workers:
                    return
        self.stop()
        raise RuntimeError(
            f"{self.kind}: {len(seen)} of {self.workers} workers answered on port {self.port}"
            f" within {READY_TIMEOUT:g} s"
        )

    def stop(self) -> None:
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)

    def handled(self) -> list[dict[str, Any]]:
        """What the handlers recorded, one dict per handled delivery."""
        return [json.loads(line) for line in self.record.read_text().splitlines() if line]

    def forget(self) -> None:
        self.record.write_text("")


def fresh_client() -> httpx.Client:
    return httpx.Client(timeout=TIMEOUT, limits=httpx.Limits(max_keepalive_connections=0))


def fetch_token(client: httpx.Client, base_url: str, secret: str) -> str:
    answer = client.post(
        f"{base_url}/oauth2/token",
        auth=(CLIENT_ID, secret),
        data={"grant_type": "client_credentials"},
        headers={"connection": "close"},
    )
    assert answer.status_code == 200, answer.text
    token: str = answer.json()["access_token"]
    return token


def deliver(
    client: httpx.Client, base_url: str, token: str, payload: Mapping[str, Any]
) -> httpx.Response:
    return client.post(
        f"{base_url}/notifications",
        content=json.dumps(payload).encode(),
        headers={
            "authorization": f"Bearer {token}",
            "content-type": "application/json",
            "connection": "close",
        },
    )


def order(ident: str) -> dict[str, Any]:
    return {"orderIdent": ident, "tenantId": 1, "notification_type": "order.created"}


def play_nitrobox(
    base_url: str, secret: str, count: int, *, fresh_tokens: bool
) -> tuple[Counter[int], list[str]]:
    """``count`` distinct notifications, each on a new connection, with one cached token
    (refetched only after a 401, as Nitrobox does) or a fresh token per delivery. The
    status counts of the first attempts, and the idents sent."""
    statuses: Counter[int] = Counter()
    idents = [f"order-{uuid.uuid4().hex[:12]}" for _ in range(count)]
    with fresh_client() as client:
        token = fetch_token(client, base_url, secret)
        for ident in idents:
            if fresh_tokens:
                token = fetch_token(client, base_url, secret)
            answer = deliver(client, base_url, token, order(ident))
            statuses[answer.status_code] += 1
            if answer.status_code == 401:
                token = fetch_token(client, base_url, secret)
    return statuses, idents
