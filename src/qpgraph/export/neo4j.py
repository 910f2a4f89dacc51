"""Neo4j bulk import (``neo4j/nodes.csv``, ``neo4j/relationships.csv``) for ``neo4j-admin database import``.

Each file is written as it streams out, and replaces the old one atomically.
Lists and dicts are compact JSON, None an empty cell; text a spreadsheet would run
as a formula is written after an apostrophe (:mod:`qpgraph.export.cells`).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx

from ._items import Section, pairs, write_parts
from .cells import neutral_row
from .scalar import scalar

__all__ = ["write_neo4j"]

_NODE_FIELDS = ["name", "forms", "articles", "date", "kind", "rank", "province", "code", "url", "sentences"]
_EDGE_FIELDS = ["article", "date", "title", "post", "heads", "former", "change", "dataset", "sentence", "start", "end", "text"]
#: What the csv module writes as ``scalar`` would (None as an empty cell).
_CSV_TYPES = frozenset({str, int, float, bool, type(None)})

#: One line of a CSV file.
Cells = list[object]


def write_neo4j(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write ``neo4j/``: ``nodes.csv`` and ``relationships.csv``."""
    lines = _Lines()
    nodes = Section("nodes", graph.nodes(data=True), lambda item: lines.render(_node_row(*item)))
    edges = Section("pairs", pairs(graph), lambda item: lines.render(
        *(_edge_row(item[0], item[1], data) for data in item[2].values())))
    write_parts(path / "nodes.csv", [lines.render(["id:ID", ":LABEL", *_NODE_FIELDS]), nodes])
    write_parts(path / "relationships.csv", [lines.render([":START_ID", ":END_ID", ":TYPE", *_EDGE_FIELDS]), edges])


class _Lines:
    """Rows as the lines of a CSV file, written by the csv module."""

    def __init__(self) -> None:
        self.buffer = io.StringIO()
        self.writer = csv.writer(self.buffer, lineterminator="\n")

    def render(self, *rows: Cells) -> str:
        self.buffer.seek(0)
        self.buffer.truncate()
        self.writer.writerows(rows)
        return self.buffer.getvalue()


def _scalars(fields: Cells) -> Cells:
    """Lists and dicts as JSON (checked for all the fields at once: most rows have none)."""
    if _CSV_TYPES.issuperset(map(type, fields)):
        return fields
    return [scalar(value) for value in fields]


def _node_row(node: object, data: dict[str, object]) -> Cells:
    return neutral_row([node, str(data["type"]).capitalize(), *_scalars(list(map(data.get, _NODE_FIELDS)))])


def _edge_row(u: object, v: object, data: dict[str, object]) -> Cells:
    return neutral_row([u, v, str(data["relation"]).upper(), *_scalars(list(map(data.get, _EDGE_FIELDS)))])
