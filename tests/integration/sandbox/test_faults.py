"""Fault injection: 429 with Retry-After, a seeded share of 5xx, added latency."""

from __future__ import annotations

import time
from typing import Any

import anyio
import pytest
from http_under_test import NAME as HTTP_NAME
from http_under_test import httpx

from nitrobox_sandbox import Faults, ManualClock, Sandbox, SandboxConfigError


def _statuses(api: httpx.Client, count: int) -> list[int]:
    return [api.get("/v2/customers").status_code for _ in range(count)]


def test_rate_limit_answers_429_with_retry_after(
    api: httpx.Client, sandbox: Sandbox, clock: ManualClock
) -> None:
    """Beyond rate_limit requests per window: 429, Retry-After in whole seconds, error body."""
    sandbox.configure_faults(rate_limit=3, rate_limit_window=10.0)
    assert _statuses(api, 3) == [200, 200, 200]
    clock.advance(2.5)
    response = api.get("/v2/customers")
    assert response.status_code == 429
    assert response.headers["retry-after"] == "8"  # 7.5 s left, rounded up
    assert response.json()["status"] == "TOO_MANY_REQUESTS"
    assert sandbox.stats()["rate_limited"] == 1


def test_obeying_retry_after_gets_through(
    api: httpx.Client, sandbox: Sandbox, clock: ManualClock
) -> None:
    """After waiting Retry-After seconds (on the sandbox clock) a new window starts."""
    sandbox.configure_faults(rate_limit=1, rate_limit_window=2.0)
    assert _statuses(api, 2) == [200, 429]
    retry_after = int(api.get("/v2/customers").headers["retry-after"])
    clock.advance(retry_after)
    assert _statuses(api, 2) == [200, 429]


def test_error_rate_is_a_seeded_share_of_5xx(spec_document: dict[str, Any]) -> None:
    """The same seed gives the same statuses; the share is near error_rate."""

    def run() -> list[int]:
        sandbox = Sandbox(spec=spec_document, faults=Faults(error_rate=0.3, seed=7))
        with httpx.Client(
            transport=sandbox.transport(http_package=HTTP_NAME), base_url=sandbox.base_url
        ) as client:
            token = client.post(
                "/sandbox/oauth2/token",
                data={"grant_type": "client_credentials"},
                auth=("sandbox-client", "sandbox-secret"),
            ).json()["access_token"]
            client.headers["Authorization"] = f"Bearer {token}"
            statuses = _statuses(client, 200)
            assert sandbox.stats()["injected_errors"] == statuses.count(503)
            return statuses

    first, second = run(), run()
    assert first == second
    assert set(first) == {200, 503}
    assert 40 <= first.count(503) <= 80


def test_injected_5xx_uses_the_error_body(api: httpx.Client, sandbox: Sandbox) -> None:
    """An injected failure is a GlobalErrorResponse with the configured status."""
    sandbox.configure_faults(error_rate=1.0, error_status=500)
    response = api.get("/v2/customers")
    assert response.status_code == 500
    assert response.json()["status"] == "INTERNAL_SERVER_ERROR"


def test_token_endpoint_is_spared_unless_asked(client: httpx.Client, sandbox: Sandbox) -> None:
    """Faults hit the API only, unless token_endpoint=True."""
    grant = {"grant_type": "client_credentials"}
    basic = ("sandbox-client", "sandbox-secret")
    sandbox.configure_faults(error_rate=1.0)
    assert client.post("/sandbox/oauth2/token", data=grant, auth=basic).status_code == 200
    sandbox.configure_faults(token_endpoint=True)
    assert client.post("/sandbox/oauth2/token", data=grant, auth=basic).status_code == 503


def test_latency_delays_without_blocking_the_event_loop(sandbox: Sandbox, get_token: Any) -> None:
    """Ten concurrent requests with 0.2 s latency finish in far less than 10 x 0.2 s."""
    sandbox.configure_faults(latency=0.2)
    headers = {"Authorization": f"Bearer {get_token()}"}

    async def main() -> float:
        async with httpx.AsyncClient(
            transport=sandbox.async_transport(http_package=HTTP_NAME),
            base_url=sandbox.base_url,
            headers=headers,
        ) as client:
            started = time.perf_counter()
            async with anyio.create_task_group() as group:
                for _ in range(10):
                    group.start_soon(client.get, "/v2/customers")
            return time.perf_counter() - started

    elapsed = anyio.run(main)
    assert 0.2 <= elapsed < 1.0


def test_faults_over_http(client: httpx.Client, sandbox: Sandbox) -> None:
    """POST /_sandbox/faults changes the settings and answers all of them."""
    response = client.post("/_sandbox/faults", json={"rate_limit": 5, "token_lifetime": 30})
    assert response.status_code == 200
    assert response.json()["rate_limit"] == 5
    assert response.json()["token_lifetime"] == 30
    assert sandbox.faults.rate_limit == 5
    assert client.get("/_sandbox/faults").json() == response.json()


@pytest.mark.parametrize(
    ("settings", "named"),
    [
        ({"error_rate": 1.5}, "error_rate"),
        ({"error_status": 404}, "error_status"),
        ({"latency": -1}, "latency"),
        ({"rate_limit": 0}, "rate_limit"),
        ({"rate_limit": "many"}, "rate_limit"),
        ({"jitter": 1}, "jitter"),
        ({"token_lifetime": -5}, "token_lifetime"),
    ],
)
def test_bad_fault_settings_are_refused_by_name(
    client: httpx.Client, sandbox: Sandbox, settings: dict[str, Any], named: str
) -> None:
    """Python and HTTP both name the setting that is wrong; nothing changes."""
    with pytest.raises(SandboxConfigError, match=named):
        sandbox.configure_faults(**settings)
    response = client.post("/_sandbox/faults", json=settings)
    assert response.status_code == 400
    assert named in response.json()["message"]
    assert sandbox.faults == Faults()


def test_reset_restores_the_constructed_faults(api: httpx.Client, sandbox: Sandbox) -> None:
    """reset() clears faults configured later, so each test starts clean."""
    sandbox.configure_faults(error_rate=1.0, token_lifetime=1.0)
    sandbox.reset()
    assert sandbox.faults == Faults()
    assert sandbox.token_lifetime == 300.0
