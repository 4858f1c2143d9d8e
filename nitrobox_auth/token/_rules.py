"""The I/O-free rules of the token exchange, shared by the sync and the async paths.

Building the token request, reading the answer, deciding when a token must be refreshed
and how long to wait before a retry: pure functions of their arguments, no clock, no
network. :mod:`nitrobox_auth.token._provider` drives them.
"""

from __future__ import annotations

import base64
import math
import warnings
from typing import Final

import attrs
import httpx

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._checks import positive_seconds
from nitrobox_auth._errors import (
    InvalidClientError,
    OAuthError,
    SettingsError,
    TokenRequestError,
    TokenResponseError,
)
from nitrobox_auth._http_package import HTTPX, HTTPPackage
from nitrobox_auth._http_rules import (
    DECIMAL_SECONDS,
    HEADER_SAFE_TOKEN,
    RetrySchedule,
    check_attempts,
    check_seconds,
    check_share,
    parse_retry_after,
)
from nitrobox_auth._redact import mask_secret, scrub
from nitrobox_auth._retry_rules import is_transient_error, is_transient_status
from nitrobox_auth._strict_json import MAX_ANSWER_DEPTH, json_type_name

# Nitrobox tokens live about five minutes (the documented example says 269 s). 30 s
# covers a slow request plus the resilience layer's retries on the API side, and still
# uses a 269 s token for 239 s (one token request every four minutes).
DEFAULT_REFRESH_MARGIN: Final = 30.0

# RFC 6749 makes expires_in optional. When it is missing we assume a short life rather
# than the tenant default of five minutes: a token request a minute costs nothing, and an
# unexpectedly short-lived tenant configuration then never sends stale tokens.
DEFAULT_EXPIRES_IN: Final = 60.0

# A token must live at least this long: below it, every request would fetch a new token
# (or send one that has expired on the way). Such an answer is refused, not clamped: the
# server's configuration is wrong, and pretending the token lives longer would send
# expired tokens.
MIN_EXPIRES_IN: Final = 1.0

# How far ahead of the margin one caller starts fetching the next token, as a share of
# the margin: 7.5 s for a five-minute token (used 231.5 s of 269 s), 0.25 s for a 2 s one.
# Under load, this early fetch is what keeps everyone else from queueing behind it.
RENEWAL_LEAD: Final = 0.25

# A stuck token fetch must not hold every other caller forever. A fetch takes at most
# about 4 attempts x 10 s plus the waits between them; a minute covers that.
DEFAULT_WAIT_TIMEOUT: Final = 60.0

GRANT_BODY: Final = b"grant_type=client_credentials"


@attrs.frozen(kw_only=True)
class AccessToken:
    """A bearer token and when it stops being usable, on the monotonic clock.

    ``issued_at`` is the monotonic clock reading taken when the token request was *sent*, so
    our idea of the expiry is never later than the server's. Two thresholds follow:

    - ``refresh_at`` is ``refresh_margin`` before ``expires_at``; from then on the token is
      no longer handed out (:meth:`past_refresh_at`);
    - ``renew_at`` comes a quarter margin earlier; from then on one caller fetches the next
      token while the others keep using this one, so nobody waits for the token endpoint
      (:meth:`past_renew_at`).
    """

    value: str = attrs.field(repr=mask_secret)
    token_type: str = "bearer"
    expires_in: float
    issued_at: float
    refresh_margin: float

    @property
    def expires_at(self) -> float:
        """Monotonic time at which the server stops accepting the token."""
        return self.issued_at + self.expires_in

    @property
    def refresh_at(self) -> float:
        """Monotonic time from which the token is replaced before use."""
        return self.expires_at - self.refresh_margin

    @property
    def renew_at(self) -> float:
        """Monotonic time from which one caller fetches the successor in advance."""
        return self.refresh_at - self.refresh_margin * RENEWAL_LEAD

    def past_renew_at(self, now: float) -> bool:
        """True once the successor should be fetched (the token is still handed out)."""
        return now >= self.renew_at

    def past_refresh_at(self, now: float) -> bool:
        """True once less than the refresh margin is left (``now`` on the monotonic clock):
        the token is no longer handed out."""
        return now >= self.refresh_at

    def needs_refresh(self, now: float) -> bool:
        """Deprecated name of :meth:`past_refresh_at`."""
        warnings.warn("AccessToken.needs_refresh() is now past_refresh_at()", DeprecationWarning, 2)
        return self.past_refresh_at(now)

    def should_renew(self, now: float) -> bool:
        """Deprecated name of :meth:`past_renew_at`."""
        warnings.warn("AccessToken.should_renew() is now past_renew_at()", DeprecationWarning, 2)
        return self.past_renew_at(now)

    def remaining(self, now: float) -> float:
        """Seconds until the token expires (negative once it has)."""
        return self.expires_at - now


def effective_margin(refresh_margin: float, expires_in: float) -> float:
    """The margin actually used: the configured one, capped at half the token's life."""
    return min(refresh_margin, expires_in / 2)


def basic_authorization(client_id: str, client_secret: str) -> str:
    """The ``Authorization`` value for the token request, as Nitrobox documents it."""
    raw = f"{client_id}:{client_secret}".encode()
    return "Basic " + base64.b64encode(raw).decode("ascii")


def build_token_request(
    *, token_url: str, client_id: str, client_secret: str, package: HTTPPackage = HTTPX
) -> httpx.Request:
    """The documented token request: POST, Basic client auth, form body (a ``Request`` of the
    package of the client that sends it)."""
    return package.Request(
        "POST",
        token_url,
        headers={
            "Authorization": basic_authorization(client_id, client_secret),
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/json",
        },
        content=GRANT_BODY,
    )


@attrs.frozen(kw_only=True)
class RetryableFailure:
    """A token attempt that failed in a way worth retrying."""

    reason: str
    status: int | None = None
    retry_after: float | None = None


@attrs.frozen(kw_only=True)
class TokenRetryPolicy(RetrySchedule):
    """How hard to try the token endpoint before giving up.

    The same options as :class:`~nitrobox_auth.RetryPolicy` (see :class:`RetrySchedule`),
    with defaults for a small, fast endpoint: ``max_attempts`` 4, ``initial_delay`` 0.5 s
    doubling up to ``max_delay`` 8 s, ``jitter`` 0.5 (each wait drawn from the upper half
    of its step), ``max_retry_after`` 30 s (a longer ``Retry-After`` ends the retries at
    once with :class:`TokenRequestError`).
    """

    max_attempts: int = attrs.field(default=4, validator=check_attempts)
    initial_delay: float = attrs.field(default=0.5, validator=check_seconds)
    max_delay: float = attrs.field(default=8.0, validator=check_seconds)
    jitter: float = attrs.field(default=0.5, validator=check_share)
    max_retry_after: float = attrs.field(default=30.0, validator=check_seconds)


def _positive_seconds(owner: object, attribute: attrs.Attribute[float], value: float) -> None:
    positive_seconds(f"{type(owner).__name__}.{attribute.name}", value)


def _a_token_lifetime(owner: object, attribute: attrs.Attribute[float], value: float) -> None:
    check_seconds(owner, attribute, value)
    if value < MIN_EXPIRES_IN:
        raise SettingsError(
            f"TokenTiming.{attribute.name} must be >= {MIN_EXPIRES_IN:g} s (no token is "
            f"accepted with a shorter life), not {value!r}"
        )


@attrs.frozen(kw_only=True)
class TokenTiming:
    """When a token is replaced, and how long a caller waits for someone else's fetch.

    - ``refresh_margin``: no token is handed out with less than this left (default 30 s,
      capped at half the token's lifetime): the token's ``refresh_at``;
    - ``default_expires_in``: the lifetime assumed when the answer has no ``expires_in``
      (default 60 s);
    - ``wait_timeout``: how long a thread or task waits for the fetch another one is making
      before it gives up with :class:`TokenWaitTimeoutError` (default 60 s).
    """

    refresh_margin: float = attrs.field(default=DEFAULT_REFRESH_MARGIN, validator=check_seconds)
    default_expires_in: float = attrs.field(default=DEFAULT_EXPIRES_IN, validator=_a_token_lifetime)
    wait_timeout: float = attrs.field(default=DEFAULT_WAIT_TIMEOUT, validator=_positive_seconds)


def failure_from_exception(exc: Exception) -> RetryableFailure | None:
    """A transport error worth retrying (httpx's or httpx2's), or ``None`` when retrying
    cannot help."""
    if is_transient_error(exc):
        return RetryableFailure(reason=f"{type(exc).__name__}: {exc}")
    return None


def interpret_token_response(
    response: httpx.Response,
    *,
    issued_at: float,
    refresh_margin: float,
    default_expires_in: float,
    attempt: int,
    now: float,
    secrets: tuple[str, ...],
) -> AccessToken | RetryableFailure:
    """Turn the token endpoint's answer into a token, a retryable failure, or an error.

    Raises :class:`InvalidClientError` when the credentials were rejected,
    :class:`OAuthError` for other RFC 6749 error answers, :class:`TokenResponseError`
    for a 2xx answer that is not a valid bearer token and :class:`TokenRequestError` for
    any other answer that retrying cannot fix. ``now`` is the wall clock, for
    ``Retry-After`` dates; ``secrets`` are scrubbed from any server text we quote.
    """
    status = response.status_code
    if 200 <= status < 300:
        return _parse_token(
            response,
            issued_at=issued_at,
            refresh_margin=refresh_margin,
            default_expires_in=default_expires_in,
        )
    if is_transient_status(status):
        return RetryableFailure(
            reason=f"HTTP {status}",
            status=status,
            retry_after=parse_retry_after(response.headers.get("Retry-After"), now=now),
        )
    error, description = _oauth_error_fields(response, secrets)
    if status == 401 or error == "invalid_client":
        raise InvalidClientError(
            f"the token endpoint rejected the client credentials (HTTP {status}"
            + (f", {error}" if error else "")
            + (f": {description}" if description else "")
            + "); check client_id and client_secret for this tenant and environment",
            status=status,
            error=error or "invalid_client",
            error_description=description,
        )
    if error is not None:
        raise OAuthError(
            f"the token endpoint refused the request (HTTP {status}, {error}"
            + (f": {description}" if description else "")
            + ")",
            status=status,
            error=error,
            error_description=description,
        )
    hint = " (is the tenant or base_url right?)" if status == 404 else ""
    raise TokenRequestError(
        f"the token endpoint answered HTTP {status}{hint}", attempts=attempt, status=status
    )


def _oauth_error_fields(
    response: httpx.Response, secrets: tuple[str, ...]
) -> tuple[str | None, str | None]:
    """``error`` and ``error_description`` of an RFC 6749 error body, if it is one."""
    try:
        body = strict_json.loads(response.content, max_depth=MAX_ANSWER_DEPTH)
    except strict_json.StrictJSONError:
        return None, None
    if not isinstance(body, dict):
        return None, None
    error = body.get("error")
    description = body.get("error_description")
    if not isinstance(error, str) or not error:
        return None, None
    # Server text is quoted in messages, so make sure it cannot echo a credential back.
    error = scrub(error, secrets)
    if not isinstance(description, str):
        description = None
    elif description:
        description = scrub(description, secrets)
    return error, description


def _parse_token(
    response: httpx.Response,
    *,
    issued_at: float,
    refresh_margin: float,
    default_expires_in: float,
) -> AccessToken:
    status = response.status_code
    content_type = response.headers.get("Content-Type")

    def invalid(problem: str, fields: tuple[str, ...] = ()) -> TokenResponseError:
        return TokenResponseError(
            f"the token endpoint answered HTTP {status} but {problem}",
            status=status,
            content_type=content_type,
            fields=fields,
        )

    try:
        body = strict_json.loads(response.content, max_depth=MAX_ANSWER_DEPTH)
    except strict_json.StrictJSONError as exc:
        # The reason quotes nothing of the body, which may hold a token.
        raise invalid(
            f"the body is not JSON (Content-Type {content_type!r}): {exc.reason}"
        ) from None
    if not isinstance(body, dict):
        raise invalid(f"the body is a JSON {json_type_name(body)}, not an object")
    fields = tuple(sorted(str(key) for key in body))
    value = body.get("access_token")
    if not isinstance(value, str) or not value:
        raise invalid("access_token is missing or empty", fields)
    if not HEADER_SAFE_TOKEN.fullmatch(value):
        raise invalid("access_token contains characters not allowed in a header", fields)
    token_type = body.get("token_type")
    if not isinstance(token_type, str) or token_type.lower() != "bearer":
        if token_type is None:
            raise invalid("token_type is missing, expected 'bearer'", fields)
        shown = repr(token_type) if isinstance(token_type, str) and len(token_type) <= 20 else "…"
        raise invalid(f"token_type is {shown}, expected 'bearer'", fields)
    expires_in = _expires_in(body.get("expires_in", None), default_expires_in)
    if expires_in is None:
        raise invalid("expires_in is not a positive finite number of seconds", fields)
    if expires_in < MIN_EXPIRES_IN:
        raise invalid(
            f"expires_in is {expires_in:.3g} s, under the {MIN_EXPIRES_IN:g} s a token must "
            "live to be used (check the tenant's token lifetime)",
            fields,
        )
    return AccessToken(
        value=value,
        token_type="bearer",
        expires_in=expires_in,
        issued_at=issued_at,
        refresh_margin=effective_margin(refresh_margin, expires_in),
    )


def _expires_in(raw: object, default: float) -> float | None:
    """Seconds of life from ``expires_in``; ``None`` when the value is unusable."""
    if raw is None:
        return default
    if isinstance(raw, bool):
        return None
    try:
        if isinstance(raw, int | float):
            seconds = float(raw)
        elif isinstance(raw, str) and DECIMAL_SECONDS.fullmatch(raw.strip()):
            # Some servers send the number as a string; accept it when it is plainly one.
            seconds = float(raw)
        else:
            return None
    except OverflowError:  # an integer of hundreds of digits
        return None
    if not math.isfinite(seconds) or seconds <= 0:
        return None
    return seconds
