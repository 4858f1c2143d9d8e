"""RSQL ``search`` filters, as Nitrobox documents them, evaluated on stored resources.

Supported: ``==``, ``!=``, ``=gt=``, ``=ge=``, ``=lt=``, ``=le=``, ``=in=``, ``=out=``;
``;`` (AND) binds tighter than ``,`` (OR); parentheses; single- or double-quoted values;
``*`` wildcards in ``==``/``!=`` string values; dotted selectors for nested properties
(``customerDetail.customerIdent``).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

# One RSQLError for the whole project (the builder's): an unreadable search is the same
# kind of mistake whether the client or the sandbox finds it.
from nitrobox_auth import RSQLError as RSQLError
from nitrobox_sandbox._limits import MAX_RSQL_DEPTH, MAX_RSQL_LENGTH

Predicate = Callable[[Mapping[str, Any]], bool]

_OPERATORS = ("==", "!=", "=gt=", "=ge=", "=lt=", "=le=", "=in=", "=out=")
_SELECTOR = re.compile(r"[^\s=!<>~();,'\"]+")
_OPERATOR = re.compile(r"==|!=|=[a-z]+=")
_UNQUOTED = re.compile(r"[^\s();,'\"]+")


def parse(expression: str) -> Predicate:
    """A predicate over resources (JSON objects) for an RSQL expression.

    Expressions longer than ``MAX_RSQL_LENGTH`` characters or with groups nested deeper
    than ``MAX_RSQL_DEPTH`` are refused (the parser recurses once per group).
    """
    if len(expression) > MAX_RSQL_LENGTH:
        raise RSQLError(f"the search expression is longer than {MAX_RSQL_LENGTH} characters")
    parser = _Parser(expression)
    predicate = parser.parse_or()
    parser.skip_space()
    if parser.pos != len(expression):
        parser.fail("unexpected text")
    return predicate


def equality(expression: str) -> tuple[str, list[str]] | None:
    """``field==value`` or ``field=in=(a,b)`` alone, without wildcards: the field and the
    values (what an index can answer); ``None`` for anything else, which is evaluated by
    :func:`parse` on every candidate instead."""
    if len(expression) > MAX_RSQL_LENGTH:
        return None
    parser = _Parser(expression)
    parser.skip_space()
    selector = _SELECTOR.match(expression, parser.pos)
    if selector is None:
        return None
    parser.pos = selector.end()
    parser.skip_space()
    operator = _OPERATOR.match(expression, parser.pos)
    if operator is None or operator.group() not in ("==", "=in="):
        return None
    parser.pos = operator.end()
    try:
        values = parser.parse_list() if operator.group() == "=in=" else [parser.parse_value()]
    except RSQLError:
        return None
    parser.skip_space()
    if parser.pos != len(expression) or any("*" in value for value in values):
        return None
    return selector.group(), values


@dataclass
class _Parser:
    text: str
    pos: int = 0
    depth: int = 0

    def fail(self, why: str) -> None:
        raise RSQLError(f"{why} at position {self.pos} of the search expression")

    def skip_space(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos].isspace():
            self.pos += 1

    def peek(self) -> str:
        self.skip_space()
        return self.text[self.pos] if self.pos < len(self.text) else ""

    def parse_or(self) -> Predicate:
        parts = [self.parse_and()]
        while self.peek() == ",":
            self.pos += 1
            parts.append(self.parse_and())
        return parts[0] if len(parts) == 1 else lambda item: any(p(item) for p in parts)

    def parse_and(self) -> Predicate:
        parts = [self.parse_term()]
        while self.peek() == ";":
            self.pos += 1
            parts.append(self.parse_term())
        return parts[0] if len(parts) == 1 else lambda item: all(p(item) for p in parts)

    def parse_term(self) -> Predicate:
        if self.peek() == "(":
            self.depth += 1
            if self.depth > MAX_RSQL_DEPTH:
                self.fail(f"parentheses nested deeper than {MAX_RSQL_DEPTH} levels")
            self.pos += 1
            inner = self.parse_or()
            if self.peek() != ")":
                self.fail("missing ')'")
            self.pos += 1
            self.depth -= 1
            return inner
        return self.parse_comparison()

    def parse_comparison(self) -> Predicate:
        self.skip_space()
        selector = _SELECTOR.match(self.text, self.pos)
        if selector is None:
            self.fail("expected a field name")
            raise AssertionError  # unreachable: fail() raises
        self.pos = selector.end()
        self.skip_space()
        operator = _OPERATOR.match(self.text, self.pos)
        if operator is None or operator.group() not in _OPERATORS:
            self.fail(f"expected one of {' '.join(_OPERATORS)} after {selector.group()!r}")
            raise AssertionError
        self.pos = operator.end()
        op = operator.group()
        values = self.parse_list() if op in ("=in=", "=out=") else [self.parse_value()]
        return _comparison(selector.group().split("."), op, values)

    def parse_list(self) -> list[str]:
        if self.peek() != "(":
            return [self.parse_value()]
        self.pos += 1
        values = [self.parse_value()]
        while self.peek() == ",":
            self.pos += 1
            values.append(self.parse_value())
        if self.peek() != ")":
            self.fail("missing ')' after the value list")
        self.pos += 1
        return values

    def parse_value(self) -> str:
        quote = self.peek()
        if quote in ("'", '"'):
            end = self.pos + 1
            chars: list[str] = []
            while end < len(self.text) and self.text[end] != quote:
                if self.text[end] == "\\" and end + 1 < len(self.text):
                    end += 1
                chars.append(self.text[end])
                end += 1
            if end >= len(self.text):
                self.fail("unterminated quoted value")
            self.pos = end + 1
            return "".join(chars)
        match = _UNQUOTED.match(self.text, self.pos)
        if match is None:
            self.fail("expected a value")
            raise AssertionError
        self.pos = match.end()
        return match.group()


def _comparison(path: list[str], op: str, arguments: list[str]) -> Predicate:
    def predicate(item: Mapping[str, Any]) -> bool:
        values = values_at(item, path)
        if op == "!=":
            return not any(_equal(v, arguments[0]) for v in values)
        if op == "=out=":
            return not any(_equal(v, a) for v in values for a in arguments)
        if op in ("==", "=in="):
            return any(_equal(v, a) for v in values for a in arguments)
        return any(_ordered(v, op, arguments[0]) for v in values)

    return predicate


def values_at(item: Any, path: list[str]) -> list[Any]:
    """Every value at ``path``; lists on the way fan out (``addresses.city``)."""
    current = [item]
    for key in path:
        following: list[Any] = []
        for node in current:
            if isinstance(node, list):
                node_list: list[Any] = node
            else:
                node_list = [node]
            for element in node_list:
                if isinstance(element, Mapping) and key in element:
                    following.append(element[key])
        current = following
    flat: list[Any] = []
    for value in current:
        flat.extend(value if isinstance(value, list) else [value])
    return flat


def _coerce(value: Any, argument: str) -> Any:
    if isinstance(value, bool):
        return argument.lower() == "true"
    if isinstance(value, int | float):
        try:
            return float(argument)
        except ValueError:
            return None
    return argument


def _equal(value: Any, argument: str) -> bool:
    if value is None:
        return argument.lower() == "null"
    if isinstance(value, str) and "*" in argument:
        return fnmatch.fnmatchcase(value, argument.replace("[", "[[]"))
    coerced = _coerce(value, argument)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return coerced is not None and float(value) == coerced
    return bool(value == coerced) if not isinstance(value, str) else value == argument


def _ordered(value: Any, op: str, argument: str) -> bool:
    if value is None or isinstance(value, bool | Mapping | list):
        return False
    coerced = _coerce(value, argument)
    if coerced is None:
        return False
    left: Any = float(value) if isinstance(value, int | float) else str(value)
    right: Any = coerced if isinstance(value, int | float) else argument
    if op == "=gt=":
        return bool(left > right)
    if op == "=ge=":
        return bool(left >= right)
    if op == "=lt=":
        return bool(left < right)
    return bool(left <= right)
