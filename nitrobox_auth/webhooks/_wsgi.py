"""The receiver as a WSGI application (Flask, Django, gunicorn): a few lines over the core's
synchronous driver :meth:`WebhookReceiver.respond`."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from nitrobox_auth._checks import ascii_digits
from nitrobox_auth.webhooks._receiver import WebhookReceiver

StartResponse = Callable[[str, list[tuple[str, str]]], Any]


class ReceiverWSGIApp:
    """``receiver.wsgi_app()``. Routes are relative to ``SCRIPT_NAME`` (the mount point),
    as WSGI servers and Werkzeug's ``DispatcherMiddleware`` set it."""

    def __init__(self, receiver: WebhookReceiver) -> None:
        self.receiver = receiver

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        headers = {
            key[5:].replace("_", "-").lower(): value
            for key, value in environ.items()
            if key.startswith("HTTP_")
        }
        for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
            if environ.get(key):
                headers[key.replace("_", "-").lower()] = environ[key]
        length = (
            int(headers["content-length"]) if ascii_digits(headers.get("content-length", "")) else 0
        )
        stream = environ["wsgi.input"]

        def read_body(limit: int) -> bytes:
            # never read past CONTENT_LENGTH: a WSGI input stream may block there
            return bytes(stream.read(min(limit, length))) if length else b""

        answer = self.receiver.respond(
            environ.get("REQUEST_METHOD", "GET"),
            environ.get("PATH_INFO", "") or "/",
            headers,
            read_body,
        )
        start_response(answer.status_line, list(answer.headers))
        return [answer.body]
