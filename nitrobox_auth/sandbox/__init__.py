"""Deprecated alias of :mod:`nitrobox_sandbox`, kept for one release.

The sandbox and the pytest plugin moved to their own package, ``nitrobox_sandbox``, because
they are test tooling, not runtime. Import from there.
"""

from __future__ import annotations

import warnings

from nitrobox_sandbox import *  # noqa: F403 (the alias re-exports exactly the new package's names)
from nitrobox_sandbox import __all__ as __all__

warnings.warn(
    "nitrobox_auth.sandbox is deprecated and will be removed in the next release: "
    "import from nitrobox_sandbox instead",
    DeprecationWarning,
    stacklevel=2,
)
