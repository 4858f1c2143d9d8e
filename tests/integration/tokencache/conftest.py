"""Fixtures for the shared token cache tests: a redis-server of our own and a counting
token endpoint, both on loopback (see tests/loopback_servers.py)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback_servers import RedisServer, TokenServer


@pytest.fixture(scope="session")
def redis_binary() -> str:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip(
            "no redis-server binary on PATH: install it (apt-get install redis-server) to run "
            "the RedisTokenCache tests; .ci/run installs it in CI"
        )
    return binary


@pytest.fixture
def redis_server(redis_binary: str, tmp_path: Path) -> Iterator[RedisServer]:
    """A fresh redis-server for one test."""
    directory = tmp_path / "redis"
    directory.mkdir()
    server = RedisServer(redis_binary, directory).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def token_server() -> Iterator[TokenServer]:
    """A counting token endpoint granting 2 s tokens."""
    server = TokenServer(lifetime=2.0)
    server.thread.start()
    try:
        yield server
    finally:
        server.http.shutdown()
        server.http.server_close()
        server.thread.join(10)
