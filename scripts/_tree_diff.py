"""A readable summary of how two generated package trees differ (for ``--check``)."""

from __future__ import annotations

import difflib
from pathlib import Path

_IGNORED_PARTS = {"__pycache__", ".ruff_cache", ".mypy_cache"}
MAX_DIFF_LINES = 60


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under ``root`` (relative POSIX path -> bytes), tool caches left out."""
    if not root.is_dir():
        return {}
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
        and not _IGNORED_PARTS.intersection(path.relative_to(root).parts)
        and path.suffix != ".pyc"
    }


def diff_trees(committed: Path, fresh: Path, *, label: str) -> str:
    """Empty when the trees hold the same bytes, else a summary plus a short unified diff."""
    old, new = snapshot(committed), snapshot(fresh)
    added = sorted(new.keys() - old.keys())
    removed = sorted(old.keys() - new.keys())
    changed = sorted(k for k in old.keys() & new.keys() if old[k] != new[k])
    if not (added or removed or changed):
        return ""
    lines = [f"{label}: {len(added)} added, {len(removed)} removed, {len(changed)} changed"]
    lines += [f"  + {name}" for name in added]
    lines += [f"  - {name}" for name in removed]
    lines += [f"  ~ {name}" for name in changed]
    diff: list[str] = []
    for name in changed:
        diff += difflib.unified_diff(
            old[name].decode("utf-8", "replace").splitlines(),
            new[name].decode("utf-8", "replace").splitlines(),
            fromfile=f"committed/{name}",
            tofile=f"regenerated/{name}",
            lineterm="",
            n=2,
        )
        if len(diff) > MAX_DIFF_LINES:
            break
    if diff:
        lines.append("")
        lines += diff[:MAX_DIFF_LINES]
        if len(diff) > MAX_DIFF_LINES:
            lines.append(f"... (diff cut at {MAX_DIFF_LINES} lines)")
    return "\n".join(lines)
