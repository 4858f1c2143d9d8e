"""nitrobox_auth: the hand-written runtime of the Nitrobox Python client.

What a production service imports: settings, the token provider and its caches, the httpx
auth, ``create_client`` and its transport layers, errors, paging and RSQL. Families live in
subpackages (``token``, ``transport``, ``api``, ``webhooks`` for the notification receiver,
``cli`` for the ``nitrobox`` command); their modules are private and every public name is
re-exported here. The typed endpoint functions live in the generated package
``nitrobox_client``; the sandbox and the pytest plugin in ``nitrobox_sandbox``.
"""

from nitrobox_auth._errors import (
    APIConnectionError,
    APITimeoutError,
    ClientClosedError,
    InvalidClientError,
    MalformedResponseError,
    MixedHTTPPackagesError,
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
from nitrobox_auth._settings import NitroboxSettings
from nitrobox_auth.api._api_errors import (
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
from nitrobox_auth.api._client_factory import create_client
from nitrobox_auth.api._pagination import PaginationError, apaginate, paginate
from nitrobox_auth.api._rsql import RSQLError, and_, or_, where
from nitrobox_auth.token._auth import NitroboxAuth
from nitrobox_auth.token._cache import CachedToken, TokenCache, open_token_cache
from nitrobox_auth.token._cache_file import FileTokenCache
from nitrobox_auth.token._cache_redis import RedisTokenCache
from nitrobox_auth.token._provider import TokenHTTP, TokenProvider
from nitrobox_auth.token._rules import AccessToken, TokenRetryPolicy, TokenTiming
from nitrobox_auth.transport._retry import RetryAuth, RetryPolicy, RetryTransport

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
    "MixedHTTPPackagesError",
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
