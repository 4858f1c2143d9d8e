"""Paged and unpaged queries: RSQL filter, ``orderBy``/``direction``, ``page``/``size``,
and the page envelope the spec declares: ``{"_embedded": [items], "pageInfo": {"number",
"size", "totalElements", "totalPages"}}`` (read from the page schema, so the answer follows
``openapi/`` if the envelope changes there; docs/spec.md "The page envelope" says why).

``size`` defaults to :data:`DEFAULT_SIZE` and is at most :data:`MAX_SIZE`; the request
validation refuses anything outside 1..100 and a negative ``page`` before this module runs,
so the clamping below only guards direct calls. A ``page`` past the last one (up to the
int32 maximum the spec allows) answers an empty ``_embedded`` with the true totals.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from nitrobox_sandbox import _rsql
from nitrobox_sandbox._spec import Spec
from nitrobox_sandbox._synth import Synthesizer

DEFAULT_SIZE = 20
MAX_SIZE = 100


# (start, stop, newest_first) -> the records' views in that window of the default order
Window = Callable[[int, int, bool], Sequence[dict[str, Any]]]


def page_of(
    spec: Spec,
    synth: Synthesizer,
    schema: Any,
    items: Sequence[dict[str, Any]],
    query: Mapping[str, Any],
) -> Any:
    """The hint for a query answer: filtered, ordered and cut to the requested page."""
    selected = list(items)
    search = query.get("search")
    if isinstance(search, str) and search.strip():
        predicate = _rsql.parse(search)
        selected = [item for item in selected if predicate(item)]
    selected = _ordered(selected, query.get("orderBy"), query.get("direction"))
    return _answer(spec, schema, query, len(selected), lambda start, stop: selected[start:stop])


def plain_page_of(
    spec: Spec, schema: Any, query: Mapping[str, Any], total: int, window: Window
) -> Any | None:
    """What :func:`page_of` answers for a query without ``search`` and ``orderBy`` over
    ``total`` records, reading only the requested page through ``window`` (so a page costs
    the same at 10,000 records as at 100); ``None`` for any other query."""
    search, order_by = query.get("search"), query.get("orderBy")
    if (isinstance(search, str) and search.strip()) or (isinstance(order_by, str) and order_by):
        return None
    direction = query.get("direction")
    # Nitrobox documents "sorted descending by id" when nothing else is asked for
    newest_first = direction is None or str(direction).lower() == "desc"
    return _answer(
        spec, schema, query, total, lambda start, stop: window(start, stop, newest_first)
    )


def _answer(
    spec: Spec,
    schema: Any,
    query: Mapping[str, Any],
    total: int,
    cut: Callable[[int, int], Sequence[dict[str, Any]]],
) -> Any:
    schema = spec.resolve(schema)
    if not isinstance(schema, Mapping) or schema.get("type") == "array" or "items" in schema:
        # unpaged queries answer a plain list of at most 100 entries
        return list(cut(0, MAX_SIZE))
    content_name, info_name = _envelope(spec, schema)
    size = _int(query.get("size"), DEFAULT_SIZE, 1, MAX_SIZE)
    page = _int(query.get("page"), 0, 0, None)
    envelope: dict[str, Any] = {content_name: list(cut(page * size, (page + 1) * size))}
    if info_name is not None:
        envelope[info_name] = {
            "number": page,
            "size": size,
            "totalElements": total,
            "totalPages": math.ceil(total / size),
        }
    return envelope


def _envelope(spec: Spec, schema: Mapping[str, Any]) -> tuple[str, str | None]:
    content_name = "_embedded"
    info_name: str | None = None
    for name, sub in schema.get("properties", {}).items():
        resolved = spec.resolve(sub)
        if not isinstance(resolved, Mapping):
            continue
        if resolved.get("type") == "array":
            content_name = name
        elif "number" in resolved.get("properties", {}) or name in ("pageInfo", "page"):
            info_name = name
    return content_name, info_name


def _ordered(items: list[dict[str, Any]], order_by: Any, direction: Any) -> list[dict[str, Any]]:
    descending = str(direction).lower() == "desc"
    if not isinstance(order_by, str) or not order_by:
        # Nitrobox documents "sorted descending by id" when nothing else is asked for
        return items if direction is not None and not descending else list(reversed(items))
    path = order_by.split(".")

    def key(item: dict[str, Any]) -> tuple[int, str, Any]:
        values = _rsql.values_at(item, path)
        value = values[0] if values else None
        if value is None:
            return (1, "", "")
        if isinstance(value, bool | int | float):
            return (0, "number", float(value))
        return (0, "text", str(value))

    present = [i for i in items if key(i)[0] == 0]
    missing = [i for i in items if key(i)[0] == 1]
    try:
        present.sort(key=key, reverse=descending)
    except TypeError:  # numbers and strings in one field: compare as text
        present.sort(key=lambda i: str(key(i)[2]), reverse=descending)
    return present + missing


def _int(value: Any, default: int, low: int, high: int | None) -> int:
    number = value if isinstance(value, int) and not isinstance(value, bool) else default
    number = max(low, number)
    return min(high, number) if high is not None else number
