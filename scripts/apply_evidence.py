"""Turn a ``nitrobox probe`` report into edits of ``openapi/*.yaml``, for review with git diff.

Usage::

    python scripts/apply_evidence.py REPORT [--openapi DIR] [--min-answers N] [--allow-sandbox]

What a report can show, and what this script writes (docs/spec.md, "Learning from a probe"):

- a field of a response schema present (not null) in every answer, and in at least
  ``--min-answers`` answers (default 3), joins the schema's ``required``;
- a field in ``required`` that an answer lacked or sent as null leaves ``required`` (an
  answer without it is the proof);
- a field seen in answers but not declared is added to the schema with its observed JSON type,
  ``x-nitrobox-provenance: probe`` and the report's date;
- a field a refused write named as missing (``must not be null``, ``required``) joins the
  request schema's ``required``;
- a contradicted or unreachable operation gets an ``x-nitrobox-conflict`` note naming the
  problems and the report's date;
- a confirmed operation moves to ``x-nitrobox-provenance: probe`` with ``x-nitrobox-probed:
  <date>``, unless it is ``documented``.

Only names and types from the report enter the spec: a report holds no value of the tenant's
data, and names that do not look like field names are refused. The files are edited line by
line (comments and layout stay as they are); components that appear in several files (the
shared ones) are edited in each. A report from an embedded sandbox (which serves the spec
itself) proves nothing and is refused unless ``--allow-sandbox`` is given.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from _bundle import HTTP_METHODS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_MIN_ANSWERS = 3
FIELD_NAME = re.compile(r"^[A-Za-z_$@][A-Za-z0-9_.$@-]{0,63}$")
# Codes a refused write gives for a field it needs (Nitrobox: "must not be null").
MISSING_CODES = re.compile(r"must not be (null|empty|blank)|required|missing", re.I)
JSON_TYPES = ("string", "integer", "number", "boolean", "array", "object")


# libyaml's safe loader when it is there: the spec files are large.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# -- finding blocks in a YAML file, by indentation -----------------------------------------


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _key(line: str) -> str | None:
    stripped = line.strip()
    if stripped.startswith("- ") or ":" not in stripped:
        return None
    if stripped[0] in "'\"":
        quote = stripped[0]
        end = stripped.find(quote, 1)
        return stripped[1:end] if end > 0 else None
    return stripped.split(":", 1)[0].strip()


@dataclass(frozen=True)
class Block:
    """Lines ``start`` (the key's line) to ``end`` (exclusive); children at ``child``."""

    start: int
    end: int
    indent: int
    child: int


def _block_end(lines: list[str], start: int, indent: int) -> int:
    end = start + 1
    # A block sequence may sit at its key's own indentation (`required:` then `- a`).
    sequence = lines[start].rstrip().endswith(":")

    def inside(line: str) -> bool:
        if not _is_content(line) or _indent(line) > indent:
            return True
        return sequence and _indent(line) == indent and line.lstrip().startswith("- ")

    while end < len(lines) and inside(lines[end]):
        end += 1
    # Trailing blank or comment lines belong to what follows.
    while end > start + 1 and not _is_content(lines[end - 1]):
        end -= 1
    return end


def _child_indent(lines: list[str], block_start: int, end: int, indent: int) -> int:
    for index in range(block_start + 1, end):
        if _is_content(lines[index]) and _indent(lines[index]) > indent:
            return _indent(lines[index])
    return indent + 2


def find(lines: list[str], keys: Iterable[str], within: Block | None = None) -> Block | None:
    """The block of the nested mapping keys ``keys`` (``paths``, ``/v2/x``, ``post``)."""
    start, end, indent = (
        (0, len(lines), 0)
        if within is None
        else (
            within.start + 1,
            within.end,
            within.child,
        )
    )
    block = within
    for key in keys:
        found = None
        for index in range(start, end):
            line = lines[index]
            if _is_content(line) and _indent(line) == indent and _key(line) == key:
                found = index
                break
        if found is None:
            return None
        block_end = _block_end(lines, found, indent)
        child = _child_indent(lines, found, block_end, indent)
        block = Block(found, block_end, indent, child)
        start, end, indent = found + 1, block_end, child
    return block


# -- one file ---------------------------------------------------------------------------------


@dataclass
class SpecFile:
    path: Path
    lines: list[str]
    document: dict[str, Any]
    changed: bool = False

    @classmethod
    def read(cls, path: Path) -> SpecFile:
        text = path.read_text(encoding="utf-8")
        document = yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader
        return cls(path, text.splitlines(), document if isinstance(document, dict) else {})

    def write(self) -> None:
        self.path.write_text("\n".join(self.lines) + "\n", encoding="utf-8")

    def schema(self, name: str) -> Mapping[str, Any] | None:
        found = (self.document.get("components") or {}).get("schemas", {}).get(name)
        return found if isinstance(found, Mapping) else None

    def schema_block(self, name: str) -> Block | None:
        return find(self.lines, ["components", "schemas", name])

    def operation(self, path: str, method: str) -> Mapping[str, Any] | None:
        item = (self.document.get("paths") or {}).get(path)
        op = item.get(method) if isinstance(item, Mapping) else None
        return op if isinstance(op, Mapping) else None

    def operation_block(self, path: str, method: str) -> Block | None:
        return find(self.lines, ["paths", path, method])

    def insert(self, index: int, new: list[str]) -> None:
        self.lines[index:index] = new
        self.changed = True


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def set_required(spec: SpecFile, block: Block, names: list[str]) -> None:
    """Replace (or add) the schema's own ``required`` list with ``names``."""
    required = find(spec.lines, ["required"], block)
    pad = " " * block.child
    line = f"{pad}required: [{', '.join(names)}]"
    if not names:
        if required is not None:
            del spec.lines[required.start : required.end]
            spec.changed = True
        return
    if required is not None:
        spec.lines[required.start : required.end] = [line]
        spec.changed = True
        return
    properties = find(spec.lines, ["properties"], block)
    spec.insert(properties.start if properties is not None else block.end, [line])


def add_property(
    spec: SpecFile, block: Block, name: str, kind: str, nullable: bool, date: str
) -> None:
    """Add ``name`` at the end of the schema's ``properties`` (made if it has none)."""
    properties = find(spec.lines, ["properties"], block)
    new: list[str] = []
    if properties is None:
        at, inner = block.end, " " * (block.child + 2)
        new.append(" " * block.child + "properties:")
    else:
        at, inner = properties.end, " " * properties.child
    deeper = inner + "  "
    new += [f"{inner}{name}:", f"{deeper}type: {kind}"]
    if kind == "array":
        new.append(f"{deeper}items: {{}}")
    if nullable:
        new.append(f"{deeper}nullable: true")
    new += [
        f"{deeper}x-nitrobox-provenance: probe",
        f"{deeper}x-nitrobox-probed: '{date}'",
        f"{deeper}x-nitrobox-inferred: seen in answers by nitrobox probe; not documented",
    ]
    spec.insert(at, new)


# -- the evidence -----------------------------------------------------------------------------


@dataclass
class Summary:
    lines: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.lines.append(text)


def _files(folder: Path) -> list[SpecFile]:
    files = []
    for path in sorted(folder.glob("*.yaml")):
        spec = SpecFile.read(path)
        if "openapi" in spec.document:
            files.append(spec)
    return files


def _observed_type(types: Iterable[str]) -> tuple[str | None, bool]:
    seen = [t for t in types if t in (*JSON_TYPES, "null")]
    real = sorted({t for t in seen if t != "null"})
    if real == ["integer", "number"]:
        real = ["number"]
    return (real[0] if len(real) == 1 else None), "null" in seen


def apply_schemas(
    files: list[SpecFile], schemas: Mapping[str, Any], min_answers: int, date: str, out: Summary
) -> None:
    for name, entry in sorted(schemas.items()):
        if not isinstance(entry, Mapping) or not FIELD_NAME.match(name):
            continue
        holders = [f for f in files if f.schema(name) is not None]
        if not holders:
            out.add(f"schema {name}: not in these files (a renamed or bundled-only component?)")
            continue
        answers = int(entry.get("answers", 0))
        fields: Mapping[str, Any] = entry.get("fields") or {}
        undeclared: Mapping[str, Any] = entry.get("undeclared") or {}
        for spec in holders:
            schema = spec.schema(name) or {}
            if "properties" not in schema and "allOf" in schema:
                out.add(f"{spec.path.name}: {name} is composed (allOf): edit it by hand")
                continue
            declared = set(schema.get("properties") or {})
            required = [str(r) for r in schema.get("required") or []]
            new_required = list(required)
            for field_name, counts in fields.items():
                if field_name not in declared or not isinstance(counts, Mapping):
                    continue
                always = counts.get("present", 0) == answers and answers >= min_answers
                if always and field_name not in new_required:
                    new_required.append(field_name)
                lacking = counts.get("absent", 0) + counts.get("null", 0)
                if lacking and field_name in new_required:
                    new_required.remove(field_name)
            added: list[str] = []
            for field_name, seen in sorted(undeclared.items()):
                if field_name in declared or not FIELD_NAME.match(field_name):
                    continue
                if not isinstance(seen, Mapping):
                    continue
                kind, nullable = _observed_type(seen.get("types") or [])
                if kind is None:
                    out.add(f"{spec.path.name}: {name}.{field_name}: mixed types, not added")
                    continue
                block = spec.schema_block(name)
                if block is None:
                    continue
                add_property(spec, block, field_name, kind, nullable, date)
                added.append(f"{field_name} ({kind})")
                present = int(seen.get("present", 0))
                if present == answers and answers >= min_answers and not nullable:
                    new_required.append(field_name)
            if added:
                out.add(f"{spec.path.name}: {name}: added {', '.join(added)}")
            if new_required != required:
                block = spec.schema_block(name)
                if block is not None:
                    set_required(spec, block, new_required)
                    joined = set(new_required) - set(required)
                    left = set(required) - set(new_required)
                    parts = []
                    if joined:
                        parts.append("required now " + ", ".join(sorted(joined)))
                    if left:
                        parts.append("no longer required " + ", ".join(sorted(left)))
                    out.add(f"{spec.path.name}: {name}: {'; '.join(parts)}")


def _request_schema_name(spec: SpecFile, op: Mapping[str, Any]) -> str | None:
    body = op.get("requestBody")
    if isinstance(body, Mapping) and isinstance(body.get("$ref"), str):
        name = body["$ref"].rsplit("/", 1)[-1]
        body = ((spec.document.get("components") or {}).get("requestBodies") or {}).get(name)
    if not isinstance(body, Mapping):
        return None
    for media in (body.get("content") or {}).values():
        ref = (media.get("schema") or {}).get("$ref") if isinstance(media, Mapping) else None
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            return ref.rsplit("/", 1)[-1]
    return None


def apply_operations(
    files: list[SpecFile], operations: Iterable[Any], date: str, out: Summary
) -> None:
    for entry in operations:
        if not isinstance(entry, Mapping):
            continue
        path, method = str(entry.get("path", "")), str(entry.get("method", "")).lower()
        outcome = entry.get("outcome")
        if method not in HTTP_METHODS or outcome not in (
            "confirmed",
            "contradicted",
            "unreachable",
        ):
            continue
        holders = [f for f in files if f.operation(path, method) is not None]
        for spec in holders:
            op = spec.operation(path, method) or {}
            block = spec.operation_block(path, method)
            if block is None:
                continue
            label = f"{spec.path.name}: {op.get('operationId', method.upper() + ' ' + path)}"
            if outcome == "confirmed":
                _confirm(spec, block, op, date, label, out)
                continue
            if "x-nitrobox-conflict" in op:
                out.add(f"{label}: {outcome}, but it has a conflict note already: add by hand")
            else:
                problems = [str(p) for p in entry.get("problems") or []][:10]
                note = [
                    " " * block.child + "x-nitrobox-conflict:",
                    " " * (block.child + 2) + f"source: nitrobox probe report of {date}",
                    " " * (block.child + 2) + f"outcome: {outcome}",
                    " " * (block.child + 2) + "problems:",
                    *(" " * (block.child + 4) + "- " + _quote(p) for p in problems),
                ]
                spec.insert(_after_operation_id(spec, block), note)
                out.add(f"{label}: {outcome}: conflict note added")
            _require_refused(spec, op, entry, out, label)


def _after_operation_id(spec: SpecFile, block: Block) -> int:
    found = find(spec.lines, ["operationId"], block)
    return found.end if found is not None else block.start + 1


def _confirm(
    spec: SpecFile, block: Block, op: Mapping[str, Any], date: str, label: str, out: Summary
) -> None:
    current = op.get("x-nitrobox-provenance")
    if current == "documented":
        return
    pad = " " * block.child
    probed = find(spec.lines, ["x-nitrobox-probed"], block)
    if probed is not None:
        del spec.lines[probed.start : probed.end]
        block = Block(
            block.start, block.end - (probed.end - probed.start), block.indent, block.child
        )
    new = [f"{pad}x-nitrobox-provenance: probe", f"{pad}x-nitrobox-probed: '{date}'"]
    line = find(spec.lines, ["x-nitrobox-provenance"], block)
    if line is not None:
        spec.lines[line.start : line.end] = new
    else:
        spec.lines[block.start + 1 : block.start + 1] = new
    spec.changed = True
    if current != "probe":
        out.add(f"{label}: provenance {current} -> probe ({date})")


def _require_refused(
    spec: SpecFile, op: Mapping[str, Any], entry: Mapping[str, Any], out: Summary, label: str
) -> None:
    missing = [
        str(item.get("field"))
        for item in entry.get("refusedFields") or []
        if isinstance(item, Mapping)
        and MISSING_CODES.search(str(item.get("code", "")))
        and FIELD_NAME.match(str(item.get("field", "")))
        and "." not in str(item.get("field"))
    ]
    name = _request_schema_name(spec, op)
    if not missing or name is None:
        return
    schema = spec.schema(name) or {}
    declared = set(schema.get("properties") or {})
    required = [str(r) for r in schema.get("required") or []]
    wanted = required + [m for m in missing if m in declared and m not in required]
    block = spec.schema_block(name)
    if wanted != required and block is not None:
        set_required(spec, block, wanted)
        out.add(f"{label}: {name}: the API requires {', '.join(wanted[len(required) :])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--openapi", type=Path, default=ROOT / "openapi", metavar="DIR")
    parser.add_argument("--min-answers", type=int, default=DEFAULT_MIN_ANSWERS, metavar="N")
    parser.add_argument("--allow-sandbox", action="store_true")
    args = parser.parse_args(argv)
    try:
        report = json.loads(args.report.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"apply_evidence: cannot read {args.report}: {exc}", file=sys.stderr)
        return 2
    if not isinstance(report, dict) or not isinstance(report.get("operations"), list):
        print(f"apply_evidence: {args.report} is not a nitrobox probe report", file=sys.stderr)
        return 2
    if (report.get("target") or {}).get("sandbox") and not args.allow_sandbox:
        print(
            "apply_evidence: the report is from an embedded sandbox, which serves this spec: "
            "it proves nothing (--allow-sandbox to apply it anyway)",
            file=sys.stderr,
        )
        return 2
    date = str((report.get("probe") or {}).get("date", "undated"))
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}|undated", date):
        date = "undated"
    files = _files(args.openapi)
    if not files:
        print(f"apply_evidence: no OpenAPI YAML files in {args.openapi}", file=sys.stderr)
        return 2
    out = Summary()
    apply_operations(files, report["operations"], date, out)
    # Re-read after the operation edits: the schema edits find their blocks afresh.
    for spec in files:
        if spec.changed:
            spec.write()
    files = _files(args.openapi)
    apply_schemas(files, report.get("schemas") or {}, max(1, args.min_answers), date, out)
    for spec in files:
        if spec.changed:
            spec.write()
    for line in out.lines:
        print(line)
    print(f"{len(out.lines)} change{'s' * (len(out.lines) != 1)}; review with git diff")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
