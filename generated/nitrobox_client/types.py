"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import define, frozen


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


# The success model (T) and the error model (E) are separate parameters, so a type checker
# (and a helper typed Response[T, Any] -> T) can name the success type alone.
T = TypeVar("T", covariant=True)
E = TypeVar("E", covariant=True)


@frozen
class Response(Generic[T, E]):
    """A response from an endpoint: ``parsed`` is the success model (T) for a documented
    2xx answer, the error model (E) for a documented error answer, and None otherwise"""

    # A plain int, not HTTPStatus: Nitrobox and proxies answer codes like 499 or 520 that
    # HTTPStatus does not know. HTTPStatus members still compare equal to it.
    status_code: int
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | E | None
    # False for a status the operation does not document (when the client does not raise
    # for it): parsed is None then, and must not be taken for "no body" of a 2xx.
    documented: bool = True


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
