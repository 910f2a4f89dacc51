"""An export written as its items, streaming.

An export file is literal text and *sections*: the graph's nodes, or its pairs of
nodes with the edges from one to the other, one item each, in graph order, with a
separator between items. :func:`write_parts` renders them one at a time and
writes them in batches to a temporary file renamed over the old one at the end:
no document is built in memory, and a failure leaves the old file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from ..atomic import atomic_fd

__all__ = ["Section", "Part", "write_parts", "pairs"]

#: Bytes of rendered items gathered before one write.
_BATCH = 1 << 20


@dataclass
class Section:
    """The nodes or the pairs of a graph as items, in graph order."""

    kind: Literal["nodes", "pairs"]
    items: Iterable[Any]
    render: Callable[[Any], str]
    separator: str = ""


Part = str | Section


def pairs(graph: nx.MultiDiGraph) -> Iterator[tuple[Any, Any, dict[Any, dict[str, Any]]]]:
    """Every pair of nodes joined by edges, with the edges from the first to the
    second by key, in graph order (the order of ``graph.edges``)."""
    for u, successors in graph.adjacency():
        for v, edges in successors.items():
            yield u, v, edges


def write_parts(path: Path, parts: list[Part]) -> None:
    """Write ``parts`` to ``path`` atomically, as they are rendered."""
    with atomic_fd(path) as fd, os.fdopen(fd, "wb") as out:
        batch: list[bytes] = []
        size = 0
        for part in parts:
            chunks = [part] if isinstance(part, str) else _rendered(part)
            for chunk in chunks:
                data = chunk.encode("utf-8")
                batch.append(data)
                size += len(data)
                if size >= _BATCH:
                    out.write(b"".join(batch))
                    batch, size = [], 0
        out.write(b"".join(batch))


def _rendered(section: Section) -> Iterator[str]:
    for k, item in enumerate(section.items):
        if k:
            yield section.separator
        yield section.render(item)
