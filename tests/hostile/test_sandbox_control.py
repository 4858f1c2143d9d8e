"""Control routes and CLI flags validate finiteness and ranges, so no setting can make
every later call fail or hang; stats() counts every status, 500s included."""

from __future__ import annotations

import re

import anyio
import pytest
from hostile.conftest import assert_global_error
from http_under_test import httpx

from nitrobox_auth.cli import main
from nitrobox_sandbox import Sandbox, SandboxConfigError

BAD_FAULTS = {
    "latency-nan": b'{"latency": NaN}',
    "latency-infinity": b'{"latency": Infinity}',
    "latency-1e400": b'{"latency": 1e400}',
    "latency-huge": b'{"latency": 1e308}',
    "latency-61": b'{"latency": 61}',
    "latency-negative": b'{"latency": -1}',
    "window-nan": b'{"rate_limit_window": NaN}',
    "window-zero": b'{"rate_limit_window": 0}',
    "window-huge": b'{"rate_limit_window": 1e9}',
    "error-rate-nan": b'{"error_rate": NaN}',
    "error-rate-2": b'{"error_rate": 2}',
    "token-lifetime-nan": b'{"token_lifetime": NaN}',
    "token-lifetime-1e400": b'{"token_lifetime": 1e400}',
    "token-lifetime-huge": b'{"token_lifetime": 1e12}',
    "token-lifetime-negative": b'{"token_lifetime": -5}',
    "surrogate-key": b'{"\\ud800": 1}',
    "not-an-object": b"[1]",
}


@pytest.mark.parametrize("content", BAD_FAULTS.values(), ids=BAD_FAULTS.keys())
def test_the_fault_route_refuses_bad_values(api: httpx.Client, content: bytes) -> None:
    """400 GlobalErrorResponse; the settings stay and the API keeps answering."""
    before = api.get("/_sandbox/faults").json()
    response = api.post(
        "/_sandbox/faults", content=content, headers={"Content-Type": "application/json"}
    )
    assert_global_error(response, 400)
    assert api.get("/_sandbox/faults").json() == before
    assert api.get("/v2/customers").status_code == 200


@pytest.mark.parametrize(
    "settings",
    [
        {"latency": float("nan")},
        {"latency": float("inf")},
        {"rate_limit_window": float("nan")},
        {"token_lifetime": float("nan")},
        {"token_lifetime": float("inf")},
    ],
)
def test_configure_faults_refuses_non_finite_values(
    sandbox: Sandbox, settings: dict[str, float]
) -> None:
    """The Python API raises SandboxConfigError naming the setting."""
    with pytest.raises(SandboxConfigError, match=next(iter(settings))):
        sandbox.configure_faults(**settings)


@pytest.mark.parametrize("lifetime", [float("nan"), float("inf"), -1.0])
def test_a_sandbox_refuses_a_non_finite_token_lifetime(lifetime: float) -> None:
    """Sandbox(token_lifetime=nan) fails at construction, not at the first token."""
    with pytest.raises(SandboxConfigError, match="token_lifetime"):
        Sandbox(token_lifetime=lifetime)


@pytest.mark.parametrize(
    "flags",
    [
        ["--latency", "nan"],
        ["--latency", "inf"],
        ["--latency", "1e400"],
        ["--latency", "120"],
        ["--rate-limit-window", "nan"],
        ["--rate-limit-window", "inf"],
        ["--error-rate", "nan"],
        ["--token-lifetime", "nan"],
        ["--token-lifetime", "inf"],
    ],
)
def test_sandbox_command_flags_are_checked(
    flags: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """`nitrobox sandbox --latency nan` and friends: exit 2 naming the flag, nothing served."""
    assert main(["sandbox", *flags]) == 2
    out, err = capsys.readouterr()
    assert f"{flags[0]} must be" in err
    python_name = flags[0].removeprefix("--").replace("-", "_")
    assert re.search(rf"(?<![-\w]){python_name}(?![-\w])", err) is None
    assert "listening" not in out


def test_stats_count_500s(sandbox: Sandbox) -> None:
    """A handler that crashes is answered 500 GlobalErrorResponse and counted."""

    def crash(call: object) -> object:
        raise RuntimeError("boom")

    sandbox._state.handlers.handle = crash  # type: ignore[method-assign,assignment]

    async def call() -> httpx.Response:
        transport = httpx.ASGITransport(app=sandbox.app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url=sandbox.base_url) as client:
            token = await client.post(
                f"/{sandbox.tenant}/oauth2/token",
                data={"grant_type": "client_credentials"},
                auth=("sandbox-client", "sandbox-secret"),
            )
            headers = {"Authorization": f"Bearer {token.json()['access_token']}"}
            return await client.get("/v2/customers", headers=headers)

    response = anyio.run(call)
    assert_global_error(response, 500)
    assert sandbox.stats()["statuses"] == {"500": 1}


def test_stats_count_refusals_and_successes(api: httpx.Client, sandbox: Sandbox) -> None:
    """Every API answer is counted by status: 200, 400 (poison), 413 (size), and the 404
    and 405 of paths and methods the spec does not have."""
    api.get("/v2/customers")
    api.post("/v2/customers", content=b'{"n": NaN}', headers={"Content-Type": "application/json"})
    api.post(
        "/v2/customers",
        content=b"x" * (2 * 1024 * 1024),
        headers={"Content-Type": "application/json"},
    )
    api.get("/v2/no-such-collection")
    api.delete("/v2/customers")
    assert sandbox.stats()["statuses"] == {"200": 1, "400": 1, "404": 1, "405": 1, "413": 1}
