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
    return app


def _flask() -> Any:
    from flask import Flask
    from werkzeug.middleware.dispatcher import DispatcherMiddleware

    app = Flask(__name__)
    app.wsgi_app = DispatcherMiddleware(  # type: ignore[method-assign]
        app.wsgi_app, {"/nitrobox": _build().wsgi_app()}
    )
    return app


def __getattr__(name: str) -> Any:
    # built on first use, so one import serves both servers
    if name == "fastapi_app":
        return _fastapi()
    if name == "flask_app":
        return _flask()
    raise AttributeError(name)

