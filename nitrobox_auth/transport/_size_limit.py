"""Size limits on answers, measured after decompression, enforced while reading.

A 0.5 MB gzip bomb unpacks to gigabytes, so the limit counts the bytes *after*
decompression, and decompression itself runs in bounded steps (``zlib`` with
``max_length``): no step ever holds more than the limit plus one step. The client only
asks for the encodings it can bound this way (gzip, deflate); an answer in another
encoding is refused as malformed.
"""

from __future__ import annotations

import functools
import zlib
from collections.abc import Callable, Iterator
from typing import Final

from nitrobox_auth._checks import ascii_digits
from nitrobox_auth._errors import MalformedResponseError, ResponseTooLargeError, SettingsError

# JSON (or any text) answer of the API: pages of 2,000 items stay far below this.
DEFAULT_MAX_ANSWER_BYTES: Final = 16 * 1024 * 1024
# Binary answers (invoice PDFs, exports): configurable with create_client(max_file_bytes=).
DEFAULT_MAX_FILE_BYTES: Final = 256 * 1024 * 1024
# A token answer is a few hundred bytes.
MAX_TOKEN_ANSWER_BYTES: Final = 64 * 1024

# A request may carry its own limit (the token provider sets one).
EXTENSION_KEY: Final = "nitrobox_max_bytes"
ACCEPT_ENCODING: Final = "gzip, deflate"
BOUNDED_ENCODINGS: Final = frozenset({"gzip", "x-gzip", "deflate", "identity"})

_STEP: Final = 64 * 1024
_TEXT_TYPES: Final = ("json", "text/", "xml", "html", "javascript", "form-urlencoded")


def check_limit(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise SettingsError(f"{name} must be a whole number of bytes >= 1, not {value!r}")
    return value


@functools.lru_cache(maxsize=64)
def bounded_accept(accept_encoding: str) -> bool:
    """Whether an ``Accept-Encoding`` asks only for encodings :class:`BoundedDecoder` undoes.

    Cached: a client sends the same one or two values on every request.
    """
    if not accept_encoding:
        return False
    codings = {part.split(";")[0].strip().lower() for part in accept_encoding.split(",")}
    return codings <= BOUNDED_ENCODINGS


def is_text(content_type: str | None) -> bool:
    """Whether an answer is text the client parses (JSON and friends) rather than a file."""
    if not content_type:
        return True
    if len(content_type) > 128:  # not worth a cache entry (and a server chooses it)
        return _is_text(content_type)
    return _is_text_cached(content_type)


def _is_text(content_type: str) -> bool:
    lowered = content_type.lower()
    return any(marker in lowered for marker in _TEXT_TYPES)


# An API answers with a handful of content types.
_is_text_cached = functools.lru_cache(maxsize=64)(_is_text)


TooLarge = Callable[[], ResponseTooLargeError]


class BoundedDecoder:
    """Decodes a ``Content-Encoding`` in bounded steps and counts the decoded bytes."""

    def __init__(self, encoding: str, limit: int, too_large: TooLarge) -> None:
        self._limit = limit
        self._too_large = too_large
        self._count = 0
        coding = encoding.strip().lower()
        self._decoder: zlib._Decompress | None
        self._raw_deflate_fallback = coding == "deflate"
        if coding in ("", "identity"):
            self._decoder = None
        elif coding in ("gzip", "x-gzip"):
            self._decoder = zlib.decompressobj(zlib.MAX_WBITS | 16)
        elif coding == "deflate":
            self._decoder = zlib.decompressobj(zlib.MAX_WBITS)
        else:
            raise MalformedResponseError(
                f"the answer is encoded as {coding[:40]!r}; the client asks only for "
                f"{ACCEPT_ENCODING} (which it can decompress within the size limit)"
            )
        self._started = False

    @property
    def decodes(self) -> bool:
        return self._decoder is not None

    def _counted(self, data: bytes) -> bytes:
        self._count += len(data)
        if self._count > self._limit:
            raise self._too_large()
        return data

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._decoder is None:
            yield self._counted(data)
            return
        pending = data
        while pending and not self._decoder.eof:
            try:
                out = self._decoder.decompress(pending, _STEP)
            except zlib.error:
                if self._raw_deflate_fallback and not self._started:
                    # Some servers send raw deflate without the zlib header (as httpx allows).
                    self._raw_deflate_fallback = False
                    self._decoder = zlib.decompressobj(-zlib.MAX_WBITS)
                    continue
                raise MalformedResponseError("the answer's compressed body is corrupt") from None
            self._started = True
            pending = self._decoder.unconsumed_tail
            if out:
                yield self._counted(out)

    def flush(self) -> bytes:
        if self._decoder is None:
            return b""
        try:
            return self._counted(self._decoder.flush(_STEP))
        except zlib.error:
            raise MalformedResponseError("the answer's compressed body is corrupt") from None


def is_identity(encoding: str) -> bool:
    """Whether a ``Content-Encoding`` value leaves the body as it is."""
    return not encoding or encoding.strip().lower() == "identity"


def declared_too_large(encoding: str, content_length: str | None, limit: int) -> bool:
    """An identity answer whose ``Content-Length`` already says it is over the limit."""
    if not is_identity(encoding) or not content_length:
        return False
    return ascii_digits(content_length) and int(content_length) > limit
