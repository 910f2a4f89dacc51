"""Vietnamese text normalisation shared by every stage.

>>> fix_tone_marks("Tỉnh uỷ Khánh Hoà, thuỷ quân, quý")
'Tỉnh ủy Khánh Hòa, thủy quân, quý'
>>> normalize("Tỉnh uỷ")  # decomposed input comes out composed
'Tỉnh ủy'
>>> strip_diacritics("Nguyễn Văn An, Đắk Lắk")
'Nguyen Van An, Dak Lak'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fix_tone_marks", "nfc", "normalize", "slug", "snippet", "strip_diacritics"]

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below
# The last two letters of a syllable ending in oa/oe/uy (no final consonant)
# with the tone mark on the second vowel; _move_tone leaves them alone after q
# ("quý" keeps its mark where it is).
_MISPLACED = re.compile(r"[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![^\W\d_])")


def nfc(text: str) -> str:
    """Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def _move_tone(match: re.Match[str]) -> str:
    pair, start = match.group(0), match.start()
    v1, v2 = pair[0], pair[1]
    before = match.string[start - 1] if start else ""
    decomposed = unicodedata.normalize("NFD", v2)
    base2, marks = decomposed[0], decomposed[1:]
    if (v1 + base2).lower() not in ("oa", "oe", "uy") or before in ("q", "Q"):
        return match.group(0)
    tone = "".join(m for m in marks if m in _TONES)
    rest = "".join(m for m in marks if m not in _TONES)
    return unicodedata.normalize("NFC", v1 + tone) + unicodedata.normalize("NFC", base2 + rest)


def fix_tone_marks(text: str) -> str:
    """Place the tone mark of syllables ending in oa/oe/uy on the first vowel.

    The input must be NFC; the output has exactly the same length, so
    character offsets stay valid.
    """
    return _MISPLACED.sub(_move_tone, text)


def normalize(text: str) -> str:
    """NFC, one tone-mark placement, and Đ for its look-alike Ð (same length as NFC).

    >>> normalize("\u00d0ảng")
    'Đảng'
    """
    # Ð ð printed for Đ đ.
    return fix_tone_marks(nfc(text)).replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")


def strip_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics (for search): 'Đắk Lắk' -> 'Dak Lak'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


_NOT_WORD = re.compile(r"[^\w|]+")


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """The key of a name in node ids and file names: normalised, lower case, each run of
    what is not a letter or digit one ``-`` ("|" joins the parts of a key: ``--``).

    >>> slug("Đà Lạt bài 1"), slug("a.b"), slug("ủy ban nhân dân|Lâm Đồng")
    ('đà-lạt-bài-1', 'a-b', 'ủy-ban-nhân-dân--lâm-đồng')
    """
    return _NOT_WORD.sub("-", normalize(text).lower()).replace("|", "--").strip("-")


#: The most of a sentence quoted as the evidence of a fact.
QUOTE = 300


def snippet(sentence: str | None, mention: str | None, width: int = QUOTE) -> str | None:
    """The words of a sentence around a mention, at most ``width`` characters (and an
    ellipsis where the sentence goes on): a list of 300 attendees is quoted once per
    attendee, never whole each time.

    >>> snippet("Sáng 5/3, Đại tá A, Chính ủy Sư đoàn 9, dự.", "Đại tá A")
    'Sáng 5/3, Đại tá A, Chính ủy Sư đoàn 9, dự.'
    >>> snippet("x" * 50 + " Đại tá A " + "y" * 50, "Đại tá A", width=30)
    '…xxxxxxxxxx Đại tá A yyyyyyyyyy…'
    """
    if not sentence:
        return mention
    if len(sentence) <= width:
        return sentence
    at = max(sentence.find(mention), 0) if mention else 0
    start = max(0, min(at - (width - len(mention or "")) // 2, len(sentence) - width))
    end = start + width
    return ("…" if start else "") + sentence[start:end] + ("…" if end < len(sentence) else "")
