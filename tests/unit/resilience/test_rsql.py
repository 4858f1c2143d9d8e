"""The RSQL builder: hostile values cannot change the query (property-based round trips)."""

from __future__ import annotations

import copy
import datetime
import decimal
import enum
import pickle
import re
import uuid
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from nitrobox_auth import NitroboxError, RSQLError, and_, or_, where
from nitrobox_auth import RSQLError as PublicRSQLError
from nitrobox_auth.api._rsql import And, Comparison, Expression, Or, format_value
from nitrobox_sandbox import _rsql as sandbox_rsql

# --- a tiny independent RSQL parser (the grammar of rsql-parser), to read back what we built

_SELECTOR = re.compile(r"[^\s=!~<>()'\";,]+")
_OPERATOR = re.compile(r"=[a-z]*=|[!=]=")
_UNRESERVED = re.compile(r"[^\s=!~<>()'\";,]+")

AST = tuple[Any, ...]


class _Reader:
    def __init__(self, text: str) -> None:
        self.text, self.pos = text, 0

    def eat(self, char: str) -> bool:
        if self.text.startswith(char, self.pos):
            self.pos += 1
            return True
        return False

    def match(self, pattern: re.Pattern[str]) -> str:
        found = pattern.match(self.text, self.pos)
        assert found is not None, f"parse error at {self.pos} in {self.text!r}"
        self.pos = found.end()
        return found.group()

    def or_(self) -> AST:
        parts = [self.and_()]
        while self.eat(","):
            parts.append(self.and_())
        return parts[0] if len(parts) == 1 else ("or", tuple(parts))

    def and_(self) -> AST:
        parts = [self.constraint()]
        while self.eat(";"):
            parts.append(self.constraint())
        return parts[0] if len(parts) == 1 else ("and", tuple(parts))

    def constraint(self) -> AST:
        if self.eat("("):
            inner = self.or_()
            assert self.eat(")")
            return inner
        selector = self.match(_SELECTOR)
        operator = self.match(_OPERATOR)
        if self.eat("("):
            arguments = [self.argument()]
            while self.eat(","):
                arguments.append(self.argument())
            assert self.eat(")")
            return ("cmp", selector, operator, tuple(arguments), True)
        return ("cmp", selector, operator, (self.argument(),), False)

    def argument(self) -> str:
        for quote in "'\"":
            if self.eat(quote):
                chars = []
                while not self.eat(quote):
                    assert self.pos < len(self.text), "unterminated quote"
                    if self.text[self.pos] == "\\":
                        self.pos += 1
                    chars.append(self.text[self.pos])
                    self.pos += 1
                return "".join(chars)
        return self.match(_UNRESERVED)


def parse(text: str) -> AST:
    """Parse RSQL text into nested tuples; the whole text must be consumed."""
    reader = _Reader(text)
    tree = reader.or_()
    assert reader.pos == len(text), f"trailing text at {reader.pos} in {text!r}"
    return tree


def tree_of(expression: Expression) -> AST:
    """The same nested tuples from the builder's own objects."""
    if isinstance(expression, Comparison):
        e = expression
        return ("cmp", e.selector, e.operator, e.arguments, e.multiple)
    assert isinstance(expression, And | Or)
    kind = "and" if isinstance(expression, And) else "or"
    return (kind, tuple(tree_of(part) for part in expression.parts))


# --- strategies: hostile text made of RSQL's own syntax, plus anything else

SYNTAX = [*"'\"\\,;()=!<>~* \t\n", "==", "!=", "=gt=", "=in=", "=out=", "\\'", "');", "',"]
hostile_text = st.lists(st.sampled_from(SYNTAX) | st.text(max_size=3), max_size=12).map("".join)
exact_text = hostile_text.map(lambda t: t.replace("*", ""))
selectors = st.from_regex(
    r"[A-Za-z_][A-Za-z0-9_]{0,8}(\.[A-Za-z_][A-Za-z0-9_]{0,8}){0,2}", fullmatch=True
)


@st.composite
def comparisons(draw: st.DrawFn) -> Expression:
    """A comparison with any operator and hostile values."""
    prop = where(draw(selectors))
    kind = draw(st.sampled_from(["eq", "ne", "gt", "ge", "lt", "le", "in_", "out", "like"]))
    if kind in ("in_", "out"):
        return getattr(prop, kind)(draw(st.lists(exact_text, min_size=1, max_size=4)))
    value = draw(exact_text if kind in ("eq", "ne") else hostile_text)
    return getattr(prop, kind)(value)


expressions = st.recursive(
    comparisons(),
    lambda children: (
        st.builds(lambda parts: and_(*parts), st.lists(children, min_size=1, max_size=3))
        | st.builds(lambda parts: or_(*parts), st.lists(children, min_size=1, max_size=3))
    ),
    max_leaves=8,
)


@settings(max_examples=150)
@given(expressions)
def test_rendered_text_parses_back_to_the_same_tree(expression: Expression) -> None:
    """Any tree of hostile comparisons reads back as exactly that tree: nothing escapes."""
    assert parse(str(expression)) == tree_of(expression)


@settings(max_examples=300)
@given(selectors, exact_text)
def test_a_hostile_value_is_one_argument(selector: str, value: str) -> None:
    """==, whatever the value holds, is one comparison whose argument is the value."""
    assert parse(str(where(selector).eq(value))) == ("cmp", selector, "==", (value,), False)


@settings(max_examples=200)
@given(exact_text, exact_text)
def test_the_sandbox_evaluator_matches_only_the_exact_value(value: str, other: str) -> None:
    """Against the sandbox's RSQL evaluator, eq(value) selects the record with that value."""
    assume(other + "x" != value)  # the second record must hold another value
    records = [{"ident": value, "n": 1}, {"ident": other + "x", "n": 2}]
    predicate = sandbox_rsql.parse(str(where("ident").eq(value) & where("n").eq(1)))
    assert [r["n"] for r in records if predicate(r)] == [1]
    excluded = sandbox_rsql.parse(str(where("ident").out([value])))
    assert [r["n"] for r in records if excluded(r)] == [2]


def test_examples_render_as_documented() -> None:
    """The documented shapes: quoting, lists, and only the parentheses that are needed."""
    assert (
        str(where("customerDetail.customerIdent").eq("a'b"))
        == "customerDetail.customerIdent=='a\\'b'"
    )
    assert str(where("status").in_(["A", "B"])) == "status=in=('A','B')"
    expression = (where("a").eq(1) | where("b").ne("x")) & where("c").gt(2)
    assert str(expression) == "(a=='1',b!='x');c=gt='2'"
    assert str(where("a").eq(1) | where("b").eq(2) & where("c").le(3)) == "a=='1',b=='2';c=le='3'"
    assert (
        str(and_(where("a").eq(1), and_(where("b").eq(2), where("c").eq(3))))
        == "a=='1';b=='2';c=='3'"
    )


class Colour(enum.Enum):
    RED = "red"


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (datetime.date(2024, 2, 29), "2024-02-29"),
        (datetime.datetime(2024, 2, 29, 13, 34, 1), "2024-02-29T13:34:01"),
        (
            datetime.datetime(
                2024, 2, 29, 13, 34, 1, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
            ),
            "2024-02-29T13:34:01+02:00",
        ),
        (datetime.time(8, 30), "08:30:00"),
        (True, "true"),
        (False, "false"),
        (42, "42"),
        (1.5, "1.5"),
        (decimal.Decimal("10.00"), "10.00"),
        (uuid.UUID(int=1), "00000000-0000-0000-0000-000000000001"),
        (Colour.RED, "red"),
    ],
)
def test_values_are_formatted_iso_and_plain(value: Any, text: str) -> None:
    """Dates and datetimes in ISO 8601; bools, numbers, UUIDs and enums as plain text."""
    assert format_value(value) == text


@pytest.mark.parametrize(
    "selector", ["", "a b", "a;b", "a==b", "1abc", "a.", ".a", "a..b", "a'", "a(b)", "a,b"]
)
def test_bad_property_names_are_refused(selector: str) -> None:
    """Property names cannot be quoted in RSQL, so anything odd is refused."""
    with pytest.raises(RSQLError, match="not a property name"):
        where(selector)


@pytest.mark.parametrize(
    "build",
    [
        lambda: where("a").eq(None),
        lambda: where("a").eq(float("nan")),
        lambda: where("a").gt(decimal.Decimal("Infinity")),
        lambda: where("a").eq(b"bytes"),
        lambda: where("a").in_([]),
        lambda: where("a").in_("abc"),
        lambda: where("a").eq("*"),
        lambda: where("a").ne("ab*"),
        lambda: where("a").in_(["ok", "x*"]),
        lambda: and_(),
        lambda: or_(where("a").eq(1), "b==1"),
    ],
)
def test_unusable_input_gets_a_typed_error(build: Any) -> None:
    """None, NaN, bytes, empty lists, a bare string for =in=, wildcards in eq: RSQLError."""
    with pytest.raises(RSQLError):
        build()


def test_like_keeps_the_wildcard_on_purpose() -> None:
    """like() is the one way to send '*', and it is still quoted."""
    assert str(where("name").like("AC'ME*")) == "name=='AC\\'ME*'"


def test_an_expression_is_its_search_text() -> None:
    """A built expression is a str equal to its RSQL text, so search= takes it as it is."""
    expression = where("status").eq("ACTIVE") & where("language").in_(["de", "en"])
    assert isinstance(expression, str)
    assert expression == "status=='ACTIVE';language=in=('de','en')"
    assert type(str(expression)) is str
    assert repr(expression) == "And(\"status=='ACTIVE';language=in=('de','en')\")"


def test_an_expression_is_immutable_and_survives_a_copy() -> None:
    """Its parts cannot be reassigned; pickle and deepcopy rebuild the same tree."""
    expression = where("a").eq(1) | where("b").in_(["x", "y"])
    with pytest.raises(AttributeError, match="immutable"):
        expression.parts = ()  # type: ignore[misc]
    for clone in (pickle.loads(pickle.dumps(expression)), copy.deepcopy(expression)):
        assert tree_of(clone) == tree_of(expression)
        assert clone == expression


def test_there_is_one_rsql_error() -> None:
    """The sandbox's parser raises the client's RSQLError, a NitroboxError."""
    assert sandbox_rsql.RSQLError is PublicRSQLError is RSQLError
    with pytest.raises(PublicRSQLError) as caught:
        sandbox_rsql.parse("status==")
    assert isinstance(caught.value, NitroboxError)
    assert isinstance(caught.value, ValueError)
