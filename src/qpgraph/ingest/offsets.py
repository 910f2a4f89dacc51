"""Normalise text and keep, for every output character, where it came from.

NFC may join several characters into one (a base letter and its combining
marks). :func:`normalize_with_map` cuts the text into groups that normalise
independently (a starter and the characters that combine with it), normalises
each group, and maps every output character to the index of its group's first
character in the input.

>>> text, where = normalize_with_map("Thu\\u0309y")  # "Thủy" written decomposed
>>> text, where
('Thủy', (0, 1, 2, 4, 5))
>>> normalize_with_map("Hòa")
('Hòa', (0, 1, 2, 3))
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from qpgraph.text import normalize

__all__ = ["nfc_groups", "normalize_with_map"]

# No canonical composition has a second character below U+0300, so a character
# below it always starts a new group.
_FIRST_COMBINING = 0x300


def _joins(text: str, start: int, index: int) -> bool:
    """Whether ``text[index]`` must be normalised with the group ``text[start:index]``."""
    char = text[index]
    if ord(char) < _FIRST_COMBINING:
        return False
    if unicodedata.combining(char):
        return True
    # A starter that composes with what precedes it (Hangul jamo, some Indic
    # vowel signs): test it rather than list them.
    group = text[start:index]
    nfc = unicodedata.normalize
    return nfc("NFC", group + char) != nfc("NFC", group) + nfc("NFC", char)


def nfc_groups(text: str) -> Iterator[tuple[int, str]]:
    """(index of first character, normalised group) for consecutive groups covering ``text``.

    >>> list(nfc_groups("ca\u0301 A"))
    [(0, 'c'), (1, 'á'), (3, ' '), (4, 'A')]
    """
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not _joins(text, start, index):
            yield start, unicodedata.normalize("NFC", text[start:index])
            start = index


def normalize_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """NFC and tone-mark placement, with the map back to ``text``.

    Returns ``(normalised, to_original)`` where ``to_original`` has
    ``len(normalised) + 1`` entries: the index in ``text`` of each character of
    ``normalised``, then ``len(text)``.
    """
    if unicodedata.is_normalized("NFC", text):
        return normalize(text), tuple(range(len(text) + 1))
    parts: list[str] = []
    where: list[int] = []
    for start, group in nfc_groups(text):
        parts.append(group)
        where.extend([start] * len(group))
    where.append(len(text))
    # normalize keeps the length of NFC text, so the map stays valid.
    return normalize("".join(parts)), tuple(where)
