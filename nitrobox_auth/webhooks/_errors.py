"""The receiver kit's errors; both derive from :class:`nitrobox_auth.NitroboxError`."""

from __future__ import annotations

from nitrobox_auth._errors import NitroboxError


class InvalidNotificationError(NitroboxError, ValueError):
    """A notification body cannot be read: not JSON, not an object, no ``notification_type``,
    or a documented field with a value of the wrong kind. The message names the field and
    what was expected; it never repeats more than a short excerpt of the value.

    ``field`` is the payload key at fault (``None`` for the body as a whole).
    """

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class WebhookConfigError(NitroboxError, ValueError):
    """A :class:`WebhookReceiver` was built or used wrongly (empty credentials, a bad token
    lifetime, a handler for a notification type that Nitrobox does not document)."""
