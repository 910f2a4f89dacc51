"""Which pages of the last site are still right, so that a build renders only the others.

A page shows a small part of the graph. A person's or unit's page: its node's
data and edges (its timeline, its sources), what its neighbours look like from
outside (type, name, the article of an event, an event's kind and date), the
names of those at the meetings it took part in, and its most connected
neighbours with the edges between them (:func:`~qpgraph.site.ego.ego_nodes`).
An article's page: the article's records, its node's edges, and what its
neighbours look like.

The :class:`SiteState` of a site keeps digests of those parts: per node, of its
data and of its look from outside; per pair of nodes, of the edges from one to
the other; the neighbours each crowded page draws; the key of each article's
records. :func:`stale_pages` compares the state of the last site with the one
of the graph at hand and names the pages to render again; every other page is
byte for byte what it would be rendered. A change to qpgraph's code, templates
or data files, or to a package that renders pages, makes every page stale.
"""

from __future__ import annotations

import hashlib
import pickle
from array import array
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import networkx as nx
import numpy as np
import orjson

from .. import __version__
from ..atomic import write_bytes_atomic
from . import ego

__all__ = ["SiteState", "site_state", "stale_pages", "read_state", "write_state", "code_key"]

#: What a node looks like on the pages of others.
_FACE = ("type", "name", "article", "kind", "date")
#: Packages whose output is part of a page.
_RENDERERS = ("jinja2", "markupsafe", "orjson", "pyvis", "spacy")
#: The files of qpgraph that make pages (and the graph they show).
_SUFFIXES = (".py", ".yaml", ".json", ".j2", ".css", ".js")


@dataclass
class SiteState:
    """Digests of what every page of a site shows (see the module's text), as
    arrays: a 10,000-article site's state takes 20 MB, not 170."""

    code: str
    #: Every node, in graph order.
    nodes: list[str]
    #: Per node: the digest of its data and of its look from outside (two uint64).
    node_digests: np.ndarray
    #: Per pair of nodes joined by edges, in graph order: the two nodes (indices into
    #: ``nodes``), and the digest of the edges from the first to the second.
    pair_ends: np.ndarray
    pair_digests: np.ndarray
    #: Node with more neighbours than its page draws → the nodes its page draws.
    crowded: dict[str, tuple[str, ...]]
    #: Article id → key of its records.
    articles: dict[str, str]


@cache
def code_key() -> str:
    """A digest of qpgraph's code, templates and data files, and of the versions of
    the packages whose output is part of a page."""
    digest = hashlib.sha256(__version__.encode())
    for name in _RENDERERS:
        digest.update(f"{name}={metadata.version(name)}".encode())
    root = Path(str(resources.files("qpgraph")))
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _SUFFIXES:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def site_state(graph: nx.MultiDiGraph, articles: dict[str, str], degree: dict[str, int] | None = None) -> SiteState:
    """The state of the site of ``graph``; ``articles`` maps an article's id to its records' key."""
    degree = degree if degree is not None else dict(graph.degree())
    blake2b, dumps = hashlib.blake2b, orjson.dumps  # 8-byte digests of compact JSON (anything else as its repr)
    index = {node: i for i, node in enumerate(graph._node)}
    node_digests = bytearray()
    ends = array("I")
    pair_digests = bytearray()
    crowded: dict[str, tuple[str, ...]] = {}
    succ, pred = graph._succ, graph._pred
    for node, data in graph._node.items():
        node_digests += blake2b(dumps(data, default=repr), digest_size=8).digest()
        node_digests += blake2b(dumps([data.get(key) for key in _FACE], default=repr), digest_size=8).digest()
        here = index[node]
        for v, edges in succ[node].items():
            ends.append(here)
            ends.append(index[v])
            pair_digests += blake2b(dumps(edges, default=repr), digest_size=8).digest()
        if _has_page(data) and len(succ[node].keys() | pred[node].keys()) >= ego.MAX_EGO:
            crowded[node] = tuple(ego.ego_nodes(graph, node, degree))
    return SiteState(
        code=code_key(), nodes=list(index), node_digests=np.frombuffer(bytes(node_digests), np.uint64).reshape(-1, 2),
        pair_ends=np.frombuffer(ends.tobytes(), np.uint32).reshape(-1, 2),
        pair_digests=np.frombuffer(bytes(pair_digests), np.uint64), crowded=crowded, articles=dict(articles),
    )


def _has_page(data: dict[str, object]) -> bool:
    return data.get("type") in ("person", "unit")


def _neighbours(graph: nx.MultiDiGraph, node: str) -> Iterable[str]:
    yield from graph._succ[node]
    yield from graph._pred[node]


def stale_pages(old: SiteState | None, new: SiteState, graph: nx.MultiDiGraph,
                degree: dict[str, int] | None = None) -> set[str] | None:
    """The nodes (persons, units, articles) whose pages must be rendered again, or
    None when every page must (no state, or other code)."""
    if old is None or old.code != new.code:
        return None
    degree = degree if degree is not None else dict(graph.degree())
    changed, looks, touched = _differences(old, new)
    touched &= graph._node.keys()

    stale = changed | touched
    stale.update(f"article:{aid}" for aid, key in new.articles.items() if old.articles.get(aid) != key)
    # Pages that show a node's look: its neighbours', and through an event, its participants'.
    for node in looks:
        for other in _neighbours(graph, node):
            stale.add(other)
            if graph._node[other].get("type") == "event":
                stale.update(_neighbours(graph, other))
    # A meeting's participants changed: the pages of all who were there list them.
    for node in touched:
        if graph._node[node].get("type") == "event":
            stale.update(_neighbours(graph, node))
    # The small graphs of other pages: who they draw (by degree, which the edges
    # changed), and the edges between two of those drawn.
    for node in {other for t in touched for other in _neighbours(graph, t)} - stale:
        if not _has_page(graph._node[node]):
            continue
        drawn = ego.ego_nodes(graph, node, degree)
        if (node in old.crowded or node in new.crowded) and old.crowded.get(node) != tuple(drawn):
            stale.add(node)
        elif sum(other in touched for other in drawn) >= 2:
            stale.add(node)
    return stale


def _differences(old: SiteState, new: SiteState) -> tuple[set[str], set[str], set[str]]:
    """The nodes whose data changed (or that are new), those that look different from
    outside, and the ends of every pair of nodes whose edges changed (or that are
    joined now, or no more)."""
    where = {node: i for i, node in enumerate(old.nodes)}
    # Each new node's index in the old state, or -1; -1 reads the extra last row below.
    was = np.fromiter((where.get(node, -1) for node in new.nodes), np.int64, len(new.nodes))
    before = np.vstack([old.node_digests, np.zeros((1, 2), np.uint64)])[was]
    known = was >= 0
    changed = ~known | (before[:, 0] != new.node_digests[:, 0])
    looks = known & (before[:, 1] != new.node_digests[:, 1])

    # A pair by the old indices of its ends, as one number; a pair with a new end has none.
    old_keys = _pair_keys(old.pair_ends.astype(np.int64))
    ends = was[new.pair_ends.astype(np.int64)]
    both = (ends >= 0).all(axis=1)
    new_keys = _pair_keys(np.where(both[:, None], ends, 0))
    order = np.argsort(old_keys)
    sorted_keys, sorted_digests = np.append(old_keys[order], 0), np.append(old.pair_digests[order], 0)
    at = np.searchsorted(sorted_keys[:-1], new_keys)  # len(old_keys) where not found: the extra 0
    same = both & (sorted_keys[at] == new_keys) & (sorted_digests[at] == new.pair_digests)
    gone = ~np.isin(old_keys, new_keys[both])

    names = np.array(new.nodes, dtype=object)
    touched = set(names[new.pair_ends[~same].ravel()].tolist())
    touched.update(np.array(old.nodes, dtype=object)[old.pair_ends[gone].ravel()].tolist())
    return set(names[changed].tolist()), set(names[looks].tolist()), touched


def _pair_keys(ends: np.ndarray) -> np.ndarray:
    """Pairs of node indices as numbers: ``u << 32 | v``."""
    return (ends[:, 0].astype(np.uint64) << np.uint64(32)) | ends[:, 1].astype(np.uint64)


def read_state(path: Path) -> SiteState | None:
    """The state kept at ``path``, or None if there is none or it cannot be read."""
    try:
        state = pickle.loads(path.read_bytes())
    except Exception:  # a missing or damaged state renders every page, never a wrong one
        return None
    return state if isinstance(state, SiteState) else None


def write_state(path: Path, state: SiteState) -> None:
    write_bytes_atomic(path, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
