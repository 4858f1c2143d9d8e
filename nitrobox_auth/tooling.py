"""The small surface of the runtime that Nitrobox's own tooling builds on.

``nitrobox_sandbox`` (the local Nitrobox and the pytest plugin) imports the runtime through
``nitrobox_auth``'s public names and this module only, never a private module, so the
layers stay what README.md (Layout) says they are; an import-linter contract checks it.
Everything here is pure and typed, and documented where it is defined:

- the bundled OpenAPI document: :func:`load_bundled_spec`, :func:`resolve`,
  :func:`follow_pointer`;
- strict JSON: :mod:`strict_json` (``loads(data, *, max_depth)`` raising ``StrictJSONError``),
  :func:`json_depth`, :func:`json_type_name`;
- credentials: :func:`parse_basic`, :func:`parse_bearer`, :func:`same_secret`,
  :func:`scrub`, :func:`scrub_credentials`;
- issued tokens: :class:`IssuedTokens`, :class:`TokenState`;
- which failures are worth retrying: :func:`is_transient_status`;
- the HTTP package (httpx or httpx2) of an explicit choice: :func:`http_package_named`
  (a ``SettingsError`` for anything else, or for httpx2 without its extra);
- checks: :func:`ascii_digits`, :func:`positive_seconds`, :func:`number_of_seconds`;
- the shared token cache the environment selects: :data:`ENV_TOKEN_CACHE`,
  :func:`token_cache_from_env`;

It is public so the sandbox can depend on it, but it is not the client API: names here may
change in a minor release, with a note in CHANGELOG.md.
"""

from __future__ import annotations

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._bundled_spec import follow_pointer, load_bundled_spec, resolve
from nitrobox_auth._checks import ascii_digits, number_of_seconds, positive_seconds
from nitrobox_auth._credentials import parse_basic, parse_bearer, same_secret
from nitrobox_auth._http_package import HTTPPackageChoice
from nitrobox_auth._http_package import named as http_package_named
from nitrobox_auth._issued_tokens import IssuedTokens, TokenState
from nitrobox_auth._redact import SENSITIVE_HEADERS, scrub, scrub_credentials
from nitrobox_auth._retry_rules import is_transient_status
from nitrobox_auth._strict_json import json_depth, json_type_name
from nitrobox_auth.token._cache import ENV_TOKEN_CACHE, token_cache_from_env

__all__ = [
    "ENV_TOKEN_CACHE",
    "SENSITIVE_HEADERS",
    "HTTPPackageChoice",
    "IssuedTokens",
    "TokenState",
    "ascii_digits",
    "follow_pointer",
    "http_package_named",
    "is_transient_status",
    "json_depth",
    "json_type_name",
    "load_bundled_spec",
    "number_of_seconds",
    "parse_basic",
    "parse_bearer",
    "positive_seconds",
    "resolve",
    "same_secret",
    "scrub",
    "scrub_credentials",
    "strict_json",
    "token_cache_from_env",
]
