"""The canonical form two facts documents are compared in.

Steps 1-3 of "How two documents are compared" in ``shared/facts-format.md``:

>>> canonical("Tỉnh uỷ Lâm Đồng") == canonical("Tỉnh ủy Lâm Đồng") == "tỉnh ủy lâm đồng"
True
>>> canonical("Quân khu II")
'quân khu 2'
>>> canonical("Chủ tịch UBND tỉnh")
'chủ tịch ủy ban nhân dân tỉnh'
>>> canonical("Bộ CHQS tỉnh")
'bộ chỉ huy quân sự tỉnh'
>>> canonical("  kinh tế – xã hội. ")
'kinh tế-xã hội'
>>> canonical_province("TP.HCM")
'hồ chí minh'
"""

from __future__ import annotations

import functools
import re
import unicodedata

from qpgraph.evaluate.abbreviations import AbbreviationTable, abbreviation_table
from qpgraph.text import fix_tone_marks, nfc

__all__ = ["canonical", "canonical_province"]

#: Characters made "-": the dashes of the format, and the Unicode hyphens.
_DASHES = "\u2012\u2013\u2014\u2212\u2010\u2011"
_HYPHEN = re.compile(rf"\s*[-{_DASHES}]\s*")
_SPACES = re.compile(r"\s+")
_ROMAN = re.compile(r"^(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}


class _Patterns:
    """The regular expressions built from one abbreviation table."""

    def __init__(self, table: AbbreviationTable) -> None:
        self.table = table
        forms = sorted(table.expansions, key=lambda f: (-len(f), f))
        alternation = "|".join(re.escape(f) for f in forms)
        # A whole word: no letter or digit before; no letter after a form that
        # ends in a letter (a form ending in "." is closed by its dot: "TP.HCM").
        self.abbreviation = re.compile(rf"(?<!\w)(?:{alternation})(?:(?<=\.)|(?![^\W\d_]))")
        keywords = "|".join(re.escape(k) for k in sorted(table.numbered_after, key=lambda k: (-len(k), k)))
        self.numbered = re.compile(rf"(?<!\w)({keywords}) ([ivxlc]+)(?!\w)") if keywords else None
        prefixes = "|".join(re.escape(p) for p in sorted(table.province_prefixes, key=lambda p: (-len(p), p)))
        self.province_prefix = re.compile(rf"^(?:{prefixes}) (?=\S)") if prefixes else None


@functools.cache
def _patterns() -> _Patterns:
    return _Patterns(abbreviation_table())


def _expand(match: re.Match[str], patterns: _Patterns) -> str:
    form = match.group(0)
    text, table = match.string, patterns.table
    if form in table.ordinary_words and not any(c.islower() for c in text):
        return form  # an ordinary word in a line of capitals: "BỘ TƯ LỆNH"
    expansion = table.expansions[form]
    following = text[match.end() : match.end() + 1]
    return expansion + " " if following.isalnum() else expansion


def _roman(match: re.Match[str]) -> str:
    numeral = match.group(2)
    if not _ROMAN.match(numeral):
        return match.group(0)
    values = [_ROMAN_VALUES[c] for c in numeral]
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return f"{match.group(1)} {total}"


def _strip_punctuation(text: str) -> str:
    start, end = 0, len(text)
    while start < end and (unicodedata.category(text[start]).startswith("P") or text[start].isspace()):
        start += 1
    while end > start and (unicodedata.category(text[end - 1]).startswith("P") or text[end - 1].isspace()):
        end -= 1
    return text[start:end]


def canonical(s: str) -> str:
    """The canonical form of a string of the facts format.

    NFC, tone marks placed, abbreviations printed in capitals expanded, lower
    case, white space runs made one space, spaces around hyphens and dashes
    removed and dashes made "-", outer punctuation dropped, Roman numerals
    after "quân khu" / "quân đoàn" / "khóa" made digits.

    >>> canonical("Tham mưu Trưởng Quân khu II")
    'tham mưu trưởng quân khu 2'
    >>> canonical("Hà Văn Dũng-Ủy viên")
    'hà văn dũng-ủy viên'
    >>> canonical("Thành ủy TP.HCM")
    'thành ủy thành phố hồ chí minh'
    >>> canonical("(QK7 Online)")
    'quân khu 7 online'
    >>> canonical("Nghị quyết Trung ương 8 khoá XI")
    'nghị quyết trung ương 8 khóa 11'
    >>> canonical("Ủy viên BCH TƯ Đảng"), canonical("BỘ TƯ LỆNH QK 7")
    ('ủy viên ban chấp hành trung ương đảng', 'bộ tư lệnh quân khu 7')
    >>> canonical("Chỉ huy trưởng BĐBP tỉnh"), canonical("Thành ủy TPHCM")
    ('chỉ huy trưởng bộ đội biên phòng tỉnh', 'thành ủy thành phố hồ chí minh')
    >>> canonical("ubnd tỉnh")  # not printed in capitals: not an abbreviation
    'ubnd tỉnh'
    """
    patterns = _patterns()
    text = fix_tone_marks(nfc(s))
    text = patterns.abbreviation.sub(lambda m: _expand(m, patterns), text)
    text = _SPACES.sub(" ", text.lower())
    text = _HYPHEN.sub("-", text)
    text = _strip_punctuation(text)
    if patterns.numbered is not None:
        text = patterns.numbered.sub(_roman, text)
    return text


def canonical_province(s: str) -> str:
    """The canonical short name of a province: canonical form, leading "tỉnh" / "thành phố" dropped.

    >>> canonical_province("Thành phố Hồ Chí Minh"), canonical_province("TP Hồ Chí Minh")
    ('hồ chí minh', 'hồ chí minh')
    >>> canonical_province("tỉnh Khánh Hoà")
    'khánh hòa'
    >>> canonical_province("Tỉnh")  # nothing after the prefix: kept
    'tỉnh'
    """
    text = canonical(s)
    prefix = _patterns().province_prefix
    return prefix.sub("", text, count=1) if prefix is not None else text
