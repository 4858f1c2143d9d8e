"""A small builder for Nitrobox ``search`` filters (RSQL) that cannot be injected.

::

    >>> where("status").eq("ACTIVE") & where("customerIdent").in_(["a,b", "c'd"])
    And("status=='ACTIVE';customerIdent=in=('a,b','c\\\\'d')")

An expression is a ``str`` (its RSQL text), so it goes straight into ``search=``.

Every value is quoted and escaped (backslash and single quote get a backslash), so
quotes, commas, semicolons, parentheses, backslashes and operators inside a value stay
part of that value. Property names are checked against a strict pattern instead, because
RSQL has no quoting for them. Dates and datetimes are written in ISO 8601.

``*`` is a wildcard in the equality operators of common RSQL back ends (and in the
sandbox), and quoting does not turn it off, so ``eq``/``ne``/``in_``/``out`` refuse a value
containing ``*`` (a hostile ``"*"`` would otherwise match every record); use ``like`` when
a pattern is meant.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import math
import re
import uuid
from collections.abc import Iterable

import attrs

from nitrobox_auth._errors import NitroboxError

_SELECTOR = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*")

# What the API documents (=in= is standard RSQL, see docs/resilience.md).
OPERATORS = frozenset({"==", "!=", "=gt=", "=ge=", "=lt=", "=le=", "=in=", "=out="})

Value = (
    str
    | int
    | float
    | bool
    | decimal.Decimal
    | datetime.date
    | datetime.time
    | uuid.UUID
    | enum.Enum
)


class RSQLError(NitroboxError, ValueError):
    """An RSQL filter could not be built from the given property, operator or value."""


def format_value(value: Value) -> str:
    """A value as the unquoted RSQL argument text (ISO 8601 for dates and times)."""
    if isinstance(value, enum.Enum):
        return format_value(value.value)
    if isinstance(value, bool):  # before int: bool is an int
        return "true" if value else "false"
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | decimal.Decimal):
        if not math.isfinite(value):
            raise RSQLError(f"an RSQL value must be a finite number, got {value!r}")
        return str(value)
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()  # a datetime is a date; both give ISO 8601
    if isinstance(value, uuid.UUID):
        return str(value)
    raise RSQLError(
        f"cannot use a {type(value).__name__} as an RSQL value; pass a str, number, bool, "
        "date, datetime, time, UUID or Enum"
    )


def _refuse_wildcard(operator: str, text: str) -> None:
    if "*" in text:
        raise RSQLError(
            f"{text!r} contains '*', which the server may read as a wildcard in {operator}; "
            "use where(...).like(pattern) if a pattern is meant"
        )


def quote(value: Value) -> str:
    """A value as a quoted RSQL argument that no character inside it can break out of."""
    text = format_value(value).replace("\\", "\\\\").replace("'", "\\'")
    return f"'{text}'"


class Expression(str):
    """A filter that *is* its ``search`` text: a ``str``, so ``search=expression`` needs no
    ``str(...)`` and type-checks against the generated ``search: str | Unset``.

    ``&`` is AND (``;``), ``|`` OR (``,``). The text is rendered once, when the expression is
    built; equality and hashing are those of the text. Instances are immutable.
    """

    def __and__(self, other: Expression) -> Expression:
        return and_(self, other)

    def __or__(self, other: Expression) -> Expression:
        return or_(self, other)

    def render(self) -> str:
        """The RSQL text, as a plain ``str``."""
        return str.__str__(self)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str.__repr__(self)})"

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"{type(self).__name__} is immutable; build a new expression")

    def _set(self, **fields: object) -> None:
        for name, value in fields.items():
            object.__setattr__(self, name, value)


class Comparison(Expression):
    """``selector operator argument(s)``."""

    selector: str
    operator: str
    arguments: tuple[str, ...]  # unquoted texts
    multiple: bool

    def __new__(
        cls, selector: str, operator: str, arguments: tuple[str, ...], multiple: bool = False
    ) -> Comparison:
        quoted = ",".join(quote(argument) for argument in arguments)
        text = f"{selector}{operator}" + (f"({quoted})" if multiple else quoted)
        self = super().__new__(cls, text)
        self._set(selector=selector, operator=operator, arguments=arguments, multiple=multiple)
        return self

    def __reduce__(self) -> tuple[type[Comparison], tuple[str, str, tuple[str, ...], bool]]:
        return (type(self), (self.selector, self.operator, self.arguments, self.multiple))


class And(Expression):
    """Every part must hold (``;``)."""

    parts: tuple[Expression, ...]

    def __new__(cls, parts: tuple[Expression, ...]) -> And:
        # AND binds tighter than OR, so only an OR inside an AND needs parentheses.
        text = ";".join(f"({p.render()})" if isinstance(p, Or) else p.render() for p in parts)
        self = super().__new__(cls, text)
        self._set(parts=parts)
        return self

    def __reduce__(self) -> tuple[type[And], tuple[tuple[Expression, ...]]]:
        return (type(self), (self.parts,))


class Or(Expression):
    """At least one part must hold (``,``)."""

    parts: tuple[Expression, ...]

    def __new__(cls, parts: tuple[Expression, ...]) -> Or:
        self = super().__new__(cls, ",".join(p.render() for p in parts))
        self._set(parts=parts)
        return self

    def __reduce__(self) -> tuple[type[Or], tuple[tuple[Expression, ...]]]:
        return (type(self), (self.parts,))


def _combine(kind: type[And] | type[Or], expressions: tuple[Expression, ...]) -> Expression:
    if not expressions:
        raise RSQLError(f"{kind.__name__.lower()}_() needs at least one expression")
    parts: list[Expression] = []
    for expression in expressions:
        if not isinstance(expression, Expression):
            raise RSQLError(f"cannot combine {type(expression).__name__} into an RSQL filter")
        # (a;b);c is a;b;c: flatten so the output stays short and readable.
        parts.extend(expression.parts if isinstance(expression, kind) else (expression,))
    return parts[0] if len(parts) == 1 else kind(tuple(parts))


def and_(*expressions: Expression) -> Expression:
    """All of the expressions (RSQL ``;``)."""
    return _combine(And, expressions)


def or_(*expressions: Expression) -> Expression:
    """Any of the expressions (RSQL ``,``)."""
    return _combine(Or, expressions)


@attrs.frozen
class Property:
    """A property to compare, e.g. ``where("customerDetail.customerIdent")``."""

    selector: str = attrs.field()

    @selector.validator
    def _check(self, _attribute: object, value: str) -> None:
        if not isinstance(value, str) or not _SELECTOR.fullmatch(value):
            raise RSQLError(
                f"{value!r} is not a property name: use letters, digits and underscores, "
                "with dots between nested names (e.g. 'customerDetail.customerIdent')"
            )

    def _one(self, operator: str, value: Value, *, exact: bool = False) -> Comparison:
        text = format_value(value)
        if exact:
            _refuse_wildcard(operator, text)
        return Comparison(self.selector, operator, (text,))

    def eq(self, value: Value) -> Comparison:
        """``==``"""
        return self._one("==", value, exact=True)

    def ne(self, value: Value) -> Comparison:
        """``!=``"""
        return self._one("!=", value, exact=True)

    def gt(self, value: Value) -> Comparison:
        """``=gt=``"""
        return self._one("=gt=", value)

    def ge(self, value: Value) -> Comparison:
        """``=ge=``"""
        return self._one("=ge=", value)

    def lt(self, value: Value) -> Comparison:
        """``=lt=``"""
        return self._one("=lt=", value)

    def le(self, value: Value) -> Comparison:
        """``=le=``"""
        return self._one("=le=", value)

    def like(self, pattern: str) -> Comparison:
        """``==`` with ``*`` as a wildcard on purpose, e.g. ``like("ACME*")``."""
        if not isinstance(pattern, str):
            raise RSQLError(f"like() takes a str pattern, got {type(pattern).__name__}")
        return Comparison(self.selector, "==", (pattern,))

    def _many(self, operator: str, values: Iterable[Value]) -> Comparison:
        if isinstance(values, str | bytes):
            raise RSQLError(f"{operator} takes a list of values, not a single string")
        arguments = tuple(format_value(v) for v in values)
        if not arguments:
            raise RSQLError(f"{operator} needs at least one value")
        for argument in arguments:
            _refuse_wildcard(operator, argument)
        return Comparison(self.selector, operator, arguments, multiple=True)

    def in_(self, values: Iterable[Value]) -> Comparison:
        """``=in=``"""
        return self._many("=in=", values)

    def out(self, values: Iterable[Value]) -> Comparison:
        """``=out=``"""
        return self._many("=out=", values)


def where(selector: str) -> Property:
    """Start a comparison on a property: ``where("status").eq("ACTIVE")``."""
    return Property(selector)
