"""The date of the article's main event.

The first day/month printed after a time word ("Chiều ngày 30/12", "Sáng
22/8", "Ngày 18/10/2024") is the event's. A missing year comes from the front
matter's ``published`` (a day after it falls in the year before); else from a
full date printed in the text; else from the years the text names. With no
day printed, the front matter's date is the best that is certain.

>>> event_date("Chiều ngày 30/12, đoàn đại biểu đến thăm.", published="2026-01-02")
'2025-12-30'
>>> event_date("Sáng 22/8, hội nghị khai mạc. 08:00, 22/08/2023", published=None)
'2023-08-22'
>>> event_date("Sáng ngày 5 tháng 3 năm 2025, hội nghị khai mạc.", published=None)
'2025-03-05'
>>> event_date("Kỷ niệm ngày 22/12/1944. Sáng 20/12, lễ mít tinh.", published="2024-12-21")
'2024-12-20'
>>> event_date("Không có ngày.", published=None) is None
True
>>> event_date("Chiều 11.9, hai đoàn hội đàm.", published="2021-09")
'2021-09-11'
>>> event_date("Hôm qua (8/3), hội nghị tổng kết.", published="2025-03-09")
'2025-03-08'
>>> event_date("Trong 2 ngày 14 và 15/10, Đại hội diễn ra.", published="2025-10-16")
'2025-10-14'
>>> event_date("Trước đó, ngày 3-2-2019, Bộ Chính trị có quyết định. Ngày 8/3, hội nghị họp năm 2021.", published=None)
'2021-03-08'
>>> event_date("Các quyết định có hiệu lực từ ngày 24/10.", published="2025-10-20")
'2025-10-20'
"""

from __future__ import annotations

import re
from datetime import date

from .vocab import load_grammar

__all__ = ["event_date", "named_years"]

_CUED = re.compile(
    r"\b(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)\s+(?:(?:nay|qua)\s*\(\s*)?(?:(?:thứ\s+\w+|chủ nhật)\s*,?\s*)?(?:ngày\s+)?"
    r"(?P<d>\d{1,2})(?:\s+và\s+\d{1,2})?(?:\s*[/-]\s*|\.)(?P<m>\d{1,2})(?:(?:\s*[/-]\s*|\.)(?P<y>(?:19|20)\d{2}))?(?![\d.,]\d)(?!\d)",
    re.IGNORECASE,
)
_SPELLED = re.compile(
    r"\b(?:sáng|chiều|tối|trưa|đêm|ngày|hôm)\s+(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s+năm\s+(?P<y>(?:19|20)\d{2}))?",
    re.IGNORECASE,
)
# The words _CUED and _SPELLED start with, in any case (none overlaps another, so
# finditer finds them all). The first letter is a class of every character re.I
# takes for it, written out: a regex that starts with a class is searched fast.
_TIME_WORD = re.compile(
    r"[sSſcCtTđĐnNhH]"
    r"(?:(?<=[sSſ])(?i:áng)|(?<=[cC])(?i:hiều)|(?<=[tT])(?i:ối|rưa)|(?<=[đĐ])(?i:êm)|(?<=[nN])(?i:gày)|(?<=[hH])(?i:ôm))"
)
# Each starts with a digit, then looks behind it (a regex that starts with a look-behind
# is tried at every character; one that starts with a digit, only at digits).
_FULL = re.compile(r"(?P<d>\d(?<![\d/]\d)\d?)[/-](?P<m>\d{1,2})[/-](?P<y>(?:19|20)\d{2})(?![\d/])")
_RANGE = re.compile(r"((?:19|20)(?<![\d/]\d\d)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?![\d/])")
_YEAR = re.compile(r"((?:19|20)(?<![\d/.,]\d\d)\d{2})(?![\d/])")


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
    except ValueError:
        return False
    return True


def named_years(text: str) -> list[int]:
    """Years the text names: single years, and in a text about a congress the
    first year of a term ("Đại hội ... nhiệm kỳ 2020 - 2025" names 2020); not
    years inside document numbers."""
    years: list[int] = []
    rest = text
    if "đại hội" in text.lower():  # a congress opens the term it elects
        years.extend(int(match.group(1)) for match in _RANGE.finditer(text))
    rest = _RANGE.sub(" ", rest)
    rest = _FULL.sub(" ", rest)
    years.extend(int(y) for y in _YEAR.findall(rest))
    return years


def _year_from_text(text: str, month: int, day: int) -> int | None:
    full = [(int(m.group("y")), int(m.group("m")), int(m.group("d"))) for m in _FULL.finditer(text)]
    for y, m, d in full:
        if (m, d) == (month, day):
            return y
    if full:
        return full[0][0]  # the dateline's year
    years = sorted(set(named_years(text)))
    if not years:
        return None
    latest = years[-1]
    # Late in the year, articles name the next year's plans ("năm 2026").
    if month >= 10 and latest - 1 in years:
        return latest - 1
    return latest


def _is_event_date(match: re.Match[str], published: str | None, gathering: bool = True) -> bool:
    """A real month, not an anniversary's date ("ngày 22/12/1944"), and not the date of a
    document the article cites, an earlier event or a day a decision takes effect
    ("Nghị quyết số 18-NQ/TW ngày 25/10/2017", "Trước đó, ngày 3-2-2019", "có hiệu lực từ
    ngày 24/10")."""
    if not 1 <= int(match.group("m")) <= 12:
        return False
    if _cited(match.string, match.start(), gathering):
        return False
    return not published or not match.group("y") or int(match.group("y")) >= int(published[:4]) - 1


def _cited(text: str, at: int, gathering: bool = True) -> bool:
    """Whether the clause before ``at`` says the date is not the event's (grammar.yaml's
    ``not_event_dates``); in an article that reports no gathering, a decision's date is
    the event's (``decision_dates``)."""
    before = text[max(0, at - 40) : at]
    before = re.split(r"[.;\n]", before)[-1].lower()
    grammar = load_grammar()
    cues = grammar.not_event_dates if gathering else [c for c in grammar.not_event_dates if c not in grammar.decision_dates]
    return any(cue in before for cue in cues)


def _sentence_year(text: str, end: int) -> int | None:
    """The one year printed later in the date's sentence: 'ngày 08/3, ... năm 2021'."""
    stop = min((i for i in (text.find(".", end), text.find("\n", end)) if i >= 0), default=len(text))
    years = {int(y) for y in re.findall(r"\bnăm\s+((?:19|20)\d{2})\b", text[end:stop])}
    return years.pop() if len(years) == 1 else None  # several: the text's years decide


def _first_date(text: str, published: str | None, gathering: bool = True) -> re.Match[str] | None:
    """The first printed date that may be the event's ("30/12" before "30 tháng 12" at one place)."""
    # Both patterns start at a time word: try them there only.
    for word in _TIME_WORD.finditer(text):
        for pattern in (_CUED, _SPELLED):
            match = pattern.match(text, word.start())
            if match is not None and _is_event_date(match, published, gathering):
                return match
    return None


def event_date(text: str, published: str | None, gathering: bool = True) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY`` when only that is certain), or None."""
    match = _first_date(text, published, gathering)
    if match is None:
        return published
    day, month = int(match.group("d")), int(match.group("m"))
    year: int | None = int(match.group("y")) if match.group("y") else None
    if year is None and published:
        pub = published.split("-")
        year = int(pub[0])
        if len(pub) >= 2 and (month, day) > (int(pub[1]), int(pub[2]) if len(pub) > 2 else 31):
            year -= 1
    if year is None:
        year = _sentence_year(text, match.end())
    if year is None:
        year = _year_from_text(text, month, day)
    if year is None or not _valid(year, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"
