"""Iterate over every item of a paged query, fetching one page at a time.

::

    from nitrobox_client.api.customers import query_customers

    active = str(where("status").eq("ACTIVE"))
    for customer in paginate(query_customers, client=client, search=active):
        ...

The page envelope follows the spec (``openapi/``): ``{"content": [...], "pageInfo":
{"number", "size", "totalElements", "totalPages"}}``; only ``pageInfo.number`` is
documented by Nitrobox, so the walk stops at the first sign of the last page: an empty or
short page, ``number >= totalPages - 1``, or ``totalElements`` items seen. Errors come as
the typed :class:`~nitrobox_auth.NitroboxAPIError`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import attrs

from nitrobox_auth._api_errors import unwrap
from nitrobox_auth._errors import NitroboxError

MAX_PAGE_SIZE = 100  # the documented maximum of `size`


class PaginationError(NitroboxError, ValueError):
    """A paged query was called wrongly, or its answers cannot be walked safely."""


def _count(value: object) -> int | None:
    # Unset (the generator's "absent") and None both mean "not given".
    return value if isinstance(value, int) and not isinstance(value, bool) else None


@attrs.define
class _Walk:
    """Where a walk stands; the rules of when to stop, without any I/O."""

    size: int
    page: int = 0
    seen: int = 0
    done: bool = False

    def take(self, parsed: object) -> list[Any]:
        """The items of one page; marks the walk done when this page is the last."""
        if isinstance(parsed, list | tuple) or not hasattr(parsed, "content"):
            raise PaginationError(
                f"{type(parsed).__name__} is not a page: paginate() needs a paged query "
                "operation (one whose answer has `content` and `pageInfo`)"
            )
        content = parsed.content
        items = list(content) if isinstance(content, list | tuple) else []
        info = getattr(parsed, "page_info", None)
        number = _count(getattr(info, "number", None))
        total_pages = _count(getattr(info, "total_pages", None))
        total_elements = _count(getattr(info, "total_elements", None))
        if number is not None and number != self.page:
            # A server that ignores `page` would hand us page 0 forever.
            raise PaginationError(
                f"asked for page {self.page} but the answer is page {number}; stopping "
                "rather than repeating or skipping items"
            )
        self.seen += len(items)
        self.done = (
            len(items) < self.size
            or (total_pages is not None and self.page >= total_pages - 1)
            or (total_elements is not None and self.seen >= total_elements)
        )
        self.page += 1
        return items


def _start(size: int, kwargs: dict[str, Any]) -> _Walk:
    taken = sorted({"page", "size"} & kwargs.keys())
    if taken:
        raise PaginationError(f"paginate() sets {' and '.join(taken)} itself; do not pass it")
    if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= MAX_PAGE_SIZE:
        raise PaginationError(f"size must be an int from 1 to {MAX_PAGE_SIZE}, got {size!r}")
    return _Walk(size)


def paginate(
    endpoint: Any, *, client: Any, size: int = MAX_PAGE_SIZE, **kwargs: Any
) -> Iterator[Any]:
    """Every item of a paged query (a generated endpoint module), one page fetched at a time.

    ``kwargs`` go to the endpoint's ``sync_detailed`` (``search``, ``order_by``...).
    """
    walk = _start(size, kwargs)
    while not walk.done:
        response = endpoint.sync_detailed(client=client, page=walk.page, size=size, **kwargs)
        yield from walk.take(unwrap(response))


async def apaginate(
    endpoint: Any, *, client: Any, size: int = MAX_PAGE_SIZE, **kwargs: Any
) -> AsyncIterator[Any]:
    """Async mirror of :func:`paginate`, over the endpoint's ``asyncio_detailed``."""
    walk = _start(size, kwargs)
    while not walk.done:
        response = await endpoint.asyncio_detailed(
            client=client, page=walk.page, size=size, **kwargs
        )
        for item in walk.take(unwrap(response)):
            yield item
