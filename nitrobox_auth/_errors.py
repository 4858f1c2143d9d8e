"""The exception tree of the Nitrobox client: the one place it is drawn. Every error this
package (and ``nitrobox_sandbox``) raises derives from :class:`NitroboxError`, so
``except NitroboxError`` catches them all.

::

    NitroboxError
    ├── SettingsError            configuration missing or invalid (also a ValueError)
    │   └── MixedHTTPPackagesError  objects of httpx and of httpx2 given to one client
    ├── NitroboxAuthError        getting or using an access token failed
    │   ├── TokenRequestError    the token endpoint could not be reached or kept failing
    │   ├── TokenWaitTimeoutError  waited too long for another caller's token fetch
    │   ├── TokenResponseError   a 2xx answer that is not a valid token
    │   └── OAuthError           an RFC 6749 error answer (status, error, error_description)
    │       └── InvalidClientError   the client credentials were rejected
    ├── NitroboxAPIError         the API answered with an error status (in _api_errors),
    │   │                        or a status the operation does not document
    │   ├── ValidationError      400, 422 (field errors in ``errors``, as FieldError)
    │   ├── AuthenticationError  401 (even after a fresh token)
    │   ├── PermissionDeniedError  403
    │   ├── NotFoundError        404
    │   ├── ConflictError        409
    │   ├── RateLimitedError     429 (``retry_after``)
    │   └── ServerError          500-599, standard or not
    ├── APIConnectionError       no answer from the API after the retries (``method``, ``url``)
    │   └── APITimeoutError      ... because a timeout or the call's total deadline ran out
    ├── ResponseError            an answer the client cannot use as documented
    │   ├── MalformedResponseError  not the documented shape: not JSON, HTML, too deeply
    │   │                           nested, numbers out of range, wrong types
    │   └── ResponseTooLargeError   bigger than the size limit (measured after decompression)
    ├── ClientClosedError        the client was used after it was closed (also a RuntimeError)
    ├── PaginationError          a paged query cannot be walked safely (also a ValueError)
    ├── RSQLError                an RSQL filter cannot be built from the input (also a ValueError)
    ├── BundledSpecError         the spec bundled with the package cannot be loaded
    ├── StrictJSONError          text that is not strict JSON (nitrobox_auth.tooling; a ValueError)
    ├── CommandError             a ``nitrobox`` command cannot run as asked (nitrobox_auth.cli)
    │   ├── UnknownOperationError   no operation of that name (also a LookupError)
    │   └── ProductionRefusedError  ``nitrobox probe --writes`` aimed at production
    ├── InvalidNotificationError  a notification body that is not one (nitrobox_auth.webhooks)
    ├── WebhookConfigError       a receiver set up wrongly (nitrobox_auth.webhooks)
    └── SandboxError             the sandbox (nitrobox_sandbox); SandboxConfigError: a bad setting
        ├── SeedError            seed data the sandbox refuses (names the record and the field)
        └── NotificationTimeout  nitrobox_notifications.wait_for() saw no match (an AssertionError)

A call through ``create_client``'s client raises only errors of this tree:

- ``unwrap(response)`` raises the :class:`NitroboxAPIError` of a non-2xx status (the
  generated ``*_detailed`` functions return documented error answers instead of raising);
- a status the operation does not document raises its :class:`NitroboxAPIError` inside the
  endpoint function (``create_client(raise_on_unexpected_status=False)`` returns it with
  ``parsed=None, documented=False`` instead, and ``unwrap`` raises the same error);
- a 2xx body the generated parser cannot read, or a body whose ``Content-Encoding`` cannot
  be decoded, raises :class:`MalformedResponseError`;
- no answer, after the retries: :class:`APIConnectionError` / :class:`APITimeoutError`;
- a token that cannot be had: a :class:`NitroboxAuthError`;
- a call after ``with client:`` / ``async with client:`` ended: :class:`ClientClosedError`.

No message, ``str`` or ``repr`` of these errors ever contains a client secret,
a Basic header or an access token.
"""

from __future__ import annotations


class NitroboxError(Exception):
    """Root of every error raised by the Nitrobox client."""


class SettingsError(NitroboxError, ValueError):
    """The configuration is missing or invalid; the message names what to fix."""


class MixedHTTPPackagesError(SettingsError):
    """Objects of httpx and of httpx2 were given to one client; the message names both."""


class NitroboxAuthError(NitroboxError):
    """Getting or using an access token failed."""


class TokenWaitTimeoutError(NitroboxAuthError):
    """A thread or task waited longer than ``wait_timeout`` for a token fetch that another
    caller was making (a stuck token endpoint); ``waited`` is in seconds."""

    def __init__(self, message: str, *, waited: float) -> None:
        super().__init__(message)
        self.waited = waited


class TokenRequestError(NitroboxAuthError):
    """The token endpoint could not be reached, or kept failing after the allowed retries.

    ``attempts`` is how many token requests were sent; ``status`` is the HTTP status of the
    last answer (``None`` when the last attempt got no answer at all).
    """

    def __init__(self, message: str, *, attempts: int, status: int | None = None) -> None:
        super().__init__(message)
        self.attempts = attempts
        self.status = status


class TokenResponseError(NitroboxAuthError):
    """The token endpoint answered 2xx, but the answer is not a valid bearer token.

    The evidence kept is safe to log: the status, the content type and the names (never
    the values) of the JSON fields that were present.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int,
        content_type: str | None = None,
        fields: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.status = status
        self.content_type = content_type
        self.fields = fields


class OAuthError(NitroboxAuthError):
    """The token endpoint sent an RFC 6749 error answer (``error``, ``error_description``)."""

    def __init__(
        self,
        message: str,
        *,
        status: int,
        error: str | None,
        error_description: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.error_description = error_description


class InvalidClientError(OAuthError):
    """The token endpoint rejected the client id or secret; retrying will not help."""


class APIConnectionError(NitroboxError):
    """The API gave no answer: the connection failed, after the allowed retries.

    ``method`` and ``url`` say which call; the URL's query is redacted where it could hold a
    secret.
    """

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.method = method
        self.url = url


class APITimeoutError(APIConnectionError):
    """The API gave no complete answer in time: a timeout or the call's total deadline ran out."""


class ResponseError(NitroboxError):
    """An answer arrived, but the client cannot use it as the spec documents it."""


class MalformedResponseError(ResponseError, ValueError):
    """The answer is not the documented shape (not JSON, HTML, too deep, out of range, ...).

    ``status`` and ``content_type`` are kept; the body is not put into the message (it may
    hold user data).
    """

    def __init__(
        self, message: str, *, status: int | None = None, content_type: str | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.content_type = content_type


class ResponseTooLargeError(ResponseError):
    """The answer is bigger than the size limit (``limit`` bytes, after decompression)."""

    def __init__(self, message: str, *, limit: int) -> None:
        super().__init__(message)
        self.limit = limit


class ClientClosedError(NitroboxError, RuntimeError):
    """The client (or its token provider) was used after it was closed."""
