"""Tell the article's own lines from site chrome and repeats.

A saved news page carries more than the article: player controls, counters,
menus, boxes of other articles, photo captions printed twice, the headline
repeated above every photo. :func:`classify_lines` gives every non-blank line
of a text a verdict; :func:`content_lines` keeps the article's lines.

>>> text = "Tiêu đề bài\\nTốc độ:1x\\nCâu một.\\nCâu một.\\nTin liên quan\\nBài khác"
>>> for line in classify_lines(text):
...     print(line.start, line.reason, line.text)
0 None Tiêu đề bài
12 boilerplate Tốc độ:1x
22 None Câu một.
31 repeat Câu một.
40 cut Tin liên quan
54 teaser Bài khác
>>> [line.text for line in content_lines(text)]
['Tiêu đề bài', 'Câu một.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from qpgraph.ingest.boilerplate import (
    Boilerplate,
    fold_squeezed,
    load_boilerplate,
    squeeze,
)

__all__ = ["Line", "Reason", "classify_lines", "content_lines", "iter_lines"]

#: Why a line is not content: a chrome line or pattern, a cut marker, a line
#: after a cut marker, or a repeat of an earlier line.
Reason = Literal["boilerplate", "cut", "teaser", "repeat"]

# "(QK7 Online) - ", "(Baothanhhoa.vn) - ": a source tag before the lead. A lead
# printed once with it and once without is the same line.
_SOURCE_TAG = re.compile(r"^\([^()]{1,40}\)\s*[-–—]\s*")


@dataclass(frozen=True)
class Line:
    """One non-blank line of a text, with its verdict."""

    start: int
    """Offset of the line's first character (surrounding whitespace excluded)."""
    end: int
    """Offset just after the line's last non-space character."""
    text: str
    """The line, equal to ``text[start:end]`` of the text it came from."""
    reason: Reason | None = None
    """Why it is removed; None for a content line."""


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line, surrounding whitespace excluded.

    >>> list(iter_lines("ab\\n\\n  c d \\r\\n"))
    [(0, 2), (6, 9)]
    """
    position = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = position + (len(raw) - len(raw.lstrip()))
            yield start, start + len(stripped)
        position += len(raw) + 1


#: A photo caption: a line closed by its credit ("... (Ảnh: Trần Lê Lâm/Vietnam+)").
_CAPTION = re.compile(r"\((?:Ảnh|Nguồn|Photo)\b[^)]*\)\s*$|^Ảnh\s*:", re.IGNORECASE)
#: The length from which a line is prose, not a headline.
_PROSE = 200


def classify_lines(text: str, boilerplate: Boilerplate | None = None) -> tuple[Line, ...]:
    """Every non-blank line of ``text`` with a verdict (``reason`` None = content).

    The rules, in order: a chrome line or pattern of the vocabulary is
    ``boilerplate``; a cut marker after the article has started is ``cut`` and
    every line after it is ``teaser`` (before any content a cut marker is only a
    menu item, so it is ``boilerplate``); a line equal to an earlier content
    line after whitespace folding (and without a leading source tag such as
    "(QK7 Online) - ") is a ``repeat``. Give normalised text (see
    :mod:`qpgraph.text`) for exact offsets into it.
    """
    chrome = boilerplate if boilerplate is not None else load_boilerplate()
    verdicts: list[Line] = []
    seen: set[str] = set()
    cut = False
    first_after_cut = False  # the next line that is not a photo caption is the first after a cut
    for start, end in iter_lines(text):
        line = text[start:end]
        squeezed = squeeze(line)
        if not squeezed:  # only zero-width characters: a blank line
            continue
        folded = fold_squeezed(squeezed)
        reason: Reason | None
        if cut and first_after_cut and not _CAPTION.search(squeezed):
            first_after_cut = False
            # A box of links set inside the article ("TIN LIÊN QUAN" then the text goes on):
            # prose right after the marker is the article's, not a teaser's headline.
            cut = len(squeezed) < _PROSE
        if cut:
            reason = "teaser"
        elif folded in chrome.cuts:
            reason = "cut" if seen else "boilerplate"
            cut = first_after_cut = bool(seen)
        elif folded in chrome.lines or chrome.squeezed_pattern_name(squeezed) is not None:
            reason = "boilerplate"
        else:
            key = _SOURCE_TAG.sub("", folded) if folded.startswith("(") else folded
            reason = "repeat" if key in seen else None
            seen.add(key)
        verdicts.append(Line(start, end, line, reason))
    return tuple(verdicts)


def content_lines(text: str, boilerplate: Boilerplate | None = None) -> tuple[Line, ...]:
    """The lines of ``text`` that are the article's content, in order."""
    return tuple(line for line in classify_lines(text, boilerplate) if line.reason is None)
