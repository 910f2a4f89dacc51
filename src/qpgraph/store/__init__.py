"""The state a build keeps for the next one, in one place: ``build/qpgraph.sqlite``.

:class:`Store` holds each article's records (as JSON) under the key of the
article and the extractor (:func:`article_key`); :func:`locked` keeps a build
folder to one build at a time; :class:`RecordsList` gives every article's
records in input order, reading those in the store when they are asked for;
:mod:`qpgraph.store.graph` writes the graph's rows (nodes, edges, sentences,
tenures, the search index) and reads them back.
"""

from .db import FILE, Store, StoreError, locked
from .keys import article_key, extractor_key, library_versions
from .records import RecordsList, Stored

__all__ = ["FILE", "RecordsList", "Store", "StoreError", "Stored", "article_key", "extractor_key", "library_versions",
           "locked"]
