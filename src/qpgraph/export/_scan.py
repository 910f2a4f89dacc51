"""What the XML writers read of the whole graph before they write a line of it.

GraphML and GEXF declare their attributes before the graph, so both need the
distinct signatures of the nodes' and of the edges' attributes (``_layout``),
and GEXF the types of the edges' keys and each node's first start (the first
date of its edges). :func:`scan` reads them once for both formats.

A build keeps what it found in each node and each pair of nodes (a file in the
exports' folder, ``Keep.folder``). The next build takes that for every node and
pair that did not change since (``Keep.change``: the same data, the same edges)
and reads only the others; what it finds is what a full read finds.
"""

from __future__ import annotations

import pickle
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import compress
from typing import Any

import networkx as nx
import numpy as np

from ..atomic import write_bytes_atomic
from ..graph.dates import date_start
from ._items import Keep, pairs
from ._layout import Signature, Signatures, signature

__all__ = ["Scan", "scan", "start_of"]

#: An edge's start from its date (a graph has few distinct dates).
start_of = lru_cache(maxsize=1 << 16)(date_start)

#: The file a build keeps its scan in, in ``Keep.folder``.
_FILE = "scan"


@dataclass
class Scan:
    """The distinct signatures of the nodes' and the edges' attributes, the types
    of the edges' keys, and each node's first start (if an edge of it has a date)."""

    nodes: Signatures
    edges: Signatures
    key_types: set[type]
    first: dict[Any, str]


@dataclass
class _Found:
    """What a scan found in each node and pair, in graph order, as the next build takes it."""

    #: The graph scanned (``Keep.graph``).
    graph: str
    #: Every signature seen, by its number.
    signatures: list[Signature] = field(default_factory=list)
    #: What a pair holds: the numbers of its edges' signatures, and its keys' types.
    bags: list[tuple[frozenset[int], frozenset[type]]] = field(default_factory=list)
    #: Per node: its signature's number, and its first start.
    node_signature: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    first: list[str | None] = field(default_factory=list)
    #: Per pair: its bag's number.
    pair_bag: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))

    def __post_init__(self) -> None:
        self._numbers = {sig: n for n, sig in enumerate(self.signatures)}
        self._bag_numbers = {bag: n for n, bag in enumerate(self.bags)}

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if not k.startswith("_")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def number(self, data: dict[str, Any]) -> int:
        sig = signature(data)
        n = self._numbers.get(sig)
        if n is None:
            n = self._numbers[sig] = len(self.signatures)
            self.signatures.append(sig)
        return n

    def bag(self, edges: dict[Any, dict[str, Any]]) -> int:
        held = (frozenset(self.number(data) for data in edges.values()), frozenset(map(type, edges)))
        n = self._bag_numbers.get(held)
        if n is None:
            n = self._bag_numbers[held] = len(self.bags)
            self.bags.append(held)
        return n


def scan(graph: nx.MultiDiGraph, keep: Keep | None = None) -> Scan:
    """Read ``graph`` for the XML writers; with ``keep``, what the last build found in
    the nodes and pairs that did not change is taken, and what this one finds is kept."""
    key = "" if keep is None else keep.graph
    last = _last(keep)
    if last is not None and keep is not None and keep.change is not None:
        found = _update(graph, key, last, keep.change.node_was, keep.change.pair_was)
    else:
        found = _full(graph, key)
    if keep is not None:
        write_bytes_atomic(keep.folder / _FILE, pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    return _summed(graph, found)


def _last(keep: Keep | None) -> _Found | None:
    """What the last build found, if it scanned the graph ``keep.change`` compares with."""
    if keep is None or keep.change is None or keep.last is None:
        return None
    try:
        last = pickle.loads((keep.folder / _FILE).read_bytes())
    except Exception:  # none, or damaged: the graph is read whole
        return None
    if not isinstance(last, _Found) or last.graph != keep.last:
        return None
    return last


def _full(graph: nx.MultiDiGraph, key: str) -> _Found:
    found = _Found(key)
    signatures = [found.number(data) for data in graph._node.values()]
    bags: list[int] = []
    first: dict[Any, str] = {}
    for u, v, edges in pairs(graph):
        bags.append(found.bag(edges))
        for data in edges.values():
            start = start_of(data.get("date"))
            if start is not None:
                if (earliest := first.get(u)) is None or start < earliest:
                    first[u] = start
                if (earliest := first.get(v)) is None or start < earliest:
                    first[v] = start
    found.node_signature, found.pair_bag = np.array(signatures, np.int32), np.array(bags, np.int32)
    found.first = [first.get(node) for node in graph._node]
    return found


def _update(graph: nx.MultiDiGraph, key: str, last: _Found, node_was: np.ndarray, pair_was: np.ndarray) -> _Found:
    """What ``last`` found in the nodes and pairs as they were (``node_was`` and
    ``pair_was``: each one's index in the last graph, or -1), the others read."""
    found = _Found(key, last.signatures, last.bags)
    node_was, pair_was = np.asarray(node_was, np.int64), np.asarray(pair_was, np.int64)
    # Index -1 reads the extra last entry, overwritten below.
    signatures = np.append(last.node_signature, -1).astype(np.int32)[node_was]
    old_first = [*last.first, None]
    first = [old_first[was] for was in node_was.tolist()]
    fresh = node_was < 0
    for k, node in zip(np.flatnonzero(fresh).tolist(), compress(graph._node, fresh.tolist()), strict=True):
        signatures[k] = found.number(graph._node[node])
        first[k] = _first(graph, node)
    bags = np.append(last.pair_bag, -1).astype(np.int32)[pair_was]
    fresh = pair_was < 0
    for k, (_u, _v, edges) in zip(np.flatnonzero(fresh).tolist(), compress(pairs(graph), fresh.tolist()), strict=True):
        bags[k] = found.bag(edges)
    found.node_signature, found.first, found.pair_bag = signatures, first, bags
    return found


def _first(graph: nx.MultiDiGraph, node: Any) -> str | None:
    """The first start of a node's edges, out and in."""
    starts = [start for around in (graph._succ[node], graph._pred[node]) for edges in around.values()
              for data in edges.values() if (start := start_of(data.get("date"))) is not None]
    return min(starts, default=None)


def _summed(graph: nx.MultiDiGraph, found: _Found) -> Scan:
    nodes, edges = Signatures(), Signatures()
    for n in np.unique(found.node_signature).tolist():
        nodes.add_signature(found.signatures[n])
    key_types: set[type] = set()
    for b in np.unique(found.pair_bag).tolist():
        numbers, types = found.bags[b]
        for n in sorted(numbers):
            edges.add_signature(found.signatures[n])
        key_types |= types
    first = {node: start for node, start in zip(graph._node, found.first, strict=True) if start is not None}
    return Scan(nodes, edges, key_types, first)
