"""The exception tree of the Nitrobox client. Every error this package raises derives
from :class:`NitroboxError`, so ``except NitroboxError`` catches them all.

::

    NitroboxError
    ├── SettingsError            configuration missing or invalid (also a ValueError)
    ├── NitroboxAuthError        getting or using an access token failed
    │   ├── TokenRequestError    the token endpoint could not be reached or kept failing
    │   ├── TokenResponseError   a 2xx answer that is not a valid token
    │   └── OAuthError           an RFC 6749 error answer (status, error, error_description)
    │       └── InvalidClientError   the client credentials were rejected
    └── NitroboxAPIError         the API answered with an error (see _api_errors)

No message, ``str`` or ``repr`` of these errors ever contains a client secret,
a Basic header or an access token.
"""

from __future__ import annotations


class NitroboxError(Exception):
    """Root of every error raised by the Nitrobox client."""
