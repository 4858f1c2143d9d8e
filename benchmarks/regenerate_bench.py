"""What the change report adds to a regeneration.

Times, on this checkout's spec:

- ``report, no change``: ``_changes.compare`` of the shipped bundle with a copy of itself;
- ``report, many changes``: against a copy with every schema's first field removed and every
  operation's description changed (a large report, like an official file dropped in);
- ``regenerate --check``: the whole script (bundle, generate, format, compare bytes, report),
  into a copy of ``generated/`` so the checkout is not touched.

Not a test: run it by hand, ``python benchmarks/regenerate_bench.py [--rounds 3]``.
"""

from __future__ import annotations

import argparse
import copy
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from _changes import compare  # noqa: E402


def _many_changes(doc: dict[str, Any]) -> dict[str, Any]:
    changed = copy.deepcopy(doc)
    for schema in changed["components"]["schemas"].values():
        props = schema.get("properties") or {}
        if props:
            del props[next(iter(props))]
    for item in changed["paths"].values():
        for op in item.values():
            if isinstance(op, dict):
                op["description"] = "changed"
    return changed


def _time(fn: Any, rounds: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(rounds):
        started = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    bundle_path = ROOT / "generated" / "nitrobox_client" / "openapi.json"
    doc = json.loads(bundle_path.read_text(encoding="utf-8"))
    same = copy.deepcopy(doc)
    many = _many_changes(doc)
    seconds, report = _time(lambda: compare(doc, same), args.rounds)
    print(f"report, no change:     {seconds * 1000:7.1f} ms  ({len(report.compatible)} entries)")
    seconds, report = _time(lambda: compare(doc, many), args.rounds)
    entries = len(report.breaking) + len(report.compatible)
    print(f"report, many changes:  {seconds * 1000:7.1f} ms  ({entries} entries)")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "generated"
        shutil.copytree(ROOT / "generated", out)
        command = [sys.executable, str(ROOT / "scripts" / "regenerate.py"), "--check"]
        seconds, result = _time(
            lambda: subprocess.run(
                [*command, "--output", str(out)], capture_output=True, check=False, timeout=300
            ),
            args.rounds,
        )
        print(f"regenerate --check:    {seconds:7.2f} s   (exit {result.returncode})")


if __name__ == "__main__":
    main()
