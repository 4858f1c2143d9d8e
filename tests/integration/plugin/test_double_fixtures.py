"""The fixtures as a test double: scripts, the journal, the manual clock, async clients.

Each suite runs in an inner pytest (in-process where it can, which is fast; the xdist run
needs its own processes) with warnings as errors, as a user's suite would.
"""

from __future__ import annotations

# Imported here, before the in-process runs: pytester drops the modules a run imported when
# it ends, and a second import of httpx/httpcore in the next run makes new exception classes
# that the first run's objects (still alive in the sandbox's threads) do not know.
import httpcore  # noqa: F401
import httpx  # noqa: F401
import nitrobox_client.api.customers  # noqa: F401
import pytest
import trio  # noqa: F401

import nitrobox_sandbox._sandbox  # noqa: F401

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.integration

INI = """
[pytest]
asyncio_mode = strict
asyncio_default_fixture_loop_scope = function
filterwarnings = error
"""

CUSTOMER = """
CUSTOMER = {
    "customerIdent": "C-1",
    "addresses": [{"addressType": "INVOICE", "country": "DE", "city": "Hamburg"}],
}
"""

CLOCK_SUITE = (
    """
import time

import pytest

from nitrobox_sandbox import Fault
"""
    + CUSTOMER
    + '''

@pytest.mark.nitrobox(client={"deadline": 120})
def test_a_60_second_retry_after_takes_no_wall_time(
    nitrobox_sandbox, nitrobox_client, nitrobox_clock
):
    """The client waits 60 s on the test's clock, then retries and gets the customer."""
    http = nitrobox_client.get_httpx_client()
    assert http.post("/v2/customers", json=CUSTOMER).status_code == 201
    nitrobox_sandbox.script("retrieveCustomer", Fault(status=503, headers={"Retry-After": "60"}))
    started, wall = nitrobox_clock(), time.perf_counter()
    assert http.get("/v2/customers/C-1").json()["customerIdent"] == "C-1"
    assert time.perf_counter() - wall < 1.0
    assert nitrobox_clock() - started == 60
    assert [c.status for c in nitrobox_sandbox.calls("retrieveCustomer")] == [503, 200]


def test_the_default_deadline_does_not_fit_a_60_second_wait(
    nitrobox_sandbox, nitrobox_client, nitrobox_clock
):
    """As in production: a 60 s total deadline leaves no room for a 60 s wait."""
    nitrobox_sandbox.script("queryCustomers", Fault(status=503, headers={"Retry-After": "60"}))
    answer = nitrobox_client.get_httpx_client().get("/v2/customers")
    assert answer.status_code == 503
    assert nitrobox_sandbox.stats()["api_requests"] == 1


def test_tokens_expire_on_both_sides_and_the_client_refreshes(
    nitrobox_sandbox, nitrobox_client, nitrobox_clock
):
    """Past the lifetime the sandbox refuses the old token; the client fetched a new one first."""
    http = nitrobox_client.get_httpx_client()
    assert http.get("/v2/customers").status_code == 200
    nitrobox_clock.advance(200)  # well inside the token's life: the same token
    assert http.get("/v2/customers").status_code == 200
    nitrobox_clock.advance(101)  # 301 s: the first token has expired in the sandbox
    assert http.get("/v2/customers").status_code == 200
    stats = nitrobox_sandbox.stats()
    assert (stats["tokens_issued"], stats["unauthorized"]) == (2, 0)
    first, second, third = nitrobox_sandbox.calls("queryCustomers")
    assert first.token_fingerprint == second.token_fingerprint != third.token_fingerprint


@pytest.mark.nitrobox(clock="manual")
def test_the_marker_gives_the_same_clock(
    nitrobox_sandbox, nitrobox_client, request
):
    """clock="manual" without requesting the fixture: backoff waits still take no time."""
    clock = request.getfixturevalue("nitrobox_clock")
    nitrobox_sandbox.script("token", 503, 503)
    started, wall = clock(), time.perf_counter()
    assert nitrobox_client.get_httpx_client().get("/v2/customers").status_code == 200
    assert time.perf_counter() - wall < 1.0
    assert clock() - started > 0.4  # two backoff waits, on the clock


def test_without_a_clock_tokens_run_on_real_time(
    nitrobox_sandbox, nitrobox_client
):
    """The sandbox went back to its own clock after the clock tests."""
    assert nitrobox_client.get_httpx_client().get("/v2/customers").status_code == 200
    assert nitrobox_sandbox.stats()["tokens_issued"] == 1
'''
)


def test_the_manual_clock_drives_retry_waits_and_token_expiry(pytester: pytest.Pytester) -> None:
    """Retry-After 60 in no wall time, expiry and refresh, deadline as in production."""
    pytester.makeini(INI)
    pytester.makepyfile(CLOCK_SUITE)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=5)


NOTIFICATION_SUITE = (
    """
import socket
import time

from nitrobox_sandbox import Sandbox
"""
    + CUSTOMER
    + '''

def _closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _attempts(sandbox, count):
    deadline = time.monotonic() + 10
    while sandbox.stats()["notifications"]["attempts"] < count:
        assert time.monotonic() < deadline, sandbox.notifications()
        time.sleep(0.01)


def test_notification_retries_follow_the_schedule_on_the_clock(
    nitrobox_sandbox, nitrobox_client, nitrobox_clock
):
    """The second attempt comes 120 s after the first, on the test's clock."""
    port = _closed_port()
    subscription = nitrobox_sandbox.subscribe(
        f"http://127.0.0.1:{port}/n", token_url=f"http://127.0.0.1:{port}/t",
        client_id="x", client_secret="y", types=["customer.created"],
    )
    try:
        nitrobox_client.get_httpx_client().post("/v2/customers", json=CUSTOMER)
        _attempts(nitrobox_sandbox, 1)
        assert nitrobox_sandbox.notifications()[0]["retry_in"] == 120.0
        nitrobox_clock.advance(119)
        time.sleep(0.05)
        assert nitrobox_sandbox.stats()["notifications"]["attempts"] == 1
        nitrobox_clock.advance(1)
        _attempts(nitrobox_sandbox, 2)
        assert nitrobox_sandbox.notifications()[1]["retry_in"] == 480.0
    finally:
        nitrobox_sandbox.unsubscribe(subscription)
'''
)


def test_notification_retries_run_on_the_manual_clock(pytester: pytest.Pytester) -> None:
    """Nitrobox's real schedule (120 s, 480 s, ...) on the clock, moved by the test."""
    pytester.makeini(INI)
    pytester.makepyfile(NOTIFICATION_SUITE)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)


UNUSED_SUITE = """
import pytest


def test_a_script_left_unused(
    nitrobox_sandbox
):
    nitrobox_sandbox.script("retrieveCustomer", 503, 503)


@pytest.mark.nitrobox(assert_scripts_used=False)
def test_a_script_left_unused_on_purpose(
    nitrobox_sandbox
):
    nitrobox_sandbox.script("retrieveCustomer", 503)


def test_a_failing_test_is_not_also_blamed_for_its_scripts(
    nitrobox_sandbox
):
    nitrobox_sandbox.script("retrieveCustomer", 503)
    assert False, "the test's own failure"


def test_the_next_test_starts_without_scripts(
    nitrobox_sandbox
):
    assert nitrobox_sandbox.pending() == []


@pytest.mark.nitrobox(colck="manual")
def test_a_misspelt_option(
    nitrobox_sandbox
):
    pass
"""


def test_unused_scripts_fail_the_test_at_teardown(pytester: pytest.Pytester) -> None:
    """As pytest-httpx does: an error at teardown, naming what was left; an opt-out marker."""
    pytester.makeini(INI)
    pytester.makepyfile(UNUSED_SUITE)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1, errors=2)
    result.stdout.fnmatch_lines(
        [
            "*ERROR at teardown of test_a_script_left_unused*",
            "*retrieveCustomer: 2 of 2 unused*assert_scripts_used=False*",
            "*ERROR at setup of test_a_misspelt_option*",
            "*unknown @pytest.mark.nitrobox option(s) colck*",
        ]
    )
    assert "ERROR at teardown of test_a_failing_test" not in result.stdout.str()


ASYNC_TEST = (
    CUSTOMER
    + '''

@pytest.mark.nitrobox(client={"deadline": 120})
async def test_async_client_retries_on_the_clock(
    nitrobox_async_client, nitrobox_sandbox, nitrobox_clock
):
    """The generated async functions, a scripted 429 with Retry-After 60, no wall time."""
    from nitrobox_client.api.customers import create_customer, retrieve_customer
    from nitrobox_client.models import CustomerCreateRequest

    created = await create_customer.asyncio(
        client=nitrobox_async_client, body=CustomerCreateRequest.from_dict(CUSTOMER)
    )
    assert created.customer_ident == "C-1"
    nitrobox_sandbox.script("retrieveCustomer", Fault(status=429, headers={"Retry-After": "60"}))
    started, wall = nitrobox_clock(), time.perf_counter()
    found = await retrieve_customer.asyncio("C-1", client=nitrobox_async_client)
    assert found.customer_ident == "C-1"
    assert time.perf_counter() - wall < 1.0
    assert nitrobox_clock() - started == 60
    assert [c.status for c in nitrobox_sandbox.calls("retrieveCustomer")] == [429, 200]
    assert not nitrobox_async_client.get_async_httpx_client().is_closed
'''
)

ANYIO_SUITE = (
    """
import time

import pytest

from nitrobox_sandbox import Fault

pytestmark = pytest.mark.anyio


@pytest.fixture(params=["asyncio", "trio"])
def anyio_backend(request):
    return request.param
"""
    + ASYNC_TEST
)

ASYNCIO_SUITE = (
    """
import time

import pytest

from nitrobox_sandbox import Fault

pytestmark = pytest.mark.asyncio
"""
    + ASYNC_TEST
)


@pytest.mark.parametrize(
    ("suite", "runs"), [(ANYIO_SUITE, 2), (ASYNCIO_SUITE, 1)], ids=["anyio", "pytest-asyncio"]
)
def test_the_async_client_fixture_under_both_async_plugins(
    pytester: pytest.Pytester, suite: str, runs: int
) -> None:
    """One async test, run by anyio's plugin (asyncio and trio) and by pytest-asyncio."""
    pytester.makeini(INI)
    pytester.makepyfile(suite)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=runs)


def test_the_async_client_fixture_needs_an_async_test(pytester: pytest.Pytester) -> None:
    """A sync test asking for it is told what to mark."""
    pytester.makeini(INI)
    pytester.makepyfile("def test_sync(nitrobox_async_client):\n    pass\n")
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*mark it @pytest.mark.anyio*or @pytest.mark.asyncio*"])


XDIST_SUITE = (
    """
import pytest

from nitrobox_sandbox import Fault
"""
    + CUSTOMER
    + '''

@pytest.mark.parametrize("n", range(16))
def test_each_test_sees_only_its_own_scripts_and_calls(
    nitrobox_sandbox, nitrobox_client, n
):
    """Scripts and journal entries of other tests (same worker or not) never show here."""
    assert nitrobox_sandbox.calls() == [] and nitrobox_sandbox.pending() == []
    http = nitrobox_client.get_httpx_client()
    ident, status = f"C-{n}", 402 + n  # past 401, which the client answers with a new token
    nitrobox_sandbox.script("createCustomer", Fault(status=status))
    body = {**CUSTOMER, "customerIdent": ident}
    assert http.post("/v2/customers", json=body).status_code == status
    assert http.post("/v2/customers", json=body).status_code == 201
    calls = nitrobox_sandbox.calls("createCustomer")
    assert [(c.json["customerIdent"], c.status) for c in calls] == [(ident, status), (ident, 201)]
    every = [c.operation_id for c in nitrobox_sandbox.calls()]
    assert every == ["token", "createCustomer", "createCustomer"]
'''
)


@pytest.mark.timeout(300)
def test_scripts_and_journal_stay_per_test_under_xdist(pytester: pytest.Pytester) -> None:
    """pytest -n 2: each worker has its own sandbox, each test a reset one."""
    pytester.makeini(INI)
    pytester.makepyfile(XDIST_SUITE)
    # pytest-benchmark warns that xdist disables it: not this suite's concern.
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-p", "no:benchmark", "-n", "2", timeout=240
    )
    result.assert_outcomes(passed=16)
