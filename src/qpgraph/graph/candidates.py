"""The pairs of person nodes an analyst should look at (``qpgraph candidates BUILD``).

The automatic rule (:mod:`qpgraph.graph.resolve`) keeps apart what the articles
say are two persons and never joins two spellings. What it may have got wrong:

* ``kept apart``: one name, two nodes (``person:x`` and ``person:x~2``);
* ``marks``: two names with the same letters but other tone or vowel marks
  ("Hùng" and "Hưng"): a misprint, or two persons;
* ``family name``: in one article, two names that differ only in the family
  name: a misprinted family name, or two persons.

Each candidate shows both persons as printed, their posts and a sentence of
each, and the line to add to ``data/judgements.yaml`` once decided
(:mod:`qpgraph.graph.judgements`).
"""

from __future__ import annotations

from itertools import combinations
from typing import Any, Literal

from pydantic import BaseModel

from ..evaluate.canonical import canonical
from ..text import strip_diacritics
from .judgements import NONE, Judgements
from .knowledge import KnowledgeGraph

__all__ = ["Side", "Candidate", "candidates", "format_candidates"]

Kind = Literal["kept apart", "marks", "family name"]


class Side(BaseModel):
    node: str
    name: str
    article: str
    posts: list[str]
    sentence: str
    reason: str

    def printed(self) -> str:
        return f"{{name: {self.name}, article: {self.article}}}"


class Candidate(BaseModel):
    kind: Kind
    a: Side
    b: Side

    def judgement(self) -> str:
        """The entry of ``data/judgements.yaml``, to be completed."""
        return (f"- {{a: {self.a.printed()}, b: {self.b.printed()}, "
                "decision: same|different, by: ?, date: YYYY-MM-DD, why: ?}")


def candidates(kg: KnowledgeGraph, judgements: Judgements = NONE) -> list[Candidate]:
    """The pairs worth a look, in the order of their kinds and then of their nodes; not
    those already judged ``different`` (those judged ``same`` are one node)."""
    persons = sorted((nid, data) for nid, data in kg.graph.nodes(data=True) if data["type"] == "person")
    found: list[tuple[Kind, str, str, str | None]] = []  # kind, node, node, the article both print
    for (a, da), (b, db) in combinations(persons, 2):
        if judgements.different(_mentions(da), _mentions(db)):
            continue
        if a.partition("~")[0] == b.partition("~")[0]:
            found.append(("kept apart", a, b, None))
            continue
        if da["name"] != db["name"] and _letters(da["name"]) == _letters(db["name"]):
            found.append(("marks", a, b, None))
            continue
        shared = sorted(set(da["articles"]) & set(db["articles"]))
        if shared and _family_misprint(da["name"], db["name"]):
            found.append(("family name", a, b, shared[0]))
    order = {"kept apart": 0, "marks": 1, "family name": 2}
    found.sort(key=lambda f: (order[f[0]], f[1], f[2]))
    return [Candidate(kind=kind, a=_side(kg, a, article), b=_side(kg, b, article)) for kind, a, b, article in found]


def _mentions(data: dict[str, Any]) -> set[tuple[str, str]]:
    return {(article, canonical(form)) for article in data["articles"] for form in data["forms"]}


def _letters(name: str) -> str:
    return strip_diacritics(name).casefold()


def _family_misprint(a: str, b: str) -> bool:
    """Two names of three syllables or more that differ in their first only."""
    x, y = a.split(), b.split()
    return len(x) == len(y) >= 3 and x[0] != y[0] and x[1:] == y[1:]


def _side(kg: KnowledgeGraph, node: str, article: str | None) -> Side:
    data = kg.graph.nodes[node]
    article = article or data["articles"][0]
    sentence = next((d["sentence_text"] for _, _, d in kg.graph.out_edges(node, data=True)
                     if d["relation"] == "mentioned_in" and d["article"] == article), "")
    posts = [p.post for p in kg.posts(node) if any(e.article == article for e in p.evidence)]
    return Side(node=node, name=data["name"], article=article, posts=posts, sentence=sentence,
                reason=data["merge"]["reason"])


def format_candidates(found: list[Candidate]) -> str:
    """The candidates as text for a terminal: the two persons side by side, then the line
    to add to the judgements file."""
    if not found:
        return "No pairs to look at.\n"
    pairs = "1 pair" if len(found) == 1 else f"{len(found)} pairs"
    lines = [f"{pairs} to look at; add each decision to data/judgements.yaml.", ""]
    for n, candidate in enumerate(found, 1):
        lines.append(f"{n}. {candidate.kind}: {candidate.a.node} / {candidate.b.node}")
        for side in (candidate.a, candidate.b):
            lines.append(f"   {side.name} ({side.article}): {'; '.join(side.posts) or 'no post'}")
            lines.append(f"     “{side.sentence}”")
            lines.append(f"     {side.reason}")
        lines.append(f"   {candidate.judgement()}")
        lines.append("")
    return "\n".join(lines)
