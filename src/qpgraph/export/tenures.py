"""Tenures as a table (``tenures.csv``): who held which title in which body, from when
to when, as the articles show it (:mod:`qpgraph.graph.tenure`).

One row per tenure: the unit (id and name), the title, the holder (id and name),
first and last reported, the appointment's date, the status (current, ended,
unknown), how and by when it ended, the successor, why the status is unknown,
and the articles that report it. Units in the order of their ids, titles in
canonical order, tenures as :meth:`~qpgraph.graph.knowledge.KnowledgeGraph.succession`
gives them: the same graph gives a byte-identical file. The table is small (one
row per holder and title) and written whole on every build.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from ..atomic import open_atomic
from ..graph.knowledge import KnowledgeGraph
from ._items import Keep
from .cells import neutral_row

__all__ = ["write_tenures", "FIELDS"]

FIELDS = ["unit", "unit_name", "title", "person", "name", "first", "last", "since", "status", "ended", "ended_on",
          "successor", "note", "articles"]


def write_tenures(graph: nx.MultiDiGraph, path: Path, keep: Keep | None = None) -> None:
    """Write ``tenures.csv`` (``keep`` is not used: the file is written whole)."""
    kg = KnowledgeGraph(graph)
    units = sorted({unit for _, unit, data in graph.edges(data=True)
                    if data["relation"] == "holds" and data.get("title")})  # a graph of other making may lack it
    with open_atomic(path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FIELDS)
        for unit in units:
            held = kg.tenures(unit)
            for key in sorted(held):
                for t in held[key]:
                    articles = sorted({e.article for e in (*t.evidence, *t.end_evidence)})
                    writer.writerow(neutral_row([unit, graph.nodes[unit]["name"], t.title, t.person, t.name, t.first,
                                                 t.last, t.since, t.status, t.ended, t.ended_on, t.successor, t.note,
                                                 " ".join(articles)]))
