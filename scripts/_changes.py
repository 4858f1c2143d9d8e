"""What a regeneration changes for code that uses ``nitrobox_client``: a typed change report.

Pure functions over two bundled OpenAPI documents (the ``openapi.json`` of the package being
replaced and the new bundle). Every entry names the Python symbol a user touches (module and
function, parameter, model and field), derived with openapi-python-client's own naming
functions (``openapi_python_client.strings``; the generator is pinned, so the names match what
it writes), the operation or schema, and the change.

The verdict rules (documented in docs/regenerate.md, "Reading the change report"):

- *request side* (a value the user builds: parameters, request bodies and every model they
  reach) breaks when something is removed, becomes required, or accepts less (type, enum
  values, constraints); it is compatible when it accepts more;
- *answer side* (what the client parses: success and error bodies, webhook payloads and the
  models they reach) breaks when something is removed or its Python type stops being a subset
  of what it was (``str -> int``, ``str -> str | None``, required -> optional, which adds
  ``Unset``); added fields and narrower types are compatible;
- a model used on both sides gets the stricter verdict; a model reached from nowhere counts as
  both (the generator still writes it and users may import it).

The parts, one idea each: ``_spec_reading`` (a bundle as the generator reads it: names,
Python types, sides, operations), ``_schema_diff`` (components), ``_operation_diff``
(operations) and ``_change_report`` (the entries and their presentation). This module
compares and is what ``regenerate.py`` imports.
"""

from __future__ import annotations

from typing import Any

from _change_report import Change, Diff, Report, changelog_draft, format_report, suggest_bump
from _operation_diff import compare_operations
from _schema_diff import compare_schemas
from _spec_reading import Naming

Json = Any

# What scripts/regenerate.py and the tests import from here.
__all__ = [
    "Change",
    "Naming",
    "Report",
    "changelog_draft",
    "compare",
    "format_report",
    "suggest_bump",
]


def compare(old: Json, new: Json, naming: Naming | None = None) -> Report:
    """The change report from bundle ``old`` to bundle ``new`` (neither is modified)."""
    diff = Diff(old=old, new=new, naming=naming or Naming())
    compare_schemas(diff)
    compare_operations(diff)
    report = Report()
    seen: set[tuple[str, str, str]] = set()
    for change in diff.changes:
        key = (change.kind, change.symbol, change.detail)
        if key in seen:
            continue
        seen.add(key)
        (report.breaking if change.breaking else report.compatible).append(change)
    # Functions first (what user code calls), then models; otherwise in the order found.
    report.breaking.sort(key=lambda c: "operationId" not in c.subject)
    report.compatible.sort(key=lambda c: "operationId" not in c.subject)
    return report
