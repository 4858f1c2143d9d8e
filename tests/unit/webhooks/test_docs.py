"""docs/notifications.md: the parsing example runs (tests/typing/test_doc_examples.py
type-checks every block of it, FastAPI and Flask ones included)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOC = Path(__file__).parents[3] / "docs" / "notifications.md"
SKIP = re.compile(r"<!-- typecheck: skip \((.+?)\) -->\s*$")


def python_blocks() -> list[tuple[int, str, str | None]]:
    """(line, code, reason to skip) for every ```python block."""
    lines = DOC.read_text().splitlines()
    blocks = []
    for number, line in enumerate(lines):
        if line.strip() != "```python":
            continue
        end = lines.index("```", number + 1)
        before = lines[number - 1] if number else ""
        skip = SKIP.match(before.strip())
        blocks.append((number + 1, "\n".join(lines[number + 1 : end]) + "\n", skip and skip[1]))
    return blocks


@pytest.mark.parametrize("needle", ["parse_notification(\n"])
def test_the_parsing_example_runs(needle: str) -> None:
    [code] = [code for _, code, _ in python_blocks() if needle in code]
    exec(compile(code, str(DOC), "exec"), {})


def test_the_numbers_in_the_doc_are_the_codes() -> None:
    """Defaults the doc states come from the code (a changed default fails here)."""
    import inspect

    from nitrobox_auth.webhooks import RedisDeliveryLog, WebhookReceiver
    from nitrobox_auth.webhooks._tokens import MIN_SIGNING_KEY_BYTES, TOKEN_LENGTH

    text = DOC.read_text()
    redis_defaults = inspect.signature(RedisDeliveryLog).parameters
    receiver_defaults = inspect.signature(WebhookReceiver).parameters
    busy, retention = redis_defaults["busy_ttl"].default, redis_defaults["retention"].default
    assert f"busy_ttl={busy:g}, retention={retention:g})" in text
    assert f"{TOKEN_LENGTH} ASCII characters" in text
    assert f"at least {MIN_SIGNING_KEY_BYTES}\n  bytes" in text
    assert f"`remember={receiver_defaults['remember'].default:_}`" in text
    lifetime = receiver_defaults["token_lifetime"].default
    assert f"(`token_lifetime`, {lifetime} s by default)" in text
