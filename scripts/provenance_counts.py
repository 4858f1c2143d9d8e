"""How each operation of the bundled spec is known: counts per `x-nitrobox-provenance`.

Usage::

    python scripts/provenance_counts.py [BUNDLE]   # default generated/nitrobox_client/openapi.json

Prints a Markdown table (the one in docs/spec.md) of documented / client-code / inferred
operations in total, read from the bundle the client is generated from.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "generated" / "nitrobox_client" / "openapi.json"
KINDS = ("documented", "client-code", "inferred")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def counts(bundle: dict[str, object]) -> Counter[str]:
    """Operations per provenance kind (``missing`` for an operation without one)."""
    found: Counter[str] = Counter()
    paths = bundle.get("paths", {})
    assert isinstance(paths, dict)
    for item in paths.values():
        for method in METHODS:
            if method in item:
                found[str(item[method].get("x-nitrobox-provenance", "missing"))] += 1
    return found


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    found = counts(json.loads(path.read_text(encoding="utf-8")))
    print("| Provenance | Operations |")
    print("|---|---|")
    for kind in (*KINDS, *sorted(set(found) - set(KINDS))):
        print(f"| `{kind}` | {found[kind]} |")
    print(f"| total | {found.total()} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
