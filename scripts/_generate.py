"""Run the pinned openapi-python-client and ruff on a bundled document, write the manifest."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from importlib.metadata import version
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
# The generated package is formatted with these settings, never with the project's
# (the project excludes generated/ and could change its style any day).
RUFF_ARGS = ["--isolated", "--line-length", "120", "--target-version", "py311"]
_CACHE_DIRS = ("__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache")


class GenerationError(Exception):
    """Validation, generation or formatting failed; the message says what to fix."""


def dumps(document: Any) -> str:
    """The one serialisation of the bundle: stable, readable, newline at the end."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def pinned_versions(pyproject: Path = ROOT / "pyproject.toml") -> dict[str, str]:
    """``{"openapi-python-client": "0.29.1", "ruff": "..."}`` as pinned in pyproject.toml."""
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    pins: dict[str, str] = {}
    for requirement in data["project"]["optional-dependencies"]["dev"]:
        match = re.fullmatch(r"\s*(openapi-python-client|ruff)\s*==\s*([\w.]+)\s*", requirement)
        if match:
            pins[match[1]] = match[2]
    missing = {"openapi-python-client", "ruff"} - pins.keys()
    if missing:
        raise GenerationError(f"pyproject.toml must pin {', '.join(sorted(missing))} with '=='")
    return pins


def check_pins(pins: dict[str, str]) -> None:
    """Refuse to run with other tool versions than pinned: the output would differ."""
    import openapi_python_client

    installed = {
        "openapi-python-client": openapi_python_client.__version__,
        "ruff": _ruff("--version").split()[-1],
    }
    if version("openapi-python-client") != installed["openapi-python-client"]:
        raise GenerationError("openapi-python-client: module and dist versions disagree")
    wrong = [
        f"{n} {installed[n]} installed, {pins[n]} pinned" for n in pins if installed[n] != pins[n]
    ]
    if wrong:
        raise GenerationError("; ".join(wrong) + ". Run: pip install -e '.[dev]'")


def _ruff(*args: str, cwd: Path | None = None) -> str:
    # -P: the generated package has a types.py; with its folder as the working directory a
    # plain `python -m` would import it in place of the standard library's (seen in venvs).
    proc = subprocess.run(
        [sys.executable, "-P", "-m", "ruff", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise GenerationError(f"ruff {' '.join(args)} failed:\n{proc.stdout}{proc.stderr}")
    return proc.stdout.strip()


def validate(document: dict[str, Any]) -> None:
    """Validate the bundle with openapi-spec-validator."""
    from openapi_spec_validator import validate as validate_spec
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    try:
        validate_spec(document)
    except OpenAPIValidationError as exc:
        path = "/".join(str(part) for part in exc.path)
        raise GenerationError(
            f"the bundled spec is not valid OpenAPI at {path!r}: {exc.message}"
        ) from exc


def load_allowlist(path: Path) -> list[tuple[re.Pattern[str], str]]:
    """The generator warnings we accept, each with a reason (see the file's header)."""
    if not path.exists():
        return []
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    allowed = []
    for index, entry in enumerate(entries):
        if not (isinstance(entry, dict) and entry.get("match") and entry.get("reason")):
            raise GenerationError(f"{path.name} entry {index}: needs both 'match' and 'reason'")
        allowed.append((re.compile(str(entry["match"])), str(entry["reason"])))
    return allowed


def _check_generator_errors(errors: Any, allowlist: list[tuple[re.Pattern[str], str]]) -> list[str]:
    """Raise on errors and unlisted warnings; return notes about allowlist entries not used."""
    from openapi_python_client.parser.errors import ErrorLevel

    failures = []
    used: set[str] = set()
    for error in errors:
        text = f"{error.header} {error.detail or ''}".strip()
        matched = [pattern.pattern for pattern, _ in allowlist if pattern.search(text)]
        used.update(matched)
        if error.level == ErrorLevel.ERROR:
            failures.append(f"ERROR: {text}")
        elif not matched:
            failures.append(f"WARNING: {text}")
    if failures:
        raise GenerationError(
            "openapi-python-client reported problems (fix the spec, or list an accepted warning "
            "with a reason in openapi/generator-warnings-allowed.yml):\n" + "\n".join(failures)
        )
    return [
        f"generator-warnings-allowed.yml: {pattern.pattern!r} matched no warning; remove it?"
        for pattern, _ in allowlist
        if pattern.pattern not in used
    ]


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def generate_package(
    document: dict[str, Any], *, openapi_dir: Path, spec_files: list[Path], out: Path
) -> list[str]:
    """Validate ``document`` and write the formatted ``nitrobox_client`` package to ``out``.

    Returns notes for the user (nothing that fails the run).
    """
    from openapi_python_client import generate
    from openapi_python_client.config import Config, ConfigFile, MetaType

    pins = pinned_versions()
    check_pins(pins)
    validate(document)
    bundle_text = dumps(document)
    templates = openapi_dir / "templates"
    with tempfile.TemporaryDirectory(prefix="nitrobox-bundle-") as tmp:
        source = Path(tmp) / "openapi.json"
        source.write_text(bundle_text, encoding="utf-8")
        config_file = ConfigFile.load_from_path(openapi_dir / "config.yml")
        # Formatting is done below with the pinned ruff and isolated settings; the generator's
        # own hooks would pick up whatever ruff is on PATH and the project's config.
        config_file.post_hooks = []
        config = Config.from_sources(config_file, MetaType.NONE, source, "utf-8", True, out)
        errors = generate(
            config=config, custom_template_path=templates if templates.is_dir() else None
        )
    notes = _check_generator_errors(
        errors, load_allowlist(openapi_dir / "generator-warnings-allowed.yml")
    )
    if not (out / "__init__.py").exists():
        raise GenerationError(f"the generator wrote no package to {out}")

    _ruff("check", *RUFF_ARGS, "--fix-only", "--select", "E,F,I", "--quiet", ".", cwd=out)
    _ruff("format", *RUFF_ARGS, "--quiet", ".", cwd=out)
    for cache in _CACHE_DIRS:
        for found in sorted(out.rglob(cache), reverse=True):
            shutil.rmtree(found)

    (out / "py.typed").write_text("# Marker file for PEP 561\n", encoding="utf-8")
    (out / "openapi.json").write_text(bundle_text, encoding="utf-8")
    inputs = sorted(
        [*spec_files, openapi_dir / "config.yml"]
        + ([p for p in templates.rglob("*") if p.is_file()] if templates.is_dir() else [])
    )
    manifest = {
        "package": "nitrobox_client",
        "spec_sha256": _sha256(bundle_text.encode("utf-8")),
        "generator": {"openapi-python-client": pins["openapi-python-client"], "ruff": pins["ruff"]},
        "inputs": {
            p.relative_to(openapi_dir.parent).as_posix(): _sha256(p.read_bytes()) for p in inputs
        },
        "operations": sum(
            1
            for item in document.get("paths", {}).values()
            for key in item
            if key in {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
        ),
    }
    (out / "manifest.json").write_text(dumps(manifest), encoding="utf-8")
    return notes
