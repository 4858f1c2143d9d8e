"""The error factory ``create_client`` gives the generated ``Client``.

The generated endpoint functions raise through ``Client.error_factory`` (a structural
``nitrobox_client.errors.ErrorFactory``) for the three failures they detect themselves, so
``nitrobox_client`` never imports this package and every failure is still a
:class:`~nitrobox_auth.NitroboxError`:

- an undocumented status: the typed :class:`~nitrobox_auth.NitroboxAPIError` of its status;
- a documented 2xx answer the generated parser cannot read (HTML, not JSON, wrong types,
  a field the spec declares required missing, JSON nested too deep), or any answer whose
  ``Content-Encoding`` cannot be decoded: :class:`~nitrobox_auth.MalformedResponseError`;
- a call with a client that was closed: :class:`~nitrobox_auth.ClientClosedError`.
"""

from __future__ import annotations

from typing import Literal

import httpx

from nitrobox_auth._errors import ClientClosedError, MalformedResponseError
from nitrobox_auth._logging import redact_url
from nitrobox_auth.api._api_errors import NitroboxAPIError, undocumented_status_error


def parse_problem(cause: BaseException) -> str:
    """Why a generated model could not read an answer, in words safe for a message.

    A missing required field is named with its schema (``Customer lacks its required field
    'customerIdent'``): both names come from the spec, never from the answer. Any other
    cause is named by its type only: parsers quote the offending value, which is user data.
    """
    schema, field = getattr(cause, "schema", None), getattr(cause, "field", None)
    # nitrobox_client.errors.MissingRequiredField, recognised without importing the client.
    if isinstance(cause, LookupError) and isinstance(schema, str) and isinstance(field, str):
        return f"{schema} lacks its required field {field!r}"
    return f"{type(cause).__name__} while parsing it"


def _where(source: httpx.Response | Exception) -> str:
    try:
        # httpx (and httpx2) raise RuntimeError when no request was attached.
        request = source.request  # type: ignore[union-attr]
    except (RuntimeError, AttributeError):
        return "request"
    return f"{request.method} {redact_url(request.url)}"


class NitroboxErrorFactory:
    """Builds this package's errors for the generated endpoint functions."""

    def unexpected_status(self, response: httpx.Response) -> NitroboxAPIError:
        return undocumented_status_error(response)

    def malformed_response(
        self, response: httpx.Response, cause: Exception
    ) -> MalformedResponseError:
        content_type = response.headers.get("content-type")
        return MalformedResponseError(
            f"{_where(response)}: the HTTP {response.status_code} answer "
            f"({content_type or 'no content type'}, {len(response.content)} bytes) is not the "
            f"documented success body ({parse_problem(cause)})",
            status=response.status_code,
            content_type=content_type,
        )

    def undecodable_response(self, cause: Exception) -> MalformedResponseError:
        # ``cause``: the DecodingError of httpx or of httpx2, whichever the client holds.
        # httpx's text ("Error -3 while decompressing data: incorrect header check") names
        # the codec's complaint, never body bytes.
        return MalformedResponseError(
            f"{_where(cause)}: the answer's body cannot be decoded "
            f"as its Content-Encoding says ({cause})"
        )

    def client_closed(self, side: Literal["sync", "async"]) -> ClientClosedError:
        return ClientClosedError(
            f"this Nitrobox client was closed (a `with client:` or `async with client:` block "
            f"ended, close()/aclose() ran, or its {side} httpx client was closed by hand), so it "
            f"cannot send this {side} request; create a new one with create_client()"
        )
