"""What every test of the suite shares: the `integration` marker means real sockets, and
property tests have no deadline.

A test without the marker may not open a network connection or listen on a port: unit,
spec and in-process (ASGI) tests stay fast and independent of the machine's network, and a
test that talks over loopback says so with ``@pytest.mark.integration``, so
``-m "not integration"`` really runs without sockets. Socket pairs (event loops' self-pipes)
and subprocesses are unaffected.
"""

from __future__ import annotations

import socket
from typing import Any

import http_under_test
import pytest
from hypothesis import settings

# Property tests judge behaviour, not speed: on a loaded two-core CI machine hypothesis'
# default 200 ms deadline fails examples that are merely slow.
settings.register_profile("nitrobox", deadline=None)
settings.load_profile("nitrobox")


class SocketUseError(OSError):
    """A test without the `integration` marker tried to use the network.

    An OSError, so the standard library closes the half-made socket as for any failed
    connection (no ResourceWarning).
    """


def _refuse(operation: str) -> Any:
    def refuse(self: socket.socket, *args: Any, **kwargs: Any) -> Any:
        if self.family == socket.AF_UNIX:
            return getattr(super(socket.socket, self), operation)(*args, **kwargs)
        raise SocketUseError(
            f"socket.{operation}{args!r} in a test without @pytest.mark.integration: "
            "mark the test (it talks over real sockets) or use an in-process transport"
        )

    return refuse


@pytest.fixture(autouse=True)
def _sockets_only_in_integration_tests(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if request.node.get_closest_marker("integration") is None:
        for operation in ("connect", "connect_ex", "bind"):
            monkeypatch.setattr(socket.socket, operation, _refuse(operation))


# Set in the processes of an xdist run; a user's suite that a test runs with pytester is
# not one of them (pytest-benchmark, for one, would disable itself with a warning).
_XDIST_VARIABLES = ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID")

# This suite's own tools, which no user suite run with pytester uses: their pytest plugins
# import hypothesis (and schemathesis) in every interpreter, about 3 s of CPU for each
# pytester subprocess and xdist worker, more than the inner suite itself takes.
_UNUSED_PLUGINS = "-p no:schemathesis -p no:hypothesispytest"


@pytest.fixture(autouse=True)
def _pytester_runs_are_their_own_session(
    request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    if "pytester" in request.fixturenames:
        for name in _XDIST_VARIABLES:
            monkeypatch.delenv(name, raising=False)
        # After pytester is made: it clears PYTEST_ADDOPTS. In-process runs, subprocess
        # runs and their xdist workers all read it.
        request.getfixturevalue("pytester")
        monkeypatch.setenv("PYTEST_ADDOPTS", _UNUSED_PLUGINS)


@pytest.fixture
def nitrobox_http_package() -> str:
    """The plugin's ``nitrobox_client`` runs on the package of this pass (http_under_test)."""
    return http_under_test.NAME
