"""Stable node ids derived from canonical names, never from the order of input.

>>> node_id("person", "Trần Văn A")
'person:tran-van-a'
>>> node_id("unit", "ủy ban nhân dân|lâm đồng")
'unit:uy-ban-nhan-dan--lam-dong'
"""

from __future__ import annotations

import re

from ..text import strip_diacritics

__all__ = ["slug", "node_id"]


def slug(text: str) -> str:
    ascii_text = strip_diacritics(text).lower().replace("|", "--")
    return re.sub(r"[^a-z0-9-]+", "-", ascii_text).strip("-")


def node_id(kind: str, key: str) -> str:
    return f"{kind}:{slug(key)}"
