"""The ASGI app under a mount prefix (Starlette) and the WSGI app, without sockets."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx
from starlette.applications import Starlette
from starlette.routing import Mount
from webhook_helpers import CLIENT_ID, CLIENT_SECRET, basic

from nitrobox_auth.webhooks import Notification, WebhookReceiver
from nitrobox_auth.webhooks._asgi import relative_path
from nitrobox_sandbox import SyncASGITransport


def test_mounted_under_a_prefix_in_starlette() -> None:
    """Mount("/hooks/nitrobox", receiver.asgi_app()) serves the two routes below the prefix."""
    receiver = WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    seen: list[str] = []
    receiver.on("*")(lambda event: seen.append(event.notification_type))
    app = Starlette(routes=[Mount("/hooks/nitrobox", app=receiver.asgi_app())])
    with httpx.Client(
        transport=SyncASGITransport(app, http_package=HTTP_NAME), base_url="http://svc.test"
    ) as client:
        grant = {"grant_type": "client_credentials"}
        answer = client.post(
            "/hooks/nitrobox/oauth2/token", auth=(CLIENT_ID, CLIENT_SECRET), data=grant
        )
        assert answer.status_code == 200
        bearer = answer.json()["access_token"]
        sent = client.post(
            "/hooks/nitrobox/notifications",
            headers={"Authorization": f"Bearer {bearer}"},
            json={"notification_type": "order.created"},
        )
        assert sent.status_code == 200
        assert client.post("/oauth2/token", data=grant).status_code == 404
    assert seen == ["order.created"]


@pytest.mark.parametrize(
    ("path", "root", "expected"),
    [
        ("/notifications", "", "/notifications"),
        ("/hooks/notifications", "/hooks", "/notifications"),  # ASGI spec: path has the prefix
        ("/notifications", "/hooks", "/notifications"),  # older servers strip it
        ("/hooksx/notifications", "/hooks", "/hooksx/notifications"),  # not the same segment
        ("/hooks", "/hooks/", "/"),
    ],
)
def test_relative_path(path: str, root: str, expected: str) -> None:
    assert relative_path({"path": path, "root_path": root}) == expected


def _wsgi(app: Any, path: str, body: bytes, **headers: str) -> tuple[str, dict[str, str], bytes]:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "SCRIPT_NAME": "/hooks",
        "PATH_INFO": path,
        "CONTENT_LENGTH": str(len(body)),
        "wsgi.input": io.BytesIO(body),
    }
    environ.update(headers)
    status: list[Any] = []
    chunks = app(environ, lambda s, h: status.extend([s, dict(h)]))
    return status[0], status[1], b"".join(chunks)


def test_the_wsgi_app_serves_both_routes() -> None:
    receiver = WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET)
    seen: list[Notification] = []
    receiver.on("invoice.archived")(seen.append)
    app = receiver.wsgi_app()
    status, headers, body = _wsgi(
        app,
        "/oauth2/token",
        b"grant_type=client_credentials",
        HTTP_AUTHORIZATION=basic(),
        CONTENT_TYPE="application/x-www-form-urlencoded",
    )
    assert status == "200 OK"
    assert headers["content-type"] == "application/json"
    bearer = json.loads(body)["access_token"]
    payload = json.dumps({"notification_type": "invoice.archived", "invoice_ident": "I-7"}).encode()
    status, _, _ = _wsgi(app, "/notifications", payload, HTTP_AUTHORIZATION=f"Bearer {bearer}")
    assert status == "200 OK"
    assert [e.raw["invoice_ident"] for e in seen] == ["I-7"]
    status, _, _ = _wsgi(app, "/notifications", payload, HTTP_AUTHORIZATION="Bearer nope")
    assert status == "401 Unauthorized"


def test_a_non_ascii_content_length_is_not_a_crash() -> None:
    """'²' passes str.isdigit() but not int(): it counts as no length, not a 500."""
    from nitrobox_auth.webhooks._values import ascii_digits

    assert not ascii_digits("²")
    assert ascii_digits("120")
