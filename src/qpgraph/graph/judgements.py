"""Analysts' decisions on who is whom: ``data/judgements.yaml``.

The automatic rule (:mod:`qpgraph.graph.resolve`) merges the same full name
unless the articles give evidence of two persons. What it cannot decide an
analyst writes down, one judgement per pair of printed persons, each named by
its printed name and the article that prints it (node ids are not stable: the
``~2`` of a node depends on the other persons of that name)::

    judgements:
      - a: {name: Nguyễn Văn An, article: bqp-2024-03}
        b: {name: Nguyễn Văn Ân, article: bqp-2025-01}
        decision: same          # or different
        by: analyst name
        date: 2026-12-06
        why: the given name is misprinted; same post, same unit

Judgements are applied on every build before the automatic rule and are never
overridden by it: persons judged ``same`` are one node (whatever their names),
persons judged ``different`` are never merged. A file whose ``same`` chains
join two persons judged ``different`` is refused, naming both judgements.
A judgement naming an article the build does not have is inert.

>>> j = parse_judgements('''
... judgements:
...   - {a: {name: Lê Văn A, article: x}, b: {name: Lê Văn Á, article: y},
...      decision: same, by: an analyst, date: 2026-12-06, why: misprint}
... ''', where="judgements.yaml")
>>> sorted(j.together[("x", "lê văn a")])
[('x', 'lê văn a'), ('y', 'lê văn á')]
>>> sorted(j.linked_names()["lê văn á"])
['lê văn a', 'lê văn á']
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import networkx as nx
from networkx.utils import UnionFind
from pydantic import BaseModel, ConfigDict, Field

from ..datafile import load_yaml, read_text
from ..errors import JudgementError, VocabularyError
from ..evaluate.canonical import canonical

__all__ = ["Printed", "Judgement", "Judgements", "parse_judgements", "read_judgements", "read_applied", "NONE",
           "APPLIED"]

#: Where a build folder keeps the judgements it applied (what ``qpgraph.load`` applies again).
APPLIED = "judgements.yaml"

#: A mention of a person: (article id, canonical printed name).
Mention = tuple[str, str]


class Printed(BaseModel):
    """A person as one article prints them."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(min_length=1)
    article: str = Field(min_length=1)

    @property
    def mention(self) -> Mention:
        return (self.article, canonical(self.name))


class Judgement(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    a: Printed
    b: Printed
    decision: Literal["same", "different"]
    by: str = Field(min_length=1)
    date: dt.date
    why: str = Field(min_length=1)

    def describe(self, n: int) -> str:
        return (f"judgement {n + 1} ({self.a.name} in {self.a.article} {self.decision} as "
                f"{self.b.name} in {self.b.article})")


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    judgements: list[Judgement] = Field(default_factory=list)


@dataclass(frozen=True)
class Judgements:
    """The judgements of a file, ready for resolution: the mentions judged one person
    (each mention → its whole group) and the pairs judged two."""

    items: tuple[Judgement, ...] = ()
    together: dict[Mention, frozenset[Mention]] = field(default_factory=dict)
    apart: frozenset[frozenset[Mention]] = frozenset()
    #: The file as read (a build keeps it as :data:`APPLIED`).
    text: str = ""

    @property
    def digest(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest() if self.items else ""

    def group(self, mention: Mention) -> frozenset[Mention]:
        return self.together.get(mention, frozenset((mention,)))

    def why(self, mentions: set[Mention], present: set[Mention]) -> list[str]:
        """What was judged of ``mentions`` (a group of one person) against the ``present``
        ones (those of the build: a judgement of an article it lacks is inert), in words."""
        out = []
        for j in self.items:
            ours = [side for side in (j.a, j.b) if side.mention in mentions]
            if not ours or not {j.a.mention, j.b.mention} <= present:
                continue
            if len(ours) == 2:
                what = f"{j.a.name} ({j.a.article}) and {j.b.name} ({j.b.article}) judged the same person"
            else:
                other = j.b if ours[0] is j.a else j.a
                what = f"judged {'the same as' if j.decision == 'same' else 'different from'} {other.name} ({other.article})"
            out.append(f"{what} by {j.by} on {j.date}: {j.why}")
        return out

    def different(self, ours: set[Mention], theirs: set[Mention]) -> bool:
        return any(frozenset((x, y)) in self.apart for x in ours for y in theirs)

    def linked_names(self) -> dict[str, set[str]]:
        """Each canonical name a judgement names → every name judgements link it to, through
        chains of them (a graph update does those names again together)."""
        names = nx.Graph((j.a.mention[1], j.b.mention[1]) for j in self.items)
        return {name: component for component in nx.connected_components(names) for name in component}


NONE = Judgements()


def parse_judgements(text: str, *, where: str | Path) -> Judgements:
    """The judgements of ``text`` (the file at ``where``); :class:`JudgementError` when it
    is malformed or its decisions contradict each other."""
    try:
        items = tuple(load_yaml(text, _File, where=where, expected="a mapping with `judgements:`").judgements)
    except VocabularyError as error:
        raise JudgementError(error.message, error.path, error.line) from None
    groups = UnionFind()
    for j in items:
        if j.decision == "same":
            groups.union(j.a.mention, j.b.mention)
    for n, j in enumerate(items):
        if j.decision == "different" and groups[j.a.mention] == groups[j.b.mention]:
            chain = [items[k].describe(k) for k, s in enumerate(items)
                     if s.decision == "same" and groups[s.a.mention] == groups[j.a.mention]]
            raise JudgementError(f"{j.describe(n)} contradicts {'; '.join(chain)}", where)
    same = {m for j in items if j.decision == "same" for m in (j.a.mention, j.b.mention)}
    together = {m: frozenset(group) for group in groups.to_sets() if group & same for m in group}
    apart = frozenset(frozenset((j.a.mention, j.b.mention)) for j in items if j.decision == "different")
    return Judgements(items, together, apart, text)


def read_judgements(path: str | Path | None) -> Judgements:
    """The judgements of the file at ``path``; none when ``path`` is None."""
    if path is None:
        return NONE
    path = Path(path)
    try:
        text = read_text(path, "judgements file")
    except VocabularyError as error:
        raise JudgementError(error.message, error.path, error.line) from None
    return parse_judgements(text, where=path)


def read_applied(build: str | Path) -> Judgements:
    """The judgements a build folder says it applied (none if it applied none)."""
    applied = Path(build) / APPLIED
    return read_judgements(applied if applied.is_file() else None)
