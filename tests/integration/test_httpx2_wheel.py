"""The wheel with its ``httpx2`` extra, in a fresh venv, serves httpx2-based user code.

Builds the wheel once, makes one venv (``python -m venv``), installs ``WHEEL[httpx2]`` with
pip (nothing else: no dev tools, not this checkout), and runs a user's script there twice:
on httpx2 (``create_client(settings, transport=httpx2.MockTransport(...))``) and on httpx.
Typed calls, ``paginate`` and the error paths give the same results and the same error
classes on both. Slow (a wheel build and a pip install), hence one module, one venv.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from http_under_test import UNDER_HTTPX2

pytestmark = [
    pytest.mark.integration,
    # On the worker that builds the wheel for the other wheel test (tests/integration/conftest.py).
    pytest.mark.xdist_group("wheel"),
    # The venv does not depend on the pass's package: the script runs on both itself.
    pytest.mark.skipif(UNDER_HTTPX2, reason="runs httpx and httpx2 itself; once per CI run"),
]

USER_SCRIPT = textwrap.dedent(
    '''
    """A user's service code: only the installed wheel and the HTTP package named in argv."""
    import importlib, json, ssl, sys

    import anyio

    http = importlib.import_module(sys.argv[1])
    from nitrobox_auth import (
        NitroboxError, NitroboxSettings, RetryPolicy, create_client, paginate, unwrap,
    )
    from nitrobox_client.api.customers import query_customers, retrieve_customer

    SETTINGS = NitroboxSettings(
        tenant="acme", client_id="id", client_secret="secret", base_url="https://api.user.test"
    )
    CUSTOMERS = [{"customerIdent": f"c-{i}", "language": "de"} for i in range(5)]

    def handler(request):
        assert isinstance(request, http.Request), type(request)
        path = request.url.path
        if path == "/acme/oauth2/token":
            return http.Response(
                200, json={"access_token": "t", "token_type": "bearer", "expires_in": 269}
            )
        if path == "/v2/customers/c-1":
            return http.Response(200, json=CUSTOMERS[1])
        if path == "/v2/customers/missing":
            return http.Response(404, json={"status": "NOT_FOUND", "message": "no customer"})
        if path == "/v2/customers/refused":
            raise http.ConnectError("connection refused")
        if path == "/v2/customers/slow":
            raise http.ReadTimeout("timed out")
        if path == "/v2/customers/tls":
            raise ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number")
        if path == "/v2/customers/broken":
            return http.Response(200, content=b"<html>oops</html>",
                                 headers={"Content-Type": "application/json"})
        if path == "/v2/customers":
            page, size = int(request.url.params["page"]), int(request.url.params["size"])
            chunk = CUSTOMERS[page * size : (page + 1) * size]
            info = {"number": page, "size": size, "totalElements": len(CUSTOMERS),
                    "totalPages": -(-len(CUSTOMERS) // size)}
            return http.Response(200, json={"_embedded": chunk, "pageInfo": info})
        return http.Response(500)

    def failure(call):
        try:
            call()
        except NitroboxError as error:
            return type(error).__name__
        return "no error"

    retry = RetryPolicy(sleep=lambda _: None)
    client = create_client(SETTINGS, transport=http.MockTransport(handler), retry=retry)
    results = {"package": type(client.get_httpx_client()).__module__.split(".")[0]}
    with client:
        customer = unwrap(retrieve_customer.sync_detailed("c-1", client=client))
        results["typed"] = [type(customer).__name__, customer.customer_ident, customer.language]
        results["paginate"] = [
            c.customer_ident for c in paginate(query_customers, client=client, size=2)
        ]
        for ident in ("missing", "refused", "slow", "tls", "broken"):
            results[ident] = failure(
                lambda: unwrap(retrieve_customer.sync_detailed(ident, client=client))
            )

    async def async_side():
        async_client = create_client(
            SETTINGS, async_transport=http.MockTransport(handler), retry=retry
        )
        async with async_client:
            got = await retrieve_customer.asyncio_detailed("c-1", client=async_client)
            return unwrap(got).customer_ident

    results["async"] = anyio.run(async_side)
    print(json.dumps(results))
    '''
)


def _run(args: list[str], cwd: Path | None = None) -> str:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False, timeout=900)
    assert result.returncode == 0, f"{args[:3]}: {result.stdout[-3000:]}{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture(scope="module")
def venv_python(tmp_path_factory: pytest.TempPathFactory, built_wheel: Path) -> Path:
    """A fresh venv with only the wheel and its httpx2 extra (and what they depend on)."""
    base = tmp_path_factory.mktemp("httpx2-wheel")
    # No pip of its own (ensurepip costs seconds): this pip installs into the venv's
    # interpreter (`pip --python`), resolving the wheel's dependencies as a user's pip does.
    _run([sys.executable, "-m", "venv", "--without-pip", str(base / "venv")])
    python = base / "venv" / "bin" / "python"
    _run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install"),
            *("-q", "--disable-pip-version-check", f"{built_wheel}[httpx2]"),
        ]
    )
    return python


def test_user_code_on_httpx2_gets_what_httpx_users_get(venv_python: Path, tmp_path: Path) -> None:
    """Same results and error classes from the wheel on httpx2 as on httpx."""
    script = tmp_path / "service.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    # Only the venv: not this checkout (PYTHONPATH), not the global site-packages.
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    outputs = {}
    for package in ("httpx2", "httpx"):
        result = subprocess.run(
            [str(venv_python), "-I", str(script), package],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr[-3000:]
        outputs[package] = json.loads(result.stdout)
    on_httpx2, on_httpx = outputs["httpx2"], outputs["httpx"]
    assert on_httpx2.pop("package") == "httpx2"
    assert on_httpx.pop("package") == "httpx"
    assert on_httpx2 == on_httpx
    assert on_httpx2 == {
        "typed": ["Customer", "c-1", "de"],
        "paginate": ["c-0", "c-1", "c-2", "c-3", "c-4"],
        "missing": "NotFoundError",
        "refused": "APIConnectionError",
        "slow": "APITimeoutError",
        "tls": "APIConnectionError",
        "broken": "MalformedResponseError",
        "async": "c-1",
    }
