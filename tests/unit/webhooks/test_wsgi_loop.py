"""Async handlers under WSGI run on one long-lived event loop, whichever thread calls, even
a thread that already runs a loop of its own (where asyncio.run would fail)."""

from __future__ import annotations

import asyncio
import io
import json
import threading
from typing import Any

from webhook_helpers import CLIENT_ID, CLIENT_SECRET, basic

from nitrobox_auth.webhooks import Notification, WebhookReceiver


def wsgi_call(app: Any, path: str, body: bytes, **headers: str) -> tuple[str, bytes]:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": path,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
        **headers,
    }
    status: list[str] = []
    chunks = app(environ, lambda s, h: status.append(s))
    return status[0], b"".join(chunks)


def test_async_handlers_share_one_loop_from_any_thread() -> None:
    receiver = WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    loops: list[int] = []
    threads: list[int] = []

    @receiver.on("order.created")
    async def record(event: Notification) -> None:
        await asyncio.sleep(0)
        loops.append(id(asyncio.get_running_loop()))
        threads.append(threading.get_ident())

    app = receiver.wsgi_app()
    _, token_body = wsgi_call(
        app,
        "/oauth2/token",
        b"grant_type=client_credentials",
        HTTP_AUTHORIZATION=basic(),
        CONTENT_TYPE="application/x-www-form-urlencoded",
    )
    bearer = json.loads(token_body)["access_token"]
    statuses: list[str] = []
    caller_loops: list[int] = []

    def deliver(n: int) -> None:
        body = json.dumps({"notification_type": "order.created", "orderIdent": f"O-{n}"})
        status, _ = wsgi_call(
            app, "/notifications", body.encode(), HTTP_AUTHORIZATION=f"Bearer {bearer}"
        )
        statuses.append(status)

    async def a_thread_with_its_own_loop(n: int) -> None:
        caller_loops.append(id(asyncio.get_running_loop()))
        deliver(n)  # a WSGI server calling the app synchronously from inside a loop

    workers = [threading.Thread(target=deliver, args=(n,)) for n in range(4)]
    workers += [
        threading.Thread(target=asyncio.run, args=(a_thread_with_its_own_loop(n),))
        for n in range(4, 8)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(10)
    deliver(8)
    try:
        assert statuses == ["200 OK"] * 9
        assert len(set(loops)) == 1
        assert len(set(threads)) == 1
        assert not set(loops) & set(caller_loops)
    finally:
        receiver.close()


def test_close_stops_the_loop_and_the_next_delivery_starts_one() -> None:
    receiver = WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    seen: list[str] = []

    @receiver.on("order.created")
    async def record(event: Notification) -> None:
        seen.append(threading.current_thread().name)

    from webhook_helpers import notify

    assert notify(receiver, {"notification_type": "order.created", "orderIdent": "1"}).status == 200
    receiver.close()
    assert notify(receiver, {"notification_type": "order.created", "orderIdent": "2"}).status == 200
    receiver.close()
    assert seen == ["nitrobox-webhooks-loop"] * 2
