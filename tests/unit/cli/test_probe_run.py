"""`nitrobox probe` running a plan: idents flow from answers into later paths (no sockets)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from http_under_test import httpx

from nitrobox_auth.cli._operations import operations
from nitrobox_auth.cli._probe import run_steps
from nitrobox_auth.cli._probe_judge import Judge
from nitrobox_auth.cli._probe_plan import parse_idents, plan

SPEC: dict[str, Any] = json.loads(Path(__file__).with_name("probe_spec.json").read_text("utf-8"))

ANSWERS = {
    "/things": {"_embedded": [{"thingIdent": "t-1"}, {"thingIdent": "t-2"}]},
    "/things/t-1": {"thingIdent": "t-1"},
    "/things/t-1/parts": {"_embedded": {"parts": [{"partIdent": "p-1"}]}},
    "/things/t-2/parts": {"_embedded": {"parts": [{"partIdent": "p-2"}]}},
}


def _run(idents: list[str]) -> tuple[dict[str, str], list[str]]:
    sent: list[str] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(f"{request.method} {request.url.path}")
        body = ANSWERS.get(request.url.path, {})
        return httpx.Response(200, json=body)

    ops = operations(SPEC)
    steps = plan(SPEC, ops, parse_idents(idents, ops.values()))
    with httpx.Client(transport=httpx.MockTransport(answer), base_url="http://probe.invalid") as h:
        results = run_steps(steps, h, Judge(SPEC))
    return {r.step.op.operation_id: r.outcome for r in results}, sent


def test_idents_come_from_the_first_item_of_the_producers_answer() -> None:
    """queryThings' first thing feeds retrieveThing and queryParts; its first part, retrievePart."""
    outcomes, sent = _run([])
    assert "GET /things/t-1" in sent
    assert "GET /things/t-1/parts/p-1" in sent
    assert outcomes["retrievePart"] == "confirmed"
    assert {s.split()[0] for s in sent} == {"GET"}


def test_a_consumer_keeps_the_ident_its_producer_was_sent_with() -> None:
    """The parts of thing t-2 (given for queryParts) are retrieved under t-2, not t-1."""
    outcomes, sent = _run(["queryParts.thingIdent=t-2"])
    assert "GET /things/t-2/parts" in sent
    assert "GET /things/t-2/parts/p-2" in sent
    assert outcomes["retrievePart"] == "confirmed"


def test_consumers_of_an_empty_list_are_skipped_with_the_ident_to_give() -> None:
    """queryThings answers no item: the reads that need a thing say which --ident to give."""

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"_embedded": []} if request.url.path == "/things" else {})

    ops = operations(SPEC)
    steps = plan(SPEC, ops, {})
    with httpx.Client(transport=httpx.MockTransport(answer), base_url="http://probe.invalid") as h:
        results = {r.step.op.operation_id: r for r in run_steps(steps, h, Judge(SPEC))}
    assert results["retrieveThing"].outcome == "skipped"
    assert results["retrieveThing"].reason() == (
        "queryThings answered no item with thingIdent: give --ident ident=VALUE"
    )
    assert results["queryParts"].reason() == (
        "queryThings answered no item with thingIdent: give --ident thingIdent=VALUE"
    )
    # Two deep: retrievePart's producers were not sent either.
    assert results["retrievePart"].outcome == "skipped"
