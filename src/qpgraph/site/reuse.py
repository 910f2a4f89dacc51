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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path

import networkx as nx
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
    """Digests of what every page of a site shows (see the module's text)."""

    code: str
    #: node → (digest of its data, digest of its look from outside)
    nodes: dict[str, tuple[int, int]]
    #: (u, v) → digest of the edges from u to v
    pairs: dict[tuple[str, str], int]
    #: node with more neighbours than its page draws → the nodes its page draws
    crowded: dict[str, tuple[str, ...]]
    #: article id → key of its records
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


def _digest(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def _dumps(value: object) -> bytes:
    return orjson.dumps(value, default=repr)


def site_state(graph: nx.MultiDiGraph, articles: dict[str, str], degree: dict[str, int] | None = None) -> SiteState:
    """The state of the site of ``graph``; ``articles`` maps an article's id to its records' key."""
    degree = degree if degree is not None else dict(graph.degree())
    nodes: dict[str, tuple[int, int]] = {}
    pairs: dict[tuple[str, str], int] = {}
    crowded: dict[str, tuple[str, ...]] = {}
    for node, data in graph._node.items():
        face = [data.get(key) for key in _FACE]
        nodes[node] = (_digest(_dumps(data)), _digest(_dumps(face)))
        for v, edges in graph._succ[node].items():
            pairs[(node, v)] = _digest(_dumps(edges))
        if _has_page(data) and len(graph._succ[node].keys() | graph._pred[node].keys()) >= ego.MAX_EGO:
            crowded[node] = tuple(ego.ego_nodes(graph, node, degree))
    return SiteState(code_key(), nodes, pairs, crowded, dict(articles))


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
    changed: set[str] = set()   # nodes whose data changed
    looks: set[str] = set()     # nodes that look different from outside
    for node, (data, face) in new.nodes.items():
        was = old.nodes.get(node)
        if was is None or was[0] != data:
            changed.add(node)
        if was is not None and was[1] != face:
            looks.add(node)
    # Nodes whose edges changed: the ends of every pair of nodes whose edges did.
    touched: set[str] = set()
    for pair, digest in new.pairs.items():
        if old.pairs.get(pair) != digest:
            touched.update(pair)
    for pair in old.pairs.keys() - new.pairs.keys():
        touched.update(pair)
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


def read_state(path: Path) -> SiteState | None:
    """The state kept at ``path``, or None if there is none or it cannot be read."""
    try:
        state = pickle.loads(path.read_bytes())
    except Exception:  # a missing or damaged state renders every page, never a wrong one
        return None
    return state if isinstance(state, SiteState) else None


def write_state(path: Path, state: SiteState) -> None:
    write_bytes_atomic(path, pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL))
