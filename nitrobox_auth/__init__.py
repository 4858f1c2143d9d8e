"""nitrobox_auth: the hand-written part of the Nitrobox Python client.

Token provider, httpx auth, client factory, errors, resilience helpers, the sandbox,
the pytest plugin and the ``nitrobox`` command. The typed endpoint functions live in the
generated package ``nitrobox_client``.
"""

from nitrobox_auth._api_errors import (
    AuthenticationError,
    ConflictError,
    FieldError,
    NitroboxAPIError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ServerError,
    ValidationError,
    raise_for_error,
    unwrap,
)
from nitrobox_auth._auth import NitroboxAuth
from nitrobox_auth._client_factory import create_client
from nitrobox_auth._errors import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    InvalidClientError,
    MalformedResponseError,
    NitroboxAuthError,
    NitroboxError,
    OAuthError,
    ResponseError,
    ResponseTooLargeError,
    SettingsError,
    TokenRequestError,
    TokenResponseError,
    TokenWaitTimeoutError,
)
from nitrobox_auth._pagination import PaginationError, apaginate, paginate
from nitrobox_auth._retry import RetryAuth, RetryPolicy, RetryTransport
from nitrobox_auth._rsql import RSQLError, and_, or_, where
from nitrobox_auth._settings import NitroboxSettings
from nitrobox_auth._token_cache import CachedToken, TokenCache, open_token_cache
from nitrobox_auth._token_cache_file import FileTokenCache
from nitrobox_auth._token_cache_redis import RedisTokenCache
from nitrobox_auth._token_provider import TokenHTTP, TokenProvider
from nitrobox_auth._token_rules import AccessToken, TokenRetryPolicy, TokenTiming

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "AccessToken",
    "AuthenticationError",
    "CachedToken",
    "ClientClosedError",
    "ConflictError",
    "FieldError",
    "FileTokenCache",
    "InvalidClientError",
    "MalformedResponseError",
    "NitroboxAPIError",
    "NitroboxAuth",
    "NitroboxAuthError",
    "NitroboxError",
    "NitroboxSettings",
    "NotFoundError",
    "OAuthError",
    "PaginationError",
    "PermissionDeniedError",
    "RSQLError",
    "RateLimitedError",
    "RedisTokenCache",
    "ResponseError",
    "ResponseTooLargeError",
    "RetryAuth",
    "RetryPolicy",
    "RetryTransport",
    "ServerError",
    "SettingsError",
    "TokenCache",
    "TokenHTTP",
    "TokenProvider",
    "TokenRequestError",
    "TokenResponseError",
    "TokenRetryPolicy",
    "TokenTiming",
    "TokenWaitTimeoutError",
    "ValidationError",
    "and_",
    "apaginate",
    "create_client",
    "open_token_cache",
    "or_",
    "paginate",
    "raise_for_error",
    "unwrap",
    "where",
]
