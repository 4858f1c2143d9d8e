"""``nitrobox sandbox``: serve the sandbox on a loopback port until Ctrl-C."""

from __future__ import annotations

import argparse

from nitrobox_auth.cli._output import Output


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("sandbox", help="serve a local Nitrobox sandbox until Ctrl-C")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, output: Output) -> int:
    raise NotImplementedError
