"""The spaCy pipeline: a Vietnamese syllable tokenizer and a SpanRuler of our vocabularies.

A Doc per article; the ruler writes every vocabulary match to
``doc.spans["vocab"]`` with labels RANK, TITLE, BODY, PROV, HON, COUNTRY,
REGION, CUE_APPOINT, CUE_FORMER, CUE_PROMOTION and ACADEMIC, the entry as the
span's ``id``.

>>> nlp = build_nlp()
>>> doc = nlp("Trung tướng Nguyễn Văn An, Chính ủy Quân khu 7")
>>> [t.text for t in doc][:6]
['Trung', 'tướng', 'Nguyễn', 'Văn', 'An', ',']
>>> sorted((s.label_, s.text) for s in doc.spans["vocab"])
[('BODY', 'Quân khu'), ('RANK', 'Trung tướng'), ('TITLE', 'Chính ủy')]
"""

from __future__ import annotations

import re
from functools import cache
from itertools import accumulate, compress, count, repeat
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from .gazetteer import load_gazetteer
from .vocab import load_bodies, load_cues, load_places, load_ranks, load_titles

__all__ = ["SyllableTokenizer", "build_nlp", "syllables", "tokens", "vocab_patterns"]

# A token: a dotted abbreviation (TP.HCM, T.Ư), a word (syllables, with an
# inner apostrophe: H'Mông, M'Drắk), a number with separators (30/12, 21/2019)
# or any other single character, with the single space that follows it (the
# token's trailing whitespace in the Doc); or a run of white space.
_TOKEN = re.compile(
    r"(?:[A-ZĐƯ]{1,3}(?:\.[A-ZĐƯ]{1,4})+\.?"
    r"|[^\W\d_]+(?:['’][^\W\d_]+)*"
    r"|\d+(?:[/.,]\d+)*"
    r"|\S) ?"
    r"|\s+"
)


def tokens(text: str) -> tuple[list[str], list[int], list[bool]]:
    """The tokens of ``text``, their offsets, and whether each is white space.

    >>> tokens("Quân khu 7,  họp")
    (['Quân', 'khu', '7', ',', ' ', 'họp'], [0, 5, 9, 10, 12, 13], [False, False, False, False, True, False])
    """
    pieces = _TOKEN.findall(text)
    starts = list(accumulate(map(len, pieces), initial=0))
    starts.pop()
    words = list(map(str.rstrip, pieces, repeat(" ")))
    blank = list(map(str.isspace, pieces))
    if True in blank:
        for k in compress(count(), blank):
            words[k] = pieces[k]  # white space keeps its spaces
    return words, starts, blank


def syllables(text: str) -> tuple[list[str], list[bool]]:
    """The tokens of ``text`` and whether a single space follows each.

    A space right after a token is that token's trailing whitespace; any other
    white space is a token, so the tokens and their spaces spell the text.

    >>> syllables("Quân khu 7,  họp")
    (['Quân', 'khu', '7', ',', ' ', 'họp'], [True, True, False, True, False, False])
    """
    words, _, blank = tokens(text)
    return words, [not b and w != p for w, p, b in zip(words, _TOKEN.findall(text), blank, strict=True)]


class SyllableTokenizer:
    """Split Vietnamese text into syllables, numbers and punctuation.

    Hyphens and dashes are always tokens of their own ("Niên-Ủy" → three
    tokens); white space other than a single space becomes a token, so that
    ``doc.text`` is the input exactly and character offsets hold.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = syllables(text)
        return Doc(self.vocab, words=words, spaces=spaces)

    def to_bytes(self, **_: Any) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: Any) -> SyllableTokenizer:
        return self

    def to_disk(self, _path: Any, **_: Any) -> None:
        return None

    def from_disk(self, _path: Any, **_: Any) -> SyllableTokenizer:
        return self


def vocab_patterns() -> list[dict[str, Any]]:
    """SpanRuler phrase patterns built from the vocabulary data files."""
    patterns: list[dict[str, Any]] = []
    for rank in load_ranks():
        patterns.append({"label": "RANK", "pattern": rank.name, "id": rank.name})
    for key, title in load_titles().items():
        patterns.append({"label": "TITLE", "pattern": title.name, "id": key})
    for index, body in enumerate(load_bodies()):
        for form in body.forms:
            patterns.append({"label": "BODY", "pattern": form, "id": str(index)})
    for form, short in load_gazetteer().printed_forms():
        patterns.append({"label": "PROV", "pattern": form, "id": short})
    places = load_places()
    for country in places.countries:
        patterns.append({"label": "COUNTRY", "pattern": country, "id": country})
    for region in places.regions:
        patterns.append({"label": "REGION", "pattern": region, "id": region})
    for landmark in places.landmarks:
        patterns.append({"label": "LANDMARK", "pattern": landmark, "id": landmark})
    cues = load_cues()
    for word in cues.honorifics:
        patterns.append({"label": "HON", "pattern": word, "id": word})
    for word in cues.appointment_cues:
        patterns.append({"label": "CUE_APPOINT", "pattern": word, "id": word})
    for word in cues.acting_cues:
        patterns.append({"label": "CUE_ACTING", "pattern": word, "id": word})
    for word in cues.leaving_cues:
        patterns.append({"label": "CUE_LEAVE", "pattern": word, "id": word})
    for word in cues.former_cues:
        patterns.append({"label": "CUE_FORMER", "pattern": word, "id": word})
    for word in cues.promotion_cues:
        patterns.append({"label": "CUE_PROMOTION", "pattern": word, "id": word})
    for word in cues.academic:
        # Case matters: "TS" is a degree, "ts" is not.
        patterns.append({"label": "ACADEMIC", "pattern": [{"ORTH": t.text} for t in _tokens(word)], "id": word})
    return patterns


def _tokens(text: str) -> Doc:
    return SyllableTokenizer(Vocab())(text)


@cache
def build_nlp() -> Language:
    """The pipeline, built once per process."""
    nlp = spacy.blank("xx")
    nlp.tokenizer = SyllableTokenizer(nlp.vocab)
    ruler = nlp.add_pipe(
        "span_ruler",
        config={"spans_key": "vocab", "phrase_matcher_attr": "LOWER", "validate": True},
    )
    ruler.add_patterns(vocab_patterns())  # type: ignore[attr-defined]
    return nlp
