"""The OpenAPI document bundled with the generated client (``nitrobox_client/openapi.json``).

``scripts/regenerate.py`` writes it next to the code it generated, so the sandbox serves and
``nitrobox call`` sends exactly what the typed client calls.
"""

from __future__ import annotations

import importlib.resources
import json
from typing import Any

from nitrobox_auth._errors import NitroboxError


class BundledSpecError(NitroboxError):
    """The bundled spec could not be read (the generated package is missing or incomplete)."""


def load_bundled_spec() -> dict[str, Any]:
    """The bundled OpenAPI document; a :class:`BundledSpecError` saying what to do if absent."""
    try:
        resource = importlib.resources.files("nitrobox_client") / "openapi.json"
        text = resource.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise BundledSpecError(
            "the bundled spec nitrobox_client/openapi.json was not found: reinstall the "
            "package, or run `python scripts/regenerate.py` in a checkout"
        ) from exc
    document: dict[str, Any] = json.loads(text)
    return document
