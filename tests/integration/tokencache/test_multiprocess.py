"""Four real processes share a token: about one token request per refresh window."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

WORKER = Path(__file__).with_name("token_worker.py")
PROCESSES = 4
SECONDS = 3.0
# A 2 s token: margin min(30, 2/2) = 1 s, renewed a quarter margin earlier, at 0.75 s.
RENEW_EVERY = 0.75
READY_TIMEOUT = 60.0


def run_workers(token_server, cache: str) -> list[dict[str, int]]:
    """Start the workers, let them all begin together, and collect their counts."""
    command = [
        sys.executable, str(WORKER), "--token-url", token_server.token_url,
        "--seconds", str(SECONDS),
    ]  # fmt: skip
    if cache:
        command += ["--cache", cache]
    workers = [
        subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        for _ in range(PROCESSES)
    ]
    try:
        for worker in workers:
            assert worker.stdout is not None
            assert worker.stdout.readline().strip() == "ready"
        token_server.reset()
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        results = []
        for worker in workers:
            out, _ = worker.communicate(timeout=READY_TIMEOUT)
            assert worker.returncode == 0
            results.append(json.loads(out.strip().splitlines()[-1]))
        return results
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait(10)


def windows() -> int:
    return math.ceil(SECONDS / RENEW_EVERY)


def check(results: list[dict[str, int]], requests: int) -> None:
    assert sum(r["failures"] for r in results) == 0
    assert all(r["calls"] > 0 for r in results)
    # One request per window, give or take the first fetch and a window cut by the end;
    # without sharing, every process would fetch in every window (4x).
    assert 1 <= requests <= windows() + 2, requests


def test_four_processes_sharing_a_file_cache(token_server, tmp_path: Path) -> None:
    """4 processes on one FileTokenCache: about one token request per refresh window."""
    results = run_workers(token_server, str(tmp_path / "tokens"))
    check(results, token_server.count)


def test_four_processes_sharing_redis(token_server, redis_server) -> None:
    """4 processes on one RedisTokenCache: about one token request per refresh window."""
    results = run_workers(token_server, redis_server.url)
    check(results, token_server.count)


def test_four_processes_without_a_shared_cache_each_fetch(token_server) -> None:
    """The baseline the cache exists for: every process fetches in every window."""
    results = run_workers(token_server, "")
    assert sum(r["failures"] for r in results) == 0
    assert token_server.count >= PROCESSES * (windows() - 1)
