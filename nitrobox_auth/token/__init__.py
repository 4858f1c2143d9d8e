"""The token family: provider, pure rules, exchange, single flight, caches, bearer auth.

Private modules; the public names are re-exported by :mod:`nitrobox_auth`.
"""
