"""The sandbox's fast paths answer exactly what the general ones would.

API paths skip Starlette's route walk (``SandboxApp``), and common parameter schemas are
checked by compiled rules before the schema validator (``_parameters._quick_check``), as
are JSON bodies (``_prechecks``). None may change an answer: a path a control route
claims (or would redirect) still goes to Starlette, and a compiled check never passes a
value the validator refuses.
"""

from __future__ import annotations

import asyncio
import copy
import random
from typing import Any

import pytest
from starlette.applications import Starlette

from nitrobox_sandbox import Sandbox
from nitrobox_sandbox._parameters import compile_rules
from nitrobox_sandbox._spec import Spec
from nitrobox_sandbox._synth import Synthesizer
from nitrobox_sandbox._validation import RequestValidator

PATHS = [
    "/_sandbox/stats",
    "/_sandbox/stats/",
    "/_sandbox/stats//",
    "/_sandbox/stats\n",
    "/_sandbox/scripts/12",
    "/_sandbox/scripts/12/",
    "/_sandbox/scripts/abc",
    "/_sandbox/calls",
    "/_sandbox/unknown",
    "/sandbox/oauth2/token",
    "/sandbox/oauth2/token/",
    "/other/oauth2/token",
    "/a/b/oauth2/token",
    "/v2/customers",
    "/v2/customers/",
    "/v2/customers/x",
    "/v2/customers/x/",
    "/v2/nothing-here",
    "/",
    "",
]


async def _answer(app: Any, method: str, path: str, *, starlette_only: bool) -> dict[str, Any]:
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "server": ("sandbox.test", 80),
        "client": ("127.0.0.1", 5000),
        "root_path": "",
        "path": path,
        "raw_path": path.encode("latin-1"),
        "query_string": b"",
        "headers": [(b"host", b"sandbox.test")],
    }
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    call = Starlette.__call__ if starlette_only else type(app).__call__
    await call(app, scope, receive, send)
    start = sent[0]
    headers = {k.decode(): v.decode() for k, v in start["headers"]}
    return {
        "status": start["status"],
        "location": headers.get("location"),
        "allow": headers.get("allow"),
        "content-type": headers.get("content-type"),
    }


@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_every_path_is_answered_as_starlettes_own_routing_answers_it(
    method: str, sandbox: Sandbox
) -> None:
    for path in PATHS:
        fast = asyncio.run(_answer(sandbox.app, method, path, starlette_only=False))
        general = asyncio.run(_answer(sandbox.app, method, path, starlette_only=True))
        assert fast == general, (method, path)


VALUES: list[Any] = [
    "",
    "a",
    "abc",
    "x" * 100,
    "x" * 101,
    "a b",
    "abc\n",
    "ä",
    "A-Z_.~@",
    "DE",
    "EUR",
    "12",
    0,
    1,
    -1,
    2**31 - 1,
    2**31,
    -(2**31) - 1,
    2**63,
    10**30,
    True,
    False,
]


def test_compiled_parameter_checks_never_pass_what_the_validator_refuses(
    spec_document: dict[str, Any],
) -> None:
    spec = Spec(spec_document)
    checked = 0
    for op in spec.operations:
        for rule in compile_rules(spec, op) or []:
            if rule.quick is None:
                continue
            for value in [*VALUES, *(rule.validator.schema.get("enum") or [])]:
                if rule.quick(value):
                    checked += 1
                    errors = list(rule.validator.iter_errors(value))
                    assert not errors, (op.operation_id, rule.name, value)
    assert checked > 100  # the compiled checks do pass the values that are fine


def _variants(value: Any, rnd: random.Random) -> Any:
    """``value`` with fields dropped, added and swapped for values of other types."""
    if isinstance(value, dict):
        out = {k: _variants(v, rnd) for k, v in value.items() if rnd.random() > 0.15}
        if rnd.random() < 0.2:
            out[rnd.choice(["extra", "customerIdent", "debtorId"])] = rnd.choice([1, "x", None])
        return out
    if isinstance(value, list):
        return [_variants(v, rnd) for v in value] + [_variants(v, rnd) for v in value[:1]]
    return rnd.choice([value, value, value, None, "", "x" * 300, -1, 2.5, True, "a\n", [value]])


def test_the_prechecks_never_passes_what_the_validator_refuses(
    spec_document: dict[str, Any],
) -> None:
    spec = Spec(spec_document)
    validator = RequestValidator(spec_document, spec)
    synth = Synthesizer(spec)
    rnd = random.Random(18)
    passed = refused = 0
    for op in spec.operations:
        compiled = validator._json_bodies.get(op.operation_id)
        if compiled is None or compiled[1] is None:
            continue
        schema_validator, precheck = compiled
        body = spec.resolve(op.definition["requestBody"])
        example = synth.shape(body["content"]["application/json"]["schema"])
        for value in [example, *(_variants(copy.deepcopy(example), rnd) for _ in range(40))]:
            errors = list(schema_validator.iter_errors(value))
            if precheck(value):
                passed += 1
                assert not errors, (op.operation_id, value)
            elif errors:
                refused += 1
    # both kinds of body were tried
    assert passed > 100
    assert refused > 100
