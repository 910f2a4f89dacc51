"""networkx node-link JSON (``graph.json``), and reading it back.

The file holds what ``nx.node_link_data(graph, edges="edges")`` returns, written
as it streams out by the C encoder: the top-level keys sorted (``directed``,
``edges``, ``graph``, ``multigraph``, ``nodes``), then one edge or node per line,
each with its keys sorted, so a change to the graph is a change to a few lines.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph(); g.add_node("person:a", type="person", name="A"); g.add_edge("person:a", "person:a", key="met:x:0", relation="met")
'met:x:0'
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
>>> write_node_link(g, path)
>>> print(path.read_text(encoding="utf-8"), end="")
{"directed": true, "edges": [
{"key": "met:x:0", "relation": "met", "source": "person:a", "target": "person:a"}
], "graph": {}, "multigraph": true, "nodes": [
{"id": "person:a", "name": "A", "type": "person"}
]}
>>> nx.utils.graphs_equal(read_node_link(path), g)
True
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from ..atomic import open_atomic
from ._stream import write_joined

__all__ = ["read_node_link", "write_node_link"]

_encode = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    with open_atomic(path) as out:
        out.write(f'{{"directed": {_encode(graph.is_directed())}, "edges": [\n')
        write_joined(out, map(_encode, _edges(graph)), ",\n")
        out.write(f'\n], "graph": {_encode(graph.graph)}, "multigraph": {_encode(graph.is_multigraph())}, "nodes": [\n')
        write_joined(out, map(_encode, _nodes(graph)), ",\n")
        out.write("\n]}\n")


def _nodes(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for node, data in graph.nodes(data=True):
        yield {**data, "id": node}


def _edges(graph: nx.MultiDiGraph) -> Iterator[dict[str, Any]]:
    for u, v, key, data in graph.edges(keys=True, data=True):
        yield {**data, "source": u, "target": v, "key": key}


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
