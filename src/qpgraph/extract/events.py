"""Events: what kind of gathering the article reports, and who is placed there."""

from __future__ import annotations

from .parse import PersonRef

__all__ = ["event_kind", "is_present"]

# Checked in this order against the article's first sentences (the headline and lede).
_KINDS: list[tuple[str, tuple[str, ...]]] = [
    ("visit", ("thăm và làm việc", "thăm, làm việc", "đến thăm", "chuyến thăm", "thăm hỏi", "đi thăm")),
    ("ceremony", ("lễ ", "bàn giao", "trao quyết định", "thăng quân hàm", "trao tặng", "kỷ niệm")),
    ("conference", ("hội nghị", "đại hội", "hội thảo", "tọa đàm", "diễn đàn")),
    ("meeting", ("làm việc", "tiếp", "hội đàm", "gặp", "hội kiến")),
]
# Words before a person that place them elsewhere: "thay cho Thượng tá X".
_ABSENT_CUES = ("thay cho", "thay thế")


def event_kind(lede: str) -> str:
    """The kind of the main event, from the headline and lede.

    >>> event_kind("Đoàn công tác Quân khu 3 làm việc với tỉnh")
    'meeting'
    >>> event_kind("Sáng 5/6, Bộ Tư lệnh trao quyết định thăng quân hàm")
    'ceremony'
    """
    text = lede.lower()
    for kind, cues in _KINDS:
        if any(cue in text for cue in cues):
            return kind
    return "other"


def is_present(person: PersonRef, sentence: str, sentence_start: int) -> bool:
    """Whether this mention places the person at the article's event."""
    # The last four words before the person, lower-cased (one at a time, as in the sentence).
    before = " ".join(sentence[: person.start - sentence_start].rsplit(None, 4)[-4:]).lower()
    return not any(cue in before for cue in _ABSENT_CUES)
