"""Over the generated client: the client factory, API errors, paging and RSQL.

Private modules; the public names are re-exported by :mod:`nitrobox_auth`.
"""
