"""Neo4j bulk import (``neo4j/nodes.csv``, ``neo4j/relationships.csv``) for ``neo4j-admin database import``."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from ..atomic import write_text_atomic
from .scalar import scalar

__all__ = ["write_neo4j"]

_NODE_FIELDS = ["name", "forms", "articles", "date", "kind", "rank", "province", "code", "url"]
_EDGE_FIELDS = ["article", "date", "title", "post", "heads", "former", "sentence", "start", "end", "text"]


def _csv(rows: list[list[object]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def write_neo4j(graph: nx.MultiDiGraph, path: Path) -> None:
    nodes: list[list[object]] = [["id:ID", ":LABEL", *_NODE_FIELDS]]
    for node, data in graph.nodes(data=True):
        nodes.append([node, data["type"].capitalize(), *(scalar(data.get(f)) for f in _NODE_FIELDS)])
    edges: list[list[object]] = [[":START_ID", ":END_ID", ":TYPE", *_EDGE_FIELDS]]
    for u, v, data in graph.edges(data=True):
        edges.append([u, v, data["relation"].upper(), *(scalar(data.get(f)) for f in _EDGE_FIELDS)])
    write_text_atomic(path / "nodes.csv", _csv(nodes))
    write_text_atomic(path / "relationships.csv", _csv(edges))
