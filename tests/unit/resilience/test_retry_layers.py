"""RetryAuth + RetryTransport around NitroboxAuth over MockTransport: sync, asyncio, trio."""

from __future__ import annotations

import email.utils
import logging
from typing import Any

import pytest
from http_under_test import httpx

from nitrobox_auth import RetryPolicy, RetryTransport
from nitrobox_auth.transport._retry import install_retries


def test_transient_statuses_are_retried_until_success(runner: Any, scripted: Any) -> None:
    """503, 502, then 200: three attempts, backoff 0.5 s then 1 s, the 200 returned."""
    api = scripted(503, 502, 200)
    response = runner.send(api, policy=runner.policy())
    assert response.status_code == 200
    assert len(api.attempts) == 3
    assert runner.clock.sleeps == [0.5, 1.0]
    assert [r.status_code for r in response.history] == [503, 502]


def test_the_last_answer_is_returned_when_attempts_run_out(runner: Any, scripted: Any) -> None:
    """With max_attempts=3, three 503s give back the third 503 and nothing more is sent."""
    api = scripted(503, 503, 503)
    response = runner.send(api, policy=runner.policy(max_attempts=3))
    assert response.status_code == 503
    assert len(api.attempts) == 3
    assert len(runner.clock.sleeps) == 2


def test_retry_after_seconds_is_honoured(runner: Any, scripted: Any) -> None:
    """A 429 with Retry-After: 7 waits exactly 7 s before the next attempt."""
    api = scripted((429, {"Retry-After": "7"}), 200)
    assert runner.send(api, policy=runner.policy()).status_code == 200
    assert runner.clock.sleeps == [7.0]


def test_retry_after_http_date_is_honoured(runner: Any, scripted: Any) -> None:
    """A 503 with an HTTP-date Retry-After waits until that date on the injected clock."""
    when = email.utils.formatdate(runner.clock.now + 20, usegmt=True)
    api = scripted((503, {"Retry-After": when}), 200)
    assert runner.send(api, policy=runner.policy()).status_code == 200
    assert runner.clock.sleeps == [pytest.approx(20.0)]


def test_a_retry_after_past_the_cap_returns_the_answer(runner: Any, scripted: Any) -> None:
    """Retry-After: 3600 beyond max_retry_after ends the retries: the 429 comes back at once."""
    api = scripted((429, {"Retry-After": "3600"}), 200)
    response = runner.send(api, policy=runner.policy(max_retry_after=12.0))
    assert response.status_code == 429
    assert response.headers["Retry-After"] == "3600"
    assert runner.clock.sleeps == []


def test_a_retry_after_within_the_cap_is_waited(runner: Any, scripted: Any) -> None:
    """Retry-After: 12 with max_retry_after=12 is waited out, then the retry succeeds."""
    api = scripted((429, {"Retry-After": "12"}), 200)
    assert runner.send(api, policy=runner.policy(max_retry_after=12.0)).status_code == 200
    assert runner.clock.sleeps == [12.0]


def test_post_is_not_replayed_after_it_reached_the_server(runner: Any, scripted: Any) -> None:
    """A POST answered 503 is returned as is: it reached the server exactly once."""
    api = scripted(503)
    response = runner.send(api, "POST", json={"name": "x"}, policy=runner.policy())
    assert response.status_code == 503
    assert len(api.reached) == 1
    assert runner.clock.sleeps == []


def test_post_is_not_replayed_after_a_read_timeout(runner: Any, scripted: Any) -> None:
    """A POST whose answer timed out may have been processed: the timeout is raised."""
    api = scripted(httpx.ReadTimeout("no answer"))
    with pytest.raises(httpx.ReadTimeout):
        runner.send(api, "POST", json={"name": "x"}, policy=runner.policy())
    assert len(api.reached) == 1


def test_post_is_retried_when_the_connection_failed(runner: Any, scripted: Any) -> None:
    """Connect error, pool timeout, then 201: the server sees the POST exactly once."""
    api = scripted(httpx.ConnectError("refused"), httpx.PoolTimeout("busy"), 201)
    response = runner.send(api, "POST", json={"name": "x"}, policy=runner.policy())
    assert response.status_code == 201
    assert len(api.attempts) == 3
    assert len(api.reached) == 1
    assert api.reached[0].content == b'{"name":"x"}'


def test_post_is_retried_on_429(runner: Any, scripted: Any) -> None:
    """A POST refused with 429 is sent again after the server's Retry-After."""
    api = scripted((429, {"Retry-After": "2"}), 201)
    response = runner.send(api, "POST", json={"name": "x"}, policy=runner.policy())
    assert response.status_code == 201
    assert runner.clock.sleeps == [2.0]


def test_get_is_retried_on_connection_errors(runner: Any, scripted: Any) -> None:
    """A dropped connection and a read timeout on a GET are retried."""
    api = scripted(httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), 200)
    assert runner.send(api, policy=runner.policy()).status_code == 200
    assert len(api.attempts) == 3


def test_connection_errors_raise_once_attempts_run_out(runner: Any, scripted: Any) -> None:
    """The last connection error propagates unchanged after max_attempts."""
    api = scripted(*[httpx.ConnectError("refused")] * 2)
    with pytest.raises(httpx.ConnectError, match="refused"):
        runner.send(api, policy=runner.policy(max_attempts=2))
    assert len(api.attempts) == 2


def test_both_layers_share_one_attempt_budget(runner: Any, scripted: Any) -> None:
    """Connection errors and statuses count together: 3 attempts in all, not 3 per layer."""
    api = scripted(httpx.ConnectError("refused"), 503, 503, 200)
    response = runner.send(api, policy=runner.policy(max_attempts=3))
    assert response.status_code == 503
    assert len(api.attempts) == 3


def test_token_is_recomputed_for_status_retries(runner: Any, scripted: Any) -> None:
    """Each attempt after a wait longer than the token's life carries the new token."""
    api = scripted(503, 503, 200)
    response = runner.send(api, policy=runner.policy(initial_delay=100.0, max_delay=100.0))
    assert response.status_code == 200
    assert api.authorizations == [runner.bearer(1), runner.bearer(2), runner.bearer(3)]


def test_token_is_recomputed_for_connection_error_retries(runner: Any, scripted: Any) -> None:
    """The transport re-authorizes before resending after a connection error."""
    api = scripted(httpx.ConnectError("refused"), 200)
    response = runner.send(
        api, "POST", json={}, policy=runner.policy(initial_delay=100.0, max_delay=100.0)
    )
    assert response.status_code == 200
    assert api.authorizations == [runner.bearer(1), runner.bearer(2)]


def test_a_401_after_a_connection_retry_replays_with_the_newest_token(
    runner: Any, scripted: Any
) -> None:
    """After a connection-error retry took token 2, a 401 on it replays with token 3.

    The auth flow remembered token 1 from before the connection error; invalidating that
    one would keep token 2 (the one just rejected) cached and resend it.
    """
    api = scripted(httpx.ConnectError("refused"), 401, 200)
    response = runner.send(api, policy=runner.policy(initial_delay=100.0, max_delay=100.0))
    assert response.status_code == 200
    assert api.authorizations == [runner.bearer(1), runner.bearer(2), runner.bearer(3)]
    assert len(runner.tokens.granted) == 3


def test_token_is_reused_while_still_fresh(runner: Any, scripted: Any) -> None:
    """Short waits keep the cached token: one token request for three attempts."""
    api = scripted(503, 503, 200)
    runner.send(api, policy=runner.policy())
    assert api.authorizations == [runner.bearer(1)] * 3
    assert len(runner.tokens.granted) == 1


def test_a_401_replay_is_not_counted_as_a_retry(runner: Any, scripted: Any) -> None:
    """NitroboxAuth's one 401 replay happens inside an attempt; a 503 after it still retries."""
    api = scripted(401, 503, 200)
    response = runner.send(api, policy=runner.policy(max_attempts=2))
    assert response.status_code == 200
    assert api.authorizations == [runner.bearer(1), runner.bearer(2), runner.bearer(2)]


def test_streamed_bodies_are_never_resent(runner: Any, scripted: Any) -> None:
    """A PUT whose body is a one-shot stream is not retried: its 503 is returned."""
    api = scripted(503)

    if runner.is_async:

        async def chunks() -> Any:
            yield b"part"

        body: Any = chunks()
    else:
        body = iter([b"part"])
    response = runner.send(api, "PUT", content=body, policy=runner.policy())
    assert response.status_code == 503
    assert len(api.attempts) == 1


def test_no_policy_means_no_retry(runner: Any, scripted: Any) -> None:
    """policy=None: one attempt, the 503 and the connection error surface at once."""
    assert runner.send(scripted(503), policy=None).status_code == 503
    with pytest.raises(httpx.ConnectError):
        runner.send(scripted(httpx.ConnectError("refused")), policy=None)
    assert runner.clock.sleeps == []


def test_attempts_are_logged_without_credentials(
    runner: Any, scripted: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """DEBUG lines for each attempt and an INFO line per retry; no token or secret in any."""
    caplog.set_level(logging.DEBUG, logger="nitrobox")
    api = scripted(httpx.ConnectError("refused"), 503, 200)
    runner.send(api, url="https://api.test/v2/customers?page=0", policy=runner.policy())
    http = [r.getMessage() for r in caplog.records if r.name == "nitrobox.http"]
    assert [m.split()[0] for m in http] == [
        "request", "failed", "request", "response", "request", "response"
    ]  # fmt: skip
    assert http[-1].endswith("status=200 elapsed=" + http[-1].split("elapsed=")[1])
    assert "attempt=3" in http[-1]
    retries = [r for r in caplog.records if r.name == "nitrobox.retry"]
    assert [r.levelno for r in retries] == [logging.INFO, logging.INFO]
    assert "ConnectError" in retries[0].getMessage()
    assert "status 503" in retries[1].getMessage()
    shown = caplog.text + "".join(str(r.args) for r in caplog.records)
    for secret in [*runner.tokens.granted, "client-secret-value"]:
        assert secret not in shown


def test_install_retries_wraps_auth_and_both_transports() -> None:
    """install_retries returns a retrying auth and sync/async RetryTransports."""
    sync, asynchronous = (
        httpx.MockTransport(lambda r: httpx.Response(200)),
        httpx.AsyncHTTPTransport(),
    )
    auth, transport, async_transport = install_retries(None, sync, asynchronous, RetryPolicy())
    assert isinstance(auth, httpx.Auth)
    assert isinstance(transport, RetryTransport)
    assert isinstance(async_transport, RetryTransport)
    assert install_retries(None, sync, asynchronous, None)[0] is None


def test_transport_alone_retries_connection_errors_only(scripted: Any, clock: Any) -> None:
    """Without RetryAuth the transport still retries a refused connection, but not a 503."""
    policy = RetryPolicy(sleep=clock.sleep, random=lambda: 0.0)
    api = scripted(httpx.ConnectError("refused"), 503)
    transport = RetryTransport(httpx.MockTransport(api), policy=policy)
    with httpx.Client(transport=transport) as client:
        assert client.get("https://api.test/v2/customers").status_code == 503
    assert len(api.attempts) == 2
    assert clock.sleeps == [0.5]
