"""openapi/ -> generated/nitrobox_client: bundle, validate, generate, format, check for drift.

Usage::

    python scripts/regenerate.py           # rewrite generated/nitrobox_client
    python scripts/regenerate.py --check   # fail when generated/ is not what openapi/ gives
    python scripts/regenerate.py --changes changes.json --fail-on-breaking   # CI upstream watch

Both run the generator into a temporary folder; the plain run then swaps the result in.
The output depends only on the inputs (spec files, config, templates) and the pinned tool
versions, so two runs are byte-identical and ``--check`` can compare bytes.

Every run also prints the change report: what the new bundle changes for code that uses
``nitrobox_client``, against the ``openapi.json`` of the package it replaces (or
``--baseline``), grouped as breaking and compatible, with a suggested version bump and a
CHANGELOG.md draft (scripts/_changes.py; docs/regenerate.md, "Reading the change report").

Exit status: 0 done, 1 ``--check`` found drift, 2 the spec cannot be bundled or generated (or
the baseline cannot be read), 3 ``--fail-on-breaking`` and the report has a breaking change
(the plain run still writes the package, so the job can show it).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import shutil
import sys
import tempfile
import time
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bundle import BundleError, bundle, load_specs
from _changes import Naming, Report, compare, format_report
from _generate import GenerationError, dumps, generate_package
from _tree_diff import diff_trees

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "nitrobox_client"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="fail when generated/ differs from what openapi/ gives"
    )
    parser.add_argument("--openapi", type=Path, default=ROOT / "openapi", help="spec folder")
    parser.add_argument(
        "--output", type=Path, default=ROOT / "generated", help="folder holding the package"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="bundle to compare with (default: openapi.json of the package in --output)",
    )
    parser.add_argument(
        "--changes", type=Path, metavar="FILE", help="also write the change report as JSON"
    )
    parser.add_argument(
        "--fail-on-breaking",
        action="store_true",
        help="exit with status 3 when the change report has a breaking change",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    target = args.output / PACKAGE
    args.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".regenerate-", dir=args.output) as tmp:
        fresh = Path(tmp) / PACKAGE
        try:
            specs, notes = load_specs(args.openapi)
            result = bundle(specs)
            notes += result.notes
            with contextlib.redirect_stdout(io.StringIO()):
                notes += generate_package(
                    result.document,
                    openapi_dir=args.openapi,
                    spec_files=[args.openapi / s.filename for s in specs],
                    out=fresh,
                )
        except (BundleError, GenerationError) as exc:
            print(f"regenerate: FAILED\n{exc}", file=sys.stderr)
            return 2
        for note in notes:
            print(f"note: {note}")
        baseline = args.baseline or target / "openapi.json"
        try:
            report = _change_report(baseline, result.document, args.openapi)
        except ChangeReportError as exc:
            print(f"regenerate: FAILED\n{exc}", file=sys.stderr)
            return 2
        if args.changes is not None:
            args.changes.parent.mkdir(parents=True, exist_ok=True)
            args.changes.write_text(dumps(report.to_json()), encoding="utf-8")
        breaking = 3 if args.fail_on_breaking and report.breaking else 0
        elapsed = time.perf_counter() - started
        if args.check:
            report = diff_trees(target, fresh, label=f"{args.output.name}/{PACKAGE}")
            if report:
                print(report, file=sys.stderr)
                print(
                    "regenerate --check: FAILED, generated/ is stale: "
                    "run `python scripts/regenerate.py` and commit generated/ with openapi/",
                    file=sys.stderr,
                )
                return breaking or 1
            print(f"regenerate --check: generated/ is up to date ({elapsed:.1f}s)")
            return breaking
        if target.exists():
            shutil.rmtree(target)
        fresh.rename(target)
    count = sum(1 for p in target.rglob("*") if p.is_file())
    print(f"regenerate: wrote {count} files to {target} ({elapsed:.1f}s)")
    if breaking:
        print("regenerate: breaking changes (--fail-on-breaking): exit status 3", file=sys.stderr)
    return breaking


class ChangeReportError(Exception):
    """The baseline bundle cannot be read; the message names the file and the fix."""


def _change_report(baseline: Path, document: dict[str, object], openapi_dir: Path) -> Report:
    """Compare ``document`` with the bundle at ``baseline`` and print the report."""
    if not baseline.exists():
        print(f"change report: no previous bundle at {baseline}; nothing to compare")
        return Report()
    try:
        old = json.loads(baseline.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ChangeReportError(
            f"change report: cannot read the previous bundle {baseline}: {exc}. "
            "Pass another with --baseline, or delete the package to start without one."
        ) from exc
    if not (isinstance(old, dict) and "openapi" in old):
        raise ChangeReportError(
            f"change report: {baseline} is not an OpenAPI bundle (no 'openapi' key); "
            "pass the openapi.json of a generated package with --baseline"
        )
    if not isinstance(old.get("paths", {}), dict) or not isinstance(
        old.get("components", {}), dict
    ):
        raise ChangeReportError(
            f"change report: {baseline} has no 'paths'/'components' mappings, so it is not the "
            "openapi.json of a generated package; pass one with --baseline"
        )
    try:
        report = compare(old, document, _naming(openapi_dir))
    except (AttributeError, KeyError, TypeError) as exc:
        # The baseline is JSON with an 'openapi' key but malformed deeper down.
        raise ChangeReportError(
            f"change report: cannot compare with {baseline} (malformed bundle: "
            f"{type(exc).__name__}: {exc}); pass another with --baseline"
        ) from exc
    print(format_report(report, baseline=_shown(baseline), version=_project_version()))
    return report


def _naming(openapi_dir: Path) -> Naming:
    import yaml

    config = yaml.safe_load((openapi_dir / "config.yml").read_text(encoding="utf-8")) or {}
    return Naming(field_prefix=str(config.get("field_prefix", Naming.field_prefix)))


def _project_version() -> str:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


if __name__ == "__main__":
    raise SystemExit(main())
