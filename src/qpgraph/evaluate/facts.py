"""What is compared: the facts of one document, per kind, in canonical form.

A :class:`Fact` is the set of canonical keys any of which matches it (one key,
or one per alternative of a gold list) and the value as printed, for reports:

>>> from qpgraph.records import Facts, FactsPerson
>>> doc = Facts(article="a", persons=[FactsPerson(name="Hà Văn Dũng", rank="Đại tá", posts=["Chủ tịch UBND tỉnh"])])
>>> [sorted(f.keys) for f in kind_facts(doc)["post"]]
[[('hà văn dũng', 'chủ tịch ủy ban nhân dân tỉnh')]]
>>> kind_facts(doc)["rank"][0].shown
['Hà Văn Dũng', 'Đại tá']
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from itertools import product
from typing import Any

from qpgraph.errors import AnnotationError
from qpgraph.evaluate.canonical import canonical, canonical_province
from qpgraph.records import Facts

__all__ = ["KINDS", "Fact", "OptionalFacts", "kind_facts", "alternatives"]

#: The kinds of fact scored, in report order.
KINDS: tuple[str, ...] = ("person", "rank", "post", "unit", "province", "date", "participation")

Printed = str | list[str]


@dataclass(frozen=True)
class Fact:
    """One fact: matched by any of `keys`; `shown` is how it was written."""

    keys: frozenset[Hashable]
    shown: Any


def alternatives(value: Printed) -> list[str]:
    """The alternatives of a value: itself, or the members of a gold list.

    >>> alternatives("Quân khu 7"), alternatives(["A", "B"])
    (['Quân khu 7'], ['A', 'B'])
    """
    return [value] if isinstance(value, str) else list(value)


def _keys(value: Printed, form: Callable[[str], str] = canonical) -> frozenset[Hashable]:
    return frozenset(form(v) for v in alternatives(value))


def _pair_keys(name: Printed, value: Printed) -> frozenset[Hashable]:
    return frozenset(product(_keys(name), _keys(value)))


def _merged(facts: Iterable[Fact]) -> list[Fact]:
    """Facts whose keys overlap made one (a set), in order of first appearance."""
    merged: list[Fact] = []
    for fact in facts:
        overlapping = [m for m in merged if m.keys & fact.keys]
        if not overlapping:
            merged.append(fact)
            continue
        keys = fact.keys.union(*(m.keys for m in overlapping))
        first = merged.index(overlapping[0])
        merged = [m for m in merged if m not in overlapping]
        merged.insert(first, Fact(keys, overlapping[0].shown))
    return merged


def kind_facts(doc: Facts) -> dict[str, list[Fact]]:
    """The facts of every kind but "date", in document order.

    Duplicates are kept (a fact given twice is two facts: one-to-one matching
    makes the second a false positive), except for "participation", which is
    the set of names of every participant of any event.
    """
    facts: dict[str, list[Fact]] = {kind: [] for kind in KINDS if kind != "date"}
    for person in doc.persons:
        facts["person"].append(Fact(_keys(person.name), person.name))
        if person.rank is not None:
            facts["rank"].append(Fact(_pair_keys(person.name, person.rank), [person.name, person.rank]))
        for post in person.posts:
            facts["post"].append(Fact(_pair_keys(person.name, post), [person.name, post]))
    facts["unit"] = [Fact(_keys(unit), unit) for unit in doc.units]
    facts["province"] = [Fact(_keys(p, canonical_province), p) for p in doc.provinces]
    participants = (Fact(_keys(name), name) for event in doc.events for name in event.participants)
    facts["participation"] = _merged(participants)
    return facts


class OptionalFacts:
    """The `optional` facts of a gold document: what a prediction may match at no cost.

    >>> from qpgraph.records import Facts, FactsOptional
    >>> gold = Facts(article="a", optional=FactsOptional(persons=["Minh Khoa"], units=["TTXVN"]))
    >>> covers = OptionalFacts(gold).covers
    >>> covers("unit", Fact(frozenset({"ttxvn"}), "TTXVN"))
    True
    >>> covers("rank", Fact(frozenset({("minh khoa", "đại úy")}), ["Minh Khoa", "Đại úy"]))
    True
    >>> covers("person", Fact(frozenset({"xuân"}), "Xuân"))
    False
    """

    def __init__(self, gold: Facts) -> None:
        optional = gold.optional
        self.persons: frozenset[Hashable] = frozenset()
        self.units: frozenset[Hashable] = frozenset()
        self.provinces: frozenset[Hashable] = frozenset()
        self.posts: frozenset[Hashable] = frozenset()
        if optional is None:
            return
        self.persons = frozenset().union(*(_keys(p) for p in optional.persons))
        self.units = frozenset().union(*(_keys(u) for u in optional.units))
        self.provinces = frozenset().union(*(_keys(p, canonical_province) for p in optional.provinces))
        for pair in optional.posts:
            if len(pair) != 2:
                raise AnnotationError(f"article {gold.article}: optional post {pair!r} is not a [name, post] pair")
        self.posts = frozenset().union(*(_pair_keys(name, post) for name, post in optional.posts))

    def covers(self, kind: str, fact: Fact) -> bool:
        """Whether a predicted fact of this kind matches an optional gold fact.

        Ranks, posts and participations of an optional person are optional too.
        """
        if kind in ("person", "participation"):
            return bool(fact.keys & self.persons)
        if kind == "unit":
            return bool(fact.keys & self.units)
        if kind == "province":
            return bool(fact.keys & self.provinces)
        names = {key[0] for key in fact.keys if isinstance(key, tuple)}
        if names & self.persons:
            return True
        return kind == "post" and bool(fact.keys & self.posts)

