"""Which neighbours a page's small graph draws: the node and its most connected ones.

Shared by the pages (:mod:`qpgraph.site.build`) and by what decides which pages
must be drawn again (:mod:`qpgraph.site.reuse`): both must pick the same nodes.
"""

from __future__ import annotations

import networkx as nx

__all__ = ["MAX_EGO", "MAX_EGO_EDGES", "ego_nodes"]

#: The nodes (the page's own included) and edges a page's small graph draws at most.
MAX_EGO = 40
MAX_EGO_EDGES = 80


def ego_nodes(graph: nx.MultiDiGraph, node: str, degree: dict[str, int]) -> list[str]:
    """``node``, then its neighbours by degree (most first, then by id), at most ``MAX_EGO`` in all."""
    neighbours = set(graph._succ[node]) | set(graph._pred[node])
    return [node] + sorted(neighbours, key=lambda n: (-degree[n], n))[: MAX_EGO - 1]
