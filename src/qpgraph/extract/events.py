"""Events: what kind of gathering the article reports, and who is placed there.

The words are data (``grammar.yaml``: ``event_kinds`` and ``absent_cues``).
"""

from __future__ import annotations

import re
from functools import cache

from .refs import PersonRef
from .vocab import load_grammar

__all__ = ["event_kind", "is_present"]


@cache
def _kind_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Per kind, in the order they are checked, its cues as one pattern of whole words."""
    return [
        (kind, re.compile(r"(?<!\w)(?:" + "|".join(cues) + r")(?!\w)"))
        for kind, cues in load_grammar().event_kinds
    ]


def event_kind(lede: str) -> str | None:
    """The kind of the main event, from the headline and lede; None when the lede
    reports no gathering (a decision, an appointment signed).

    >>> event_kind("Đoàn công tác Quân khu 3 làm việc với tỉnh")
    'meeting'
    >>> event_kind("Sáng 5/6, Bộ Tư lệnh trao quyết định thăng quân hàm")
    'ceremony'
    >>> event_kind("Thủ tướng ký quyết định bổ nhiệm Thứ trưởng Bộ Y tế") is None
    True
    """
    text = lede.lower()
    for kind, pattern in _kind_patterns():
        if pattern.search(text):
            return kind
    return None


@cache
def _absent() -> re.Pattern[str]:
    return re.compile(r"(?<!\w)(?:" + "|".join(load_grammar().absent_cues) + r")(?!\w)")


def is_present(person: PersonRef, sentence: str, sentence_start: int) -> bool:
    """Whether this mention places the person at the article's event: not one printed
    right after words that place them elsewhere ("thay cho Thượng tá X", "thừa ủy
    quyền của Chủ tịch nước X")."""
    # The last six words before the person, lower-cased.
    before = " ".join(sentence[: person.start - sentence_start].rsplit(None, 6)[-6:]).lower()
    return _absent().search(before) is None
