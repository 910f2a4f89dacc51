"""Stable node ids derived from canonical names, never from the order of input.

Diacritics are kept: "Nguyễn Văn An" and "Nguyễn Văn Ân" are two names.

>>> node_id("person", "Trần Văn A")
'person:trần-văn-a'
>>> node_id("unit", "ủy ban nhân dân|Lâm Đồng")
'unit:ủy-ban-nhân-dân--lâm-đồng'
"""

from __future__ import annotations

from ..text import slug

__all__ = ["slug", "node_id"]


def node_id(kind: str, key: str) -> str:
    return f"{kind}:{slug(key)}"
