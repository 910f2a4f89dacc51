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
the other, and of their relations; the neighbours each crowded page draws; the
key of each article's records; per unit, of the tenures of each holder of a title
held one at a time. :func:`stale_pages` compares the state of the last site with
the one of the graph at hand and names the pages to render again; every other page is
byte for byte what it would be rendered. A change to qpgraph's code, templates
or data files, or to a package that renders pages, makes every page stale.
"""

from __future__ import annotations

import hashlib
import pickle
import platform
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import metadata, resources
from pathlib import Path
from typing import Any

import numpy as np

from .. import plainpickle
from ..atomic import write_bytes_atomic
from ..collector import paused
from ..graph.digests import Comparison, GraphDigests, compare, graph_digests
from ..graph.ids import node_id
from ..graph.knowledge import KnowledgeGraph
from ..graph.tables import Graph, related
from ..graph.tenure import single_title, tenures
from ..records import ArticleRecords
from ..store import article_key
from ..version import __version__
from . import ego

__all__ = ["SiteState", "Reuse", "take_last", "articles_of", "build_key", "plan", "site_state", "stale_pages",
           "read_state", "write_state", "code_key", "holder_digests"]

#: Packages whose output is part of a page or of the graph.
_PACKAGES = ("jinja2", "markupsafe", "networkx", "orjson", "pyvis", "spacy", "vietnamadminunits")
#: The files of qpgraph that make pages (and the graph they show).
_SUFFIXES = (".py", ".yaml", ".json", ".j2", ".css", ".js")


@dataclass
class SiteState:
    """What the pages of a site show (see the module's text)."""

    code: str
    graph: GraphDigests
    #: Node with more neighbours than its page draws → the nodes its page draws.
    crowded: dict[str, tuple[str, ...]]
    #: Article id → key of its records.
    articles: dict[str, str]
    #: Unit → each holder of a title there held one at a time → a digest of their
    #: tenures of such titles (another holder's report may end one: :func:`holder_digests`).
    holders: dict[str, dict[str, str]]

    def key(self) -> str:
        return build_key(self.code, self.articles)


@cache
def code_key() -> str:
    """A digest of qpgraph's code, templates and data files, and of the versions of
    Python and of the packages whose output is part of a page or of the graph."""
    digest = hashlib.sha256(f"{__version__} {platform.python_version()}".encode())
    for name in _PACKAGES:
        digest.update(f"{name}={metadata.version(name)}".encode())
    root = Path(str(resources.files("qpgraph")))
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in _SUFFIXES:
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def site_state(graph: Graph, articles: dict[str, str], order: dict[str, int] | None = None,
               last: SiteState | None = None, dirty: set[str] | None = None) -> SiteState:
    """The state of the site of ``graph``; ``articles`` maps an article's id to its records' key.
    With the ``last`` state and the nodes that may have changed since (``dirty``), only
    what those nodes touch is digested again."""
    return _state(graph, articles, order if order is not None else ego.ego_order(graph), last, dirty)[0]


def _state(graph: Graph, articles: dict[str, str], order: dict[str, int], last: SiteState | None,
           dirty: set[str] | None) -> tuple[SiteState, Comparison | None]:
    """:func:`site_state`, and what changed since ``last``'s graph."""
    table, succ, pred = graph.nodes_table, graph.succ_table, graph.pred_table
    if last is None or dirty is None:
        nodes: Iterable[str] = table
        crowded: dict[str, tuple[str, ...]] = {}
        digests = graph_digests(graph)
    else:
        # Who a page draws changes with its neighbours' degrees, which change with their edges.
        near = {other for node in dirty if node in table for other in _neighbours(graph, node)}
        nodes = sorted((near | dirty) & table.keys())
        crowded = {node: drawn for node, drawn in last.crowded.items() if node not in dirty and node not in near}
        digests = graph_digests(graph, last.graph, dirty)
    for node in nodes:
        if _has_page(table[node]) and len(succ[node].keys() | pred[node].keys()) >= ego.MAX_EGO:
            crowded[node] = tuple(ego.ego_nodes(graph, node, order))
    change = compare(last.graph, digests) if last is not None else None
    # The tenures of a unit's titles change with the edges that join it to its holders.
    if last is None or dirty is None or change is None:
        holders, again = {}, [node for node, data in table.items() if data.get("type") == "unit"]
    else:
        again = sorted({end for pair in change.pairs for end in pair
                        if end in table and table[end].get("type") == "unit"})
        holders = {unit: found for unit, found in last.holders.items() if unit in table}
    for unit in again:
        holders.pop(unit, None)
        if found := holder_digests(graph, unit):
            holders[unit] = found
    state = SiteState(code_key(), digests, dict(sorted(crowded.items())), dict(articles), dict(sorted(holders.items())))
    return state, change


def _has_page(data: dict[str, object]) -> bool:
    return data.get("type") in ("person", "unit")


def _provinces_near(graph: Graph, node: str) -> set[str]:
    """The provinces whose pages show ``node``: a unit's (who leads it); those of the
    units a person holds posts in (by name, among those who lead them); those of an
    event's participants' units (the events of a body's holders, with who was there)."""
    kind = graph.nodes_table[node].get("type")
    if kind == "event":
        return {p for person in related(graph.pred_table[node], "participated_in") for p in _provinces_near(graph, person)}
    if kind == "person":
        return {p for unit in related(graph.succ_table[node], "holds") for p in _provinces_near(graph, unit)}
    return set(related(graph.succ_table[node], "in_province")) if kind == "unit" else set()


def _stale_provinces(graph: Graph, change: Comparison) -> set[str]:
    """The provinces whose pages show what changed: who leads their bodies (the
    bodies' own edges, the names at their ends) and the events those holders were at
    (their date, kind and article, and who was there by name). What else changed of a
    person (a mention, an edge's evidence) shows on none of them."""
    table = graph.nodes_table
    stale: set[str] = set()
    for node in (change.changed | change.looks | change.touched) & table.keys():
        kind = table[node].get("type")
        if kind == "unit" or (kind == "event" and node in change.changed):
            stale |= _provinces_near(graph, node)
        elif kind == "person" and node in change.looks:  # named beside its posts and at its events
            stale |= _provinces_near(graph, node)
            stale.update(p for event in related(graph.succ_table[node], "participated_in")
                         for p in _provinces_near(graph, event))
    for person, event in change.relations:  # who was at an event changed
        if event in table and table[event].get("type") == "event":
            stale |= _provinces_near(graph, event)
            if person in table:
                stale |= _provinces_near(graph, person)
    return stale


def holder_digests(graph: Graph, unit: str) -> dict[str, str]:
    """Each holder of a title of ``unit`` that one person holds at a time, and a digest of
    their tenures of those titles (:func:`~qpgraph.graph.tenure.tenures`): what their
    page shows of them, which another holder's report may change (ending a tenure)."""
    digests: dict[str, Any] = {}
    for _, reports in sorted(KnowledgeGraph(graph).reports(unit).items()):  # in the order the pages take them
        if single_title(reports):
            for tenure in tenures(reports, True):
                digests.setdefault(tenure.person, hashlib.blake2b(digest_size=8)).update(
                    tenure.model_dump_json().encode())
    return {person: digest.hexdigest() for person, digest in sorted(digests.items())}


def _neighbours(graph: Graph, node: str) -> Iterable[str]:
    yield from graph.succ_table[node]
    yield from graph.pred_table[node]


def stale_pages(old: SiteState | None, new: SiteState, graph: Graph,
                order: dict[str, int] | None = None, change: Comparison | None = None) -> set[str] | None:
    """The nodes (persons, units, articles) whose pages must be rendered again, or
    None when every page must (no state, or other code); ``change`` is the comparison
    of their graphs, if made already."""
    if old is None or old.code != new.code:
        return None
    order = order if order is not None else ego.ego_order(graph)
    change = change or compare(old.graph, new.graph)
    changed, looks, touched = change.changed, change.looks, change.touched & graph.nodes_table.keys()

    stale = changed | touched
    stale.update(node_id("article", aid) for aid, key in new.articles.items() if old.articles.get(aid) != key)
    # Pages that show a node's look: its neighbours', and through an event, its participants'.
    for node in looks:
        for other in _neighbours(graph, node):
            stale.add(other)
            if graph.nodes_table[other].get("type") == "event":
                stale.update(_neighbours(graph, other))
    # A meeting's participants changed: the pages of all who were there list them.
    for node in touched:
        if graph.nodes_table[node].get("type") == "event":
            stale.update(_neighbours(graph, node))
    # The tenures of a title one person holds at a time changed (a new holder ends the
    # last one's): the pages of the holders whose tenures changed (of another title, only
    # one's own reports count, and one's own page is stale already).
    for unit in old.holders.keys() | new.holders.keys():
        before, now = old.holders.get(unit, {}), new.holders.get(unit, {})
        if before != now:
            stale.update(p for p in before.keys() | now.keys() if before.get(p) != now.get(p) and p in graph.nodes_table)
    stale |= _stale_provinces(graph, change)
    # The small graphs of other pages: who they draw (by degree, which the edges
    # changed), and the relations between two of those drawn (one line each).
    for node in {other for t in touched for other in _neighbours(graph, t)} - stale:
        if not _has_page(graph.nodes_table[node]):
            continue
        drawn = ego.ego_nodes(graph, node, order)
        if (node in old.crowded or node in new.crowded) and old.crowded.get(node) != tuple(drawn):
            stale.add(node)
            continue
        hit = [other for other in drawn if other in touched]
        if any((a, b) in change.relations for a in hit for b in hit):
            stale.add(node)
    return stale


@dataclass
class Reuse:
    """What a build may take from the last one: the last site's state (None if none
    may be used), this site's, what changed between their graphs, and the order in
    which its pages pick the neighbours they draw."""

    last: SiteState | None
    now: SiteState
    change: Comparison | None
    order: dict[str, int]


def take_last(state: Path) -> SiteState | None:
    """The state kept at ``state`` if this code wrote it; the file is removed (until
    the new site is in place there is none)."""
    last = read_state(state)
    state.unlink(missing_ok=True)
    return last if last is not None and last.code == code_key() else None


def articles_of(records: Iterable[ArticleRecords]) -> dict[str, str]:
    """Every article's id and the key of its records (:func:`~qpgraph.store.article_key`)."""
    return {r.article.id: article_key(r.article) for r in records}


def build_key(code: str, articles: dict[str, str]) -> str:
    """A build's graph named by what makes it: the code, and every article's records."""
    digest = hashlib.blake2b(code.encode(), digest_size=16)
    for aid in sorted(articles):
        digest.update(f"{aid}\x1f{articles[aid]}\x1e".encode())
    return digest.hexdigest()


def plan(graph: Graph, articles: dict[str, str], last: SiteState | None,
         dirty: set[str] | None = None) -> Reuse:
    """The state of the site of ``graph`` (``articles`` as :func:`articles_of` gives
    them), and what changed since the ``last`` one; ``dirty``, if known, the nodes
    that may have changed since (every other one is as it was)."""
    order = ego.ego_order(graph)
    now, change = _state(graph, articles, order, last, dirty)
    return Reuse(last, now, change, order)


#: The layout of the state's file: plain data only (read by :mod:`qpgraph.plainpickle`,
#: which runs no code), arrays as their type, shape and bytes.
_STATE_FORMAT = "qpgraph site state 4"

_PlainArray = tuple[str, tuple[int, ...], bytes]


def _plain(array: np.ndarray) -> _PlainArray:
    return array.dtype.str, tuple(array.shape), array.tobytes()


def _array(plain: _PlainArray) -> np.ndarray:
    kind, shape, data = plain
    dtype = np.dtype(kind)
    if dtype.kind not in "iu":
        raise ValueError(f"not an array of integers: {kind}")
    return np.frombuffer(data, dtype).reshape(shape).copy()


def read_state(path: Path) -> SiteState | None:
    """The state kept at ``path``, or None if there is none or it cannot be read."""
    try:
        with paused():  # objects that stay: nothing for the collector
            (layout, code, nodes, node_digests, pair_ends, pair_digests, pair_relations, crowded, articles,
             holders) = plainpickle.loads(path.read_bytes())
        if layout != _STATE_FORMAT:
            return None
        digests = GraphDigests(nodes, _array(node_digests), _array(pair_ends), _array(pair_digests),
                               _array(pair_relations))
        return SiteState(code, digests, crowded, articles, holders)
    except Exception:  # a missing or damaged state renders every page, never a wrong one
        return None


def write_state(path: Path, state: SiteState) -> None:
    graph = state.graph
    plain = (_STATE_FORMAT, state.code, graph.nodes, _plain(graph.node_digests), _plain(graph.pair_ends),
             _plain(graph.pair_digests), _plain(graph.pair_relations), state.crowded, state.articles, state.holders)
    write_bytes_atomic(path, pickle.dumps(plain, protocol=pickle.HIGHEST_PROTOCOL))
