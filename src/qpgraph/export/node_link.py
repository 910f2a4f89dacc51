"""networkx node-link JSON (``graph.json``), and reading it back.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.MultiDiGraph(); g.add_node("person:a", type="person", name="A"); g.add_edge("person:a", "person:a", key="met:x:0", relation="met")
'met:x:0'
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.json"
>>> write_node_link(g, path)
>>> nx.utils.graphs_equal(read_node_link(path), g)
True
"""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from ..atomic import write_text_atomic

__all__ = ["write_node_link", "read_node_link"]


def write_node_link(graph: nx.MultiDiGraph, path: Path) -> None:
    data = nx.node_link_data(graph, edges="edges")
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def read_node_link(path: str | Path) -> nx.MultiDiGraph:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="edges")
