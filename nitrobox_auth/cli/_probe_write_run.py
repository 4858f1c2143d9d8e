"""Running the writes :func:`plan_writes` ordered: fill, send, judge, remember, clean up.

Path parameters and references come only from records this run made (or ``--ident``): the
probe never writes to a record it did not create. On the embedded sandbox, a parent the
spec has no create for (a merchant payment account) gets a made-up ``probe-`` ident, which
the sandbox takes on trust; against a tenant that write is skipped with an ``--ident`` hint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from nitrobox_auth._bundled_spec import resolve
from nitrobox_auth.cli._probe_body import BodyBuilder, Known, is_id_name, noun_of, reference_noun
from nitrobox_auth.cli._probe_judge import CONTRADICTED, ERROR, SKIPPED, Judge
from nitrobox_auth.cli._probe_plan import Step
from nitrobox_auth.cli._probe_presence import Presence
from nitrobox_auth.cli._probe_refusal import describe, refused_fields
from nitrobox_auth.cli._probe_result import MAX_BODY_BYTES, Answer, Result, json_answer
from nitrobox_auth.cli._probe_writes import (
    CREATE,
    END,
    Cleanup,
    WriteStep,
    body_references,
    cleaned_by,
    creates_of_nouns,
    target_of,
)

Send = Callable[..., "Answer | str"]
_REFUSED = (400, 422)


@dataclass
class Record:
    """A record the run created: its create, its ident (ours) and whether it was removed."""

    operation_id: str
    noun: str
    ident_field: str | None
    ident: str | None
    cleanup: Cleanup
    known: Known = field(default_factory=Known)
    removed_by: str | None = None
    # The create got no answer or a 5xx: the record may exist all the same.
    uncertain: bool = False

    def as_report(self, outcomes: Mapping[str, str]) -> dict[str, Any]:
        if self.uncertain:
            how = "may exist: its create got no 2xx answer; look for its ident"
        elif self.removed_by is not None:
            how = f"removed by {self.removed_by}"
        elif self.cleanup.operation_id is None:
            how = f"not removed: {self.cleanup.reason}"
        else:
            outcome = outcomes.get(self.cleanup.operation_id, "not run")
            how = f"not removed: {self.cleanup.operation_id} was {outcome}"
        return {
            "operationId": self.operation_id,
            "record": self.noun,
            "identField": self.ident_field,
            "ident": self.ident,
            "removed": self.removed_by is not None,
            "uncertain": self.uncertain,
            "removedBy": self.removed_by,
            "removable": self.cleanup.operation_id is not None,
            "note": how,
        }


class WriteRun:
    def __init__(
        self,
        spec: Mapping[str, Any],
        judge: Judge,
        presence: Presence,
        builder: BodyBuilder,
        idents: Mapping[str, str],
        *,
        invent_parents: bool,
    ) -> None:
        self._spec = spec
        self._judge = judge
        self._presence = presence
        self._builder = builder
        self._idents = idents
        self._invent = invent_parents
        self.known = Known()
        self.records: list[Record] = []
        self._by_create: dict[str, Record] = {}
        self._outcomes: dict[str, str] = {}

    def run(self, steps: Sequence[WriteStep], send: Send) -> list[Result]:
        self._creates_by_path = {s.op.path: s for s in steps if s.phase == CREATE}
        self._creates_by_noun = creates_of_nouns(steps)
        self._cleans = cleaned_by(steps)
        results = []
        for step in steps:
            result = self._run(step, send)
            self._outcomes[step.op.operation_id] = result.outcome
            results.append(result)
        return results

    def record_report(self) -> list[dict[str, Any]]:
        return [r.as_report(self._outcomes) for r in self.records]

    # -- one step -------------------------------------------------------------------------

    def _skip(self, step: WriteStep, reason: str) -> Result:
        return Result(Step(step.op, skip=reason), SKIPPED, phase=step.phase)

    def _run(self, step: WriteStep, send: Send) -> Result:
        if step.skip is not None:
            return self._skip(step, step.skip)
        target = self._cleans.get(step.op.operation_id) or target_of(
            step, self._creates_by_path, self._creates_by_noun
        )
        if target is not None and target not in self._by_create and step.phase != CREATE:
            return self._skip(step, f"{target} made no record to act on")
        path = self._fill_path(step)
        if path.startswith("!"):
            return self._skip(step, path[1:])
        for name in sorted(body_references(self._spec, step)):
            producer = self._creates_by_noun.get(reference_noun(name) or "")
            if producer and producer != step.op.operation_id and producer not in self._by_create:
                # Without it the write would act on the tenant's records (a billing run
                # without its debtor bills every debtor): never.
                return self._skip(step, f"{name} needs the record {producer} did not make")
        kwargs = self._body(step, target)
        answer = send(step.op.method, path, **kwargs)
        return self._judge_answer(step, answer, kwargs.get("json"), target)

    def _fill_path(self, step: WriteStep) -> str:
        path = step.op.path
        integers = _integer_params(self._spec, step.op.path, step.op.method)
        names = _params(path)
        cleaned = self._by_create.get(self._cleans.get(step.op.operation_id, ""))
        for name in names:
            prefix = step.op.path.split("{" + name + "}", 1)[0].rstrip("/")
            value = self._path_value(step, name, prefix, name in integers)
            last = name == names[-1] and name not in integers
            if last and cleaned is not None and cleaned.ident is not None:
                # The spec's cleanup of a record: its last parameter is that record.
                value = cleaned.ident
            if value is None:
                return (
                    f"!no record of this run gives {name}; give --ident {name}=VALUE "
                    "(of a record you made for the probe)"
                )
            path = path.replace("{" + name + "}", quote(str(value), safe=""))
        return path

    def _path_value(self, step: WriteStep, name: str, prefix: str, integer: bool) -> Any:
        scoped = f"{step.op.operation_id}.{name}"
        if scoped in self._idents or name in self._idents:
            return self._idents.get(scoped, self._idents.get(name))
        noun = noun_of(prefix)
        generic = name in ("ident", "id")
        wanted = [f"{noun}Id", f"{noun}Ident"] if integer else [f"{noun}Ident", f"{noun}Id"]
        names = [*wanted, name] if generic else [name, *wanted]
        create = self._creates_by_path.get(prefix)
        if create is not None:
            record = self._by_create.get(create.op.operation_id)
            if record is None:
                return None
            found = next(
                (record.known.get(n) for n in names if record.known.get(n) is not None), None
            )
            if found is not None:
                return found
        found = next((self.known.get(n) for n in names if self.known.get(n) is not None), None)
        if found is not None:
            return found
        if self._invent and create is None and not integer:
            return self._builder.ident(name if not generic else f"{noun}Ident")
        return None

    def _body(self, step: WriteStep, target: str | None) -> dict[str, Any]:
        if step.media is None:
            return {}
        known = self.known
        record = self._by_create.get(target) if target else None
        if record is not None:
            # The record acted on: its own ident for `ident`/`idents` (a bulk cancel).
            known = Known({**self.known.values, **record.known.values})
            for generic in ("ident", "id"):
                value = record.known.get(f"{record.noun}{generic.title()}")
                if value is not None:
                    known.values[generic] = value
        if "multipart" in step.media:
            return {"files": self._multipart(step)}
        return {"json": self._builder.build(step.body_schema, known, own=step.own, noun=step.label)}

    def _multipart(self, step: WriteStep) -> dict[str, tuple[str, bytes, str]]:
        node = resolve(self._spec, step.body_schema)
        props = node.get("properties", {}) if isinstance(node, Mapping) else {}
        files = {}
        for name in node.get("required", list(props)) if isinstance(node, Mapping) else []:
            files[str(name)] = ("probe.txt", b"nitrobox probe\n", "text/plain")
        return files

    def _judge_answer(
        self, step: WriteStep, answer: Answer | str, sent: Any, target: str | None
    ) -> Result:
        phase = step.phase
        if isinstance(answer, str) or answer.status >= 500:
            self._maybe_created(step, sent)
        if isinstance(answer, str):
            return Result(Step(step.op), ERROR, problems=(f"no answer: {answer}",), phase=phase)
        if not answer.complete:
            big = f"the answer is larger than {MAX_BODY_BYTES // (1024 * 1024)} MiB; not judged"
            return Result(Step(step.op), ERROR, answer.status, (big,), phase=phase)
        if 400 <= answer.status < 500 and answer.status not in (404, 405):
            refused = refused_fields(answer.body, self._judge.names)
            if refused:
                return Result(
                    Step(step.op),
                    CONTRADICTED,
                    answer.status,
                    describe(refused),
                    phase=phase,
                    refused=refused,
                )
            if answer.status in _REFUSED:
                why = f"HTTP {answer.status}: the spec-built body was refused (no field named)"
                return Result(Step(step.op), CONTRADICTED, answer.status, (why,), phase=phase)
            return Result(
                Step(step.op), ERROR, answer.status, (f"HTTP {answer.status}",), phase=phase
            )
        verdict = self._judge.judge(
            step.op.path, step.op.method, answer.status, answer.content_type, answer.body
        )
        data = json_answer(answer)
        schema = None
        if data is not None:
            schema = self._judge.response_schema(
                step.op.path, step.op.method, answer.status, answer.content_type
            )
            if schema is not None:
                self._presence.count(schema, data)
        if 200 <= answer.status < 300:
            self._remember(step, sent, data, target, _schema_noun(schema if data else None))
        return Result(Step(step.op), verdict.outcome, answer.status, verdict.problems, phase=phase)

    def _maybe_created(self, step: WriteStep, sent: Any) -> None:
        """A create without an answer may still have made its record: list it as such."""
        ident = sent.get(step.own) if isinstance(sent, Mapping) and step.own else None
        if step.phase == CREATE and isinstance(ident, str) and ident.startswith("probe-"):
            cleanup = step.cleanup or Cleanup(None, "no cleanup known")
            self.records.append(
                Record(step.op.operation_id, step.noun, step.own, ident, cleanup, uncertain=True)
            )

    def _remember(
        self, step: WriteStep, sent: Any, data: Any, target: str | None, answer_noun: str | None
    ) -> None:
        if step.phase == CREATE:
            ident = sent.get(step.own) if isinstance(sent, Mapping) and step.own else None
            record = Record(
                step.op.operation_id,
                step.noun,
                step.own,
                ident if isinstance(ident, str) and ident.startswith("probe-") else None,
                step.cleanup or Cleanup(None, "no cleanup known"),
            )
            for source in (data, sent):  # the answer's values win (a server-made id)
                record.known.learn(step.noun, source)
                if answer_noun and answer_noun != step.noun:
                    # A deposit invoice answers a Document: its `ident` is a documentIdent.
                    record.known.learn(answer_noun, source)
            for name, value in record.known.values.items():
                if not is_id_name(name) or name.startswith(step.noun):
                    self.known.values[name] = value
                else:
                    self.known.values.setdefault(name, value)
            self._by_create[step.op.operation_id] = record
            self.records.append(record)
        elif step.phase == END and target is not None:
            ended = self._by_create.get(target)
            # Its cleanup names the removal; another end that worked (a termination before
            # the cancel) counts when the cleanup does not.
            ours = ended is not None and ended.cleanup.operation_id == step.op.operation_id
            if ended is not None and (ours or ended.removed_by is None):
                ended.removed_by = step.op.operation_id


def _schema_noun(schema: Any) -> str | None:
    """``{"$ref": "#/components/schemas/Document"}`` -> ``document``."""
    ref = schema.get("$ref") if isinstance(schema, Mapping) else None
    if not isinstance(ref, str) or not ref.startswith("#/components/schemas/"):
        return None
    name = ref.rsplit("/", 1)[-1]
    return name[:1].lower() + name[1:] if name else None


def _params(path: str) -> list[str]:
    return re.findall(r"\{([^}/]+)\}", path)


def _integer_params(spec: Mapping[str, Any], path: str, method: str) -> set[str]:
    item = resolve(spec, spec["paths"][path])
    found: set[str] = set()
    for raw in [*item.get("parameters", []), *item[method.lower()].get("parameters", [])]:
        node = resolve(spec, raw)
        schema = resolve(spec, node.get("schema", {}))
        integer = isinstance(schema, Mapping) and schema.get("type") == "integer"
        if node.get("in") == "path" and integer:
            found.add(str(node["name"]))
    return found
