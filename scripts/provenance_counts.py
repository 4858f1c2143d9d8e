"""How each operation of the bundled spec is known: counts per `x-nitrobox-provenance`.

Usage::

    python scripts/provenance_counts.py [BUNDLE]   # default generated/nitrobox_client/openapi.json

Prints a Markdown table (the one in docs/spec.md) of documented / client-code / probe /
inferred operations in total, read from the bundle the client is generated from, and the
number of fields the answers' schemas declare ``required`` (``required_response_fields``).
``probe`` is the level ``scripts/apply_evidence.py`` gives an operation a probe confirmed
against a tenant; it is dated (``x-nitrobox-probed``), and the dates are listed under the table.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "generated" / "nitrobox_client" / "openapi.json"
KINDS = ("documented", "client-code", "inferred")
# Every level in the order of the printed table; `probe` is dated by `x-nitrobox-probed`.
LEVELS = ("documented", "client-code", "probe", "inferred")
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


def _schemas_below(bundle: dict[str, Any], node: object, found: set[str]) -> None:
    """Add to ``found`` every component schema ``node`` refers to, transitively."""
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/"):
            kind, name = ref.split("/")[2:4]
            target = bundle.get("components", {}).get(kind, {}).get(name, {})
            if kind != "schemas":
                _schemas_below(bundle, target, found)
            elif name not in found:
                found.add(name)
                _schemas_below(bundle, target, found)
        for value in node.values():
            _schemas_below(bundle, value, found)
    elif isinstance(node, list):
        for value in node:
            _schemas_below(bundle, value, found)


def required_response_fields(bundle: dict[str, Any]) -> dict[str, list[str]]:
    """Per schema an operation can answer with (success or error, nested ones included), the
    fields its ``required`` lists. Webhook payloads (``x-webhooks``) are not answers."""
    answers: set[str] = set()
    for item in bundle.get("paths", {}).values():
        for method in METHODS:
            if method in item:
                _schemas_below(bundle, item[method].get("responses", {}), answers)
    schemas = bundle.get("components", {}).get("schemas", {})
    return {
        name: list(schemas[name]["required"])
        for name in sorted(answers)
        if schemas[name].get("required")
    }


def probe_dates(bundle: dict[str, object]) -> Counter[str]:
    """Operations at level ``probe`` per ``x-nitrobox-probed`` date (``undated`` without)."""
    found: Counter[str] = Counter()
    paths = bundle.get("paths", {})
    assert isinstance(paths, dict)
    for item in paths.values():
        for method in METHODS:
            op = item.get(method)
            if isinstance(op, dict) and op.get("x-nitrobox-provenance") == "probe":
                found[str(op.get("x-nitrobox-probed", "undated"))] += 1
    return found


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    bundle = json.loads(path.read_text(encoding="utf-8"))
    found = counts(bundle)
    print("| Provenance | Operations |")
    print("|---|---|")
    for kind in (*LEVELS, *sorted(set(found) - set(LEVELS))):
        print(f"| `{kind}` | {found[kind]} |")
    print(f"| total | {found.total()} |")
    required = required_response_fields(bundle)
    fields = sum(len(names) for names in required.values())
    print(f"\nRequired response fields: {fields} in {len(required)} schemas")
    dates = probe_dates(bundle)
    if dates:
        print()
        print("Probed: " + ", ".join(f"{d} ({n})" for d, n in sorted(dates.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
