"""`nitrobox demo`: the README's billing flow end to end, in-process and as a real process."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from nitrobox_auth.cli import main

if TYPE_CHECKING:
    from nitrobox_auth import AccessToken
    from nitrobox_sandbox import Sandbox

    from .conftest import PointAt

pytestmark = pytest.mark.integration

STEPS = (
    "fetch an access token",
    "create customer",
    "create contract",
    "create 3 usages",
    "start billing run",
    "wait for invoice.archived",
    "download the invoice PDF",
)
# With NITROBOX_* set, the demo cannot receive notifications and polls the documents instead.
POLLING_STEPS = (*STEPS[:5], "query the customer's documents", STEPS[-1])
# 1 customer + 1 contract + 3 usages + 1 billing run + 1 download (+ 1 query when polling)
API_CALLS = 7
POLLING_API_CALLS = 8


def assert_steps_ok(out: str, steps: tuple[str, ...] = STEPS) -> None:
    """Every step is printed, numbered, as ok with a timing in ms."""
    for number, title in enumerate(steps, start=1):
        assert re.search(rf"^ ?{number}\. {re.escape(title)}\s+ok\s+\d+\.\d ms", out, re.M), out


def pdf_path_in(out: str) -> Path:
    match = re.search(r"^PDF written to (.+)$", out, re.M)
    assert match, out
    return Path(match.group(1))


def test_demo_against_the_embedded_sandbox(
    no_nitrobox_env: None,
    issued: list[AccessToken],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No credentials: every step succeeds, one token serves all calls, the PDF is real."""
    assert main(["demo", "--output", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert len({token.value for token in issued}) == 1
    assert issued[0].value not in out + err
    assert "sandbox-secret" not in out + err
    assert "using an embedded sandbox" in err
    assert_steps_ok(out)
    assert f"1 token request served {API_CALLS} API calls" in out
    assert f"sandbox counters: token_requests=1, api_requests={API_CALLS}, unauthorized=0" in out
    pdf = pdf_path_in(out)
    assert pdf.parent == tmp_path
    assert pdf.read_bytes().startswith(b"%PDF")


def test_demo_against_configured_environment_and_runs_repeatedly(
    nitrobox_sandbox: Sandbox,
    point_env_at: PointAt,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With NITROBOX_* set, the demo uses them; unique idents let it run twice on one server."""
    point_env_at(nitrobox_sandbox)
    argv = ["demo", "--plan-id", "42", "--product-ident", "kwh", "--output", str(tmp_path)]
    assert main(argv) == 0
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert "using NITROBOX_* settings" in err
    assert_steps_ok(out, POLLING_STEPS)
    assert out.count(f"1 token request served {POLLING_API_CALLS} API calls") == 2
    stats = nitrobox_sandbox.stats()
    assert stats["token_requests"] == 2
    assert stats["api_requests"] == 2 * POLLING_API_CALLS
    assert stats["notifications"]["subscriptions"] == 0
    assert len(list(tmp_path.glob("*.pdf"))) == 2


def test_real_environment_needs_plan_and_product(
    nitrobox_sandbox: Sandbox, point_env_at: PointAt, capsys: pytest.CaptureFixture[str]
) -> None:
    """Against configured credentials without --plan-id, nothing is created and exit is 2."""
    point_env_at(nitrobox_sandbox)
    assert main(["demo"]) == 2
    _, err = capsys.readouterr()
    assert "--plan-id" in err
    assert nitrobox_sandbox.stats()["api_requests"] == 0


def test_failing_step_is_marked_and_exits_2_without_secret(
    nitrobox_sandbox: Sandbox, point_env_at: PointAt, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rejected credentials: the token step is FAILED, the error is named, the secret hidden,
    and the exit code is 2 (configuration), as from every command."""
    point_env_at(nitrobox_sandbox, client_secret="not-the-sandbox-secret")
    assert main(["demo", "--plan-id", "1", "--product-ident", "kwh"]) == 2
    out, err = capsys.readouterr()
    assert re.search(r"^ 1\. fetch an access token\s+FAILED", out, re.M), out
    assert "InvalidClientError" in err
    assert "not-the-sandbox-secret" not in out + err
    assert nitrobox_sandbox.stats()["api_requests"] == 0


def test_missing_output_directory_is_refused_up_front(
    no_nitrobox_env: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An --output in a directory that does not exist fails before anything is sent."""
    assert main(["demo", "--output", str(tmp_path / "missing" / "x.pdf")]) == 2
    out, err = capsys.readouterr()
    assert "does not exist" in err
    assert "fetch an access token" not in out


def test_demo_as_a_real_process(no_nitrobox_env: None, tmp_path: Path) -> None:
    """`python -m nitrobox_auth.cli demo` exits 0, prints the steps and writes the PDF."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NITROBOX_")}
    result = subprocess.run(
        [sys.executable, "-m", "nitrobox_auth.cli", "demo", "--output", str(tmp_path / "i.pdf")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert_steps_ok(result.stdout)
    assert f"1 token request served {API_CALLS} API calls" in result.stdout
    assert pdf_path_in(result.stdout) == tmp_path / "i.pdf"
    assert (tmp_path / "i.pdf").read_bytes().startswith(b"%PDF")


def test_without_the_sandbox_extra_the_install_command_is_named(no_nitrobox_env: None) -> None:
    """No credentials and no Starlette: exit 2 with the pip command and the NITROBOX_* way out."""
    script = (
        "import sys\n"
        "sys.modules['starlette'] = sys.modules['uvicorn'] = None  # as if not installed\n"
        "from nitrobox_auth.cli import main\n"
        "sys.exit(main(['demo']))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("NITROBOX_")}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 2
    assert "pip install 'nitrobox-client[sandbox]'" in result.stderr
    assert "NITROBOX_CLIENT_SECRET" in result.stderr
    assert result.stdout == ""
