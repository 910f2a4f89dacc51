"""Scoring the graph's answers about people and posts against the gold annotations.

Extraction is scored article by article (:mod:`qpgraph.evaluate.score`); this
scores what the graph makes of all of them together:

* **identity**: every person the gold prints in two or more articles (one name is
  one person, unless the judgements file says two; a judged ``same`` joins two
  names) should be one node of its own: counted as one node, split (several
  nodes), or wrongly merged (its node also holds another person), with the rank
  now (of the latest dated article) right or wrong;
* **leadership**: for every unit and heading title the gold gives a holder,
  ``leaders(unit)`` should name the holder of the latest dated article (right,
  wrong, missing), and ``succession(unit, title)`` the holders in the order of
  their first dated article.

A post of the gold is placed in its unit through the person's ``holds`` edge of
that article printed the same way, else by the unit's name.
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx
from pydantic import BaseModel, Field

from ..extract.vocab import load_titles
from ..graph.dates import sort_key
from ..graph.hierarchy import generic_form
from ..graph.ids import node_id
from ..graph.judgements import NONE, Judgements
from ..graph.knowledge import KnowledgeGraph
from ..graph.tenure import single_holder
from ..records import Alternatives, Facts
from .canonical import canonical

__all__ = ["GraphScore", "score_graph", "format_graph_score"]

Mention = tuple[str, str]  # (article id, canonical name)


class GraphScore(BaseModel):
    """What the graph answers right about people and posts; each problem in words."""

    persons: int = Field(description="Persons the gold prints in two or more articles.")
    one_node: int = Field(description="Of them, one node of their own.")
    split: int = Field(description="Of them, split into several nodes.")
    wrong_merges: int = Field(description="Nodes that hold two or more gold persons.")
    unextracted: int = Field(description="Of them, with a mention extraction missed (not counted above).")
    rank_right: int
    rank_wrong: int
    leaders_right: int
    leaders_wrong: int
    leaders_missing: int
    succession_right: int
    succession_wrong: int
    problems: list[str] = Field(default_factory=list)


def _first(value: Alternatives | None) -> str | None:
    return value if isinstance(value, str) or value is None else value[0]


def _person_nodes(kg: KnowledgeGraph) -> dict[Mention, str]:
    """(article, canonical printed name) → the person node."""
    out: dict[Mention, str] = {}
    for nid, data in kg.graph.nodes(data=True):
        if data["type"] == "person":
            for article in data["articles"]:
                for form in (data["name"], *data.get("forms", ())):
                    out[(article, canonical(form))] = nid
    return out


def _gold_persons(gold: Mapping[str, Facts], judgements: Judgements) -> list[set[Mention]]:
    """The persons of the gold: mentions of one name joined unless judged different, and
    the mentions judged the same."""
    people = nx.Graph()
    by_name: dict[str, list[Mention]] = {}
    for article, facts in gold.items():
        for person in facts.persons:
            mention = (article, canonical(_first(person.name) or ""))
            people.add_node(mention)
            by_name.setdefault(mention[1], []).append(mention)
    judged_apart = {m[1] for pair in judgements.apart for m in pair}
    for name, mentions in by_name.items():
        if name not in judged_apart:  # namesakes: who is whom beyond the judgements is not known
            people.add_edges_from(zip(mentions, mentions[1:], strict=False))
    for group in judgements.together.values():
        members = sorted(m for m in group if m in people)
        people.add_edges_from(zip(members, members[1:], strict=False))
    return [set(c) for c in nx.connected_components(people)]


def _rank_now(gold: Mapping[str, Facts], mentions: set[Mention]) -> str | None:
    """The rank of the person's latest dated gold article that prints one."""
    ranked = []
    for article, name in mentions:
        facts = gold[article]
        date = _gold_date(facts)
        for person in facts.persons:
            if canonical(_first(person.name) or "") == name and person.rank and date:
                ranked.append((sort_key(date), _first(person.rank)))
    return max(ranked)[1] if ranked else None


def _identity(kg: KnowledgeGraph, gold: Mapping[str, Facts], judgements: Judgements, nodes: dict[Mention, str],
              out: GraphScore) -> None:
    persons = [p for p in _gold_persons(gold, judgements) if len({a for a, _ in p}) > 1]
    owner = {m: k for k, p in enumerate(persons) for m in p}
    held: dict[str, set[int]] = {}
    for mention, k in owner.items():
        if mention in nodes:
            held.setdefault(nodes[mention], set()).add(k)
    merged = {n for n, ks in held.items() if len(ks) > 1}
    out.persons, out.wrong_merges = len(persons), len(merged)
    out.problems += [f"wrong merge: {kg.graph.nodes[n]['name']} ({n}) holds {len(held[n])} persons" for n in sorted(merged)]
    for person in sorted(persons, key=sorted):
        name = sorted(person)[0][1]
        if any(m not in nodes for m in person):
            out.unextracted += 1
            continue
        found = {nodes[m] for m in person}
        if len(found) > 1:
            out.split += 1
            out.problems.append(f"split: {name} in {len(found)} nodes: {', '.join(sorted(found))}")
            continue
        out.one_node += 1
        expected, got = _rank_now(gold, person), kg.graph.nodes[found.pop()].get("rank")
        if expected is not None and canonical(expected) == canonical(got or ""):
            out.rank_right += 1
        elif expected is not None:
            out.rank_wrong += 1
            out.problems.append(f"rank: {name} is {got}, the gold's latest is {expected}")


def _placed(kg: KnowledgeGraph, person: str, article: str, post: str) -> tuple[str, str, bool] | None:
    """The unit, canonical title and whether one holds it at a time, of a gold post:
    through the person's edge of the article printed the same way, else by the title
    vocabulary and the unit of that name."""
    for _, unit, data in kg.graph.out_edges(person, data=True):
        if data["relation"] == "holds" and data["article"] == article and canonical(data["post"]) == canonical(post):
            return str(unit), canonical(data["title"]), single_holder(data["title"], data["heads"])
    titles = load_titles()
    words = canonical(post)
    if any(v.complete and canonical(t) == words for t, v in titles.items()):
        return None  # "Bí thư Trung ương Đảng": a title that names its body
    title = max((t for t, v in titles.items() if not v.complete and words.startswith(canonical(t) + " ")),
                key=len, default=None)
    if title is None:
        return None
    body = post[len(title):].strip()
    if generic_form(body):
        return None  # "Bộ CHQS tỉnh": which province's is the article's to say
    found = kg.find(body, "unit", partial=False)
    return (found[0].id, canonical(title), single_holder(title, titles[title].heads)) if len(found) == 1 else None


def _gold_date(facts: Facts) -> str | None:
    """The article's date, None where the gold allows it to be unknown."""
    if isinstance(facts.date, list):
        return None if None in facts.date or not facts.date else facts.date[0]
    return facts.date


def _single_posts(
    kg: KnowledgeGraph, gold: Mapping[str, Facts], nodes: dict[Mention, str]
) -> dict[tuple[str, str], list[tuple[str, str, str]]]:
    """(unit node, canonical title) → the gold's reports of a title one holds at a time
    (every heading title, and the single ones): (date or '', canonical name, article)."""
    out: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for article, facts in sorted(gold.items()):
        date = _gold_date(facts)
        for person in facts.persons:
            name = canonical(_first(person.name) or "")
            node = nodes.get((article, name))
            for printed in person.posts if node is not None else ():
                placed = _placed(kg, node, article, _first(printed) or "")
                if placed is not None and placed[2]:
                    out.setdefault(placed[:2], []).append((date or "", name, article))
    return out


def _leadership(kg: KnowledgeGraph, gold: Mapping[str, Facts], nodes: dict[Mention, str], out: GraphScore) -> None:
    for (unit, title), reports in sorted(_single_posts(kg, gold, nodes).items()):
        dated = sorted((sort_key(d), n) for d, n, _ in reports if d)
        if dated:
            last = dated[-1][0]
            expected = {n for d, n in dated if d == last}
        else:
            expected = {n for _, n, _ in reports}
        answers = {canonical(h.name) for h in kg.holders(unit) if canonical(h.title) == title}
        where = f"{kg.graph.nodes[unit]['name']}, {title}"
        if not answers:
            out.leaders_missing += 1
            out.problems.append(f"leaders missing: {where}: expected {sorted(expected)}")
        elif answers <= expected:
            out.leaders_right += 1
        else:
            out.leaders_wrong += 1
            out.problems.append(f"leaders wrong: {where}: {sorted(answers)}, expected {sorted(expected)}")
        order: list[str] = []
        for _, name in dated:
            if name not in order:
                order.append(name)
        known = {n for _, n in dated}  # holders the gold does not date (or give) are not placed in the order
        got = [canonical(t.name) for t in kg.succession(unit, title) if t.first is not None and canonical(t.name) in known]
        if not dated or got == order:
            out.succession_right += 1
        else:
            out.succession_wrong += 1
            out.problems.append(f"succession wrong: {where}: {got}, expected {order}")


def score_graph(kg: KnowledgeGraph, gold: Mapping[str, Facts], judgements: Judgements = NONE) -> GraphScore:
    """Score the graph's identity and leadership answers against the gold of its articles."""
    out = GraphScore(persons=0, one_node=0, split=0, wrong_merges=0, unextracted=0, rank_right=0, rank_wrong=0,
                     leaders_right=0, leaders_wrong=0, leaders_missing=0, succession_right=0, succession_wrong=0)
    gold = {a: f for a, f in gold.items() if node_id("article", a) in kg.graph}
    nodes = _person_nodes(kg)
    _identity(kg, gold, judgements, nodes, out)
    _leadership(kg, gold, nodes, out)
    return out


def format_graph_score(score: GraphScore) -> str:
    """The score as a few lines of text, then each problem."""
    lines = [
        f"persons in 2+ articles  {score.persons}",
        f"  one node              {score.one_node}",
        f"  split                 {score.split}",
        f"  extraction missed     {score.unextracted}",
        f"wrong merges            {score.wrong_merges}",
        f"rank now                {score.rank_right} right, {score.rank_wrong} wrong",
        f"leaders (unit, title)   {score.leaders_right} right, {score.leaders_wrong} wrong, {score.leaders_missing} missing",
        f"succession              {score.succession_right} right, {score.succession_wrong} wrong",
    ]
    return "\n".join(lines + [f"  {p}" for p in score.problems]) + "\n"
