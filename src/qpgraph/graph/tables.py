"""The graph class of qpgraph: a networkx ``MultiDiGraph`` whose tables qpgraph holds.

networkx documents a graph as four levels of dicts (node → neighbour → key →
data) and lets a subclass make each of them with its own factory. :class:`Graph`
makes the outermost ones itself (the nodes' data by node, the successors and the
predecessors by node) and keeps them as :attr:`Graph.nodes_table`,
:attr:`Graph.succ_table` and :attr:`Graph.pred_table`. The hot paths of a build
(assembling 600,000 edges, digests, the kept graph, putting an updated graph in
a clean build's order) walk and sort those dicts directly, through what the
graph's own class made, never through networkx's private attributes; everything
else uses networkx's public API. To researchers it is a ``MultiDiGraph``.

>>> g = Graph(name="demo")
>>> g.add_edge("b", "a", key="k", relation="holds")
'k'
>>> list(g.nodes_table), g.succ_table["b"]["a"]["k"], g.pred_table["a"]["b"] is g.succ_table["b"]["a"]
(['b', 'a'], {'relation': 'holds'}, True)
>>> isinstance(g, nx.MultiDiGraph), g.graph, Graph(g).succ_table["b"]["a"]["k"]
(True, {'name': 'demo'}, {'relation': 'holds'})
"""

from __future__ import annotations

from typing import Any

import networkx as nx

__all__ = ["Graph", "sort_table", "related"]

Table = dict[Any, Any]


class Graph(nx.MultiDiGraph):  # type: ignore[type-arg]
    #: Node → its data.
    nodes_table: Table
    #: Node → successor → key → the edge's data.
    succ_table: Table
    #: Node → predecessor → key → the edge's data (the same dicts as ``succ_table``).
    pred_table: Table

    def __init__(self, incoming_graph_data: Any = None, **attr: Any) -> None:
        outer: list[Table] = []

        def node_table() -> Table:
            self.nodes_table = {}
            return self.nodes_table

        def adjacency_table() -> Table:
            outer.append({})
            return outer[-1]

        # Instance factories, called with no argument as networkx asks.
        self.node_dict_factory = node_table  # type: ignore[assignment]
        self.adjlist_outer_dict_factory = adjacency_table  # type: ignore[assignment]
        super().__init__(incoming_graph_data, **attr)
        # Which of the two adjacency tables holds successors: the one an edge from a
        # probe node lands in under that node.
        source, target = object(), object()
        super().add_edge(source, target)
        self.succ_table, self.pred_table = outer if target in outer[0][source] else outer[::-1]
        self.remove_nodes_from((source, target))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as its nodes and edges (a copy's tables are its own).
        return (_rebuilt, (dict(self.graph), list(self.nodes(data=True)), list(self.edges(keys=True, data=True))))


def _rebuilt(attrs: dict[str, Any], nodes: list[Any], edges: list[Any]) -> Graph:
    graph = Graph(**attrs)
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    return graph


def related(table: Table, relation: str) -> list[Any]:
    """The nodes of an adjacency table (``succ_table[node]`` or ``pred_table[node]``)
    joined by at least one edge of ``relation``, in the table's order.

    >>> g = Graph([("a", "b", {"relation": "holds"}), ("a", "c", {"relation": "part_of"})])
    >>> related(g.succ_table["a"], "holds"), related(g.pred_table["c"], "part_of")
    (['b'], ['a'])
    """
    return [other for other, keys in table.items() if any(d.get("relation") == relation for d in keys.values())]


def sort_table(table: Table) -> None:
    """Put a table's items in the order of their keys, in place (others hold it)."""
    items = sorted(table.items())
    table.clear()
    table.update(items)
