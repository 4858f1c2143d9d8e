"""WebhookReceiver: token endpoint, bearer checks, body rules, handlers, redeliveries."""

from __future__ import annotations

import asyncio
import base64
import logging
from typing import Any

import anyio
import pytest
from fakes import FakeClock
from http_under_test import httpx
from webhook_helpers import CLIENT_ID, CLIENT_SECRET, basic, call, notify, token

from nitrobox_auth import NitroboxError
from nitrobox_auth.webhooks import (
    MAX_BODY_SIZE,
    InvoiceArchivedNotification,
    InvoiceNotification,
    Notification,
    WebhookConfigError,
    WebhookReceiver,
)
from nitrobox_auth.webhooks._asgi import read_body

ARCHIVED = {"notification_type": "invoice.archived", "invoice_ident": "INV-1"}
FORM = {"content_type": "application/x-www-form-urlencoded"}
GRANT = b"grant_type=client_credentials"


# -- token endpoint ---------------------------------------------------------------------------


def test_token_endpoint_issues_a_random_bearer_token(receiver: WebhookReceiver) -> None:
    """Basic credentials + form grant -> access_token, bearer, expires_in = token_lifetime."""
    answer = call(receiver, "/oauth2/token", GRANT, authorization=basic(), **FORM)
    assert answer.status == 200
    body = answer.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 300
    assert ("cache-control", "no-store") in answer.headers
    raw = base64.urlsafe_b64decode(body["access_token"] + "==")
    assert len(raw) * 8 >= 128
    assert token(receiver) != body["access_token"]


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        basic(secret="wrong"),
        basic(client_id="someone-else"),
        basic(secret=CLIENT_SECRET[:-1]),
        "Basic not-base64!",
        "Basic " + base64.b64encode(b"no-colon").decode(),
        "Bearer " + CLIENT_SECRET,
    ],
)
def test_wrong_client_credentials_get_invalid_client(
    receiver: WebhookReceiver, authorization: str | None
) -> None:
    """Missing, wrong or malformed Basic credentials: 401 invalid_client with a Basic challenge."""
    headers = {"authorization": authorization} if authorization else {}
    answer = call(receiver, "/oauth2/token", GRANT, **FORM, **headers)
    assert answer.status == 401
    assert answer.json()["error"] == "invalid_client"
    assert dict(answer.headers)["www-authenticate"].startswith("Basic ")
    assert CLIENT_SECRET.encode() not in answer.body


def test_credentials_are_compared_in_constant_time(
    receiver: WebhookReceiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both the id and the secret go through hmac.compare_digest, even when the id is wrong."""
    import nitrobox_auth.webhooks._tokens as tokens

    compared: list[tuple[bytes, bytes]] = []
    real = tokens.hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return real(a, b)

    monkeypatch.setattr(tokens.hmac, "compare_digest", spy)
    call(receiver, "/oauth2/token", GRANT, authorization=basic("x", "y"), **FORM)
    assert [b for _, b in compared] == [CLIENT_ID.encode(), CLIENT_SECRET.encode()]


def test_form_encoded_basic_credentials_are_accepted() -> None:
    """RFC 6749 2.3.1 form-encodes client_id and secret inside Basic; both forms work."""
    receiver = WebhookReceiver(client_id="nb", client_secret="a+b c%")
    for secret in ("a+b c%", "a%2Bb+c%25"):
        answer = call(receiver, "/oauth2/token", GRANT, authorization=basic("nb", secret), **FORM)
        assert answer.status == 200, secret


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        (b"grant_type=password", 400, "unsupported_grant_type"),
        (b"grant_type=client_credential", 400, "unsupported_grant_type"),
        (b"", 400, "invalid_request"),
        (b"scope=x", 400, "invalid_request"),
        (b"grant_type=client_credentials&" + b"x" * 20_000, 413, "invalid_request"),
    ],
)
def test_grant_problems(receiver: WebhookReceiver, body: bytes, status: int, error: str) -> None:
    """A wrong grant is 400 unsupported_grant_type; a missing one 400 invalid_request."""
    answer = call(receiver, "/oauth2/token", body, authorization=basic(), **FORM)
    assert (answer.status, answer.json()["error"]) == (status, error)


def test_the_grant_must_be_a_form(receiver: WebhookReceiver) -> None:
    answer = call(
        receiver,
        "/oauth2/token",
        b'{"grant_type": "client_credentials"}',
        authorization=basic(),
        content_type="application/json",
    )
    assert answer.status == 400
    assert "x-www-form-urlencoded" in answer.json()["error_description"]


# -- bearer check -----------------------------------------------------------------------------


def test_notifications_need_a_bearer_token(receiver: WebhookReceiver) -> None:
    answer = call(receiver, "/notifications", b'{"notification_type": "order.created"}')
    assert answer.status == 401
    assert dict(answer.headers)["www-authenticate"].startswith("Bearer ")


@pytest.mark.parametrize("bearer", ["made-up", "Zm9vYmFy" * 6, ""])
def test_unknown_tokens_are_refused(receiver: WebhookReceiver, bearer: str) -> None:
    assert notify(receiver, ARCHIVED, bearer=bearer).status == 401


def test_tokens_expire_after_token_lifetime(clock: FakeClock) -> None:
    receiver = WebhookReceiver(
        client_id=CLIENT_ID, client_secret=CLIENT_SECRET, token_lifetime=60, clock=clock
    )
    bearer = token(receiver)
    clock.advance(59.9)
    assert notify(receiver, ARCHIVED, bearer=bearer).status == 200
    clock.advance(0.2)
    answer = notify(receiver, {**ARCHIVED, "n": 2}, bearer=bearer)
    assert answer.status == 401
    assert "expired" in answer.json()["message"]


# -- body rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>", "not JSON"),
        (b"[]", "JSON object"),
        (b'{"invoice_ident": "I-1"}', "notification_type"),
        (b'{"notification_type": 7}', "must be a non-empty string"),
    ],
)
def test_bodies_that_are_no_notification_get_400(
    receiver: WebhookReceiver, body: bytes, message: str
) -> None:
    answer = notify(receiver, body)
    assert answer.status == 400
    assert message in answer.json()["message"]


def test_a_field_of_the_wrong_kind_is_still_delivered(
    receiver: WebhookReceiver, caplog: pytest.LogCaptureFixture
) -> None:
    """A 400 makes Nitrobox drop the delivery in the end: a surprising value reaches the
    handler as None, named in event.unreadable and logged, with the value in raw."""
    got: list[Notification] = []
    receiver.on("invoice.created")(got.append)
    body = {"notification_type": "invoice.created", "invoice_ident": "I-1", "outstanding": "lots"}
    assert notify(receiver, body).status == 200
    (event,) = got
    assert isinstance(event, InvoiceNotification)
    assert (event.invoice_ident, event.outstanding, event.unreadable) == (
        "I-1",
        None,
        ("outstanding",),
    )
    assert event.raw["outstanding"] == "lots"
    assert "'outstanding'" in caplog.text


def test_a_body_over_one_mebibyte_gets_413(receiver: WebhookReceiver) -> None:
    body = b'{"notification_type": "order.created", "pad": "' + b"x" * MAX_BODY_SIZE + b'"}'
    assert notify(receiver, body).status == 413


def test_a_declared_length_over_the_limit_is_refused_before_reading(
    receiver: WebhookReceiver,
) -> None:
    """Content-Length over the limit: 413 without reading the body at all."""

    def read(limit: int) -> bytes:
        raise AssertionError("the body was read")

    headers = {"authorization": f"Bearer {token(receiver)}", "content-length": str(2 << 20)}
    assert receiver.respond("POST", "/notifications", headers, read).status == 413


def test_the_asgi_reader_stops_at_the_limit() -> None:
    """The ASGI body reader asks for no more chunks once the limit is reached."""
    received = 0

    async def receive() -> dict[str, Any]:
        nonlocal received
        received += 1
        return {"type": "http.request", "body": b"x" * 65536, "more_body": True}

    body = anyio.run(read_body, receive, MAX_BODY_SIZE + 1)
    assert len(body) == MAX_BODY_SIZE + 1
    assert received == MAX_BODY_SIZE // 65536 + 1


def test_the_asgi_app_answers_413_over_the_limit(asgi_client: httpx.Client) -> None:
    bearer = asgi_client.post(
        "/oauth2/token", auth=(CLIENT_ID, CLIENT_SECRET), data={"grant_type": "client_credentials"}
    ).json()["access_token"]
    answer = asgi_client.post(
        "/notifications",
        headers={"Authorization": f"Bearer {bearer}"},
        content=iter([b"{" + b" " * (MAX_BODY_SIZE + 10) + b"}"]),  # chunked: no Content-Length
    )
    assert answer.status_code == 413


def test_other_routes_and_methods(receiver: WebhookReceiver) -> None:
    assert call(receiver, "/elsewhere").status == 404
    answer = call(receiver, "/notifications", method="GET")
    assert answer.status == 405
    assert ("allow", "POST") in answer.headers


# -- handlers ----------------------------------------------------------------------------------


def test_sync_async_and_catch_all_handlers_are_called_in_order(
    asgi_client: httpx.Client, receiver: WebhookReceiver
) -> None:
    calls: list[str] = []

    @receiver.on("invoice.archived")
    def first(event: InvoiceArchivedNotification) -> None:
        calls.append(f"sync {event.invoice_ident}")

    @receiver.on("invoice.archived")
    async def second(event: InvoiceArchivedNotification) -> None:
        await asyncio.sleep(0)
        calls.append(f"async {event.invoice_ident}")

    @receiver.on("*")
    def everything(event: Notification) -> None:
        calls.append(f"all {event.notification_type}")

    bearer = asgi_client.post(
        "/oauth2/token", auth=(CLIENT_ID, CLIENT_SECRET), data={"grant_type": "client_credentials"}
    ).json()["access_token"]
    for payload in (ARCHIVED, {"notification_type": "order.created", "orderIdent": "O-1"}):
        answer = asgi_client.post(
            "/notifications", headers={"Authorization": f"Bearer {bearer}"}, json=payload
        )
        assert answer.status_code == 200
    assert calls == ["sync INV-1", "async INV-1", "all invoice.archived", "all order.created"]


def test_async_handlers_run_in_the_sync_core_too(receiver: WebhookReceiver) -> None:
    seen: list[str] = []

    @receiver.on("invoice.archived")
    async def handler(event: InvoiceArchivedNotification) -> None:
        seen.append(event.notification_type)

    assert notify(receiver, ARCHIVED).status == 200
    assert seen == ["invoice.archived"]


def test_a_type_without_handlers_is_acknowledged(receiver: WebhookReceiver) -> None:
    assert notify(receiver, {"notification_type": "settlement.created"}).json() == {
        "status": "received"
    }


def test_a_typo_in_a_type_is_refused_with_a_suggestion(receiver: WebhookReceiver) -> None:
    with pytest.raises(WebhookConfigError, match=r"did you mean 'invoice\.archived'"):
        receiver.on("invoice.archive")
    receiver.on("voucher.redeemed", allow_unknown=True)(lambda event: None)


def test_redelivery_is_acknowledged_without_calling_handlers(receiver: WebhookReceiver) -> None:
    seen: list[str] = []
    receiver.on("*")(lambda event: seen.append(event.notification_type))
    first = notify(receiver, ARCHIVED)
    again = notify(receiver, ARCHIVED)
    assert (first.status, again.status) == (200, 200)
    assert again.json() == {"status": "duplicate"}
    assert seen == ["invoice.archived"]


def test_the_redelivery_memory_is_bounded() -> None:
    """Only the last `remember` bodies are remembered; older ones are handled again."""
    receiver = WebhookReceiver(client_id=CLIENT_ID, client_secret=CLIENT_SECRET, remember=2)
    seen: list[str] = []
    receiver.on("*")(lambda event: seen.append(event.raw["orderIdent"]))
    bearer = token(receiver)
    for ident in ("O-1", "O-2", "O-3", "O-1", "O-3"):
        payload = {"notification_type": "order.created", "orderIdent": ident}
        assert notify(receiver, payload, bearer=bearer).status == 200
    assert seen == ["O-1", "O-2", "O-3", "O-1"]


def test_a_failing_handler_gives_500_without_traceback_or_secrets(
    receiver: WebhookReceiver, caplog: pytest.LogCaptureFixture
) -> None:
    """500 so Nitrobox retries; the answer has no traceback; the log has no secret or token."""
    bearer = token(receiver)

    @receiver.on("invoice.archived")
    def broken(event: InvoiceArchivedNotification) -> None:
        raise RuntimeError(
            f"database down; auth was Bearer {bearer} and secret {CLIENT_SECRET} header {basic()}"
        )

    with caplog.at_level(logging.DEBUG, logger="nitrobox_auth.webhooks"):
        answer = notify(receiver, ARCHIVED, bearer=bearer)
    assert answer.status == 500
    assert b"Traceback" not in answer.body
    assert b"database down" not in answer.body
    assert b"RuntimeError" not in answer.body
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "database down" in logged
    assert "Traceback" in logged
    assert bearer not in logged
    assert CLIENT_SECRET not in logged
    assert basic().split()[1] not in logged


def test_a_failed_delivery_is_handled_again_when_redelivered(receiver: WebhookReceiver) -> None:
    attempts: list[int] = []

    @receiver.on("invoice.archived")
    def flaky(event: InvoiceArchivedNotification) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first time fails")

    assert notify(receiver, ARCHIVED).status == 500
    assert notify(receiver, ARCHIVED).status == 200
    assert notify(receiver, ARCHIVED).json() == {"status": "duplicate"}
    assert len(attempts) == 2


# -- construction ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs",
    [
        {"client_id": ""},
        {"client_secret": ""},
        {"client_id": "a:b"},
        {"token_lifetime": 0},
        {"token_lifetime": True},
        {"token_lifetime": float("nan")},
        {"remember": 0},
        {"max_body_size": -1},
    ],
)
def test_bad_configuration_is_refused(kwargs: dict[str, Any]) -> None:
    settings: dict[str, Any] = {"client_id": CLIENT_ID, "client_secret": CLIENT_SECRET, **kwargs}
    with pytest.raises(WebhookConfigError) as caught:
        WebhookReceiver(**settings)
    assert isinstance(caught.value, NitroboxError)


def test_repr_masks_the_secret(receiver: WebhookReceiver) -> None:
    assert CLIENT_SECRET not in repr(receiver)
    assert CLIENT_ID in repr(receiver)


def test_an_interrupted_delivery_is_not_stuck_as_in_progress(receiver: WebhookReceiver) -> None:
    """A handler cancelled mid-way (BaseException) leaves the body neither handled nor busy."""
    calls: list[int] = []

    @receiver.on("invoice.archived")
    def interrupted(event: InvoiceArchivedNotification) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        notify(receiver, ARCHIVED)
    assert notify(receiver, ARCHIVED).json() == {"status": "received"}
    assert len(calls) == 2


def test_the_same_body_in_progress_gets_503(receiver: WebhookReceiver) -> None:
    """A second copy while the first is still being handled: 503 + Retry-After, not lost."""
    bearer = token(receiver)
    answers = []

    @receiver.on("invoice.archived")
    def nested(event: InvoiceArchivedNotification) -> None:
        if not answers:
            answers.append(notify(receiver, ARCHIVED, bearer=bearer))

    assert notify(receiver, ARCHIVED, bearer=bearer).status == 200
    assert answers[0].status == 503
    assert ("retry-after", "1") in answers[0].headers
