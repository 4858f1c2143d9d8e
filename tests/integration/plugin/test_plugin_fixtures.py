"""The pytest plugin as users meet it: fixtures against the sandbox, live opt-in, cheap import."""

from __future__ import annotations

import json

import pytest
from fakes import python_output

pytest_plugins = ["pytester"]

# Options of the user suites these tests run, in-process (no interpreter to start, the
# packages already imported) where a fresh process is not the point. pytest-asyncio, when
# installed, warns at configure time about an unset option, and these runs turn warnings
# into errors: the user suites here use no asyncio fixture, so it is left out.
INPROCESS = ("-p", "no:cacheprovider", "-p", "no:asyncio")

NITROBOX_VARIABLES = (
    "NITROBOX_TENANT",
    "NITROBOX_CLIENT_ID",
    "NITROBOX_CLIENT_SECRET",
    "NITROBOX_ENVIRONMENT",
    "NITROBOX_BASE_URL",
    "NITROBOX_LIVE",
    "NITROBOX_TOKEN_CACHE",
)

SANDBOX_SUITE = '''
def test_client_is_authenticated_against_the_sandbox(nitrobox_client, nitrobox_sandbox):
    """A call through the fixture client succeeds and costs exactly one token request."""
    http = nitrobox_client.get_httpx_client()
    for _ in range(3):
        assert http.get("/v2/customers").status_code == 200
    stats = nitrobox_sandbox.stats()
    assert stats["token_requests"] == 1
    assert stats["api_requests"] == 3


def test_each_test_starts_from_a_reset_sandbox(nitrobox_sandbox, nitrobox_settings):
    """The previous test's requests are not counted here; settings point at the sandbox."""
    assert nitrobox_sandbox.stats()["api_requests"] == 0
    assert nitrobox_settings.api_base_url == nitrobox_sandbox.base_url
'''


@pytest.fixture(autouse=True)
def _clean_nitrobox_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The inner pytest runs must not see the outer environment's NITROBOX_* variables."""
    for name in NITROBOX_VARIABLES:
        monkeypatch.delenv(name, raising=False)


def test_importing_the_plugin_loads_no_heavy_module() -> None:
    """pytest imports the plugin in every run: no sandbox stack, no runtime, no generated code."""
    probe = (
        "import sys, json, nitrobox_sandbox.pytest_plugin; "
        "heavy = ('starlette', 'uvicorn', 'openapi_core', 'schemathesis', 'httpx', 'attrs', "
        "'anyio', 'nitrobox_auth', 'nitrobox_sandbox._', 'nitrobox_client'); "
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith(heavy))))"
    )
    output = python_output(probe)
    assert json.loads(output) == []


@pytest.mark.integration
def test_fixtures_run_against_the_sandbox_by_default(pytester: pytest.Pytester) -> None:
    """Without opt-in, nitrobox_client talks to a reset sandbox on loopback."""
    pytester.makepyfile(SANDBOX_SUITE)
    result = pytester.runpytest_inprocess("-W", "error", *INPROCESS)
    result.assert_outcomes(passed=2)


HTTPX2_CONFTEST = """
import pytest


@pytest.fixture
def nitrobox_http_package():
    return "httpx2"
"""

HTTPX2_SUITE = '''
import anyio
import httpx2
from nitrobox_auth import NotFoundError, paginate, unwrap
from nitrobox_client.api.customers import query_customers, retrieve_customer


def test_the_fixture_client_runs_on_httpx2(nitrobox_client, nitrobox_sandbox):
    """Token, typed calls, paging and errors against the sandbox, all through httpx2."""
    assert isinstance(nitrobox_client.get_httpx_client(), httpx2.Client)
    assert list(paginate(query_customers, client=nitrobox_client)) == []
    try:
        unwrap(retrieve_customer.sync_detailed("nobody", client=nitrobox_client))
    except NotFoundError:
        pass
    else:
        raise AssertionError("a missing customer must raise NotFoundError")
    assert nitrobox_sandbox.stats()["token_requests"] == 1


def test_its_async_side_too(nitrobox_client):
    async def main():
        async with nitrobox_client:
            assert isinstance(nitrobox_client.get_async_httpx_client(), httpx2.AsyncClient)
            answer = await query_customers.asyncio_detailed(client=nitrobox_client)
            assert answer.status_code == 200

    anyio.run(main)
'''


@pytest.mark.integration
def test_an_httpx2_based_nitrobox_client_fixture(pytester: pytest.Pytester) -> None:
    """A project on httpx2 overrides nitrobox_http_package; the fixtures work the same."""
    pytester.makeconftest(HTTPX2_CONFTEST)
    pytester.makepyfile(HTTPX2_SUITE)
    result = pytester.runpytest_subprocess("-W", "error", *INPROCESS)
    result.assert_outcomes(passed=2)


@pytest.mark.integration
def test_async_use_as_documented_leaks_nothing(pytester: pytest.Pytester) -> None:
    """`async with nitrobox_client:` around asyncio calls leaves no socket open."""
    pytester.makepyfile(
        """
        import asyncio
        import gc

        from nitrobox_client.api.customers import query_customers


        def test_async_calls(nitrobox_client):
            \"\"\"The generated asyncio functions work on the fixture client.\"\"\"

            async def calls():
                async with nitrobox_client:
                    for _ in range(2):
                        response = await query_customers.asyncio_detailed(client=nitrobox_client)
                        assert response.status_code == 200

            asyncio.run(calls())


        def test_nothing_left_open():
            \"\"\"An unclosed socket from the test before would surface here.\"\"\"
            gc.collect()
        """
    )
    result = pytester.runpytest_inprocess("-W", "error", *INPROCESS)
    result.assert_outcomes(passed=2)


@pytest.mark.integration
@pytest.mark.parametrize("opt_in", ["option", "variable"])
def test_live_opt_in_without_variables_names_them(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, opt_in: str
) -> None:
    """Opting in (option or variable) without settings fails with a message naming them."""
    pytester.makepyfile(
        '''
        def test_uses_live(nitrobox_client):
            """Never runs: the settings are missing."""
        '''
    )
    if opt_in == "variable":
        monkeypatch.setenv("NITROBOX_LIVE", "1")
        result = pytester.runpytest_inprocess(*INPROCESS)
    else:
        result = pytester.runpytest_inprocess("--nitrobox-live", *INPROCESS)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*Nitrobox live mode (--nitrobox-live / NITROBOX_LIVE=1) needs*"])
    assert "NITROBOX_" in result.stdout.str().split("needs", 1)[1]


@pytest.mark.integration
def test_live_mode_uses_the_nitrobox_variables(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Live mode goes where NITROBOX_* point (a server run here), one token for the session."""
    from nitrobox_sandbox import Sandbox

    with Sandbox(tenant="live-tenant").serve() as server:
        settings = server.settings()
        monkeypatch.setenv("NITROBOX_BASE_URL", settings.api_base_url)
        monkeypatch.setenv("NITROBOX_TENANT", settings.tenant)
        monkeypatch.setenv("NITROBOX_CLIENT_ID", settings.client_id)
        monkeypatch.setenv("NITROBOX_CLIENT_SECRET", settings.client_secret)
        pytester.makepyfile(
            """
            import pytest


            @pytest.mark.parametrize("n", [1, 2])
            def test_live(nitrobox_client, nitrobox_settings, n):
                \"\"\"Talks to the NITROBOX_* environment.\"\"\"
                assert nitrobox_settings.tenant == "live-tenant"
                response = nitrobox_client.get_httpx_client().get("/v2/customers")
                assert response.status_code == 200
            """
        )
        result = pytester.runpytest_inprocess("--nitrobox-live", "-W", "error", *INPROCESS)
        result.assert_outcomes(passed=2)
        result.stdout.fnmatch_lines(["nitrobox: live mode*"])
        assert server.stats()["token_requests"] == 1
        assert server.stats()["api_requests"] == 2


@pytest.mark.integration
def test_sandbox_only_tests_skip_in_live_mode(pytester: pytest.Pytester) -> None:
    """A test that asks for nitrobox_sandbox is skipped in live mode, with the reason shown."""
    pytester.makepyfile(
        '''
        def test_sandbox_stats(nitrobox_sandbox):
            """Sandbox-only."""
        '''
    )
    result = pytester.runpytest_inprocess("--nitrobox-live", "-rs", *INPROCESS)
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*sandbox-only test: skipped in live mode*"])


@pytest.mark.integration
def test_unknown_live_value_is_a_usage_error(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NITROBOX_LIVE=maybe is refused instead of being read as yes or no."""
    pytester.makepyfile("def test_nothing():\n    pass\n")
    monkeypatch.setenv("NITROBOX_LIVE", "maybe")
    result = pytester.runpytest_inprocess(*INPROCESS)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*NITROBOX_LIVE='maybe' is not understood*"])


@pytest.mark.integration
def test_missing_sandbox_extra_skips_with_install_hint(pytester: pytest.Pytester) -> None:
    """Without Starlette (the sandbox extra), sandbox fixtures skip and name the pip command."""
    pytester.makeconftest(
        """
        import sys
        # Simulate an install without the extra: importing these now raises ImportError.
        for name in ("starlette", "uvicorn"):
            sys.modules[name] = None
        """
    )
    pytester.makepyfile(
        '''
        def test_uses_sandbox(nitrobox_client):
            """Skipped: no sandbox without its extra."""
        '''
    )
    result = pytester.runpytest_subprocess("-rs")
    result.assert_outcomes(skipped=1)
    assert "(starlette is missing): pip install 'nitrobox-client[sandbox]'" in result.stdout.str()
