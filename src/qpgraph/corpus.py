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

import fnmatch
import hashlib
import os
from collections.abc import Container, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from pydantic import BaseModel

from .atomic import sweep, write_text_atomic
from .collector import frozen, paused
from .errors import AnnotationError, ExtractionError, QpgraphError
from .evaluate import Scores, baseline_facts, explain, load_facts_dir, score
from .facts import to_facts
from .ingest import iter_articles, prepare
from .ingest.read import file_signature, list_files
from .progress import progress, stage
from .records import Article, ArticleRecords, Facts
from .store import RecordsList, Store, Stored, article_key, locked
from .text import slug
from .workers import die_with_parent, in_background

__all__ = ["build", "CorpusResult", "extract_corpus", "write_corpus", "dump_json", "facts_of", "EvalReport", "evaluate_corpus", "select_gold"]

#: An article as listed: read now, kept in the store as it is (its file unchanged), or an error.
Listed = Article | Stored | QpgraphError

if TYPE_CHECKING:
    import networkx as nx

    from .graph.judgements import Judgements
    from .graph.kept import KeptGraph
    from .graph.knowledge import KnowledgeGraph
    from .ingest.document import Document
    from .site.reuse import Reuse



@dataclass
class CorpusResult:
    #: Every article's records, in input order (those from the store read when asked for).
    records: RecordsList = field(default_factory=RecordsList)
    errors: list[QpgraphError] = field(default_factory=list)
    #: What extraction left out of the articles extracted now, one line each (path: what).
    warnings: list[str] = field(default_factory=list)
    _graph: KnowledgeGraph | None = field(default=None, repr=False)
    #: The build folder whose store holds the graph, when the build did not make it (a
    #: build that found nothing changed): read from there when it is asked for.
    _stored_in: Path | None = field(default=None, repr=False)

    @property
    def graph(self) -> KnowledgeGraph | None:
        """The knowledge graph, after :func:`build`."""
        if self._graph is None and self._stored_in is not None:
            from .store.graph import load

            self._graph = load(self._stored_in)
        return self._graph

    @graph.setter
    def graph(self, graph: KnowledgeGraph | None) -> None:
        self._graph = graph


def extract(document: Document) -> ArticleRecords:
    """An article's records (:func:`qpgraph.extract.pipeline.extract` with the package's
    pipeline), the extractor imported when first asked for: it needs spaCy, which
    takes a second to import, and a build with nothing to extract never does."""
    from .extract.nlp import build_nlp
    from .extract.pipeline import extract as records_of

    return records_of(document, build_nlp())


def _extract_one(article: Article) -> ArticleRecords | QpgraphError:
    """One article's records, or the error it raised (run in worker processes too)."""
    try:
        return extract(prepare(article)).compact()
    except QpgraphError as exc:
        return exc
    except Exception as exc:  # one article's failure never stops the others
        return ExtractionError(f"extraction failed: {type(exc).__name__}: {exc}", article.path)


def extract_article(article: Article) -> ArticleRecords:
    """One article's records; raises the :class:`~qpgraph.errors.QpgraphError` it met."""
    outcome = _extract_one(article)
    if isinstance(outcome, QpgraphError):
        raise outcome
    return outcome


@dataclass(frozen=True)
class _Keep:
    """Where freshly extracted records are written by the process that extracted them:
    ``facts/`` and ``records/`` under ``out``."""

    out: Path | None = None

    def kept(self, outcome: ArticleRecords | QpgraphError) -> ArticleRecords | QpgraphError:
        """An extraction's outcome, written if it is records."""
        if isinstance(outcome, ArticleRecords) and self.out is not None:
            write_corpus([outcome], self.out / "facts")
            write_corpus([outcome], self.out / "records", full=True)
        return outcome


def _extract_and_keep(article: Article, keep: _Keep) -> ArticleRecords | QpgraphError:
    return keep.kept(_extract_one(article))


def _on_dask(address: str, articles: list[Article]) -> Iterable[ArticleRecords | QpgraphError]:
    """Extract on a Dask cluster (an existing distributed engine, not our own), in input order."""
    from distributed import Client

    with Client(address, set_as_default=False) as client:
        futures = client.map(_extract_one, articles, pure=False)
        yield from client.gather(futures, errors="raise")


def extract_corpus(
    paths: Iterable[str | Path],
    *,
    jobs: int = 1,
    store: Store | None = None,
    report: bool = False,
    dask_scheduler: str | None = None,
    out: Path | None = None,
    listed: Sequence[Listed] | None = None,
) -> CorpusResult:
    """Extract every article under ``paths`` (or the articles already read from them,
    ``listed``, as :func:`~qpgraph.ingest.iter_articles` gives them, or as the store
    keeps them: :class:`~qpgraph.store.Stored`); a bad article is an error, not a stop.

    ``jobs`` processes extract in parallel, or the workers of the Dask cluster
    at ``dask_scheduler`` (an address such as ``tcp://10.0.0.5:8786``); with a
    ``store``, articles already extracted by this extractor are taken from it
    (read when their records are asked for) and the others kept in it as they
    are extracted, with the errors met; ``report`` shows progress on
    standard error; with ``out``, the facts and records of every article
    extracted are written to ``out/facts`` and ``out/records`` as it is done.
    The result is the same whatever the options.
    """
    result = CorpusResult()
    found: list[Article | Stored] = []  # (Stored: its file unchanged, the store's, not read again)
    for item in listed if listed is not None else iter_articles(paths):
        if isinstance(item, QpgraphError):
            result.errors.append(item)
        else:
            found.append(item)
    done: dict[int, ArticleRecords | Stored | QpgraphError] = {}
    articles: dict[int, Article] = {}  # those to extract, by their place in the input
    kept = store.keys() if store is not None else {}
    for i, article in enumerate(found):
        if isinstance(article, Stored):
            done[i] = article
            continue
        key = article_key(article) if kept.get(article.id) else None
        if store is not None and key is not None and kept[article.id] == key:
            done[i] = Stored(store, article.id, key, article)
        else:
            articles[i] = article
    todo = list(articles)
    keep = _Keep(out)
    outcomes: Iterable[ArticleRecords | QpgraphError]
    if dask_scheduler and todo:
        pool = None
        # Dask workers may be other machines: what they return is kept here.
        outcomes = (keep.kept(outcome) for outcome in _on_dask(dask_scheduler, [articles[i] for i in todo]))
    elif jobs > 1 and len(todo) > 1:
        from .extract import nlp, pipeline  # noqa: F401  (imported once here, not in every worker)

        pool = ProcessPoolExecutor(max_workers=jobs, initializer=die_with_parent, initargs=(os.getpid(),))
        outcomes = pool.map(partial(_extract_and_keep, keep=keep), [articles[i] for i in todo],
                            chunksize=max(1, len(todo) // (jobs * 8)))
    else:
        pool = None
        outcomes = (_extract_and_keep(articles[i], keep) for i in todo)
    # Records made in other processes arrive here to stay, as stored ones do; extraction
    # here makes garbage with cycles, and keeps the collector.
    elsewhere: AbstractContextManager[None] = paused() if pool is not None or dask_scheduler else nullcontext()
    try:
        stream = progress(outcomes, len(todo), "extract") if report else outcomes
        with elsewhere:
            for n, outcome in enumerate(stream):
                i = todo[n]
                done[i] = outcome
                if isinstance(outcome, ArticleRecords):
                    result.warnings += [str(QpgraphError(w, outcome.article.path)) for w in outcome.warnings]
                    if store is not None:
                        store.put(outcome)
                elif store is not None:
                    store.put_error(articles[i], outcome)
    finally:
        if pool is not None:
            pool.shutdown()
        if store is not None:
            store.commit()
    for i in range(len(found)):
        outcome = done[i]
        if isinstance(outcome, QpgraphError):
            result.errors.append(outcome)
        else:
            result.records.append(outcome)
    return result


def dump_json(model: BaseModel) -> str:
    """Deterministic JSON: fields in model order, UTF-8 text, trailing newline."""
    return orjson.dumps(model.model_dump(mode="json"), option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


def write_corpus(records: Iterable[ArticleRecords], out: str | Path, *, full: bool = False) -> list[Path]:
    """Write ``out/<id>.json`` per article: the facts, or with ``full`` the records."""
    written: list[Path] = []
    for record in records:
        model: BaseModel = record if full else to_facts(record)
        path = Path(out) / f"{record.article.id}.json"
        write_text_atomic(path, dump_json(model))
        written.append(path)
    return written


def facts_of(result: CorpusResult) -> dict[str, Facts]:
    return {r.article.id: to_facts(r) for r in result.records}


class EvalReport(BaseModel):
    """qpgraph's scores and the underthesea ``ner()`` baseline's, on the same articles."""

    qpgraph: Scores
    baseline: Scores | None = None
    errors: list[str] = []
    #: Per article, per kind, the gold facts missed and the predictions counted false.
    explained: dict[str, dict[str, dict[str, list[Any]]]] = {}


def select_gold(gold: dict[str, Facts], only: Sequence[str]) -> dict[str, Facts]:
    """The gold documents whose article id is one of ``only`` or matches one of its
    globs ("new-*"); all of them when ``only`` is empty.

    >>> gold = {i: Facts(article=i) for i in ("new-01", "new-02", "old-07")}
    >>> sorted(select_gold(gold, ["new-*"])), sorted(select_gold(gold, ["old-07", "new-02"]))
    (['new-01', 'new-02'], ['new-02', 'old-07'])
    >>> select_gold(gold, ["nothing*"])
    Traceback (most recent call last):
    ...
    qpgraph.errors.AnnotationError: no gold annotation matches 'nothing*'
    """
    if not only:
        return gold
    for pattern in only:
        if not any(fnmatch.fnmatchcase(article, pattern) for article in gold):
            raise AnnotationError(f"no gold annotation matches {pattern!r}")
    return {a: f for a, f in gold.items() if any(fnmatch.fnmatchcase(a, p) for p in only)}


def evaluate_corpus(
    gold_dir: str | Path, raw: Iterable[str | Path], *, baseline: bool = True, only: Sequence[str] = ()
) -> EvalReport:
    """Score extraction (and the baseline) against the gold annotations in ``gold_dir``,
    on the articles ``only`` names (ids or globs; all annotated articles if empty)."""
    gold = select_gold(load_facts_dir(gold_dir), only)
    paths = list(raw)
    result = extract_corpus(paths)
    predicted = facts_of(result)
    report = EvalReport(
        qpgraph=score(gold, predicted),
        errors=[str(e) for e in result.errors],
        explained={a: explain(gold[a], predicted.get(a, Facts(article=a))) for a in sorted(gold)},
    )
    if baseline:
        predicted: dict[str, Facts] = {}
        for item in iter_articles(paths):
            if isinstance(item, QpgraphError) or item.id not in gold:
                continue
            document = prepare(item)
            predicted[item.id] = baseline_facts(item.id, "\n".join(s.text for s in document.sentences))
        report.baseline = score(gold, predicted)
    return report


def build(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    jobs: int = 1,
    incremental: bool = True,
    report: bool = False,
    dask_scheduler: str | None = None,
    judgements: str | Path | None = None,
) -> CorpusResult:
    """Everything from the articles in ``paths`` into ``out``: the store
    (``qpgraph.sqlite``: the records, the graph, the tenures), ``facts/`` and
    ``records/`` per article, and ``site/``. The result holds the records, the errors
    and the graph; :func:`qpgraph.export.export_build` writes the graph's export
    formats from the store. The analysts' ``judgements``
    (:mod:`qpgraph.graph.judgements`) decide who is whom before the rule does; the
    build keeps the ones it applied as ``out/judgements.yaml``.

    Every article's records are kept in the build's store (``out/qpgraph.sqlite``,
    :mod:`qpgraph.store`); with ``incremental`` (the default) only
    new or changed articles are extracted, removed ones are dropped, only the rows
    of the graph and the pages of the site whose inputs changed are made again,
    the others taken from the last build (``out/cache/site.state``, see
    :mod:`qpgraph.site.reuse`), and the output is the one of a clean build; without,
    every article is extracted and every page made again, and the store made anew.
    One build at a time writes ``out``: another one started meanwhile fails at once.
    """
    from .graph.judgements import read_judgements
    from .site.reuse import code_key

    decided = read_judgements(judgements)  # a bad file is refused before anything is written
    code = code_key() if not decided.items else hashlib.sha256(f"{code_key()} {decided.digest}".encode()).hexdigest()
    out = Path(out)
    with locked(out):
        sweep(out)  # what a build killed before it finished left behind
        store = Store.open(out, fresh=not incremental)
        try:
            return _build(paths, out, store, code, decided, jobs=jobs, incremental=incremental, report=report,
                          dask_scheduler=dask_scheduler)
        finally:
            store.close()


def _build(paths: Iterable[str | Path], out: Path, store: Store, code: str, decided: Judgements, *, jobs: int,
           incremental: bool, report: bool, dask_scheduler: str | None) -> CorpusResult:
    """:func:`build`, with the folder held and its store open."""
    from .graph.judgements import APPLIED
    from .graph.kept import graph_of, read_kept
    from .graph.knowledge import KnowledgeGraph
    from .site import write_site
    from .site.reuse import build_key, plan, take_last

    kept_at = out / "cache" / "graph.state"
    # With a graph kept by the last build and processes to spare, the articles are
    # extracted by a forked process while the graph is read here.
    beside = jobs > 1 and incremental and dask_scheduler is None and kept_at.is_file()
    previous: KeptGraph | None = None
    with stage("extract", report) as details:
        files = list_files(paths)
        signatures = {str(file): file_signature(file) for file, _ in files}
        as_read = _kept_articles(store, files, signatures) if incremental else None
        if as_read is not None and _unchanged(out, store, build_key(code, as_read), as_read):
            # Nothing to make, and no article read: every file is as it was read last.
            result = CorpusResult(records=RecordsList([Stored(store, aid, key) for aid, key in as_read.items()]))
            _files_in_place(result, out)
            result._stored_in = out
            details.append(f"{len(result.records)} articles, 0 errors, nothing changed")
            return result
        listed = _listed(store, files, signatures) if incremental else list(iter_articles(paths, files=files))
        keys = dict(_key_of(item) for item in listed if not isinstance(item, QpgraphError))
        if incremental and _unchanged(out, store, build_key(code, keys), keys):
            # Nothing to make: the store, the kept graph and the site are of these articles.
            result = _extract_all(listed, out, store, 1, False, signatures=signatures)
            result._stored_in = out
            details.append(f"{len(result.records)} articles, {len(result.errors)} errors, nothing changed")
            return result
        if beside:
            store.close()  # the forked process opens its own connection, never this one
        extracted = in_background(_extract_all, listed, out, store, jobs, report, None, signatures) if beside else None
        if extracted is not None:
            previous = read_kept(kept_at, code)
            details.append("the kept graph read meanwhile")
        result = extracted() if extracted is not None else _extract_all(listed, out, store, jobs, report, dask_scheduler,
                                                                        signatures)
        details.insert(0, f"{len(result.records)} articles, {len(result.errors)} errors")
    articles = result.records.keys()
    by_id = result.records.by_id()
    with stage("graph", report) as details:
        if incremental and extracted is None:
            previous = read_kept(kept_at, code)
        since = build_key(code, previous.articles) if previous is not None else None
        kept, dirty = graph_of(by_id, articles, code, previous, decided)
        changed = dirty  # (the nodes whose rows in the store are written again)
        kg = KnowledgeGraph(kept.parts.graph)
        result.records.release(store, articles)  # pages read them again, one at a time
        details.append(f"{kg.graph.number_of_nodes()} nodes, {kg.graph.number_of_edges()} edges"
                       + (f", {len(dirty)} brought up to date" if dirty is not None else ""))
    # What is alive now (the graph, above all) stays to the end: the collector leaves it alone.
    with frozen(), stage("site", report) as details:
        state = out / "cache" / "site.state"
        last = take_last(state)  # the state is gone until the new site is in place
        if not incremental:
            last = None  # every page made anew
        if last is not None and (previous is None or last.articles != previous.articles):
            dirty = None  # the site is not of the graph brought up to date: compared whole
        # With jobs > 1 the graph kept for the next build, then the graph's rows in the
        # store, are written by one background process (with its own connection to the
        # store; one copy of the graph's pages, not two) while the site is rendered;
        # with one, after the site. They are waited for (or written) even if the site fails.
        key = build_key(code, articles)
        store.commit()
        written = None
        reuse = None
        try:
            reuse = plan(kg.graph, articles, last, dirty)
            keep = (kept_at, kept, store, kg.graph, key, changed, since, _pairs(reuse, dirty))
            written = in_background(_keep_graph, *keep) if jobs > 1 else None
            pages = write_site(kg, by_id, out / "site", jobs=jobs, state=state, reuse=reuse, judgements=decided)
        finally:
            if written is not None:
                written()
            else:
                _keep_graph(kept_at, kept, store, kg.graph, key, changed, since, _pairs(reuse, dirty))
        details.append(f"{len(pages)} pages")
    if decided.items:
        write_text_atomic(out / APPLIED, decided.text)
    else:
        (out / APPLIED).unlink(missing_ok=True)
    result.graph = kg
    return result


def _unchanged(out: Path, store: Store, key: str, articles: dict[str, str]) -> bool:
    """Whether the last build left everything of the graph named ``key`` (the code and
    these ``articles``, article id → key): the records and the graph's rows in the
    store, the kept graph, and the site with its state."""
    from .site.reuse import code_key, read_state

    if store.graph_key() != key or store.keys() != articles or not (out / "cache" / "graph.state").is_file():
        return False
    last = read_state(out / "cache" / "site.state")
    return last is not None and last.code == code_key() and last.articles == articles \
        and (out / "site" / "index.html").is_file()


def _pairs(reuse: Reuse | None, dirty: set[str] | None) -> set[tuple[str, str]] | None:
    """The pairs of nodes whose edges changed since the graph the store holds, if known:
    those the plan found changed since the last site's graph, when the graph was brought
    up to date from that one (``dirty``, the nodes it may have changed, is known)."""
    return reuse.change.pairs if reuse is not None and reuse.change is not None and dirty is not None else None


def _keep_graph(path: Path, kept: KeptGraph, store: Store, graph: nx.MultiDiGraph, key: str, changed: set[str] | None,
                since: str | None, pairs: set[tuple[str, str]] | None) -> None:
    """The graph kept for the next build (:func:`~qpgraph.graph.kept.write_kept`), then
    its rows in the store (:func:`_write_rows`)."""
    from .graph.kept import write_kept

    try:
        write_kept(path, kept)
    finally:
        _write_rows(store, graph, key, changed, since, pairs)


def _write_rows(store: Store, graph: nx.MultiDiGraph, key: str, changed: set[str] | None, since: str | None,
                pairs: set[tuple[str, str]] | None = None) -> int:
    """The graph's rows in ``store`` (:func:`qpgraph.store.graph.write_graph`), committed."""
    from .store.graph import write_graph

    try:
        return write_graph(store, graph, key, changed=changed, since=since, pairs=pairs)
    finally:
        store.close()  # (in a forked process, its own connection)


def _extract_all(listed: Sequence[Listed], out: Path, store: Store, jobs: int, report: bool,
                 dask_scheduler: str | None = None, signatures: dict[str, str | None] | None = None) -> CorpusResult:
    """The extraction stage of :func:`build`: every article's records (from ``store``
    or extracted), their facts and records files in ``out`` (those of articles gone
    removed), and the store rid of the articles gone; with the ``signatures`` the
    files had before they were read, the files read without an error kept in the
    store, with the articles each gave."""
    result = extract_corpus((), jobs=jobs, store=store, report=report, dask_scheduler=dask_scheduler, out=out,
                            listed=listed)
    keys = result.records.keys()
    store.keep_only(keys)
    if signatures is not None:
        store.put_files(_read_files(listed, result.errors, keys, signatures))
    store.close()  # (in a forked process, its own connection)
    _files_in_place(result, out)
    return result


def _read_files(listed: Sequence[Listed], errors: list[QpgraphError], keys: dict[str, str],
                signatures: dict[str, str | None]) -> dict[str, tuple[str, list[tuple[str, str]]]]:
    """The files read whole, without an error (or, unchanged, not read again): path →
    signature, and the articles (id, key) each gave, in order."""
    bad = {_file_of(error.path, signatures) for error in errors if error.path}
    read: dict[str, tuple[str, list[tuple[str, str]]]] = {}
    for item in listed:
        if not isinstance(item, QpgraphError) and item.id in keys:
            file = _file_of(item.path, signatures) if isinstance(item, Article) else item.file
            signature = signatures.get(file)
            if signature is not None and file not in bad:
                read.setdefault(file, (signature, []))[1].append((item.id, keys[item.id]))
    return read


def _file_of(path: str, files: Container[str]) -> str:
    """The file an article or error was read from (an article of a .jsonl file is at FILE:LINE)."""
    return path if path in files else path.rpartition(":")[0]


def _key_of(item: Article | Stored) -> tuple[str, str]:
    return (item.id, article_key(item)) if isinstance(item, Article) else (item.id, item.key)


def _listed(store: Store, files: list[tuple[Path, Path | None]],
            signatures: dict[str, str | None]) -> list[Listed]:
    """What :func:`~qpgraph.ingest.iter_articles` gives for ``files``, without reading
    the files the store kept as they are now (their signatures): each of their
    articles is the store's (:class:`~qpgraph.store.Stored`, with the file it is in).
    If an id of one of those is also read elsewhere, every file is read (which of the
    two is the error is the reading's to say)."""
    kept, stored = store.files(), store.keys()
    same = {path for path, signature in signatures.items() if signature is not None and path in kept
            and kept[path][0] == signature and all(stored.get(aid) == key for aid, key in kept[path][1])}
    by_file: dict[str, list[Listed]] = {}
    for item in iter_articles((), files=[found for found in files if str(found[0]) not in same]):
        by_file.setdefault(_file_of(item.path or "", signatures), []).append(item)
    listed: list[Listed] = []
    for file, _ in files:
        path = str(file)
        if path in same:
            listed += [Stored(store, aid, key, file=path) for aid, key in kept[path][1]]
        else:
            listed += by_file.pop(path, [])
    for items in by_file.values():  # (an error of no listed file: as read)
        listed += items
    ids = [slug(item.id) for item in listed if not isinstance(item, QpgraphError)]
    if len(set(ids)) < len(ids):
        return list(iter_articles((), files=files))
    return listed


def _kept_articles(store: Store, files: list[tuple[Path, Path | None]],
                   signatures: dict[str, str | None]) -> dict[str, str] | None:
    """The articles (id → key, in input order) the store holds for ``files``, when every
    one of them is as it was when it was read (its signature), and there is no other;
    else None."""
    kept = store.files()
    if kept.keys() != signatures.keys() or any(kept[path][0] != signature for path, signature in signatures.items()):
        return None
    return {aid: key for file, _ in files for aid, key in kept[str(file)][1]}


def _files_in_place(result: CorpusResult, out: Path) -> None:
    """The facts and records files of every article of ``result`` in ``out``, and none
    of the articles gone: an article extracted now has them written as it was done,
    one taken from the store from an earlier build (the store's key covers the
    writers' code too); only those missing are written again."""
    by_id = result.records.by_id()
    for folder in (out / "facts", out / "records"):
        if folder.is_dir():
            for stale in sorted(folder.glob("*.json")):
                if stale.stem not in by_id:
                    stale.unlink()
    for folder, full in ((out / "facts", False), (out / "records", True)):
        missing = [aid for aid in by_id if not (folder / f"{aid}.json").is_file()]
        write_corpus((by_id[aid] for aid in missing), folder, full=full)
