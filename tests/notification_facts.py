"""Every notification payload the facts files show, read from the files themselves.

The facts write payloads in a compact notation: ``{orderIdent, tenantId (int), ...}``,
``baseAmount{amount,currency}``, ``assignments[ {...} ]``, a value or a kind in parentheses
(``("2023-01-24T00:00:00Z")``, ``(int, 96)``, ``(null)``, ``(number 9.99)``). This reads
that notation into JSON payloads: shown values are used as shown, and a field shown without
a value gets a sample of the kind its event class declares (so a timestamp field gets a
timestamp). Types listed without a payload become ``{"notification_type": ...}`` bodies.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from nitrobox_auth.webhooks import NOTIFICATION_TYPES
from nitrobox_auth.webhooks import _values as v
from nitrobox_auth.webhooks._events import Shape

REPO = Path(__file__).parents[1]
# as tests/spec/spec_helpers.py finds them: ../shared next to the repository
FACTS_DIR = Path(os.environ.get("NITROBOX_FACTS_DIR") or REPO.parent / "shared")
FACTS_NAMES = ("nitrobox-api-facts.md", "nitrobox-api-facts-2.md", "nitrobox-api-facts-3.md")
FACTS_FILES = [FACTS_DIR / name for name in FACTS_NAMES]
_NUMBER = re.compile(r"-?\d+(\.\d+)?")
_SAMPLES: dict[Any, Any] = {
    v.text: "sample", v.decimal: 1.5, v.timestamp: "2024-01-01T00:00:00Z", v.mapping: {},
    v.objects: [], v.strings: [], v.boolean: True,
}  # fmt: skip


def available() -> bool:
    return all(path.exists() for path in FACTS_FILES)


def _split(text: str) -> list[str]:
    """Top-level comma-separated parts, respecting brackets and double quotes."""
    parts, depth, quoted, current = [], 0, False, []
    for char in text:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "({[":
            depth += 1
        elif not quoted and char in ")}]":
            depth -= 1
        if char == "," and depth == 0 and not quoted:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _closing(text: str, start: int) -> int:
    pairs = {"(": ")", "{": "}", "[": "]"}
    depth, quoted = 0, False
    for index in range(start, len(text)):
        char = text[index]
        if char == '"':
            quoted = not quoted
        elif not quoted and char in pairs:
            depth += 1
        elif not quoted and char in ")}]":
            depth -= 1
            if depth == 0:
                return index
    return len(text) - 1


_MISSING = object()


def _hint_value(hint: str) -> Any:
    """The value a parenthesised hint shows, or _MISSING when it only names a kind."""
    quoted = re.search(r'"([^"]*)"', hint)
    if quoted:
        value = quoted.group(1)
        return _MISSING if "…" in value else value
    for token in re.split(r"[,;/\s]+", hint):
        if token == "null":
            return None
        if _NUMBER.fullmatch(token):
            return float(token) if "." in token else int(token)
    first = re.split(r"[,;/\s]+", hint.strip())[0]
    if first in ("int", "int64", "number"):
        return 1 if first.startswith("int") else 1.5
    if re.fullmatch(r"[A-Z][A-Z0-9_]+", first) and first != "UUID":
        return first  # an enum value shown bare
    return _MISSING


def fields(text: str) -> dict[str, Any]:
    """The notation's fields: name -> shown value, nested dict/list, or _MISSING."""
    text = text.strip()
    if text.startswith("{") and _closing(text, 0) == len(text) - 1:
        text = text[1:-1]
    found: dict[str, Any] = {}
    for part in _split(text):
        match = re.match(r"(\w+)\s*(.*)$", part, re.DOTALL)
        if match is None:
            continue  # "…": the example was cut off
        name, rest = match.group(1), match.group(2).strip()
        if rest.startswith(":"):
            found[name] = _hint_value(rest[1:])
        elif rest.startswith("{"):
            found[name] = fields(rest[: _closing(rest, 0) + 1])
        elif rest.startswith("["):
            inner = rest[1 : _closing(rest, 0)].strip()
            found[name] = [fields(inner)] if inner.startswith("{") else []
        elif rest.startswith("("):
            found[name] = _hint_value(rest[1 : _closing(rest, 0)])
        else:
            found[name] = _MISSING
    return found


def _fill(shown: dict[str, Any], shape: type[Shape] | None) -> dict[str, Any]:
    declared = {key: (read, name) for name, key, read in shape.wire_fields()} if shape else {}
    payload: dict[str, Any] = {}
    for key, value in shown.items():
        read = declared.get(key, (None, None))[0]
        inner = getattr(read, "shape", None)
        if isinstance(value, dict):
            payload[key] = _fill(value, inner)
        elif isinstance(value, list):
            payload[key] = [_fill(item, inner) for item in value]
        elif value is _MISSING:
            payload[key] = _SAMPLES.get(read, "sample")
        else:
            payload[key] = value
    return payload


def _column(row: str, index: int) -> str:
    return [cell.strip() for cell in row.strip().strip("|").split("|")][index]


def _plain(cell: str) -> str:
    """A table cell without backticks, cut before the prose that follows the fields (the
    first ". " or "; " outside brackets and quotes)."""
    text, depth, quoted = cell.replace("`", ""), 0, False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif not quoted and char in "({[":
            depth += 1
        elif not quoted and char in ")}]":
            depth -= 1
        elif not quoted and depth == 0 and text[index : index + 2] in (". ", "; "):
            return text[:index]
    return text


def payloads() -> list[tuple[str, dict[str, Any]]]:
    """``(where, payload)`` for every payload example and every listed type."""
    found: list[tuple[str, dict[str, Any]]] = []
    facts1, facts2, facts3 = (path.read_text(encoding="utf-8") for path in FACTS_FILES)

    section = facts1[facts1.index("### 4.6") : facts1.index("### 4.7")]
    listed = section[section.index("Event identifiers") : section.index("Payload key casing")]
    shown_by_type: dict[str, dict[str, Any]] = {}
    for row in section.splitlines():
        if not row.startswith("| `"):
            continue
        names = re.findall(r"`([\w.]+)`", _column(row, 0))
        cell = _column(row, 1)
        same = re.match(r"same shape as `([\w.]+)`", cell)
        plus = re.match(r"the `([\w.]+)` fields, plus (.*)", cell)
        if same:
            shown = dict(shown_by_type[same.group(1)])
        elif plus:
            shown = {**shown_by_type[plus.group(1)], **fields(_plain(plus.group(2)))}
        else:
            shown = fields(_plain(cell))
        for name in names:
            shown_by_type[name] = shown
            found.append((f"facts 1 §4.6 {name}", _typed(name, shown, "notification_type")))
    for name in re.findall(r"`([\w.]+)`", listed):
        if name not in shown_by_type and name != "notification_type":
            found.append((f"facts 1 §4.6 (listed) {name}", {"notification_type": name}))

    for name in re.findall(r"New notification `([\w.]+)`", facts2):
        found.append((f"facts 2 {name}", {"notification_type": name}))

    r1 = next(row for row in facts3.splitlines() if row.startswith("| R1 "))
    opos = fields(re.search(r"payload: `(\{.*\})`", r1).group(1))  # type: ignore[union-attr]
    kind = opos.pop("notification_type")
    found.append((f"facts 3 R1 {kind}", _typed(kind, opos, "notification_type")))

    r2 = next(row for row in facts3.splitlines() if row.startswith("| R2 "))
    values = re.search(r"Values seen: (.*?)\. Fields:", r2).group(1)  # type: ignore[union-attr]
    decision = fields(_plain(r2.split("Fields: ", 1)[1]))
    for name in re.findall(r"`([\w.]+)`", values):
        found.append((f"facts 3 R2 {name}", _typed(name, decision, "notificationType")))

    r3 = next(row for row in facts3.splitlines() if row.startswith("| R3 "))
    response = re.search(r"object has (.*?), then a field", r3).group(1)  # type: ignore[union-attr]
    intent = dict(shown_by_type["paymentintent.result"])
    intent["paymentIntentResponse"] = fields(response.replace("`", ""))
    typed = _typed("paymentintent.result", intent, "notification_type")
    found.append(("facts 3 R3 paymentintent.result", typed))
    return found


def _typed(name: str, shown: dict[str, Any], type_key: str) -> dict[str, Any]:
    type_keys = ("notification_type", "notificationType")
    shown = {key: value for key, value in shown.items() if key not in type_keys}
    cls = NOTIFICATION_TYPES.get(name)
    return {**_fill(shown, cls), type_key: name}
