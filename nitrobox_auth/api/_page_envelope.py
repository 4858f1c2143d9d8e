"""Reading one page of a paged query from the raw JSON answer, whichever envelope it uses.

The spec declares ``{"_embedded": [items], "pageInfo": {...}}`` (docs/spec.md, "The page
envelope"), but only the ``_embedded`` list is seen in Nitrobox staff code, so a page is read
from any envelope a Nitrobox (Spring) server plausibly sends:

=========================================================  ==============================
envelope                                                   where it comes from
=========================================================  ==============================
``{"_embedded": [...], "pageInfo": {...}}``                 the spec (staff code + inference)
``{"_embedded": {"<rel>": [...]}, "page": {...}, "_links"}``  Spring HATEOAS (HAL)
``{"content": [...], "pageInfo": {...}}``                   this client's earlier guess
``{"content": [...], "number": 0, "totalPages": 3, ...}``   Spring Data's serialised ``Page``
``[...]``                                                  ``GET /v2/plans`` in 2021
=========================================================  ==============================

Nothing here trusts what it cannot check: metadata of the wrong type (a total sent as a
string, a bool) counts as absent, and an answer whose items cannot be found is refused with
the keys it has, never read as an empty page.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from nitrobox_auth._errors import NitroboxError
from nitrobox_auth._strict_json import json_type_name

# Where items may sit, in the order they are looked for. `items` and `data` are not read:
# a Document has `items` of its own, so a single object would pass for a page.
ITEM_KEYS = ("_embedded", "content")
# Where page metadata may sit: Nitrobox's PageInfo key (inferred), HAL's `page`.
META_KEYS = ("pageInfo", "page")
META_FIELDS = {
    "number": "number",
    "size": "size",
    "totalElements": "total_elements",
    "totalPages": "total_pages",
}
# Keys a page may have besides items: metadata, links, and Spring Data's other page fields.
PAGE_KEYS = frozenset(
    {*ITEM_KEYS, *META_KEYS, *META_FIELDS, "_links", "links", "pageable", "sort", "first"}
    | {"last", "empty", "numberOfElements"}
)
_SHOWN_KEYS = 20


class PaginationError(NitroboxError, ValueError):
    """A paged query was called wrongly, or its answers cannot be walked safely."""


@attrs.frozen
class PageMeta:
    """What a page says about itself; ``None`` where it says nothing usable."""

    number: int | None = None
    size: int | None = None
    total_elements: int | None = None
    total_pages: int | None = None

    @property
    def present(self) -> bool:
        return any(v is not None for v in attrs.astuple(self))


@attrs.frozen
class RawPage:
    """One page as found in the JSON: the item objects, the metadata, where the items were."""

    items: list[dict[str, Any]]
    meta: PageMeta
    source: str  # e.g. "_embedded", "_embedded.customers", "content", "a JSON list", "nowhere"


def _keys(data: Mapping[str, Any]) -> str:
    names = sorted(str(key) for key in data)
    shown = ", ".join(names[:_SHOWN_KEYS])
    more = f" and {len(names) - _SHOWN_KEYS} more" if len(names) > _SHOWN_KEYS else ""
    return f"{shown}{more}" if names else "none"


def read_page(data: object, *, where: str) -> RawPage:
    """The items and metadata of one decoded JSON answer; ``where`` names the page in errors."""
    if isinstance(data, list):
        # A list where a page object belongs: read as the items of a page without metadata.
        # The walk then stops on a short page and refuses a list longer than `size`.
        return RawPage(_objects(data, where, "the list"), PageMeta(), "a JSON list")
    if not isinstance(data, dict):
        raise PaginationError(
            f"{where} is a JSON {json_type_name(data)}, not a page object or a list"
        )
    found: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for key in ITEM_KEYS:
        located = _items_under(key, data.get(key), where)
        if located is not None:
            found[key] = located
    if len(found) > 1:
        raise PaginationError(
            f"{where} holds items under both {' and '.join(found)}: cannot tell which is the page"
        )
    meta = _meta(data, where)
    if found:
        ((_, (source, items)),) = found.items()
        return RawPage(items, meta, source)
    unknown = set(data) - PAGE_KEYS
    if unknown or not meta.present:
        raise PaginationError(
            f"{where} is not a page this client can read: no items under "
            f"{' or '.join(ITEM_KEYS)} (nor is it a JSON list); keys seen: {_keys(data)}"
        )
    # Spring HAL leaves `_embedded` out of an empty page; the walk checks that the
    # metadata really says this page is empty.
    return RawPage([], meta, "nowhere")


def _items_under(key: str, value: object, where: str) -> tuple[str, list[dict[str, Any]]] | None:
    if value is None:
        return None
    if isinstance(value, list):
        return key, _objects(value, where, f"`{key}`")
    if key == "_embedded" and isinstance(value, dict):
        # HAL: {"_embedded": {"<rel>": [...]}}; an empty object embeds nothing.
        lists = {rel: items for rel, items in value.items() if isinstance(items, list)}
        if len(lists) == 1:
            ((rel, items),) = lists.items()
            return f"_embedded.{rel}", _objects(items, where, f"`_embedded.{rel}`")
        if not value:
            return None
        what = "several lists" if lists else "no list"
        raise PaginationError(
            f"{where}: `_embedded` is an object with {what} (relations: {_keys(value)}), "
            "so its items cannot be told apart"
        )
    raise PaginationError(
        f"{where}: `{key}` is a JSON {json_type_name(value)}, not a list of items"
    )


def _objects(items: list[Any], where: str, what: str) -> list[dict[str, Any]]:
    for index, item in enumerate(items):
        if not isinstance(item, dict):
            raise PaginationError(
                f"{where}: item {index} of {what} is a JSON {json_type_name(item)}, not an object"
            )
    return items


def _meta(data: Mapping[str, Any], where: str) -> PageMeta:
    sources: list[tuple[str, Mapping[str, Any]]] = [
        (key, data[key]) for key in META_KEYS if isinstance(data.get(key), dict)
    ]
    sources.append(("", data))  # Spring Data puts the fields at the top level
    values: dict[str, tuple[str, int]] = {}
    for prefix, source in sources:
        for name, attribute in META_FIELDS.items():
            value = _count(source.get(name))
            if value is None:
                continue
            label = f"{prefix}.{name}" if prefix else name
            if value < 0:
                raise PaginationError(f"{where}: {label} is {value}, which no page can be")
            earlier = values.setdefault(attribute, (label, value))
            if earlier[1] != value:
                raise PaginationError(
                    f"{where}: {earlier[0]} says {earlier[1]} but {label} says {value}"
                )
    return PageMeta(**{attribute: value for attribute, (_, value) in values.items()})


def _count(value: object) -> int | None:
    # Only a JSON integer is a count: a string, a bool or a float is not trusted.
    return value if isinstance(value, int) and not isinstance(value, bool) else None
