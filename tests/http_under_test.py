"""The HTTP package the suite runs on: httpx, or httpx2 when ``NITROBOX_TEST_HTTP=httpx2``.

CI runs the suite twice (``scripts/test``): once as users of the default install run it, and
once with every client, transport, ``MockTransport`` and ``Response`` the tests build taken
from httpx2, so each layer is proven on the package a caller passes. Tests import the
package as ``from http_under_test import httpx`` and build with it; what is about one
package only (logger names, httpcore internals, httpx-only tools) asks :data:`NAME`.
"""

from __future__ import annotations

import importlib
import os
from types import ModuleType

import pytest

VARIABLE = "NITROBOX_TEST_HTTP"
NAME = os.environ.get(VARIABLE, "httpx") or "httpx"
if NAME not in ("httpx", "httpx2"):
    raise RuntimeError(f"{VARIABLE} must be httpx or httpx2, not {NAME!r}")
UNDER_HTTPX2 = NAME == "httpx2"

httpx: ModuleType = importlib.import_module(NAME)
# The transport core under the package: httpcore for httpx, httpcore2 for httpx2.
httpcore: ModuleType = importlib.import_module("httpcore2" if UNDER_HTTPX2 else "httpcore")


def httpx_only(tool: str) -> pytest.MarkDecorator:
    """Skip in the httpx2 pass a test that needs ``tool``, a third-party tool built on httpx."""
    return pytest.mark.skipif(
        UNDER_HTTPX2, reason=f"needs {tool}, which works on httpx only (the httpx2 pass skips it)"
    )
