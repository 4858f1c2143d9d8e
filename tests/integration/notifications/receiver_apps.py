"""The FastAPI and Flask set-ups of docs/notifications.md, as the multi-process tests serve
them (``uvicorn receiver_apps:fastapi_app --workers 3``, ``gunicorn -w 3
receiver_apps:flask_app``).

Configured from the environment so every worker process builds the same receiver:
``NBX_SECRET`` (the client secret), ``NBX_PREVIOUS_SECRET`` (optional, rotation),
``NBX_RECORD`` (a file each handled delivery appends one line to: pid, event loop, the
notification's ident), ``NBX_REDIS`` (optional: a ``RedisDeliveryLog`` on that URL) and
``NBX_SLOW`` (optional: seconds a handler sleeps, to keep a delivery in progress).
"""

from __future__ import annotations

import asyncio
import json
import os
import threading
from typing import Any

from nitrobox_auth.webhooks import Notification, WebhookReceiver

CLIENT_ID = "nitrobox"


def _receiver() -> WebhookReceiver:
    options: dict[str, Any] = {}
    if os.environ.get("NBX_PREVIOUS_SECRET"):
        options["previous_client_secret"] = os.environ["NBX_PREVIOUS_SECRET"]
    if os.environ.get("NBX_REDIS"):
        from nitrobox_auth.webhooks import RedisDeliveryLog

        options["delivery_log"] = RedisDeliveryLog(os.environ["NBX_REDIS"])
    return WebhookReceiver(client_id=CLIENT_ID, client_secret=os.environ["NBX_SECRET"], **options)


def _record(event: Notification, loop: int | None) -> None:
    line = json.dumps(
        {
            "pid": os.getpid(),
            "thread": threading.get_ident(),
            "loop": loop,
            "ident": event.raw.get("orderIdent") or event.raw.get("ident"),
            "type": event.notification_type,
            "class": type(event).__name__,
            "unreadable": list(getattr(event, "unreadable", ())),  # (older versions: none)
        }
    )
    # one short O_APPEND write per line: lines of several processes never interleave
    descriptor = os.open(os.environ["NBX_RECORD"], os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(descriptor, (line + "\n").encode())
    finally:
        os.close(descriptor)


def _build() -> WebhookReceiver:
    receiver = _receiver()
    slow = float(os.environ.get("NBX_SLOW") or 0)

    @receiver.on("*")
    async def record(event: Notification) -> None:
        if slow:
            await asyncio.sleep(slow)
        _record(event, id(asyncio.get_running_loop()))

    return receiver


def _fastapi() -> Any:
    from fastapi import FastAPI

    app = FastAPI()
    app.mount("/nitrobox", _build().asgi_app())
    return _asgi_pid(app)


def _flask() -> Any:
    from flask import Flask
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    app = Flask(__name__)
    app.wsgi_app = DispatcherMiddleware(  # type: ignore[method-assign]
        app.wsgi_app, {"/nitrobox": _build().wsgi_app()}
    )
    return _wsgi_pid(app)


# The tests' own addition: which worker process answered (x-worker-pid), so a test can see
# that a redelivery reached another worker.
def _asgi_pid(app: Any) -> Any:
    async def wrapper(scope: Any, receive: Any, send: Any) -> None:
        async def tagged(message: Any) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message["headers"], (b"x-worker-pid", b"%d" % os.getpid())]
            await send(message)

        await app(scope, receive, tagged)

    return wrapper


def _wsgi_pid(app: Any) -> Any:
    def wrapper(environ: Any, start_response: Any) -> Any:
        def tagged(status: str, headers: list[tuple[str, str]], *exc: Any) -> Any:
            return start_response(status, [*headers, ("x-worker-pid", str(os.getpid()))], *exc)

        return app(environ, tagged)

    return wrapper


def __getattr__(name: str) -> Any:
    # built on first use, so one import serves both servers
    if name == "fastapi_app":
        return _fastapi()
    if name == "flask_app":
        return _flask()
    raise AttributeError(name)
