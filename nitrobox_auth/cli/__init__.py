"""The ``nitrobox`` command: ``demo``, ``token``, ``sandbox``, ``call`` and ``probe``.

Each subcommand lives in its own module; heavy imports (the generated client, the sandbox's
ASGI stack) happen inside the subcommand that needs them, so ``nitrobox --help`` stays fast.
Every command exits with a code of :class:`ExitCode` (the table in docs/cli.md) and shows
the library's warnings on stderr, each once.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

import httpx

from nitrobox_auth._bundled_spec import BundledSpecError
from nitrobox_auth._errors import InvalidClientError, NitroboxError, SettingsError
from nitrobox_auth.cli import _call, _demo, _probe, _sandbox_cmd, _token_cmd
from nitrobox_auth.cli._errors import CommandError, UnknownOperationError
from nitrobox_auth.cli._exit import ExitCode
from nitrobox_auth.cli._library_warnings import library_warnings_to
from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._parser import build_parser as _build_parser

__all__ = ["CommandError", "ExitCode", "UnknownOperationError", "build_parser", "main"]

COMMANDS = (_demo, _token_cmd, _sandbox_cmd, _call, _probe)


def build_parser() -> argparse.ArgumentParser:
    return _build_parser(
        "Nitrobox from the command line. Without NITROBOX_* credentials in the environment, "
        "commands run against an embedded sandbox on 127.0.0.1.",
        COMMANDS,
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    output = Output(sys.stdout, sys.stderr)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits on --help and on usage errors
        return exc.code if isinstance(exc.code, int) else ExitCode.USAGE
    with library_warnings_to(output.err):
        return _run(args, output)


def _run(args: argparse.Namespace, output: Output) -> int:
    try:
        return int(args.handler(args, output))
    except (CommandError, SettingsError, BundledSpecError) as exc:
        output.error(str(exc))
        return ExitCode.USAGE
    except InvalidClientError as exc:
        # Configuration, like a missing variable: retrying the same credentials cannot help.
        output.error(f"{type(exc).__name__}: {exc} (NITROBOX_CLIENT_ID, NITROBOX_CLIENT_SECRET)")
        return ExitCode.USAGE
    except NitroboxError as exc:
        output.error(f"{type(exc).__name__}: {exc}")
        return ExitCode.FAILED
    except httpx.TransportError as exc:
        where = exc.request.url.copy_with(query=None) if _has_request(exc) else "the server"
        output.error(f"cannot reach {where}: {type(exc).__name__}: {exc}")
        return ExitCode.FAILED
    except KeyboardInterrupt:
        output.error("interrupted")
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`nitrobox call --list | head`): not an error worth a traceback.
        _silence_stdout()
        return ExitCode.FAILED


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
