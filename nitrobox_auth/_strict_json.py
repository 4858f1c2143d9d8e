"""Strict JSON: the one parser for JSON we did not write, and the one JSON type namer.

Used by the sandbox (request bodies), the ``nitrobox`` command (``--json``), the probe and
the API error reader. :func:`loads` refuses, with :class:`StrictJSONError`:

- nesting deeper than ``max_depth``, counted on the raw text *before* the parser recurses
  (a 100,000-deep ``[[[...`` never reaches ``json.loads``);
- ``NaN``, ``Infinity`` and ``-Infinity`` (not JSON, though Python's parser takes them) and
  numbers that overflow a float (``1e400`` would become ``inf``);
- integers longer than Python's digit limit;
- lone surrogates (``"\\ud800"``) in strings and keys: they cannot be encoded again;
- bytes that are not UTF-8, and anything else the parser refuses.

The reason a refusal gives is safe to show and to log: it names what is wrong and where
(line and column), never a value from the text, which may be a credential or user data.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any, Final

from nitrobox_auth._errors import NitroboxError

# How deep an answer from a server may nest: deeper than any Nitrobox answer, far below
# where the parser would recurse too deep.
MAX_ANSWER_DEPTH: Final = 64

_STRING: Final = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET: Final = re.compile(rb"[\[\]{}]")
_SURROGATE_ESCAPE: Final = re.compile(rb"\\u[dD][89a-fA-F]")  # \uD800 to \uDFFF


class StrictJSONError(NitroboxError, ValueError):
    """Text that is not strict JSON; ``reason`` says why without quoting the text."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


def json_type_name(value: object) -> str:
    """The JSON Schema type name of a decoded value, for messages (never the value itself).

    ``object``, ``array``, ``string``, ``integer``, ``number``, ``boolean`` or ``null``;
    anything else (a value JSON cannot hold) is named by its Python type.
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def json_depth(data: bytes, limit: int) -> int:
    """The nesting depth of a JSON text, counted without parsing (stops past ``limit``)."""
    depth = deepest = 0
    for bracket in _BRACKET.finditer(_STRING.sub(b'""', data)):
        if bracket.group() in (b"[", b"{"):
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    return deepest
        else:
            depth -= 1
    return deepest


def _refuse_constant(name: str) -> Any:
    raise StrictJSONError(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise StrictJSONError("a number is out of range for a float")
    return value


def loads(data: str | bytes | bytearray, *, max_depth: int) -> Any:
    """``data`` as strict JSON (see the module docstring), or :class:`StrictJSONError`."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if json_depth(raw, max_depth) > max_depth:
        raise StrictJSONError(f"nested too deeply (more than {max_depth} levels)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StrictJSONError(f"not valid UTF-8 (at byte {exc.start})") from None
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite)
    except StrictJSONError:
        raise
    except json.JSONDecodeError as exc:
        # exc.msg is the parser's own words ("Expecting value"): no excerpt of the text.
        raise StrictJSONError(f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:  # pragma: no cover - the depth check stops these first
        raise StrictJSONError(f"nested too deeply (more than {max_depth} levels)") from None
    except ValueError:  # integers longer than sys.get_int_max_str_digits()
        raise StrictJSONError("an integer has too many digits") from None
    # A surrogate can only come from a \u escape (UTF-8 cannot carry one, and the decode
    # above refused any): a text without such an escape has none to look for.
    if _SURROGATE_ESCAPE.search(raw):
        _check_strings(value)
    return value


def _check_strings(value: Any) -> None:
    # Iterative: the depth is bounded already, but a wide value must not cost recursion.
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key, sub in item.items():
                _check_text(key)
                stack.append(sub)
        elif isinstance(item, list):
            stack.extend(item)


def _check_text(text: str) -> None:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise StrictJSONError("a string holds a lone surrogate (not valid Unicode)") from None
