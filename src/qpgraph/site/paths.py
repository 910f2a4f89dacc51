"""Where each node's page goes in the site."""

from __future__ import annotations

import hashlib
from functools import cache

from ..text import strip_diacritics

__all__ = ["page_path"]

#: The node types that have a page, and the folder of their pages.
_FOLDERS = {"person": "person", "unit": "unit", "article": "article", "province": "province"}


@cache
def page_path(node: str, node_type: str) -> str | None:
    """The page of a node, relative to the site root: ASCII, stable, unique."""
    folder = _FOLDERS.get(node_type)
    if folder is None:
        return None
    name = node.split(":", 1)[1]
    readable = "".join(c if c.isalnum() else "-" for c in strip_diacritics(name).lower()).strip("-")[:60]
    digest = hashlib.sha1(node.encode("utf-8")).hexdigest()[:8]
    return f"{folder}/{readable}-{digest}.html"
