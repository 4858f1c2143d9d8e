"""The change report's entries and how they are presented.

``Change`` (one entry), ``Report`` (split by verdict), ``Diff`` (what a comparison collects),
and the presentation: ``format_report``, ``changelog_draft`` and ``suggest_bump``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from _spec_reading import Naming, py_type

Json = Any


@dataclass(frozen=True)
class Change:
    """One entry of the report."""

    kind: str
    breaking: bool
    symbol: str
    # {"operationId", "method", "path"} for an operation, or {"schema": name}.
    subject: dict[str, str]
    detail: str

    @property
    def subject_text(self) -> str:
        if "operationId" in self.subject:
            s = self.subject
            return f"{s['operationId']} ({s['method']} {s['path']})"
        return f"schema {self.subject['schema']}"

    def to_json(self) -> dict[str, Json]:
        where: dict[str, Json] = {"symbol": self.symbol}
        if "operationId" in self.subject:
            where["operation"] = dict(self.subject)
        else:
            where["schema"] = self.subject["schema"]
        return {"kind": self.kind, "where": where, "detail": self.detail}


@dataclass
class Report:
    """The changes, split by verdict, in a stable order."""

    breaking: list[Change] = field(default_factory=list)
    compatible: list[Change] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.breaking or self.compatible)

    def to_json(self) -> dict[str, list[dict[str, Json]]]:
        return {
            "breaking": [c.to_json() for c in self.breaking],
            "compatible": [c.to_json() for c in self.compatible],
        }


@dataclass
class Diff:
    old: Json
    new: Json
    naming: Naming
    changes: list[Change] = field(default_factory=list)
    # Answer types explained by a rename: (old class, new class).
    explained: set[tuple[str, str]] = field(default_factory=set)

    def add(
        self, kind: str, breaking: bool, symbol: str, subject: dict[str, str], detail: str
    ) -> None:
        self.changes.append(Change(kind, breaking, symbol, subject, detail))

    def type_of(self, doc: Json, schema: Json, owner: str) -> str:
        return py_type(doc, schema, owner, self.naming)


def suggest_bump(version: str, report: Report) -> tuple[str, str]:
    """(next version, why). 0.x rule: breaking -> minor, anything else -> patch; 1.x and up:
    breaking -> major, additions -> minor, the rest -> patch."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)(.*)", version)
    if match is None:
        return version, f"version {version!r} is not MAJOR.MINOR.PATCH; bump by hand"
    major, minor, patch = (int(match[i]) for i in (1, 2, 3))
    if report.empty:
        return version, "no API change"
    added = any(c.kind.endswith("-added") for c in report.compatible)
    if major == 0:
        if report.breaking:
            return f"0.{minor + 1}.0", "minor: breaking changes (0.x: breaking bumps the minor)"
        return f"0.{minor}.{patch + 1}", "patch: compatible changes only (0.x)"
    if report.breaking:
        return f"{major + 1}.0.0", "major: breaking changes"
    if added:
        return f"{major}.{minor + 1}.0", "minor: compatible additions"
    return f"{major}.{minor}.{patch + 1}", "patch: compatible changes only"


_SECTION_ORDER = ("Added", "Changed", "Deprecated", "Removed")


def _section(change: Change) -> str:
    if change.kind.endswith("-removed"):
        return "Removed"
    if change.kind.endswith("-added"):
        return "Added"
    if change.kind == "deprecated":
        return "Deprecated"
    return "Changed"


def changelog_draft(report: Report) -> str:
    """A Keep a Changelog fragment for the "Unreleased" section (descriptions summarised)."""
    sections: dict[str, list[str]] = {name: [] for name in _SECTION_ORDER}
    described = 0
    for change in [*report.breaking, *report.compatible]:
        if change.kind == "description-changed":
            described += 1
            continue
        mark = "**Breaking:** " if change.breaking else ""
        sections[_section(change)].append(
            f"- {mark}`{change.symbol}` ({change.subject_text}): {change.detail}"
        )
    if described:
        sections["Changed"].append(
            f"- {described} description(s) changed in the API documentation (see the change report)"
        )
    lines: list[str] = []
    for name in _SECTION_ORDER:
        if sections[name]:
            lines += [f"### {name}", *sections[name], ""]
    return "\n".join(lines).rstrip() + "\n" if lines else ""


def _entries(changes: list[Change]) -> Iterator[str]:
    for change in changes:
        yield f"  - [{change.kind}] {change.symbol}"
        yield f"      {change.subject_text}: {change.detail}"


def format_report(report: Report, *, baseline: str, version: str) -> str:
    """The text the regenerate script prints."""
    if report.empty:
        return f"change report (against {baseline}): no changes to the typed API"
    lines = [
        f"change report (against {baseline}): "
        f"{len(report.breaking)} breaking, {len(report.compatible)} compatible",
    ]
    if report.breaking:
        lines += [f"BREAKING ({len(report.breaking)}):", *_entries(report.breaking)]
    if report.compatible:
        lines += [f"COMPATIBLE ({len(report.compatible)}):", *_entries(report.compatible)]
    bumped, why = suggest_bump(version, report)
    lines.append(f"suggested version bump: {version} → {bumped} ({why})")
    lines.append('CHANGELOG.md draft (paste under "## [Unreleased]"):')
    lines += [f"  {line}" if line else "" for line in changelog_draft(report).splitlines()]
    return "\n".join(lines)
