"""A loopback HTTP server that misbehaves on purpose: it trickles, stays silent, or sends
gzip bombs and endless bodies. Each path names a behaviour; every loop is bounded and
ends when the server stops or the client hangs up."""

from __future__ import annotations

import contextlib
import socketserver
import threading
import time
import zlib
from collections.abc import Callable
from typing import Final

TOKEN_PATH: Final = "/hostile-test/oauth2/token"
# The server answers one request per connection and then closes it, so every answer says
# so: a client that reused the connection (after the token answer, say) could otherwise
# send its next request into a socket being closed and get a disconnect, not a deadline.
_CLOSE: Final = "Connection: close\r\n"
_JSON_HEAD: Final = f"HTTP/1.1 200 OK\r\n{_CLOSE}Content-Type: application/json\r\n"
# A drip never lasts longer than this, whatever the client does.
_MAX_DRIP_SECONDS: Final = 30.0
# One byte per interval: far below any per-read timeout, so only a total deadline ends a
# drip (the 200-odd bytes of a drip take 10 s or more, many times the tests' deadlines).
DRIP_INTERVAL: Final = 0.05

Behaviour = Callable[["_Handler"], None]


def gzip_bomb(unpacked_bytes: int) -> bytes:
    """A gzip body that unpacks to ``unpacked_bytes`` of a JSON string (about 1000:1),
    compressed in steps so that building it never holds the unpacked bytes."""
    packer = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    parts = [packer.compress(b'"')]
    step = b"0" * (1024 * 1024)
    left = unpacked_bytes - 2
    while left > 0:
        parts.append(packer.compress(step[: min(left, len(step))]))
        left -= len(step)
    parts.append(packer.compress(b'"'))
    parts.append(packer.flush())
    return b"".join(parts)


class _Handler(socketserver.BaseRequestHandler):
    server: HostileServer

    def handle(self) -> None:
        self.request.settimeout(5)
        head = b""
        while b"\r\n\r\n" not in head and len(head) < 65536:
            data = self.request.recv(4096)
            if not data:
                return
            head += data
        request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
        method, path = request_line.split(" ")[:2]
        self.server.record(method, path)
        behaviour = self.server.behaviours.get(path.split("?")[0], _not_found)
        # OSError: the client hung up, as it should after its deadline
        with contextlib.suppress(OSError):
            behaviour(self)

    def send(self, data: bytes) -> None:
        self.request.sendall(data)

    def drip(self, data: bytes, interval: float) -> None:
        """``data`` one byte per ``interval`` seconds, until sent or the server stops."""
        started = time.monotonic()
        for index in range(len(data)):
            if self.server.stopping.wait(interval):
                return
            if time.monotonic() - started > _MAX_DRIP_SECONDS:
                return
            self.request.sendall(data[index : index + 1])


def _not_found(handler: _Handler) -> None:
    handler.send(f"HTTP/1.1 404 Not Found\r\n{_CLOSE}Content-Length: 0\r\n\r\n".encode())


def drip_body(handler: _Handler) -> None:
    body = b'{"items": "' + b"x" * 200 + b'"}'
    handler.send(f"{_JSON_HEAD}Content-Length: {len(body)}\r\n\r\n".encode())
    handler.drip(body, DRIP_INTERVAL)


def drip_head(handler: _Handler) -> None:
    body = b"{}"
    handler.drip(
        f"{_JSON_HEAD}X-Padding: {'p' * 200}\r\nContent-Length: 2\r\n\r\n".encode() + body,
        DRIP_INTERVAL,
    )


def silent(handler: _Handler) -> None:
    handler.server.stopping.wait(_MAX_DRIP_SECONDS)


def always_503(handler: _Handler) -> None:
    handler.send(
        f"HTTP/1.1 503 Service Unavailable\r\n{_CLOSE}Retry-After: 1\r\n"
        "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}".encode()
    )


def endless_json(handler: _Handler) -> None:
    """A chunked JSON string that never ends (bounded by the server's stop and 1 GiB)."""
    handler.send(f"{_JSON_HEAD}Transfer-Encoding: chunked\r\n\r\n".encode())
    chunk = b"x" * 65536
    framed = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    handler.send(b'1\r\n"\r\n')
    for _ in range(16384):
        if handler.server.stopping.is_set():
            return
        handler.send(framed)


def bomb(unpacked_bytes: int, content_type: str = "application/json") -> Behaviour:
    payload = gzip_bomb(unpacked_bytes)

    def send_bomb(handler: _Handler) -> None:
        handler.send(
            f"HTTP/1.1 200 OK\r\n{_CLOSE}Content-Type: {content_type}\r\nContent-Encoding: gzip\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n".encode()
            + payload
        )

    return send_bomb


def fixed(
    status: int, body: bytes, content_type: str = "application/json", extra: str = ""
) -> Behaviour:
    def send_fixed(handler: _Handler) -> None:
        handler.send(
            f"HTTP/1.1 {status} X\r\n{_CLOSE}Content-Type: {content_type}\r\n{extra}"
            f"Content-Length: {len(body)}\r\n\r\n".encode()
            + body
        )

    return send_fixed


class HostileServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.behaviours: dict[str, Behaviour] = {}
        self.requests: list[tuple[str, str]] = []
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.05})

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def record(self, method: str, path: str) -> None:
        with self._lock:
            self.requests.append((method, path))

    def count(self, path: str) -> int:
        with self._lock:
            return sum(1 for _, seen in self.requests if seen.split("?")[0] == path)

    def __enter__(self) -> HostileServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)
