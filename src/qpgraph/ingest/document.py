"""An article ready for extraction: normalised text, offsets back, sentences.

>>> from qpgraph.records import Article
>>> article = Article(id="a", path="a.txt", text="Thu\\u0309y quân.\\nThu\\u0309y quân.\\nNgày 9/4 họp.")
>>> doc = prepare(article)
>>> doc.text
'Thủy quân.\\nThủy quân.\\nNgày 9/4 họp.'
>>> [(s.index, s.start, s.end, s.text) for s in doc.sentences]
[(0, 0, 10, 'Thủy quân.'), (1, 22, 35, 'Ngày 9/4 họp.')]
>>> doc.removed
((11, 21, 'repeat'),)
>>> start, end = doc.original_span(0, 4)  # "Thủy" is 5 characters in the original
>>> article.text[start:end] == "Thu\\u0309y"
True
"""

from __future__ import annotations

from dataclasses import dataclass

from qpgraph.ingest.boilerplate import Boilerplate
from qpgraph.ingest.clean import classify_lines
from qpgraph.ingest.offsets import normalize_with_map
from qpgraph.ingest.sentences import split_sentences
from qpgraph.records import Article

__all__ = ["Document", "Sentence", "prepare"]


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document's content lines."""

    index: int
    """0.. in the document."""
    start: int
    """Offset into :attr:`Document.text`."""
    end: int
    text: str
    """Exactly ``Document.text[start:end]``."""


@dataclass(frozen=True)
class Document:
    """An article's normalised text, its map back to the original, its sentences."""

    article: Article
    text: str
    """NFC + tone-mark placement of ``article.text``, same line structure."""
    to_original: tuple[int, ...]
    """``len(text) + 1`` entries: the index in ``article.text`` of each character of ``text``."""
    sentences: tuple[Sentence, ...]
    """Sentences of the content lines only, in order."""
    removed: tuple[tuple[int, int, str], ...]
    """(start, end, reason) of each line of ``text`` that is not content."""

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``article.text`` that ``text[start:end]`` was made from.

        A span that starts or ends inside a character composed from several
        original characters grows to cover all of them.
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span ({start}, {end}) is outside the text (length {len(self.text)})")
        first = self.to_original[start]
        if start == end:
            return first, first
        last = self.to_original[end - 1]
        after = end
        while self.to_original[after] == last:  # the last entry is len(article.text) > last
            after += 1
        return first, self.to_original[after]


def prepare(article: Article, boilerplate: Boilerplate | None = None) -> Document:
    """Normalise ``article``, drop its site chrome and split its content into sentences.

    ``boilerplate`` is the chrome vocabulary (the shipped one by default).
    """
    text, to_original = normalize_with_map(article.text)
    sentences: list[Sentence] = []
    removed: list[tuple[int, int, str]] = []
    for line in classify_lines(text, boilerplate):
        if line.reason is not None:
            removed.append((line.start, line.end, line.reason))
            continue
        for start, end in split_sentences(text, line.start, line.end):
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return Document(article, text, to_original, tuple(sentences), tuple(removed))
