"""``nitrobox probe``: send every GET of the bundled spec it can fill and judge each answer.

Read-only: besides the one token request it sends GET requests only; write operations are
listed as skipped. See docs/cli.md for the options and docs/spec.md for what to do with a
report.
"""

from __future__ import annotations

import argparse
import json
import math
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._bundled_spec import bundled_spec_checksum, load_bundled_spec
from nitrobox_auth._errors import NitroboxError
from nitrobox_auth._logging import redact_url
from nitrobox_auth._strict_json import MAX_ANSWER_DEPTH
from nitrobox_auth.cli._errors import CommandError
from nitrobox_auth.cli._operations import find_operation, operations
from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._probe_judge import (
    CONFIRMED,
    CONTRADICTED,
    ERROR,
    OUTCOMES,
    SKIPPED,
    UNREACHABLE,
    Judge,
)
from nitrobox_auth.cli._probe_pace import DEFAULT_RATE, MAX_RATE, PacedTransport
from nitrobox_auth.cli._probe_plan import (
    Step,
    first_value,
    parse_idents,
    plan,
)
from nitrobox_auth.cli._probe_seed import seed_sandbox
from nitrobox_auth.cli._target import Target, open_target, shared_token_cache

if TYPE_CHECKING:
    from nitrobox_auth import TokenProvider

# An answer larger than this is not read (a probe only needs the first page of one item).
MAX_BODY_BYTES = 16 * 1024 * 1024
_REASON_WIDTH = 72


@dataclass
class Result:
    step: Step
    outcome: str
    status: int | None = None
    problems: tuple[str, ...] = ()
    data: Any = None
    # The path parameters it was sent with, for consumers deeper down the same path.
    values: Mapping[str, str] = field(default_factory=dict)

    def reason(self) -> str:
        if self.outcome == SKIPPED:
            return self.step.skip or ""
        if self.outcome == CONFIRMED:
            return f"HTTP {self.status}, as documented"
        text = self.problems[0] if self.problems else ""
        if len(self.problems) > 1:
            text += f" (+{len(self.problems) - 1} more)"
        return text if len(text) <= _REASON_WIDTH else text[: _REASON_WIDTH - 3] + "..."


NAME = "probe"
HELP = "check a tenant against the bundled spec with read-only requests"
DESCRIPTION = (
    "Send every GET operation of the bundled spec that can be filled (page=0, size=1; "
    "path parameters from earlier answers or --ident) and judge each answer against "
    "the documented status, content type and schema. Only GET requests are sent "
    "besides the one token request. Exit status: 0 when nothing is contradicted, "
    "unreachable or error, 1 otherwise, 2 for bad input."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--ident",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help=(
            "a value for path parameter NAME in every GET that has it, or with "
            "OPERATION_ID.NAME=VALUE in that one only (repeatable)"
        ),
    )
    parser.add_argument(
        "--operation",
        action="append",
        default=[],
        metavar="ID",
        help="probe only this operation, and what it needs an ident from (repeatable)",
    )
    parser.add_argument(
        "--rate",
        default=str(DEFAULT_RATE),
        metavar="N",
        help=f"at most N requests per second (default {DEFAULT_RATE:g}, at most {MAX_RATE:g})",
    )
    parser.add_argument("--report", type=Path, metavar="FILE", help="write a JSON report here")
    parser.add_argument(
        "--sandbox", action="store_true", help="use an embedded sandbox even if credentials are set"
    )


def parse_rate(text: str) -> float:
    try:
        rate = float(text)
    except ValueError:
        raise CommandError(
            f"--rate expects a number of requests per second, got {text!r}"
        ) from None
    if not math.isfinite(rate) or not 0 < rate <= MAX_RATE:
        raise CommandError(f"--rate must be more than 0 and at most {MAX_RATE:g}, got {text!r}")
    return rate


def check_report_path(path: Path) -> None:
    """Refuse an unwritable report path before any request is sent."""
    parent = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise CommandError(f"--report {path} is a directory; give a file name")
    if not parent.is_dir():
        raise CommandError(f"--report {path}: the directory {parent} does not exist")
    if not os.access(parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise CommandError(f"--report {path}: not writable")


def run(args: argparse.Namespace, output: Output) -> int:
    spec = load_bundled_spec()
    ops = operations(spec)
    rate = parse_rate(args.rate)
    selected = [find_operation(ops, name).operation_id for name in args.operation]
    idents = parse_idents(args.ident, ops.values())
    if args.report is not None:
        check_report_path(args.report)
    judge = Judge(spec)
    steps = plan(spec, ops, idents, selected)

    from nitrobox_auth import TokenProvider

    with (
        open_target(output, force_sandbox=args.sandbox) as target,
        TokenProvider.from_settings(target.settings, cache=shared_token_cache(target)) as provider,
    ):
        # One token for the run, fetched up front: a refused credential stops the run here
        # (exit 2, the provider's message once) instead of failing every operation alike.
        provider.get_token()
        if target.sandbox is not None:
            seed_sandbox(target, provider, output)
        results = _probe(steps, target, provider, judge, rate)

    _print_table(output, results)
    counts = {outcome: sum(r.outcome == outcome for r in results) for outcome in OUTCOMES}
    output.line(
        f"{len(results)} operation{'' if len(results) == 1 else 's'}: "
        + ", ".join(f"{counts[o]} {o}" for o in OUTCOMES)
        + f" ({target.description})"
    )
    if args.report is not None:
        _write_report(args.report, target, spec, results)
        output.note(f"wrote the report to {args.report}")
    failed = counts[CONTRADICTED] + counts[UNREACHABLE] + counts[ERROR]
    return 1 if failed else 0


def _probe(
    steps: Sequence[Step], target: Target, provider: TokenProvider, judge: Judge, rate: float
) -> list[Result]:
    from nitrobox_auth import create_client
    from nitrobox_auth.transport._wrapping import default_transports

    inner, _ = default_transports(target.settings.api_base_url, {})
    client = create_client(
        target.settings, provider=provider, transport=PacedTransport(inner, rate)
    )
    with client.get_httpx_client() as http:
        return run_steps(steps, http, judge)


def run_steps(steps: Sequence[Step], http: httpx.Client, judge: Judge) -> list[Result]:
    """Send the planned steps in order through ``http``; each result feeds later steps."""
    results: list[Result] = []
    by_id: dict[str, Result] = {}
    for step in steps:
        result = _run_step(step, http, judge, by_id)
        by_id[step.op.operation_id] = result
        results.append(result)
    return results


def _run_step(
    step: Step, http: httpx.Client, judge: Judge, earlier: Mapping[str, Result]
) -> Result:
    if step.skip is not None:
        return Result(step, SKIPPED)
    values = dict(step.given)
    # An address of *this* customer: a parameter its producer was itself sent with (the
    # customer's ident for the address list) keeps that value, so idents stay consistent.
    for source in step.sources.values():
        produced = earlier.get(source.producer)
        for name, value in (produced.values if produced else {}).items():
            if name in step.sources and name not in values:
                values[name] = value
    for name, source in step.sources.items():
        if name in values:
            continue
        produced = earlier.get(source.producer)
        if produced is None or produced.data is None:
            if produced is None:
                why = "was not run"
            elif produced.outcome == SKIPPED:
                why = "was skipped"
            else:
                why = "gave no 2xx JSON answer"
            return Result(
                _skipped(step, f"{source.producer} {why}: give --ident {name}=VALUE"), SKIPPED
            )
        found = first_value(produced.data, source.fields)
        if found is None:
            return Result(
                _skipped(
                    step,
                    f"{source.producer} answered no item with {'/'.join(source.fields)}: "
                    f"give --ident {name}=VALUE",
                ),
                SKIPPED,
            )
        values[name] = found
    path = step.op.path
    for name, value in values.items():
        path = path.replace("{" + name + "}", quote(value, safe=""))
    try:
        with http.stream("GET", path, params=step.query, headers=dict(step.headers)) as response:
            body, complete = _read_bounded(response)
    except (NitroboxError, httpx.HTTPError) as exc:
        # The type only: messages of transport errors may quote the URL, and so an ident.
        return Result(step, ERROR, problems=(f"no answer: {type(exc).__name__}",))
    if not complete:
        return Result(
            step,
            ERROR,
            response.status_code,
            (f"the answer is larger than {MAX_BODY_BYTES // (1024 * 1024)} MiB; not judged",),
        )
    verdict = judge.judge(
        step.op.path,
        step.op.method,
        response.status_code,
        response.headers.get("content-type", ""),
        body,
    )
    data = None
    if response.is_success and "json" in response.headers.get("content-type", ""):
        try:
            data = strict_json.loads(body, max_depth=MAX_ANSWER_DEPTH)
        except strict_json.StrictJSONError:
            data = None
    return Result(step, verdict.outcome, response.status_code, verdict.problems, data, values)


def _skipped(step: Step, reason: str) -> Step:
    return Step(step.op, skip=reason)


def _read_bounded(response: httpx.Response) -> tuple[bytes, bool]:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return b"", False
        chunks.append(chunk)
    return b"".join(chunks), True


def _print_table(output: Output, results: Sequence[Result]) -> None:
    width = max([len("operation"), *(len(r.step.op.operation_id) for r in results)])
    output.line(f"{'operation':<{width}}  {'outcome':<12}  reason")
    for r in results:
        output.line(f"{r.step.op.operation_id:<{width}}  {r.outcome:<12}  {r.reason()}".rstrip())


def _report(target: Target, spec: Mapping[str, Any], results: Sequence[Result]) -> dict[str, Any]:
    settings = target.settings
    return {
        "target": {
            "description": target.description,
            "api_base_url": redact_url(settings.api_base_url),
            "tenant": settings.tenant,
            "sandbox": target.sandbox is not None,
        },
        "spec": {
            "title": spec.get("info", {}).get("title"),
            "version": spec.get("info", {}).get("version"),
            "checksum": bundled_spec_checksum(),
        },
        "operations": [
            {
                "operationId": r.step.op.operation_id,
                "method": r.step.op.method,
                "path": r.step.op.path,
                "outcome": r.outcome,
                "status": r.status,
                "problems": list(r.problems) if r.outcome != SKIPPED else [r.reason()],
            }
            for r in results
        ],
    }


def _write_report(
    path: Path, target: Target, spec: Mapping[str, Any], results: Sequence[Result]
) -> None:
    text = json.dumps(_report(target, spec, results), indent=2, ensure_ascii=False) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot write the report to {path}: {exc.strerror}") from exc
