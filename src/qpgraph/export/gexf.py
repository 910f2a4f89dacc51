"""GEXF 1.2 (``graph.gexf``) for Gephi, with ``start``/``end`` so its timeline works.

A node starts at the first date it is reported; an edge at its article's date.
Partial dates start on their first day.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import networkx as nx

from ..graph.dates import date_start
from ..atomic import write_bytes_atomic
from .graphml import scalar_graph

__all__ = ["write_gexf"]

_MODIFIED = re.compile(rb'lastmodifieddate="[^"]*"')


def write_gexf(graph: nx.MultiDiGraph, path: Path) -> None:
    flat = scalar_graph(graph)
    first: dict[str, str] = {}
    for u, v, data in graph.edges(data=True):
        start = date_start(data.get("date"))
        if start is None:
            continue
        for node in (u, v):
            if node not in first or start < first[node]:
                first[node] = start
    for node, data in flat.nodes(data=True):
        data["label"] = data.get("name", node)
        if node in first:
            data["start"] = first[node]
    for _u, _v, data in flat.edges(data=True):
        # GEXF's start/end are the timeline's; the evidence's character span is renamed.
        for key in ("start", "end"):
            if key in data:
                data[f"span_{key}"] = data.pop(key)
        start = date_start(data.get("date") or None)
        if start:
            data["start"] = start
    buffer = io.BytesIO()
    nx.write_gexf(flat, buffer, encoding="utf-8", prettyprint=True, version="1.2draft")
    # networkx stamps today's date; the newest date of the graph keeps builds identical.
    newest = max(first.values(), default="1970-01-01")
    data = _MODIFIED.sub(f'lastmodifieddate="{newest}"'.encode(), buffer.getvalue(), count=1)
    write_bytes_atomic(path, data)
