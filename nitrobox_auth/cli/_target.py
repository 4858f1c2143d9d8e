"""Where a command talks to: the configured Nitrobox environment, or an embedded sandbox.

The rule users see: with any ``NITROBOX_*`` credential variable set, the command uses
``NitroboxSettings.from_env()`` (which names a missing variable); with none set, or with
``--sandbox``, it starts a sandbox on 127.0.0.1 for the length of the command.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from nitrobox_auth._settings import ENV_CLIENT_ID, ENV_CLIENT_SECRET, ENV_TENANT, NitroboxSettings
from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._sandbox_seam import sandbox_class

if TYPE_CHECKING:
    from nitrobox_auth.cli._sandbox_seam import Sandbox
    from nitrobox_auth.token._cache import TokenCache

# Any of these set means the user meant to configure a real environment.
CREDENTIAL_VARIABLES = (ENV_TENANT, ENV_CLIENT_ID, ENV_CLIENT_SECRET)


@dataclass(frozen=True)
class Target:
    settings: NitroboxSettings
    sandbox: Sandbox | None
    description: str


def shared_token_cache(
    target: Target, environ: Mapping[str, str] | None = None
) -> TokenCache | None:
    """The cache ``NITROBOX_TOKEN_CACHE`` selects, for a real environment (an embedded
    sandbox lives as long as the command: nothing to share)."""
    from nitrobox_auth.token._cache import token_cache_from_env

    return None if target.sandbox is not None else token_cache_from_env(environ)


def credentials_configured(environ: Mapping[str, str]) -> bool:
    return any(environ.get(name) for name in CREDENTIAL_VARIABLES)


@contextmanager
def open_target(
    output: Output,
    *,
    force_sandbox: bool = False,
    environ: Mapping[str, str] | None = None,
) -> Iterator[Target]:
    env = os.environ if environ is None else environ
    if force_sandbox or not credentials_configured(env):
        sandbox = sandbox_class()()
        with sandbox.serve():
            why = "--sandbox given" if force_sandbox else "no NITROBOX_* credentials set"
            output.note(f"{why}: using an embedded sandbox at {sandbox.base_url}")
            yield Target(sandbox.settings(), sandbox, f"embedded sandbox {sandbox.base_url}")
        return

    settings = NitroboxSettings.from_env(env)
    description = f"{settings.api_base_url} (tenant {settings.tenant})"
    output.note(f"using NITROBOX_* settings: {description}")
    yield Target(settings, None, description)
