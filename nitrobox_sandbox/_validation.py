"""Request validation against the spec with openapi-core, turned into Nitrobox field errors."""

from __future__ import annotations

import copy
import email.policy
import functools
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from email.parser import BytesParser
from typing import Any

from openapi_core import OpenAPI
from openapi_core.casting.schemas.exceptions import CastError
from openapi_core.datatypes import RequestParameters
from openapi_core.deserializing.exceptions import DeserializeError
from openapi_core.templating.media_types.exceptions import MediaTypeNotFound
from openapi_core.validation.request.exceptions import (
    InvalidRequestBody,
    MissingRequestBodyError,
    ParameterValidationError,
    RequestBodyValidationError,
)
from openapi_core.validation.request.validators import (
    V30RequestBodyValidator,
    V31RequestBodyValidator,
)
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue
from openapi_schema_validator import OAS30ReadValidator, OAS30WriteValidator, OAS31Validator

from nitrobox_sandbox._limits import check_path_parameters
from nitrobox_sandbox._parameters import (
    MultiMapping,
    ParameterRule,
    check_parameters,
    compile_rules,
)
from nitrobox_sandbox._prechecks import Check, compile_precheck
from nitrobox_sandbox._responses import FieldProblem
from nitrobox_sandbox._spec import Operation, Spec

_MAX_MESSAGE = 300
NOT_PARSED: Any = object()
_JSON = "application/json"


@dataclass
class SandboxRequest:
    """The parts of an HTTP request openapi-core's request protocol asks for.

    The host URL and the cookies are read only by openapi-core, on the requests the
    compiled checks leave to it, so they are worked out when it asks (``origin``,
    ``cookies``): building the base URL alone was a tenth of a GET's cost.
    """

    path: str
    method: str
    body: bytes | None
    content_type: str
    path_params: dict[str, str]
    headers: Mapping[str, str]  # case-insensitive, as Starlette's are
    query: Mapping[str, Any]  # a multi-dict (openapi-core calls getlist)
    origin: Callable[[], str]
    cookies: Callable[[], Mapping[str, str]]
    # the body as the app already parsed it (strictly); NOT_PARSED: parse ``body`` here
    json_body: Any = field(default=NOT_PARSED, repr=False)

    @functools.cached_property
    def host_url(self) -> str:
        return self.origin()

    _parameters: RequestParameters | None = field(default=None, init=False, repr=False)

    @property
    def parameters(self) -> RequestParameters:
        if self._parameters is None:
            self._parameters = RequestParameters(
                query=self.query, header=self.headers, cookie=self.cookies(), path=self.path_params
            )
        return self._parameters

    @parameters.setter
    def parameters(self, value: RequestParameters) -> None:  # openapi-core's protocol sets it
        self._parameters = value


@dataclass(frozen=True)
class ValidationOutcome:
    """Why a request is refused: the status, the message and the field errors."""

    status: int
    message: str
    errors: tuple[FieldProblem, ...]


@dataclass(frozen=True)
class ValidRequest:
    """A valid request's parameters, cast to their documented types."""

    query: Mapping[str, Any]


class RequestValidator:
    """Validates requests against one spec document: bodies with openapi-core,
    parameters with compiled rules (openapi-core where a rule cannot express them)."""

    def __init__(self, document: Mapping[str, Any], spec: Spec) -> None:
        served = copy.deepcopy(dict(document))
        # The sandbox is its own server: match any host, and check tokens itself (the
        # validator cannot know which bearer tokens the sandbox issued).
        served["servers"] = [{"url": "/"}]
        served.pop("security", None)
        for item in served.get("paths", {}).values():
            for op in item.values():
                if isinstance(op, dict):
                    op.pop("security", None)
        self._openapi = OpenAPI.from_dict(served)
        body_validator = V31RequestBodyValidator if spec.is_31 else V30RequestBodyValidator
        self._body = body_validator(self._openapi.spec)
        self._spec = spec
        self._rules: dict[str, list[ParameterRule] | None] = {
            op.operation_id: compile_rules(spec, op) for op in spec.operations
        }
        # openapi-core finds the path, the operation and the media type and builds a schema
        # validator on every call (about 1 ms a request body); JSON bodies, most of them,
        # are checked by a jsonschema validator built once per operation instead: the
        # classes and format checker openapi-core would use, so the same errors.
        self._json_bodies: dict[str, tuple[Any, Check | None]] = {}
        for op in spec.operations:
            compiled = _compile_json_body(spec, op)
            if compiled is not None:
                # A 3.0 body's valid values pass a compiled pre-check first (_prechecks);
                # the validator decides the rest. (3.1 reads readOnly differently: no check.)
                precheck = None if spec.is_31 else compile_precheck(compiled.schema, compiled)
                self._json_bodies[op.operation_id] = (compiled, precheck)

    def validate(
        self,
        op: Operation,
        request: SandboxRequest,
        query: MultiMapping,
        raw_query: Mapping[str, str],
    ) -> ValidRequest | ValidationOutcome:
        """The typed parameters of a valid request, or what to answer an invalid one.

        A path parameter over the sandbox's length limit raises :class:`ErrorAnswer` (400)
        before anything reads it, whatever its schema says."""
        check_path_parameters(request.path_params)
        rules = self._rules[op.operation_id]
        if rules is None:
            return self._validate_fully(request, raw_query)
        typed, errors = check_parameters(
            rules, query=query, path=request.path_params, headers=request.headers
        )
        if errors:
            return ValidationOutcome(
                400, "Validation of the request parameters reported input errors", tuple(errors)
            )
        if "requestBody" in op.definition:
            empty = _empty_file_parts(self._spec, op, request)
            if empty:
                return ValidationOutcome(400, "The uploaded file is empty", empty)
            compiled = self._json_bodies.get(op.operation_id)
            if compiled is not None and request.body and _is_plain_json(request.content_type):
                refused = _check_json_body(*compiled, request.body, request.json_body)
                if refused is not None:
                    return refused
                return ValidRequest(query=typed)
            try:
                errors_found = list(self._body.iter_errors(request))
            except Exception:  # a library crash on a malformed body, see _unreadable
                return _unreadable(request)
            for error in errors_found:
                if isinstance(error, RequestBodyValidationError):
                    status, message, body_errors = _body_errors(error, request)
                    return ValidationOutcome(status, message, tuple(body_errors))
                return ValidationOutcome(
                    400,
                    "The request is invalid",
                    (FieldProblem("request", _short(str(error)), None),),
                )
        return ValidRequest(query=typed)

    def _validate_fully(
        self, request: SandboxRequest, raw_query: Mapping[str, str]
    ) -> ValidRequest | ValidationOutcome:
        try:
            result = self._openapi.unmarshal_request(request)
        except Exception:  # a library crash on a malformed body, see _unreadable
            return _unreadable(request)
        if not result.errors:
            return ValidRequest(query=dict(result.parameters.query))
        errors: list[FieldProblem] = []
        status = 400
        message = "Validation of the request reported input errors"
        for error in result.errors:
            if isinstance(error, ParameterValidationError):
                errors.extend(_parameter_errors(error, raw_query))
                message = f"Validation of the {error.location} parameters reported input errors"
            elif isinstance(error, RequestBodyValidationError):
                status, message, body_errors = _body_errors(error, request)
                errors.extend(body_errors)
            else:
                errors.append(FieldProblem("request", _short(str(error)), None))
        return ValidationOutcome(status, message, tuple(errors))


def _compile_json_body(spec: Spec, op: Operation) -> Any:
    """A validator for ``op``'s ``application/json`` body schema, or ``None``."""
    body = spec.resolve(op.definition.get("requestBody"))
    if not isinstance(body, Mapping):
        return None
    media = (body.get("content") or {}).get(_JSON)
    if not isinstance(media, Mapping) or "schema" not in media:
        return None
    # $refs inlined (a reference lookup per keyword was most of the cost); a recursive
    # one stays a $ref into the components, which the root carries for it
    schema = _inlined(spec, media["schema"], frozenset())
    root = {**schema, "components": spec.document.get("components", {})}
    if spec.is_31:
        # as openapi-core does for 3.1 (its issue 506: 3.0 formats for byte/binary)
        return OAS31Validator(root, format_checker=OAS30ReadValidator.FORMAT_CHECKER)
    return OAS30WriteValidator(root, format_checker=OAS30WriteValidator.FORMAT_CHECKER)


def _inlined(spec: Spec, node: Any, open_refs: frozenset[str]) -> Any:
    """``node`` with every ``$ref`` replaced by what it names, except one that refers back
    to a schema it is inside of (that stays a reference)."""
    if isinstance(node, list):
        return [_inlined(spec, item, open_refs) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str):
        if ref in open_refs:
            return node
        target = _inlined(spec, spec.resolve({"$ref": ref}), open_refs | {ref})
        siblings = {k: _inlined(spec, v, open_refs) for k, v in node.items() if k != "$ref"}
        if not siblings or not spec.is_31:
            return target  # OpenAPI 3.0: siblings of a $ref are ignored
        return {"allOf": [target], **siblings}
    return {key: _inlined(spec, value, open_refs) for key, value in node.items()}


def _is_plain_json(content_type: str) -> bool:
    return content_type.split(";")[0].strip().lower() == _JSON


def _check_json_body(
    validator: Any, precheck: Check | None, raw: bytes, parsed: Any
) -> ValidationOutcome | None:
    """What openapi-core answers for an invalid JSON body, or ``None`` for a valid one."""
    try:
        # the app parsed it strictly already (_limits.parse_json): the same value as here
        value = json.loads(raw) if parsed is NOT_PARSED else parsed
    except ValueError:
        return ValidationOutcome(
            400, "The request body is not valid JSON", (FieldProblem("body", "is not valid JSON"),)
        )
    if precheck is not None and precheck(value):
        return None
    errors = list(validator.iter_errors(value))
    if not errors:
        return None
    message = "Validation of a request body reported input errors"
    return ValidationOutcome(400, message, tuple(_schema_error(e) for e in _leaves(errors)))


def _unreadable(request: SandboxRequest) -> ValidationOutcome:
    """openapi-core asserts (instead of raising a validation error) on some malformed
    bodies, e.g. a multipart part without a name: that is still the client's 400."""
    media = request.content_type.split(";")[0].strip() or "the declared content type"
    problem = FieldProblem("body", f"cannot be read as {media}", None)
    return ValidationOutcome(400, "The request body cannot be read", (problem,))


def _empty_file_parts(
    spec: Spec, op: Operation, request: SandboxRequest
) -> tuple[FieldProblem, ...]:
    """Multipart file parts shorter than their schema's minLength.

    openapi-core does not apply ``minLength`` to binary parts; an empty upload must not
    pass as valid.
    """
    if not request.content_type.lower().startswith("multipart/form-data") or not request.body:
        return ()
    body = spec.resolve(op.definition["requestBody"])
    media = (body.get("content") or {}).get("multipart/form-data") or {}
    schema = spec.resolve(media.get("schema", {}))
    limits = {
        name: int(sub.get("minLength", 0))
        for name, sub in ((n, spec.resolve(p)) for n, p in schema.get("properties", {}).items())
        if sub.get("format") == "binary" and sub.get("minLength")
    }
    if not limits:
        return ()
    head = f"Content-Type: {request.content_type}\r\n\r\n".encode("latin-1", "replace")
    message = BytesParser(policy=email.policy.HTTP).parsebytes(head + request.body)
    problems = []
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        size = len(payload) if isinstance(payload, bytes) else 0
        if isinstance(name, str) and name in limits and size < limits[name]:
            problem = f"must have at least {limits[name]} byte(s)"
            problems.append(FieldProblem(name, problem, "" if size == 0 else "(file)"))
    return tuple(problems)


def _parameter_errors(
    error: ParameterValidationError, raw_query: Mapping[str, str]
) -> list[FieldProblem]:
    rejected = raw_query.get(error.name) if error.location == "query" else None
    cause = error.__cause__
    if isinstance(cause, InvalidSchemaValue):
        return [
            FieldProblem(error.name, _short(str(getattr(e, "message", e))), rejected)
            for e in cause.schema_errors
        ] or [FieldProblem(error.name, _short(str(cause)), rejected)]
    if isinstance(cause, CastError | DeserializeError):
        return [FieldProblem(error.name, f"cannot be read as {_cast_type(cause)}", rejected)]
    return [FieldProblem(error.name, _short(str(error)), rejected)]


def _cast_type(cause: DeserializeError) -> str:
    kind = getattr(cause, "type", None)
    return f"{kind}" if isinstance(kind, str) else "the documented type"


def _body_errors(
    error: RequestBodyValidationError, request: SandboxRequest
) -> tuple[int, str, list[FieldProblem]]:
    if isinstance(error, MissingRequestBodyError):
        return (
            400,
            "Required request body is missing",
            [FieldProblem("body", "must not be empty", None)],
        )
    cause = error.__cause__
    if isinstance(cause, MediaTypeNotFound):
        return (
            415,
            f"Content type {request.content_type!r} is not supported",
            [FieldProblem("Content-Type", _short(str(cause)), request.content_type)],
        )
    if isinstance(error, InvalidRequestBody) and isinstance(cause, InvalidSchemaValue):
        message = "Validation of a request body reported input errors"
        return 400, message, [_schema_error(e) for e in _leaves(cause.schema_errors)]
    if isinstance(cause, DeserializeError):
        return (
            400,
            "The request body is not valid JSON",
            [FieldProblem("body", "is not valid JSON", None)],
        )
    return 400, "The request body is invalid", [FieldProblem("body", _short(str(error)), None)]


def _leaves(errors: Iterable[Any]) -> Iterable[Any]:
    # oneOf/anyOf failures carry the useful detail in .context; report the deepest ones
    for error in errors:
        if error.validator in ("oneOf", "anyOf") and error.context:
            deepest = max(error.context, key=lambda e: len(e.absolute_path))
            yield deepest if len(deepest.absolute_path) > len(error.absolute_path) else error
        else:
            yield error


def _schema_error(error: Any) -> FieldProblem:
    path = list(error.absolute_path)
    if error.validator == "required":
        missing = next(
            (
                name
                for name in error.validator_value
                if isinstance(error.instance, dict) and name not in error.instance
            ),
            None,
        )
        if missing is not None:
            # Nitrobox's documented wording for a missing field
            return FieldProblem(_field_name([*path, missing]), "must not be null", None)
    return FieldProblem(_field_name(path) or "body", _short(error.message), error.instance)


def _field_name(path: list[Any]) -> str:
    """``addresses[0].addressType``: the notation of Nitrobox's documented example."""
    name = ""
    for part in path:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def _short(text: str) -> str:
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 1] + "…"
