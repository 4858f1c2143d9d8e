"""Which failures are worth another attempt: the one list of statuses and errors.

Read by the API retry layer (``transport/_retry.py``), the token endpoint rules
(``token/_rules.py``) and the sandbox's notification sender, so the three cannot drift
apart again (they did: only the token endpoint retried 425).

425 Too Early is retried everywhere. RFC 8470 section 5.2: the server answers 425 *without
processing* a request it received in TLS early data, and the client "MAY automatically
retry" it. httpx never sends early data, so a 425 reaching us comes from an intermediary
that did not process the request either: retrying is safe, for a POST too, exactly as for
429 (refused before processing). Other 4xx answers say the request is wrong; retrying
earns the same answer.
"""

from __future__ import annotations

from typing import Final

from nitrobox_auth._http_package import TLS_HANDSHAKE_ESCAPES, of_both

# Answers that say "not now": retried for idempotent requests (and the token request,
# which has no side effect).
RETRY_STATUSES: Final = frozenset({408, 425, 429, 500, 502, 503, 504})
# Answers that say the request was not processed at all: retried for any method.
NOT_PROCESSED_STATUSES: Final = frozenset({425, 429})

# Errors raised before a single byte of the request left this process: safe to retry for
# any method, POST included. Of httpx and httpx2 alike (a client runs on either), with the
# TLS errors httpx2 lets escape a failed handshake (see _http_package).
NOT_SENT_ERRORS: Final[tuple[type[BaseException], ...]] = (
    *of_both("ConnectError"),
    *of_both("ConnectTimeout"),
    *of_both("PoolTimeout"),
    *TLS_HANDSHAKE_ESCAPES,
)
# Errors after which the server may or may not have processed the request: retried only
# for idempotent methods (and the token request).
TRANSIENT_ERRORS: Final[tuple[type[BaseException], ...]] = (
    *of_both("TimeoutException"),
    *of_both("NetworkError"),
    *of_both("RemoteProtocolError"),
)
_RETRYABLE_ERRORS: Final = TRANSIENT_ERRORS + NOT_SENT_ERRORS


def is_transient_status(status: int) -> bool:
    """Whether an answer with ``status`` may succeed when the same request is sent again."""
    return status in RETRY_STATUSES


def is_transient_error(exc: BaseException) -> bool:
    """Whether a transport error (httpx's or httpx2's) may not happen again on the next
    attempt, for a request without side effects."""
    return isinstance(exc, _RETRYABLE_ERRORS)
