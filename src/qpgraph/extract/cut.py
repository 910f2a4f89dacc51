"""Excerpts cut mid-word: what was printed in part is not extracted.

The articles are often openings of web pages, cut at a fixed length: the last
word may be half of one ("Thiếu tướng Nguyễn Văn Bìn", "Ông Đỗ Văn Trườ", "Đảng ủy Q").
A word that cannot be a whole Vietnamese syllable is dropped with the name or
number it was part of; a name printed whole earlier and cut at the end is the
same person (see the pipeline).
"""

from __future__ import annotations

import unicodedata

from .items import Item

__all__ = ["cut_at", "trimmed", "unfinished"]

_ENDINGS = ".!?…\"”’)»:;"


def cut_at(text: str) -> int | None:
    """Where an excerpt cut mid-word ends ("... Thiếu tướng Nguyễn Văn Bìn"), or None when the
    text ends as a text does."""
    end = len(text.rstrip())
    return end if end and text[end - 1] not in _ENDINGS and text[end - 1].isalnum() else None


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_CODAS = ("c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y", "o", "u")
_OPEN = ("â", "ă", "ươ", "uô", "iê", "yê")  # nuclei that never end a syllable


def unfinished(word: str) -> bool:
    """Whether a word cannot be a whole Vietnamese syllable: cut mid-word ("Trườ", "Chấ", "Q").

    >>> [unfinished(w) for w in ("Trườ", "Chấ", "Q", "Ngọc", "Đình", "Lê", "7")]
    [True, True, True, False, False, False, False]
    """
    if not word.isalpha():
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", word.lower()) if c not in _TONES))
    if not any(c in "aăâeêioôơuưy" for c in bare):
        return True
    return bare.endswith(_OPEN) and not bare.endswith(tuple(n + c for n in _OPEN for c in _CODAS))


def trimmed(items: list[Item], cut: int | None) -> list[Item]:
    """The items of a sentence without the word the cut ends in when it cannot be whole, and
    without the name or number that word was part of ("Đỗ Văn Trườ", "Đảng ủy Q"):
    what was printed in part is not extracted."""
    if cut is None or not items or items[-1].end != cut or not unfinished(items[-1].text):
        return items
    edge = items[-1].start
    items = items[:-1]
    while items and items[-1].kind in ("CAP", "NUM", "ROMAN") and items[-1].end + 1 >= edge:
        edge = items[-1].start
        items = items[:-1]
    return items
