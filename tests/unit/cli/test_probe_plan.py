"""`nitrobox probe` planning: which operations run, with which arguments, in which order."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nitrobox_auth.cli._errors import CommandError
from nitrobox_auth.cli._operations import operations
from nitrobox_auth.cli._probe_plan import (
    Source,
    first_value,
    item_fields,
    parse_idents,
    plan,
)

# A small spec with each case the planner handles; the run tests use it too.
SPEC: dict[str, Any] = json.loads(Path(__file__).with_name("probe_spec.json").read_text("utf-8"))


def _steps(**kwargs: Any) -> dict[str, Any]:
    return {s.op.operation_id: s for s in plan(SPEC, operations(SPEC), **kwargs)}


def test_producers_run_before_consumers_and_writes_come_last() -> None:
    """retrievePart is declared first but runs after queryThings and queryParts; POSTs last."""
    order = [s.op.operation_id for s in plan(SPEC, operations(SPEC), {})]
    assert order.index("queryThings") < order.index("queryParts") < order.index("retrievePart")
    assert order.index("queryThings") < order.index("retrieveThing")
    assert order[-1] == "createThing"


def test_writes_are_skipped_with_their_method() -> None:
    """The probe never plans a write: it is listed with the reason."""
    step = _steps(idents={})["createThing"]
    assert step.skip == "write operation (POST): the probe only reads"


def test_paged_query_gets_the_smallest_page_and_required_values_from_the_enum() -> None:
    """page=0, size clamped up to the schema's minimum, a required enum gets its first value."""
    step = _steps(idents={})["queryThings"]
    assert step.skip is None
    assert dict(step.query) == {"page": "0", "size": "2", "kind": "BIG"}


def test_required_parameters_take_named_examples_defaults_and_examples() -> None:
    """`examples` (the first), a header's `default`, a boolean `example` as JSON spells it."""
    step = _steps(idents={})["querySamples"]
    assert step.skip is None
    assert dict(step.query) == {"from": "2026-01-01", "flag": "true"}
    assert dict(step.headers) == {"X-Region": "eu"}


def test_required_query_parameter_without_a_value_is_skipped_with_the_reason() -> None:
    """Nothing in the schema says what to send: skipped, naming the parameter."""
    step = _steps(idents={})["queryNeedy"]
    assert step.skip is not None
    assert "since" in step.skip


def test_path_parameters_map_to_fields_of_the_collection_items() -> None:
    """`ident` under /things takes thingIdent (the collection's noun); same names map as-is."""
    steps = _steps(idents={})
    assert steps["retrieveThing"].sources == {"ident": Source("queryThings", ("thingIdent",))}
    assert steps["retrievePart"].sources == {
        "thingIdent": Source("queryThings", ("thingIdent",)),
        "partIdent": Source("queryParts", ("partIdent",)),
    }


def test_a_parameter_no_answer_holds_is_skipped_with_a_hint() -> None:
    """No list declares orphanKey: skipped, and the reason says which --ident to give."""
    step = _steps(idents={})["retrieveOrphan"]
    assert step.skip is not None
    assert "--ident orphanKey=VALUE" in step.skip


def test_ident_option_fills_the_parameter_without_a_producer() -> None:
    """--ident orphanKey=o-1 makes retrieveOrphan runnable."""
    step = _steps(idents={"orphanKey": "o-1"})["retrieveOrphan"]
    assert step.skip is None
    assert step.given == {"orphanKey": "o-1"}


def test_selected_operations_pull_in_their_producers_only() -> None:
    """--operation retrievePart runs queryThings and queryParts first, nothing else."""
    order = [s.op.operation_id for s in plan(SPEC, operations(SPEC), {}, selected=["retrievePart"])]
    assert order == ["queryThings", "queryParts", "retrievePart"]


def test_scoped_ident_fills_one_operation_and_wins_over_the_plain_form() -> None:
    """retrieveThing.ident=t-9 reaches retrieveThing only; the plain form fills the rest."""
    idents = parse_idents(
        ["thingIdent=t-1", "retrievePart.thingIdent=t-2", "retrieveThing.ident=t-9"],
        operations(SPEC).values(),
    )
    steps = _steps(idents=idents)
    assert steps["retrieveThing"].given == {"ident": "t-9"}
    assert steps["queryParts"].given == {"thingIdent": "t-1"}
    assert steps["retrievePart"].given == {"thingIdent": "t-2"}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ("noequals", "expects NAME=VALUE"),
        ("=value", "expects NAME=VALUE"),
        ("thingIdent=", "expects NAME=VALUE"),
        ("unknownName=1", "no GET operation has a path parameter 'unknownName'"),
        ("createThing.ident=1", "there is no GET operation 'createThing'"),
        ("retrieveThing.thingIdent=1", "retrieveThing has no path parameter 'thingIdent'"),
    ],
    ids=repr,
)
def test_bad_ident_is_refused(bad: str, message: str) -> None:
    """A malformed --ident, or one no GET path uses, is a CommandError naming it."""
    with pytest.raises(CommandError, match=message):
        parse_idents([bad], operations(SPEC).values())


def test_item_fields_are_found_in_every_envelope() -> None:
    """Root arrays, `_embedded` lists and HAL `_embedded.<rel>` lists all yield their fields."""
    ops = operations(SPEC)
    assert item_fields(SPEC, ops["queryThings"]) == {"thingIdent", "count"}
    assert item_fields(SPEC, ops["queryParts"]) == {"partIdent"}
    assert item_fields(SPEC, ops["queryNeedy"]) == set()


@pytest.mark.parametrize(
    "answer",
    [
        [{"thingIdent": "t-1"}],
        {"_embedded": [{"thingIdent": "t-1"}], "pageInfo": {}},
        {"_embedded": {"things": [{"thingIdent": "t-1"}]}, "page": {}, "_links": {}},
        {"content": [{"thingIdent": "t-1"}], "pageInfo": {}},
    ],
    ids=["root list", "_embedded list", "HAL", "content"],
)
def test_first_value_reads_each_envelope(answer: Any) -> None:
    """The first item's field comes out whichever envelope the server answered."""
    assert first_value(answer, ["thingIdent"]) == "t-1"


@pytest.mark.parametrize(
    "answer",
    [
        {"_embedded": [], "pageInfo": {"totalElements": 0}, "_links": [{"thingIdent": "x"}]},
        {"page": {"totalElements": 0}, "_links": {"self": [{"thingIdent": "x"}]}},
        {"thingIdent": "x", "parts": [{"thingIdent": "y"}]},
    ],
    ids=["_links list", "HAL _links", "a single resource"],
)
def test_first_value_reads_page_items_only(answer: Any) -> None:
    """Lists outside a page's items (links, a resource's own arrays) are not items: the
    probe reads an answer as the client's paging does (one page reader)."""
    assert first_value(answer, ["thingIdent"]) is None


def test_first_value_ignores_items_without_a_usable_value() -> None:
    """null, booleans and nested objects are no ident; the next item's value is taken."""
    answer = [{"thingIdent": None}, {"thingIdent": True}, {"thingIdent": {}}, {"thingIdent": 7}]
    assert first_value(answer, ["thingIdent"]) == "7"
    assert first_value({"content": []}, ["thingIdent"]) is None
