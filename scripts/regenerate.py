"""openapi/ -> generated/nitrobox_client: bundle, validate, generate, format, check for drift.

Usage::

    python scripts/regenerate.py           # rewrite generated/nitrobox_client
    python scripts/regenerate.py --check   # fail when generated/ is not what openapi/ gives

Both run the generator into a temporary folder; the plain run then swaps the result in.
The output depends only on the inputs (spec files, config, templates) and the pinned tool
versions, so two runs are byte-identical and ``--check`` can compare bytes.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _bundle import BundleError, bundle, load_specs
from _generate import GenerationError, generate_package
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
                return 1
            print(f"regenerate --check: generated/ is up to date ({elapsed:.1f}s)")
            return 0
        if target.exists():
            shutil.rmtree(target)
        fresh.rename(target)
    count = sum(1 for p in target.rglob("*") if p.is_file())
    print(f"regenerate: wrote {count} files to {target} ({elapsed:.1f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
