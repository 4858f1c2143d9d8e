"""``nitrobox probe``: send every GET of the bundled spec it can fill and judge each answer.

Read-only by default: besides the one token request it sends GET requests only; write
operations are listed as skipped. With ``--writes`` it also sends every write operation, on
records it creates for the run (``_probe_writes``, ``_probe_write_run``), never against
production (``_probe_safety``). See docs/cli.md for the options and docs/spec.md for what to
do with a report (``scripts/apply_evidence.py``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx

from nitrobox_auth._bundled_spec import bundled_spec_checksum, load_bundled_spec
from nitrobox_auth._logging import redact_url
from nitrobox_auth.cli._errors import CommandError
from nitrobox_auth.cli._operations import find_operation, operations
from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._parser import add_sandbox_flag
from nitrobox_auth.cli._probe_body import BodyBuilder
from nitrobox_auth.cli._probe_judge import (
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
from nitrobox_auth.cli._probe_presence import Presence
from nitrobox_auth.cli._probe_result import MAX_BODY_BYTES, Result, exchange, json_answer
from nitrobox_auth.cli._probe_safety import (
    WRITE_FINDING_NOTE,
    new_run_id,
    now,
    print_plan,
    print_records,
    refuse_production,
)
from nitrobox_auth.cli._probe_seed import seed_sandbox
from nitrobox_auth.cli._probe_write_run import WriteRun
from nitrobox_auth.cli._probe_writes import plan_writes
from nitrobox_auth.cli._target import Target, open_target, shared_token_cache

if TYPE_CHECKING:
    from nitrobox_auth import TokenProvider


NAME = "probe"
HELP = "check a tenant against the bundled spec (reads; with --writes, writes too)"
DESCRIPTION = (
    "Send every GET operation of the bundled spec that can be filled (page=0, size=1; "
    "path parameters from earlier answers or --ident) and judge each answer against "
    "the documented status, content type and schema. Only GET requests are sent "
    "besides the one token request, unless --writes is given: then every write "
    "operation too, on records it creates (never against production). Exit status: "
    "0 when nothing is contradicted, unreachable or error, 1 otherwise, 2 for bad input."
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
    add_sandbox_flag(parser)
    parser.add_argument(
        "--writes",
        action="store_true",
        help=(
            "also send every write operation, creating records whose idents start with "
            "probe-<run id>- and removing them where the spec can (never against production)"
        ),
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="with --writes: print the plan and send nothing"
    )
    parser.add_argument(
        "--spec",
        type=Path,
        metavar="FILE",
        help="judge against this OpenAPI JSON file instead of the bundled spec",
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
    spec = load_probe_spec(args.spec)
    ops = operations(spec)
    rate = parse_rate(args.rate)
    selected = [find_operation(ops, name).operation_id for name in args.operation]
    writes = bool(args.writes)
    if args.dry_run and not writes:
        raise CommandError("--dry-run goes with --writes (the read probe sends GET requests only)")
    idents = parse_idents(args.ident, ops.values(), methods=None if writes else ("GET",))
    if args.report is not None:
        check_report_path(args.report)
    if writes:
        refuse_production(force_sandbox=args.sandbox)
    judge = Judge(spec)
    write_steps = plan_writes(spec, ops, selected) if writes else []
    if not writes:
        steps = plan(spec, ops, idents, selected)
    else:
        # The reads asked for (all without --operation), then the writes on their own plan.
        reads = [oid for oid in selected if ops[oid].method == "GET"]
        steps = plan(spec, ops, idents, reads) if reads or not selected else []
        steps = [s for s in steps if s.op.method == "GET"]
    run_id = new_run_id()
    builder = BodyBuilder(spec, run_id, now())
    if writes:
        print_plan(output, write_steps, builder)
        if args.dry_run:
            output.note("--dry-run: nothing was sent")
            return 0

    from nitrobox_auth import TokenProvider

    presence = Presence(spec)
    records: list[dict[str, Any]] = []
    with (
        open_target(output, force_sandbox=args.sandbox) as target,
        TokenProvider.from_settings(target.settings, cache=shared_token_cache(target)) as provider,
    ):
        # One token for the run, fetched up front: a refused credential stops the run here
        # (exit 2, the provider's message once) instead of failing every operation alike.
        provider.get_token()
        if target.sandbox is not None:
            seed_sandbox(target, provider, output)
        with _client(target, provider, rate) as http:
            results = run_steps(steps, http, judge, presence)
            if writes:
                runner = WriteRun(
                    spec,
                    judge,
                    presence,
                    builder,
                    idents,
                    invent_parents=target.sandbox is not None,
                )
                results += runner.run(write_steps, partial(exchange, http))
                records = runner.record_report()

    _print_table(output, results)
    counts = {outcome: sum(r.outcome == outcome for r in results) for outcome in OUTCOMES}
    output.line(
        f"{len(results)} operation{'' if len(results) == 1 else 's'}: "
        + ", ".join(f"{counts[o]} {o}" for o in OUTCOMES)
        + f" ({target.description})"
    )
    if writes:
        print_records(output, records)
    if args.report is not None:
        report = _report(target, spec, results, args.spec)
        report["probe"] = {"date": now().date().isoformat(), "runId": run_id, "writes": writes}
        report["schemas"] = presence.report()
        if writes:
            report["records"] = records
            report["notes"] = [WRITE_FINDING_NOTE]
        _write_report(args.report, report)
        output.note(f"wrote the report to {args.report}")
    failed = counts[CONTRADICTED] + counts[UNREACHABLE] + counts[ERROR]
    return 1 if failed else 0


def load_probe_spec(path: Path | None) -> dict[str, Any]:
    """The bundled spec, or ``--spec FILE`` (an OpenAPI JSON document, such as a bundle)."""
    if path is None:
        return load_bundled_spec()
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommandError(f"--spec {path}: cannot read it as JSON ({exc})") from exc
    if not isinstance(document, dict) or not isinstance(document.get("paths"), dict):
        raise CommandError(f"--spec {path}: not an OpenAPI document (no paths)")
    return document


@contextmanager
def _client(target: Target, provider: TokenProvider, rate: float) -> Iterator[httpx.Client]:
    from nitrobox_auth import create_client
    from nitrobox_auth.transport._wrapping import default_transports

    inner, _ = default_transports(target.settings.api_base_url, {})
    client = create_client(
        target.settings, provider=provider, transport=PacedTransport(inner, rate)
    )
    with client.get_httpx_client() as http:
        yield http


def run_steps(
    steps: Sequence[Step], http: httpx.Client, judge: Judge, presence: Presence | None = None
) -> list[Result]:
    """Send the planned steps in order through ``http``; each result feeds later steps."""
    results: list[Result] = []
    by_id: dict[str, Result] = {}
    for step in steps:
        result = _run_step(step, http, judge, by_id, presence)
        by_id[step.op.operation_id] = result
        results.append(result)
    return results


def _run_step(
    step: Step,
    http: httpx.Client,
    judge: Judge,
    earlier: Mapping[str, Result],
    presence: Presence | None = None,
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
    answer = exchange(http, "GET", path, params=step.query, headers=dict(step.headers))
    if isinstance(answer, str):
        return Result(step, ERROR, problems=(f"no answer: {answer}",))
    if not answer.complete:
        return Result(
            step,
            ERROR,
            answer.status,
            (f"the answer is larger than {MAX_BODY_BYTES // (1024 * 1024)} MiB; not judged",),
        )
    verdict = judge.judge(
        step.op.path, step.op.method, answer.status, answer.content_type, answer.body
    )
    data = json_answer(answer)
    if data is not None and presence is not None:
        schema = judge.response_schema(
            step.op.path, step.op.method, answer.status, answer.content_type
        )
        if schema is not None:
            presence.count(schema, data)
    return Result(step, verdict.outcome, answer.status, verdict.problems, data, values)


def _skipped(step: Step, reason: str) -> Step:
    return Step(step.op, skip=reason)


def _print_table(output: Output, results: Sequence[Result]) -> None:
    width = max([len("operation"), *(len(r.step.op.operation_id) for r in results)])
    output.line(f"{'operation':<{width}}  {'outcome':<12}  reason")
    for r in results:
        output.line(f"{r.step.op.operation_id:<{width}}  {r.outcome:<12}  {r.reason()}".rstrip())


def _report(
    target: Target, spec: Mapping[str, Any], results: Sequence[Result], spec_file: Path | None
) -> dict[str, Any]:
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
            "checksum": (
                bundled_spec_checksum()
                if spec_file is None
                else "sha256:" + hashlib.sha256(spec_file.read_bytes()).hexdigest()
            ),
        },
        "operations": [
            {
                "operationId": r.step.op.operation_id,
                "method": r.step.op.method,
                "path": r.step.op.path,
                "outcome": r.outcome,
                "status": r.status,
                "problems": list(r.problems) if r.outcome != SKIPPED else [r.reason()],
                "phase": r.phase,
                **(
                    {"refusedFields": [{"field": f, "code": c} for f, c in r.refused]}
                    if r.refused
                    else {}
                ),
            }
            for r in results
        ],
    }


def _write_report(path: Path, report: Mapping[str, Any]) -> None:
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CommandError(f"cannot write the report to {path}: {exc.strerror}") from exc
