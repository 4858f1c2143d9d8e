"""The layers of README.md (Layout) are import-linter contracts in pyproject.toml; each
forbidden import, planted in a copy of the tree, breaks its contract."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINT_IMPORTS = shutil.which("lint-imports") or "lint-imports"

# (file to plant the import in, the import, the contract id it must break)
FORBIDDEN = {
    "generated-imports-ours": (
        "generated/nitrobox_client/client.py",
        "import nitrobox_auth",
        "nitrobox_client imports neither nitrobox_auth nor nitrobox_sandbox",
    ),
    "runtime-imports-cli": (
        "nitrobox_auth/token/_auth.py",
        "import nitrobox_auth.cli._call",
        "inside nitrobox_auth, the CLI",
    ),
    "runtime-imports-sandbox": (
        "nitrobox_auth/_errors.py",
        "import nitrobox_sandbox",
        "the runtime never imports nitrobox_sandbox",
    ),
    "sandbox-imports-private-runtime": (
        "nitrobox_sandbox/_errors.py",
        "import nitrobox_auth.token._provider",
        "nitrobox_sandbox uses nitrobox_auth's public names",
    ),
    "cli-bypasses-the-seam": (
        "nitrobox_auth/cli/_call.py",
        "import nitrobox_sandbox._app",
        "the CLI reaches nitrobox_sandbox through",
    ),
}


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tree = tmp_path_factory.mktemp("tree")
    shutil.copy(ROOT / "pyproject.toml", tree)
    for package in ("nitrobox_auth", "nitrobox_sandbox", "generated/nitrobox_client"):
        shutil.copytree(
            ROOT / package, tree / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    return tree


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": f"{tree}{os.pathsep}{tree / 'generated'}"}
    return subprocess.run(
        [LINT_IMPORTS, "--no-cache", "--config", str(tree / "pyproject.toml")],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_tree_keeps_every_contract(pristine: Path) -> None:
    """The tree as it is: every contract kept (what scripts/test runs)."""
    result = lint_imports(pristine)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(("where", "line", "contract"), FORBIDDEN.values(), ids=FORBIDDEN.keys())
def test_a_forbidden_import_breaks_its_contract(
    pristine: Path, tmp_path: Path, where: str, line: str, contract: str
) -> None:
    """One planted import: lint-imports exits non-zero and names the broken contract."""
    tree = tmp_path / "tree"
    shutil.copytree(pristine, tree)
    module = tree / where
    module.write_text(module.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    result = lint_imports(tree)
    assert result.returncode != 0, result.stdout
    assert "Broken contracts" in result.stdout
    broken = result.stdout.split("Broken contracts")[1]
    assert contract in " ".join(broken.split()), result.stdout
