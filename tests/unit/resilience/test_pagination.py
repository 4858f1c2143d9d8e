"""paginate/apaginate over a generated paged query, against paging MockTransport servers."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import anyio
import pytest
from http_under_test import httpx
from nitrobox_client import Client
from nitrobox_client.api.billing_groups import query_business_segments
from nitrobox_client.api.customers import (
    query_customer_addresses,
    query_customers,
    retrieve_customer,
)
from nitrobox_client.api.customers_deprecated import query_customers_unpaged
from nitrobox_client.models import Address, Customer

from nitrobox_auth import (
    MalformedResponseError,
    NitroboxError,
    PaginationError,
    ServerError,
    apaginate,
    paginate,
    where,
)
from nitrobox_auth.api._pagination import DEFAULT_MAX_PAGES

API = "https://api.test"
ENVELOPES = ["spec", "spec-bare", "hal", "content", "spring", "list"]


def customers(count: int, start: int = 0) -> list[dict[str, Any]]:
    return [{"customerIdent": f"c-{i:04d}"} for i in range(start, start + count)]


def page_info(items: list[Any], page: int, size: int) -> dict[str, int]:
    return {
        "number": page,
        "size": size,
        "totalElements": len(items),
        "totalPages": -(-len(items) // size),
    }


def envelope(kind: str, items: list[Any], page: int, size: int) -> Any:
    """One page of ``items`` as the server of ``kind`` would send it."""
    chunk = items[page * size : (page + 1) * size]
    info = page_info(items, page, size)
    if kind == "spec":
        return {"_embedded": chunk, "pageInfo": info}
    if kind == "spec-bare":  # what Nitrobox staff code is seen to read: no metadata
        return {"_embedded": chunk}
    if kind == "hal":
        return {
            "_embedded": {"customers": chunk},
            "page": info,
            "_links": {"self": {"href": f"{API}/v2/customers?page={page}"}},
        }
    if kind == "content":
        return {"content": chunk, "pageInfo": info}
    if kind == "spring":  # Spring Data's serialised Page: the metadata at the top level
        return {"content": chunk, **info, "pageable": {}, "last": False, "empty": not chunk}
    assert kind == "list"
    return chunk


Handler = Callable[[int, int], Any]


class Server:
    """Answers ``handler(page, size)`` as JSON (or as is, for an httpx.Response); logs requests."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.QueryParams] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request.url.params)
        answer = self.handler(int(request.url.params["page"]), int(request.url.params["size"]))
        return answer if isinstance(answer, httpx.Response) else httpx.Response(200, json=answer)

    @property
    def pages(self) -> list[int]:
        return [int(params["page"]) for params in self.requests]

    def client(self) -> Client:
        client = Client(base_url=API)
        transport = httpx.MockTransport(self)
        client.set_httpx_client(httpx.Client(base_url=API, transport=transport))
        client.set_async_httpx_client(httpx.AsyncClient(base_url=API, transport=transport))
        return client


def paged(items: list[Any], kind: str = "spec") -> Server:
    return Server(lambda page, size: envelope(kind, items, page, size))


def walk(server: Server, **kwargs: Any) -> list[Customer]:
    return list(paginate(query_customers, client=server.client(), **kwargs))


def idents(items: list[Customer]) -> list[Any]:
    return [item.customer_ident for item in items]


# --- every envelope, every page once -------------------------------------------------------


@pytest.mark.parametrize("kind", ENVELOPES)
@pytest.mark.parametrize(
    ("count", "size", "with_totals", "without_totals"),
    [
        (250, 100, [0, 1, 2], [0, 1, 2]),
        (200, 100, [0, 1], [0, 1, 2]),  # without totals only the empty page 2 ends it
        (7, 3, [0, 1, 2], [0, 1, 2]),
        (0, 100, [0], [0]),
        (1, 1, [0], [0, 1]),
    ],
)
def test_every_item_of_every_envelope_comes_once_as_the_model(
    kind: str, count: int, size: int, with_totals: list[int], without_totals: list[int]
) -> None:
    """Each envelope yields every item once, in order, as a Customer; no page is asked twice."""
    items = customers(count)
    server = paged(items, kind)
    found = walk(server, size=size)
    assert idents(found) == [item["customerIdent"] for item in items]
    assert all(isinstance(item, Customer) for item in found)
    assert server.pages == (without_totals if kind in ("spec-bare", "list") else with_totals)


@pytest.mark.parametrize("backend", ["asyncio", "trio"])
@pytest.mark.parametrize("kind", ["spec", "hal", "list"])
def test_async_walk_fetches_every_page_exactly_once(backend: str, kind: str) -> None:
    """apaginate walks the same pages as paginate, on asyncio and on trio."""
    items = customers(250)
    server = paged(items, kind)

    async def collect() -> list[Customer]:
        return [item async for item in apaginate(query_customers, client=server.client())]

    found = anyio.run(collect, backend=backend)
    assert idents(found) == [item["customerIdent"] for item in items]
    assert server.pages == [0, 1, 2]


def test_a_paged_query_with_a_path_ident_walks_too() -> None:
    """query_customer_addresses takes its path ident as a keyword and yields Address models."""
    addresses = [{"addressIdent": f"a-{i}", "addressType": "INVOICE"} for i in range(3)]
    server = Server(lambda page, size: envelope("spec", addresses, page, size))
    found = list(paginate(query_customer_addresses, client=server.client(), ident="c-1", size=2))
    assert [a.address_ident for a in found] == ["a-0", "a-1", "a-2"]
    assert all(isinstance(a, Address) for a in found)


# --- stopping with and without metadata ----------------------------------------------------


def test_total_pages_saying_last_page_stops_even_when_full() -> None:
    """totalPages=1 (and no totalElements) stops after a full page 0."""
    items = customers(150)
    server = Server(
        lambda p, s: {"_embedded": items[:s], "pageInfo": {"number": p, "totalPages": 1}}
    )
    assert len(walk(server)) == 100
    assert server.pages == [0]


def test_a_server_capping_size_is_followed_by_its_echoed_size() -> None:
    """Asked for 100, a server that pages by 40 and says so is walked to the end."""
    items = customers(90)
    server = Server(lambda p, s: envelope("spec", items, p, 40))
    assert idents(walk(server)) == [i["customerIdent"] for i in items]
    assert server.pages == [0, 1, 2]


def test_hal_leaving_embedded_out_of_an_empty_page_is_an_empty_page() -> None:
    """Spring HAL's empty page (no _embedded, page.totalElements 0) yields nothing, no error."""
    server = Server(lambda p, s: {"page": {"size": s, "totalElements": 0, "totalPages": 0}})
    assert walk(server) == []


def test_pages_are_fetched_lazily() -> None:
    """Taking five items fetches only the first page."""
    server = paged(customers(250))
    first = list(itertools.islice(paginate(query_customers, client=server.client()), 5))
    assert len(first) == 5
    assert server.pages == [0]


def test_query_arguments_reach_every_page() -> None:
    """search (an RSQL expression, no str()) and order_by go with each page."""
    server = paged(customers(150))
    walk(server, search=where("status").eq("ACTIVE"), order_by="id")
    assert [(p["search"], p["orderBy"], p["size"]) for p in server.requests] == [
        ("status=='ACTIVE'", "id", "100")
    ] * 2


def test_an_error_page_raises_the_typed_error_after_earlier_items() -> None:
    """A 503 on page 1 raises ServerError once page 0's items were handed out."""
    items = customers(250)

    def handler(page: int, size: int) -> Any:
        if page == 1:
            return httpx.Response(503, json={"status": "SERVICE_UNAVAILABLE", "uuid": "u-503"})
        return envelope("spec", items, page, size)

    seen: list[Customer] = []
    with pytest.raises(ServerError) as caught:
        seen.extend(paginate(query_customers, client=Server(handler).client()))
    assert len(seen) == 100
    assert caught.value.uuid == "u-503"


# --- broken pagers (issue 14): every walk ends, loudly -------------------------------------


def test_a_server_ignoring_page_is_detected_by_the_echoed_number() -> None:
    """Page 0 served again (number 0) for page 1 stops the walk with a clear error."""
    items = customers(250)
    server = Server(lambda p, s: envelope("spec", items, 0, s))
    with pytest.raises(PaginationError, match="asked for page 1 but the answer is page 0"):
        walk(server)
    assert len(server.requests) == 2


def test_echoing_the_page_number_with_the_same_full_page_is_a_repeat() -> None:
    """A server echoing `page` but always sending the first items: refused on page 1."""
    items = customers(100)
    server = Server(lambda p, s: {"_embedded": items, "pageInfo": {"number": p, "size": s}})
    seen: list[Customer] = []
    with pytest.raises(PaginationError, match=r"page 1 .* repeats 100 of its 100 items"):
        seen.extend(paginate(query_customers, client=server.client()))
    assert len(seen) == 100
    assert server.pages == [0, 1]


def test_fresh_full_pages_forever_stop_at_max_pages() -> None:
    """A pager that always sends new full pages (no metadata) stops after max_pages pages."""
    server = Server(lambda p, s: customers(s, start=p * s))
    seen: list[Customer] = []
    with pytest.raises(PaginationError, match=r"still has more after 5 pages of 10 \(max_pages=5"):
        seen.extend(paginate(query_customers, client=server.client(), size=10, max_pages=5))
    assert len(seen) == 50
    assert server.pages == [0, 1, 2, 3, 4]


def test_max_pages_is_not_an_error_when_the_last_page_is_within_it() -> None:
    """Exactly max_pages pages, the last one short: every item and no error."""
    server = paged(customers(45))
    assert len(walk(server, size=10, max_pages=5)) == 45


def test_the_default_page_limit_bounds_a_walk() -> None:
    """Without max_pages, an endless pager is stopped after DEFAULT_MAX_PAGES pages."""
    server = Server(lambda p, s: customers(s, start=p * s))
    with pytest.raises(PaginationError, match=f"max_pages={DEFAULT_MAX_PAGES}"):
        walk(server, size=1)
    assert len(server.requests) == DEFAULT_MAX_PAGES


def test_no_metadata_and_the_same_page_forever_is_a_repeat() -> None:
    """No metadata at all and the same full page each time: refused on page 1."""
    items = customers(100)
    server = Server(lambda p, s: {"_embedded": items})
    with pytest.raises(PaginationError, match="repeats 100 of its 100 items"):
        walk(server)
    assert len(server.requests) == 2


def test_items_without_ids_are_compared_by_content() -> None:
    """Items with no id or ident (business segments declare none) are told apart by their
    content."""
    items = [{"name": "segment", "n": i} for i in range(100)]
    server = Server(lambda p, s: {"_embedded": items})
    with pytest.raises(PaginationError, match=r"compared by content"):
        list(paginate(query_business_segments, client=server.client()))


@pytest.mark.parametrize("backend", ["sync", "async"])
def test_an_item_without_a_required_field_is_named(backend: str) -> None:
    """An item lacking its identity raises MalformedResponseError naming schema and field,
    never a KeyError, and after the items of earlier pages only."""
    server = paged([*customers(100), {"language": "de"}])
    seen: list[Customer] = []

    def drain_sync() -> None:
        seen.extend(paginate(query_customers, client=server.client()))

    async def drain_async() -> None:
        async for item in apaginate(query_customers, client=server.client()):
            seen.append(item)

    named = "page 1 of query_customers: .*Customer lacks its required field 'customerIdent'"
    with pytest.raises(MalformedResponseError, match=named):
        drain_sync() if backend == "sync" else anyio.run(drain_async)
    assert len(seen) == 100


def test_totals_sent_as_strings_are_ignored_not_trusted() -> None:
    """String totals saying one page are ignored: all 250 items come, ended by the short page."""
    items = customers(250)

    def handler(page: int, size: int) -> Any:
        chunk = items[page * size : (page + 1) * size]
        return {"_embedded": chunk, "pageInfo": {"totalElements": "100", "totalPages": "1"}}

    server = Server(handler)
    assert len(walk(server)) == 250
    assert server.pages == [0, 1, 2]


@pytest.mark.parametrize("value", [True, 1.0, "3", None, [3], {"n": 3}])
def test_metadata_of_the_wrong_type_is_absent(value: Any) -> None:
    """A bool, a float, a string, null, a list or an object as totalPages counts as absent."""
    items = customers(150)
    server = Server(
        lambda p, s: {"_embedded": items[p * s : (p + 1) * s], "pageInfo": {"totalPages": value}}
    )
    assert len(walk(server)) == 150


def test_a_cycle_of_repeating_pages_is_refused() -> None:
    """Pages A, B, A...: A and B come once, then the walk stops on the repeat."""
    a, b = customers(100), customers(100, start=100)
    server = Server(lambda p, s: {"_embedded": a if p % 2 == 0 else b})
    seen: list[Customer] = []
    with pytest.raises(PaginationError, match="page 2 of query_customers repeats 100"):
        seen.extend(paginate(query_customers, client=server.client()))
    assert len(seen) == 200
    assert server.pages == [0, 1, 2]


def test_a_page_repeating_one_item_is_refused() -> None:
    """One item of page 0 again on page 1 (a shifted window) is a repeat too."""
    items = customers(250)
    server = Server(lambda p, s: {"_embedded": items[max(0, p * s - 1) :][:s]})
    with pytest.raises(
        PaginationError,
        match=r"repeats 1 of its 100 items already seen \(compared by customerIdent\)",
    ):
        walk(server)


@pytest.mark.parametrize("kind", ["spec", "spec-bare", "hal", "list"])
def test_more_items_than_size_is_refused_before_any_is_returned(kind: str) -> None:
    """A server ignoring size (150 items for size 100) is refused, whatever its envelope."""
    items = customers(150)
    server = Server(lambda p, s: envelope(kind, items, 0, 150))
    seen: list[Customer] = []
    with pytest.raises(PaginationError, match=r"has 150 items .* but size=100 was asked"):
        seen.extend(paginate(query_customers, client=server.client()))
    assert seen == []


@pytest.mark.parametrize(
    ("info", "message"),
    [
        ({"totalElements": 150, "totalPages": 1}, "totalPages=1 does not match totalElements=150"),
        ({"totalElements": 250}, "page 1 .* has 50 items, but totalElements=250 .* means 100"),
        ({"totalElements": 50}, "has 100 items, but totalElements=50"),
        ({"totalPages": 5}, "has 50 of 100 items, but totalPages=5 says more pages follow"),
        ({"size": 20}, "has 100 items but says its size is 20"),
        ({"size": 200}, "says its size is 200, asked 100"),
        ({"totalElements": -1}, r"pageInfo.totalElements is -1"),
    ],
)
def test_contradictory_metadata_is_refused(info: dict[str, Any], message: str) -> None:
    """Metadata that does not fit the page stops the walk instead of being trusted."""
    items = customers(150)

    server = Server(lambda p, s: {"_embedded": items[p * s : (p + 1) * s], "pageInfo": info})
    with pytest.raises(PaginationError, match=message):
        walk(server)


def test_two_metadata_blocks_that_disagree_are_refused() -> None:
    """pageInfo and HAL page saying different totals: the walk stops."""
    body = {
        "_embedded": customers(3),
        "pageInfo": {"totalElements": 3},
        "page": {"totalElements": 4},
    }
    with pytest.raises(PaginationError, match=r"pageInfo\.totalElements says 3 but page\.totalEle"):
        walk(Server(lambda p, s: body))


def test_items_past_the_last_page_are_refused() -> None:
    """Items on a page the metadata calls past the end are not handed out."""
    server = Server(lambda p, s: {"_embedded": customers(5), "pageInfo": {"totalPages": 0}})
    with pytest.raises(PaginationError, match="past the last page"):
        walk(server)


# --- lists and answers that are not pages --------------------------------------------------


def test_a_list_where_a_page_belongs_is_read_as_its_items() -> None:
    """A plain list of 3 for size 100 is the items of the last page, as Customer models."""
    server = Server(lambda p, s: customers(3))
    assert idents(walk(server)) == ["c-0000", "c-0001", "c-0002"]
    assert server.pages == [0]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"customerIdent": "c-1", "language": "de"}, "no items under _embedded or content"),
        ({}, "keys seen: none"),
        ({"_links": {}}, "keys seen: _links"),
        ({"items": [{"customerIdent": "c-1"}]}, "keys seen: items"),
        ({"_embedded": "c-1"}, "`_embedded` is a JSON string, not a list"),
        ({"content": {"a": 1}}, "`content` is a JSON object, not a list"),
        ({"_embedded": {"a": [], "b": []}}, r"several lists \(relations: a, b\)"),
        ({"_embedded": {"customer": {"customerIdent": "c"}}}, r"no list \(relations: customer\)"),
        ({"_embedded": [1, 2]}, "item 0 of `_embedded` is a JSON integer, not an object"),
        (
            {"_embedded": [], "content": [{"customerIdent": "c"}]},
            "under both _embedded and content",
        ),
        ("a page", "is a JSON string, not a page object"),
        ({"pageInfo": {"number": 0, "size": 100}}, "no totalElements or totalPages"),
    ],
)
def test_an_answer_whose_items_cannot_be_found_is_refused(body: Any, message: str) -> None:
    """Never an empty silence: the error names what it found instead of items."""
    with pytest.raises(PaginationError, match=message):
        walk(Server(lambda p, s: body))


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (httpx.Response(200, html="<html>login</html>"), r"not JSON \(Content-Type: text/html"),
        (httpx.Response(200, content=b"[" * 100_000), "nested too deeply|not JSON"),
        (httpx.Response(204), "empty answer"),
        (
            httpx.Response(200, json={"_embedded": [{"addresses": "x"}]}),
            "cannot be read as the items",
        ),
    ],
    ids=["html", "deep", "no-body", "bad-item"],
)
def test_an_unreadable_answer_is_a_typed_error(response: httpx.Response, message: str) -> None:
    """HTML, deep JSON, an empty 2xx and an unparseable item raise MalformedResponseError."""
    with pytest.raises(MalformedResponseError, match=message) as caught:
        walk(Server(lambda p, s: response))
    assert isinstance(caught.value, NitroboxError)


# --- wrong calls ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 101, -1, True, 2.5])
def test_bad_sizes_are_rejected_at_the_call(size: Any) -> None:
    """size must be 1..100, the documented range; the call itself raises, nothing is sent."""
    server = paged(customers(1))
    with pytest.raises(PaginationError, match="size must be"):
        paginate(query_customers, client=server.client(), size=size)
    assert server.requests == []


@pytest.mark.parametrize("max_pages", [0, -3, False, 1.5, None])
def test_bad_max_pages_are_rejected(max_pages: Any) -> None:
    """max_pages must be a positive int: a walk is always bounded."""
    with pytest.raises(PaginationError, match="max_pages must be"):
        paginate(query_customers, client=paged([]).client(), max_pages=max_pages)


def test_page_and_size_are_not_accepted_as_arguments() -> None:
    """Passing page= would fight the walk: it is refused."""
    with pytest.raises(PaginationError, match="sets page itself"):
        paginate(query_customers, client=paged([]).client(), page=3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"serch": "a=='1'"}, "takes no argument serch; it takes direction, order_by, search"),
        ({"direction": 5}, "cannot take these arguments"),
    ],
)
def test_wrong_query_arguments_are_refused_before_sending(
    kwargs: dict[str, Any], message: str
) -> None:
    """A misspelt argument or a str for an enum raise PaginationError at the call."""
    server = paged([])
    with pytest.raises(PaginationError, match=message):
        paginate(query_customers, client=server.client(), **kwargs)
    assert server.requests == []


def test_a_missing_path_ident_is_named() -> None:
    """query_customer_addresses without its ident says which argument is missing."""
    with pytest.raises(PaginationError, match="needs ident="):
        paginate(query_customer_addresses, client=paged([]).client())


@pytest.mark.parametrize("endpoint", [retrieve_customer, query_customers_unpaged, object()])
def test_a_non_paged_operation_is_refused_before_sending(endpoint: Any) -> None:
    """A retrieve, an unpaged list or a non-module raise PaginationError; nothing is sent."""
    server = paged([])
    with pytest.raises(PaginationError, match=r"not a paged query|not a generated endpoint"):
        paginate(endpoint, client=server.client())
    assert server.requests == []


@pytest.mark.parametrize(
    ("handler", "message"),
    [
        (lambda p, s: {"_embedded": customers(s)}, "repeats"),
        (lambda p, s: customers(s, start=p * s), "max_pages=3"),
        (lambda p, s: {"_embedded": customers(s + 1)}, "but size=10 was asked"),
        (lambda p, s: {"customerIdent": "c-1"}, "keys seen: customerIdent"),
    ],
    ids=["repeat", "max-pages", "too-many", "not-a-page"],
)
def test_async_walks_are_bounded_by_the_same_rules(handler: Handler, message: str) -> None:
    """apaginate stops on the same broken pagers as paginate, with the same errors."""
    server = Server(handler)

    async def collect() -> list[Customer]:
        walk = apaginate(query_customers, client=server.client(), size=10, max_pages=3)
        return [item async for item in walk]

    with pytest.raises(PaginationError, match=message):
        anyio.run(collect)
    assert len(server.requests) <= 3


def test_apaginate_refuses_a_bad_call_before_sending() -> None:
    """A non-paged operation given to apaginate raises at the call, like paginate."""
    server = paged([])
    with pytest.raises(PaginationError, match="not a paged query"):
        apaginate(retrieve_customer, client=server.client())  # type: ignore[arg-type]
    assert server.requests == []
