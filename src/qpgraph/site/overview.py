"""The whole graph on WebGL (``overview.html``): every node and every pair of nodes,
drawn by sigma.js (vendored in ``assets/``, see ``assets/VENDORED.md``).

The positions are computed here, at build time, in time that grows with the edges:
the largest joined group of the most connected nodes (``ANCHORS``) is laid out by
networkx's spring layout on the edges between them; every other node is placed
near the middle of its neighbours already placed (the most connected first), at a
deterministic jitter of up to half the distance between two anchors; what is
joined to nothing placed goes on a ring just outside. graph.html draws the same
positions (vis-network, physics off) past the size it lays out in the browser.
The page reads the graph from ``overview-data.js`` (a page opened from ``file://``
cannot fetch JSON), in columns: ids, labels, types, positions, sizes, first dates,
provinces, pages and (of units) levels of the nodes; ends, relations and dates of the edges, the
parallel edges of one relation as one (its earliest date).
"""

from __future__ import annotations

import hashlib
import math
from typing import Any, Protocol

import networkx as nx
import orjson

from ..graph.build import RELATIONS
from ..graph.dates import date_start
from ..graph.hierarchy import LEVELS, body_level
from ..graph.tables import Graph

__all__ = ["ANCHORS", "layout", "overview_data", "overview_script"]

#: The nodes laid out by the spring layout (networkx's, dense below 500 nodes).
ANCHORS = 400
TYPES = ("article", "event", "person", "province", "unit")


class Site(Protocol):
    g: Graph

    def href(self, node: str, root: str) -> str | None: ...
    def article_href(self, article: str, root: str) -> str: ...
    def provinces_of(self, node: str) -> list[str]: ...
    def article_headline(self, article: str) -> str: ...


def _neighbours(graph: Graph) -> dict[str, set[str]]:
    near: dict[str, set[str]] = {node: set() for node in graph.nodes_table}
    for u, successors in graph.succ_table.items():
        for v in successors:
            if u != v:
                near[u].add(v)
                near[v].add(u)
    return near


def _jitter(node: str) -> tuple[float, float]:
    """Two numbers in [0, 1) of a node's id: the same node, the same place."""
    digest = hashlib.blake2b(node.encode(), digest_size=8).digest()
    return int.from_bytes(digest[:4], "big") / 2**32, int.from_bytes(digest[4:], "big") / 2**32


def layout(graph: Graph) -> dict[str, tuple[float, float]]:
    """Positions of every node (see the module's text); the same graph, the same positions."""
    near = _neighbours(graph)
    order = sorted(near, key=lambda n: (-len(near[n]), n))
    hubs = nx.Graph()
    hubs.add_nodes_from(order[:ANCHORS])
    hubs.add_edges_from((u, v) for u in hubs for v in near[u] if v in hubs and u < v)
    # The largest group of joined anchors by the spring layout; the other anchors are
    # placed by their neighbours like every other node (alone, the spring layout would
    # fling them to its edge and squeeze the rest into its middle).
    core = max(nx.connected_components(hubs), key=lambda c: (len(c), min(c)), default=set())
    spread = 100.0 * math.sqrt(len(near) + 1)
    spacing = spread / math.sqrt(len(core) + 1)  # about the distance between two anchors
    placed: dict[str, tuple[float, float]] = {
        node: (float(x), float(y))
        for node, (x, y) in nx.spring_layout(hubs.subgraph(core), seed=7, iterations=80, scale=spread).items()}
    for _ in range(3):  # the neighbours of what is placed, then theirs
        for node in order:
            if node in placed:
                continue
            around = [placed[v] for v in near[node] if v in placed]
            if around:
                a, b = _jitter(node)
                radius = spacing * (0.1 + 0.5 * math.sqrt(a))
                placed[node] = (sum(p[0] for p in around) / len(around) + radius * math.cos(2 * math.pi * b),
                                sum(p[1] for p in around) / len(around) + radius * math.sin(2 * math.pi * b))
    rest = [node for node in order if node not in placed]
    ring = 1.1 * max((math.hypot(x, y) for x, y in placed.values()), default=spread)
    for k, node in enumerate(rest):
        angle = 2 * math.pi * k / max(len(rest), 1)
        placed[node] = (ring * math.cos(angle), ring * math.sin(angle))
    return {node: (round(x, 1), round(y, 1)) for node, (x, y) in placed.items()}


def overview_data(site: Site) -> dict[str, Any]:
    """What overview.html draws, in columns (see the module's text)."""
    g = site.g
    nodes = list(g.nodes_table)
    index = {node: i for i, node in enumerate(nodes)}
    where = layout(g)
    edges: dict[tuple[int, int, int], str] = {}
    first: list[str] = [""] * len(nodes)
    relation_index = {r: k for k, r in enumerate(RELATIONS)}
    days: dict[str | None, str] = {}  # a date → its first day (few dates, many edges)
    for u, successors in g.succ_table.items():
        i = index[u]
        for v, keys in successors.items():
            j = index[v]
            for data in keys.values():
                date = data.get("date")
                day = days.get(date)
                if day is None:
                    day = days[date] = date_start(date) or ""
                key = (i, j, relation_index.get(data["relation"], len(RELATIONS)))
                if key not in edges or (day and (not edges[key] or day < edges[key])):
                    edges[key] = day
                if day:
                    for end in (i, j):
                        if not first[end] or day < first[end]:
                            first[end] = day
    provinces = sorted({d["name"] for d in g.nodes_table.values() if d["type"] == "province"})
    province_index = {p: k for k, p in enumerate(provinces)}
    degree = [0] * len(nodes)
    for s, t, _ in edges:
        degree[s] += 1
        degree[t] += 1
    data = [g.nodes_table[n] for n in nodes]
    return {
        "types": TYPES, "relations": [*RELATIONS, "other"], "provinces": provinces, "levels": LEVELS,
        "nodes": {
            "id": nodes, "label": [_label(site, n, d) for n, d in zip(nodes, data, strict=True)],
            "type": [TYPES.index(d["type"]) for d in data],
            "x": [where[n][0] for n in nodes], "y": [where[n][1] for n in nodes],
            "size": [round(min(1.5 + 0.5 * math.sqrt(k), 10.0), 1) for k in degree], "first": first,
            "provinces": [[province_index[p] for p in site.provinces_of(n) if p in province_index] for n in nodes],
            "href": [_href(site, n, d) for n, d in zip(nodes, data, strict=True)],
            "level": [body_level(n) if d["type"] == "unit" else -1 for n, d in zip(nodes, data, strict=True)],
        },
        "edges": {"source": [k[0] for k in edges], "target": [k[1] for k in edges],
                  "relation": [k[2] for k in edges], "date": list(edges.values())},
    }


def _label(site: Site, node: str, data: dict[str, Any]) -> str:
    """A node's label: its name; an article's headline."""
    return site.article_headline(node.partition(":")[2]) if data["type"] == "article" else str(data["name"])


def _href(site: Site, node: str, data: dict[str, Any]) -> str:
    return site.href(node, "") or (site.article_href(data["article"], "") if data.get("article") else "")


def overview_script(data: dict[str, Any]) -> bytes:
    r"""``overview-data.js``: the data as a script that sets ``window.QP_OVERVIEW``, as a
    string given to ``JSON.parse`` (a browser reads a JSON string many times faster
    than an object literal of the same size: 12 MB in well under a second, not 15 s).

    >>> print(overview_script({"label": ["it's", "a\\b"]}).decode(), end="")
    window.QP_OVERVIEW = JSON.parse('{"label":["it\'s","a\\\\b"]}');
    """
    text = orjson.dumps(data).replace(b"\\", b"\\\\").replace(b"'", b"\\'")
    return b"window.QP_OVERVIEW = JSON.parse('" + text + b"');\n"
