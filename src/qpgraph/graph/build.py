"""Build one networkx graph from every article's records.

Nodes: person, unit, province, event, article; each with a stable id derived
from its canonical name, its ``type``, a display ``name``, the ``forms``
printed, and the ``articles`` it comes from. Edges (a MultiDiGraph, the edge
key says the relation and the article): ``holds`` (person → unit, with the
title, the post, the article's date and whether the title heads the body),
``participated_in`` (person → event; who met whom is derived from the events,
never stored per pair), ``part_of`` (unit → unit), ``in_province`` (unit → province), ``merged_into``
(province → province, from the administrative-units dataset), ``reported_in``
(event → article), ``mentioned_in`` (person/unit/province → article). Every
edge carries its evidence: article, sentence index, character span, sentence;
every person, unit, province and event node its first evidence per article.

The graph is assembled from parts, so that it can also be kept up to date
(:mod:`qpgraph.graph.update`): each article's *fragment* (what it says of each
node it names, and its edges, whose keys name it), each person's cluster (who
the person is across articles, :mod:`qpgraph.graph.resolve`), and the 2025
merger of provinces. A node's data is the fold of what its sources say, in the
order of their names (the cluster first, the merger last): the first name, the
first value of each attribute, every form, every article, the first evidence
in each article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..collector import paused
from ..evaluate.canonical import canonical
from ..extract.gazetteer import Gazetteer, load_gazetteer
from ..ingest.clean import content_lines
from ..records import ArticleRecords, Mention
from .dates import sort_key
from .hierarchy import generic_form, institution_kind, institutional_parent
from .ids import node_id
from .judgements import NONE, Judgements
from .resolve import PersonCluster, resolve_persons
from .tables import Graph

__all__ = ["build_graph", "build_parts", "headline", "GraphParts", "Part", "NodePart", "Fragment", "evidence", "edge_key", "RELATIONS",
           "CLUSTER", "MERGER", "person_base", "person_nodes", "article_fragment", "node_data", "merger", "assemble"]


#: Every relation of the graph's edges.
RELATIONS = ("holds", "participated_in", "part_of", "in_province", "merged_into", "reported_in", "mentioned_in")
#: The names of the sources of a node that are not articles: a person's cluster
#: (before every article) and the merger of provinces (after every one).
CLUSTER, MERGER = "", "\U0010ffff"
#: The source named on ``merged_into`` edges.
DATASET = "vietnamadminunits"
#: The source named on the ``part_of`` edges that come from the institutions data.
INSTITUTIONS = "institutions"

Edge = tuple[str, str, str, dict[str, Any]]


def edge_key(relation: str, source: str, n: int = 0) -> str:
    """The key of the ``n``-th edge of a relation between two nodes that ``source`` (an
    article's id) gives: ``holds:a1:0``."""
    return f"{relation}:{source}:{n}"


def evidence(mention: Mention, date: str | None) -> dict[str, Any]:
    """The provenance of a fact, as plain data (its article is the edge's ``article``; its
    sentence, the ``sentence``-th of the article node's ``sentences``: each sentence is
    stored once, however many facts cite it)."""
    return {
        "date": date,
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
    }


#: What one source says of a node: its type and name, attributes (the first value
#: given of each), forms printed, whether the source is one of the node's articles,
#: and the node's first evidence there. A plain tuple: a graph's parts are many,
#: and kept between builds.
Part = tuple[str, str, dict[str, Any], frozenset[str], bool, "dict[str, Any] | None"]


@dataclass(slots=True)
class NodePart:
    """A :data:`Part` being written."""

    type: str
    name: str
    attrs: dict[str, Any] = field(default_factory=dict)
    forms: set[str] = field(default_factory=set)
    source: bool = False
    cite: dict[str, Any] | None = None

    def sealed(self) -> Part:
        return self.type, self.name, self.attrs, frozenset(self.forms), self.source, self.cite


@dataclass
class Fragment:
    """What one article puts in the graph: a part of each node it names, and its edges."""

    nodes: dict[str, NodePart] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)

    def node(self, nid: str, node_type: str, name: str, *, source: bool = True, **attrs: Any) -> NodePart:
        part = self.nodes.get(nid)
        if part is None:
            part = self.nodes[nid] = NodePart(node_type, name)
        part.source = part.source or source
        for key, value in attrs.items():
            if value is not None:
                part.attrs.setdefault(key, value)
        return part

    def cite(self, nid: str, source: str, proof: dict[str, Any]) -> None:
        """Keep the first evidence of a node in the article."""
        part = self.nodes[nid]
        if part.cite is None:
            part.cite = {"article": source, **{k: proof.get(k) for k in ("date", "sentence", "start", "end", "text")}}

    def edge(self, u: str, v: str, relation: str, source: str, **attrs: Any) -> None:
        self.edges.append((u, v, relation, {"relation": relation, "article": source, **attrs}))


def _keyed(edges: list[Edge]) -> list[Edge]:
    """Each edge with its key: the relation, the source, and how many edges of that
    relation and source join the same nodes before it."""
    seen: dict[tuple[str, str, str], int] = {}
    out = []
    for u, v, relation, data in edges:
        key = edge_key(relation, data["article"])
        n = seen.get((u, v, key), 0)
        seen[(u, v, key)] = n + 1
        out.append((u, v, key if n == 0 else edge_key(relation, data["article"], n), data))
    return out


def person_base(name: str) -> str:
    """The node id of the persons printed as ``name`` (the first of them; each other
    adds ``~`` and the article it is first reported in: :func:`person_nodes`)."""
    return node_id("person", canonical(name))


def person_nodes(clusters: Iterable[PersonCluster]) -> tuple[dict[str, Part], dict[tuple[str, str], str]]:
    """Each cluster's node (its id, and what the cluster says of it: the first name,
    the merge and its reason, the ranks over time), and which node each article's
    person is: (article id, person id) → node id. ``clusters`` in the order
    :func:`~qpgraph.graph.resolve.resolve_persons` gives them.

    The first person of a name (first reported) has the name's id; each other the
    name's id, ``~`` and the article it is first reported in: a person's id stays
    when articles add another person of the same name (numbering them would renumber
    every later one), and says where to read about them."""
    parts: dict[str, Part] = {}
    person_of: dict[tuple[str, str], str] = {}
    for cluster in clusters:
        base = node_id("person", cluster.key)
        nid, first, n = base, cluster.members[0].article.article.id, 1
        while nid in parts:
            n += 1
            nid = f"{base}~{first}" if n == 2 else f"{base}~{first}-{n - 1}"
        history = []
        # An undated record is unknown in time, never the newest: it comes first.
        for m in sorted(cluster.members, key=lambda m: (m.date is not None, sort_key(m.date), m.article.article.id)):
            person_of[(m.article.article.id, m.person.id)] = nid
            if m.person.rank:
                history.append({"rank": m.person.rank, "date": m.date, "article": m.article.article.id,
                                "before": m.person.rank_before})
        merge = {"articles": sorted({m.article.article.id for m in cluster.members}), "reason": cluster.reason}
        attrs = {"merge": merge, "rank_history": history, "rank": history[-1]["rank"] if history else None}
        parts[nid] = ("person", cluster.members[0].person.name, attrs, frozenset(), False, None)
    return parts, person_of


def article_fragment(rec: ArticleRecords, person_of: dict[tuple[str, str], str], gazetteer: Gazetteer) -> Fragment:
    """What one article puts in the graph; ``person_of`` as :func:`person_nodes` gives it.
    The article's node holds the sentences its facts cite (``sentences``, by index as
    text), each once; the edges name theirs by index."""
    f = Fragment()
    aid = rec.article.id
    date = rec.date or rec.article.published
    art = node_id("article", aid)
    chained: set[str] = set()
    f.node(art, "article", rec.article.title or aid, date=date, url=rec.article.url, published=rec.article.published,
           headline=headline(rec.article.title or rec.article.text),
           sentences={str(index): text for index, text in rec.sentences.items()})
    for province in rec.provinces:
        pid = node_id("province", province.name)
        part = f.node(pid, "province", province.name, code=province.code,
                      current=gazetteer.provinces[province.name].current if province.name in gazetteer.provinces else None)
        part.forms.update(province.forms)
        f.edge(pid, art, "mentioned_in", aid, **evidence(province.mentions[0], date))
        f.cite(pid, aid, evidence(province.mentions[0], date))
    for unit in rec.units:
        uid = node_id("unit", unit.key)
        part = f.node(uid, "unit", unit.name, province=unit.province)
        part.forms.update(form for form in unit.forms if not generic_form(form))
        proof = evidence(unit.mentions[0], date) if unit.mentions else {"date": date}
        f.edge(uid, art, "mentioned_in", aid, **proof)
        f.cite(uid, aid, proof)
        if unit.parent_key:
            f.edge(uid, node_id("unit", unit.parent_key), "part_of", aid, **proof)
        else:
            _institutions_above(f, unit.key, aid, date, chained)
        if unit.province:
            pid = node_id("province", unit.province)
            f.node(pid, "province", unit.province, code=gazetteer.provinces[unit.province].code
                   if unit.province in gazetteer.provinces else None)
            f.edge(uid, pid, "in_province", aid, **proof)
    for person in rec.persons:
        pid = person_of[(aid, person.id)]
        f.node(pid, "person", person.name).forms.add(person.name)
        f.edge(pid, art, "mentioned_in", aid, **evidence(person.mentions[0], date))
        f.cite(pid, aid, evidence(person.mentions[0], date))
        for post in person.posts:
            if post.unit is None:
                continue
            f.edge(pid, node_id("unit", post.unit), "holds", aid, title=post.title, post=post.text,
                   heads=post.heads, former=post.former, **({"change": post.change} if post.change else {}),
                   **evidence(post.mention, date))
    names = {p.name: person_of[(aid, p.id)] for p in rec.persons}
    for index, event in enumerate(rec.events):
        eid = node_id("event", f"{aid}-{index}")
        f.node(eid, "event", f"{event.kind} {event.date or ''} ({aid})".replace("  ", " "),
               kind=event.kind, date=event.date, article=aid)
        proof = evidence(event.mention, event.date)
        f.edge(eid, art, "reported_in", aid, **proof)
        f.cite(eid, aid, proof)
        # Who met whom is the event's participants (KnowledgeGraph.met, met_graph): never
        # stored as an edge per pair, which grows with the square of a list of attendees.
        for pid in sorted({names[n] for n in event.participants if n in names}):
            f.edge(pid, eid, "participated_in", aid, **proof)
    f.edges = _keyed(f.edges)
    return f


def _institutions_above(f: Fragment, key: str, aid: str, date: str | None, chained: set[str]) -> None:
    """The ``part_of`` edges from a unit up through the bodies above it, as the
    institutions data has them on the article's date (``dataset="institutions"``); the
    bodies above that the article does not name are nodes it describes without being
    one of their articles. ``chained``: the keys whose edges the article has already."""
    while key not in chained and (above := institutional_parent(key, date)) is not None:
        chained.add(key)
        parent = node_id("unit", above[0])
        f.node(parent, "unit", above[1], source=False, institution=institution_kind(above[0]))
        f.edge(node_id("unit", key), parent, "part_of", aid, date=date, dataset=INSTITUTIONS)
        key = above[0]


def node_data(parts: dict[str, Part]) -> dict[str, Any]:
    """A node's data: the fold of what its sources say, in the order of their names."""
    first: dict[str, Any] | None = None
    forms: set[str] = set()
    articles, cited = [], []
    for source in sorted(parts):
        node_type, name, attrs, printed, counts, cite = parts[source]
        if first is None:
            first = {"type": node_type, "name": name}
        for key, value in attrs.items():
            first.setdefault(key, value)
        forms |= printed
        if counts:
            articles.append(source)
        if cite is not None:
            cited.append(cite)
    assert first is not None, "a node with no source"
    data = {"type": first["type"], "name": first["name"], "forms": sorted(forms), "articles": articles, **first}
    if cited:
        data["evidence"] = cited
    return data


def merger(name: str, gazetteer: Gazetteer) -> tuple[str, Part, str, dict[str, Any]] | None:
    """Where the 2025 merger took the province named ``name``: the new province's id,
    what the dataset says of it, and the key and data of the ``merged_into`` edge to
    it; None if the province was not merged (or is not in the dataset)."""
    entry = gazetteer.provinces.get(name)
    if entry is None or entry.merged_into is None:
        return None
    new = gazetteer.provinces[entry.merged_into]
    part: Part = ("province", new.name, {"code": new.code, "current": True}, frozenset(), False, None)
    return (node_id("province", entry.merged_into), part,
            edge_key("merged_into", DATASET),
            {"relation": "merged_into", "article": DATASET, "date": "2025-07-01", "dataset": f"{DATASET} converter_2025"})


@dataclass
class GraphParts:
    """A graph and the parts it was assembled from, kept to bring it up to date."""

    graph: Graph
    #: Node → its sources (an article's id, :data:`CLUSTER`, :data:`MERGER`) → what each says.
    parts: dict[str, dict[str, Part]]
    #: Article id → the nodes it names, its edges (source, target, key), and the node of each of its persons.
    fragments: dict[str, tuple[list[str], list[tuple[str, str, str]], dict[str, str]]]
    #: Person node id before any ``~n`` (:func:`person_base`) → the articles that print such a person.
    persons: dict[str, set[str]]
    #: Province node → the node of the province it was merged into.
    merged: dict[str, str]
    #: Whether every node of the graph has a source (an edge may name a node no source
    #: describes; such a graph is built again, never brought up to date).
    exact: bool = True

    def add(self, rec: ArticleRecords, fragment: Fragment, person_of: dict[tuple[str, str], str]) -> None:
        """Take an article's fragment: its parts of nodes, and what it names."""
        aid = rec.article.id
        for nid, said in fragment.nodes.items():
            self.parts.setdefault(nid, {})[aid] = said.sealed()
        self.fragments[aid] = (list(fragment.nodes), [(u, v, k) for u, v, k, _ in fragment.edges],
                               {p.id: person_of[(aid, p.id)] for p in rec.persons})

    def merge_provinces(self, provinces: Iterable[str], gazetteer: Gazetteer, touched: set[str]) -> list[Edge]:
        """Bring the 2025 merger up to date for ``provinces`` (nodes): their
        ``merged_into`` edges (those in the graph removed, the new ones returned), and
        the merger's part of the provinces they were or are merged into (added to
        ``touched``)."""
        edges: list[Edge] = []
        targets: set[str] = set()
        said: dict[str, Part] = {}
        for nid in sorted(provinces):
            was = self.merged.pop(nid, None)
            if was is not None:
                targets.add(was)
                self.graph.remove_edge(nid, was, edge_key("merged_into", DATASET))
            if any(source != MERGER for source in self.parts.get(nid, ())):
                moved = merger(node_data(self.parts[nid])["name"], gazetteer)
                if moved is not None:
                    target, said[target], key, data = moved
                    self.merged[nid] = target
                    targets.add(target)
                    edges.append((nid, target, key, data))
        merging = set(self.merged.values())
        for target in targets:
            sources = self.parts.setdefault(target, {})
            if target not in merging:
                sources.pop(MERGER, None)
            elif MERGER not in sources:  # else the same part, from a province merged before
                sources[MERGER] = said[target]
            touched.add(target)
        return edges


def build_graph(records: Iterable[ArticleRecords], judgements: Judgements = NONE) -> nx.MultiDiGraph:
    """The knowledge graph of all articles (and the analysts' ``judgements`` of who is
    whom); the same records and judgements give the same graph."""
    return build_parts(records, judgements).graph


def build_parts(records: Iterable[ArticleRecords], judgements: Judgements = NONE) -> GraphParts:
    """The knowledge graph of all articles, with the parts it is made of."""
    with paused():
        records = sorted(records, key=lambda r: r.article.id)
        gazetteer = load_gazetteer()
        clusters, person_of = person_nodes(resolve_persons(records, judgements))
        parts: dict[str, dict[str, Part]] = {nid: {CLUSTER: part} for nid, part in clusters.items()}
        state = GraphParts(Graph(), parts, {}, {}, {})
        edges: list[Edge] = []
        for rec in records:
            fragment = article_fragment(rec, person_of, gazetteer)
            state.add(rec, fragment, person_of)
            edges += fragment.edges
            for person in rec.persons:
                state.persons.setdefault(person_base(person.name), set()).add(rec.article.id)
        edges += state.merge_provinces([nid for nid in parts if nid.startswith("province:")], gazetteer, set())
        assemble(state.graph, parts, edges)
        state.exact = len(state.graph) == len(parts)
        return state


#: The most characters of an article's headline (:func:`headline`).
HEADLINE = 90


def headline(text: str) -> str:
    """What pages call an article: its title, else the first content line of its text
    (a scraped page opens with its headline or its lead, after the site's chrome), cut
    at a word.

    >>> headline("Sign In\\n\\nBộ Chỉ huy Quân sự tỉnh A tổng kết năm\\nTốc độ:1x")
    'Bộ Chỉ huy Quân sự tỉnh A tổng kết năm'
    >>> headline("Sáng 2/3, tại hội trường Bộ Chỉ huy Quân sự tỉnh A, Đảng ủy Quân sự tỉnh tổ chức hội nghị sơ kết")
    'Sáng 2/3, tại hội trường Bộ Chỉ huy Quân sự tỉnh A, Đảng ủy Quân sự tỉnh tổ chức hội nghị…'
    """
    line = next((line.text for line in content_lines(text)), "")
    if len(line) <= HEADLINE:
        return line
    return line[:HEADLINE].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def assemble(graph: Graph, parts: dict[str, dict[str, Part]], edges: list[Edge]) -> None:
    """Add the nodes of ``parts`` (in the order of their ids) and then ``edges`` (in the
    order of their ends and key) to an empty ``graph``."""
    for nid in sorted(parts):
        graph.add_node(nid, **node_data(parts[nid]))
    edges.sort(key=lambda e: e[:3])
    succ, pred = graph.succ_table, graph.pred_table
    for u, v, key, data in edges:
        # What ``graph.add_edge(u, v, key, **data)`` does, without a copy of ``data``
        # (the graph takes it: its edges are never twice in memory).
        for end in (u, v):
            if end not in succ:
                graph.add_node(end)
        keys = succ[u].get(v)
        if keys is None:
            keys = succ[u][v] = pred[v][u] = {}
        keys[key] = data
