"""The feeds an analyst checks each week: appointments and handovers, promotions,
meetings and visits, newest first, each line with its evidence and article.

Each feed is a page (``feeds/<name>.html``, filtered in the page by force,
province and date) and the same lines as CSV beside it (``feeds/<name>.csv``).
A line's force (army, police, border guard, coast guard, Party, State) is the one
of the body of the post, or of the persons' posts: the first body up its
``part_of`` chain that is a force's own command (``data/forces.yaml``), else the
kind of the first body whose kind the institutions give.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, partial
from typing import Any, Protocol

from pydantic import BaseModel

from ..datafile import load_data_file
from ..evaluate.canonical import canonical
from ..graph.dates import sort_key
from ..graph.hierarchy import body_kind
from ..graph.ids import node_id
from ..graph.tables import Graph, related

__all__ = ["FEEDS", "Feed", "feed_lines", "force_of", "to_csv", "FORCES"]


class Site(Protocol):
    """What the feeds ask of the site being written (:class:`qpgraph.site.build._Site`)."""

    g: Graph

    def href(self, node: str, root: str) -> str | None: ...
    def article_href(self, article: str, root: str) -> str: ...
    def article_label(self, article: str) -> str: ...
    def quote(self, article: str, data: dict[str, Any]) -> str | None: ...
    def provinces_of(self, node: str) -> list[str]: ...
    def participants(self, event: str) -> list[str]: ...


@dataclass(frozen=True)
class Feed:
    name: str
    title: str
    #: The changes of a ``holds`` edge, or the kinds of an event, the feed lists.
    kinds: tuple[str, ...] = ()


FEEDS = (
    Feed("appointments", "Appointments and handovers", ("appointed", "handed over", "replaced", "transferred")),
    Feed("promotions", "Promotions"),
    Feed("meetings", "Meetings and visits", ("meeting", "visit")),
)

#: The columns of a line, as the CSV gives them.
COLUMNS = ("date", "what", "who", "post", "force", "provinces", "article", "url", "sentence")


class _ForcesFile(BaseModel):
    kinds: dict[str, str]
    commands: dict[str, str]


@cache
def _forces() -> tuple[dict[str, str], dict[str, str]]:
    """Body kind → force; the canonical name of a force's own command → force."""
    data = load_data_file("forces.yaml", _ForcesFile)
    return data.kinds, {canonical(name): force for name, force in data.commands.items()}


FORCES = ("army", "police", "border guard", "coast guard", "Party", "State")


def force_of(graph: Graph, unit: str, parent: Callable[[str], str | None] | None = None) -> str | None:
    """The force of a body: its own command's, up its ``part_of`` chain, else its kind's;
    ``parent`` gives the next body up the chain (:func:`parent_of` if not given)."""
    kinds, commands = _forces()
    parent = parent or partial(parent_of, graph)
    kind: str | None = None
    seen: set[str] = set()
    node: str | None = unit
    while node is not None and node not in seen:
        seen.add(node)
        if (force := commands.get(canonical(graph.nodes_table[node]["name"]))) is not None:
            return force
        kind = kind or body_kind(node)
        node = parent(node)
    return kinds.get(kind) if kind else None


def parent_of(graph: Graph, unit: str) -> str | None:
    """The body ``unit`` is part of (the first by id if several)."""
    return min(related(graph.succ_table[unit], "part_of"), default=None)


class _Forces:
    """:func:`force_of` of the bodies of one graph, and the forces of its persons' posts,
    each computed once."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.units: dict[str, str | None] = {}
        self.persons: dict[str, set[str]] = {}
        # A body's parent, its edges read once (a ministry's are its thousands of articles).
        self.parent = cache(partial(parent_of, graph))

    def of(self, unit: str) -> str | None:
        if unit not in self.units:
            self.units[unit] = force_of(self.graph, unit, self.parent)
        return self.units[unit]

    def of_person(self, person: str) -> set[str]:
        if person not in self.persons:
            self.persons[person] = {force for unit in related(self.graph.succ_table[person], "holds")
                                    if (force := self.of(unit))}
        return self.persons[person]


def feed_lines(site: Site, feed: Feed) -> list[dict[str, Any]]:
    """The lines of a feed, newest first (the undated after every dated one)."""
    make = {"appointments": _appointments, "promotions": _promotions, "meetings": _meetings}[feed.name]
    lines = list(make(site, feed, _Forces(site.g)))
    dated = sorted((x for x in lines if x["date"]), key=lambda x: (sort_key(x["date"]), x["who"], x["post"]), reverse=True)
    return dated + sorted((x for x in lines if not x["date"]), key=lambda x: (x["who"], x["post"]))


def _line(site: Site, date: str | None, what: str, who: list[str], post: str, forces: Iterable[str],
          provinces: Iterable[str], article: str, cited: dict[str, Any]) -> dict[str, Any]:
    g = site.g
    return {"date": date, "what": what, "post": post,
            "who": "; ".join(g.nodes_table[p]["name"] for p in who),
            "people": [{"name": g.nodes_table[p]["name"], "href": site.href(p, "../")} for p in who],
            "force": sorted(set(forces)), "provinces": sorted(set(provinces)), "article": article,
            "label": site.article_label(article), "href": site.article_href(article, "../"),
            "url": g.nodes_table.get(node_id("article", article), {}).get("url"), "sentence": site.quote(article, cited)}


def _appointments(site: Site, feed: Feed, forces: _Forces) -> Iterator[dict[str, Any]]:
    g = site.g
    for person, data in g.nodes(data=True):
        if data["type"] != "person":
            continue
        for unit, keys in g.succ_table[person].items():
            for d in keys.values():
                if d["relation"] == "holds" and d.get("change") in feed.kinds:
                    force = forces.of(unit)
                    yield _line(site, d.get("date"), d["change"], [person], d.get("post") or d.get("title", ""),
                                [force] if force else [], site.provinces_of(unit), d["article"], d)


def _promotions(site: Site, feed: Feed, forces: _Forces) -> Iterator[dict[str, Any]]:
    g = site.g
    for person, data in g.nodes(data=True):
        if data["type"] != "person":
            continue
        for item in data.get("rank_history", []):
            if item.get("before") and item["before"] != item["rank"]:
                mention = g.succ_table[person].get(node_id("article", item["article"]), {})
                cited = next((d for d in mention.values() if d["relation"] == "mentioned_in"), {})
                yield _line(site, item.get("date"), f"{item['before']} → {item['rank']}", [person],
                            "; ".join(_posts_in(g, person, item["article"])), forces.of_person(person),
                            site.provinces_of(person), item["article"], cited)


def _posts_in(graph: Graph, person: str, article: str) -> list[str]:
    """The posts an article gives a person (those printed beside a promotion)."""
    return sorted({d.get("post") or d.get("title", "") for keys in graph.succ_table[person].values()
                   for d in keys.values() if d["relation"] == "holds" and d["article"] == article} - {""})


def _meetings(site: Site, feed: Feed, forces: _Forces) -> Iterator[dict[str, Any]]:
    g = site.g
    for event, data in g.nodes(data=True):
        if data["type"] == "event" and data.get("kind") in feed.kinds:
            people = site.participants(event)
            cited = data["evidence"][0] if data.get("evidence") else {}
            yield _line(site, data.get("date"), data["kind"], people, "",
                        {f for p in people for f in forces.of_person(p)}, site.provinces_of(event), data["article"],
                        cited)


def to_csv(lines: list[dict[str, Any]]) -> str:
    """The lines as CSV (``COLUMNS``; lists joined by "; ")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for line in lines:
        writer.writerow(["; ".join(v) if isinstance(v := line.get(column), list) else ("" if v is None else v)
                         for column in COLUMNS])
    return out.getvalue()
