"""``nitrobox call OPERATION_ID``: any operation of the bundled spec, sent authenticated."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from nitrobox_auth._bundled_spec import load_bundled_spec
from nitrobox_auth.cli._errors import CommandError
from nitrobox_auth.cli._operations import (
    build_request,
    find_operation,
    operations,
    parse_json_body,
    parse_params,
)
from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._parser import add_sandbox_flag
from nitrobox_auth.cli._target import open_target, shared_token_cache

NAME = "call"
HELP = "call any operation of the bundled spec and print the JSON answer"
DESCRIPTION = (
    "Call one operation of the bundled OpenAPI spec by its operationId. Path, query "
    "and header parameters come from --param NAME=VALUE (repeat a query parameter "
    "for an array); the JSON body from --json."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("operation_id", nargs="?", metavar="OPERATION_ID")
    parser.add_argument(
        "-p",
        "--param",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="a path, query or header parameter (repeatable)",
    )
    parser.add_argument(
        "--json",
        metavar="BODY",
        help="the JSON request body, @FILE to read it from a file, @- from stdin",
    )
    parser.add_argument(
        "-o", "--output", type=Path, help="write a non-JSON answer (a PDF) to this file"
    )
    parser.add_argument("--list", action="store_true", help="list every operation and exit")
    add_sandbox_flag(parser)


def read_body(value: str | None) -> tuple[Any, bool]:
    if value is None:
        return None, False
    if value == "@-":
        return parse_json_body(sys.stdin.read(), source="the body read from stdin"), True
    if value.startswith("@"):
        path = Path(value[1:])
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"cannot read the JSON body from {path}: {exc.strerror}") from exc
        except UnicodeDecodeError:
            raise CommandError(f"the JSON body in {path} is not UTF-8 text") from None
        return parse_json_body(text, source=str(path)), True
    return parse_json_body(value, source="--json"), True


def run(args: argparse.Namespace, output: Output) -> int:
    ops = operations(load_bundled_spec())
    if args.list:
        for op in sorted(ops.values(), key=lambda o: (o.path, o.method)):
            output.line(f"{op.operation_id:<44} {op.method:<6} {op.path}  {op.summary}".rstrip())
        return 0
    if not args.operation_id:
        raise CommandError("give an OPERATION_ID (see `nitrobox call --list`)")
    op = find_operation(ops, args.operation_id)
    body, has_body = read_body(args.json)
    prepared = build_request(op, parse_params(args.param), body=body, has_body=has_body)

    from nitrobox_auth import TokenProvider, create_client

    with (
        open_target(output, force_sandbox=args.sandbox) as target,
        TokenProvider.from_settings(target.settings, cache=shared_token_cache(target)) as provider,
    ):
        client = create_client(target.settings, provider=provider)
        with client.get_httpx_client() as http:
            started = time.perf_counter()
            response = http.request(
                prepared.method,
                prepared.path,
                params=tuple(prepared.query),
                headers=prepared.headers,
                json=prepared.json_body if prepared.has_body else None,
            )
            elapsed_ms = (time.perf_counter() - started) * 1000

    output.note(
        f"{op.operation_id}: {prepared.method} {prepared.path} -> "
        f"{response.status_code} {response.reason_phrase} ({elapsed_ms:.0f} ms)"
    )
    content_type = response.headers.get("content-type", "")
    if "json" in content_type:
        output.json(response.json())
    elif response.content:
        if args.output is not None:
            args.output.write_bytes(response.content)
            output.note(f"wrote {len(response.content)} bytes ({content_type}) to {args.output}")
        elif content_type.startswith("text/"):
            output.line(response.text)
        else:
            output.note(
                f"{len(response.content)} bytes of {content_type or 'unknown type'}; "
                "use --output FILE to save them"
            )
    if response.is_success:
        return 0
    output.error(f"{op.operation_id} answered HTTP {response.status_code}")
    return 1
