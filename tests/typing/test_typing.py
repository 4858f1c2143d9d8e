"""The idiomatic calls give success models to mypy --strict (tests/typing/typed_calls.py),
and the typed edges refuse a misspelt option."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from typing_helpers import MypyRun


def test_typed_calls_pass_mypy_strict(mypy_run: MypyRun) -> None:
    """Every assert_type in typed_calls.py holds: retrieve, create, list, download, no body."""
    assert mypy_run.of("typed_calls.py") == [], mypy_run.output


def test_the_typed_example_passes_mypy_strict(mypy_run: MypyRun) -> None:
    """examples/typed_client.py, and the generated code it calls, are clean under mypy
    --strict."""
    assert mypy_run.of("typed_client.py") == [], mypy_run.output


def test_the_check_fails_when_a_type_is_wrong(mypy_run: MypyRun) -> None:
    """The check has teeth: a wrong assert_type (the old `object`) is reported."""
    assert mypy_run.returncode == 1
    reported = "\n".join(mypy_run.of("wrong_type.py"))
    assert 'Expression is of type "Customer", not "object"' in reported


def test_a_misspelt_option_is_a_mypy_error(mypy_run: MypyRun) -> None:
    """create_client(header=), from_settings(transport=) and with_options(retries=) are
    errors that name the option; the correctly spelt calls below them are clean."""
    errors = [line for line in mypy_run.of("misspelt_options.py") if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["3", "4", "5"], errors
    assert 'Unexpected keyword argument "header" for "create_client"' in errors[0]
    assert 'did you mean "headers"' in errors[0]
    assert 'Unexpected keyword argument "transport" for "from_settings"' in errors[1]
    assert 'Unexpected keyword argument "retries" for "with_options"' in errors[2]


def test_mypy_gives_handlers_and_waits_the_event_class(mypy_run: MypyRun) -> None:
    """receiver.on and inbox.wait_for give each notification type its event class
    (tests/unit/webhooks/typed_handlers.py), and a handler for the wrong class is refused."""
    assert mypy_run.of("typed_handlers.py") == [], mypy_run.output
    errors = [line for line in mypy_run.of("wrong_handler.py") if ": error:" in line]
    assert errors, mypy_run.output
    assert 'expected "Callable[[OrderNotification], None]"' in "\n".join(errors)
