"""`nitrobox probe` verdicts: status, content type and schema, in messages without data values."""

from __future__ import annotations

import json
from typing import Any

import pytest

from nitrobox_auth.cli._probe_judge import Judge, Verdict

MARKER = "tenant-data-7f3a"

SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/things": {
            "get": {
                "operationId": "queryThings",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/ThingPage"}
                            }
                        },
                    },
                    "4XX": {"description": "error"},
                },
            }
        },
        "/files/{ident}": {
            "get": {
                "operationId": "retrieveFile",
                "responses": {
                    "200": {
                        "description": "the file",
                        "content": {
                            "application/pdf": {"schema": {"type": "string", "format": "binary"}}
                        },
                    }
                },
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "required": ["thingIdent"],
                "properties": {
                    "thingIdent": {"type": "string", "minLength": 1},
                    "count": {"type": "integer", "nullable": True},
                    "kind": {"type": "string", "enum": ["BIG", "SMALL"]},
                    "day": {"type": "string", "format": "date"},
                    "labels": {"type": "object", "additionalProperties": {"type": "string"}},
                    "password": {"type": "string", "writeOnly": True},
                },
            },
            "ThingPage": {
                "type": "object",
                "properties": {
                    "_embedded": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
                    "pageInfo": {"type": "object"},
                },
            },
        }
    },
}


@pytest.fixture(scope="module")
def judge() -> Judge:
    return Judge(SPEC)


def _things(
    judge: Judge, body: Any, content_type: str = "application/json", status: int = 200
) -> Verdict:
    raw = body if isinstance(body, bytes) else json.dumps(body).encode()
    return judge.judge("/things", "GET", status, content_type, raw)


def test_a_matching_answer_is_confirmed(judge: Judge) -> None:
    """A page whose items match, with a charset parameter on the content type."""
    body = {"_embedded": [{"thingIdent": "t", "count": None, "kind": "BIG"}], "pageInfo": {}}
    verdict = _things(judge, body, "application/json; charset=utf-8")
    assert (verdict.outcome, verdict.problems) == ("confirmed", ())


def test_the_wrong_root_type_is_contradicted(judge: Judge) -> None:
    """A plain list where a page object is documented."""
    verdict = _things(judge, [{"thingIdent": "t"}])
    assert verdict.outcome == "contradicted"
    assert verdict.problems == ("$: expected object, found array",)


def test_a_field_of_the_wrong_type_inside_a_list_item_names_its_path(judge: Judge) -> None:
    """The path into the list and both types; not the value."""
    verdict = _things(
        judge, {"_embedded": [{"thingIdent": "t"}, {"thingIdent": "u", "count": "7"}]}
    )
    assert verdict.outcome == "contradicted"
    assert verdict.problems == ("$._embedded[1].count: expected integer, found string",)


def test_html_where_json_is_documented_is_contradicted(judge: Judge) -> None:
    verdict = _things(judge, b"<html>login</html>", "text/html")
    assert verdict.outcome == "contradicted"
    assert verdict.problems == ("content type text/html where the spec documents application/json",)


def test_an_answer_without_a_content_type_is_contradicted(judge: Judge) -> None:
    verdict = _things(judge, {"_embedded": []}, "")
    assert verdict.problems == ("no content type where the spec documents application/json",)


def test_a_body_that_is_not_json_is_contradicted(judge: Judge) -> None:
    verdict = _things(judge, b"{not json", "application/json")
    assert verdict.outcome == "contradicted"
    assert "not valid JSON" in verdict.problems[0]


def test_an_undocumented_success_status_is_contradicted(judge: Judge) -> None:
    verdict = _things(judge, b"", "", status=204)
    assert verdict.outcome == "contradicted"
    assert verdict.problems[0].startswith("status 204 is not documented")


@pytest.mark.parametrize(
    ("status", "outcome"),
    [(404, "unreachable"), (405, "unreachable"), (400, "error"), (503, "error")],
)
def test_non_success_statuses(judge: Judge, status: int, outcome: str) -> None:
    """404/405 mean a wrong path or method; any other non-2xx is an error."""
    assert _things(judge, {"status": "x"}, status=status).outcome == outcome


def test_a_file_answer_is_confirmed_by_its_content_type(judge: Judge) -> None:
    verdict = judge.judge("/files/{ident}", "GET", 200, "application/pdf", b"%PDF-1.4")
    assert verdict.outcome == "confirmed"
    wrong = judge.judge("/files/{ident}", "GET", 200, "application/json", b"{}")
    assert wrong.outcome == "contradicted"


def test_problems_never_quote_the_tenants_values(judge: Judge) -> None:
    """Every kind of schema error is described by path and type; the data stays out."""
    item = {
        "count": MARKER,  # type
        "kind": MARKER,  # enum
        "day": MARKER,  # format
        "labels": {MARKER: 5},  # a map key is data too, and a wrong value type
    }
    empty = {"thingIdent": ""}  # required missing above, minLength here
    verdict = _things(judge, {"_embedded": [item, empty], "pageInfo": MARKER})
    assert verdict.outcome == "contradicted"
    assert set(verdict.problems) == {
        "$._embedded[0]: missing required field thingIdent",
        "$._embedded[0].count: expected integer, found string",
        "$._embedded[0].kind: a string outside the documented enum",
        "$._embedded[0].day: a string that is not a valid date",
        "$._embedded[0].labels.*: expected string, found integer",
        "$._embedded[1].thingIdent: a string that fails minLength 1",
        "$.pageInfo: expected object, found string",
    }
    assert MARKER not in json.dumps(verdict.problems)


def test_a_write_only_field_in_an_answer_is_contradicted(judge: Judge) -> None:
    """OpenAPI 3.0 read semantics: a writeOnly field must not come back."""
    verdict = _things(judge, {"_embedded": [{"thingIdent": "t", "password": MARKER}]})
    assert verdict.outcome == "contradicted"
    assert verdict.problems == ("$._embedded[0].password: a write-only field in an answer",)
    assert MARKER not in json.dumps(verdict.problems)


def test_a_body_nested_too_deeply_is_contradicted_not_a_crash(judge: Judge) -> None:
    """A hostile answer cannot crash the probe with a RecursionError."""
    verdict = _things(judge, b"[" * 200_000 + b"]" * 200_000)
    assert verdict.outcome == "contradicted"
    assert "nested too deeply" in verdict.problems[0]
