"""Scripted faults: the next calls of one operation answer what the test wrote, in order."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

import anyio
import http_under_test
import httpx
import pytest

from nitrobox_auth import RetryPolicy, TokenHTTP, TokenProvider, TokenRetryPolicy, create_client
from nitrobox_sandbox import Fault, Sandbox, SandboxConfigError
from nitrobox_sandbox._scripts import MAX_PENDING


def test_entries_answer_in_order_then_the_operation_answers_normally(
    api: httpx.Client, sandbox: Sandbox, new_customer: Callable[..., httpx.Response]
) -> None:
    """Two 503s, then the customer; other operations are untouched meanwhile."""
    new_customer("C-1")
    script = sandbox.script("retrieveCustomer", 503, 503)
    assert script.consumed == 0
    assert api.get("/v2/customers").status_code == 200  # another operation
    first = api.get("/v2/customers/C-1")
    assert first.status_code == 503
    assert first.json()["status"] == "SERVICE_UNAVAILABLE"  # a GlobalErrorResponse
    assert script.consumed == 1
    assert [s.remaining for s in sandbox.pending()] == [(Fault(status=503),)]
    assert api.get("/v2/customers/C-1").status_code == 503
    assert script.consumed == 2
    assert sandbox.pending() == []
    assert api.get("/v2/customers/C-1").json()["customerIdent"] == "C-1"


def test_a_fault_sets_status_headers_and_body(api: httpx.Client, sandbox: Sandbox) -> None:
    """What the Fault says is what the client gets."""
    sandbox.script(
        "queryCustomers",
        Fault(status=429, headers={"Retry-After": "60"}, body={"message": "slow down"}),
    )
    answer = api.get("/v2/customers")
    assert answer.status_code == 429
    assert answer.headers["Retry-After"] == "60"
    assert answer.json() == {"message": "slow down"}


def test_scripts_of_one_operation_queue_behind_each_other(
    api: httpx.Client, sandbox: Sandbox
) -> None:
    """A second script() waits until the first is used up."""
    first = sandbox.script("queryCustomers", 500)
    second = sandbox.script("queryCustomers", 502, 504)
    assert [s.operation_id for s in sandbox.pending()] == ["queryCustomers"] * 2
    statuses = [api.get("/v2/customers").status_code for _ in range(4)]
    assert statuses == [500, 502, 504, 200]
    assert (first.consumed, second.consumed) == (1, 2)


def test_a_delay_alone_answers_normally_but_late(api: httpx.Client, sandbox: Sandbox) -> None:
    """Fault(delay=...) without a status: the real answer, after the wait."""
    sandbox.script("queryCustomers", Fault(delay=0.01))
    assert api.get("/v2/customers").status_code == 200
    assert sandbox.calls("queryCustomers")[0].scripted
    assert sandbox.stats()["injected_errors"] == 0  # a late answer is not an error


def test_reset_drops_the_call_in_process_as_a_closed_connection(
    api: httpx.Client, sandbox: Sandbox
) -> None:
    """In-process the client gets what its package raises for a server that closed
    unanswered (httpx's, or httpx2's in that pass)."""
    sandbox.script("queryCustomers", Fault(reset=True))
    with pytest.raises(http_under_test.httpx.RemoteProtocolError):
        api.get("/v2/customers")
    assert sandbox.calls("queryCustomers")[0].status is None
    assert "500" not in sandbox.stats()["statuses"]  # no answer, so none counted
    assert api.get("/v2/customers").status_code == 200


@pytest.mark.parametrize("package", ["httpx", "httpx2"])
def test_reset_raises_the_error_of_the_senders_package(
    sandbox: Sandbox, get_token: Callable[[], str], package: str
) -> None:
    """A plain client of either package gets its own package's error, sync and async."""
    module = importlib.import_module(package)
    sandbox.script("queryCustomers", Fault(reset=True), Fault(reset=True))
    headers = {"Authorization": f"Bearer {get_token()}"}
    with (
        module.Client(
            transport=sandbox.transport(http_package=package), base_url=sandbox.base_url
        ) as sync_client,
        pytest.raises(module.RemoteProtocolError),
    ):
        sync_client.get("/v2/customers", headers=headers)

    async def call() -> None:
        async with module.AsyncClient(
            transport=sandbox.async_transport(http_package=package), base_url=sandbox.base_url
        ) as async_client:
            await async_client.get("/v2/customers", headers=headers)

    with pytest.raises(module.RemoteProtocolError):
        anyio.run(call)


def test_the_client_retries_through_scripted_token_and_api_faults(sandbox: Sandbox) -> None:
    """ "token" scripts the token endpoint; the client's retries use up both scripts."""
    waits: list[float] = []
    token_script = sandbox.script("token", 503)
    api_script = sandbox.script("queryCustomers", 503, Fault(reset=True))
    provider = TokenProvider.from_settings(
        sandbox.settings(),
        retry=TokenRetryPolicy(sleep=waits.append),
        http=TokenHTTP(transport=sandbox.transport()),
    )
    client = create_client(
        sandbox.settings(),
        provider=provider,
        transport=sandbox.transport(),
        retry=RetryPolicy(sleep=waits.append),
    )
    with provider, client:
        assert client.get_httpx_client().get("/v2/customers").status_code == 200
    assert (token_script.consumed, api_script.consumed) == (1, 2)
    assert len(waits) == 3
    assert [c.status for c in sandbox.calls()] == [503, 200, 503, None, 200]


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        ("retrieveCustomr", "did you mean 'retrieveCustomer'"),
        ("tokn", "did you mean 'token'"),
        ("zzzzzzzz", "`nitrobox call --list` lists them"),
        (42, "operationId string"),
    ],
)
def test_an_unknown_operation_is_named_with_close_matches(
    sandbox: Sandbox, operation: Any, message: str
) -> None:
    """A misspelt operationId is refused at once, suggesting what was meant."""
    with pytest.raises(SandboxConfigError, match=message):
        sandbox.script(operation, 503)
    assert sandbox.pending() == []


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (200, "error status from 400 to 599"),
        (600, "error status from 400 to 599"),
        (True, "status"),
        ("503", "a status"),
    ],
)
def test_a_bad_entry_is_refused(sandbox: Sandbox, entry: Any, message: str) -> None:
    """Statuses outside 400..599, bools and strings are not entries."""
    with pytest.raises(SandboxConfigError, match=message):
        sandbox.script("queryCustomers", entry)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": 503, "reset": True}, "reset=True sends no answer"),
        ({}, "needs a status, reset=True, or a delay"),
        ({"body": {"a": 1}, "delay": 1}, "need a status"),
        ({"status": 503, "delay": 61}, "from 0 to 60"),
        ({"status": 503, "delay": float("nan")}, "from 0 to 60"),
        ({"status": 503, "headers": {"X-A": "1\r\nSet-Cookie: x"}}, "one line"),
        ({"status": 503, "headers": {"Bad Name": "1"}}, "not an HTTP token"),
        ({"status": 503, "body": {"n": float("nan")}}, "without NaN"),
        ({"status": 503, "body": "x" * 70_000}, "at most"),
        ({"status": 503, "reset": "yes"}, "True or False"),
    ],
)
def test_a_bad_fault_is_refused(fields: dict[str, Any], message: str) -> None:
    """Every Fault field is checked when the Fault is made."""
    with pytest.raises(SandboxConfigError, match=message):
        Fault(**fields)


def test_an_empty_script_and_too_many_waiting_entries_are_refused(sandbox: Sandbox) -> None:
    """A script needs an entry; at most MAX_PENDING entries wait at once."""
    with pytest.raises(SandboxConfigError, match="at least one entry"):
        sandbox.script("queryCustomers")
    sandbox.script("queryCustomers", *([503] * MAX_PENDING))
    with pytest.raises(SandboxConfigError, match=f"at most {MAX_PENDING}"):
        sandbox.script("retrieveCustomer", 503)


def test_reset_forgets_scripts_and_clear_scripts_too(api: httpx.Client, sandbox: Sandbox) -> None:
    """After reset() or clear_scripts() every operation answers normally."""
    sandbox.script("queryCustomers", 503)
    sandbox.reset()
    assert sandbox.pending() == []
    sandbox.script("queryCustomers", 503)
    sandbox.clear_scripts()
    assert sandbox.pending() == []


def test_scripts_over_http(client: httpx.Client, api: httpx.Client, sandbox: Sandbox) -> None:
    """POST /_sandbox/scripts adds one, GET lists what is left, DELETE clears them."""
    created = client.post(
        "/_sandbox/scripts",
        json={
            "operation_id": "queryCustomers",
            "entries": [502, {"status": 429, "headers": {"Retry-After": "7"}}],
        },
    )
    assert created.status_code == 201
    script_id = created.json()["id"]
    assert created.json()["total"] == 2
    assert api.get("/v2/customers").status_code == 502
    pending = client.get("/_sandbox/scripts").json()["pending"]
    assert [(p["id"], p["consumed"], p["remaining"][0]["status"]) for p in pending] == [
        (script_id, 1, 429)
    ]
    assert api.get("/v2/customers").headers["Retry-After"] == "7"
    assert client.get(f"/_sandbox/scripts/{script_id}").json()["consumed"] == 2
    assert client.get("/_sandbox/scripts/999").status_code == 404
    client.post("/_sandbox/scripts", json={"operation_id": "token", "entries": [503]})
    assert client.delete("/_sandbox/scripts").status_code == 204
    assert sandbox.pending() == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"operation_id": "queryCustomerz", "entries": [503]}, "did you mean"),
        ({"operation_id": "queryCustomers", "entries": [200]}, "from 400 to 599"),
        ({"operation_id": "queryCustomers", "entries": 503}, "must be a list"),
        ({"operation_id": "queryCustomers"}, "the body must be"),
        ({"operation_id": "queryCustomers", "entries": [{"status": 503, "x": 1}]}, "unknown"),
        ([503], "the body must be"),
    ],
)
def test_bad_scripts_over_http_are_a_400_naming_the_problem(
    client: httpx.Client, sandbox: Sandbox, body: Any, message: str
) -> None:
    """The same checks as in Python, answered as a GlobalErrorResponse."""
    answer = client.post("/_sandbox/scripts", json=body)
    assert answer.status_code == 400
    assert message in answer.json()["message"]
    assert sandbox.pending() == []


def test_a_fault_is_hashable_and_its_headers_cannot_change_after_the_checks() -> None:
    """Faults compare by value; headers are read-only and refuse control characters."""
    fault = Fault(status=503, headers={"Retry-After": "60"})
    assert fault == Fault(status=503, headers={"Retry-After": "60"})
    assert hash(fault) == hash(Fault(status=503, headers={"Retry-After": "60"}))
    with pytest.raises(TypeError):
        fault.headers["X-Injected"] = "a\r\nb"  # type: ignore[index]
    with pytest.raises(SandboxConfigError, match="printable ASCII"):
        Fault(status=503, headers={"X-A": "a\x00b"})


def test_the_manual_clock_sleeps_by_moving_and_wakes_listeners() -> None:
    """sleep() and async_sleep() move the clock at once; listeners hear every move."""
    import anyio

    from nitrobox_sandbox import ManualClock

    clock = ManualClock(start=0)
    heard: list[float] = []
    stop = clock.on_advance(lambda: heard.append(clock()))
    clock.sleep(60)
    anyio.run(clock.async_sleep, 0.5)
    clock.sleep(-1)  # a negative wait is no wait, as for time.sleep(0)
    stop()
    clock.advance(1)
    assert clock() == 61.5
    assert heard == [60, 60.5, 60.5]
    with pytest.raises(ValueError, match="cannot go back"):
        clock.advance(float("nan"))


def test_hostile_scripts_over_http_are_refused_quickly(
    client: httpx.Client, sandbox: Sandbox
) -> None:
    """A huge operation id or entry list is a 400, cut short; an unknown script id a 404."""
    huge = client.post("/_sandbox/scripts", json={"operation_id": "x" * 500_000, "entries": [503]})
    assert huge.status_code == 400
    assert len(huge.json()["message"]) < 400
    many = client.post(
        "/_sandbox/scripts",
        json={"operation_id": "queryCustomers", "entries": [503] * (MAX_PENDING + 1)},
    )
    assert many.status_code == 400
    assert str(MAX_PENDING) in many.json()["message"]
    assert client.get(f"/_sandbox/scripts/{'9' * 400}").status_code == 404
    assert client.get("/_sandbox/scripts/-1").status_code == 404
    assert sandbox.pending() == []
