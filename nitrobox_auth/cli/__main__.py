"""``python -m nitrobox_auth.cli``: the ``nitrobox`` command without the console script."""

import sys

from nitrobox_auth.cli import main

sys.exit(main())
