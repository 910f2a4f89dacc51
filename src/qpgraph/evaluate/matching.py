"""Matching predicted facts to gold facts, one to one, and judging the date.

>>> g = [Fact(frozenset({"a", "b"}), ["A", "B"]), Fact(frozenset({"a"}), "A")]
>>> p = [Fact(frozenset({"a"}), "A"), Fact(frozenset({"b"}), "B"), Fact(frozenset({"c"}), "C")]
>>> result = match(g, p, lambda fact: False)
>>> result.tp, [f.shown for f in result.missed], [f.shown for f in result.false_positives]
(2, [], ['C'])
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from qpgraph.evaluate.canonical import canonical
from qpgraph.evaluate.facts import Fact

__all__ = ["Match", "match", "DateJudgement", "judge_date"]


@dataclass(frozen=True)
class Match:
    """The outcome of matching one kind of one article."""

    tp: int
    missed: list[Fact] = field(default_factory=list)
    false_positives: list[Fact] = field(default_factory=list)

    @property
    def fp(self) -> int:
        return len(self.false_positives)

    @property
    def fn(self) -> int:
        return len(self.missed)


def _augment(p: int, edges: list[list[int]], owner: list[int | None], seen: set[int]) -> bool:
    """Kuhn's augmenting path from prediction `p` (owner[g] = prediction holding gold g)."""
    for g in edges[p]:
        if g in seen:
            continue
        seen.add(g)
        holder = owner[g]
        if holder is None or _augment(holder, edges, owner, seen):
            owner[g] = p
            return True
    return False


def match(gold: Sequence[Fact], predicted: Sequence[Fact], optional: Callable[[Fact], bool]) -> Match:
    """Match one to one, as many pairs as possible; a pair shares a key.

    Among the maximum matchings, the one leaving the fewest false positives
    is taken: predictions that match no optional fact are placed first, so
    that those left over are, where possible, the ones an optional fact
    excuses. A leftover prediction that `optional` covers counts nothing.
    """
    edges = [[g for g, gold_fact in enumerate(gold) if gold_fact.keys & fact.keys] for fact in predicted]
    excused = [optional(fact) for fact in predicted]
    owner: list[int | None] = [None] * len(gold)
    order = [p for p in range(len(predicted)) if not excused[p]] + [p for p in range(len(predicted)) if excused[p]]
    for p in order:
        _augment(p, edges, owner, set())
    matched = {p for p in owner if p is not None}
    return Match(
        tp=len(matched),
        missed=[gold[g] for g in range(len(gold)) if owner[g] is None],
        false_positives=[predicted[p] for p in range(len(predicted)) if p not in matched and not excused[p]],
    )


DateValue = str | None | list[str | None] | list[str]


@dataclass(frozen=True)
class DateJudgement:
    """How an article's predicted date counts."""

    right: bool
    tp: int
    fp: int
    fn: int
    gold: Any
    predicted: Any


def _values(value: DateValue) -> list[str | None]:
    members: list[str | None] = list(value) if isinstance(value, list) else [value]
    return [None if m is None else canonical(m) for m in members]


def judge_date(gold: DateValue, predicted: DateValue) -> DateJudgement:
    """Judge a predicted date against the gold value (a string, null, or a list of those).

    A right non-null date is a TP; a wrong non-null date an FP (and an FN if
    gold has a non-null value); null where gold allows no null an FN; null
    where gold allows null counts nothing. A predicted list is right if any
    member is (and is then taken as that member), else taken as its first.

    >>> j = judge_date(["2025-12", None], None)
    >>> j.right, j.tp, j.fp, j.fn
    (True, 0, 0, 0)
    >>> j = judge_date("2025-12-30", "2025-12-31")
    >>> j.right, j.tp, j.fp, j.fn
    (False, 0, 1, 1)
    """
    allowed = _values(gold)
    members = _values(predicted) or [None]
    value = next((m for m in members if m in allowed), members[0])
    right = value in allowed
    gold_has_value = any(a is not None for a in allowed)
    if value is not None:
        return DateJudgement(right, int(right), int(not right), int(not right and gold_has_value), gold, predicted)
    return DateJudgement(right, 0, 0, int(not right), gold, predicted)
