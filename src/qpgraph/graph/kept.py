"""The graph a build keeps for the next one (``build/cache/graph.state``).

A build keeps its graph, the parts it was assembled from, the key of each
article's records and the code that made them. The next build made by the
same code brings that graph up to date with the articles that are new,
changed or gone (:func:`~qpgraph.graph.update.update`) instead of building it
again; with other code, or no kept graph, it builds the graph anew.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, BinaryIO

from .. import plainpickle
from ..atomic import atomic_fd
from ..collector import paused
from ..records import ArticleRecords
from .build import GraphParts, build_parts
from .judgements import NONE, Judgements
from .tables import Graph
from .update import NotUpdatable, update

__all__ = ["KeptGraph", "read_kept", "write_kept", "graph_of"]


@dataclass
class KeptGraph:
    #: The code that made the graph (:func:`qpgraph.site.reuse.code_key`).
    code: str
    #: Article id → the key of its records (:func:`qpgraph.store.article_key`).
    articles: dict[str, str]
    parts: GraphParts


#: The layout of the file: a header, then the nodes (with the edges from each), the
#: parts and the fragments, in pickles of ``_CHUNK`` entries each, of plain data only
#: (read by :mod:`qpgraph.plainpickle`, which runs no code). Each pickle shares
#: nothing with the others: the pickler's memo of what it wrote never holds more than
#: a chunk (a graph pickled whole needs half a gigabyte of memo at 10,000 articles).
_FORMAT, _CHUNK = "qpgraph kept graph 1", 2000


def read_kept(path: Path, code: str) -> KeptGraph | None:
    """The graph kept at ``path`` if ``code`` made it; None if there is none, or it
    cannot be read."""
    try:
        with paused(), path.open("rb") as handle:  # millions of objects that stay: nothing for the collector
            return _read(handle, code)
    except Exception:  # a missing or damaged state builds the graph anew, never a wrong one
        return None


def _read(handle: BinaryIO, code: str) -> KeptGraph | None:
    layout, kept_code, articles, persons, merged, exact, attrs, sizes = plainpickle.load(handle)
    if (layout, kept_code) != (_FORMAT, code):
        return None
    graph = Graph(**attrs)
    nodes, succ, pred = graph.nodes_table, graph.succ_table, graph.pred_table
    while len(nodes) < sizes[0]:
        for node, data, successors in plainpickle.load(handle):
            nodes[node], succ[node], pred[node] = data, successors, {}
    # The edges into each node, in the order of their sources (the graph's order).
    for u, successors in succ.items():
        for v, keys in successors.items():
            pred[v][u] = keys
    parts: dict[str, Any] = {}
    while len(parts) < sizes[1]:
        parts.update(plainpickle.load(handle))
    fragments: dict[str, Any] = {}
    while len(fragments) < sizes[2]:
        fragments.update(plainpickle.load(handle))
    return KeptGraph(kept_code, articles, GraphParts(graph, parts, fragments, persons, merged, exact))


def write_kept(path: Path, kept: KeptGraph) -> None:
    """Keep ``kept`` at ``path``, written as it is pickled, a chunk at a time."""
    state, graph = kept.parts, kept.parts.graph
    sizes = (len(graph), len(state.parts), len(state.fragments))
    with atomic_fd(path) as fd, os.fdopen(fd, "wb") as handle:
        pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.dump((_FORMAT, kept.code, kept.articles, state.persons, state.merged, state.exact, graph.graph, sizes))
        tables: list[Iterable[Any]] = [((node, data, graph.succ_table[node]) for node, data in graph.nodes_table.items()),
                                       state.parts.items(), state.fragments.items()]
        for table in tables:
            iterator = iter(table)
            while chunk := list(islice(iterator, _CHUNK)):
                pickler.clear_memo()
                pickler.dump(chunk)


def graph_of(records: Mapping[str, ArticleRecords], keys: dict[str, str], code: str,
             last: KeptGraph | None, judgements: Judgements = NONE) -> tuple[KeptGraph, set[str] | None]:
    """The graph of ``records`` (article id → records; ``keys``, article id → key of its
    records), brought up to date from the ``last`` one kept when there is one, else
    built anew; and the nodes that may have changed since ``last`` (None when built
    anew). ``code`` must tell apart every set of ``judgements``."""
    if last is not None:
        changed: dict[str, ArticleRecords | None] = {aid: None for aid in last.articles.keys() - keys.keys()}
        for aid in sorted(keys):
            if last.articles.get(aid) != keys[aid]:
                changed[aid] = records[aid]
        try:
            dirty = update(last.parts, changed, records.__getitem__, judgements)
        except NotUpdatable:
            pass
        else:
            return KeptGraph(code, dict(keys), last.parts), dirty
    return KeptGraph(code, dict(keys), build_parts(records.values(), judgements)), None
