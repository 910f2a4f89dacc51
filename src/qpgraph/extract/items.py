"""From a spaCy Doc to the item sequence the parser reads.

An item is a token or a vocabulary span with a kind: RANK, TITLE, BODY, PROV,
HON, COUNTRY, REGION, LANDMARK, CUE_APPOINT, CUE_FORMER (from the vocabularies) or NUM,
ROMAN, CAP (a capitalised syllable), ABBR (an all-capital abbreviation), WORD,
PUNCT. Overlapping vocabulary matches are resolved to the set that covers the
most tokens with the fewest spans.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache, partial
from itertools import compress, repeat
from operator import add, itemgetter, le, not_
from typing import NamedTuple

from spacy.tokens import Doc

from .vocab import load_bodies, load_names

__all__ = ["ROMAN", "DocIndex", "Item", "VocabSpan", "index_doc", "join_items", "name_run", "sentence_items", "starts_with", "surnames"]

ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10, "XI": 11, "XII": 12}
_PRIORITY = {"RANK": 0, "TITLE": 1, "BODY": 2, "PROV": 3, "COUNTRY": 4, "REGION": 5, "HON": 6, "CUE_APPOINT": 7,
             "CUE_FORMER": 8, "CUE_PROMOTION": 9, "ACADEMIC": 10, "LANDMARK": 11, "CUE_ACTING": 12, "CUE_LEAVE": 13}
# Vocabulary kinds that are also common syllables of personal names.
_NAME_LIKE = frozenset({"PROV", "COUNTRY", "REGION", "HON"})
# Vocabulary kinds that name a place or a body, with a capital.
_PLACE_LIKE = frozenset({"PROV", "COUNTRY", "REGION", "BODY"})


class Item(NamedTuple):
    kind: str
    key: str       # the vocabulary entry, or the lower-cased text
    text: str      # as printed
    start: int     # character offsets in the Doc's text
    end: int


# Item from a (kind, key, text, start, end) tuple, as ``Item._make`` but without a Python call.
_as_item = partial(tuple.__new__, Item)


@cache
def _named_bodies() -> frozenset[str]:
    """The ids (indices) of the bodies of kind "named", as span ids."""
    return frozenset(str(k) for k, body in enumerate(load_bodies()) if body.kind == "named")


@cache
def surnames() -> frozenset[str]:
    """The family names (``names.yaml``), lower-cased."""
    return _surnames()


@cache
def _surnames() -> frozenset[str]:
    return frozenset(s.lower() for s in load_names().surnames)


def is_cap(text: str) -> bool:
    """A capitalised syllable such as a name is made of: 'Ngọc', 'Kđăm', "H'Yim", 'Y'."""
    if not text or not text[0].isupper() or not text.replace("'", "").replace("’", "").isalpha():
        return False
    rest = text[1:].replace("'", "").replace("’", "")
    return not rest or not rest.isupper() or "'" in text or "’" in text


class VocabSpan(NamedTuple):
    start: int       # token indices
    end: int
    label: str
    id: str
    start_char: int
    end_char: int
    text: str


_START, _END = itemgetter(0), itemgetter(1)  # of a VocabSpan


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

    @cached_property
    def printed(self) -> list[bool]:
        """Whether each token is printed (not white space)."""
        return list(map(not_, self.spaces))

    def token_items(self, start: int, end: int, kind: str | None = None) -> list[Item]:
        """The tokens ``start:end`` (white space included) as items of their own kind or of ``kind``.

        Made when a sentence needs them, not once per Doc: items live for a
        sentence only, so the garbage collector does not keep moving them.
        """
        texts, starts = self.texts[start:end], self.starts[start:end]
        kinds = repeat(kind) if kind is not None else map(_token_kind, texts)
        ends = map(add, starts, map(len, texts))
        return list(map(_as_item, zip(kinds, self.lowers[start:end], texts, starts, ends, strict=False)))

    def items(self, start: int, end: int, kind: str | None = None) -> list[Item]:
        """The items of the printed tokens ``start:end``, of their own kind or of ``kind``."""
        return list(compress(self.token_items(start, end, kind), self.printed[start:end]))


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


def _disjoint(spans: list[VocabSpan]) -> bool:
    """Whether spans sorted by start overlap nowhere."""
    return all(map(le, map(_END, spans), map(_START, spans[1:])))


def _choose(spans: list[VocabSpan]) -> list[VocabSpan]:
    """Non-overlapping spans covering the most tokens, then the fewest spans.

    ``spans`` come sorted by start; the result is sorted too. Spans that
    overlap none other are all taken; each group of overlapping spans is
    chosen from on its own (what the choice over all the spans would take).
    """
    if _disjoint(spans):
        return spans  # all of them cover the most
    chosen: list[VocabSpan] = []
    group: list[VocabSpan] = []
    reach = 0  # the end of the group so far
    for span in spans:
        if group and span.start >= reach:
            chosen += _cover(group) if len(group) > 1 else group
            group = []
        reach = max(reach, span.end) if group else span.end
        group.append(span)
    chosen += _cover(group) if len(group) > 1 else group
    return chosen


def _cover(spans: list[VocabSpan]) -> list[VocabSpan]:
    """Non-overlapping spans covering the most tokens, then the fewest spans (on
    a tie the one seen first, in order of end, start and priority)."""
    spans = sorted(spans, key=lambda s: (s.end, s.start, _PRIORITY.get(s.label, 9)))
    best: list[tuple[int, int, list[VocabSpan]]] = [(0, 0, [])]  # (covered, -count, chosen) up to spans[:k]
    ends = [s.end for s in spans]
    for k, span in enumerate(spans):
        j = bisect.bisect_right(ends, span.start, 0, k)
        cov, neg, chosen = best[j]
        skip = best[k]
        take = (cov + span.end - span.start, neg - 1)
        # Taken only when strictly better: on a tie the earlier choice stays.
        best.append((*take, [*chosen, span]) if take > skip[:2] else skip)
    return best[-1][2]


@lru_cache(maxsize=1 << 16)
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
    starts = index.starts
    first = bisect.bisect_right(starts, start_char) - 1
    last = bisect.bisect_left(starts, end_char)
    first = max(first, 0)
    if first >= last:
        return []
    lo = bisect.bisect_left(index.span_starts, first)
    hi = bisect.bisect_left(index.span_starts, last)
    vocab = index.spans[lo:hi]
    if vocab and max(map(_END, vocab)) > last:
        vocab = [s for s in vocab if s.end <= last]
    # The sentence's tokens as items, and whether each is printed, from ``first`` on.
    tokens, printed = index.token_items(first, last), index.printed[first:last]
    items: list[Item] = []
    i = first
    for match in _choose(vocab) if vocab else ():  # non-overlapping, in order
        # The match's tokens, and those before it, counted from ``first``.
        before, start, end = i - first, match.start - first, match.end - first
        items += compress(tokens[before:start], printed[before:start])
        kind = match.label
        text = match.text
        # Provinces, countries and honorifics written with a capital may
        # be the last syllables of a personal name ("Nguyễn Thị Nga").
        name_like = kind in _NAME_LIKE or (kind == "BODY" and match.id in _named_bodies())
        if name_like and text[0].isupper() and _inside_name(items):
            items.extend(index.items(match.start, match.end, "CAP"))
        elif (
            kind in _PLACE_LIKE
            and not text[0].isupper()
            and not (kind == "BODY" and items and items[-1].kind in ("TITLE", "BODY"))
        ):
            # Bodies and places are named with a capital; "tỉnh ủy 8 tỉnh",
            # "dân quân thường trực" are common nouns.
            items += compress(tokens[start:end], printed[start:end])
        else:
            items.append(_as_item((kind, match.id, text, match.start_char, match.end_char)))
        i = match.end
    items += compress(tokens[i - first :], printed[i - first :])
    if index.text.find("(", starts[first], items[-1].end if items else 0) < 0:
        return items  # no gloss to drop
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


#: The most syllables a person's name runs to.
MAX_NAME = 7


def join_items(items: list[Item]) -> str:
    """The items as printed: a space where the text has one between two of them."""
    out = ""
    for k, item in enumerate(items):
        if k and item.start > items[k - 1].end:
            out += " "
        out += item.text
    return out


def starts_with(items: list[Item], k: int, phrase: str) -> bool:
    """Whether the items from ``k`` are the words of ``phrase`` (lower-cased)."""
    parts = _words(phrase)
    if k >= len(items) or items[k].key != parts[0]:
        return False  # most calls: the first word differs
    return len(parts) == 1 or [it.key for it in items[k : k + len(parts)]] == list(parts)


@lru_cache(maxsize=4096)
def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.split())


def name_run(items: list[Item], i: int) -> int:
    """Index after the capitalised run that starts at ``items[i]``."""
    j = i
    while j < len(items) and items[j].kind == "CAP" and j - i < MAX_NAME:
        j += 1
    return j
