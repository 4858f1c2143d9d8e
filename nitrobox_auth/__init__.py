"""nitrobox_auth: the hand-written part of the Nitrobox Python client.

Token provider, httpx auth, client factory, errors, resilience helpers, the sandbox,
the pytest plugin and the ``nitrobox`` command. The typed endpoint functions live in the
generated package ``nitrobox_client``.
"""

from nitrobox_auth._errors import NitroboxError

__all__ = [
    "NitroboxError",
]
