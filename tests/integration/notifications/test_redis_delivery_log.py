"""RedisDeliveryLog on a real redis-server of the test's own (loopback)."""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Iterator

import pytest
import redis
from loopback_servers import RedisServer, free_port
from webhook_helpers import CLIENT_ID, CLIENT_SECRET, notify, token

from nitrobox_auth.webhooks import RedisDeliveryLog, Seen, WebhookConfigError, WebhookReceiver

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("no redis-server binary on PATH (apt-get install redis-server)")
    server = RedisServer(binary, tmp_path_factory.mktemp("redis")).start()
    yield server.url
    server.stop()


@pytest.fixture
def log(redis_url: str, request: pytest.FixtureRequest) -> Iterator[RedisDeliveryLog]:
    made = RedisDeliveryLog(redis_url, prefix=f"test:{request.node.name}:", busy_ttl=0.3)
    yield made
    made.close()


def test_begin_finish_and_redelivery(log: RedisDeliveryLog, redis_url: str) -> None:
    other = RedisDeliveryLog(redis_url, prefix=log.prefix)  # another worker or instance
    assert log.begin("k1") is Seen.NEW
    assert other.begin("k1") is Seen.BUSY
    log.finish("k1", handled=True)
    assert other.begin("k1") is Seen.DONE
    other.close()


def test_a_failed_delivery_is_handled_again(log: RedisDeliveryLog) -> None:
    assert log.begin("k2") is Seen.NEW
    log.finish("k2", handled=False)
    assert log.begin("k2") is Seen.NEW


def test_the_busy_marker_expires(log: RedisDeliveryLog, redis_url: str) -> None:
    """A worker that died mid-delivery blocks redeliveries only for busy_ttl."""
    other = RedisDeliveryLog(redis_url, prefix=log.prefix)
    assert log.begin("k3") is Seen.NEW
    time.sleep(0.4)
    assert other.begin("k3") is Seen.NEW
    log.finish("k3", handled=False)  # the late first worker does not clear the new owner's mark
    assert log.begin("k3") is Seen.BUSY
    other.close()


def test_the_done_marker_has_the_retention_as_ttl(redis_url: str) -> None:
    log = RedisDeliveryLog(redis_url, prefix="test:retention:", retention=3600)
    log.begin("k4")
    log.finish("k4", handled=True)
    ttl = redis.Redis.from_url(redis_url).pttl("test:retention:done:{k4}")
    assert 3_590_000 < ttl <= 3_600_000
    log.close()


def test_a_receiver_on_an_unreachable_redis_still_delivers(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Nothing listens there: one warning, every delivery 200, in-process dedup meanwhile."""
    receiver = WebhookReceiver(
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        delivery_log=RedisDeliveryLog(f"redis://:pw-s3cret@127.0.0.1:{free_port()}/0"),
    )
    handled: list[str] = []
    receiver.on("*")(lambda event: handled.append(event.raw["orderIdent"]))
    bearer = token(receiver)
    with caplog.at_level(logging.WARNING, logger="nitrobox_auth.webhooks"):
        for ident in ("A", "B", "A"):
            body = {"notification_type": "order.created", "orderIdent": ident}
            assert notify(receiver, body, bearer=bearer).status == 200
    assert handled == ["A", "B"]
    assert len(caplog.records) == 1
    assert "pw-s3cret" not in caplog.text


@pytest.mark.parametrize(
    "options", [{"busy_ttl": 0}, {"retention": float("inf")}, {"busy_ttl": True}]
)
def test_bad_options_are_refused(options: dict[str, float]) -> None:
    with pytest.raises(WebhookConfigError):
        RedisDeliveryLog("redis://127.0.0.1:1/0", **options)


def test_a_bad_url_is_refused_without_quoting_it() -> None:
    with pytest.raises(WebhookConfigError) as caught:
        RedisDeliveryLog("http://user:pw-s3cret@host/0")
    assert "pw-s3cret" not in str(caught.value)
    assert "pw-s3cret" not in repr(RedisDeliveryLog("redis://:pw-s3cret@127.0.0.1:1/0"))
