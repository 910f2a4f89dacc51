"""What the XML writers read of the whole graph before they write a line of it.

GraphML and GEXF declare their attributes before the graph, so both need the
distinct signatures of the nodes' and of the edges' attributes (``_layout``),
and GEXF the types of the edges' keys and each node's first start (the first
date of its edges). :func:`scan` reads them once for both formats.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import networkx as nx

from ..graph.dates import date_start
from ._layout import Signatures, signature

__all__ = ["Scan", "scan", "start_of"]

#: An edge's start from its date (a graph has few distinct dates).
start_of = lru_cache(maxsize=1 << 16)(date_start)


@dataclass
class Scan:
    """The distinct signatures of the nodes' and the edges' attributes, the types
    of the edges' keys, and each node's first start (if an edge of it has a date)."""

    nodes: Signatures
    edges: Signatures
    key_types: set[type]
    first: dict[Any, str]


def scan(graph: nx.MultiDiGraph) -> Scan:
    """Read ``graph`` once for the XML writers: signatures in the order first seen."""
    nodes, edges = Signatures(), Signatures()
    for sig in dict.fromkeys(signature(data) for _, data in graph.nodes(data=True)):
        nodes.add_signature(sig)
    key_types: set[type] = set()
    first: dict[Any, str] = {}
    seen: dict[Any, None] = {}
    for u, v, key, data in graph.edges(keys=True, data=True):
        seen.setdefault(signature(data))
        key_types.add(type(key))
        start = start_of(data.get("date"))
        if start is not None:
            if (earliest := first.get(u)) is None or start < earliest:
                first[u] = start
            if (earliest := first.get(v)) is None or start < earliest:
                first[v] = start
    for sig in seen:
        edges.add_signature(sig)
    return Scan(nodes, edges, key_types, first)
