"""The transport layers ``create_client`` stacks: retries, deadlines, size limits, typed errors.

Private modules; the public names are re-exported by :mod:`nitrobox_auth`.
"""
