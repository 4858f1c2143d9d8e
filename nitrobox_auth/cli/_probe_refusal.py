"""The fields a refused write names: field path and code, never the value.

Nitrobox's classic error body lists ``errors[]`` of ``{fieldName, error, rejectedValue}``;
the newer ``CommonError`` has an ``errors`` array of objects whose keys are not published,
so ``field``/``name``/``path`` and ``code``/``message`` are read as well. A path part or a
quoted word that the spec does not declare as a field name may be data and is replaced with
``*``, and so is any word of a code that is not a plain lower-case word, a short number, a
declared field name or a Bean Validation code; the rejected value is never read.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._strict_json import MAX_ANSWER_DEPTH

MAX_FIELDS = 20
_CODE_WIDTH = 80
_PARTS = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")
# Bean Validation's constraint names, which Spring answers as codes.
_CODES = frozenset(
    {
        "NotNull",
        "NotBlank",
        "NotEmpty",
        "Size",
        "Pattern",
        "Min",
        "Max",
        "Email",
        "Valid",
        "Positive",
        "PositiveOrZero",
        "Negative",
        "Past",
        "Future",
        "DecimalMin",
        "DecimalMax",
        "Digits",
        "AssertTrue",
        "AssertFalse",
        "Length",
        "Range",
        "UNIQUE",
        "NOT_NULL",
        "NOT_FOUND",
        "INVALID",
        "REQUIRED",
        "DUPLICATE",
    }
)
_FIELD_KEYS = ("fieldName", "field", "name", "path", "property")
_CODE_KEYS = ("error", "code", "message")


def refused_fields(body: bytes, names: Collection[str]) -> tuple[tuple[str, str], ...]:
    """(field path, code) for each entry of the error body's ``errors``; names not in
    ``names`` (the spec's declared field names) are shown as ``*``."""
    try:
        data = strict_json.loads(body, max_depth=MAX_ANSWER_DEPTH)
    except strict_json.StrictJSONError:
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
    """Only what cannot be the tenant's data: plain lower-case words, short numbers, field
    names the spec declares and Bean Validation codes; anything else shows as ``*``."""
    del rejected  # never read: the words rule already keeps any value out
    words = []
    for token in code.split()[:20]:
        core = token.strip("'\"()[]{},.;:")
        quoted = token[:1] in "'\"" or any(c in token for c in "{}[]")
        if quoted and core not in names:  # a quoted or JSON-shaped word is a value
            words.append("*")
            continue
        safe = (
            core in names
            or core in _CODES
            or re.fullmatch(r"[a-z]{1,20}", core) is not None
            or re.fullmatch(r"-?\d{1,6}", core) is not None
        )
        words.append(token if safe else token.replace(core, "*") if core else token)
    text = " ".join(words)
    return text if len(text) <= _CODE_WIDTH else text[: _CODE_WIDTH - 3] + "..."


def describe(refused: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    return tuple(
        f"refused field {path}: {code}" if code else f"refused field {path}"
        for path, code in refused
    )
