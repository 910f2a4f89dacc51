"""Build one networkx graph from every article's records.

Nodes: person, unit, province, event, article; each with a stable id derived
from its canonical name, its ``type``, a display ``name``, the ``forms``
printed, and the ``articles`` it comes from. Edges (a MultiDiGraph, the edge
key says the relation and the article): ``holds`` (person → unit, with the
title, the post, the article's date and whether the title heads the body),
``participated_in`` (person → event), ``met`` (person → person, same event),
``part_of`` (unit → unit), ``in_province`` (unit → province), ``merged_into``
(province → province, from the administrative-units dataset), ``reported_in``
(event → article), ``mentioned_in`` (person/unit/province → article). Every
edge carries its evidence: article, sentence index, character span, sentence;
every person, unit, province and event node its first evidence per article.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx

from ..collector import paused
from ..extract.gazetteer import load_gazetteer
from ..records import ArticleRecords, Mention
from .dates import sort_key
from .ids import node_id
from .resolve import resolve_persons

__all__ = ["build_graph", "evidence", "edge_key", "RELATIONS"]


#: Every relation of the graph's edges.
RELATIONS = ("holds", "participated_in", "met", "part_of", "in_province", "merged_into", "reported_in", "mentioned_in")


def edge_key(relation: str, source: str, n: int = 0) -> str:
    """The key of the ``n``-th edge of a relation between two nodes that ``source`` (an
    article's id) gives: ``holds:dev-29:0``."""
    return f"{relation}:{source}:{n}"


def evidence(mention: Mention, date: str | None) -> dict[str, Any]:
    """The provenance of a fact, as plain data (its article is the edge's ``article``)."""
    return {
        "date": date,
        "sentence": mention.sentence,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "sentence_text": mention.sentence_text,
    }


class _Builder:
    """Nodes and edges as plain dicts; sets while building, sorted lists in the graph."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.forms: dict[str, set[str]] = {}
        self.articles: dict[str, set[str]] = {}
        self.cited: dict[str, dict[str, dict[str, Any]]] = {}
        self.sentences: dict[str, str] = {}

    def node(self, nid: str, node_type: str, name: str, source: str | None = None, **attrs: Any) -> dict[str, Any]:
        data = self.nodes.get(nid)
        if data is None:
            data = self.nodes[nid] = {"type": node_type, "name": name}
            self.forms[nid] = set()
            self.articles[nid] = set()
        if source:
            self.articles[nid].add(source)
        for key, value in attrs.items():
            if value is not None:
                data.setdefault(key, value)
        return data

    def cite(self, nid: str, source: str, proof: dict[str, Any]) -> None:
        """Keep the first evidence of a node in each article."""
        cited = self.cited.setdefault(nid, {})
        if source not in cited:
            cited[source] = {"article": source, **{k: proof.get(k) for k in ("date", "sentence", "start", "end", "text")}}

    def form(self, nid: str, printed: str) -> None:
        self.forms[nid].add(printed)

    def edge(self, u: str, v: str, relation: str, source: str, **attrs: Any) -> None:
        n = 0
        key = edge_key(relation, source)
        while (u, v, key) in self.edges:
            n += 1
            key = edge_key(relation, source, n)
        if "sentence_text" in attrs:  # one string per sentence, however many edges cite it
            attrs["sentence_text"] = self.sentences.setdefault(attrs["sentence_text"], attrs["sentence_text"])
        self.edges[(u, v, key)] = {"relation": relation, "article": source, **attrs}

    def graph(self) -> nx.MultiDiGraph:
        """The graph, which copies each node's and edge's data: the builder lets go of
        its own as it goes (the graph then never is in memory twice)."""
        graph = nx.MultiDiGraph()
        for nid in sorted(self.nodes):
            node = self.nodes.pop(nid)
            data = {"type": node["type"], "name": node["name"], "forms": sorted(self.forms[nid]),
                    "articles": sorted(self.articles[nid]), **node}
            if nid in self.cited:
                data["evidence"] = [self.cited[nid][a] for a in sorted(self.cited[nid])]
            graph.add_node(nid, **data)
        for u, v, key in sorted(self.edges):
            graph.add_edge(u, v, key, **self.edges.pop((u, v, key)))
        return graph


def build_graph(records: Iterable[ArticleRecords]) -> nx.MultiDiGraph:
    """The knowledge graph of all articles; the same records give the same graph."""
    with paused():
        return _build_graph(records)


def _build_graph(records: Iterable[ArticleRecords]) -> nx.MultiDiGraph:
    records = sorted(records, key=lambda r: r.article.id)
    b = _Builder()
    gazetteer = load_gazetteer()

    person_of: dict[tuple[str, str], str] = {}
    for cluster in resolve_persons(records):
        base = node_id("person", cluster.key)
        nid = base
        n = 1
        while nid in b.nodes:
            n += 1
            nid = f"{base}~{n}"
        first = cluster.members[0].person
        history = []
        for m in sorted(cluster.members, key=lambda m: (sort_key(m.date), m.article.article.id)):
            person_of[(m.article.article.id, m.person.id)] = nid
            if m.person.rank:
                history.append({"rank": m.person.rank, "date": m.date, "article": m.article.article.id,
                                "before": m.person.rank_before})
        data = b.node(nid, "person", first.name, merge={"articles": sorted({m.article.article.id for m in cluster.members}),
                                                        "reason": cluster.reason})
        data["rank_history"] = history
        data["rank"] = history[-1]["rank"] if history else None

    for rec in records:
        aid = rec.article.id
        date = rec.date or rec.article.published
        art = node_id("article", aid)
        b.node(art, "article", rec.article.title or aid, aid, date=date, url=rec.article.url,
               published=rec.article.published)
        for province in rec.provinces:
            pid = node_id("province", province.name)
            b.node(pid, "province", province.name, aid, code=province.code,
                   current=gazetteer.provinces[province.name].current if province.name in gazetteer.provinces else None)
            for form in province.forms:
                b.form(pid, form)
            b.edge(pid, art, "mentioned_in", aid, **evidence(province.mentions[0], date))
            b.cite(pid, aid, evidence(province.mentions[0], date))
        for unit in rec.units:
            uid = node_id("unit", unit.key)
            b.node(uid, "unit", unit.name, aid, province=unit.province)
            for form in unit.forms:
                b.form(uid, form)
            proof = evidence(unit.mentions[0], date) if unit.mentions else {"date": date}
            b.edge(uid, art, "mentioned_in", aid, **proof)
            b.cite(uid, aid, proof)
            if unit.parent_key:
                b.edge(uid, node_id("unit", unit.parent_key), "part_of", aid, **proof)
            if unit.province:
                pid = node_id("province", unit.province)
                b.node(pid, "province", unit.province, aid, code=gazetteer.provinces[unit.province].code
                       if unit.province in gazetteer.provinces else None)
                b.edge(uid, pid, "in_province", aid, **proof)
        for person in rec.persons:
            pid = person_of[(aid, person.id)]
            b.node(pid, "person", person.name, aid)
            b.form(pid, person.name)
            b.edge(pid, art, "mentioned_in", aid, **evidence(person.mentions[0], date))
            b.cite(pid, aid, evidence(person.mentions[0], date))
            for post in person.posts:
                if post.unit is None:
                    continue
                b.edge(pid, node_id("unit", post.unit), "holds", aid, title=post.title, post=post.text,
                       heads=post.heads, former=post.former, **evidence(post.mention, date))
        for index, event in enumerate(rec.events):
            eid = node_id("event", f"{aid}-{index}")
            b.node(eid, "event", f"{event.kind} {event.date or ''} ({aid})".replace("  ", " "), aid,
                   kind=event.kind, date=event.date, article=aid)
            proof = evidence(event.mention, event.date)
            b.edge(eid, art, "reported_in", aid, **proof)
            b.cite(eid, aid, proof)
            names = {p.name: person_of[(aid, p.id)] for p in rec.persons}
            attendees = sorted({names[n] for n in event.participants if n in names})
            for pid in attendees:
                b.edge(pid, eid, "participated_in", aid, **proof)
            for a, c in combinations(attendees, 2):
                b.edge(a, c, "met", aid, event=eid, **proof)

    # The 2025 merger, for every province in the graph.
    for nid, data in list(b.nodes.items()):
        if data["type"] != "province":
            continue
        entry = gazetteer.provinces.get(data["name"])
        if entry is None or entry.merged_into is None:
            continue
        target = node_id("province", entry.merged_into)
        new = gazetteer.provinces[entry.merged_into]
        b.node(target, "province", new.name, code=new.code, current=True)
        b.edge(nid, target, "merged_into", "vietnamadminunits", date="2025-07-01",
               dataset="vietnamadminunits converter_2025")
    return b.graph()
