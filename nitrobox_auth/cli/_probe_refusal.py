"""The fields a refused write names: field path and code, never the value.

Nitrobox's classic error body lists ``errors[]`` of ``{fieldName, error, rejectedValue}``;
the newer ``CommonError`` has an ``errors`` array of objects whose keys are not published,
so ``field``/``name``/``path`` and ``code``/``message`` are read as well. A path part or a
quoted word that the spec does not declare as a field name may be data and is replaced with
``*``; the rejected value is never read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Mapping
from typing import Any

MAX_FIELDS = 20
_CODE_WIDTH = 80
_PARTS = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")
_FIELD_KEYS = ("fieldName", "field", "name", "path", "property")
_CODE_KEYS = ("error", "code", "message")


def refused_fields(body: bytes, names: Collection[str]) -> tuple[tuple[str, str], ...]:
    """(field path, code) for each entry of the error body's ``errors``; names not in
    ``names`` (the spec's declared field names) are shown as ``*``."""
    try:
        data = json.loads(body)
    except (ValueError, RecursionError):
        return ()
    errors = data.get("errors") if isinstance(data, Mapping) else None
    if not isinstance(errors, list):
        return ()
    found: list[tuple[str, str]] = []
    for entry in errors[:MAX_FIELDS]:
        if not isinstance(entry, Mapping):
            continue
        where = next((entry[k] for k in _FIELD_KEYS if isinstance(entry.get(k), str)), None)
        code = next((entry[k] for k in _CODE_KEYS if isinstance(entry.get(k), str)), "")
        if where is None:
            continue
        pair = (_safe_path(where, names), _safe_code(code, names, entry.get("rejectedValue")))
        if pair not in found:
            found.append(pair)
    return tuple(found)


def _safe_path(path: str, names: Collection[str]) -> str:
    text = ""
    for match in _PARTS.finditer(path[:200]):
        index, name = match.groups()
        if index is not None:
            text += f"[{index}]"
        else:
            part = name if name in names else "*"
            text += f".{part}" if text else part
    return text or "*"


def _safe_code(code: str, names: Collection[str], rejected: Any) -> str:
    def keep(match: re.Match[str]) -> str:
        word = match.group(1) if match.group(1) is not None else match.group(2)
        return f"'{word}'" if word in names else "'*'"

    text = _QUOTED.sub(keep, code)
    if isinstance(rejected, str | int | float) and not isinstance(rejected, bool):
        shown = str(rejected)
        if shown and len(shown) > 1:
            text = text.replace(shown, "*")
    text = " ".join(text.split())
    return text if len(text) <= _CODE_WIDTH else text[: _CODE_WIDTH - 3] + "..."


def describe(refused: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(
        f"refused field {path}: {code}" if code else f"refused field {path}"
        for path, code in refused
    )
