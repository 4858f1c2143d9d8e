"""The numbers README and docs state that the code defines: they must say what the code does.

Each row names a document, a pattern with one number in it, and where the code keeps that
number. Every place the pattern matches must show the code's value, and it must match at
least once (a reworded sentence must take its row along).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import nitrobox_auth
from nitrobox_auth import RetryPolicy, TokenRetryPolicy
from nitrobox_auth.api import _client_factory, _pagination
from nitrobox_auth.token import _exchange as _token_exchange
from nitrobox_auth.token import _rules as _token_rules
from nitrobox_auth.transport import _deadline, _size_limit

ROOT = Path(__file__).resolve().parents[2]


def _seconds(value: float | None) -> str:
    assert value is not None
    return f"{value:g}"


def _api_timeout() -> float | None:
    return _client_factory.DEFAULT_TIMEOUT.read


def _api_connect_timeout() -> float | None:
    return _client_factory.DEFAULT_TIMEOUT.connect


def _generated_timeout() -> tuple[float | None, float | None]:
    from nitrobox_client import client

    return client.DEFAULT_TIMEOUT.read, client.DEFAULT_TIMEOUT.connect


def _sandbox_token_lifetime() -> float:
    from nitrobox_sandbox import Sandbox

    default = (Sandbox.__init__.__kwdefaults__ or {})["token_lifetime"]
    assert isinstance(default, float)
    return default


def _sandbox_body_read_timeout() -> float:
    from nitrobox_sandbox import Sandbox

    default = (Sandbox.__init__.__kwdefaults__ or {})["body_read_timeout"]
    assert isinstance(default, float)
    return default


def _sandbox_limits() -> Any:
    from nitrobox_sandbox import _limits

    return _limits


def _sandbox_seed() -> Any:
    from nitrobox_sandbox import _seed

    return _seed


# (document, pattern with one group, the code's value)
ROWS: list[tuple[str, str, Callable[[], object]]] = [
    ("README.md", r"refresh margin is (\d+) s", lambda: _token_rules.DEFAULT_REFRESH_MARGIN),
    ("README.md", r"missing, we assume (\d+) s", lambda: _token_rules.DEFAULT_EXPIRES_IN),
    (
        "README.md",
        r"The token endpoint gets (\d+) attempts",
        lambda: TokenRetryPolicy().max_attempts,
    ),
    ("README.md", r"\*\*API retries\.\*\* (\d+) attempts", lambda: RetryPolicy().max_attempts),
    (
        "README.md",
        r"`Retry-After` is honoured up to (\d+) s",
        lambda: RetryPolicy().max_retry_after,
    ),
    ("README.md", r"\*\*Timeouts\.\*\* (\d+) s,", _api_timeout),
    ("README.md", r"\*\*Timeouts\.\*\* \d+ s, (\d+) s to connect", _api_connect_timeout),
    (
        "docs/auth.md",
        r"refresh margin \(`TokenTiming.refresh_margin`\) before expiry \| \*\*(\d+) s\*\*",
        lambda: _token_rules.DEFAULT_REFRESH_MARGIN,
    ),
    (
        "docs/auth.md",
        r"missing `expires_in` \(`TokenTiming.default_expires_in`\) \| \*\*(\d+) s\*\*",
        lambda: _token_rules.DEFAULT_EXPIRES_IN,
    ),
    ("docs/auth.md", r"retried: \*\*(\d+) attempts\*\*", lambda: TokenRetryPolicy().max_attempts),
    (
        "docs/auth.md",
        r"TokenRetryPolicy\( max_attempts=(\d+)",
        lambda: TokenRetryPolicy().max_attempts,
    ),
    (
        "docs/auth.md",
        r"up to \*\*(\d+) s\*\* \(`max_retry_after`\)",
        lambda: TokenRetryPolicy().max_retry_after,
    ),
    (
        "docs/auth.md",
        r"`timeout` \((\d+) s, \d+ s to connect\)",
        lambda: _token_exchange.DEFAULT_TOKEN_TIMEOUT.read,
    ),
    ("docs/resilience.md", r"\| `max_attempts` \| (\d+) \|", lambda: RetryPolicy().max_attempts),
    (
        "docs/auth.md",
        r"`wait_timeout` \((\d+) s\)",
        lambda: _token_rules.TokenTiming().wait_timeout,
    ),
    (
        "README.md",
        r"gives up after (\d+) s \(`TokenWaitTimeoutError`\)",
        lambda: _token_rules.TokenTiming().wait_timeout,
    ),
    ("docs/resilience.md", r"`httpx.Timeout\((\d+)\.0, connect=\d+\.0\)`", _api_timeout),
    ("docs/resilience.md", r"`httpx.Timeout\(\d+\.0, connect=(\d+)\.0\)`", _api_connect_timeout),
    ("docs/sandbox.md", r"\| `token_lifetime` \| `(\d+)\.0` \|", _sandbox_token_lifetime),
    ("docs/sandbox.md", r"\| `body_read_timeout` \| `(\d+)\.0` \|", _sandbox_body_read_timeout),
    (
        "docs/sandbox.md",
        r"\| (\d+) seconds for the whole body",
        lambda: _sandbox_limits().BODY_READ_TIMEOUT,
    ),
    (
        "docs/sandbox.md",
        r"every route \(idents, ids\) \| (\d+) characters",
        lambda: _sandbox_limits().MAX_PATH_PARAMETER_LENGTH,
    ),
    ("docs/sandbox.md", r"at most (\d+) MiB\.", lambda: _mib(_sandbox_seed().MAX_SEED_BYTES)),
    (
        "README.md",
        r"a total deadline per call of (\d+) s",
        lambda: _deadline.DEFAULT_API_DEADLINE,
    ),
    ("README.md", r"a token fetch has (\d+) s", lambda: _deadline.DEFAULT_TOKEN_DEADLINE),
    (
        "README.md",
        r"limited to (\d+) MiB \(JSON\)",
        lambda: _mib(_size_limit.DEFAULT_MAX_ANSWER_BYTES),
    ),
    (
        "README.md",
        r"and (\d+) MiB \(files\)",
        lambda: _mib(_size_limit.DEFAULT_MAX_FILE_BYTES),
    ),
    (
        "README.md",
        r"token answers to (\d+) KiB",
        lambda: _size_limit.MAX_TOKEN_ANSWER_BYTES / 1024,
    ),
    ("README.md", r"or (\d+) pages", lambda: _pagination.DEFAULT_MAX_PAGES),
    (
        "docs/auth.md",
        r"has a total deadline of \*\*(\d+) s\*\*",
        lambda: _deadline.DEFAULT_TOKEN_DEADLINE,
    ),
]


def _mib(value: int) -> float:
    return value / (1024 * 1024)


def _as_number(value: object) -> float:
    assert isinstance(value, int | float), value
    return float(value)


@pytest.mark.parametrize(("document", "pattern", "code"), ROWS, ids=[r[1] for r in ROWS])
def test_document_states_the_code_value(
    document: str, pattern: str, code: Callable[[], object]
) -> None:
    """Every place the pattern matches shows the value the code defines."""
    text = " ".join((ROOT / document).read_text(encoding="utf-8").split())
    found = [float(m) for m in re.findall(pattern, text)]
    assert found, f"{document}: no sentence matches {pattern!r} any more; update this row"
    expected = _as_number(code())
    assert set(found) == {expected}, f"{document} says {found}, the code says {expected}"


def test_generated_client_has_the_documented_default_timeout() -> None:
    """README: the template gives the generated Client the same default as create_client."""
    assert _generated_timeout() == (_api_timeout(), _api_connect_timeout())


def test_public_names_are_documented_in_the_exception_tree() -> None:
    """Every exception nitrobox_auth exports is drawn in the tree of its errors module."""
    from nitrobox_auth import _errors

    tree = _errors.__doc__ or ""
    exported = [
        name
        for name in nitrobox_auth.__all__
        if isinstance(getattr(nitrobox_auth, name), type)
        and issubclass(getattr(nitrobox_auth, name), Exception)
    ]
    missing = [name for name in exported if name not in tree]
    assert not missing, f"not in the exception tree of nitrobox_auth/_errors.py: {missing}"
