"""Load the graph: from a build folder, or straight from articles."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..store import graph as store_graph
from .judgements import read_judgements
from .knowledge import KnowledgeGraph

__all__ = ["load", "from_articles"]


def load(build: str | Path = "build") -> KnowledgeGraph:
    """The knowledge graph of a build folder written by ``qpgraph build``: the graph its
    store holds (:func:`qpgraph.store.graph.read_graph`), made with the judgements that
    build applied."""
    return store_graph.load(build)


def from_articles(paths: Iterable[str | Path], judgements: str | Path | None = None) -> KnowledgeGraph:
    """The knowledge graph of articles, extracted now (bad articles are left out), with
    the analysts' ``judgements`` file if one is given."""
    from ..corpus import extract_corpus

    decided = read_judgements(judgements)
    return KnowledgeGraph.from_records(extract_corpus(paths).records, decided)
