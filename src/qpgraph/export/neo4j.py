"""Neo4j bulk import (``neo4j/nodes.csv``, ``neo4j/relationships.csv``) for ``neo4j-admin database import``.

Each file is written as it streams out, and replaces the old one atomically.
Lists and dicts are compact JSON, None an empty cell.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx

from ..atomic import open_atomic
from .scalar import scalar

__all__ = ["write_neo4j"]

_NODE_FIELDS = ["name", "forms", "articles", "date", "kind", "rank", "province", "code", "url"]
_EDGE_FIELDS = ["article", "date", "title", "post", "heads", "former", "sentence", "start", "end", "text"]
#: What the csv module writes as ``scalar`` would (None as an empty cell).
_CSV_TYPES = frozenset({str, int, float, bool, type(None)})

#: One line of a CSV file.
Cells = list[object]


def write_neo4j(graph: nx.MultiDiGraph, path: Path) -> None:
    _write_csv(path / "nodes.csv", ["id:ID", ":LABEL", *_NODE_FIELDS], _node_rows(graph))
    _write_csv(path / "relationships.csv", [":START_ID", ":END_ID", ":TYPE", *_EDGE_FIELDS], _edge_rows(graph))


def _write_csv(path: Path, header: Cells, rows: Iterable[Cells]) -> None:
    with open_atomic(path) as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _scalars(fields: Cells) -> Cells:
    """Lists and dicts as JSON (checked for all the fields at once: most rows have none)."""
    if _CSV_TYPES.issuperset(map(type, fields)):
        return fields
    return [scalar(value) for value in fields]


def _node_rows(graph: nx.MultiDiGraph) -> Iterator[Cells]:
    for node, data in graph.nodes(data=True):
        yield [node, data["type"].capitalize(), *_scalars(list(map(data.get, _NODE_FIELDS)))]


def _edge_rows(graph: nx.MultiDiGraph) -> Iterator[Cells]:
    for u, v, data in graph.edges(data=True):
        yield [u, v, data["relation"].upper(), *_scalars(list(map(data.get, _EDGE_FIELDS)))]
