"""The vocabulary matches of the pipeline's SpanRuler, found without a spaCy Doc.

:func:`index_text` gives what ``index_doc(nlp(text))`` gives, for the pipeline
:func:`~qpgraph.extract.nlp.build_nlp` builds, at a fraction of its cost: the
text is tokenized once by :func:`~qpgraph.extract.nlp.syllables`, and the
ruler's patterns are looked up in dictionaries of token sequences (lower-cased
tokens for phrase patterns, as the ruler's ``LOWER`` PhraseMatcher; tokens as
printed for ``ORTH`` token patterns). Every match is kept, overlapping or not,
and the spans are ordered as the ruler orders them.

>>> index = index_text("Thiếu tướng Nguyễn Văn An, Chính ủy Quân khu 7", build_nlp())
>>> [(s.label, s.text, s.start, s.end) for s in index.spans]
[('RANK', 'Thiếu tướng', 0, 2), ('TITLE', 'Chính ủy', 6, 8), ('BODY', 'Quân khu', 8, 10)]
"""

from __future__ import annotations

from functools import cache, partial
from itertools import compress, count
from typing import Any

from spacy.language import Language

from .items import DocIndex, VocabSpan, index_doc
from .nlp import SyllableTokenizer, build_nlp, tokens

__all__ = ["VocabMatcher", "index_text", "vocab_matcher"]

# (label, hash of the id, id): a match's entry, in the order spaCy sorts equal spans.
_Entry = tuple[str, int, str]


# A VocabSpan from a tuple of its fields, without a Python call.
_as_span = partial(tuple.__new__, VocabSpan)


class _Table:
    """Patterns as a trie of token sequences: a node maps a token to the next
    node, and ``""`` (never a token) to the entries of the patterns ending there."""

    def __init__(self) -> None:
        self.trie: dict[str, Any] = {}

    def add(self, tokens: tuple[str, ...], entry: _Entry) -> None:
        """Add one pattern; the same entry twice for one sequence is one match."""
        if not tokens:
            return
        node = self.trie
        for token in tokens:
            node = node.setdefault(token, {})
        entries = node.setdefault("", [])
        if entry not in entries:
            entries.append(entry)

    def find(self, tokens: list[str]) -> list[tuple[int, int, _Entry]]:
        """(start, end, entry) of every match in ``tokens``."""
        found: list[tuple[int, int, _Entry]] = []
        trie, size = self.trie, len(tokens)
        # Only the tokens that start a pattern, picked without a Python loop.
        for i in compress(count(), map(trie.__contains__, tokens)):
            node = trie[tokens[i]]
            j = i + 1
            while node is not None:
                for entry in node.get("", ()):
                    found.append((i, j, entry))
                node = node.get(tokens[j]) if j < size else None
                j += 1
        return found


class VocabMatcher:
    """The patterns of a SpanRuler (``{"label", "pattern", "id"}`` dicts) as lookup tables.

    A phrase pattern (a string) matches the tokens whose lower-cased forms are
    its own; a token pattern (a list of ``{"ORTH": ...}``) the tokens printed
    exactly so.
    """

    def __init__(self, patterns: list[dict[str, Any]], id_hash: dict[str, int]) -> None:
        self.lower = _Table()
        self.orth = _Table()
        for pattern in patterns:
            key = str(pattern.get("id", ""))
            entry = (str(pattern["label"]), id_hash[key], key)
            form = pattern["pattern"]
            if isinstance(form, str):
                words, _, _ = tokens(form)
                self.lower.add(tuple(word.lower() for word in words), entry)
            else:
                self.orth.add(tuple(str(token["ORTH"]) for token in form), entry)

    def __call__(self, text: str, words: list[str], lowers: list[str], starts: list[int]) -> list[VocabSpan]:
        """The spans of every match, sorted by start and end token, label and id."""
        found = self.lower.find(lowers)
        if self.orth.trie:
            found += self.orth.find(words)
        spans: list[VocabSpan] = []
        for start, end, (label, _, key) in sorted(set(found)):
            start_char, end_char = starts[start], starts[end - 1] + len(words[end - 1])
            spans.append(_as_span((start, end, label, key, start_char, end_char, text[start_char:end_char])))
        return spans


def _is_token_pattern(pattern: Any) -> bool:
    """Whether a token pattern only compares tokens with ``ORTH``."""
    return isinstance(pattern, list) and all(isinstance(t, dict) and set(t) == {"ORTH"} for t in pattern)


@cache
def vocab_matcher(nlp: Language) -> VocabMatcher | None:
    """The matcher of a pipeline made as :func:`build_nlp` makes it, or None for another pipeline."""
    if not isinstance(nlp.tokenizer, SyllableTokenizer) or nlp.pipe_names != ["span_ruler"]:
        return None
    ruler = nlp.get_pipe("span_ruler")
    if getattr(ruler, "key", None) != "vocab" or getattr(ruler, "annotate_ents", True) or getattr(ruler, "spans_filter", True):
        return None
    patterns: list[dict[str, Any]] = list(ruler.patterns)  # type: ignore[attr-defined]
    if not all(isinstance(p["pattern"], str) or _is_token_pattern(p["pattern"]) for p in patterns):
        return None
    strings = nlp.vocab.strings
    id_hash = {str(p.get("id", "")): strings.add(str(p.get("id", ""))) for p in patterns}
    return VocabMatcher(patterns, id_hash)


def index_text(text: str, nlp: Language | None = None) -> DocIndex:
    """``index_doc(nlp(text))``, without building the Doc when ``nlp`` is the standard pipeline."""
    nlp = nlp or build_nlp()
    matcher = vocab_matcher(nlp)
    if matcher is None:
        return index_doc(nlp(text))
    words, starts, blank = tokens(text)
    lowers = list(map(str.lower, words))
    spans = matcher(text, words, lowers, starts)
    return DocIndex(
        text=text,
        texts=words,
        lowers=lowers,
        starts=starts,
        spaces=blank,
        spans=spans,
        span_starts=[span.start for span in spans],
    )
