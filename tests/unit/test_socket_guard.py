"""The suite's promise that `-m "not integration"` needs no network holds."""

from __future__ import annotations

import socket

import pytest


def test_an_unmarked_test_cannot_connect() -> None:
    """Connecting from a unit test fails at once, naming the marker to add."""
    with pytest.raises(OSError, match="integration"):
        socket.create_connection(("127.0.0.1", 9), timeout=1)


def test_an_unmarked_test_cannot_listen() -> None:
    """Binding a port from a unit test fails too."""
    with socket.socket() as server, pytest.raises(OSError, match="integration"):
        server.bind(("127.0.0.1", 0))


def test_socket_pairs_still_work() -> None:
    """Event loops need their self-pipe: socketpair() is not the network."""
    left, right = socket.socketpair()
    with left, right:
        left.sendall(b"x")
        assert right.recv(1) == b"x"


@pytest.mark.integration
def test_a_marked_test_may_listen_on_loopback() -> None:
    """With the marker, loopback servers work as usual."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        assert server.getsockname()[1] > 0
