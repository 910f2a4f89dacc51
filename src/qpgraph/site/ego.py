"""Which neighbours a page's small graph draws: the node and its most connected ones.

Shared by the pages (:mod:`qpgraph.site.build`) and by what decides which pages
must be drawn again (:mod:`qpgraph.site.reuse`): both must pick the same nodes.
"""

from __future__ import annotations

import heapq

from ..graph.tables import Graph

__all__ = ["MAX_EGO", "MAX_EGO_EDGES", "degrees", "most_connected", "ego_order", "ego_nodes"]

#: The nodes (the page's own included) and edges a page's small graph draws at most.
MAX_EGO = 40
MAX_EGO_EDGES = 80


def degrees(graph: Graph) -> dict[str, int]:
    """``dict(graph.degree())`` of a multigraph, without its views (a tenth of the time).

    >>> g = Graph([("a", "a"), ("a", "b"), ("a", "b")])
    >>> degrees(g) == dict(g.degree()) == {"a": 4, "b": 2}
    True
    """
    succ, pred = graph.succ_table, graph.pred_table
    return {node: sum(map(len, succ[node].values())) + sum(map(len, pred[node].values())) for node in graph.nodes_table}


def most_connected(degree: dict[str, int]) -> list[str]:
    """The nodes by degree (most first), then by id."""
    return sorted(degree, key=lambda n: (-degree[n], n))


def ego_order(graph: Graph) -> dict[str, int]:
    """Every node's place in the order pages pick neighbours in (:func:`most_connected`)."""
    return {node: i for i, node in enumerate(most_connected(degrees(graph)))}


def ego_nodes(graph: Graph, node: str, order: dict[str, int]) -> list[str]:
    """``node``, then its first neighbours in ``order`` (:func:`ego_order`), at most ``MAX_EGO`` in all."""
    neighbours = graph.succ_table[node].keys() | graph.pred_table[node].keys()
    if len(neighbours) < MAX_EGO:
        return [node, *sorted(neighbours, key=order.__getitem__)]
    return [node, *heapq.nsmallest(MAX_EGO - 1, neighbours, key=order.__getitem__)]
