"""Iterate over every item of a paged query, fetching one page at a time, in bounded walks.

::

    from nitrobox_client.api.customers import query_customers

    for customer in paginate(query_customers, client=client, search=where("status").eq("ACTIVE")):
        ...  # customer is a nitrobox_client.models.Customer

Each page is requested as the generated module's ``sync_detailed`` would request it (its
``_get_kwargs``, through the client's httpx client), but the items are read from the raw JSON
answer, in whichever envelope the server uses (see :mod:`nitrobox_auth.api._page_envelope`), and
then parsed into the operation's item model by the generated page model. The generated
functions cannot do that themselves: their page model crashes on a HAL ``_embedded`` object
and reads ``content`` as nothing.

A walk is bounded. It stops with :class:`PaginationError` when a page repeats items already
seen, when it needs more than ``max_pages`` pages, and when page metadata is present but
contradicts the page (more items than ``size``, the wrong page number, totals that do not
add up). Metadata of the wrong type is treated as absent. docs/resilience.md has the rules.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import typing
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import attrs
import httpx

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._errors import MalformedResponseError
from nitrobox_auth._strict_json import MAX_ANSWER_DEPTH
from nitrobox_auth.api._api_errors import raise_for_error
from nitrobox_auth.api._error_factory import parse_problem
from nitrobox_auth.api._page_envelope import PaginationError, RawPage, read_page

if TYPE_CHECKING:  # annotations only: importing nitrobox_auth stays cheap
    from nitrobox_client import AuthenticatedClient, Client
    from nitrobox_client.models import GlobalErrorResponse
    from nitrobox_client.types import Unset

__all__ = [
    "DEFAULT_MAX_PAGES",
    "MAX_PAGE_SIZE",
    "Page",
    "PageResponse",
    "PagedQuery",
    "PaginationError",
    "apaginate",
    "paginate",
]

MAX_PAGE_SIZE = 100  # the documented maximum of `size`
DEFAULT_MAX_PAGES = 1000  # 100,000 items at the default size; pass max_pages= for more
ITEMS_ATTRIBUTE = "field_embedded"  # what the generator names the `_embedded` property

ItemT = TypeVar("ItemT")
ItemT_co = TypeVar("ItemT_co", covariant=True)


class Page(Protocol[ItemT_co]):
    """A generated page model (``CustomerPage``...): its items under ``_embedded``."""

    @property
    def field_embedded(self) -> Sequence[ItemT_co] | Unset: ...


class PageResponse(Protocol[ItemT_co]):
    """What a paged query's ``*_detailed`` returns: ``Response[P | E]`` or ``Response[P, E]``."""

    @property
    def status_code(self) -> int: ...
    @property
    def content(self) -> bytes: ...
    @property
    def parsed(self) -> Page[ItemT_co] | GlobalErrorResponse | None: ...


class PagedQuery(Protocol[ItemT_co]):
    """A generated paged-query module, e.g. ``nitrobox_client.api.customers.query_customers``.

    Modules satisfy it structurally; a retrieve or an unpaged list does not (its answer has
    no ``_embedded`` items), so passing one to :func:`paginate` is a type error.
    """

    @property
    def sync_detailed(self) -> Callable[..., PageResponse[ItemT_co]]: ...
    @property
    def asyncio_detailed(self) -> Callable[..., Awaitable[PageResponse[ItemT_co]]]: ...


def paginate(
    endpoint: PagedQuery[ItemT],
    *,
    client: AuthenticatedClient | Client,
    size: int = MAX_PAGE_SIZE,
    max_pages: int = DEFAULT_MAX_PAGES,
    **kwargs: Any,
) -> Iterator[ItemT]:
    """Every item of a paged query (a generated endpoint module), one page fetched at a time.

    ``kwargs`` are the query's other arguments (``search``, ``order_by``, a path ident...).
    Bad arguments raise :class:`PaginationError` here, before anything is sent.
    """
    walk: _Walk[ItemT] = _Walk.start(endpoint, size, max_pages, kwargs)
    return _walk_sync(walk, client)


def apaginate(
    endpoint: PagedQuery[ItemT],
    *,
    client: AuthenticatedClient | Client,
    size: int = MAX_PAGE_SIZE,
    max_pages: int = DEFAULT_MAX_PAGES,
    **kwargs: Any,
) -> AsyncIterator[ItemT]:
    """Async mirror of :func:`paginate` (``async for``), over the client's async httpx client."""
    walk: _Walk[ItemT] = _Walk.start(endpoint, size, max_pages, kwargs)
    return _walk_async(walk, client)


def _walk_sync(walk: _Walk[ItemT], client: AuthenticatedClient | Client) -> Iterator[ItemT]:
    while not walk.done:
        request = walk.next_request()
        yield from walk.take(client.get_httpx_client().request(**request))


async def _walk_async(
    walk: _Walk[ItemT], client: AuthenticatedClient | Client
) -> AsyncIterator[ItemT]:
    while not walk.done:
        request = walk.next_request()
        for item in walk.take(await client.get_async_httpx_client().request(**request)):
            yield item


@attrs.define
class _Walk(typing.Generic[ItemT]):
    """Where a walk stands, and every rule of it, without any I/O (sync and async share it)."""

    name: str
    build_request: Callable[..., dict[str, Any]]
    page_model: Any  # the generated page class; its from_dict parses the items
    size: int
    max_pages: int
    arguments: dict[str, Any]
    page: int = 0
    done: bool = False
    # Digests of every item handed out, to refuse a page that repeats one; bounded by
    # max_pages * size entries of 16 bytes.
    seen: set[bytes] = attrs.field(factory=set)

    @classmethod
    def start(
        cls, endpoint: object, size: int, max_pages: int, arguments: dict[str, Any]
    ) -> _Walk[ItemT]:
        name = _name(endpoint)
        taken = sorted({"page", "size"} & arguments.keys())
        if taken:
            raise PaginationError(f"paginate() sets {' and '.join(taken)} itself; do not pass it")
        if not _is_count(size) or not 1 <= size <= MAX_PAGE_SIZE:
            raise PaginationError(f"size must be an int from 1 to {MAX_PAGE_SIZE}, got {size!r}")
        if not _is_count(max_pages) or max_pages < 1:
            raise PaginationError(f"max_pages must be an int of at least 1, got {max_pages!r}")
        build_request = getattr(endpoint, "_get_kwargs", None)
        if not callable(build_request):
            raise PaginationError(
                f"{name} is not a generated endpoint module: paginate() takes a paged query "
                "from nitrobox_client.api, e.g. nitrobox_client.api.customers.query_customers"
            )
        _check_arguments(name, inspect.signature(build_request), arguments)
        walk = cls(name, build_request, _page_model(name, endpoint), size, max_pages, arguments)
        walk.next_request()  # a wrong argument (a str for an enum...) fails here, not later
        return walk

    def next_request(self) -> dict[str, Any]:
        """The httpx ``request()`` arguments for the next page."""
        if self.page >= self.max_pages:
            raise PaginationError(
                f"{self.name}: the server still has more after {self.max_pages} pages of "
                f"{self.size} (max_pages={self.max_pages}); pass a larger max_pages if the "
                "result is really that large, or narrow it with search="
            )
        try:
            return self.build_request(page=self.page, size=self.size, **self.arguments)
        except (TypeError, ValueError, AttributeError) as exc:
            raise PaginationError(f"{self.name} cannot take these arguments: {exc}") from exc

    def take(self, response: httpx.Response) -> list[ItemT]:
        """The typed items of one answer; marks the walk done when it was the last page."""
        where = f"page {self.page} of {self.name}"
        raise_for_error(response)  # the typed NitroboxAPIError of a non-2xx answer
        raw = read_page(_decode(response, where), where=where)
        last = self._check(raw, where)
        self._refuse_repeats(raw, where)
        items = self._typed(raw, response, where)
        self.page += 1
        self.done = last
        return items

    def _check(self, raw: RawPage, where: str) -> bool:
        """Refuse a page its own metadata contradicts; True when it is the last page."""
        count, meta, page = len(raw.items), raw.meta, self.page
        if count > self.size:
            raise PaginationError(
                f"{where} has {count} items in {raw.source}, but size={self.size} was asked: "
                "the server does not page this query as asked; call the operation directly"
            )
        if meta.number is not None and meta.number != page:
            # A server that ignores `page` would hand out page 0 forever.
            raise PaginationError(
                f"asked for page {page} but the answer is page {meta.number}; stopping "
                "rather than repeating or skipping items"
            )
        size = self.size
        if meta.size is not None:
            if not 1 <= meta.size <= self.size:
                raise PaginationError(f"{where} says its size is {meta.size}, asked {self.size}")
            size = meta.size  # the server caps `size`: its pages are this long
            if count > size:
                raise PaginationError(f"{where} has {count} items but says its size is {size}")
        total, pages = meta.total_elements, meta.total_pages
        if total is not None:
            expected = min(size, max(0, total - page * size))
            if count != expected:
                raise PaginationError(
                    f"{where} has {count} items, but totalElements={total} at size {size} "
                    f"means {expected} on this page"
                )
            # totalPages 1 for no items at all is a common convention, not a contradiction.
            if pages is not None and pages != -(-total // size) and (total, pages) != (0, 1):
                raise PaginationError(
                    f"{where}: totalPages={pages} does not match totalElements={total} "
                    f"at size {size}"
                )
        if pages is not None:
            if page < pages - 1 and count < size:
                raise PaginationError(
                    f"{where} has {count} of {size} items, but totalPages={pages} says more "
                    "pages follow"
                )
            if page >= pages and count > 0:
                raise PaginationError(f"{where} has {count} items past the last page ({pages})")
        if raw.source == "nowhere" and total is None and pages is None:
            raise PaginationError(
                f"{where} has no items under _embedded or content, and no totalElements or "
                "totalPages that would say the page is empty"
            )
        return (
            count < size
            or (pages is not None and page >= pages - 1)
            or (total is not None and page * size + count >= total)
        )

    def _refuse_repeats(self, raw: RawPage, where: str) -> None:
        keys = _identity_keys(self.page_model)
        fresh: set[bytes] = set()
        repeated: list[str] = []
        for item in raw.items:
            label, digest = _identity(item, keys, where)
            if digest in self.seen or digest in fresh:
                repeated.append(label)
            fresh.add(digest)
        if repeated:
            raise PaginationError(
                f"{where} repeats {len(repeated)} of its {len(raw.items)} items already seen "
                f"(compared by {repeated[0]}): the server ignores `page`, or the data changed "
                "during the walk; none of this page's items were returned"
            )
        self.seen |= fresh

    def _typed(self, raw: RawPage, response: httpx.Response, where: str) -> list[ItemT]:
        try:
            page = self.page_model.from_dict({"_embedded": raw.items})
        # LookupError: a KeyError, or the generated MissingRequiredField (an item without a
        # field the spec declares required), which the message names.
        except (TypeError, ValueError, LookupError, AttributeError, RecursionError) as exc:
            raise MalformedResponseError(
                f"{where}: its items cannot be read as the items of "
                f"{self.page_model.__name__} ({parse_problem(exc)})",
                status=response.status_code,
                content_type=response.headers.get("content-type"),
            ) from exc
        items = getattr(page, ITEMS_ATTRIBUTE)
        return list(items) if isinstance(items, list) else []


def _decode(response: httpx.Response, where: str) -> object:
    content_type = response.headers.get("content-type")
    if not response.content:
        raise MalformedResponseError(
            f"{where} is an empty answer (HTTP {response.status_code}); a page was expected",
            status=response.status_code,
            content_type=content_type,
        )
    try:
        return strict_json.loads(response.content, max_depth=MAX_ANSWER_DEPTH)
    except strict_json.StrictJSONError as exc:
        problem = f"is not JSON (Content-Type: {content_type or 'none'}): {exc.reason}"
    raise MalformedResponseError(
        f"{where} {problem}", status=response.status_code, content_type=content_type
    )


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _name(endpoint: object) -> str:
    name = getattr(endpoint, "__name__", None)
    return name.rsplit(".", 1)[-1] if isinstance(name, str) else type(endpoint).__name__


def _check_arguments(name: str, signature: inspect.Signature, arguments: Mapping[str, Any]) -> None:
    parameters = signature.parameters
    if not {"page", "size"} <= parameters.keys():
        raise PaginationError(
            f"{name} is not a paged query (it takes no page and size): call it directly"
        )
    accepted = sorted(parameters.keys() - {"page", "size"})
    unknown = sorted(arguments.keys() - parameters.keys())
    if unknown:
        raise PaginationError(
            f"{name} takes no argument {', '.join(unknown)}; it takes {', '.join(accepted)}"
        )
    missing = [
        p.name
        for p in parameters.values()
        if p.default is inspect.Parameter.empty and p.name not in arguments
    ]
    if missing:
        raise PaginationError(f"{name} needs {', '.join(f'{m}=' for m in missing)}")


def _page_model(name: str, endpoint: object) -> Any:
    """The generated page class in the answer type of the module's ``sync_detailed``."""
    try:
        answer = typing.get_type_hints(getattr(endpoint, "sync_detailed", None)).get("return")
    except (NameError, TypeError, AttributeError):
        answer = None
    for candidate in _classes(answer):
        if attrs.has(candidate) and ITEMS_ATTRIBUTE in attrs.fields_dict(candidate):
            return candidate
    raise PaginationError(
        f"{name} is not a paged query: its answer is not a page of `_embedded` items "
        "(a single object or a plain list); call it directly"
    )


def _classes(annotation: object) -> Iterator[type[Any]]:
    if isinstance(annotation, type):
        yield annotation
    for argument in typing.get_args(annotation):
        yield from _classes(argument)


def _identity_keys(page_model: Any) -> tuple[str, ...]:
    # CustomerPage -> customerIdent, customerId; then the generic names.
    stem = page_model.__name__.removesuffix("Page")
    stem = stem[:1].lower() + stem[1:]
    return (f"{stem}Ident", f"{stem}Id", "ident", "id", "uuid")


def _identity(item: Mapping[str, Any], keys: tuple[str, ...], where: str) -> tuple[str, bytes]:
    """How an item is told apart (its ids where present, else its content), as a digest."""
    # Exact types: a JSON string or integer (never a bool); this runs once per item.
    ids = [
        (key, value)
        for key in keys
        if (type(value := item.get(key)) is str and value) or type(value) is int
    ]
    try:
        if ids:
            label, text = "+".join(key for key, _ in ids), repr(ids)
        else:
            label = "content"
            text = json.dumps(item, sort_keys=True, separators=(",", ":"), default=str)
    except (RecursionError, ValueError) as exc:
        raise MalformedResponseError(f"{where}: an item is nested too deeply to read") from exc
    return label, hashlib.blake2b(text.encode(errors="surrogatepass"), digest_size=16).digest()
