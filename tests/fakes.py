"""Test doubles shared by several test folders (importable because pytest's ``pythonpath``
includes ``tests/``)."""

from __future__ import annotations

import subprocess
import sys

import anyio


def token_value(n: int) -> str:
    """A recognisable token value, long enough to be masked; the secrets scans look for these."""
    return f"eyJtok{n:03d}" + "Zq9" * 10


class FakeClock:
    """A clock that moves only when told to, or when something sleeps on it (recorded)."""

    def __init__(self, start: float) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)
        await anyio.lowlevel.checkpoint()


def python_output(code: str) -> str:
    """What a fresh interpreter running ``code`` prints: for tests of what an import loads."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return result.stdout
