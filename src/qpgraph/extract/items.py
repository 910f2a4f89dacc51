"""From a spaCy Doc to the item sequence the parser reads.

An item is a token or a vocabulary span with a kind: RANK, TITLE, BODY, PROV,
HON, COUNTRY, REGION, CUE_APPOINT, CUE_FORMER (from the vocabularies) or NUM,
ROMAN, CAP (a capitalised syllable), ABBR (an all-capital abbreviation), WORD,
PUNCT. Overlapping vocabulary matches are resolved to the set that covers the
most tokens with the fewest spans.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from .vocab import load_bodies, load_names

__all__ = ["Item", "DocIndex", "VocabSpan", "index_doc", "sentence_items", "ROMAN"]

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}
_PRIORITY = {"RANK": 0, "TITLE": 1, "BODY": 2, "PROV": 3, "COUNTRY": 4, "REGION": 5, "HON": 6, "CUE_APPOINT": 7,
             "CUE_FORMER": 8, "CUE_PROMOTION": 9, "ACADEMIC": 10}
# Vocabulary kinds that are also common syllables of personal names.
_NAME_LIKE = {"PROV", "COUNTRY", "REGION", "HON"}


@dataclass(frozen=True)
class Item:
    kind: str
    key: str       # the vocabulary entry, or the lower-cased text
    text: str      # as printed
    start: int     # character offsets in the Doc's text
    end: int


@cache
def _surnames() -> frozenset[str]:
    return frozenset(s.lower() for s in load_names().surnames)


def is_cap(text: str) -> bool:
    """A capitalised syllable such as a name is made of: 'Ngọc', 'Kđăm', "H'Yim", 'Y'."""
    if not text or not text[0].isupper() or not text.replace("'", "").replace("’", "").isalpha():
        return False
    rest = text[1:].replace("'", "").replace("’", "")
    return not rest or not rest.isupper() or "'" in text or "’" in text


@dataclass(frozen=True)
class VocabSpan:
    start: int       # token indices
    end: int
    label: str
    id: str
    start_char: int
    end_char: int
    text: str


@dataclass(frozen=True)
class DocIndex:
    """A Doc's tokens and vocabulary matches as plain lists, read once: the
    parser's hot loop then never touches spaCy objects."""

    text: str
    texts: list[str]
    lowers: list[str]
    starts: list[int]
    spaces: list[bool]
    spans: list[VocabSpan]       # sorted by start token
    span_starts: list[int]


def index_doc(doc: Doc) -> DocIndex:
    spans = sorted(
        (VocabSpan(s.start, s.end, s.label_, s.id_, s.start_char, s.end_char, s.text) for s in doc.spans.get("vocab", [])),
        key=lambda s: (s.start, s.end, s.label),
    )
    strings = doc.vocab.strings
    rows = doc.to_array(["ORTH", "LOWER", "IDX", "IS_SPACE"]).tolist() if len(doc) else []
    return DocIndex(
        text=doc.text,
        texts=[strings[r[0]] for r in rows],
        lowers=[strings[r[1]] for r in rows],
        starts=[r[2] for r in rows],
        spaces=[bool(r[3]) for r in rows],
        spans=spans,
        span_starts=[s.start for s in spans],
    )


def _choose(spans: list[VocabSpan]) -> list[VocabSpan]:
    """Non-overlapping spans covering the most tokens, then the fewest spans."""
    spans = sorted(spans, key=lambda s: (s.end, s.start, _PRIORITY.get(s.label, 9)))
    best: list[tuple[int, int, list[VocabSpan]]] = [(0, 0, [])]  # (covered, -count, chosen) up to spans[:k]
    ends = [s.end for s in spans]
    for k, span in enumerate(spans):
        j = bisect.bisect_right(ends, span.start, 0, k)
        cov, neg, chosen = best[j]
        take = (cov + span.end - span.start, neg - 1, chosen + [span])
        skip = best[k]
        best.append(max(skip, take, key=lambda x: (x[0], x[1])))
    return best[-1][2]


def _token_kind(text: str) -> str:
    if text.isdigit():
        return "NUM"
    if text in ROMAN:
        return "ROMAN"
    if is_cap(text):
        return "CAP"
    letters = text.replace(".", "")
    if letters.isalpha() and letters.isupper() and len(letters) >= 2:
        return "ABBR"
    if any(c.isalnum() for c in text):
        return "WORD"
    return "PUNCT"


def sentence_items(doc: Doc | DocIndex, start_char: int, end_char: int) -> list[Item]:
    """The items of the sentence at ``doc.text[start_char:end_char]``."""
    index = doc if isinstance(doc, DocIndex) else index_doc(doc)
    first = bisect.bisect_right(index.starts, start_char) - 1
    last = bisect.bisect_left(index.starts, end_char)
    first = max(first, 0)
    if first >= last:
        return []
    lo = bisect.bisect_left(index.span_starts, first)
    hi = bisect.bisect_left(index.span_starts, last)
    vocab = [s for s in index.spans[lo:hi] if s.end <= last]
    chosen = {s.start: s for s in _choose(vocab)}
    texts, lowers, starts = index.texts, index.lowers, index.starts

    def token_items(a: int, b: int, kind: str | None = None) -> list[Item]:
        return [Item(kind or _token_kind(texts[t]), lowers[t], texts[t], starts[t], starts[t] + len(texts[t]))
                for t in range(a, b) if not index.spaces[t]]

    items: list[Item] = []
    i = first
    while i < last:
        match = chosen.get(i)
        if match is not None:
            kind = match.label
            text = match.text
            # Provinces, countries and honorifics written with a capital may
            # be the last syllables of a personal name ("Nguyễn Thị Nga").
            name_like = kind in _NAME_LIKE or (kind == "BODY" and load_bodies()[int(match.id)].kind == "named")
            if name_like and text[0].isupper() and _inside_name(items):
                items.extend(token_items(match.start, match.end, "CAP"))
            elif (
                kind in ("PROV", "COUNTRY", "REGION", "BODY")
                and not text[0].isupper()
                and not (kind == "BODY" and items and items[-1].kind == "TITLE")
            ):
                # Bodies and places are named with a capital; "tỉnh ủy 8 tỉnh",
                # "dân quân thường trực" are common nouns.
                items.extend(token_items(match.start, match.end))
            else:
                items.append(Item(kind, match.id, text, match.start_char, match.end_char))
            i = match.end
            continue
        items.extend(token_items(i, i + 1))
        i += 1
    return _drop_glosses(items)


def _inside_name(items: list[Item]) -> bool:
    """Whether the items end in a capitalised run opened by a family name."""
    run: list[Item] = []
    for item in reversed(items):
        if item.kind != "CAP":
            break
        run.append(item)
    return bool(run) and run[-1].key in _surnames()


def _drop_glosses(items: list[Item]) -> list[Item]:
    """Drop parenthesised abbreviations: 'Bộ Chỉ huy Quân sự (CHQS) tỉnh'."""
    out: list[Item] = []
    k = 0
    while k < len(items):
        if (
            items[k].text == "("
            and k + 2 < len(items)
            and items[k + 1].kind in ("ABBR", "BODY", "WORD")
            and items[k + 1].text.replace(".", "").isupper()
            and items[k + 2].text == ")"
        ):
            k += 3
            continue
        out.append(items[k])
        k += 1
    return out
