"""nitrobox_auth: the hand-written part of the Nitrobox Python client.

Token provider, httpx auth, client factory, errors, resilience helpers, the sandbox,
the pytest plugin and the ``nitrobox`` command. The typed endpoint functions live in the
generated package ``nitrobox_client``.
"""

from nitrobox_auth._auth import NitroboxAuth
from nitrobox_auth._client_factory import create_client
from nitrobox_auth._errors import (
    InvalidClientError,
    NitroboxAuthError,
    NitroboxError,
    OAuthError,
    SettingsError,
    TokenRequestError,
    TokenResponseError,
)
from nitrobox_auth._settings import NitroboxSettings
from nitrobox_auth._token_provider import TokenProvider
from nitrobox_auth._token_rules import AccessToken, TokenRetryPolicy

__all__ = [
    "AccessToken",
    "InvalidClientError",
    "NitroboxAuth",
    "NitroboxAuthError",
    "NitroboxError",
    "NitroboxSettings",
    "OAuthError",
    "SettingsError",
    "TokenProvider",
    "TokenRequestError",
    "TokenResponseError",
    "TokenRetryPolicy",
    "create_client",
]
