"""The OpenAPI document bundled with the generated client (``nitrobox_client/openapi.json``).

``scripts/regenerate.py`` writes it next to the code it generated, so the sandbox serves and
``nitrobox call`` sends exactly what the typed client calls. Both walk it with the
``$ref`` helpers here.
"""

from __future__ import annotations

import hashlib
import importlib.resources
import json
from collections.abc import Mapping
from typing import Any

from nitrobox_auth._errors import NitroboxError


class BundledSpecError(NitroboxError):
    """The bundled spec could not be read or followed (missing package, or a bad ``$ref``)."""


def load_bundled_spec() -> dict[str, Any]:
    """The bundled OpenAPI document; a :class:`BundledSpecError` saying what to do if absent."""
    document: dict[str, Any] = json.loads(_bundled_text())
    return document


def bundled_spec_checksum() -> str:
    """``sha256:<hex>`` of the bundled file: the ``spec_sha256`` of the generated manifest."""
    return "sha256:" + hashlib.sha256(_bundled_text().encode("utf-8")).hexdigest()


def _bundled_text() -> str:
    try:
        resource = importlib.resources.files("nitrobox_client") / "openapi.json"
        text = resource.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise BundledSpecError(
            "the bundled spec nitrobox_client/openapi.json was not found: reinstall the "
            "package, or run `python scripts/regenerate.py` in a checkout"
        ) from exc
    return text


def follow_pointer(document: Mapping[str, Any], ref: str) -> Any:
    """The node a local reference (``#/components/schemas/X``) points at."""
    if not ref.startswith("#"):
        raise BundledSpecError(f"only local $refs can be followed, found {ref!r}")
    node: Any = document
    for token in ref[1:].split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        try:
            node = node[int(token)] if isinstance(node, list) else node[token]
        except (KeyError, IndexError, TypeError, ValueError):
            raise BundledSpecError(f"the spec has a dangling $ref: {ref!r}") from None
    return node


def resolve(document: Mapping[str, Any], node: Any) -> Any:
    """Follow ``$ref`` chains until a node that is not a reference comes out."""
    seen: set[str] = set()
    while isinstance(node, Mapping) and "$ref" in node:
        ref = node["$ref"]
        if not isinstance(ref, str) or ref in seen:
            raise BundledSpecError(f"the spec has a $ref that cannot be followed: {ref!r}")
        seen.add(ref)
        node = follow_pointer(document, ref)
    return node
