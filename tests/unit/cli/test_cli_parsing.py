"""How every subcommand is parsed and what it says when it fails: its own usage, no
abbreviated flags, the exit-code table of docs/cli.md, library warnings once."""

from __future__ import annotations

import argparse
import logging
import re
import warnings
from pathlib import Path

import pytest

from nitrobox_auth.cli import COMMANDS, ExitCode, build_parser, main
from nitrobox_auth.cli._output import Output

DOCS = Path(__file__).resolve().parents[3] / "docs" / "cli.md"
NAMES = [command.NAME for command in COMMANDS]


def _long_options(name: str) -> list[str]:
    parser = build_parser()
    sub = next(
        action for action in parser._actions if isinstance(action, argparse._SubParsersAction)
    ).choices[name]
    return [
        option
        for action in sub._actions
        for option in action.option_strings
        if option.startswith("--") and option != "--help" and len(option) > 4
    ]


@pytest.mark.parametrize("name", NAMES)
def test_a_wrong_flag_after_a_subcommand_shows_that_subcommands_usage(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """`nitrobox NAME --no-such-flag`: exit 2 with `usage: nitrobox NAME`, not the top one."""
    assert main([name, "--no-such-flag"]) == ExitCode.USAGE
    out, err = capsys.readouterr()
    assert err.startswith(f"usage: nitrobox {name} ")
    assert f"nitrobox {name}: error: unrecognized arguments: --no-such-flag" in err
    assert out == ""


@pytest.mark.parametrize("name", NAMES)
def test_abbreviated_flags_are_refused(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Every long flag of every subcommand, cut short by one letter, is an error."""
    for option in _long_options(name):
        assert main([name, option[:-1], "1"]) == ExitCode.USAGE, option
        _, err = capsys.readouterr()
        assert f"usage: nitrobox {name}" in err


def test_demo_usage_3_is_not_taken_as_usages(capsys: pytest.CaptureFixture[str]) -> None:
    """The case a user hit: `--usage 3` was silently `--usages 3`."""
    assert main(["demo", "--usage", "3"]) == ExitCode.USAGE
    _, err = capsys.readouterr()
    assert "unrecognized arguments: --usage 3" in err


def test_the_top_level_parser_refuses_abbreviations_too(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`nitrobox --hel` is not `--help`."""
    assert main(["--hel"]) == ExitCode.USAGE
    _, err = capsys.readouterr()
    assert err.startswith("usage: nitrobox ")


def test_the_exit_code_table_in_the_docs_is_the_codes_table() -> None:
    """docs/cli.md's table lists exactly the codes of ExitCode, each once."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    documented = [int(code) for code in re.findall(r"^\| `(\d+)` \|", section, re.MULTILINE)]
    assert documented == [code.value for code in ExitCode]


def _noisy(args: argparse.Namespace, output: Output) -> int:
    for _ in range(3):
        logging.getLogger("nitrobox.auth").warning("the shared cache %s failed", "X")
        logging.getLogger("nitrobox_sandbox.notifications").warning("a delivery failed")
        logging.getLogger("nitrobox.http").info("an info line is not shown")
        warnings.warn("old name", DeprecationWarning, stacklevel=1)
    return 0


def test_library_warnings_reach_stderr_once(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Records of WARNING from the nitrobox loggers and Python warnings: each shown once."""
    from nitrobox_auth.cli import _token_cmd

    monkeypatch.setattr(_token_cmd, "run", _noisy)
    with warnings.catch_warnings():
        warnings.simplefilter("always")  # as a user's interpreter would show them
        assert main(["token"]) == ExitCode.OK
    _, err = capsys.readouterr()
    assert err.splitlines() == [
        "nitrobox: warning: the shared cache X failed",
        "nitrobox: warning: a delivery failed",
        "nitrobox: warning: DeprecationWarning: old name",
    ]
    assert not logging.getLogger("nitrobox").handlers[1:]  # the handler is gone after
