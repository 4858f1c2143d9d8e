"""What the ``nitrobox`` command prints: numbered steps with their timing, notes, JSON."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO


class Step:
    """One step in progress; the body sets ``detail`` to say what came out of it."""

    def __init__(self, number: int, title: str) -> None:
        self.number = number
        self.title = title
        self.detail = ""
        self.elapsed_ms = 0.0


class Output:
    """Writes to the given streams so tests can capture everything a user would see."""

    def __init__(
        self,
        out: TextIO,
        err: TextIO,
        *,
        clock: Callable[[], float] = time.perf_counter,
    ) -> None:
        self.out = out
        self.err = err
        self._clock = clock
        self._steps = 0
        self.total_ms = 0.0

    def line(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def note(self, text: str) -> None:
        """A remark on how the command runs; on stderr so stdout stays pipeable (JSON)."""
        print(f"# {text}", file=self.err, flush=True)

    def error(self, text: str) -> None:
        print(f"nitrobox: error: {text}", file=self.err, flush=True)

    def json(self, value: object) -> None:
        self.line(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False))

    @contextmanager
    def step(self, title: str) -> Iterator[Step]:
        """Time the body and print one line with its outcome, also when it fails."""
        self._steps += 1
        step = Step(self._steps, title)
        started = self._clock()
        try:
            yield step
        except BaseException:
            step.elapsed_ms = (self._clock() - started) * 1000
            self.total_ms += step.elapsed_ms
            self._print_step(step, "FAILED")
            raise
        step.elapsed_ms = (self._clock() - started) * 1000
        self.total_ms += step.elapsed_ms
        self._print_step(step, "ok")

    def _print_step(self, step: Step, outcome: str) -> None:
        detail = f"  {step.detail}" if step.detail else ""
        self.line(
            f"{step.number:>2}. {step.title:<34} {outcome:<6} {step.elapsed_ms:8.1f} ms{detail}"
        )
