"""The notebook API: questions researchers ask of the graph, answered with evidence.

>>> from qpgraph.records import Article
>>> from qpgraph.ingest import prepare
>>> from qpgraph.extract.pipeline import extract
>>> text = "Sáng 5/3, Đại tá Nguyễn Văn An, Chính ủy Sư đoàn 9, làm việc với Thượng tá Lê Văn Bình, Phó Chính ủy Sư đoàn 9."
>>> kg = KnowledgeGraph.from_records([extract(prepare(Article(id="a", path="a.txt", text=text, published="2025-03-06")))])
>>> [p.post for p in kg.posts("Nguyễn Văn An")]
['Chính ủy Sư đoàn 9']
>>> [(h.name, h.post) for h in kg.leaders("Sư đoàn 9")]
[('Nguyễn Văn An', 'Chính ủy Sư đoàn 9')]
>>> [m.date for m in kg.met("Nguyễn Văn An", "Lê Văn Bình")]
['2025-03-05']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

import networkx as nx
from pydantic import BaseModel, Field

from ..evaluate.canonical import canonical
from ..records import ArticleRecords
from ..text import strip_diacritics
from .build import build_graph
from .dates import sort_key
from .evidence import Evidence, as_evidence
from .ids import node_id
from .judgements import NONE, Judgements
from .search import SEARCHED, matches, search_text, words
from .tenure import Tenure, promoted, single_title, tenures

__all__ = [
    "Evidence",
    "NodeRef",
    "PostAnswer",
    "RankAnswer",
    "HolderAnswer",
    "TenureAnswer",
    "MeetingAnswer",
    "TimelineEntry",
    "KnowledgeGraph",
    "TENURE_FIELDS",
    "tenure_rows",
]


class NodeRef(BaseModel):
    id: str
    type: str
    name: str


class PostAnswer(BaseModel):
    person: str
    title: str
    post: str
    unit: str = Field(description="The unit's node id.")
    unit_name: str
    heads: bool
    date: str | None
    evidence: list[Evidence]


class RankAnswer(BaseModel):
    rank: str
    date: str | None
    before: str | None = None
    evidence: list[Evidence]


class HolderAnswer(BaseModel):
    person: str = Field(description="The person's node id.")
    name: str
    title: str
    post: str
    heads: bool
    former: bool = False
    date: str | None = Field(description="The last dated report of the post held (or of its end).")
    since: str | None = Field(default=None, description="The appointment's date where reported, else the first report.")
    status: Literal["current", "ended", "unknown"] = "current"
    note: str | None = Field(default=None, description="Why the status is unknown.")
    evidence: list[Evidence]


#: One holder's time in a post (:class:`qpgraph.graph.tenure.Tenure`).
TenureAnswer = Tenure


class MeetingAnswer(BaseModel):
    event: str
    kind: str
    date: str | None
    participants: list[str] = Field(description="Names of everyone the article places there.")
    evidence: list[Evidence]


class TimelineEntry(BaseModel):
    date: str | None
    what: str
    relation: str
    other: str | None = None
    evidence: list[Evidence]


#: The most names a line of a timeline lists (the meeting's answer has them all).
LISTED = 12


def _listed(names: list[str]) -> str:
    """Names for one line: a list of 300 attendees is not repeated on each one's timeline.

    >>> _listed(["A", "B"]), _listed([str(n) for n in range(15)])
    ('A, B', '0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 3 others')
    """
    if len(names) <= LISTED:
        return ", ".join(names)
    return f"{', '.join(names[:LISTED])} and {len(names) - LISTED} others"


class KnowledgeGraph:
    """One graph of every article, and the questions asked of it.

    ``kg.graph`` is the plain :class:`networkx.MultiDiGraph`; every method
    takes a node id or a name (with or without diacritics) and returns plain
    pydantic answers, each with its evidence.
    """

    def __init__(self, graph: nx.MultiDiGraph, index: Callable[[list[str]], list[str]] | None = None) -> None:
        """``index``, if given, finds the nodes of the words of a search (the full-text
        index of the build the graph was loaded from, :func:`qpgraph.load`)."""
        self.graph = graph
        self._index = index

    def sentence(self, article: str, index: int | None) -> str | None:
        """The ``index``-th sentence of an article, as printed (the article's node holds
        each sentence its facts cite, once)."""
        if index is None:
            return None
        node = self.graph.nodes.get(node_id("article", article))
        return node.get("sentences", {}).get(str(index)) if node is not None else None

    def _proof(self, data: dict[str, Any]) -> Evidence:
        """The evidence of an edge's data, with its sentence."""
        proof = as_evidence(data)
        proof.sentence_text = self.sentence(proof.article, proof.sentence)
        return proof

    def _quoted(self, tenure: Tenure) -> Tenure:
        """A tenure with the sentence of each of its reports."""
        for proof in (*tenure.evidence, *tenure.end_evidence, *([tenure.appointment] if tenure.appointment else [])):
            proof.sentence_text = self.sentence(proof.article, proof.sentence)
        return tenure

    @classmethod
    def from_records(cls, records: Iterable[ArticleRecords], judgements: Judgements = NONE) -> KnowledgeGraph:
        return cls(build_graph(records, judgements))

    # --- finding nodes -------------------------------------------------------------

    def find(self, name: str, type: str | None = None, *, partial: bool = True) -> list[NodeRef]:
        """Nodes whose name or a printed form is ``name`` (case, tone marks,
        abbreviations and diacritics do not matter), persons first; when none is, and
        ``partial``, those a part of whose names it is, as the site's search box finds
        them (:meth:`search`: "van ngh" finds Đặng Văn Nghĩa)."""
        exact = self._named(name, type)
        return exact if exact or not partial else self.search(name, type)

    def _named(self, name: str, type: str | None) -> list[NodeRef]:
        wanted = {canonical(name), strip_diacritics(canonical(name))}
        found = []
        for nid, data in self.graph.nodes(data=True):
            if type is not None and data["type"] != type:
                continue
            forms = [data["name"], *data.get("forms", [])]
            keys = {canonical(f) for f in forms} | {strip_diacritics(canonical(f)) for f in forms}
            if wanted & keys or nid == name:
                found.append(NodeRef(id=nid, type=data["type"], name=data["name"]))
        order = {"person": 0, "unit": 1, "province": 2, "event": 3, "article": 4}
        return sorted(found, key=lambda n: (order.get(n.type, 9), n.id))

    def search(self, text: str, type: str | None = None, limit: int = 50) -> list[NodeRef]:
        """Persons, units and provinces a part of whose names is ``text``: each of its
        words begins a word of a name or printed form, as printed or with its
        abbreviations expanded (case, tone marks and diacritics do not matter: "van
        ngh" finds Đặng Văn Nghĩa), as the site's search box finds them; persons first,
        then by name, at most ``limit``. A graph loaded from a build asks its store's
        full-text index; any other looks at every node."""
        query = words(text)
        if self._index is not None:
            found = [node for node in self._index(query) if node in self.graph]
        else:
            found = [node for node, data in self.graph.nodes(data=True)
                     if data.get("type") in SEARCHED and matches(query, search_text(data))]
        nodes = self.graph.nodes
        refs = [NodeRef(id=node, type=nodes[node]["type"], name=nodes[node]["name"])
                for node in found if type is None or nodes[node]["type"] == type]
        order = {"person": 0, "unit": 1, "province": 2}
        return sorted(refs, key=lambda n: (order.get(n.type, 9), n.name, n.id))[:limit]

    def node(self, ref: str, type: str | None = None) -> str:
        """The node id of a node id or a name; an unknown or ambiguous name raises KeyError."""
        if ref in self.graph:
            return ref
        found = self._named(ref, type)
        if not found:
            raise KeyError(f"no {type or 'node'} named {ref!r}")
        ids = [n.id for n in found]
        if len(ids) > 1 and type is None and found[0].type != found[1].type:
            return ids[0]
        if len(ids) > 1:
            raise KeyError(f"{ref!r} names {len(ids)} nodes: {', '.join(ids)}; pass a node id")
        return ids[0]

    def _edges(self, nid: str, relation: str, out: bool = True) -> list[tuple[str, dict[str, Any]]]:
        edges = self.graph.out_edges(nid, data=True) if out else self.graph.in_edges(nid, data=True)
        pairs = [(v if out else u, d) for u, v, d in edges if d["relation"] == relation]
        return sorted(pairs, key=lambda p: (sort_key(p[1].get("date")), p[1]["article"], p[0]))

    # --- posts, ranks, holders -------------------------------------------------------

    def posts(self, person: str) -> list[PostAnswer]:
        """Every post the person is reported to hold, in date order, one answer per post."""
        pid = self.node(person, "person")
        answers: dict[str, PostAnswer] = {}
        for unit, data in self._edges(pid, "holds"):
            key = canonical(data["post"])
            if key not in answers:
                answers[key] = PostAnswer(
                    person=pid, title=data["title"], post=data["post"], unit=unit,
                    unit_name=self.graph.nodes[unit]["name"], heads=data["heads"], date=data.get("date"), evidence=[],
                )
            answers[key].evidence.append(self._proof(data))
        return list(answers.values())

    def rank_history(self, person: str) -> list[RankAnswer]:
        """The ranks printed with the person, in date order (a promotion shows as a change);
        an undated report is unknown in time and comes first, never as the newest."""
        pid = self.node(person, "person")
        out: list[RankAnswer] = []
        for item in self.graph.nodes[pid].get("rank_history", []):
            mention = next(
                (d for _, v, d in self.graph.out_edges(pid, data=True)
                 if d["relation"] == "mentioned_in" and d["article"] == item["article"]),
                {"article": item["article"]},
            )
            proof = self._proof(mention | {"date": item["date"]})
            if out and out[-1].rank == item["rank"]:
                out[-1].evidence.append(proof)
                out[-1].date = out[-1].date or item["date"]  # the first dated report of the rank
                continue
            out.append(RankAnswer(rank=item["rank"], date=item["date"], before=item.get("before"), evidence=[proof]))
        return out

    def tenures(self, unit: str, on: str | None = None) -> dict[str, list[Tenure]]:
        """Every tenure in the unit, by title (canonical), each title's in the order of
        :meth:`succession`; with ``on``, as known on that day."""
        return self._tenures(self.node(unit, "unit"), on=on)

    def _tenures(self, uid: str, *, heads_only: bool = False, on: str | None = None) -> dict[str, list[Tenure]]:
        """The unit's tenures by title (canonical), as known on ``on``."""
        return self.tenures_from(self.reports(uid, heads_only=heads_only), on)

    def reports(self, unit: str, *, heads_only: bool = False) -> dict[str, list[tuple[str, str, dict[str, Any]]]]:
        """The reports of posts held in the unit (a node id), by title (canonical): the
        person, their name and the ``holds`` edge, in the order of :meth:`_edges`."""
        reports: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
        for person, data in self._edges(unit, "holds", out=False):
            if not heads_only or data["heads"]:
                reports.setdefault(canonical(data["title"]), []).append((person, self.graph.nodes[person]["name"], data))
        return reports

    def tenures_from(self, reports: dict[str, list[tuple[str, str, dict[str, Any]]]],
                     on: str | None = None) -> dict[str, list[Tenure]]:
        """The tenures of :meth:`reports` (of some of its titles: a deputy's tenure needs
        the reports of the title it is the deputy of, whose holder it may become)."""
        out = {
            title: [self._quoted(t) for t in
                    tenures(found, single_title(found), on)]
            for title, found in reports.items()
        }
        promoted(out)
        return out

    def holders(
        self, unit: str, on: str | None = None, *, heads_only: bool = False, include_former: bool = False
    ) -> list[HolderAnswer]:
        """Who holds a post in the unit, from the tenures (:mod:`qpgraph.graph.tenure`):
        as known today, or with ``on`` as known on that day (later and undated reports
        left out). A title one person holds at a time passes to whoever is reported in it
        later; two holders last reported on one day with nothing to say who handed to whom
        are both returned, ``status="unknown"``, as are holders only ever reported undated
        when no dated report of the title exists. Tenures ended count only with
        ``include_former``."""
        uid = self.node(unit, "unit")
        answers: list[HolderAnswer] = []
        for found in self._tenures(uid, heads_only=heads_only, on=on).values():
            dated = any(t.first is not None or t.ended_on is not None for t in found)
            for t in found:
                if (t.status == "ended" and not include_former) or (t.status == "unknown" and t.first is None and dated):
                    continue
                answers.append(HolderAnswer(
                    person=t.person, name=t.name, title=t.title, post=t.post,
                    heads=t.heads,
                    former=t.status == "ended", date=t.last or t.ended_on, since=t.since or t.first,
                    status=t.status, note=t.note, evidence=t.evidence + t.end_evidence,
                ))
        return sorted(answers, key=lambda a: (not a.heads, sort_key(a.date), a.name, a.title))

    def leaders(self, unit: str, on: str | None = None) -> list[HolderAnswer]:
        """Holders whose title heads the unit (Tư lệnh, Chính ủy, Bí thư, Chủ tịch...)."""
        return self.holders(unit, on, heads_only=True)

    def succession(self, unit: str, title: str) -> list[Tenure]:
        """The holders of a title in the unit, in order, each with a tenure: first and last
        reported, the appointment, how and when it ended (a post left, or the next holder
        reported) and its status, each with evidence. Holders only ever reported undated
        come first, their status unknown: an undated report is never the newest."""
        uid = self.node(unit, "unit")
        return self._tenures(uid).get(canonical(title), [])

    # --- meetings ----------------------------------------------------------------------

    def _meeting(self, eid: str, proof: dict[str, Any]) -> MeetingAnswer:
        data = self.graph.nodes[eid]
        names = sorted(self.graph.nodes[p]["name"] for p, _ in self._edges(eid, "participated_in", out=False))
        return MeetingAnswer(event=eid, kind=data["kind"], date=data.get("date"), participants=names,
                             evidence=[self._proof(proof)])

    def meetings(self, person: str) -> list[MeetingAnswer]:
        """The events the person took part in, in date order."""
        pid = self.node(person, "person")
        return [self._meeting(eid, data) for eid, data in self._edges(pid, "participated_in")]

    def met(self, a: str, b: str) -> list[MeetingAnswer]:
        """The events both persons took part in."""
        pa, pb = self.node(a, "person"), self.node(b, "person")
        theirs = {eid for eid, _ in self._edges(pb, "participated_in")}
        return [m for m in self.meetings(pa) if m.event in theirs]

    def met_graph(self) -> nx.Graph:
        """Who met whom, computed now from the events (the graph stores each event with
        its participants, never an edge per pair): persons, joined by an edge whose
        ``events`` are the events both took part in and ``weight`` their number."""
        met = nx.Graph()
        for event, kind in sorted(self.graph.nodes(data="type")):
            if kind != "event":
                continue
            there = sorted({u for u, _, r in self.graph.in_edges(event, data="relation") if r == "participated_in"})
            for i, a in enumerate(there):
                for b in there[i + 1:]:
                    if met.has_edge(a, b):
                        met[a][b]["events"].append(event)
                        met[a][b]["weight"] += 1
                    else:
                        met.add_edge(a, b, events=[event], weight=1)
        return met

    # --- neighbourhoods and timelines ---------------------------------------------------

    def ego(self, node: str, radius: int = 1) -> nx.MultiDiGraph:
        """The node's neighbourhood (edges in both directions), as a graph of its own."""
        start = self.node(node)
        seen = {start}
        frontier = [start]
        for _ in range(radius):
            reached = {n for f in frontier for n in (*self.graph.successors(f), *self.graph.predecessors(f))}
            frontier = sorted(reached - seen)
            seen |= reached
        return self.graph.subgraph(sorted(seen)).copy()

    def timeline(self, node: str) -> list[TimelineEntry]:
        """Everything dated about a person or unit, in date order: posts, ranks, meetings."""
        nid = self.node(node)
        entries: list[TimelineEntry] = []
        kind = self.graph.nodes[nid]["type"]
        if kind == "person":
            for post in self.posts(nid):
                entries.append(TimelineEntry(date=post.date, what=post.post, relation="holds", other=post.unit,
                                             evidence=post.evidence))
            for rank in self.rank_history(nid):
                entries.append(TimelineEntry(date=rank.date, what=rank.rank, relation="rank", evidence=rank.evidence))
            for meeting in self.meetings(nid):
                entries.append(TimelineEntry(date=meeting.date, what=f"{meeting.kind}: {_listed(meeting.participants)}",
                                             relation="participated_in", other=meeting.event, evidence=meeting.evidence))
        else:
            for person, data in self._edges(nid, "holds", out=False):
                entries.append(TimelineEntry(date=data.get("date"), what=f"{self.graph.nodes[person]['name']}: {data['post']}",
                                             relation="holds", other=person, evidence=[self._proof(data)]))
            for article, data in self._edges(nid, "mentioned_in"):
                entries.append(TimelineEntry(date=data.get("date"), what=self.graph.nodes[article]["name"],
                                             relation="mentioned_in", other=article, evidence=[self._proof(data)]))
        order = {"rank": 0, "holds": 1, "participated_in": 2, "mentioned_in": 3}
        return sorted(entries, key=lambda e: (sort_key(e.date), order[e.relation], e.what))


#: The columns of :func:`tenure_rows`.
TENURE_FIELDS = ("unit", "unit_name", "title", "person", "name", "first", "last", "since", "status", "ended",
                 "ended_on", "successor", "note", "articles")


def tenure_rows(graph: nx.MultiDiGraph, units: Iterable[str] | None = None) -> Iterator[tuple[str | None, ...]]:
    """Every tenure of the graph (or of its ``units``) as a row of :data:`TENURE_FIELDS`:
    units in the order of their ids, titles in canonical order, tenures as
    :meth:`KnowledgeGraph.succession` gives them; ``articles`` the ids of the articles
    that report it, space-separated."""
    kg = KnowledgeGraph(graph)
    if units is None:
        units = {unit for _, unit, data in graph.edges(data=True)
                 if data["relation"] == "holds" and data.get("title")}  # a graph of other making may lack it
    for unit in sorted(units):
        held = kg.tenures(unit)
        for key in sorted(held):
            for t in held[key]:
                articles = sorted({e.article for e in (*t.evidence, *t.end_evidence)})
                yield (unit, graph.nodes[unit]["name"], t.title, t.person, t.name, t.first, t.last, t.since, t.status,
                       t.ended, t.ended_on, t.successor, t.note, " ".join(articles))
