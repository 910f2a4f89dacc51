"""Exporters: one module per format behind one interface.

Every exporter of the graph is a function ``(graph, path) -> None`` writing one
file (or a folder, for Neo4j) deterministically: the same graph gives
byte-identical files. Each writes its file as it goes, one node or pair of nodes
at a time (no document is built in memory), and replaces the old one atomically.
``qpgraph export`` writes them from a build's store (:func:`export_build`): the
graph formats from the graph it materialises, the Parquet tables straight from
its tables.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib.util import find_spec
from pathlib import Path

import networkx as nx

from ..errors import QpgraphError
from ..workers import in_background
from ._scan import Scan, scan
from .gexf import write_gexf
from .graphml import write_graphml
from .neo4j import write_neo4j
from .node_link import read_node_link, write_node_link
from .tenures import write_tenures, write_tenures_of_build

__all__ = ["EXPORTERS", "FORMATS", "export_build", "missing", "read_node_link", "write_all", "write_gexf", "write_graphml",
           "write_neo4j", "write_node_link", "write_tenures"]

Exporter = Callable[[nx.MultiDiGraph, Path], None]

#: File name → exporter of the graph.
EXPORTERS: dict[str, Exporter] = {
    "graph.json": write_node_link,
    "graph.graphml": write_graphml,
    "graph.gexf": write_gexf,
    "neo4j": write_neo4j,
    "tenures.csv": write_tenures,
}

#: Format name (as ``qpgraph export`` takes it) → the file or folder it writes.
FORMATS: dict[str, str] = {
    "json": "graph.json",
    "graphml": "graph.graphml",
    "gexf": "graph.gexf",
    "neo4j": "neo4j",
    "tenures": "tenures.csv",
    "parquet": "parquet",
    "ftm": "entities.ftm.json",
}

#: The exporters that declare their attributes first, from a scan of the graph.
_SCANNED = {"graph.graphml": write_graphml, "graph.gexf": write_gexf}


def write_all(graph: nx.MultiDiGraph, out: str | Path, names: Iterable[str] | None = None) -> list[Path]:
    """Write the graph into ``out`` in every format (or those of ``names``, keys of
    :data:`EXPORTERS`). The XML formats share one read of the graph (``_scan``)."""
    written = []
    read: Scan | None = None
    for name in EXPORTERS if names is None else names:
        path = Path(out) / name
        if name in _SCANNED:
            read = read or scan(graph)
            _SCANNED[name](graph, path, read)
        else:
            EXPORTERS[name](graph, path)
        written.append(path)
    return written


def export_build(build: str | Path, out: str | Path, formats: Iterable[str] | None = None) -> list[Path]:
    """Write the formats named (:data:`FORMATS`; if none, all of them whose packages are
    installed, :func:`missing`) of build folder ``build`` into ``out``, from its store.
    A format named whose package is not installed is an error."""
    from ..store.graph import read_graph

    if formats:
        for name in formats:
            if name in missing():
                raise QpgraphError(f"export {name}: {missing()[name]}")
    names = [FORMATS[f] for f in (formats or [f for f in FORMATS if f not in missing()])]
    graph_names = [name for name in names if name in EXPORTERS and name != "tenures.csv"]
    tables = [name for name in names if name not in graph_names]
    graph = read_graph(build) if graph_names else None
    # Once the graph is read, a forked process (which inherits it) writes Neo4j's files
    # and the tables from the store's rows while this one writes the other formats of
    # the graph: the two halves take about as long (on one process where none can be forked).
    there = [name for name in graph_names if name == "neo4j" and len(graph_names) > 1]
    here = [name for name in graph_names if name not in there]
    beside = in_background(_write_beside, graph, build, out, there, tables) if here and (there or tables) else None
    written = write_all(graph, out, here) if graph is not None and here else []
    made = beside() if beside is not None else _write_beside(graph, build, out, there, tables)
    return sorted(written + made, key=lambda path: names.index(path.name))


def missing() -> dict[str, str]:
    """The formats whose packages are not installed → how to install them."""
    return {} if find_spec("followthemoney") else {"ftm": "needs FollowTheMoney: pip install 'qpgraph[ftm]'"}


def _write_beside(graph: nx.MultiDiGraph | None, build: str | Path, out: str | Path, graph_names: list[str],
                  tables: list[str]) -> list[Path]:
    """The formats of ``graph`` named, and the exports written from the store's tables:
    ``tenures.csv``, ``parquet`` and ``entities.ftm.json``."""
    from .parquet import write_parquet

    written = write_all(graph, out, graph_names) if graph is not None and graph_names else []
    if "tenures.csv" in tables:
        written.append(write_tenures_of_build(build, Path(out) / "tenures.csv"))
    if "parquet" in tables:
        written.append(write_parquet(build, Path(out) / "parquet"))
    if "entities.ftm.json" in tables:
        from .ftm import write_ftm

        written.append(write_ftm(build, Path(out) / "entities.ftm.json"))
    return written
