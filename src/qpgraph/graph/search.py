"""Finding nodes by a part of their names, as the site's search box does.

A node is found when every word of the query begins a word of its name or of a
form it is printed in, as printed or with its abbreviations expanded, case, tone
marks and diacritics aside (đ as d): "van ngh" finds "Đặng Văn Nghĩa", "bo chi huy
quan su lam" finds "Bộ CHQS tỉnh Lâm Đồng". The words are those of SQLite's
``unicode61`` tokenizer (runs of letters and digits), so the store's full-text index
(:mod:`qpgraph.store.graph`) finds what a walk over the nodes finds.

>>> text = search_text({"type": "unit", "name": "Bộ CHQS tỉnh Lâm Đồng", "forms": []})
>>> text
'bo chqs tinh lam dong | bo chi huy quan su tinh lam dong'
>>> matches(words("Bộ chỉ huy quân sự Lâm"), text), matches(words("lam dong quan khu"), text)
(True, False)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ..evaluate.canonical import canonical
from ..text import strip_diacritics

__all__ = ["SEARCHED", "fold", "fts_query", "matches", "search_text", "words"]

#: The node types searched.
SEARCHED = ("person", "unit", "province")

_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case, diacritics folded, đ as d.

    >>> fold("Đại tá Đặng Văn Nghĩa")
    'dai ta dang van nghia'
    """
    return strip_diacritics(text).lower()


def search_text(data: Mapping[str, Any]) -> str:
    """What is searched of a node: its name and forms, as printed and expanded, folded."""
    printed = [data.get("name", ""), *data.get("forms", [])]
    return " | ".join(dict.fromkeys(fold(f) for form in printed if form for f in (form, canonical(form))))


def words(text: str) -> list[str]:
    """The words of a query, folded."""
    return _WORD.findall(fold(text))


def matches(query: list[str], text: str) -> bool:
    """Whether every word of ``query`` begins a word of ``text``."""
    found = _WORD.findall(text)
    return bool(query) and all(any(w.startswith(q) for w in found) for q in query)


def fts_query(query: list[str]) -> str:
    """The FTS5 query of the same search: each word a prefix, all of them.

    >>> fts_query(["vinh", "ng"])
    '"vinh"* "ng"*'
    """
    return " ".join(f'"{word}"*' for word in query)
