"""Scoring predicted facts documents against gold ones.

Per article and kind, predicted facts are matched one to one to gold facts in
canonical form (``shared/facts-format.md``); counts are summed over articles
(micro-averaged).

>>> from qpgraph.records import Facts, FactsPerson
>>> gold = {"a": Facts(article="a", date="2025-12-30", units=["Quân khu 7", "Tỉnh ủy Lâm Đồng"])}
>>> pred = {"a": Facts(article="a", date="2025-12-30", units=["QK7", "UBND tỉnh"])}
>>> s = score(gold, pred)
>>> s.kinds["unit"].tp, s.kinds["unit"].fp, s.kinds["unit"].fn, s.kinds["unit"].f1
(1, 1, 1, 0.5)
>>> s.date_accuracy, s.overall.tp
(1.0, 2)
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from qpgraph.errors import AnnotationError
from qpgraph.evaluate.facts import KINDS, OptionalFacts, kind_facts
from qpgraph.evaluate.matching import DateJudgement, Match, judge_date, match
from qpgraph.records import Facts

__all__ = ["KindScore", "Scores", "score", "explain", "format_misses", "format_table", "load_facts_dir"]


class KindScore(BaseModel):
    """Counts and precision / recall / F1 of one kind (or of all kinds)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float

    @classmethod
    def from_counts(cls, tp: int, fp: int, fn: int) -> KindScore:
        """Precision, recall and F1 of counts: 0 where undefined, 1 where nothing was to find or found.

        >>> KindScore.from_counts(3, 1, 2).f1
        0.6666666666666666
        >>> KindScore.from_counts(0, 0, 0).f1, KindScore.from_counts(0, 2, 0).recall
        (1.0, 0.0)
        """
        if tp + fp + fn == 0:
            return cls(tp=0, fp=0, fn=0, precision=1.0, recall=1.0, f1=1.0)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * tp / (2 * tp + fp + fn)
        return cls(tp=tp, fp=fp, fn=fn, precision=precision, recall=recall, f1=f1)


class Scores(BaseModel):
    """The scores of a set of predictions against gold."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kinds: dict[str, KindScore]
    overall: KindScore
    date_accuracy: float
    articles: int


def _compare(gold: Facts, predicted: Facts) -> tuple[dict[str, Match], DateJudgement]:
    """Match every kind but the date, and judge the date, for one article."""
    gold_facts, predicted_facts = kind_facts(gold), kind_facts(predicted)
    covers = OptionalFacts(gold).covers
    matches = {
        kind: match(gold_facts[kind], predicted_facts[kind], functools.partial(covers, kind)) for kind in gold_facts
    }
    return matches, judge_date(gold.date, predicted.date)


def score(gold: Mapping[str, Facts], predicted: Mapping[str, Facts]) -> Scores:
    """Score predictions over the articles of `gold` (a missing prediction is an empty document).

    Predictions for articles not in `gold` are ignored.
    """
    counts = {kind: [0, 0, 0] for kind in KINDS}
    right_dates = 0
    for article in sorted(gold):
        doc = predicted.get(article)
        if doc is None:
            doc = Facts(article=article)
        matches, date = _compare(gold[article], doc)
        for kind, result in matches.items():
            counts[kind][0] += result.tp
            counts[kind][1] += result.fp
            counts[kind][2] += result.fn
        counts["date"][0] += date.tp
        counts["date"][1] += date.fp
        counts["date"][2] += date.fn
        right_dates += date.right
    kinds = {kind: KindScore.from_counts(*counts[kind]) for kind in KINDS}
    overall = KindScore.from_counts(*(sum(c[i] for c in counts.values()) for i in range(3)))
    accuracy = right_dates / len(gold) if gold else 1.0
    return Scores(kinds=kinds, overall=overall, date_accuracy=accuracy, articles=len(gold))


def explain(gold: Facts, predicted: Facts) -> dict[str, dict[str, list[Any]]]:
    """Per kind, the gold facts missed and the predictions counted false, as written.

    >>> from qpgraph.records import Facts, FactsPerson
    >>> gold = Facts(article="a", persons=[FactsPerson(name="Nguyễn Văn An", rank="Trung tướng")])
    >>> pred = Facts(article="a", persons=[FactsPerson(name="Nguyễn Văn An", rank="Thiếu tướng")])
    >>> explain(gold, pred)["rank"]
    {'missed': [['Nguyễn Văn An', 'Trung tướng']], 'false_positives': [['Nguyễn Văn An', 'Thiếu tướng']]}
    >>> explain(gold, pred)["person"]
    {'missed': [], 'false_positives': []}
    """
    matches, date = _compare(gold, predicted)
    report: dict[str, dict[str, list[Any]]] = {}
    for kind in KINDS:
        if kind == "date":
            report[kind] = {
                "missed": [date.gold] if date.fn else [],
                "false_positives": [date.predicted] if date.fp else [],
            }
        else:
            result = matches[kind]
            report[kind] = {
                "missed": [fact.shown for fact in result.missed],
                "false_positives": [fact.shown for fact in result.false_positives],
            }
    return report


def format_table(scores: Scores, title: str) -> str:
    """An aligned plain-text table of the scores.

    >>> print(format_table(score({}, {}), "nothing to find"))
    nothing to find
    kind               P      R     F1   tp   fp   fn
    person         1.000  1.000  1.000    0    0    0
    rank           1.000  1.000  1.000    0    0    0
    post           1.000  1.000  1.000    0    0    0
    unit           1.000  1.000  1.000    0    0    0
    province       1.000  1.000  1.000    0    0    0
    date           1.000  1.000  1.000    0    0    0
    participation  1.000  1.000  1.000    0    0    0
    overall        1.000  1.000  1.000    0    0    0
    date accuracy  1.000 over 0 articles
    """
    rows = [*scores.kinds.items(), ("overall", scores.overall)]
    name_width = max(len("date accuracy"), *(len(name) for name, _ in rows))
    count_width = max(4, *(len(str(getattr(s, c))) for _, s in rows for c in ("tp", "fp", "fn")))
    header = f"{'kind':<{name_width}} {'P':>6} {'R':>6} {'F1':>6}" + "".join(
        f" {c:>{count_width}}" for c in ("tp", "fp", "fn")
    )
    lines = [title, header]
    for name, s in rows:
        lines.append(
            f"{name:<{name_width}} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}"
            f" {s.tp:>{count_width}} {s.fp:>{count_width}} {s.fn:>{count_width}}"
        )
    lines.append(f"{'date accuracy':<{name_width}} {scores.date_accuracy:6.3f} over {scores.articles} articles")
    return "\n".join(lines)


def format_misses(explained: Mapping[str, Mapping[str, Mapping[str, list[Any]]]]) -> str:
    """Per article, the facts :func:`explain` found missed (``-``) or counted false (``+``).

    >>> from qpgraph.records import Facts, FactsPerson
    >>> gold = Facts(article="a", persons=[FactsPerson(name="Nguyễn Văn An", rank="Trung tướng")])
    >>> pred = Facts(article="a", persons=[FactsPerson(name="Nguyễn Văn An", rank="Thiếu tướng")])
    >>> print(format_misses({"a": explain(gold, pred)}))
    a
      - rank ['Nguyễn Văn An', 'Trung tướng']
      + rank ['Nguyễn Văn An', 'Thiếu tướng']
    """
    lines: list[str] = []
    for article, kinds in explained.items():
        rows = [
            f"  {sign} {kind} {fact}"
            for kind, found in kinds.items()
            for sign, key in (("-", "missed"), ("+", "false_positives"))
            for fact in found[key]
        ]
        if rows:
            lines += [article, *rows]
    return "\n".join(lines)


def _load_facts_file(path: Path) -> Facts:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise AnnotationError(f"not valid JSON: {error.msg}", path, error.lineno) from error
    except (OSError, UnicodeDecodeError) as error:
        raise AnnotationError(f"cannot be read: {error}", path) from error
    try:
        facts = Facts.model_validate(data)
    except ValidationError as error:
        raise AnnotationError(f"not a facts document: {error}", path) from error
    if facts.article != path.stem:
        raise AnnotationError(f"article is {facts.article!r}, expected the file stem {path.stem!r}", path)
    if facts.optional is not None:
        for pair in facts.optional.posts:
            if len(pair) != 2:
                raise AnnotationError(f"optional post {pair!r} is not a [name, post] pair", path)
    return facts


def load_facts_dir(path: str | Path) -> dict[str, Facts]:
    """Read every ``*.json`` facts document of a directory, by article id (other files are ignored)."""
    directory = Path(path)
    if not directory.is_dir():
        raise AnnotationError("not a directory of facts documents", directory)
    return {file.stem: _load_facts_file(file) for file in sorted(directory.glob("*.json")) if file.is_file()}
