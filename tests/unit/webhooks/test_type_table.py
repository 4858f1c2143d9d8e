"""The type table: Literal overloads of ``receiver.on`` and ``inbox.wait_for`` in step with
NOTIFICATION_TYPES, and fields declared once with their wire names. mypy seeing it all
(typed_handlers.py) is checked in the typing tests' one mypy run (tests/typing)."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, get_args, get_origin, get_overloads, get_type_hints

import pytest

import nitrobox_auth.webhooks._receiver as receiver_module
import nitrobox_sandbox._inbox as inbox_module
from nitrobox_auth.webhooks import NOTIFICATION_TYPES, Notification, WebhookReceiver
from nitrobox_auth.webhooks._events import EVENT_CLASSES, Shape
from nitrobox_sandbox import NotificationInbox


def _event_class(annotation: Any) -> Any:
    """The event class in ``Callable[[Callable[[Event], R]], ...]`` or ``Event``."""
    if get_origin(annotation) is typing.Union or not get_args(annotation):
        return annotation
    inner = get_args(annotation)[0][0]  # Callable[[handler], ...] -> handler
    return get_args(inner)[0][0]  # handler: Callable[[Event], R] -> Event


def _overload_table(function: Any, module: Any) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for overload in get_overloads(function):
        hints = get_type_hints(overload, vars(module))
        kinds = hints["notification_type"]
        if get_origin(kinds) is not typing.Literal:
            continue  # the final str overload
        for kind in get_args(kinds):
            assert kind not in table, f"{kind} appears in two overloads"
            table[kind] = _event_class(hints["return"])
    return table


@pytest.mark.parametrize(
    ("function", "module"),
    [(WebhookReceiver.on, receiver_module), (NotificationInbox.wait_for, inbox_module)],
    ids=["receiver.on", "inbox.wait_for"],
)
def test_the_overloads_match_the_type_table(function: Any, module: Any) -> None:
    assert _overload_table(function, module) == dict(NOTIFICATION_TYPES)


def test_every_class_is_in_the_table() -> None:
    assert set(NOTIFICATION_TYPES.values()) == set(EVENT_CLASSES)


def _shapes() -> list[type[Shape]]:
    found: list[type[Shape]] = []
    pending: list[type[Shape]] = list(EVENT_CLASSES)
    while pending:
        shape = pending.pop()
        if shape in found:
            continue
        found.append(shape)
        for _, _, read in shape.wire_fields():
            inner = getattr(read, "shape", None)
            if inner is not None:
                pending.append(inner)
    return found


@pytest.mark.parametrize("shape", _shapes(), ids=lambda s: s.__name__)
def test_every_field_is_declared_once_with_its_wire_name(shape: type[Shape]) -> None:
    """Each field but the base ones has a wire name; no wire name is read twice."""
    base = {f.name for f in dataclasses.fields(Notification)}
    declared = {name for name, _, _ in shape.wire_fields()}
    assert {f.name for f in dataclasses.fields(shape)} - base == declared
    wire_names = [key for _, key, _ in shape.wire_fields()]
    assert len(wire_names) == len(set(wire_names))
