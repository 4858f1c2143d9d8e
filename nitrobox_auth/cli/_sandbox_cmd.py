"""``nitrobox sandbox``: serve the sandbox on a loopback port until Ctrl-C."""

from __future__ import annotations

import argparse
import re
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from nitrobox_auth._logging import redact_url
from nitrobox_auth.cli._errors import CommandError
from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._sandbox_seam import sandbox_class, sandbox_errors

NAME = "sandbox"
HELP = "serve a local Nitrobox sandbox on 127.0.0.1 until Ctrl-C"
DESCRIPTION = (
    "Serve the Nitrobox sandbox (token endpoint, every operation of the bundled spec, "
    "stateful core resources) on 127.0.0.1 and print the URL and credentials to use."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=0, help="TCP port (default: a free one)")
    parser.add_argument(
        "--spec",
        metavar="FILE",
        help=(
            "serve this OpenAPI JSON document instead of the bundled spec (a bundle of "
            "Nitrobox's official files, or a changed copy)"
        ),
    )
    parser.add_argument("--tenant", default="sandbox", help="tenant in the token URL")
    parser.add_argument("--client-id", default="sandbox-client", help="accepted client ID")
    parser.add_argument("--client-secret", default="sandbox-secret", help="accepted client secret")
    parser.add_argument(
        "--token-lifetime",
        type=float,
        default=300.0,
        metavar="SECONDS",
        help="lifetime of issued tokens (default 300)",
    )
    parser.add_argument(
        "--seed-data",
        metavar="FILE",
        help=(
            "store these resources before serving: a JSON (.json) or YAML file mapping kinds "
            "(customers, contracts, ...) to lists of create bodies, validated like requests"
        ),
    )
    faults = parser.add_argument_group("fault injection")
    faults.add_argument(
        "--rate-limit",
        type=int,
        metavar="N",
        help="allow N API requests per window, answer 429 with Retry-After beyond",
    )
    faults.add_argument(
        "--rate-limit-window",
        type=float,
        metavar="SECONDS",
        help="length of the rate-limit window (default 1)",
    )
    faults.add_argument(
        "--error-rate",
        type=float,
        metavar="SHARE",
        help="share of API requests answered with a 5xx, 0.0 to 1.0",
    )
    faults.add_argument("--error-status", type=int, metavar="STATUS", help="that 5xx (default 503)")
    faults.add_argument(
        "--latency", type=float, metavar="SECONDS", help="delay added to every API request"
    )
    faults.add_argument("--seed", type=int, help="seed of the 5xx draw (same faults every run)")
    faults.add_argument(
        "--faults-on-token-endpoint",
        action="store_true",
        help="let the token endpoint suffer the same faults",
    )
    notify = parser.add_argument_group(
        "notifications",
        "deliver notifications (customer.created, invoice.archived, ...) to your endpoint, "
        "authenticating the way Nitrobox does",
    )
    notify.add_argument("--notify-url", metavar="URL", help="your notification endpoint")
    notify.add_argument(
        "--notify-token-url", metavar="URL", help="your token endpoint (HTTP Basic + form grant)"
    )
    notify.add_argument(
        "--notify-client-id", metavar="ID", help="client ID for your token endpoint"
    )
    notify.add_argument(
        "--notify-client-secret", metavar="SECRET", help="client secret for your token endpoint"
    )
    notify.add_argument(
        "--notify-type",
        action="append",
        metavar="TYPE",
        help="only this notification type (repeatable; default: all)",
    )


_NOTIFY_OPTIONS = ("notify_url", "notify_token_url", "notify_client_id", "notify_client_secret")


def notify_settings(args: argparse.Namespace) -> dict[str, Any] | None:
    """The subscription the options ask for; all four or none of them."""
    given = {name: getattr(args, name, None) for name in _NOTIFY_OPTIONS}
    if not any(given.values()):
        if getattr(args, "notify_type", None):
            raise CommandError("--notify-type needs --notify-url and the other --notify-* options")
        return None
    missing = ["--" + name.replace("_", "-") for name, value in given.items() if not value]
    if missing:
        raise CommandError(f"--notify-url needs {', '.join(missing)} as well")
    return {
        "url": given["notify_url"],
        "token_url": given["notify_token_url"],
        "client_id": given["notify_client_id"],
        "client_secret": given["notify_client_secret"],
        "types": getattr(args, "notify_type", None),
    }


_FAULT_NAMES = ("rate_limit", "rate_limit_window", "error_rate", "error_status", "latency", "seed")

# The sandbox names a bad setting as Python does (error_rate); the user typed a flag.
_SANDBOX_FLAGS = {
    "tenant": "--tenant",
    "client_id": "--client-id",
    "client_secret": "--client-secret",
    "token_lifetime": "--token-lifetime",
}
_FAULT_FLAGS = {name: "--" + name.replace("_", "-") for name in _FAULT_NAMES} | {
    "token_endpoint": "--faults-on-token-endpoint"
}
_NOTIFY_FLAGS = {
    "url": "--notify-url",
    "token_url": "--notify-token-url",
    "client_id": "--notify-client-id",
    "client_secret": "--notify-client-secret",
    "types": "--notify-type",
}


def in_flag_terms(message: str, flags: Mapping[str, str]) -> str:
    """``message`` with the setting names in ``flags`` replaced by their flags. Only the
    part before ``, got`` is rewritten: what follows quotes the value the user gave."""
    names = sorted(flags, key=len, reverse=True)  # rate_limit_window before rate_limit
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?![\w-])")
    head, got, value = message.partition(", got ")
    return pattern.sub(lambda m: flags[m.group(1)], head) + got + value


@contextmanager
def _flags_in_errors(flags: Mapping[str, str], config_error: type[Exception]) -> Iterator[None]:
    try:
        yield
    except config_error as exc:
        raise CommandError(in_flag_terms(str(exc), flags)) from exc


def fault_settings(args: argparse.Namespace) -> dict[str, Any]:
    """Only the fault options given; the sandbox validates them and names a bad one."""
    chosen: dict[str, Any] = {name: getattr(args, name) for name in _FAULT_NAMES}
    chosen = {name: value for name, value in chosen.items() if value is not None}
    if args.faults_on_token_endpoint:
        chosen["token_endpoint"] = True
    return chosen


def run(args: argparse.Namespace, output: Output) -> int:
    sandbox_cls = sandbox_class()
    config_error, _ = sandbox_errors()

    faults = fault_settings(args)
    notify = notify_settings(args)
    with _flags_in_errors(_SANDBOX_FLAGS, config_error):
        sandbox = sandbox_cls(
            tenant=args.tenant,
            client_id=args.client_id,
            client_secret=args.client_secret,
            token_lifetime=args.token_lifetime,
            spec=args.spec,
        )
    if faults:
        with _flags_in_errors(_FAULT_FLAGS, config_error):
            sandbox.configure_faults(**faults)
    if notify is not None:
        url = notify.pop("url")
        with _flags_in_errors(_NOTIFY_FLAGS, config_error):
            sandbox.subscribe(url, **notify)
    try:
        seeded = sandbox.load(args.seed_data) if args.seed_data else None
    except config_error as exc:  # a bad seed names its record and field, not a flag
        raise CommandError(str(exc)) from exc
    sandbox.start(port=args.port)
    try:
        settings = sandbox.settings()
        output.line(f"Nitrobox sandbox listening on {sandbox.base_url}")
        if args.spec:
            output.line(f"  spec           {args.spec}")
        output.line(f"  token URL      {settings.token_url}")
        output.line(f"  tenant         {settings.tenant}")
        output.line(f"  client ID      {settings.client_id}")
        # These are the sandbox's own credentials, which the user needs to type; no real secret.
        output.line(f"  client secret  {settings.client_secret}")
        output.line(f"  token lifetime {args.token_lifetime:g} s")
        if faults:
            output.line("  faults         " + ", ".join(f"{k}={v}" for k, v in faults.items()))
        if seeded is not None:
            loaded = ", ".join(f"{count} {kind}" for kind, count in seeded.items()) or "nothing"
            output.line(f"  seed data      {args.seed_data} ({loaded})")
        output.line(f"  stats          {sandbox.base_url}/_sandbox/stats")
        output.line(f"  scripts        {sandbox.base_url}/_sandbox/scripts")
        output.line(f"  journal        {sandbox.base_url}/_sandbox/calls")
        if notify is not None:
            output.line(
                f"  notifications  to {redact_url(args.notify_url)} "
                f"(token from {redact_url(args.notify_token_url)})"
            )
            output.line(f"  delivery log   {sandbox.base_url}/_sandbox/notifications")
        output.line("Point the client or the nitrobox command at it:")
        output.line(
            f"  export NITROBOX_BASE_URL={sandbox.base_url} NITROBOX_TENANT={settings.tenant} "
            f"NITROBOX_CLIENT_ID={settings.client_id} "
            f"NITROBOX_CLIENT_SECRET={settings.client_secret}"
        )
        output.line("Press Ctrl-C to stop.")
        threading.Event().wait()  # until Ctrl-C raises KeyboardInterrupt here
    except KeyboardInterrupt:
        output.note("stopping the sandbox")
    finally:
        sandbox.stop()
    return 0
