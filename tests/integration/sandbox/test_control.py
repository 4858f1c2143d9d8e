"""The control endpoints and methods: reset and stats, in Python and over HTTP."""

from __future__ import annotations

from collections.abc import Callable

from http_under_test import httpx

from nitrobox_sandbox import Sandbox


def test_stats_count_token_requests_api_requests_and_401s(
    client: httpx.Client, api: httpx.Client, sandbox: Sandbox
) -> None:
    """GET /_sandbox/stats and stats() agree; control requests are not counted."""
    api.get("/v2/customers")
    api.get("/v2/customers/NOPE")
    client.get("/v2/customers")  # no token
    over_http = client.get("/_sandbox/stats").json()
    assert over_http == sandbox.stats()
    assert over_http["token_requests"] == 1
    assert over_http["api_requests"] == 3
    assert over_http["unauthorized"] == 1
    assert over_http["operations"] == {"queryCustomers": 2, "retrieveCustomer": 1}
    assert over_http["statuses"] == {"200": 1, "401": 1, "404": 1}


def test_reset_over_http_forgets_everything(
    client: httpx.Client,
    api: httpx.Client,
    sandbox: Sandbox,
    new_customer: Callable[..., httpx.Response],
    get_token: Callable[[], str],
) -> None:
    """POST /_sandbox/reset: no resources, no tokens, zero counts."""
    new_customer("C-1")
    assert client.post("/_sandbox/reset").status_code == 204
    assert sandbox.stats()["api_requests"] == 0
    assert api.get("/v2/customers").status_code == 401  # the old token is gone
    fresh = {"Authorization": f"Bearer {get_token()}"}
    assert client.get("/v2/customers/C-1", headers=fresh).status_code == 404


def test_sandbox_settings_point_at_the_sandbox(sandbox: Sandbox) -> None:
    """settings() carries the tenant, credentials and base URL of this sandbox."""
    settings = sandbox.settings()
    assert settings.tenant == "sandbox"
    assert settings.client_id == "sandbox-client"
    assert settings.api_base_url == sandbox.base_url
    assert settings.token_url == f"{sandbox.base_url}/sandbox/oauth2/token"
