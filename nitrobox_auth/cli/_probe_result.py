"""One operation's outcome in a ``nitrobox probe`` run, and the bounded exchange both the
read and the write probe send requests with."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._errors import NitroboxError
from nitrobox_auth._strict_json import MAX_ANSWER_DEPTH
from nitrobox_auth.cli._probe_judge import CONFIRMED, SKIPPED
from nitrobox_auth.cli._probe_plan import Step

# An answer larger than this is not read (a probe only needs the first page of one item).
MAX_BODY_BYTES = 16 * 1024 * 1024
_REASON_WIDTH = 72


@dataclass
class Result:
    step: Step
    outcome: str
    status: int | None = None
    problems: tuple[str, ...] = ()
    data: Any = None
    # The path parameters it was sent with, for consumers deeper down the same path.
    values: Mapping[str, str] = field(default_factory=dict)
    # "read", or the write phase ("create", "change", "end").
    phase: str = "read"
    # (field path, code) of each field a refused write named; never the value.
    refused: tuple[tuple[str, str], ...] = ()

    def reason(self) -> str:
        if self.outcome == SKIPPED:
            return self.step.skip or ""
        if self.outcome == CONFIRMED:
            return f"HTTP {self.status}, as documented"
        text = self.problems[0] if self.problems else ""
        if len(self.problems) > 1:
            text += f" (+{len(self.problems) - 1} more)"
        return text if len(text) <= _REASON_WIDTH else text[: _REASON_WIDTH - 3] + "..."


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes
    complete: bool


def exchange(http: httpx.Client, method: str, path: str, **kwargs: Any) -> Answer | str:
    """Send one request; the answer (read up to :data:`MAX_BODY_BYTES`), or the error's type
    name (messages of transport errors may quote the URL, and so an ident)."""
    try:
        with http.stream(method, path, **kwargs) as response:
            chunks: list[bytes] = []
            size = 0
            complete = True
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > MAX_BODY_BYTES:
                    complete = False
                    chunks = []
                    break
                chunks.append(chunk)
            return Answer(
                response.status_code,
                response.headers.get("content-type", ""),
                b"".join(chunks),
                complete,
            )
    except (NitroboxError, httpx.HTTPError) as exc:
        return type(exc).__name__


def json_answer(answer: Answer) -> Any:
    """The parsed body of a 2xx JSON answer, else None."""
    if not 200 <= answer.status < 300 or "json" not in answer.content_type:
        return None
    try:
        return strict_json.loads(answer.body, max_depth=MAX_ANSWER_DEPTH)
    except strict_json.StrictJSONError:
        return None
