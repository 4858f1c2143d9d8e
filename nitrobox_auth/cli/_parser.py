"""The command line's parsers: one place for how every subcommand is parsed.

- ``allow_abbrev=False`` everywhere: ``--usage 3`` is an error, not ``--usages 3``.
- A mistake after a subcommand is reported by that subcommand's parser, with its own
  usage line (argparse's default hands unknown flags back to the top-level parser).
- Each subcommand module declares ``NAME``, ``HELP``, ``DESCRIPTION``, ``add_arguments``
  (one ``parser.add_argument`` line per flag) and ``run``; :func:`build_parser` does the rest.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any, Protocol

from nitrobox_auth.cli._output import Output


class Command(Protocol):
    """What a subcommand module provides."""

    NAME: str
    HELP: str
    DESCRIPTION: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, output: Output) -> int: ...


class _SubcommandParser(argparse.ArgumentParser):
    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:  # here, so the message carries this subcommand's usage line
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def add_sandbox_flag(parser: argparse.ArgumentParser) -> None:
    """``--sandbox``, for every command that can talk to a real environment."""
    parser.add_argument(
        "--sandbox", action="store_true", help="use an embedded sandbox even if credentials are set"
    )


def build_parser(description: str, commands: Sequence[Command]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nitrobox", description=description, allow_abbrev=False)
    subparsers = parser.add_subparsers(
        title="commands",
        metavar="COMMAND",
        required=True,
        parser_class=_SubcommandParser,
    )
    for command in commands:
        options: dict[str, Any] = {"help": command.HELP, "description": command.DESCRIPTION}
        sub = subparsers.add_parser(command.NAME, allow_abbrev=False, **options)
        command.add_arguments(sub)
        sub.set_defaults(handler=command.run)
    return parser
