"""Entity resolution across articles: which printed persons are one person.

Persons are grouped by canonical name. The same full name is one person unless
the articles give positive evidence of two; within a name, an article's person
joins the first group it does not conflict with, in date order. Two records
conflict when

* they place the person in different services: the army (the Ministry of
  Defence's tree, the military regions, every province's military command), the
  police (the Ministry of Public Security's) or the civil State and Government.
  A career rises within its service, from a province to a military region to the
  Ministry, but does not cross from one to another; the Party's bodies belong to
  every service and tell nothing (``institutions.yaml`` says which body is whose);
* on one day, they head different bodies (one person is not Tư lệnh of two);
* their ranks would go down over time; an undated record never contradicts a
  dated one.

Before the rule, the analysts' judgements (``data/judgements.yaml``,
:mod:`qpgraph.graph.judgements`) put together the persons judged one and keep
apart those judged two; the rule never undoes them. Every decision and its
reason is kept.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from ..evaluate.canonical import canonical
from ..extract.institutions import MILITARY_REGION, load_institutions
from ..extract.vocab import load_bodies, load_grammar, load_ranks
from ..records import ArticleRecords, Person
from .dates import sort_key
from .judgements import NONE, Judgements

__all__ = ["PersonMention", "PersonCluster", "resolve_persons", "services"]

ARMY, POLICE, CIVIL = "army", "police", "civil"


@dataclass(frozen=True)
class PersonMention:
    """One article's record of a person, with what places it."""

    article: ArticleRecords
    person: Person
    date: str | None
    services: frozenset[str]     # the services its posts place it in
    heads: frozenset[str]        # the units whose heading post it holds


@dataclass
class PersonCluster:
    key: str                      # canonical name
    members: list[PersonMention] = field(default_factory=list)
    reason: str = ""

    @property
    def services(self) -> set[str]:
        return set().union(*(m.services for m in self.members))


@cache
def _service_tables() -> tuple[dict[str, str | None], dict[str, str | None], tuple[str, ...]]:
    """By canonical name, the service of every national body; by canonical head (without
    its province word), the service of every provincial family; the numbered heads,
    all of the army."""
    institutions = load_institutions()

    def of_chain(name: str | None) -> str | None:
        if name is None:
            return None
        chain = institutions.chain(name)
        service = next((b.service for b in chain if b.service), None)
        if service is not None:
            return service
        return None if chain[-1].kind == "party" else CIVIL

    national = {canonical(b.name): of_chain(b.name) for b in institutions.bodies}
    families: dict[str, str | None] = {}
    for family in institutions.families:
        parent = institutions.region_parent if family.parent == MILITARY_REGION else family.parent
        service = None if family.kind == "party" else of_chain(parent)
        for form in family.forms:
            families[without_province_word(canonical(form))] = service
    for region in institutions.military_regions:  # "Quân khu 7": under the region_parent's service
        national[canonical(institutions.region_name(region.number))] = of_chain(institutions.region_parent)
    numbered = tuple(canonical(f) for b in load_bodies() if b.kind == "numbered" for f in b.forms)
    return national, families, numbered


def without_province_word(head: str) -> str:
    """A body's head without the word for a province after it: "bộ chỉ huy quân sự tỉnh" → "bộ chỉ huy quân sự"."""
    for word in load_grammar().province_words:
        head = head.removesuffix(" " + word)
    return head


def _service_of(key: str) -> str | None:
    """The service of a unit of the records by its key, if the institutions say."""
    national, families, numbered = _service_tables()
    if key in national:
        return national[key]
    if "|" in key:
        return families.get(without_province_word(key.split("|", 1)[0]))
    if any(key == head or key.startswith(head + " ") for head in numbered):
        return ARMY  # the numbered units (Sư đoàn, Lữ đoàn, Vùng...) are the army's
    return None


def services(records: ArticleRecords, person: Person) -> frozenset[str]:
    """The services a person's posts place them in (the Party's in none)."""
    return _services(person, _parents(records))


def _parents(records: ArticleRecords) -> dict[str, str | None]:
    return {u.key: u.parent_key for u in records.units}


def _services(person: Person, parents: dict[str, str | None]) -> frozenset[str]:
    out: set[str] = set()
    for post in person.posts:
        key = post.unit
        seen: set[str] = set()
        service = _service_of(key) if key is not None else None
        while service is None and key is not None and parents.get(key) and key not in seen:
            seen.add(key)
            key = parents[key]
            service = _service_of(key)
        if service is not None:
            out.add(service)
    return frozenset(out)


def _heads(person: Person) -> frozenset[str]:
    return frozenset(p.unit for p in person.posts if p.heads and p.unit and not p.former)


def _rank_order(rank: str | None) -> int | None:
    if rank is None:
        return None
    return next((r.order for r in load_ranks() if r.name == rank), None)


def _conflict(cluster: PersonCluster, mention: PersonMention) -> str | None:
    mine, theirs = cluster.services, mention.services
    if mine and theirs and not mine & theirs:
        return f"serves in {', '.join(sorted(theirs))}, not {', '.join(sorted(mine))}"
    for other in cluster.members:
        if mention.date is not None and other.date == mention.date and other.heads and mention.heads:
            if not other.heads & mention.heads:
                return f"on {mention.date} heads {sorted(mention.heads)}, not {sorted(other.heads)}"
    order = _rank_order(mention.person.rank)
    if order is not None:
        for other in cluster.members:
            other_order = _rank_order(other.person.rank)
            if other_order is None or other.date is None or mention.date is None:
                continue  # an undated record never contradicts a dated one
            earlier = sort_key(other.date) <= sort_key(mention.date)
            if (earlier and other_order > order) or (not earlier and other_order < order):
                return f"rank {mention.person.rank} on {mention.date} against {other.person.rank} on {other.date}"
    return None


def resolve_persons(records: list[ArticleRecords], judgements: Judgements = NONE) -> list[PersonCluster]:
    """Group every article's persons into persons of the graph, deterministically; the
    analysts' ``judgements`` first (:mod:`qpgraph.graph.judgements`), then the rule."""
    mentions = []
    for r in records:
        parents = _parents(r)
        date = r.date or r.article.published
        mentions += [PersonMention(r, p, date, _services(p, parents), _heads(p)) for p in r.persons]
    mentions.sort(key=lambda m: (canonical(m.person.name), sort_key(m.date), m.article.article.id))
    clusters: list[PersonCluster] = []
    by_name: dict[str, list[PersonCluster]] = {}
    present = {_mention_id(m) for m in mentions}
    for group in _judged_groups(mentions, judgements):
        names = sorted({canonical(m.person.name) for m in group})
        ids = {_mention_id(m) for m in group}
        reasons = []
        candidates = {id(c): c for name in names for c in by_name.get(name, ())}
        for cluster in candidates.values():  # each once, in order
            if judgements.different(ids, {_mention_id(m) for m in cluster.members}):
                reasons.append("judged different")
                continue
            why = next((w for m in group if (w := _conflict(cluster, m)) is not None), None)
            if why is None:
                shared = sorted(cluster.services.intersection(*(m.services for m in group)))
                cluster.members += group
                note = f"both in {', '.join(shared)}" if shared else "no conflicting service, post or rank"
                cluster.reason += "".join(f"; {m.article.article.id}: merged, same name, {note}" for m in group)
                break
            reasons.append(why)
        else:
            cluster = PersonCluster(key=canonical(group[0].person.name), members=list(group))
            cluster.reason = f"{group[0].article.article.id}: first seen"
            if reasons:
                cluster.reason += f", kept apart from a person of the same name: {'; '.join(reasons)}"
            clusters.append(cluster)
        cluster.reason += "".join(f"; {said}" for said in judgements.why(ids, present))
        for name in names:
            if not any(c is cluster for c in by_name.setdefault(name, [])):
                by_name[name].append(cluster)
    return clusters


def _mention_id(mention: PersonMention) -> tuple[str, str]:
    return (mention.article.article.id, canonical(mention.person.name))


def _judged_groups(mentions: list[PersonMention], judgements: Judgements) -> list[list[PersonMention]]:
    """The mentions in groups that go together: those judged the same person, each other
    alone; in the order of each group's first mention."""
    groups: dict[frozenset[tuple[str, str]], list[PersonMention]] = {}
    alone: list[list[PersonMention]] = []
    for mention in mentions:
        group = judgements.group(_mention_id(mention))
        if len(group) == 1:
            alone.append([mention])
        else:
            groups.setdefault(group, []).append(mention)
    order = {id(m): n for n, m in enumerate(mentions)}
    return sorted([*alone, *groups.values()], key=lambda g: order[id(g[0])])
