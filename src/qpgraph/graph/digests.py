"""Digests of a graph's parts, and what changed between two graphs.

The parts are the nodes (a node's data; its *face*, what the pages of others
show of it: type, name, the article of an event, an event's kind and date, an
article's sentences) and
the pairs of nodes joined by edges (the edges from one to the other, keys and
data; and apart, which relations join them). A build keeps the digests of the
graph it wrote (beside the site's state, ``qpgraph.site.reuse``); the next one
compares them with its own, renders again
the pages and the exported items of the parts that changed, and takes every
other one from what the last build wrote.

>>> old = Graph(); old.add_nodes_from([("a", {"name": "A"}), ("b", {"name": "B"}), ("c", {"name": "C"})])
>>> _ = old.add_edge("a", "b", "holds:x:0", relation="holds")
>>> new = old.copy(); new.nodes["b"]["name"] = "Bé"; _ = new.add_edge("b", "a", "holds:y:0", relation="holds")
>>> change = compare(graph_digests(old), graph_digests(new))
>>> sorted(change.changed), sorted(change.looks), sorted(change.touched), sorted(change.pairs)
(['b'], ['b'], ['a', 'b'], [('b', 'a')])
>>> change.node_was.tolist(), change.pair_was.tolist()  # what is as it was, and where it was
([-1, -1, 2], [0, -1])
>>> _ = new.add_edge("a", "b", "holds:y:0", relation="holds")  # one more edge of a relation that joined them
>>> change = compare(graph_digests(old), graph_digests(new))
>>> sorted(change.pairs), sorted(change.relations)
([('a', 'b'), ('b', 'a')], [('b', 'a')])
"""

from __future__ import annotations

import hashlib
from array import array
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import orjson

from .tables import Graph

__all__ = ["GraphDigests", "Comparison", "graph_digests", "compare"]

#: What a node looks like on the pages of others (an article's: also the sentences
#: they quote).
FACE = ("type", "name", "article", "kind", "date", "sentences")


@dataclass
class GraphDigests:
    """8-byte digests of the compact JSON of a graph's parts, in graph order, as arrays
    (20 MB for a graph of 70,000 nodes and 660,000 edges)."""

    #: Every node, in graph order.
    nodes: list[str]
    #: Per node: the digest of its data and of its face (two uint64).
    node_digests: np.ndarray
    #: Per pair of nodes joined by edges, in graph order (a node's successors in
    #: turn): its two nodes (indices into ``nodes``), the digest of the edges from
    #: the first to the second, and the digest of their relations.
    pair_ends: np.ndarray
    pair_digests: np.ndarray
    pair_relations: np.ndarray

    def key(self) -> str:
        """A digest of the whole graph."""
        digest = hashlib.blake2b(digest_size=16)
        digest.update("\x1f".join(self.nodes).encode())
        for part in (self.node_digests, self.pair_ends, self.pair_digests, self.pair_relations):
            digest.update(np.ascontiguousarray(part).tobytes())
        return digest.hexdigest()


def graph_digests(graph: Graph, last: GraphDigests | None = None, dirty: set[str] | None = None) -> GraphDigests:
    """The digests of ``graph``; with the ``last`` graph's and the nodes that may have
    changed since (``dirty``: every other node has the data and the edges to its
    successors it had), only those of ``dirty`` nodes are made again, and of their
    pairs only those with another dirty node (the edges between two nodes change
    only with both dirty: a ministry's thousands of pairs with articles are taken)."""
    blake2b, dumps = hashlib.blake2b, orjson.dumps  # any value that is not JSON as its repr
    nodes, succ = graph.nodes_table, graph.succ_table
    index = {node: i for i, node in enumerate(nodes)}
    old_index: dict[str, int] = {}
    if last is None or dirty is None:
        todo: Iterable[str] = nodes
        taken = np.zeros(0, np.int64)
    else:
        old_index = {node: i for i, node in enumerate(last.nodes)}
        todo = [node for node in nodes if node in dirty or node not in old_index]
        done = set(todo)
        taken = np.fromiter((old_index[node] for node in nodes if node not in done), np.int64)
    rows = np.fromiter((index[node] for node in todo), np.int64)
    node_digests = bytearray()
    ends = array("I")
    pair_digests = bytearray()
    pair_relations = bytearray()
    for node in todo:
        data = nodes[node]
        node_digests += blake2b(dumps(data, default=repr), digest_size=8).digest()
        node_digests += blake2b(dumps([data.get(key) for key in FACE], default=repr), digest_size=8).digest()
        here = index[node]
        had = _last_pairs(last, old_index[node]) if last is not None and node in old_index else {}
        for v, edges in succ[node].items():
            ends.append(here)
            ends.append(index[v])
            row = had.get(old_index[v], -1) if had and dirty is not None and v not in dirty and v in old_index else -1
            if row >= 0:  # as it was
                pair_digests += last.pair_digests[row].tobytes()  # type: ignore[union-attr]
                pair_relations += last.pair_relations[row].tobytes()  # type: ignore[union-attr]
                continue
            pair_digests += blake2b(dumps(edges, default=repr), digest_size=8).digest()
            pair_relations += blake2b(dumps(sorted({str(d.get("relation")) for d in edges.values()})),
                                      digest_size=8).digest()
    made = GraphDigests(list(index), np.frombuffer(bytes(node_digests), np.uint64).reshape(-1, 2),
                        np.frombuffer(ends.tobytes(), np.uint32).reshape(-1, 2),
                        np.frombuffer(bytes(pair_digests), np.uint64), np.frombuffer(bytes(pair_relations), np.uint64))
    if last is None or dirty is None:
        return made
    # The digests of the other nodes and of their pairs, taken from the last graph.
    moved = np.fromiter((index.get(node, -1) for node in last.nodes), np.int64, len(last.nodes))
    node_rows = np.empty((len(index), 2), np.uint64)
    node_rows[rows] = made.node_digests
    node_rows[moved[taken]] = last.node_digests[taken]
    still = np.zeros(len(last.nodes), bool)
    still[taken] = True
    kept = still[last.pair_ends[:, 0]]
    pair_ends = np.vstack([made.pair_ends.astype(np.int64), moved[last.pair_ends[kept].astype(np.int64)]])
    pair_digests_all = np.concatenate([made.pair_digests, last.pair_digests[kept]])
    relations_all = np.concatenate([made.pair_relations, last.pair_relations[kept]])
    order = np.argsort(pair_ends[:, 0], kind="stable")  # a node's pairs stay in its successors' order
    return GraphDigests(list(index), node_rows, pair_ends[order].astype(np.uint32), pair_digests_all[order],
                        relations_all[order])


def _last_pairs(last: GraphDigests, node: int) -> dict[int, int]:
    """The pairs of the ``last`` graph from its node ``node``: target → row (the pairs
    are in the order of their first node)."""
    first = last.pair_ends[:, 0]
    lo, hi = np.searchsorted(first, node, "left"), np.searchsorted(first, node, "right")
    return {int(v): lo + k for k, v in enumerate(last.pair_ends[lo:hi, 1].tolist())}


@dataclass
class Comparison:
    """What changed from an old graph to a new one."""

    #: Nodes whose data changed, or that are new.
    changed: set[str]
    #: Nodes whose face changed.
    looks: set[str]
    #: The nodes of every pair whose edges changed, or that is joined now, or no more.
    touched: set[str]
    #: Those pairs, as (source, target).
    pairs: set[tuple[str, str]]
    #: Those of them whose relations changed (a relation joins them now, or no more).
    relations: set[tuple[str, str]]
    #: Per new node: its index in the old graph if its data and the edges of every
    #: pair it is in are unchanged, else -1.
    node_was: np.ndarray
    #: Per new pair: its index in the old graph if its edges are unchanged, else -1.
    pair_was: np.ndarray


def compare(old: GraphDigests, new: GraphDigests) -> Comparison:
    where = {node: i for i, node in enumerate(old.nodes)}
    # Each new node's index in the old graph, or -1 (which reads the extra last row below).
    was = np.fromiter((where.get(node, -1) for node in new.nodes), np.int64, len(new.nodes))
    before = np.vstack([old.node_digests, np.zeros((1, 2), np.uint64)])[was]
    known = was >= 0
    changed = ~known | (before[:, 0] != new.node_digests[:, 0])
    looks = known & (before[:, 1] != new.node_digests[:, 1])

    # A pair by the old indices of its nodes, as one number; a pair with a new node has none.
    old_keys = _pair_keys(old.pair_ends.astype(np.int64))
    ends = was[new.pair_ends.astype(np.int64)]
    both = (ends >= 0).all(axis=1)
    new_keys = _pair_keys(np.where(both[:, None], ends, 0))
    order = np.argsort(old_keys)
    sorted_keys, sorted_digests = np.append(old_keys[order], 0), np.append(old.pair_digests[order], 0)
    at = np.searchsorted(sorted_keys[:-1], new_keys)  # len(old_keys) where not found: the extra 0
    found = both & (sorted_keys[at] == new_keys)
    same = found & (sorted_digests[at] == new.pair_digests)
    same_relations = found & (np.append(old.pair_relations[order], 0)[at] == new.pair_relations)
    gone = ~np.isin(old_keys, new_keys[both])

    names, old_names = _objects(new.nodes), _objects(old.nodes)
    pairs = set(zip(*(names[new.pair_ends[~same]].T.tolist()), strict=True))
    gone_pairs = set(zip(*(old_names[old.pair_ends[gone]].T.tolist()), strict=True))
    pairs |= gone_pairs
    relations = set(zip(*(names[new.pair_ends[~same_relations]].T.tolist()), strict=True)) | gone_pairs
    touched = {node for pair in pairs for node in pair}
    touched_new = np.zeros(len(new.nodes), bool)
    touched_new[new.pair_ends[~same].ravel()] = True
    gone_ends = old_names[old.pair_ends[gone].ravel()].tolist()
    if gone_ends:
        position = {node: i for i, node in enumerate(new.nodes)}
        touched_new[[position[node] for node in set(gone_ends) if node in position]] = True
    pair_was = np.full(len(new_keys), -1, np.int64)
    pair_was[same] = order[at[same]]
    return Comparison(
        changed=set(names[changed].tolist()), looks=set(names[looks].tolist()), touched=touched, pairs=pairs,
        relations=relations,
        node_was=np.where(changed | touched_new, -1, was), pair_was=pair_was,
    )


def _objects(items: list[str]) -> np.ndarray:
    """The items as a one-dimensional array of objects (whatever they are)."""
    array = np.empty(len(items), dtype=object)
    array[:] = items
    return array


def _pair_keys(ends: np.ndarray) -> np.ndarray:
    """Pairs of node indices as numbers: ``u << 32 | v``."""
    return (ends[:, 0].astype(np.uint64) << np.uint64(32)) | ends[:, 1].astype(np.uint64)
