"""What keeps ``nitrobox probe --writes`` safe: it never writes to production, and it says
what it will create before it sends anything, and what it left behind after."""

from __future__ import annotations

import datetime as dt
import os
import secrets
from collections.abc import Mapping, Sequence
from typing import Any
from urllib.parse import urlsplit

from nitrobox_auth._settings import ENV_ENVIRONMENT, NitroboxSettings
from nitrobox_auth.cli._errors import CommandError
from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._probe_body import BodyBuilder
from nitrobox_auth.cli._probe_writes import CREATE, END, WriteStep
from nitrobox_auth.cli._target import credentials_configured

# Production hosts: Nitrobox's, and the white-label Instellix one (facts 2, N1).
PRODUCTION_HOSTS = frozenset({"api.nitrobox.io", "api.instellix.io"})

WRITE_FINDING_NOTE = (
    "A write whose body was built from the spec and that the API refused (contradicted, with "
    "the fields it named) is the most valuable finding of a run: the spec's request schema is "
    "wrong there, and a suite that passes against the sandbox would fail on the tenant."
)


class ProductionRefusedError(CommandError):
    """``--writes`` against production: refused before anything is sent."""


def refuse_production(*, force_sandbox: bool, environ: Mapping[str, str] | None = None) -> None:
    """Raise unless the writes go to an embedded sandbox or a non-production environment."""
    env = os.environ if environ is None else environ
    if force_sandbox or not credentials_configured(env):
        return
    named = env.get(ENV_ENVIRONMENT, "").strip().lower()
    if named == "production":
        raise ProductionRefusedError(
            f"nitrobox probe --writes never runs against production ({ENV_ENVIRONMENT}="
            "production): point it at a stage or test tenant, or use --sandbox"
        )
    settings = NitroboxSettings.from_env(env)
    host = (urlsplit(settings.api_base_url).hostname or "").lower()
    if host in PRODUCTION_HOSTS:
        raise ProductionRefusedError(
            f"nitrobox probe --writes never runs against production (the API host is {host}): "
            "point it at a stage or test tenant, or use --sandbox"
        )


def new_run_id() -> str:
    """Short and unique enough to tell runs apart in idents (``probe-1a2b3c4d-customer``)."""
    return secrets.token_hex(4)


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


def print_plan(output: Output, steps: Sequence[WriteStep], builder: BodyBuilder) -> None:
    creates = [s for s in steps if s.phase == CREATE and s.skip is None]
    output.line(f"nitrobox probe --writes: run probe-{builder.run_id}; it will create:")
    for step in creates:
        ident = f"{step.own}={builder.ident(step.label + 'Ident')}" if step.own else "no ident"
        cleanup = step.cleanup
        if cleanup is None or cleanup.operation_id is None:
            removal = "the API cannot remove it" + (f" ({cleanup.reason})" if cleanup else "")
        else:
            removal = f"removed by {cleanup.operation_id}"
        output.line(f"  {step.op.operation_id}: {step.noun} {ident}; {removal}")
    changes = sum(s.phase not in (CREATE, END) for s in steps)
    ends = sum(s.phase == END for s in steps)
    output.line(
        f"  then {changes} change{'s' * (changes != 1)} and {ends} end operation"
        f"{'s' * (ends != 1)} on those records only"
    )


def print_records(output: Output, records: Sequence[Mapping[str, Any]]) -> None:
    if not records:
        output.line("created no record")
        return
    left = [r for r in records if not r["removed"]]
    output.line(
        f"created {len(records)} record{'s' * (len(records) != 1)}, removed "
        f"{len(records) - len(left)}; not removed:"
        if left
        else f"created {len(records)} record{'s' * (len(records) != 1)}, removed all of them"
    )
    for record in left:
        ident = record["ident"] or "(no ident of ours)"
        output.line(f"  {record['operationId']}: {record['record']} {ident}: {record['note']}")
