"""Many articles at once: read, extract, write, evaluate.

The command line is a thin layer over these functions; a notebook can call
them too.

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("Sáng 5/3, Đại tá Nguyễn Văn An, Chính ủy Sư đoàn 9 dự.", encoding="utf-8")
>>> result = extract_corpus([folder])
>>> [(p.name, p.rank, [post.text for post in p.posts]) for p in result.records[0].persons]
[('Nguyễn Văn An', 'Đại tá', ['Chính ủy Sư đoàn 9'])]
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel

from .atomic import write_text_atomic
from .errors import ExtractionError, QpgraphError
from .evaluate import Scores, baseline_facts, load_facts_dir, score
from .extract.nlp import build_nlp
from .extract.pipeline import extract
from .facts import to_facts
from .ingest import iter_articles, prepare
from .records import ArticleRecords, Facts

__all__ = ["build", "CorpusResult", "extract_corpus", "write_json", "write_corpus", "dump_json", "facts_of", "EvalReport", "evaluate_corpus"]


@dataclass
class CorpusResult:
    records: list[ArticleRecords] = field(default_factory=list)
    errors: list[QpgraphError] = field(default_factory=list)


def extract_corpus(paths: Iterable[str | Path]) -> CorpusResult:
    """Extract every article under ``paths``; a bad article is an error, not a stop."""
    result = CorpusResult()
    nlp = build_nlp()
    for item in iter_articles(paths):
        if isinstance(item, QpgraphError):
            result.errors.append(item)
            continue
        try:
            result.records.append(extract(prepare(item), nlp))
        except QpgraphError as exc:
            result.errors.append(exc)
        except Exception as exc:  # one article's failure never stops the others
            result.errors.append(ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}", item.path))
    return result


def dump_json(model: BaseModel) -> str:
    """Deterministic JSON: fields in model order, UTF-8 text, trailing newline."""
    return json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def write_json(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` atomically: a reader never sees half a file."""
    write_text_atomic(path, text)


def write_corpus(records: Iterable[ArticleRecords], out: str | Path, *, full: bool = False) -> list[Path]:
    """Write ``out/<id>.json`` per article: the facts, or with ``full`` the records."""
    written: list[Path] = []
    for record in records:
        model: BaseModel = record if full else to_facts(record)
        path = Path(out) / f"{record.article.id}.json"
        write_json(path, dump_json(model))
        written.append(path)
    return written


def facts_of(result: CorpusResult) -> dict[str, Facts]:
    return {r.article.id: to_facts(r) for r in result.records}


class EvalReport(BaseModel):
    """qpgraph's scores and the underthesea ``ner()`` baseline's, on the same articles."""

    qpgraph: Scores
    baseline: Scores | None = None
    errors: list[str] = []


def evaluate_corpus(gold_dir: str | Path, raw: Iterable[str | Path], *, baseline: bool = True) -> EvalReport:
    """Score extraction (and the baseline) against the gold annotations in ``gold_dir``."""
    gold = load_facts_dir(gold_dir)
    paths = list(raw)
    result = extract_corpus(paths)
    report = EvalReport(qpgraph=score(gold, facts_of(result)), errors=[str(e) for e in result.errors])
    if baseline:
        predicted: dict[str, Facts] = {}
        for item in iter_articles(paths):
            if isinstance(item, QpgraphError) or item.id not in gold:
                continue
            document = prepare(item)
            predicted[item.id] = baseline_facts(item.id, "\n".join(s.text for s in document.sentences))
        report.baseline = score(gold, predicted)
    return report


def build(paths: Iterable[str | Path], out: str | Path) -> CorpusResult:
    """Everything from the articles in ``paths`` into ``out``: ``facts/`` and
    ``records/`` per article, the graph in every export format, and ``site/``."""
    from .export import write_all
    from .graph.knowledge import KnowledgeGraph
    from .site import write_site

    result = extract_corpus(paths)
    out = Path(out)
    write_corpus(result.records, out / "facts")
    write_corpus(result.records, out / "records", full=True)
    kg = KnowledgeGraph.from_records(result.records)
    write_all(kg.graph, out)
    write_site(kg, result.records, out / "site")
    return result
