"""The OpenAPI document the sandbox serves: loading, routing, schema look-ups.

The document is the one bundled with the generated client
(``nitrobox_client/openapi.json``), so the sandbox serves exactly what the client calls.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from nitrobox_auth.tooling import follow_pointer, load_bundled_spec, resolve
from nitrobox_sandbox._errors import SandboxError

_UNSEEN: Any = object()
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
JSON_TYPES = ("application/json", "application/problem+json", "*/*")


def load_spec(spec: Mapping[str, Any] | str | Path | None) -> dict[str, Any]:
    if spec is None:
        return load_bundled_spec()
    if isinstance(spec, str | Path):
        try:
            loaded: dict[str, Any] = json.loads(Path(spec).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SandboxError(f"cannot read the spec {str(spec)!r}: {exc}") from exc
        if not isinstance(loaded, dict) or not isinstance(loaded.get("paths"), dict):
            raise SandboxError(
                f"the spec {str(spec)!r} is not an OpenAPI document (no 'paths' object)"
            )
        return loaded
    return copy.deepcopy(dict(spec))


def pointer_escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@dataclass(frozen=True)
class Operation:
    """One operation of the spec, with where it lives in the document."""

    operation_id: str
    method: str
    path: str
    pointer: str
    definition: Mapping[str, Any] = field(repr=False)
    param_names: tuple[str, ...] = field(repr=False)

    @property
    def segments(self) -> tuple[str, ...]:
        return tuple(s for s in self.path.split("/") if s)


@dataclass(frozen=True)
class ResponseSpec:
    """The answer an operation documents for success."""

    status: int
    media_type: str | None
    schema_pointer: str | None


class Spec:
    """Routes requests to operations and answers schema questions about the document."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document
        self.is_31 = str(document.get("openapi", "3.0")).startswith("3.1")
        self.operations: list[Operation] = []
        for path, item in document.get("paths", {}).items():
            for method in HTTP_METHODS:
                definition = item.get(method)
                if definition is None:
                    continue
                op_id = definition.get("operationId") or f"{method}_{path}"
                pointer = f"/paths/{pointer_escape(path)}/{method}"
                self.operations.append(
                    Operation(
                        op_id,
                        method.upper(),
                        path,
                        pointer,
                        definition,
                        tuple(re.findall(r"\{([^}/]+)\}", path)),
                    )
                )
        # Literal segments beat parameters ("/v2/customers/search" before "/v2/customers/{id}").
        self.operations.sort(key=lambda op: _specificity(op.path))
        self.by_id = {op.operation_id: op for op in self.operations}
        self._router, self._templates = _router(self.operations)
        # The document is never changed after loading: what a $ref or a pointer names, and
        # each operation's success answer, are looked up once (answers read them per request).
        self._refs: dict[str, Any] = {}
        self._pointers: dict[str, Any] = {}
        self._successes: dict[tuple[str, bool], ResponseSpec] = {}

    def match(self, method: str, path: str) -> tuple[Operation | None, dict[str, str], list[str]]:
        """The operation for ``method path``, its path parameters, and the allowed methods.

        The most specific template that matches the whole path claims it (see
        :func:`_router`); its operation for ``method``, or none and the methods it has."""
        found = self._router.fullmatch(path)
        if found is None:
            return None, {}, []
        group = found.lastindex
        assert group is not None  # every alternative is a group
        by_method = self._templates[group]
        op = by_method.get(method.upper())
        if op is None:
            return None, {}, list(by_method)
        values = found.groups()[group : group + len(op.param_names)]
        return op, dict(zip(op.param_names, values, strict=True)), []

    def resolve(self, schema: Any) -> Any:
        """Follow ``$ref`` until a schema that is not a reference."""
        if not isinstance(schema, dict) or "$ref" not in schema:
            return schema
        ref = schema["$ref"]
        if not isinstance(ref, str):
            return resolve(self.document, schema)  # raises, naming the reference
        found = self._refs.get(ref, _UNSEEN)
        if found is _UNSEEN:
            found = self._refs[ref] = resolve(self.document, schema)
        return found

    def at(self, ref: str) -> Any:
        found = self._pointers.get(ref, _UNSEEN)
        if found is _UNSEEN:
            found = self._pointers[ref] = follow_pointer(self.document, ref)
        return found

    def success_response(self, op: Operation, *, created: bool = False) -> ResponseSpec:
        key = (op.operation_id, created)
        found = self._successes.get(key)
        if found is None:
            found = self._successes[key] = self._success_response(op, created=created)
        return found

    def _success_response(self, op: Operation, *, created: bool) -> ResponseSpec:
        responses: Mapping[str, Any] = op.definition.get("responses", {})
        codes = sorted(c for c in responses if c.isdigit() and c.startswith("2"))
        if not codes:
            wildcard = "2XX" if "2XX" in responses else None
            if wildcard is None:
                return ResponseSpec(204 if op.method == "DELETE" else 200, None, None)
            codes = [wildcard]
        # creates document 201 next to 200; a create answers the more specific one
        code = "201" if created and "201" in codes else codes[0]
        status = 200 if code == "2XX" else int(code)
        media_type, schema_pointer = self.content_of(
            f"{op.pointer}/responses/{pointer_escape(code)}"
        )
        return ResponseSpec(status, media_type, schema_pointer)

    def content_of(self, response_pointer: str) -> tuple[str | None, str | None]:
        """The media type and schema pointer of a response (a JSON one if offered)."""
        response = self.resolve(self.at("#" + response_pointer))
        if "$ref" in self.at("#" + response_pointer):
            response_pointer = self.at("#" + response_pointer)["$ref"][1:]
        content: Mapping[str, Any] = response.get("content") or {}
        if not content:
            return None, None
        media = next((m for m in JSON_TYPES if m in content), None)
        if media is None:
            media = next(iter(content))
        if "schema" not in content[media]:
            return media, None
        return media, f"{response_pointer}/content/{pointer_escape(media)}/schema"

    def error_response_pointer(self, op: Operation, status: int) -> str | None:
        """Where the spec documents ``status`` for ``op`` (exact code, then ``4XX``/``5XX``)."""
        responses: Mapping[str, Any] = op.definition.get("responses", {})
        for key in (str(status), f"{str(status)[0]}XX", "default"):
            if key in responses:
                return f"{op.pointer}/responses/{pointer_escape(key)}"
        return None


def _router(
    operations: list[Operation],
) -> tuple[re.Pattern[str], dict[int, dict[str, Operation]]]:
    """One regex for every path template, in ``operations``' order, and per template (by
    the number of its group in the regex) its operations by method.

    Each template is a group around its own pattern; of the alternatives, the first that
    matches the whole path wins (as trying the templates one by one would), its group
    closes last (so ``lastindex`` names it), and its parameters are the groups after it.
    """
    by_path: dict[str, dict[str, Operation]] = {}
    for op in operations:
        by_path.setdefault(op.path, {}).setdefault(op.method, op)
    alternatives: list[str] = []
    templates: dict[int, dict[str, Operation]] = {}
    group = 1
    for path, by_method in by_path.items():
        alternatives.append(f"({_path_pattern(path)})")
        templates[group] = by_method
        group += 1 + len(next(iter(by_method.values())).param_names)
    return re.compile("|".join(alternatives)), templates


def _path_pattern(template: str) -> str:
    parts = re.split(r"(\{[^}/]+\})", template)
    return "".join("([^/]+)" if p.startswith("{") else re.escape(p) for p in parts)


def _specificity(path: str) -> tuple[tuple[int, ...], str]:
    segments = [s for s in path.split("/") if s]
    return tuple(1 if s.startswith("{") else 0 for s in segments), path
