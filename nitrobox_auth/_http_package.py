"""Which HTTP package a client runs on, httpx or its fork httpx2, and what each provides.

The only module that knows there are two. Both have the same API for what this package
uses (``Auth``, transports, byte streams, the exception tree, ``Timeout``), but their
classes are distinct: an ``httpx.Auth`` given to ``httpx2.Client`` is refused, an
``httpx.Response`` from an ``httpx2`` transport breaks the client, and
``except httpx.HTTPError`` misses ``httpx2.ConnectError``. So:

- the package a client is built on is decided by what the caller passes (a client,
  transport or timeout of one package, or ``http_package="httpx2"``), never by what is
  installed; with nothing to go by it is httpx, the declared dependency
  (:func:`choose`); objects of both in one client are refused (:class:`MixedHTTPPackagesError`);
- the layers classify the exceptions of both packages with the tuples below (an object of
  httpx2 can only exist when httpx2 is installed, so listing its classes changes nothing
  for an httpx user);
- the classes a client checks with ``isinstance`` (``Auth``, the byte streams) have both
  packages' classes as bases (:data:`AUTH_BASES`...), so one ``NitroboxAuth`` works in
  ``httpx.Client(auth=...)`` and ``httpx2.Client(auth=...)``.

httpx2 is imported here when it is installed (the ``httpx2`` extra), only for those bases
and tuples.
"""

from __future__ import annotations

import ssl
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, Generic, Literal, TypeVar, cast

import anyio
import attrs
import httpcore
import httpx

from nitrobox_auth._errors import MixedHTTPPackagesError, SettingsError

if TYPE_CHECKING:
    import httpcore2
    import httpx2
else:
    try:
        import httpcore2
        import httpx2
    except ImportError:  # the httpx2 extra is not installed: nothing can be of httpx2
        httpx2 = None
        httpcore2 = None

HTTPPackageName = Literal["httpx", "httpx2"]

# What a caller may pass as an explicit choice: the name, or the module itself.
HTTPPackageChoice = HTTPPackageName | ModuleType


_T = TypeVar("_T")


class _Member(Generic[_T]):
    """A class of the package, read from its module under the attribute's own name."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    def __get__(self, package: HTTPPackage, owner: type | None = None) -> type[_T]:
        return cast("type[_T]", getattr(package.module, self._name))


@attrs.frozen
class HTTPPackage:
    """One HTTP package: its name and the constructors the layers need from it.

    The constructors are typed as httpx's: httpx2 has the same API, and the layers are
    written against it.
    """

    name: HTTPPackageName
    module: ModuleType = attrs.field(repr=False)
    core: ModuleType = attrs.field(repr=False)  # httpcore or httpcore2, under its transports

    # Typed as httpx's classes (see above); looked up in the package's module.
    Client = _Member["httpx.Client"]()
    AsyncClient = _Member["httpx.AsyncClient"]()
    HTTPTransport = _Member["httpx.HTTPTransport"]()
    AsyncHTTPTransport = _Member["httpx.AsyncHTTPTransport"]()
    Request = _Member["httpx.Request"]()
    Response = _Member["httpx.Response"]()
    Headers = _Member["httpx.Headers"]()

    def timeout(self, value: Any, *, default: httpx.Timeout) -> httpx.Timeout:
        """``value`` (seconds, or a ``Timeout`` of this package) as this package's ``Timeout``;
        ``None`` or ``default`` (one of this module's defaults, httpx objects) give a copy of
        ``default`` (httpx2 cannot hash an httpx ``Timeout``)."""
        if value is None or value is default:
            return cast("httpx.Timeout", self.module.Timeout(None, **default.as_dict()))
        owner = package_of(value)
        if owner is not None and owner != self:
            raise MixedHTTPPackagesError(
                _mixed_message({self.name: "the client", owner.name: "the timeout"})
            )
        return cast("httpx.Timeout", self.module.Timeout(value))

    def create_ssl_context(self) -> ssl.SSLContext:
        """The package's default TLS context (httpx: certifi; httpx2: the OS trust store)."""
        return cast("ssl.SSLContext", self.module.create_ssl_context())


HTTPX: Final = HTTPPackage("httpx", httpx, httpcore)
HTTPX2: Final = HTTPPackage("httpx2", httpx2, httpcore2) if httpx2 is not None else None
_PACKAGES: Final = tuple(p for p in (HTTPX, HTTPX2) if p is not None)


def of_both(attribute: str) -> tuple[type[Any], ...]:
    """The class named ``attribute`` of each installed package (httpx's, then httpx2's)."""
    return tuple(getattr(p.module, attribute) for p in _PACKAGES)


# Raised by transports of either package when no (complete) answer came.
TRANSPORT_ERRORS: Final[tuple[type[Exception], ...]] = of_both("TransportError")
REQUEST_ERRORS: Final[tuple[type[Exception], ...]] = of_both("RequestError")
TIMEOUT_ERRORS: Final[tuple[type[Exception], ...]] = of_both("TimeoutException")
# httpx2 (through httpcore2 and anyio) can let the TLS layer's own errors escape a failed
# handshake instead of a ConnectError on some backends (pydantic/httpx2 issue 854, still open,
# and its PR 1156; encode/httpcore issue 808 for EndOfStream): the same no-connection failure.
TLS_HANDSHAKE_ESCAPES: Final[tuple[type[Exception], ...]] = (ssl.SSLError, anyio.EndOfStream)
# Every exception a transport raises for "no (complete) answer", the escapes included.
NO_ANSWER_ERRORS: Final[tuple[type[Exception], ...]] = (*TRANSPORT_ERRORS, *TLS_HANDSHAKE_ESCAPES)
RESPONSES: Final[tuple[type[httpx.Response], ...]] = of_both("Response")
URLS: Final[tuple[type[httpx.URL], ...]] = of_both("URL")
BYTE_STREAMS: Final[tuple[type[Any], ...]] = of_both("ByteStream")
SYNC_BYTE_STREAMS: Final[tuple[type[httpx.SyncByteStream], ...]] = of_both("SyncByteStream")
ASYNC_BYTE_STREAMS: Final[tuple[type[httpx.AsyncByteStream], ...]] = of_both("AsyncByteStream")
HTTP_TRANSPORTS: Final[tuple[type[httpx.HTTPTransport], ...]] = of_both("HTTPTransport")
CORE_NETWORK_BACKENDS: Final[tuple[type[Any], ...]] = tuple(
    p.core.NetworkBackend for p in _PACKAGES
)

# Bases of the classes clients check with isinstance(): instances are accepted by both.
if TYPE_CHECKING:

    class AuthBase(httpx.Auth, httpx2.Auth):  # type: ignore[misc]
        """Both packages' ``Auth`` (their flows differ only in the request class named)."""

    SyncByteStreamBase = httpx.SyncByteStream
    AsyncByteStreamBase = httpx.AsyncByteStream
else:
    AuthBase = type("AuthBase", of_both("Auth"), {"__slots__": ()})
    SyncByteStreamBase = type("SyncByteStreamBase", of_both("SyncByteStream"), {})
    AsyncByteStreamBase = type("AsyncByteStreamBase", of_both("AsyncByteStream"), {})


def package_of(value: object) -> HTTPPackage | None:
    """The package ``value`` (a client, transport, timeout, request...) belongs to, if any.

    Read from its class (a subclass of an httpx2 class is httpx2's), or from the
    ``http_package`` attribute of this package's own wrappers.
    """
    if value is None or isinstance(value, HTTPPackage):
        return value
    own = getattr(value, "http_package", None)
    if isinstance(own, HTTPPackage):
        return own
    for cls in type(value).__mro__:
        root = cls.__module__.partition(".")[0]
        for package in _PACKAGES:
            if root == package.name:
                return package
    return None


def named(choice: HTTPPackageChoice) -> HTTPPackage:
    """The package of an explicit choice: ``"httpx"``, ``"httpx2"`` or the module itself."""
    name = choice.__name__ if isinstance(choice, ModuleType) else choice
    if name == "httpx":
        return HTTPX
    if name == "httpx2":
        if HTTPX2 is None:
            raise SettingsError(
                "http_package='httpx2' needs the httpx2 package: "
                "pip install 'nitrobox-client[httpx2]'"
            )
        return HTTPX2
    raise SettingsError(f"http_package must be 'httpx' or 'httpx2' (or the module), not {choice!r}")


def choose(explicit: HTTPPackageChoice | None = None, **passed: object) -> HTTPPackage:
    """The package for a client built from ``passed`` objects (keyword: what each is).

    The explicit choice and every object that belongs to a package must agree; with
    nothing to go by, httpx.
    """
    return decide(explicit, **passed) or HTTPX


def decide(explicit: HTTPPackageChoice | None = None, **passed: object) -> HTTPPackage | None:
    """:func:`choose`, but ``None`` when nothing passed decides."""
    owners: dict[str, str] = {}
    chosen = None if explicit is None else named(explicit)
    if chosen is not None:
        owners[chosen.name] = "http_package"
    for what, value in passed.items():
        package = package_of(value)
        if package is None:
            continue
        owners.setdefault(package.name, what)
        if chosen is None:
            chosen = package
    if len(owners) > 1:
        raise MixedHTTPPackagesError(_mixed_message(owners))
    return chosen


def _mixed_message(owners: dict[str, str]) -> str:
    parts = " and ".join(f"{what} is {name}'s" for name, what in sorted(owners.items()))
    return (
        f"one client cannot mix httpx and httpx2: {parts}; pass objects of one package "
        "only (http_package= names it)"
    )
