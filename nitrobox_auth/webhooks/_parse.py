"""``parse_notification``: a body (bytes, str or mapping) -> one typed event."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nitrobox_auth import _strict_json as strict_json
from nitrobox_auth._strict_json import MAX_ANSWER_DEPTH, json_type_name
from nitrobox_auth.webhooks._errors import InvalidNotificationError
from nitrobox_auth.webhooks._events import NOTIFICATION_TYPES, Notification, UnknownNotification
from nitrobox_auth.webhooks._values import excerpt

# Nitrobox spells some types in mixed case (``paymentAssignment.processed``) and one in lower
# case (``paymentintent.result``); a sender that changes the case still reaches the right class.
_BY_LOWER = {name.lower(): name for name in NOTIFICATION_TYPES}
TYPE_KEYS = ("notification_type", "notificationType")


def canonical_type(notification_type: str) -> str | None:
    """The documented spelling of ``notification_type`` (compared ignoring case), or None."""
    return _BY_LOWER.get(notification_type.lower())


def load_payload(
    data: bytes | bytearray | str | Mapping[str, Any],
) -> tuple[Mapping[str, Any], str]:
    """The JSON object of a notification body and its type. The one place a notification
    body is parsed as JSON."""
    if isinstance(data, Mapping):
        payload: Any = data
    elif isinstance(data, bytes | bytearray | str):
        try:
            payload = strict_json.loads(data, max_depth=MAX_ANSWER_DEPTH)
        except strict_json.StrictJSONError as exc:
            raise InvalidNotificationError(
                f"the notification body is not JSON ({exc.reason}); expected a JSON object "
                'like {"notification_type": "invoice.archived", ...}'
            ) from None
    else:
        raise InvalidNotificationError(
            f"parse_notification takes bytes, str or a mapping, got {type(data).__name__}"
        )
    if not isinstance(payload, Mapping):
        raise InvalidNotificationError(
            f"the notification body must be a JSON object, got a JSON {json_type_name(payload)}"
        )
    kind = notification_type_of(payload)
    if kind is None:
        present = [key for key in TYPE_KEYS if payload.get(key) is not None]
        problem = (
            f"must be a non-empty string, got {excerpt(payload[present[0]])}"
            if present
            else "is missing"
        )
        raise InvalidNotificationError(
            f"the notification's type ('notification_type' or 'notificationType') {problem}",
            field=present[0] if present else "notification_type",
        )
    return payload, kind


def notification_type_of(payload: Mapping[str, Any]) -> str | None:
    """The type of a notification: ``notification_type``, or ``notificationType`` (OPOS
    decisions, facts 3 R2) when the first is absent; ``None`` if neither is a usable string."""
    for key in TYPE_KEYS:
        kind = payload.get(key)
        if kind is not None:
            return kind if isinstance(kind, str) and kind.strip() else None
    return None


def parse_notification(
    data: bytes | bytearray | str | Mapping[str, Any], *, strict: bool = True
) -> Notification:
    """Read one notification: the typed event of its type (``notification_type`` or
    ``notificationType``), or :class:`UnknownNotification` for a type this version does not
    know.

    Raises :class:`InvalidNotificationError` when the body is not a JSON object with a type.
    A documented field with a value of the wrong kind raises it too, unless ``strict=False``:
    then that field is ``None`` and its payload key is listed in ``event.unreadable`` (the
    receiver reads deliveries that way, so a surprising value never loses a notification).
    """
    payload, kind = load_payload(data)
    name = canonical_type(kind)
    cls = NOTIFICATION_TYPES[name] if name is not None else UnknownNotification
    return cls.from_payload(kind, payload, strict=strict)
