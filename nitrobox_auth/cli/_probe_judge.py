"""How ``nitrobox probe`` judges one answer against the operation's documented responses.

The status picks the documented response (exact code, then ``2XX``, then ``default``), the
``Content-Type`` its media type, and the body is validated with openapi-schema-validator's
OpenAPI 3.0 read validator, or its 3.1 one: the schema library openapi-core itself uses.
openapi-core's own response validation would first find the operation again from the
concrete URL, which is ambiguous here (``/v2/customers/unpaged`` also matches
``/v2/customers/{ident}``), and the probe knows the operation already.

Problems are built from each error's JSON path, keyword and schema: the library's own messages
quote the instance, and a probe report is meant to be shared, so no value of the tenant's data
goes into one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._bundled_spec import follow_pointer, resolve
from nitrobox_auth._strict_json import MAX_ANSWER_DEPTH, json_type_name
from nitrobox_auth.cli._errors import CommandError

PROBE_EXTRA_HINT = "pip install 'nitrobox-client[probe]'"
MAX_PROBLEMS = 10

CONFIRMED = "confirmed"
CONTRADICTED = "contradicted"
UNREACHABLE = "unreachable"
ERROR = "error"
SKIPPED = "skipped"
OUTCOMES = (CONFIRMED, CONTRADICTED, UNREACHABLE, ERROR, SKIPPED)


@dataclass(frozen=True)
class Verdict:
    outcome: str
    problems: tuple[str, ...] = ()


def _declared_names(node: Any, into: set[str]) -> set[str]:
    """Every property name the spec declares anywhere: what a JSON path may show."""
    if isinstance(node, Mapping):
        props = node.get("properties")
        if isinstance(props, Mapping):
            into.update(str(k) for k in props)
        for value in node.values():
            _declared_names(value, into)
    elif isinstance(node, list):
        for value in node:
            _declared_names(value, into)
    return into


def _pointer(path: Iterable[str]) -> str:
    return "/".join(p.replace("~", "~0").replace("/", "~1") for p in path)


class Judge:
    """Judges answers of one spec document; build it once per run."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        try:
            from openapi_schema_validator import OAS30ReadValidator, OAS31Validator
        except ImportError as exc:
            missing = (exc.name or "openapi_schema_validator").split(".")[0]
            raise CommandError(
                f"nitrobox probe needs the 'probe' extra ({missing} is missing): {PROBE_EXTRA_HINT}"
            ) from exc
        self._spec = spec
        # 3.0 reads: `nullable`, and writeOnly fields must not come back; 3.1 is JSON Schema.
        is_31 = str(spec.get("openapi", "")).startswith("3.1")
        self._validator_cls: Any = OAS31Validator if is_31 else OAS30ReadValidator
        self._names = _declared_names(spec, set())

    @property
    def names(self) -> frozenset[str]:
        """Every field name the spec declares: what a report may show of an answer."""
        return frozenset(self._names)

    def response_schema(
        self, spec_path: str, method: str, status: int, content_type: str
    ) -> Any | None:
        """The schema the spec documents for this answer (None when it documents none)."""
        raw_op = resolve(self._spec, self._spec["paths"][spec_path])[method.lower()]
        responses = raw_op.get("responses", {})
        key = next(
            (k for k in (str(status), f"{str(status)[0]}XX", "default") if k in responses), None
        )
        if key is None:
            return None
        content = resolve(self._spec, responses[key]).get("content") or {}
        media = content_type.split(";", 1)[0].strip().lower()
        chosen = _media(content, media)
        return None if chosen is None else chosen[1].get("schema")

    def judge(
        self,
        spec_path: str,
        method: str,
        status: int,
        content_type: str,
        body: bytes,
    ) -> Verdict:
        if status in (404, 405):
            return Verdict(UNREACHABLE, (f"HTTP {status}: the path or method is probably wrong",))
        if not 200 <= status < 300:
            return Verdict(ERROR, (f"HTTP {status}",))
        raw_op = resolve(self._spec, self._spec["paths"][spec_path])[method.lower()]
        responses = raw_op.get("responses", {})
        key = next(
            (k for k in (str(status), f"{str(status)[0]}XX", "default") if k in responses), None
        )
        if key is None:
            documented = ", ".join(sorted(str(k) for k in responses)) or "none"
            return Verdict(
                CONTRADICTED, (f"status {status} is not documented (documented: {documented})",)
            )
        response = resolve(self._spec, responses[key])
        content = response.get("content") or {}
        if not content:
            if body:
                return Verdict(CONTRADICTED, ("a body where the spec documents none",))
            return Verdict(CONFIRMED)
        media = content_type.split(";", 1)[0].strip().lower()
        chosen = _media(content, media)
        if chosen is None:
            documented = ", ".join(content)
            found = f"content type {media}" if media else "no content type"
            return Verdict(CONTRADICTED, (f"{found} where the spec documents {documented}",))
        name, media_object = chosen
        if "json" not in name:
            return Verdict(CONFIRMED)  # a file: its bytes have no schema to check
        try:
            data = strict_json.loads(body, max_depth=MAX_ANSWER_DEPTH)
        except strict_json.StrictJSONError as exc:
            why = f"the body is not valid JSON although it is {name}: {exc.reason}"
            return Verdict(CONTRADICTED, (why,))
        schema = media_object.get("schema")
        if schema is None:
            return Verdict(CONFIRMED)
        try:
            problems = self._schema_problems(spec_path, method, key, name, data)
        except RecursionError:
            return Verdict(CONTRADICTED, ("the body is nested too deeply to be validated",))
        return Verdict(CONTRADICTED, problems) if problems else Verdict(CONFIRMED)

    def _schema_problems(
        self, spec_path: str, method: str, key: str, media: str, data: Any
    ) -> tuple[str, ...]:
        # The whole document as the root resource so every local $ref resolves. Under 3.0
        # (draft 4 rules) a $ref's siblings are ignored; under 3.1 the other keywords of the
        # document root are not schema keywords: either way only the $ref applies.
        pointer = _pointer(["paths", spec_path, method.lower(), "responses", key])
        raw_op = resolve(self._spec, self._spec["paths"][spec_path])[method.lower()]
        # A shared response (`$ref: '#/components/responses/CustomerCreated'`): its schema
        # lives under the component (a chain of refs is followed to its last target).
        response = raw_op["responses"][key]
        resolve(self._spec, response)  # refuses a chain that does not end, before the walk
        while isinstance(response, Mapping) and isinstance(response.get("$ref"), str):
            pointer = response["$ref"][2:]
            response = follow_pointer(self._spec, response["$ref"])  # one step of the chain
        pointer += "/" + _pointer(["content", media, "schema"])
        root = {**self._spec, "$ref": "#/" + pointer}
        validator = self._validator_cls(root, format_checker=self._validator_cls.FORMAT_CHECKER)
        problems: list[str] = []
        errors = sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
        for error in errors:
            message = self._describe(error)
            if message not in problems:
                problems.append(message)
        if len(problems) > MAX_PROBLEMS:
            rest = len(problems) - MAX_PROBLEMS
            problems = [*problems[:MAX_PROBLEMS], f"... and {rest} more"]
        return tuple(problems)

    def _path(self, parts: Iterable[Any]) -> str:
        text = "$"
        for part in parts:
            if isinstance(part, int):
                text += f"[{part}]"
            elif part in self._names:
                text += f".{part}"
            else:
                # A key the spec does not name (a map's key) may be tenant data.
                text += ".*"
        return text

    def _describe(self, error: Any) -> str:
        where = self._path(error.absolute_path)
        keyword = str(error.validator)
        expected = error.validator_value
        found = json_type_name(error.instance)
        if keyword == "type":
            wanted = expected if isinstance(expected, str) else " or ".join(map(str, expected))
            return f"{where}: expected {wanted}, found {found}"
        if keyword == "nullable":
            return f"{where}: expected a value, found null"
        if keyword == "required" and isinstance(error.instance, Mapping):
            missing = [str(n) for n in expected if n not in error.instance]
            return f"{where}: missing required field {', '.join(missing)}"
        if keyword == "enum":
            return f"{where}: a {found} outside the documented enum"
        if keyword == "format":
            return f"{where}: a {found} that is not a valid {expected}"
        if keyword in ("oneOf", "anyOf"):
            return f"{where}: a {found} that matches none of the documented alternatives"
        if keyword == "writeOnly":
            return f"{where}: a write-only field in an answer"
        if keyword == "additionalProperties":
            return f"{where}: fields the spec does not allow"
        if isinstance(expected, bool | int | float) or (
            isinstance(expected, str) and len(expected) <= 40
        ):
            return f"{where}: a {found} that fails {keyword} {expected}"
        return f"{where}: a {found} that fails {keyword}"


def _media(content: Mapping[str, Any], media: str) -> tuple[str, Mapping[str, Any]] | None:
    """The documented media type for a received one: exact, then ``type/*``, then ``*/*``."""
    by_lower = {str(k).lower(): (str(k), v) for k, v in content.items()}
    if not media:
        return None
    for key in (media, media.split("/", 1)[0] + "/*", "*/*"):
        if key in by_lower:
            return by_lower[key]
    return None
