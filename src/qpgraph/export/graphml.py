"""GraphML (``graph.graphml``): scalar attributes only; lists and dicts as JSON strings."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from ..atomic import write_bytes_atomic
from .scalar import scalar_attrs

__all__ = ["write_graphml", "scalar_graph"]


def scalar_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **scalar_attrs(data))
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **scalar_attrs(data))
    return out


def write_graphml(graph: nx.MultiDiGraph, path: Path) -> None:
    buffer = io.BytesIO()
    nx.write_graphml(scalar_graph(graph), buffer, encoding="utf-8", prettyprint=True)
    write_bytes_atomic(path, buffer.getvalue())
