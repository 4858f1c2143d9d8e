"""The receiver kit is production code: no web framework, no sandbox, and not loaded by
``import nitrobox_auth``."""

from __future__ import annotations

import json
import subprocess
import sys


def _modules_after(statement: str) -> list[str]:
    probe = (
        f"import sys, json; {statement}; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('starlette', 'uvicorn', 'fastapi', 'flask', 'nitrobox_sandbox') "
        "or m.startswith('nitrobox_auth.webhooks'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    loaded: list[str] = json.loads(result.stdout)
    return loaded


def test_the_kit_needs_no_framework_or_sandbox() -> None:
    loaded = _modules_after("import nitrobox_auth.webhooks as w; w.WebhookReceiver")
    assert not [m for m in loaded if not m.startswith("nitrobox_auth.webhooks")]


def test_import_nitrobox_auth_does_not_load_the_kit() -> None:
    assert _modules_after("import nitrobox_auth") == []
