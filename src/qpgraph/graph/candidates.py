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

from functools import cache
from itertools import combinations
from typing import Any, Literal

from pydantic import BaseModel

from ..evaluate.canonical import canonical
from ..text import snippet, strip_diacritics
from .judgements import NONE, Judgements
from .knowledge import KnowledgeGraph

__all__ = ["Side", "Candidate", "candidates", "candidate_pairs", "format_candidates"]

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


def candidates(kg: KnowledgeGraph, judgements: Judgements = NONE, limit: int | None = None,
               pairs: list[tuple[Kind, str, str, str | None]] | None = None) -> list[Candidate]:
    """The pairs worth a look, in the order of their kinds and then of their nodes; not
    those already judged ``different`` (those judged ``same`` are one node); the first
    ``limit`` of them, if given. ``pairs``: those :func:`candidate_pairs` gives, if
    they are made already."""
    pairs = pairs if pairs is not None else candidate_pairs(kg, judgements)
    return [Candidate(kind=kind, a=_side(kg, a, article), b=_side(kg, b, article))
            for kind, a, b, article in pairs[:limit]]


def candidate_pairs(kg: KnowledgeGraph, judgements: Judgements = NONE) -> list[tuple[Kind, str, str, str | None]]:
    """The pairs of :func:`candidates` as (kind, node, node, the article both print), in
    its order: cheap, without their posts and sentences."""
    g = kg.graph
    persons = sorted(nid for nid, kind in g.nodes(data="type") if kind == "person")
    # Only the persons that share a key can make a pair: a base id, the letters of a
    # name, the rest of a name in one article.
    groups: dict[tuple[str, ...], list[str]] = {}
    for nid in persons:
        name = g.nodes[nid]["name"]
        groups.setdefault(("base", nid.partition("~")[0]), []).append(nid)
        groups.setdefault(("letters", _letters(name)), []).append(nid)
        words = name.split()
        if len(words) >= 3:
            for article in g.nodes[nid]["articles"]:
                groups.setdefault(("rest", article, *words[1:]), []).append(nid)
    found: dict[tuple[str, str], tuple[Kind, str | None]] = {}  # the pair → its kind, the article both print
    mentioned = cache(lambda node: _mentions(g.nodes[node]))  # a person's, made once (one may be in many pairs)
    order = {"kept apart": 0, "marks": 1, "family name": 2}
    for key, members in groups.items():
        for a, b in combinations(members, 2):
            da, db = g.nodes[a], g.nodes[b]
            if key[0] == "base":
                kind: Kind | None = "kept apart"
            elif key[0] == "letters":
                kind = "marks" if da["name"] != db["name"] else None
            else:
                kind = "family name" if _family_misprint(da["name"], db["name"]) else None
            if kind is None or ((a, b) in found and order[found[a, b][0]] <= order[kind]):
                continue
            if not judgements.apart or not judgements.different(mentioned(a), mentioned(b)):
                found[a, b] = (kind, key[1] if kind == "family name" else None)
    pairs = sorted(found.items(), key=lambda f: (order[f[1][0]], f[0]))
    return [(kind, a, b, article) for (a, b), (kind, article) in pairs]


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
    index = next((d.get("sentence") for _, _, d in kg.graph.out_edges(node, data=True)
                  if d["relation"] == "mentioned_in" and d["article"] == article), None)
    sentence = snippet(kg.sentence(article, index), data["name"]) or ""
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
