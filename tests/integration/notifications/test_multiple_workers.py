"""The documented set-ups under real servers with three worker processes each: uvicorn with
the FastAPI set-up, gunicorn with the Flask set-up, and uvicorn sharing a RedisDeliveryLog
on a redis-server of the test's own. A sender plays Nitrobox: a token from the token
endpoint, then every notification on a new connection, so deliveries land on any worker.

Servers start once per run (a few seconds each); every wait is bounded.
"""

from __future__ import annotations

import base64
import json
import shutil
import time
import uuid
from collections import Counter
from collections.abc import Iterator

import pytest
from loopback_servers import RedisServer
from notification_facts import available, payloads
from notification_servers import (
    CLIENT_ID,
    Served,
    deliver,
    fetch_token,
    fresh_client,
    order,
    play_nitrobox,
)

from nitrobox_auth.webhooks import NOTIFICATION_TYPES, WebhookReceiver

# One xdist worker takes the whole module, so each server starts once per run, not once on
# each worker that draws one of its tests (`--dist loadgroup`).
pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("notification-servers")]

SECRET = "portal-secret-7f3a9c21d0"
OLD_SECRET = "portal-secret-before-rotation-55e1"
DELIVERIES = 100
WORKERS = 3


@pytest.fixture(scope="module")
def uvicorn_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    record = tmp_path_factory.mktemp("uvicorn") / "handled.jsonl"
    server = Served("uvicorn", WORKERS, SECRET, record).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def gunicorn_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Mid-rotation: the secret is SECRET, and the previous one still works."""
    record = tmp_path_factory.mktemp("gunicorn") / "handled.jsonl"
    env = {"NBX_PREVIOUS_SECRET": OLD_SECRET}
    server = Served("gunicorn", WORKERS, SECRET, record, env).start()
    yield server
    server.stop()


@pytest.fixture(params=["uvicorn", "gunicorn"])
def server(request: pytest.FixtureRequest) -> Served:
    served: Served = request.getfixturevalue(f"{request.param}_server")
    served.forget()
    return served


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("no redis-server binary on PATH (apt-get install redis-server)")
    redis = RedisServer(binary, tmp_path_factory.mktemp("redis")).start()
    yield redis.url
    redis.stop()


@pytest.fixture(scope="module")
def redis_server(tmp_path_factory: pytest.TempPathFactory, redis_url: str) -> Iterator[Served]:
    record = tmp_path_factory.mktemp("uvicorn-redis") / "handled.jsonl"
    server = Served("uvicorn", WORKERS, SECRET, record, {"NBX_REDIS": redis_url}).start()
    yield server
    server.stop()


def instance(secret: str = SECRET, **kwargs: object) -> WebhookReceiver:
    """Another instance of the receiver, in this process (same client id)."""
    return WebhookReceiver(client_id=CLIENT_ID, client_secret=secret, **kwargs)  # type: ignore[arg-type]


def issued_by(receiver: WebhookReceiver) -> str:
    answer = receiver.respond(
        "POST",
        "/oauth2/token",
        {
            "authorization": "Basic "
            + base64.b64encode(f"{CLIENT_ID}:{receiver._secrets[0]}".encode()).decode(),
            "content-type": "application/x-www-form-urlencoded",
        },
        lambda limit: b"grant_type=client_credentials",
    )
    token: str = answer.json()["access_token"]
    return token


def send(served: Served, token: str, payload: dict[str, object]) -> tuple[int, str]:
    with fresh_client() as client:
        answer = deliver(client, served.base_url, token, payload)
    return answer.status_code, answer.text


# -- every delivery answered and handled once -------------------------------------------------


@pytest.mark.parametrize("fresh_tokens", [False, True], ids=["cached-token", "fresh-tokens"])
def test_every_delivery_is_answered_200_and_handled_once(
    server: Served, fresh_tokens: bool
) -> None:
    statuses, idents = play_nitrobox(server.base_url, SECRET, DELIVERIES, fresh_tokens=fresh_tokens)
    assert statuses == Counter({200: DELIVERIES})
    handled = server.handled()
    assert Counter(line["ident"] for line in handled) == Counter(idents)
    # the deliveries really were spread over the workers
    assert len({line["pid"] for line in handled}) > 1


def test_a_token_from_another_instance_is_accepted(uvicorn_server: Served) -> None:
    assert send(uvicorn_server, issued_by(instance()), order(uuid.uuid4().hex))[0] == 200


# -- refused tokens -------------------------------------------------------------------------


def test_any_changed_character_of_a_token_is_refused(uvicorn_server: Served) -> None:
    uvicorn_server.forget()
    token = issued_by(instance())
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_."
    statuses: Counter[int] = Counter()
    with fresh_client() as client:
        for position in range(0, len(token), 3):
            changed = alphabet[(alphabet.index(token[position]) + 7) % len(alphabet)]
            tampered = token[:position] + changed + token[position + 1 :]
            answer = deliver(client, uvicorn_server.base_url, tampered, order(uuid.uuid4().hex))
            statuses[answer.status_code] += 1
    assert statuses == Counter({401: len(range(0, len(token), 3))})
    assert uvicorn_server.handled() == []


def test_a_stretched_expiry_is_refused(uvicorn_server: Served) -> None:
    version, payload, tag = issued_by(instance(token_lifetime=1)).split(".")
    raw = bytearray(base64.urlsafe_b64decode(payload + "=="))
    raw[:8] = (int.from_bytes(raw[:8], "big") + 86_400).to_bytes(8, "big")
    stretched = base64.urlsafe_b64encode(bytes(raw)).rstrip(b"=").decode()
    status, text = send(uvicorn_server, f"{version}.{stretched}.{tag}", order("stretched"))
    assert status == 401
    assert json.loads(text)["error"] == "invalid_token"


def test_an_expired_token_is_refused_as_expired(uvicorn_server: Served) -> None:
    earlier = instance(clock=lambda: time.time() - 301)
    status, text = send(uvicorn_server, issued_by(earlier), order("late"))
    assert status == 401
    assert "expired" in json.loads(text)["message"]


def test_a_token_of_another_secret_is_refused(uvicorn_server: Served) -> None:
    other = instance("somebody-elses-secret-0000")
    status, text = send(uvicorn_server, issued_by(other), order("other"))
    assert status == 401
    assert "not valid for this receiver" in json.loads(text)["message"]


def test_rotation_accepts_the_previous_secret_and_its_tokens(
    gunicorn_server: Served, uvicorn_server: Served
) -> None:
    """gunicorn runs with previous_client_secret=OLD_SECRET: an instance still on the old
    secret, and Nitrobox still sending the old secret, are both served. A receiver without
    the previous secret refuses the old tokens."""
    old_token = issued_by(instance(OLD_SECRET))
    assert send(gunicorn_server, old_token, order(uuid.uuid4().hex))[0] == 200
    with fresh_client() as client:
        from_old_basic = fetch_token(client, gunicorn_server.base_url, OLD_SECRET)
    assert send(gunicorn_server, from_old_basic, order(uuid.uuid4().hex))[0] == 200
    assert send(uvicorn_server, old_token, order(uuid.uuid4().hex))[0] == 401


# -- async handlers under WSGI ------------------------------------------------------------------


def test_async_handlers_under_gunicorn_run_on_one_loop_per_worker(
    gunicorn_server: Served,
) -> None:
    gunicorn_server.forget()
    play_nitrobox(gunicorn_server.base_url, SECRET, 30, fresh_tokens=False)
    loops: dict[int, set[int]] = {}
    for line in gunicorn_server.handled():
        loops.setdefault(line["pid"], set()).add(line["loop"])
    assert sum(len(found) for found in loops.values()) == len(loops)


# -- a shared delivery log --------------------------------------------------------------------


def test_a_redelivery_to_another_worker_is_not_handled_twice(redis_server: Served) -> None:
    """The same body again and again, on new connections, until other workers than the
    first one answered it (bounded): handled once, every copy after it a duplicate."""
    answers = []
    with fresh_client() as client:
        token = fetch_token(client, redis_server.base_url, SECRET)
        payload = order(f"redelivered-{uuid.uuid4().hex[:8]}")
        for _ in range(100):
            answers.append(deliver(client, redis_server.base_url, token, payload))
            if len({a.headers["x-worker-pid"] for a in answers}) == WORKERS and len(answers) > 5:
                break
    first, *again = answers
    assert len({a.headers["x-worker-pid"] for a in answers}) > 1, "one worker answered all"
    assert (first.status_code, first.json()["status"]) == (200, "received")
    assert {(a.status_code, a.json()["status"]) for a in again} == {(200, "duplicate")}
    assert [line["ident"] for line in redis_server.handled()] == [payload["orderIdent"]]


# -- every documented payload -------------------------------------------------------------------


FACTS = payloads() if available() else []


@pytest.mark.skipif(not available(), reason="the facts files are not at ../shared")
@pytest.mark.parametrize(("where", "payload"), FACTS, ids=[where for where, _ in FACTS])
def test_every_payload_of_the_facts_files_is_accepted_and_parsed(
    uvicorn_server: Served, where: str, payload: dict[str, object]
) -> None:
    uvicorn_server.forget()
    token = issued_by(instance())
    status, text = send(uvicorn_server, token, {**payload, "nonce": uuid.uuid4().hex})
    assert status == 200, text
    (line,) = uvicorn_server.handled()
    kind = str(payload.get("notification_type") or payload.get("notificationType"))
    assert line["class"] == NOTIFICATION_TYPES[kind].__name__
    assert line["unreadable"] == []


def test_the_facts_give_the_addendum_3_events() -> None:
    if not available():
        pytest.skip("the facts files are not at ../shared")
    kinds = {str(p.get("notification_type") or p.get("notificationType")) for _, p in FACTS}
    assert {"OPOS_CASE_UPDATED", "oposCaseDecision.reversion"} <= kinds
    assert kinds <= set(NOTIFICATION_TYPES)
