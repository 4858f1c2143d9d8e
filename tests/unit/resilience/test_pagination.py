"""paginate/apaginate over a generated paged query, against a paging MockTransport server."""

from __future__ import annotations

import itertools
from typing import Any

import anyio
import httpx
import pytest
from nitrobox_client import Client
from nitrobox_client.api.customers import query_customers, retrieve_customer

from nitrobox_auth._api_errors import ServerError
from nitrobox_auth._pagination import PaginationError, apaginate, paginate

API = "https://api.test"


class PagedServer:
    """Serves ``count`` customers in pages, like the spec's envelope; records every request."""

    def __init__(
        self,
        count: int,
        *,
        page_info: bool = True,
        ignore_page: bool = False,
        fail_on_page: int | None = None,
        total_pages: int | None = None,
    ) -> None:
        self.items = [{"customerIdent": f"c-{i:04d}"} for i in range(count)]
        self.page_info = page_info
        self.ignore_page = ignore_page
        self.fail_on_page = fail_on_page
        self.total_pages = total_pages
        self.requests: list[httpx.QueryParams] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request.url.params)
        page = 0 if self.ignore_page else int(request.url.params["page"])
        size = int(request.url.params["size"])
        if page == self.fail_on_page:
            return httpx.Response(503, json={"status": "SERVICE_UNAVAILABLE", "uuid": "u-503"})
        body: dict[str, Any] = {"content": self.items[page * size : (page + 1) * size]}
        if self.page_info:
            pages = -(-len(self.items) // size)
            body["pageInfo"] = {
                "number": page,
                "size": size,
                "totalElements": len(self.items),
                "totalPages": self.total_pages if self.total_pages is not None else pages,
            }
        return httpx.Response(200, json=body)

    @property
    def pages(self) -> list[int]:
        return [int(params["page"]) for params in self.requests]


def _client(server: PagedServer) -> Client:
    client = Client(base_url=API)
    transport = httpx.MockTransport(server)
    client.set_httpx_client(httpx.Client(base_url=API, transport=transport))
    client.set_async_httpx_client(httpx.AsyncClient(base_url=API, transport=transport))
    return client


def _idents(items: list[Any]) -> list[str]:
    return [item.customer_ident for item in items]


@pytest.mark.parametrize(
    ("count", "size", "pages"),
    [(250, 100, [0, 1, 2]), (200, 100, [0, 1]), (7, 3, [0, 1, 2]), (0, 100, [0]), (1, 1, [0])],
)
def test_every_page_is_fetched_exactly_once(count: int, size: int, pages: list[int]) -> None:
    """Every item comes once, in order, and each page is requested once."""
    server = PagedServer(count)
    items = list(paginate(query_customers, client=_client(server), size=size))
    assert _idents(items) == [item["customerIdent"] for item in server.items]
    assert server.pages == pages


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
def test_async_walk_fetches_every_page_exactly_once(backend: str) -> None:
    """apaginate walks the same pages on asyncio and on trio."""
    server = PagedServer(250)

    async def collect() -> list[Any]:
        return [item async for item in apaginate(query_customers, client=_client(server))]

    items = anyio.run(collect, backend=backend)
    assert _idents(items) == [item["customerIdent"] for item in server.items]
    assert server.pages == [0, 1, 2]


def test_without_page_info_an_empty_page_ends_the_walk() -> None:
    """With no pageInfo at all, 200 items at size 100 end on the empty page 2."""
    server = PagedServer(200, page_info=False)
    assert len(list(paginate(query_customers, client=_client(server)))) == 200
    assert server.pages == [0, 1, 2]


def test_page_info_saying_last_page_stops_even_when_full() -> None:
    """totalPages=1 stops after a full page 0 instead of asking for page 1."""
    server = PagedServer(150, total_pages=1)
    assert len(list(paginate(query_customers, client=_client(server)))) == 100
    assert server.pages == [0]


def test_pages_are_fetched_lazily() -> None:
    """Taking five items fetches only the first page."""
    server = PagedServer(250)
    first = list(itertools.islice(paginate(query_customers, client=_client(server)), 5))
    assert len(first) == 5
    assert server.pages == [0]


def test_query_arguments_reach_every_page() -> None:
    """search and order_by are sent with each page request."""
    server = PagedServer(150)
    list(
        paginate(query_customers, client=_client(server), search="status=='ACTIVE'", order_by="id")
    )
    assert [(p["search"], p["orderBy"], p["size"]) for p in server.requests] == [
        ("status=='ACTIVE'", "id", "100")
    ] * 2


def test_an_error_page_raises_the_typed_error_after_earlier_items() -> None:
    """A 503 on page 1 raises ServerError once page 0's items were handed out."""
    server = PagedServer(250, fail_on_page=1)
    seen: list[Any] = []
    with pytest.raises(ServerError) as caught:
        seen.extend(paginate(query_customers, client=_client(server)))
    assert len(seen) == 100
    assert caught.value.uuid == "u-503"


def test_a_server_ignoring_page_is_detected() -> None:
    """Page 0 served again for page 1 stops the walk with a clear error, not a loop."""
    server = PagedServer(250, ignore_page=True)
    with pytest.raises(PaginationError, match="asked for page 1 but the answer is page 0"):
        list(paginate(query_customers, client=_client(server)))
    assert len(server.requests) == 2


@pytest.mark.parametrize("size", [0, 101, -1, True, 2.5])
def test_bad_sizes_are_rejected(size: Any) -> None:
    """size must be 1..100, the documented range; nothing is sent otherwise."""
    server = PagedServer(1)
    with pytest.raises(PaginationError, match="size must be"):
        list(paginate(query_customers, client=_client(server), size=size))
    assert server.requests == []


def test_page_and_size_are_not_accepted_as_arguments() -> None:
    """Passing page= would fight the walk: it is refused."""
    with pytest.raises(PaginationError, match="sets page itself"):
        list(paginate(query_customers, client=_client(PagedServer(1)), page=3))


def test_a_non_paged_operation_is_refused() -> None:
    """A single-object answer is not mistaken for a page."""

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"customerIdent": "c-1"})

    client = Client(base_url=API)
    client.set_httpx_client(httpx.Client(base_url=API, transport=httpx.MockTransport(handler)))

    class RetrieveAsPage:
        @staticmethod
        def sync_detailed(**kwargs: Any) -> Any:
            kwargs.pop("page")
            kwargs.pop("size")
            return retrieve_customer.sync_detailed("c-1", **kwargs)

    with pytest.raises(PaginationError, match="not a page"):
        list(paginate(RetrieveAsPage, client=client))
