"""Library warnings on the command's stderr, each once.

The runtime logs through the ``nitrobox`` loggers and adds no handler (a library must not);
the sandbox logs through ``nitrobox_sandbox``. A command is an application, so it shows
their WARNING records: a ``NITROBOX_TOKEN_CACHE`` it cannot use, a shared cache that fails,
a notification that could not be delivered (an ERROR record goes with an exception, which
the command reports anyway). Python ``warnings`` (a deprecation) are shown the
same way. Each distinct message is shown once per command, however often it is logged.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

LOGGERS = ("nitrobox", "nitrobox_sandbox")


class _Once(logging.Filter):
    def __init__(self) -> None:
        super().__init__()
        self.seen: set[str] = set()

    def shown_before(self, text: str) -> bool:
        if text in self.seen:
            return True
        self.seen.add(text)
        return False

    def filter(self, record: logging.LogRecord) -> bool:
        # ERROR records go with an exception, which the command prints itself.
        if record.levelno >= logging.ERROR:
            return False
        return not self.shown_before(record.getMessage())


@contextmanager
def library_warnings_to(stream: TextIO) -> Iterator[None]:
    """While the body runs, WARNING records of our loggers and Python warnings go to
    ``stream`` as ``nitrobox: warning: ...`` lines, each distinct one once."""
    once = _Once()
    handler = logging.StreamHandler(stream)
    handler.setLevel(logging.WARNING)
    handler.addFilter(once)
    handler.setFormatter(logging.Formatter("nitrobox: warning: %(message)s"))
    loggers = [logging.getLogger(name) for name in LOGGERS]
    # A logger left at NOTSET inherits the root's WARNING; one set higher would hide them.
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.addHandler(handler)
        if logger.level > logging.WARNING:
            logger.setLevel(logging.WARNING)

    def show(
        message: Warning | str,
        category: type[Warning],
        filename: str,
        lineno: int,
        file: TextIO | None = None,
        line: str | None = None,
    ) -> None:
        text = f"{category.__name__}: {message}"
        if not once.shown_before(text):
            print(f"nitrobox: warning: {text}", file=stream, flush=True)

    original_show = warnings.showwarning
    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = original_show
        for logger, level in zip(loggers, levels, strict=True):
            logger.removeHandler(handler)
            logger.setLevel(level)
