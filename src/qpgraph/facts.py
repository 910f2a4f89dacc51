"""Records into the facts format of ``shared/facts-format.md``."""

from __future__ import annotations

from .records import ArticleRecords, Facts, FactsEvent, FactsPerson

__all__ = ["to_facts"]


def to_facts(records: ArticleRecords) -> Facts:
    """The flat facts document of one article's records."""
    return Facts(
        article=records.article.id,
        date=records.date,
        persons=[
            FactsPerson(name=p.name, rank=p.rank, posts=[post.text for post in p.posts]) for p in records.persons
        ],
        units=[u.name for u in records.units],
        provinces=[p.name for p in records.provinces],
        events=[FactsEvent(date=e.date, kind=e.kind, participants=list(e.participants)) for e in records.events],
    )
