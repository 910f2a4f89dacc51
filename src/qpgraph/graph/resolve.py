"""Entity resolution across articles: which printed persons are one person.

Persons are grouped by canonical name. Within a name, an article's person
joins the first group it does not conflict with, in date order. Two records
conflict when both place the person in bodies and the bodies do not meet (no
top-level body or province in common), or when the ranks would go down over
time. Every decision and its reason is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..evaluate.canonical import canonical
from ..extract.vocab import load_ranks
from ..records import ArticleRecords, Person
from .dates import sort_key

__all__ = ["PersonMention", "PersonCluster", "resolve_persons", "domains"]


@dataclass(frozen=True)
class PersonMention:
    """One article's record of a person, with what places it."""

    article: ArticleRecords
    person: Person
    date: str | None
    domains: frozenset[str]


@dataclass
class PersonCluster:
    key: str                      # canonical name
    members: list[PersonMention] = field(default_factory=list)
    reason: str = ""

    @property
    def domains(self) -> set[str]:
        return set().union(*(m.domains for m in self.members))


def domains(records: ArticleRecords, person: Person) -> frozenset[str]:
    """The top-level bodies and provinces a person's posts place them in."""
    return _domains(person, *_unit_tables(records))


def _unit_tables(records: ArticleRecords) -> tuple[dict[str, str | None], dict[str, str | None]]:
    """An article's units: parent by key, province by key."""
    return {u.key: u.parent_key for u in records.units}, {u.key: u.province for u in records.units}


def _domains(person: Person, parents: dict[str, str | None], provinces: dict[str, str | None]) -> frozenset[str]:
    out: set[str] = set()
    for post in person.posts:
        key = post.unit
        seen: set[str] = set()
        while key is not None and parents.get(key) and key not in seen:
            seen.add(key)
            key = parents[key]
        if key is not None:
            out.add(f"unit:{key}")
            if provinces.get(key):
                out.add(f"province:{provinces[key]}")
    return frozenset(out)


def _rank_order(rank: str | None) -> int | None:
    if rank is None:
        return None
    return next((r.order for r in load_ranks() if r.name == rank), None)


def _conflict(cluster: PersonCluster, mention: PersonMention) -> str | None:
    mine, theirs = cluster.domains, mention.domains
    if mine and theirs and not mine & theirs:
        return f"bodies {sorted(theirs)} do not meet {sorted(mine)}"
    order = _rank_order(mention.person.rank)
    if order is not None:
        for other in cluster.members:
            other_order = _rank_order(other.person.rank)
            if other_order is None:
                continue
            earlier = sort_key(other.date) <= sort_key(mention.date)
            if (earlier and other_order > order) or (not earlier and other_order < order):
                return f"rank {mention.person.rank} on {mention.date} against {other.person.rank} on {other.date}"
    return None


def resolve_persons(records: list[ArticleRecords]) -> list[PersonCluster]:
    """Group every article's persons into persons of the graph, deterministically."""
    mentions = []
    for r in records:
        tables = _unit_tables(r)
        mentions += [PersonMention(r, p, r.date or r.article.published, _domains(p, *tables)) for p in r.persons]
    mentions.sort(key=lambda m: (canonical(m.person.name), sort_key(m.date), m.article.article.id))
    clusters: list[PersonCluster] = []
    by_name: dict[str, list[PersonCluster]] = {}
    for mention in mentions:
        key = canonical(mention.person.name)
        groups = by_name.setdefault(key, [])
        reasons = []
        for group in groups:
            why = _conflict(group, mention)
            if why is None:
                shared = sorted(group.domains & mention.domains)
                group.members.append(mention)
                note = f"shared {', '.join(shared)}" if shared else "no conflicting body or rank"
                group.reason += f"; {mention.article.article.id}: merged, same name, {note}"
                break
            reasons.append(why)
        else:
            group = PersonCluster(key=key, members=[mention])
            group.reason = f"{mention.article.article.id}: first seen"
            if reasons:
                group.reason += f", kept apart from a person of the same name: {'; '.join(reasons)}"
            groups.append(group)
            clusters.append(group)
    return clusters
