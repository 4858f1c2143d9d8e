"""The ``nitrobox`` logger hierarchy and how requests appear in it.

Every logger of the client lives under ``nitrobox`` (``nitrobox.http`` for request and
response lines, ``nitrobox.retry`` for retry decisions), so one
``logging.getLogger("nitrobox").setLevel(logging.DEBUG)`` shows everything. URLs are logged
with credentials redacted: user info and the values of secret-looking query parameters are
masked, and headers are never logged at all.
"""

from __future__ import annotations

import logging

import httpx

from nitrobox_auth._http_package import URLS
from nitrobox_auth._redact import mask_secret

ROOT_LOGGER_NAME = "nitrobox"

# Query parameter names (lower-case) whose values are treated as credentials. The Nitrobox
# API takes none of them, but a user-supplied URL or a proxy in between might.
_SECRET_QUERY_PARAMS = frozenset(
    {
        "access_token",
        "api_key",
        "apikey",
        "client_secret",
        "code",
        "id_token",
        "key",
        "password",
        "refresh_token",
        "secret",
        "sig",
        "signature",
        "token",
    }
)

# A library adds no handler of its own; NullHandler keeps Python's last-resort handler
# from printing our records when the application configured no logging.
logging.getLogger(ROOT_LOGGER_NAME).addHandler(logging.NullHandler())


def get_logger(name: str) -> logging.Logger:
    """The logger ``nitrobox.<name>`` (or ``nitrobox`` itself for an empty name)."""
    return logging.getLogger(f"{ROOT_LOGGER_NAME}.{name}" if name else ROOT_LOGGER_NAME)


http_logger = get_logger("http")
retry_logger = get_logger("retry")


def redact_url(url: httpx.URL | str) -> str:
    """The URL as text with its password and secret-looking query values masked."""
    # An httpx2.URL is read like an httpx one (same API).
    parsed = url if isinstance(url, URLS) else httpx.URL(url)
    userinfo = ""
    if parsed.username or parsed.password:
        userinfo = parsed.username + (f":{mask_secret(parsed.password)}" if parsed.password else "")
        userinfo += "@"
    port = f":{parsed.port}" if parsed.port is not None else ""
    shown = f"{parsed.scheme}://{userinfo}{parsed.host}{port}{parsed.raw_path.decode('ascii')}"
    if not parsed.query:
        return shown
    # Rebuilt by hand rather than with copy_with(params=...), which would percent-encode the
    # mask and make the line harder to read.
    parts = []
    for name, value in parsed.params.multi_items():
        if name.lower() in _SECRET_QUERY_PARAMS:
            parts.append(f"{name}={mask_secret(value)}")
        else:
            parts.append(str(httpx.QueryParams({name: value})))
    return shown.split("?", 1)[0] + "?" + "&".join(parts)


def _log(
    logger: logging.Logger, level: int, what: str, request: httpx.Request, *details: object
) -> None:
    # Checked first: redacting the URL costs more than a disabled log call.
    if logger.isEnabledFor(level):
        logger.log(level, what, request.method, redact_url(request.url), *details)


def log_request(request: httpx.Request, attempt: int) -> None:
    """One DEBUG line for a request about to go on the wire."""
    _log(http_logger, logging.DEBUG, "request %s %s attempt=%d", request, attempt)


def log_response(request: httpx.Request, status_code: int, elapsed: float, attempt: int) -> None:
    """One DEBUG line for the response to a request (headers received)."""
    what = "response %s %s status=%d elapsed=%.1fms attempt=%d"
    _log(http_logger, logging.DEBUG, what, request, status_code, elapsed * 1000.0, attempt)


def log_failure(request: httpx.Request, error: BaseException, elapsed: float, attempt: int) -> None:
    """One DEBUG line for a request that got no response (connection error, timeout)."""
    what = "failed %s %s error=%s elapsed=%.1fms attempt=%d"
    name = type(error).__name__
    _log(http_logger, logging.DEBUG, what, request, name, elapsed * 1000.0, attempt)


def log_retry(request: httpx.Request, reason: str, delay: float, next_attempt: int) -> None:
    """One INFO line when a request is about to be retried, and why."""
    what = "retrying %s %s after %s in %.2fs (attempt %d)"
    _log(retry_logger, logging.INFO, what, request, reason, delay, next_attempt)
