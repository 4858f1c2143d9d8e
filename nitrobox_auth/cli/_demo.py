"""``nitrobox demo``: the end-to-end billing flow, step by step, with timings."""

from __future__ import annotations

import argparse

from nitrobox_auth.cli._output import Output


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("demo", help="run an end-to-end billing flow")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, output: Output) -> int:
    raise NotImplementedError
