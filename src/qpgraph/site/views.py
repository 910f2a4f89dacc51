"""What the page of a person, a unit or a province shows beyond its timeline and
neighbourhood: a person's posts held now, career strip and people met; a unit's
leadership, succession and place; a province's leaders, events and merger."""

from __future__ import annotations

import datetime
from typing import Any, Protocol

from ..graph.dates import date_start, sort_key
from ..graph.hierarchy import family_rank
from ..graph.knowledge import KnowledgeGraph
from ..graph.tables import Graph, related
from ..graph.tenure import Tenure, single_holder, single_title
from ..text import snippet
from .paths import page_path

__all__ = ["person_view", "unit_posts", "render_province", "held_in", "LISTED_MET", "PROVINCE_EVENTS"]


class Site(Protocol):
    """What the views ask of the site being written (:class:`qpgraph.site.build._Site`)."""

    g: Graph
    kg: KnowledgeGraph
    unit_reports: dict[str, dict[str, dict[str, list[tuple[str, str, dict[str, Any]]]]]]
    #: (unit, title) → of a title held one at a time, each holder's tenures; of another, None.
    unit_tenures: dict[tuple[str, str], dict[str, list[Tenure]] | None]
    deputy: str

    def href(self, node: str, root: str) -> str | None: ...
    def article_href(self, article: str, root: str) -> str: ...
    def cited(self, node: str, limit: int | None = None) -> list[dict[str, Any]]: ...
    def provinces_of(self, node: str) -> list[str]: ...
    def participants(self, event: str) -> list[str]: ...
    def render(self, template: str, path: str, **context: Any) -> None: ...


#: The most events a province's page lists (the newest).
PROVINCE_EVENTS = 50


def render_province(site: Site, province: str) -> str:
    """A province's page: who led each of its bodies over time (the Party committee,
    the People's Council and Committee, the military command, the police, the border
    guard... in the institutions' order), the events held there (where their
    participants hold posts), what it merged into or from, and its sources."""
    g, nd = site.g, site.g.nodes_table[province]
    path = page_path(province, "province")
    assert path is not None
    bodies = sorted(related(g.pred_table[province], "in_province"),
                    key=lambda u: (family_rank(u) is None, family_rank(u) or 0, g.nodes_table[u]["name"], u))
    led, others = [], []
    for unit in bodies:
        posts = unit_posts(site, unit)
        link = {"name": g.nodes_table[unit]["name"], "href": site.href(unit, "../")}
        if posts["succession"] or posts["leaders"]:
            led.append({**link, **posts})
        else:
            others.append(link)
    name = nd["name"]
    held = sorted(e for e in {e for unit in bodies for person in related(g.pred_table[unit], "holds")
                              for e in related(g.succ_table[person], "participated_in")}
                  if name in site.provinces_of(e))
    held = sorted((e for e in held if g.nodes_table[e].get("date")), key=lambda e: sort_key(g.nodes_table[e]["date"]),
                  reverse=True) + [e for e in held if not g.nodes_table[e].get("date")]
    events = []
    for event in held[:PROVINCE_EVENTS]:  # the newest (their participants looked up for those only)
        data = g.nodes_table[event]
        events.append({"date": data.get("date"), "kind": data["kind"], "article": data["article"],
                       "href": site.article_href(data["article"], "../"),
                       "participants": [{"name": g.nodes_table[p]["name"], "href": site.href(p, "../")}
                                        for p in site.participants(event)[:LISTED_MET]]})
    merged = [{"name": g.nodes_table[v]["name"], "href": site.href(v, "../"), "date": _merger_date(keys)}
              for v, keys in g.succ_table[province].items() if _merger_date(keys)]
    merged_from = [{"name": g.nodes_table[u]["name"], "href": site.href(u, "../"), "date": _merger_date(keys)}
                   for u, keys in g.pred_table[province].items() if _merger_date(keys)]
    sources = [{**c, "href": site.article_href(c["article"], "../")} for c in site.cited(province, PROVINCE_EVENTS)]
    site.render("province.html.j2", path, title=name, name=name, code=nd.get("code"), current=nd.get("current"),
                bodies=led, others=others, events=events, more_events=max(0, len(held) - PROVINCE_EVENTS),
                merged=merged, merged_from=merged_from, sources=sources, cited=len(nd.get("evidence", [])))
    return path


def _merger_date(keys: dict[str, dict[str, Any]]) -> str | None:
    """The date of a ``merged_into`` edge among parallel edges, if there is one."""
    return next((d.get("date") or "" for d in keys.values() if d["relation"] == "merged_into"), None)


def person_view(site: Site, person: str) -> dict[str, Any]:
    """What a person's page opens with: the posts held now (the tenures not ended,
    which the other holders' reports decide), the career strip (ranks and posts over
    time, :func:`_career`) and the people met, each meeting with its date and evidence."""
    g = site.g
    held = [t for unit in sorted(related(g.succ_table[person], "holds")) for t in held_in(site, unit, person)]
    current = [{"post": t.post, "unit_href": site.href(unit, "../"), "title": t.title, "since": t.since or t.first,
                "last": t.last, "status": t.status, "note": t.note,
                "evidence": [{"article": e.article, "href": site.article_href(e.article, "../")} for e in t.evidence[-1:]]}
               for unit, t in held if t.status != "ended"]
    current.sort(key=lambda c: (c["status"] != "current", sort_key(c["since"]), c["post"]))
    met = []
    for meeting in site.kg.meetings(person):
        others = sorted((p for p in related(g.pred_table[meeting.event], "participated_in") if p != person),
                        key=lambda p: g.nodes_table[p]["name"])
        met.append({"date": meeting.date, "kind": meeting.kind, "others": [
            {"name": g.nodes_table[p]["name"], "href": site.href(p, "../")} for p in others[:LISTED_MET]],
            "more": max(0, len(others) - LISTED_MET),
            "evidence": [{"article": e.article, "href": site.article_href(e.article, "../"),
                          "sentence_text": snippet(e.sentence_text, e.text)} for e in meeting.evidence]})
    # Newest first; the undated last (an undated report is never the newest).
    met = sorted((m for m in met if m["date"]), key=lambda m: sort_key(m["date"]), reverse=True) \
        + [m for m in met if not m["date"]]
    return {"current": current, "career": _career(site, person, [t for _, t in held]), "met": met}


#: The most other participants a line of "people met" names.
LISTED_MET = 12


def held_in(site: Site, unit: str, person: str) -> list[tuple[str, Tenure]]:
    """The person's tenures in the unit, as :meth:`KnowledgeGraph.tenures` makes them but
    from fewer reports (a hub has thousands): of a title one person holds at a time,
    all its reports (each title once per process); of another, the person's own, and
    their own of the title it is the deputy of (what ends a deputy's tenure)."""
    reports = site.unit_reports.get(unit)
    if reports is None:
        reports = site.unit_reports[unit] = {}
        for title, found in site.kg.reports(unit).items():
            for report in found:
                reports.setdefault(title, {}).setdefault(report[0], []).append(report)
    held = []
    for title, by_person in reports.items():
        if person not in by_person:
            continue
        key = (unit, title)
        if key not in site.unit_tenures:  # once per title and process: a hub's title has thousands of reports
            found = [r for rs in by_person.values() for r in rs]
            by_holder: dict[str, list[Tenure]] | None = None
            if single_title(found):
                by_holder = {}
                for tenure in _tenures_of(site, reports, title, found, None):
                    by_holder.setdefault(tenure.person, []).append(tenure)
            site.unit_tenures[key] = by_holder
        single = site.unit_tenures[key]
        mine = single.get(person, []) if single is not None else _tenures_of(site, reports, title, by_person[person], person)
        held += [(unit, t) for t in mine]
    return held


def _tenures_of(site: Site, reports: dict[str, dict[str, list[Any]]], title: str, found: list[Any],
                person: str | None) -> list[Tenure]:
    """The tenures of ``found`` reports of ``title``, with the reports of the title it is
    the deputy of (all of them, or with ``person`` theirs only)."""
    deputy = site.deputy
    above = title[len(deputy):] if title.startswith(deputy) else None
    subset: dict[str, list[Any]] = {title: found}
    if above in reports:
        subset[above] = [r for p, rs in reports[above].items() if person is None or p == person for r in rs]
        if not subset[above]:
            del subset[above]
    return site.kg.tenures_from(subset)[title]


def _career(site: Site, person: str, held: list[Tenure]) -> dict[str, Any] | None:
    """The career strip: each rank from its first dated report, each post from its first
    (or appointment) to its last report or its end, placed on one time axis in percent;
    what no article dates is listed apart."""
    ranks = [r for r in site.kg.rank_history(person) if r.date]
    spans = [(t.post, t.since or t.first, t.ended_on or t.last, t.status) for t in held if t.first or t.since]
    days = [date_start(d) for d in [r.date for r in ranks] + [d for _, a, b, _ in spans for d in (a, b)] if d]
    days = [d for d in days if d]
    if not days:
        return None
    lo, hi = min(days), max(days)
    span = max((_day(hi) - _day(lo)), 1)

    def at(date: str | None) -> float:
        day = date_start(date)
        return round(100 * (_day(day) - _day(lo)) / span, 1) if day else 0.0

    rows = [{"post": post, "from": a, "to": b, "status": status, "left": at(a),
             "width": max(round(at(b) - at(a), 1), 0.8)} for post, a, b, status in sorted(spans, key=lambda s: sort_key(s[1]))]
    return {"from": lo, "to": hi, "ranks": [{"rank": r.rank, "date": r.date, "left": at(r.date)} for r in ranks],
            "rows": rows, "undated": sorted({t.post for t in held if not (t.first or t.since)})}


def _day(iso: str) -> int:
    """Days since year 1 of an ISO date (YYYY-MM-DD)."""
    return datetime.date.fromisoformat(iso).toordinal()


def unit_posts(site: Site, unit: str) -> dict[str, Any]:
    """What a unit's page shows of its posts and place (all from its own edges and the
    names of the nodes at their ends): who leads it, the succession of each title one
    holds at a time, the bodies it is part of and those part of it."""
    g, kg = site.g, site.kg

    def link(node: str) -> dict[str, Any]:
        return {"name": g.nodes[node]["name"], "href": site.href(node, "../")}

    def proof(items: list[Any]) -> list[dict[str, Any]]:
        return [{"article": e.article, "href": site.article_href(e.article, "../")} for e in items]

    def latest(items: list[Any]) -> list[Any]:
        return [max(items, key=lambda e: (e.date is not None, sort_key(e.date)))] if items else []

    leaders = [{**link(h.person), "title": h.title, "since": h.since, "date": h.date, "status": h.status,
                "note": h.note, "evidence": proof(latest(h.evidence))} for h in kg.leaders(unit)]
    succession = []
    held = kg.tenures(unit)  # every title's, computed once
    heads = {key for key, tenures in held.items() if any(t.heads for t in tenures)}
    for key in sorted(held, key=lambda k: (k not in heads, k)):
        tenures = held[key]
        if tenures and single_holder(tenures[0].title, key in heads):
            succession.append({"title": tenures[0].title, "tenures": [
                {**link(t.person), "first": t.first, "last": t.last, "since": t.since, "status": t.status,
                 "ended": t.ended, "ended_on": t.ended_on, "successor": link(t.successor) if t.successor else None,
                 "note": t.note, "evidence": proof(t.evidence + t.end_evidence)} for t in tenures]})
    above = sorted({v for _, v, d in g.out_edges(unit, data=True) if d["relation"] == "part_of"})
    below = sorted({u for u, _, d in g.in_edges(unit, data=True) if d["relation"] == "part_of"}, key=lambda n: g.nodes[n]["name"])
    return {"leaders": leaders, "succession": succession, "part_of": [link(n) for n in above], "parts": [link(n) for n in below]}
