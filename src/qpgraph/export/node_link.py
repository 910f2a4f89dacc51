"""networkx node-link JSON (``graph.json``), and reading it back.

The file holds what ``nx.node_link_data(graph, edges="edges")`` returns, written
as it streams out by the C encoder: the top-level keys sorted (``directed``,
``edges``, ``graph``, ``multigraph``, ``nodes``), then one edge or node per line,
each with its keys sorted, so a change to the graph is a change to a few lines.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph(); g.add_node("person:a", type="person", name="A"); g.add_edge("person:a", "person:a", key="holds:x:0", relation="holds")
'holds:x:0'
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
>>> write_node_link(g, path)
>>> print(path.read_text(encoding="utf-8"), end="")
{"directed": true, "edges": [
{"key": "holds:x:0", "relation": "holds", "source": "person:a", "target": "person:a"}
], "graph": {}, "multigraph": true, "nodes": [
{"id": "person:a", "name": "A", "type": "person"}
]}
>>> nx.utils.graphs_equal(read_node_link(path), g)
True
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from ._items import Part, Section, pairs, write_parts

__all__ = ["read_node_link", "write_node_link"]

_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write ``graph.json``."""
    parts: list[Part] = [
        f'{{"directed": {_encode(graph.is_directed())}, "edges": [\n',
        Section("pairs", pairs(graph), _pair, ",\n"),
        f'\n], "graph": {_encode(graph.graph)}, "multigraph": {_encode(graph.is_multigraph())}, "nodes": [\n',
        Section("nodes", graph.nodes(data=True), _node, ",\n"),
        "\n]}\n",
    ]
    write_parts(path, parts)


def _node(item: tuple[Any, dict[str, Any]]) -> str:
    node, data = item
    return _encode({**data, "id": node})


def _pair(item: tuple[Any, Any, dict[Any, dict[str, Any]]]) -> str:
    u, v, edges = item
    return ",\n".join(_encode({**data, "source": u, "target": v, "key": key}) for key, data in edges.items())


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
