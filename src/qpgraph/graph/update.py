"""Bring a graph up to date with new, changed and removed articles, without building it again.

A graph is the fold of its parts (:mod:`qpgraph.graph.build`). When articles
change, the parts that can change with them are: the changed articles'
fragments; the clusters of every person name they print (old and new), and so
the fragments of every other article that prints one of those names (their
persons may be other nodes now); and the merger of the provinces they touch.
:func:`update` replaces those parts, folds again the nodes they name and
swaps their edges; the graph is then what :func:`~qpgraph.graph.build.build_parts`
would build from all the articles, node for node, edge for edge, in the same
order.

>>> from qpgraph.records import Article
>>> from qpgraph.ingest import prepare
>>> from qpgraph.extract.pipeline import extract
>>> from qpgraph.graph.build import build_parts
>>> def records(aid, text):
...     return extract(prepare(Article(id=aid, path=f"{aid}.txt", text=text, published="2025-03-06")))
>>> a = records("a", "Sáng 5/3, Đại tá Nguyễn Văn An, Chính ủy Sư đoàn 9, dự hội nghị.")
>>> b = records("b", "Sáng 6/3, Đại tá Nguyễn Văn An, Chính ủy Sư đoàn 9, làm việc với Thượng tá Lê Văn Bình.")
>>> state = build_parts([a])
>>> dirty = update(state, {"b": b}, load={"a": a}.__getitem__)
>>> state.graph.nodes["person:nguyễn-văn-an"]["articles"]
['a', 'b']
>>> fresh = build_parts([a, b]).graph
>>> list(state.graph.nodes(data=True)) == list(fresh.nodes(data=True))
True
>>> list(state.graph.edges(keys=True, data=True)) == list(fresh.edges(keys=True, data=True))
True
>>> sorted(dirty)  # a prints the same person as b: done again too
['article:a', 'article:b', 'event:a-0', 'event:b-0', 'person:lê-văn-bình', 'person:nguyễn-văn-an', 'unit:sư-đoàn-9']
"""

from __future__ import annotations

from collections.abc import Callable

from ..collector import paused
from ..extract.gazetteer import load_gazetteer
from ..records import ArticleRecords
from .build import (
    CLUSTER,
    Edge,
    GraphParts,
    article_fragment,
    node_data,
    person_base,
    person_nodes,
)
from .judgements import NONE, Judgements
from .resolve import resolve_persons
from .tables import Graph, sort_table

__all__ = ["update", "NotUpdatable"]


class NotUpdatable(Exception):
    """The graph cannot be brought up to date (it must be built again)."""


def _base(nid: str) -> str:
    return nid.partition("~")[0]


def update(state: GraphParts, changed: dict[str, ArticleRecords | None],
           load: Callable[[str], ArticleRecords], judgements: Judgements = NONE) -> set[str]:
    """Bring ``state`` up to date: ``changed`` maps the id of each new or changed article
    to its records, and of each removed one to None; ``load`` gives the records of any
    other article. Returns the nodes whose data or edges may have changed (removed
    ones too). Raises :class:`NotUpdatable` if the graph must be built again; ``state``
    is then unusable. ``judgements`` must be those ``state`` was built with."""
    with paused():
        return _update(state, changed, load, judgements)


def _update(state: GraphParts, changed: dict[str, ArticleRecords | None],
            load: Callable[[str], ArticleRecords], judgements: Judgements) -> set[str]:
    if not state.exact:
        raise NotUpdatable("the graph has nodes no source describes")
    bases = _printed_names(state, changed)
    if judgements.items:  # names a judgement links are done again together
        linked = {person_base(n): {person_base(o) for o in names} for n, names in judgements.linked_names().items()}
        bases = bases.union(*(linked.get(base, ()) for base in bases))
    redo = set(changed).union(*(state.persons.get(base, ()) for base in bases))
    records = {aid: rec for aid in sorted(redo) if (rec := changed[aid] if aid in changed else load(aid)) is not None}

    clusters = [c for c in resolve_persons(list(records.values()), judgements) if person_base(c.members[0].person.name) in bases]
    cluster_parts, person_of = person_nodes(clusters)
    for aid in records:
        if aid not in changed:  # its other persons are the nodes they were
            for pid, nid in state.fragments[aid][2].items():
                person_of.setdefault((aid, pid), nid)

    dirty = _drop_fragments(state, redo, bases)
    for nid, part in cluster_parts.items():
        state.parts.setdefault(nid, {})[CLUSTER] = part
        dirty.add(nid)
    gazetteer = load_gazetteer()
    added: list[Edge] = []
    for rec in records.values():
        fragment = article_fragment(rec, person_of, gazetteer)
        state.add(rec, fragment, person_of)
        dirty.update(fragment.nodes)
        added += fragment.edges
    added += state.merge_provinces([nid for nid in dirty if nid.startswith("province:")], gazetteer, dirty)
    grown = _fold_nodes(state, dirty)
    added.sort(key=lambda e: e[:3])
    for u, v, key, data in added:
        if u not in state.parts or v not in state.parts:
            state.exact = False
            raise NotUpdatable(f"an edge joins {u} and {v}, and one has no source")
        state.graph.add_edge(u, v, key, **data)
        dirty.update((u, v))
    _reorder(state.graph, added, grown)
    return dirty


def _printed_names(state: GraphParts, changed: dict[str, ArticleRecords | None]) -> set[str]:
    """The person names the changed articles print, before and after (their bases), with
    the index of who prints which name brought up to date."""
    bases: set[str] = set()
    for aid, rec in changed.items():
        if aid in state.fragments:
            old = {_base(nid) for nid in state.fragments[aid][2].values()}
            bases |= old
            for base in old:
                state.persons[base].discard(aid)
                if not state.persons[base]:
                    del state.persons[base]
        if rec is not None:
            new = {person_base(p.name) for p in rec.persons}
            bases |= new
            for base in new:
                state.persons.setdefault(base, set()).add(aid)
    return bases


def _drop_fragments(state: GraphParts, redo: set[str], bases: set[str]) -> set[str]:
    """Take the fragments of the articles done again out of the parts and the graph; the
    nodes they touched."""
    dirty: set[str] = set()
    for aid in sorted(redo):
        old_fragment = state.fragments.pop(aid, None)
        if old_fragment is None:
            continue
        nodes, edges, _ = old_fragment
        for nid in nodes:
            state.parts[nid].pop(aid)
            if _base(nid) in bases and nid.startswith("person:"):
                state.parts[nid].pop(CLUSTER, None)
            dirty.add(nid)
        for u, v, key in edges:
            state.graph.remove_edge(u, v, key)
            dirty.update((u, v))
    return dirty


def _fold_nodes(state: GraphParts, dirty: set[str]) -> bool:
    """Fold again the data of every dirty node from its parts (a node left without any is
    removed); whether a node was added."""
    graph, parts = state.graph, state.parts
    grown = False
    for nid in sorted(dirty):
        sources = parts.get(nid)
        if sources:
            data = node_data(sources)
            if nid in graph.nodes_table:
                graph.nodes_table[nid] = data
            else:
                graph.add_node(nid, **data)
                grown = True
            continue
        parts.pop(nid, None)
        if nid in graph.nodes_table:
            if graph.succ_table[nid] or graph.pred_table[nid]:
                state.exact = False
                raise NotUpdatable(f"{nid} has edges but no source")
            graph.remove_node(nid)
    return grown


def _reorder(graph: Graph, added: list[Edge], grown: bool) -> None:
    """Put the nodes (when some were added) and the ``added`` edges in the order a graph
    built anew has them: nodes by id; a node's successors, its predecessors and the
    edges from one node to another by id and key (removing keeps the order)."""
    if grown:
        for table in (graph.nodes_table, graph.succ_table, graph.pred_table):
            sort_table(table)
    for u, v in {(u, v) for u, v, _, _ in added}:
        sort_table(graph.succ_table[u][v])
    for u in {u for u, _, _, _ in added}:
        sort_table(graph.succ_table[u])
    for v in {v for _, v, _, _ in added}:
        sort_table(graph.pred_table[v])
