"""Ingest: read articles from disk, drop site chrome, normalise, split sentences.

The public API of the stage:

* :func:`read_path`, :func:`iter_articles`: files and folders into
  :class:`~qpgraph.records.Article` records (or an
  :class:`~qpgraph.errors.IngestError` per bad article);
* :func:`classify_lines`, :func:`content_lines`: which lines are the article;
* :func:`prepare`: an article into a :class:`Document` of normalised text,
  offsets back to the original, and the sentences of its content lines.

>>> from qpgraph.records import Article
>>> doc = prepare(Article(id="a", path="a.txt", text="Tốc độ:1x\\nNgày 9/4, Quân khu 7 họp. Tỉnh uỷ dự."))
>>> [sentence.text for sentence in doc.sentences]
['Ngày 9/4, Quân khu 7 họp.', 'Tỉnh ủy dự.']
"""

from __future__ import annotations

from qpgraph.ingest.boilerplate import Boilerplate, load_boilerplate
from qpgraph.ingest.clean import Line, classify_lines, content_lines
from qpgraph.ingest.document import Document, Sentence, prepare
from qpgraph.ingest.read import iter_articles, read_path
from qpgraph.ingest.sentences import split_sentences

__all__ = [
    "Boilerplate",
    "Document",
    "Line",
    "Sentence",
    "classify_lines",
    "content_lines",
    "iter_articles",
    "load_boilerplate",
    "prepare",
    "read_path",
    "split_sentences",
]
