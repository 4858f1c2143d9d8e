"""The ``nitrobox`` command: ``demo``, ``token``, ``sandbox``, ``call`` and ``probe``.

Each subcommand lives in its own module; heavy imports (the generated client, the sandbox's
ASGI stack) happen inside the subcommand that needs them, so ``nitrobox --help`` stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import httpx

from nitrobox_auth._bundled_spec import BundledSpecError
from nitrobox_auth._errors import NitroboxError, SettingsError
from nitrobox_auth.cli import _call, _demo, _probe, _sandbox_cmd, _token_cmd
from nitrobox_auth.cli._errors import CommandError, UnknownOperationError
from nitrobox_auth.cli._output import Output

__all__ = ["CommandError", "UnknownOperationError", "build_parser", "main"]

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nitrobox",
        description=(
            "Nitrobox from the command line. Without NITROBOX_* credentials in the environment, "
            "commands run against an embedded sandbox on 127.0.0.1."
        ),
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    _demo.add_parser(subparsers)
    _token_cmd.add_parser(subparsers)
    _sandbox_cmd.add_parser(subparsers)
    _call.add_parser(subparsers)
    _probe.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    output = Output(sys.stdout, sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    try:
        code: int = args.handler(args, output)
    except (CommandError, SettingsError, BundledSpecError) as exc:
        output.error(str(exc))
        return EXIT_USAGE
    except NitroboxError as exc:
        output.error(f"{type(exc).__name__}: {exc}")
        return EXIT_FAILURE
    except httpx.TransportError as exc:
        where = exc.request.url.copy_with(query=None) if _has_request(exc) else "the server"
        output.error(f"cannot reach {where}: {type(exc).__name__}: {exc}")
        return EXIT_FAILURE
    except KeyboardInterrupt:
        output.error("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`nitrobox call --list | head`): not an error worth a traceback.
        _silence_stdout()
        return EXIT_FAILURE
    return code


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file (captured in tests)
        pass


def _has_request(exc: httpx.TransportError) -> bool:
    try:
        exc.request  # noqa: B018 - raises RuntimeError when the error has no request
    except RuntimeError:
        return False
    return True
