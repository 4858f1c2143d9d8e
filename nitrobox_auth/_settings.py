"""Where the client reads its configuration: :class:`NitroboxSettings`.

The environment is read in exactly one place, :meth:`NitroboxSettings.from_env`.
"""

from __future__ import annotations

import os
import re
import urllib.parse
from collections.abc import Mapping
from typing import Final, Literal, cast

import attrs
import httpx

from nitrobox_auth._errors import SettingsError
from nitrobox_auth._redact import mask_secret

Environment = Literal["stage", "production"]

API_BASE_URLS: Final[Mapping[str, str]] = {
    "production": "https://api.nitrobox.io",
    "stage": "https://api.nbx-stage-westeurope.nitrobox.io",
}

ENV_TENANT: Final = "NITROBOX_TENANT"
ENV_CLIENT_ID: Final = "NITROBOX_CLIENT_ID"
ENV_CLIENT_SECRET: Final = "NITROBOX_CLIENT_SECRET"
ENV_ENVIRONMENT: Final = "NITROBOX_ENVIRONMENT"
ENV_BASE_URL: Final = "NITROBOX_BASE_URL"

# The tenant becomes one path segment of the token URL; keep it to unreserved characters
# so it can neither escape the segment nor need quoting.
_TENANT_PATTERN = re.compile(r"[A-Za-z0-9._~-]+")


@attrs.frozen(kw_only=True)
class NitroboxSettings:
    """Who the client is and which Nitrobox it talks to.

    ``environment`` picks the documented API host; ``base_url`` overrides it (a sandbox,
    a white-label host). The secret never shows in ``repr``.
    """

    tenant: str
    client_id: str
    client_secret: str = attrs.field(repr=mask_secret)
    environment: Environment = "stage"
    base_url: str | None = None

    def __attrs_post_init__(self) -> None:
        problems = _problems(self)
        if problems:
            raise SettingsError("invalid Nitrobox settings: " + "; ".join(problems))

    @property
    def api_base_url(self) -> str:
        """The API root without a trailing slash, e.g. ``https://api.nitrobox.io``."""
        if self.base_url is not None:
            return self.base_url.rstrip("/")
        return API_BASE_URLS[self.environment]

    @property
    def token_url(self) -> str:
        """The tenant's OAuth2 token endpoint: ``{api_base_url}/{tenant}/oauth2/token``."""
        return f"{self.api_base_url}/{self.tenant}/oauth2/token"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> NitroboxSettings:
        """Read ``NITROBOX_TENANT``, ``NITROBOX_CLIENT_ID``, ``NITROBOX_CLIENT_SECRET``
        (required), ``NITROBOX_ENVIRONMENT`` and ``NITROBOX_BASE_URL`` (optional).

        ``environ`` defaults to ``os.environ``. Every missing or empty required variable is
        named in one :class:`SettingsError`.
        """
        env = os.environ if environ is None else environ
        values = {name: env.get(name, "").strip() for name in _ALL_VARIABLES}
        missing = [name for name in _REQUIRED_VARIABLES if not values[name]]
        if missing:
            raise SettingsError(
                "missing environment variable(s): "
                + ", ".join(missing)
                + " (set them to your Nitrobox tenant and API client credentials)"
            )
        environment = values[ENV_ENVIRONMENT].lower() or "stage"
        if environment not in API_BASE_URLS:
            raise SettingsError(
                f"{ENV_ENVIRONMENT} must be 'stage' or 'production', not {environment!r}"
            )
        return cls(
            tenant=values[ENV_TENANT],
            client_id=values[ENV_CLIENT_ID],
            client_secret=values[ENV_CLIENT_SECRET],
            environment=cast(Environment, environment),
            base_url=values[ENV_BASE_URL] or None,
        )


_REQUIRED_VARIABLES: Final = (ENV_TENANT, ENV_CLIENT_ID, ENV_CLIENT_SECRET)
_ALL_VARIABLES: Final = (*_REQUIRED_VARIABLES, ENV_ENVIRONMENT, ENV_BASE_URL)


def _problems(settings: NitroboxSettings) -> list[str]:
    """Every reason the settings are unusable, each saying what to fix."""
    problems: list[str] = []
    for name in ("tenant", "client_id", "client_secret"):
        value = getattr(settings, name)
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{name} must be a non-empty string")
    tenant = settings.tenant
    if isinstance(tenant, str) and tenant.strip():
        if not set(urllib.parse.unquote(tenant)) - {"."}:
            # "." and ".." (also as %2e) are dot segments: the URL would lose its tenant
            # segment, or the base URL's path, on its way to the token endpoint.
            problems.append(f"tenant {tenant[:20]!r} is only dots; give the tenant's name")
        elif not _TENANT_PATTERN.fullmatch(tenant):
            problems.append(f"tenant {tenant[:60]!r} may only contain letters, digits and . _ ~ -")
    if isinstance(settings.client_id, str) and ":" in settings.client_id:
        # Basic authentication splits id and secret at the first colon.
        problems.append("client_id must not contain ':'")
    if settings.environment not in API_BASE_URLS:
        problems.append(
            f"environment must be 'stage' or 'production', not {settings.environment!r}"
        )
    if settings.base_url is not None:
        problems.extend(_base_url_problems(settings.base_url))
    return problems


def _base_url_problems(base_url: object) -> list[str]:
    if not isinstance(base_url, str):
        return [f"base_url must be a string URL, not {type(base_url).__name__}"]
    try:
        url = httpx.URL(base_url)
    except httpx.InvalidURL:
        return [f"base_url {base_url!r} is not a valid URL"]
    if url.userinfo:
        # Checked first so that no message below repeats the credentials.
        return ["base_url must not contain credentials"]
    if url.scheme not in ("http", "https") or not url.host:
        return [
            f"base_url {base_url!r} must be an absolute http(s) URL, e.g. https://api.nitrobox.io"
        ]
    if url.query or url.fragment:
        return [f"base_url {base_url!r} must not have a query or fragment"]
    return []
