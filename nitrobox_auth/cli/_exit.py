"""The exit codes of every ``nitrobox`` command: one table, the same in docs/cli.md."""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """What a script may branch on. docs/cli.md (Exit codes) shows the same table, and
    tests/integration/cli/test_exit_codes.py holds both to it."""

    #: Success (``probe``: nothing contradicted, unreachable or in error).
    OK = 0
    #: The API or the network failed after the retries; ``call`` got a non-2xx answer;
    #: ``probe`` found a contradicted, unreachable or failed operation.
    FAILED = 1
    #: Bad input or configuration, before any API request: a wrong or missing flag, an
    #: unknown operation, a missing ``NITROBOX_*`` variable, a missing extra, credentials
    #: the token endpoint refuses. The message says what to change; retrying cannot help.
    USAGE = 2
    #: Interrupted by Ctrl-C.
    INTERRUPTED = 130
