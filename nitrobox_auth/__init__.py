"""nitrobox_auth: the hand-written runtime of the Nitrobox Python client.

What a production service imports: settings, the token provider and its caches, the httpx
auth, ``create_client`` and its transport layers, errors, paging and RSQL. Families live in
subpackages (``token``, ``transport``, ``api``, ``webhooks`` for the notification receiver,
``cli`` for the ``nitrobox`` command); their modules are private and every public name is
re-exported here. The typed endpoint functions live in the generated package
``nitrobox_client``; the sandbox and the pytest plugin in ``nitrobox_sandbox``.
"""

from typing import TYPE_CHECKING

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
from nitrobox_auth._settings import (
    NitroboxSettings,
)

if TYPE_CHECKING:
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
    from nitrobox_auth.api._client_factory import (
        create_client,
    )
    from nitrobox_auth.api._pagination import (
        PaginationError,
        apaginate,
        paginate,
    )
    from nitrobox_auth.api._rsql import (
        RSQLError,
        and_,
        or_,
        where,
    )
    from nitrobox_auth.token._auth import (
        NitroboxAuth,
    )
    from nitrobox_auth.token._cache import (
        CachedToken,
        TokenCache,
        open_token_cache,
    )
    from nitrobox_auth.token._cache_file import (
        FileTokenCache,
    )
    from nitrobox_auth.token._cache_redis import (
        RedisTokenCache,
    )
    from nitrobox_auth.token._provider import (
        TokenHTTP,
        TokenProvider,
    )
    from nitrobox_auth.token._rules import (
        AccessToken,
        TokenRetryPolicy,
        TokenTiming,
    )
    from nitrobox_auth.transport._retry import (
        RetryAuth,
        RetryPolicy,
        RetryTransport,
    )

# The rest is imported when first used (PEP 562): `import nitrobox_auth` (every service, and
# the pytest plugin every pytest run loads) then costs only the error tree and the settings.
# A name missing here is a mypy error at the import, as with plain imports: mypy reads the
# TYPE_CHECKING imports above and never sees __getattr__.
_DEFERRED: dict[str, str] = {
    "AccessToken": "nitrobox_auth.token._rules",
    "AuthenticationError": "nitrobox_auth.api._api_errors",
    "CachedToken": "nitrobox_auth.token._cache",
    "ConflictError": "nitrobox_auth.api._api_errors",
    "FieldError": "nitrobox_auth.api._api_errors",
    "FileTokenCache": "nitrobox_auth.token._cache_file",
    "NitroboxAPIError": "nitrobox_auth.api._api_errors",
    "NitroboxAuth": "nitrobox_auth.token._auth",
    "NotFoundError": "nitrobox_auth.api._api_errors",
    "PaginationError": "nitrobox_auth.api._pagination",
    "PermissionDeniedError": "nitrobox_auth.api._api_errors",
    "RSQLError": "nitrobox_auth.api._rsql",
    "RateLimitedError": "nitrobox_auth.api._api_errors",
    "RedisTokenCache": "nitrobox_auth.token._cache_redis",
    "RetryAuth": "nitrobox_auth.transport._retry",
    "RetryPolicy": "nitrobox_auth.transport._retry",
    "RetryTransport": "nitrobox_auth.transport._retry",
    "ServerError": "nitrobox_auth.api._api_errors",
    "TokenCache": "nitrobox_auth.token._cache",
    "TokenHTTP": "nitrobox_auth.token._provider",
    "TokenProvider": "nitrobox_auth.token._provider",
    "TokenRetryPolicy": "nitrobox_auth.token._rules",
    "TokenTiming": "nitrobox_auth.token._rules",
    "ValidationError": "nitrobox_auth.api._api_errors",
    "and_": "nitrobox_auth.api._rsql",
    "apaginate": "nitrobox_auth.api._pagination",
    "create_client": "nitrobox_auth.api._client_factory",
    "open_token_cache": "nitrobox_auth.token._cache",
    "or_": "nitrobox_auth.api._rsql",
    "paginate": "nitrobox_auth.api._pagination",
    "raise_for_error": "nitrobox_auth.api._api_errors",
    "unwrap": "nitrobox_auth.api._api_errors",
    "where": "nitrobox_auth.api._rsql",
}

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        module = _DEFERRED.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        import importlib

        value = getattr(importlib.import_module(module), name)
        globals()[name] = value  # once: later lookups find it directly
        return value

    def __dir__() -> list[str]:
        return sorted(set(globals()) | set(__all__))


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
