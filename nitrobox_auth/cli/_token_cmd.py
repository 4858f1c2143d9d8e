"""``nitrobox token``: fetch one access token and show it masked, with its expiry."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime, timedelta

from nitrobox_auth.cli._output import Output
from nitrobox_auth.cli._parser import add_sandbox_flag
from nitrobox_auth.cli._target import open_target, shared_token_cache

NAME = "token"
HELP = "fetch an access token and print it masked, with its expiry"
DESCRIPTION = (
    "Fetch an access token with the NITROBOX_* settings (or from an embedded sandbox "
    "when none are set) and print it masked: the token itself is never shown."
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_sandbox_flag(parser)


def run(args: argparse.Namespace, output: Output) -> int:
    from nitrobox_auth._redact import mask_secret
    from nitrobox_auth.token._provider import TokenProvider

    with (
        open_target(output, force_sandbox=args.sandbox) as target,
        TokenProvider.from_settings(target.settings, cache=shared_token_cache(target)) as provider,
        output.step(f"POST {target.settings.token_url}") as step,
    ):
        token = provider.get_token()
        step.detail = "1 token request"
    lifetime = token.expires_in
    expires_at = datetime.now(UTC) + timedelta(seconds=lifetime)
    output.line(f"access token: {mask_secret(token.value)}")
    output.line(f"token type:   {token.token_type}")
    output.line(f"expires in:   {lifetime:.0f} s (about {expires_at:%Y-%m-%d %H:%M:%S} UTC)")
    return 0
