"""``parse_notification``: a body (bytes, str or mapping) -> one typed event."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from nitrobox_auth.webhooks._errors import InvalidNotificationError
from nitrobox_auth.webhooks._events import NOTIFICATION_TYPES, Notification, UnknownNotification
from nitrobox_auth.webhooks._values import excerpt

# Nitrobox spells some types in mixed case (``paymentAssignment.processed``) and one in lower
# case (``paymentintent.result``); a sender that changes the case still reaches the right class.
_BY_LOWER = {name.lower(): name for name in NOTIFICATION_TYPES}


def canonical_type(notification_type: str) -> str | None:
    """The documented spelling of ``notification_type`` (compared ignoring case), or None."""
    return _BY_LOWER.get(notification_type.lower())


def load_payload(data: bytes | bytearray | str | Mapping[str, Any]) -> Mapping[str, Any]:
    """The JSON object of a notification body, with a usable ``notification_type``."""
    if isinstance(data, Mapping):
        payload: Any = data
    elif isinstance(data, bytes | bytearray | str):
        try:
            payload = json.loads(data)
        except (ValueError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            raise InvalidNotificationError(
                f"the notification body is not JSON ({reason}); expected a JSON object "
                'like {"notification_type": "invoice.archived", ...}'
            ) from None
    else:
        raise InvalidNotificationError(
            f"parse_notification takes bytes, str or a mapping, got {type(data).__name__}"
        )
    if not isinstance(payload, Mapping):
        raise InvalidNotificationError(
            f"the notification body must be a JSON object, got a JSON {_json_kind(payload)}"
        )
    kind = payload.get("notification_type")
    if not isinstance(kind, str) or not kind.strip():
        problem = (
            "is missing" if kind is None else f"must be a non-empty string, got {excerpt(kind)}"
        )
        raise InvalidNotificationError(
            f"the notification's 'notification_type' {problem}", field="notification_type"
        )
    return payload


def parse_notification(data: bytes | bytearray | str | Mapping[str, Any]) -> Notification:
    """Read one notification: the typed event of its ``notification_type``, or
    :class:`UnknownNotification` for a type this version does not know.

    Raises :class:`InvalidNotificationError` when the body is not a JSON object with a
    ``notification_type``, or when a documented field has a value of the wrong kind.
    """
    payload = load_payload(data)
    kind: str = payload["notification_type"]
    name = canonical_type(kind)
    cls = NOTIFICATION_TYPES[name] if name is not None else UnknownNotification
    return cls.from_payload(kind, payload)


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if value is None:
        return "null"
    return "number"
