"""The wheel as a user installs it: built, installed with the sandbox extra into a fresh
venv outside the repository, and checked there with ``mypy --strict`` on a test file that
uses the fixtures and the Sandbox class. Inside the repository mypy reads the sources, so
only this test sees what the wheel ships (the ``py.typed`` markers above all)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

# One worker builds the wheel and the venv once: under `--dist loadgroup` the fixtures would
# otherwise be built again on each worker that draws one of these tests.
pytestmark = [pytest.mark.integration, pytest.mark.xdist_group("wheel")]


USER_TESTS = """
from __future__ import annotations

import asyncio

from nitrobox_client import Client
from nitrobox_client.api.customers import create_customer, query_customers
from nitrobox_client.models import CustomerCreateRequest

from nitrobox_auth import NitroboxSettings, unwrap
from nitrobox_auth.webhooks import Notification
from nitrobox_sandbox import Faults, NotificationInbox, Sandbox


def test_create_customer(nitrobox_client: Client, nitrobox_sandbox: Sandbox) -> None:
    body = CustomerCreateRequest.from_dict(
        {"customerIdent": "c-1", "addresses": [{"addressType": "INVOICE", "country": "DE"}]}
    )
    customer = unwrap(create_customer.sync_detailed(client=nitrobox_client, body=body))
    assert customer.customer_ident == "c-1"
    assert nitrobox_sandbox.stats()["token_requests"] == 1


def test_async(nitrobox_client: Client) -> None:
    async def calls() -> None:
        async with nitrobox_client:
            unwrap(await query_customers.asyncio_detailed(client=nitrobox_client))

    asyncio.run(calls())


def test_notification(
    nitrobox_client: Client, nitrobox_notifications: NotificationInbox
) -> None:
    event: Notification = nitrobox_notifications.wait_for("customer.created", timeout=10.0)
    assert event.notification_type == "customer.created"


def own_sandbox() -> str:
    with Sandbox(token_lifetime=60.0, faults=Faults(error_rate=0.1)).serve() as sandbox:
        settings: NitroboxSettings = sandbox.settings()
        return settings.token_url
"""

# What a precise type catches: without py.typed every name here would be Any, and pass.
USER_MISTAKE = """
from nitrobox_sandbox import Sandbox


def port(sandbox: Sandbox) -> int:
    return sandbox.base_url
"""


def _run(argv: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    # A user's environment: none of this repository's paths.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MYPYPATH")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return subprocess.run(
        argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory, built_wheel: Path) -> Path:
    """A fresh venv outside the repository with the built wheel[sandbox] and mypy."""
    home = tmp_path_factory.mktemp("user")
    # No pip of its own (ensurepip costs seconds): this pip installs into the venv's
    # interpreter (`pip --python`), resolving the wheel's dependencies as a user's pip does.
    # --no-compile: the test imports nothing from the venv but mypy (compiled already).
    created = _run([sys.executable, "-m", "venv", "--without-pip", str(home / "venv")], home, 300)
    assert created.returncode == 0, created.stderr
    python = home / "venv" / "bin" / "python"
    installed = _run(
        [
            *(sys.executable, "-m", "pip", "--python", str(python), "install"),
            *("-q", "--no-compile", f"{built_wheel}[sandbox]", "mypy"),
        ],
        home,
        900,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return home


def _mypy(home: Path, name: str, source: str) -> subprocess.CompletedProcess[str]:
    path = home / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    python = home / "venv" / "bin" / "python"
    # Incremental, cache in the venv's home: the first run reads the installed packages, the
    # second reuses that work and checks only its own file.
    return _run([str(python), "-m", "mypy", "--strict", str(path)], home, 600)


def test_the_installed_packages_ship_py_typed(venv: Path) -> None:
    """Every package of the wheel carries its marker (PEP 561)."""
    site = next((venv / "venv" / "lib").glob("python3*/site-packages"))
    for package in ("nitrobox_auth", "nitrobox_sandbox", "nitrobox_client"):
        assert (site / package / "py.typed").is_file(), package


def test_mypy_strict_accepts_a_users_suite_from_the_wheel(venv: Path) -> None:
    """The documented fixtures and the Sandbox class type-check with --strict."""
    result = _mypy(venv, "test_user_suite.py", USER_TESTS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found in 1 source file" in result.stdout


def test_mypy_strict_sees_the_sandboxs_types(venv: Path) -> None:
    """A wrong type on a Sandbox attribute is an error: the types are real, not Any."""
    result = _mypy(venv, "user_mistake.py", USER_MISTAKE)
    assert result.returncode == 1, result.stdout
    assert 'Incompatible return value type (got "str", expected "int")' in result.stdout
    assert "py.typed" not in result.stdout
