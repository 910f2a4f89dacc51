"""Split a paragraph into sentences, keeping offsets.

A sentence ends at ``.``, ``!``, ``?`` or an ellipsis (with any closing quotes
or brackets after it) followed by white space and an upper-case letter or an
opening quote. Not after an abbreviation ("TP.", "ThS.") or a lone initial
("H."); never inside a token ("TP.HCM", "21/2019/NĐ-CP", "1.170"), except at a
full stop glued between two words ("Nghệ An.Thiếu tướng"), a typo news pages
print often.

>>> text = "Hội nghị tại TP.HCM. Thiếu tướng A phát biểu. (Ảnh: TTXVN phát)"
>>> [text[start:end] for start, end in split_sentences(text)]
['Hội nghị tại TP.HCM.', 'Thiếu tướng A phát biểu. (Ảnh: TTXVN phát)']
>>> split_sentences("  Một câu.  ")
[(2, 10)]
>>> split_sentences("")
[]
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "split_sentences"]

#: Words that end with a full stop without ending the sentence, lower case
#: (compared case-insensitively): "TP. Hồ Chí Minh", "ThS. Nguyễn Văn A", "Q. 1".
ABBREVIATIONS = frozenset([
    "tp", "tx", "q", "p", "h", "x", "tt", "th", "ths", "ts", "pgs", "gs", "bs", "ks", "cn", "ncs", "tr",
    "mr", "mrs", "ms", "dr", "st", "no", "vs", "v.v", "etc",
])

# A sentence may start with an opening quote; not with a bracket: "(Ảnh: ...)"
# after a full stop is the photo credit of the sentence before.
_OPEN = "“\"‘'«\u2018"
_CLOSE = "”\"’'»)]\u2019"

# Terminal punctuation (and closing quotes or brackets), white space, then a letter,
# maybe after an opening quote; _is_boundary checks that it is upper case.
_BOUNDARY = re.compile(rf"(?P<end>[.!?…]+[{re.escape(_CLOSE)}]*)(?P<gap>\s+)(?=[{re.escape(_OPEN)}]?[^\W\d_])")
# A full stop glued between a word and a capitalised word: "An.Thiếu tướng".
_GLUED = re.compile(r"(?P<end>\.)(?<=[^\W\d_]{2}\.)(?P<gap>)(?=[^\W\d_]{2,}\s)")
_LETTERS = re.compile(r"[^\W\d_]+")


def _word_before(text: str, index: int) -> str:
    start = index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return text[start:index]


def _starts_sentence(text: str, index: int, glued: bool) -> bool:
    if text[index] in _OPEN:
        index += 1
    if not text[index].isupper():
        return False
    if glued:  # a capitalised word, not an acronym: "Thiếu", not "HCM"
        word = _LETTERS.match(text, index)
        return word is not None and any(char.islower() for char in word.group())
    return True


def _is_boundary(text: str, match: re.Match[str], glued: bool) -> bool:
    if not _starts_sentence(text, match.end("gap"), glued):
        return False
    if match.group("end").rstrip(_CLOSE) != ".":  # "?", "!", "...", "…"
        return True
    word = _word_before(text, match.start("end")).lstrip(_OPEN)
    if word.casefold() in ABBREVIATIONS:
        return False
    # A lone initial ("H.", "Nguyễn V. A") or the last one of several ("H.M.").
    last = word.rsplit(".", 1)[-1]
    return not (len(last) == 1 and last.isupper())


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets in ``text`` of the sentences of ``text[start:end]``.

    Offsets are stripped of surrounding white space, so ``text[s:e]`` is the
    sentence exactly. Empty or blank input gives ``[]``.
    """
    stop = len(text) if end is None else end
    cuts: list[tuple[int, int]] = []
    for pattern, glued in ((_BOUNDARY, False), (_GLUED, True)):
        for match in pattern.finditer(text, start, stop):
            if _is_boundary(text, match, glued):
                cuts.append((match.end("end"), match.end("gap")))
    cuts.sort()
    spans: list[tuple[int, int]] = []
    position = start
    for sentence_end, next_start in [*cuts, (stop, stop)]:
        span = _strip(text, position, sentence_end)
        if span is not None:
            spans.append(span)
        position = next_start
    return spans


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
