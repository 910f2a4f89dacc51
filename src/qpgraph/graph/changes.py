"""What new articles changed in the graph, as Markdown fit for a pull-request comment."""

from __future__ import annotations

from typing import Any

from ..extract.vocab import load_ranks
from .dates import sort_key
from .knowledge import KnowledgeGraph

__all__ = ["change_report"]


def _nodes(kg: KnowledgeGraph, kind: str) -> dict[str, dict[str, Any]]:
    return {n: d for n, d in kg.graph.nodes(data=True) if d["type"] == kind}


def _holds(kg: KnowledgeGraph) -> dict[tuple[str, str], dict[str, Any]]:
    """(person, post) → the first edge that reports it."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for u, v, d in sorted(kg.graph.edges(data=True), key=lambda e: (sort_key(e[2].get("date")), e[2]["article"], e[0], e[1])):
        if d["relation"] == "holds" and not d.get("former"):
            out.setdefault((u, d["post"]), {**d, "unit": v})
    return out


def _leaders(kg: KnowledgeGraph) -> dict[tuple[str, str], tuple[str, dict[str, Any]]]:
    """(unit, heading title) → its current holder (:meth:`KnowledgeGraph.leaders`), and the
    latest report of it."""
    out: dict[tuple[str, str], tuple[str, dict[str, Any]]] = {}
    units = sorted({v for _, v, d in kg.graph.edges(data=True) if d["relation"] == "holds" and d.get("heads")})
    for unit in units:
        for holder in kg.leaders(unit):
            if holder.status == "current":
                latest = max(holder.evidence, key=lambda e: (e.date is not None, sort_key(e.date), e.article))
                out[(unit, holder.title.lower())] = (holder.person, {"title": holder.title, **latest.model_dump()})
    return out


def _source(d: dict[str, Any]) -> str:
    return f"{d['article']}" + (f", {d['date']}" if d.get("date") else "")


def change_report(old: KnowledgeGraph, new: KnowledgeGraph) -> str:
    """The Markdown report of what ``new`` says that ``old`` did not."""
    g = new.graph
    name = lambda n: g.nodes[n]["name"]  # noqa: E731
    lines = ["## Knowledge graph changes", ""]

    articles = sorted(set(_nodes(new, "article")) - set(_nodes(old, "article")))
    removed = sorted(set(_nodes(old, "article")) - set(_nodes(new, "article")))
    lines.append(f"{len(articles)} new article(s), {len(removed)} removed.")
    for section, kind in (("New persons", "person"), ("New units", "unit")):
        fresh = sorted(set(_nodes(new, kind)) - set(_nodes(old, kind)), key=lambda n: (name(n), n))
        if fresh:
            lines += ["", f"### {section} ({len(fresh)})", ""]
            lines += [f"- {name(n)} ({', '.join(g.nodes[n]['articles'])})" for n in fresh]

    old_leaders = _leaders(old)
    changes = []
    for (unit, title), (person, d) in sorted(_leaders(new).items(), key=lambda kv: (name(kv[0][0]), kv[0][1])):
        before = old_leaders.get((unit, title))
        if before is not None and before[0] != person:
            was = old.graph.nodes[before[0]]["name"]
            changes.append(f"- **{name(unit)}**, {d['title']}: {was} → {name(person)} ({_source(d)})")
    if changes:
        lines += ["", f"### Leadership changes ({len(changes)})", "", *changes]

    old_holds = _holds(old)
    posts = [
        (name(person), post, d) for (person, post), d in _holds(new).items() if (person, post) not in old_holds
    ]
    if posts:
        lines += ["", f"### New or changed posts ({len(posts)})", ""]
        lines += [f"- {who}: {post} ({_source(d)})" for who, post, d in sorted(posts, key=lambda p: (p[0], p[1]))]

    order = {r.name: r.order for r in load_ranks()}
    promotions = []
    for person, data in sorted(_nodes(new, "person").items(), key=lambda kv: (kv[1]["name"], kv[0])):
        was = old.graph.nodes[person].get("rank") if person in old.graph else None
        now = data.get("rank")
        if was and now and order.get(now, 0) > order.get(was, 0):
            last = data["rank_history"][-1]
            first_now = next(h for h in data["rank_history"] if h["rank"] == now)
            promotions.append(f"- {data['name']}: {was} → {now} ({first_now['article']}, {first_now['date'] or last['date']})")
    if promotions:
        lines += ["", f"### Promotions ({len(promotions)})", "", *promotions]

    events = sorted(set(_nodes(new, "event")) - set(_nodes(old, "event")), key=lambda e: (sort_key(g.nodes[e].get("date")), e))
    meetings = []
    for eid in events:
        data = g.nodes[eid]
        people = sorted(name(u) for u, _, d in g.in_edges(eid, data=True) if d["relation"] == "participated_in")
        if people:
            meetings.append(f"- {data.get('date') or 'undated'}, {data['kind']}: {', '.join(people)} ({data['article']})")
    if meetings:
        lines += ["", f"### New meetings ({len(meetings)})", "", *meetings]
    return "\n".join(lines) + "\n"
