"""Contains shared errors types that can be raised from API functions"""

from typing import Literal, Protocol

import httpx

# What a generated parser raises on a body that is not the documented shape: not JSON
# (ValueError), missing or wrong-typed fields (KeyError, TypeError, AttributeError), a number
# or date out of range (OverflowError, ValueError), JSON nested too deeply (RecursionError).
PARSE_ERRORS: tuple[type[Exception], ...] = (
    ValueError,
    LookupError,
    TypeError,
    AttributeError,
    ArithmeticError,
    RecursionError,
)


class MissingRequiredField(LookupError):
    """Raised by a model's from_dict when the data lacks a field the spec declares required.

    A LookupError, not a KeyError: the generated union parsers try the next variant on a
    KeyError, and an answer without a required field must fail loudly instead.
    """

    def __init__(self, schema: str, field: str):
        self.schema = schema
        self.field = field
        super().__init__(f"{schema} lacks its required field {field!r}")


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class MalformedResponse(Exception):
    """Raised by api functions when a documented success answer cannot be parsed as documented"""

    def __init__(self, status_code: int, content_type: str | None, cause: BaseException):
        self.status_code = status_code
        self.content_type = content_type
        # The body is not put into the message: it may hold user data. Schema and field
        # names come from the spec, never from the answer.
        problem = str(cause) if isinstance(cause, MissingRequiredField) else type(cause).__name__
        super().__init__(
            f"HTTP {status_code} answer ({content_type or 'no content type'}) is not the documented"
            f" success body: {problem}"
        )


class ClientClosed(RuntimeError):
    """Raised by api functions called with a client that was closed"""

    def __init__(self, side: Literal["sync", "async"]):
        self.side = side
        super().__init__(f"this {side} client was closed; create a new client to send requests")


class ErrorFactory(Protocol):
    """Builds the exceptions api functions raise; set one on the Client to raise your own"""

    def unexpected_status(self, response: httpx.Response) -> Exception:
        """For a status the operation does not document (when raise_on_unexpected_status)"""
        ...

    def malformed_response(self, response: httpx.Response, cause: Exception) -> Exception:
        """For a documented success answer the generated parser cannot read (``cause``)"""
        ...

    def client_closed(self, side: Literal["sync", "async"]) -> Exception:
        """For an api function called with a client that was closed"""
        ...

    def undecodable_response(self, cause: Exception) -> Exception:
        """For an answer whose Content-Encoding (gzip, deflate...) httpx cannot decode: ``cause``
        is the DecodingError of the HTTP package of the client (httpx's, or httpx2's)"""
        ...


class DefaultErrorFactory:
    """The ErrorFactory of a Client that was given none: the exceptions of this module"""

    def unexpected_status(self, response: httpx.Response) -> Exception:
        return UnexpectedStatus(response.status_code, response.content)

    def malformed_response(self, response: httpx.Response, cause: Exception) -> Exception:
        return MalformedResponse(response.status_code, response.headers.get("content-type"), cause)

    def client_closed(self, side: Literal["sync", "async"]) -> Exception:
        return ClientClosed(side)

    def undecodable_response(self, cause: Exception) -> Exception:
        return cause


__all__ = [
    "PARSE_ERRORS",
    "ClientClosed",
    "DefaultErrorFactory",
    "ErrorFactory",
    "MalformedResponse",
    "MissingRequiredField",
    "UnexpectedStatus",
]
