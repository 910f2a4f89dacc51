"""Exporters: one module per format behind one interface.

Every exporter is a function ``(graph, path, keep=None) -> None`` writing one
file (or a folder, for Neo4j) deterministically: the same graph gives
byte-identical files. Each writes its file as it goes, one node or pair of nodes
at a time (no document is built in memory), and replaces the old one atomically;
in a build (``keep``), the items of the last file that did not change are taken
from it as they are (``_items``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import networkx as nx

from ._items import Keep
from ._scan import Scan, scan
from .gexf import write_gexf
from .graphml import write_graphml
from .neo4j import write_neo4j
from .node_link import read_node_link, write_node_link
from .tenures import write_tenures

__all__ = ["EXPORTERS", "Keep", "read_node_link", "write_all", "write_gexf", "write_graphml", "write_neo4j", "write_node_link",
           "write_tenures"]

Exporter = Callable[[nx.MultiDiGraph, Path, Keep | None], None]

#: File name → exporter.
EXPORTERS: dict[str, Exporter] = {
    "graph.json": write_node_link,
    "graph.graphml": write_graphml,
    "graph.gexf": write_gexf,
    "neo4j": write_neo4j,
    "tenures.csv": write_tenures,
}

#: The exporters that declare their attributes first, from a scan of the graph.
_SCANNED = {"graph.graphml": write_graphml, "graph.gexf": write_gexf}


def write_all(
    graph: nx.MultiDiGraph, out: str | Path, names: Iterable[str] | None = None, keep: Keep | None = None
) -> list[Path]:
    """Write the graph into ``out`` in every format (or those of ``names``, keys of
    :data:`EXPORTERS`); ``keep`` as the exporters take it. The XML formats share one
    read of the graph (``_scan``)."""
    written = []
    read: Scan | None = None
    for name in EXPORTERS if names is None else names:
        path = Path(out) / name
        if name in _SCANNED:
            read = read or scan(graph, keep)
            _SCANNED[name](graph, path, keep, read)
        else:
            EXPORTERS[name](graph, path, keep)
        written.append(path)
    return written
