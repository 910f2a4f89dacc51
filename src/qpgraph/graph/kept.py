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
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from ..atomic import atomic_fd
from ..collector import paused
from ..records import ArticleRecords
from .build import GraphParts, build_parts
from .update import NotUpdatable, update

__all__ = ["KeptGraph", "read_kept", "write_kept", "graph_of"]


@dataclass
class KeptGraph:
    #: The code that made the graph (:func:`qpgraph.site.reuse.code_key`).
    code: str
    #: Article id → the key of its records (:func:`qpgraph.cache.article_key`).
    articles: dict[str, str]
    parts: GraphParts


def read_kept(path: Path, code: str) -> KeptGraph | None:
    """The graph kept at ``path`` if ``code`` made it; None if there is none, or it
    cannot be read."""
    try:
        with paused(), path.open("rb") as handle:  # millions of objects that stay: nothing for the collector
            kept = pickle.load(handle)
    except Exception:  # a missing or damaged state builds the graph anew, never a wrong one
        return None
    return kept if isinstance(kept, KeptGraph) and kept.code == code else None


def write_kept(path: Path, kept: KeptGraph) -> None:
    """Keep ``kept`` at ``path``, written as it is pickled (never a second copy in memory)."""
    with atomic_fd(path) as fd, os.fdopen(fd, "wb") as handle:
        pickle.dump(kept, handle, protocol=pickle.HIGHEST_PROTOCOL)


def graph_of(records: Mapping[str, ArticleRecords], keys: dict[str, str], code: str,
             last: KeptGraph | None) -> tuple[KeptGraph, set[str] | None]:
    """The graph of ``records`` (article id → records; ``keys``, article id → key of its
    records), brought up to date from the ``last`` one kept when there is one, else
    built anew; and the nodes that may have changed since ``last`` (None when built
    anew)."""
    if last is not None:
        changed: dict[str, ArticleRecords | None] = {aid: None for aid in last.articles.keys() - keys.keys()}
        for aid in sorted(keys):
            if last.articles.get(aid) != keys[aid]:
                changed[aid] = records[aid]
        get: Callable[[str], ArticleRecords] = records.__getitem__
        try:
            dirty = update(last.parts, changed, get)
        except NotUpdatable:
            pass
        else:
            return KeptGraph(code, dict(keys), last.parts), dirty
    return KeptGraph(code, dict(keys), build_parts(records.values())), None
