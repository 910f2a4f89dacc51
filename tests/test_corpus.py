"""Many articles at once: one failure never stops the others."""

from __future__ import annotations

from pathlib import Path

import pytest
from builds import corpus_of, stored, tree

from qpgraph import corpus
from qpgraph.errors import ExtractionError
from qpgraph.store import StoreError

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_corpus_unexpected_failure_is_reported_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    real = corpus.extract

    def flaky(document):  # type: ignore[no-untyped-def]
        if document.article.id == "dev-33":
            raise ValueError("boom")
        return real(document)

    monkeypatch.setattr(corpus, "extract", flaky)
    result = corpus.extract_corpus([RAW / "dev-29.txt", RAW / "dev-33.txt", RAW / "dev-40.txt"])
    assert [r.article.id for r in result.records] == ["dev-29", "dev-40"]
    assert len(result.errors) == 1
    error = result.errors[0]
    assert isinstance(error, ExtractionError)
    assert str(error) == f"{RAW / 'dev-33.txt'}: extraction failed: ValueError: boom"


def test_corpus_write_corpus_leaves_no_temporary_files(tmp_path: Path) -> None:
    result = corpus.extract_corpus([RAW / "dev-40.txt"])
    written = corpus.write_corpus(result.records, tmp_path)
    assert [p.name for p in written] == ["dev-40.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dev-40.json"]


def test_corpus_incremental_build_equals_clean_build_after_adds_edits_and_deletes(tmp_path: Path) -> None:
    import shutil

    raw = corpus_of(tmp_path, "dev-01.txt", "dev-29.txt", "dev-33.txt")
    out = tmp_path / "out"
    first = corpus.build([raw], out)
    assert len(first.records) == 3 and stored(out) == ["dev-01", "dev-29", "dev-33"]

    shutil.copy(RAW / "dev-40.txt", raw / "dev-40.txt")  # add
    (raw / "dev-33.txt").unlink()  # delete
    edited = (raw / "dev-01.txt").read_text(encoding="utf-8").replace("Thiếu tướng Lê Hồng Nhân", "Trung tướng Lê Hồng Nhân")
    (raw / "dev-01.txt").write_text(edited, encoding="utf-8")  # edit

    calls: list[str] = []
    real = corpus._extract_one

    def counting(article):  # type: ignore[no-untyped-def]
        calls.append(article.id)
        return real(article)

    import pytest as _pytest

    with _pytest.MonkeyPatch.context() as mp:
        mp.setattr(corpus, "_extract_one", counting)
        corpus.build([raw], out)
    assert sorted(calls) == ["dev-01", "dev-40"]  # dev-29 came from the store
    assert stored(out) == ["dev-01", "dev-29", "dev-40"]  # dev-33 dropped, dev-01 replaced

    clean = tmp_path / "clean"
    corpus.build([raw], clean, incremental=False)
    assert tree(out) == tree(clean)
    assert "dev-33.json" not in {p.name for p in (out / "facts").iterdir()}


def test_corpus_incremental_build_writes_only_new_and_missing_article_files(tmp_path: Path) -> None:
    import shutil

    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)
    kept = (out / "facts" / "dev-29.json").stat()
    (out / "records" / "dev-33.json").unlink()
    shutil.copy(RAW / "dev-40.txt", raw / "dev-40.txt")
    corpus.build([raw], out)
    again = (out / "facts" / "dev-29.json").stat()
    assert (again.st_ino, again.st_mtime_ns) == (kept.st_ino, kept.st_mtime_ns)  # unchanged: not rewritten
    assert sorted(p.name for p in (out / "records").iterdir()) == ["dev-29.json", "dev-33.json", "dev-40.json"]
    clean = tmp_path / "clean"
    corpus.build([raw], clean, incremental=False)
    assert tree(out) == tree(clean)


def test_corpus_parallel_extraction_equals_one_process() -> None:
    one = corpus.extract_corpus([RAW], jobs=1)
    two = corpus.extract_corpus([RAW], jobs=2)
    assert [r.model_dump() for r in one.records] == [r.model_dump() for r in two.records]


def test_corpus_progress_as_log_lines(capsys: pytest.CaptureFixture[str]) -> None:
    corpus.extract_corpus([RAW / "dev-29.txt", RAW / "dev-40.txt"], report=True)
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(",")[0] for line in lines] == ["extract: 1/2 (50%)", "extract: 2/2 (100%)"]


def test_corpus_dask_run_equals_local_run(tmp_path: Path) -> None:
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        on_dask = corpus.build([RAW], tmp_path / "dask", dask_scheduler=cluster.scheduler_address, incremental=False)
    local = corpus.build([RAW], tmp_path / "local", jobs=1, incremental=False)
    assert [r.model_dump() for r in on_dask.records] == [r.model_dump() for r in local.records]
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_corpus_mentions_of_one_sentence_share_its_string() -> None:
    from qpgraph.extract.pipeline import extract
    from qpgraph.ingest import iter_articles, prepare

    (records,) = corpus.extract_corpus([RAW / "dev-29.txt"]).records
    (article,) = iter_articles([RAW / "dev-29.txt"])
    assert records.model_dump() == extract(prepare(article)).model_dump()  # the values are the same
    by_sentence: dict[int, set[int]] = {}
    for mention in records.mentions():
        by_sentence.setdefault(mention.sentence, set()).add(id(mention.sentence_text))
    assert len(by_sentence) > 5 and all(len(ids) == 1 for ids in by_sentence.values())


def test_corpus_records_share_one_fields_set_per_model_class_through_pickle() -> None:
    import pickle

    from qpgraph.records import Mention, Unit

    (records,) = corpus.extract_corpus([RAW / "dev-29.txt"]).records
    back = pickle.loads(pickle.dumps(records))
    assert back == records and back.model_dump() == records.model_dump()
    mentions = list(back.mentions())
    sets = {id(m.model_fields_set) for m in mentions}
    assert len(mentions) > 20 and len(sets) == 1 and mentions[0].model_fields_set == set(Mention.model_fields)
    assert len({id(u.model_fields_set) for u in back.units}) == 1 and back.units[0].model_fields_set == set(Unit.model_fields)
    back.units[0].name = back.units[0].name  # pydantic adds the name to the set: it is there already
    assert back.units[1].model_fields_set == set(Unit.model_fields)


def test_corpus_clean_build_makes_the_store_anew(tmp_path: Path) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt")
    out = tmp_path / "out"
    out.mkdir()
    (out / "qpgraph.sqlite").write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match="cannot be read .file is not a database.; run the build with --clean"):
        corpus.build([raw], out)
    assert sorted(p.name for p in out.iterdir()) == ["qpgraph.sqlite"]  # nothing else written
    corpus.build([raw], out, incremental=False)
    assert stored(out) == ["dev-29"]


def test_corpus_files_get_the_permissions_of_any_new_file(tmp_path: Path) -> None:
    import os

    from qpgraph.atomic import write_text_atomic

    mask = os.umask(0o027)
    try:
        write_text_atomic(tmp_path / "a.json", "{}\n")
        write_text_atomic(tmp_path / "a.json", "[]\n")  # replaced whole
    finally:
        os.umask(mask)
    assert (tmp_path / "a.json").stat().st_mode & 0o777 == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"] and (tmp_path / "a.json").read_text() == "[]\n"


def test_corpus_incremental_build_takes_pages_from_a_copied_build(tmp_path: Path) -> None:
    """A CI cache restores the last build as a copy (new files, new times): its pages
    and its store's records are still taken, and the output is the clean build's."""
    import shutil

    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt", "dev-20.txt", "000_90873ee1c2f566b3.txt")
    corpus.build([raw], tmp_path / "first")
    shutil.copytree(tmp_path / "first", tmp_path / "out", copy_function=shutil.copyfile)
    shutil.copy(RAW / "002_89c7204c73c9a37e.txt", raw / "002_89c7204c73c9a37e.txt")

    site = tmp_path / "out" / "site"
    before = {p: p.stat().st_ino for p in site.rglob("*.html")}
    calls: list[str] = []
    real = corpus._extract_one
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(corpus, "_extract_one", lambda article: calls.append(article.id) or real(article))
        corpus.build([raw], tmp_path / "out")
    taken = [p for p in site.rglob("*.html") if before.get(p) == p.stat().st_ino]
    assert len(taken) == 60 and calls == ["002_89c7204c73c9a37e"]
    corpus.build([raw], tmp_path / "clean", incremental=False)
    assert tree(tmp_path / "out") == tree(tmp_path / "clean")


def test_corpus_build_on_two_processes_extracts_while_the_kept_graph_is_read(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    raw = corpus_of(tmp_path, "dev-01.txt", "dev-29.txt")
    out = tmp_path / "out"
    corpus.build([raw], out, jobs=2)
    shutil.copy(RAW / "dev-40.txt", raw / "dev-40.txt")
    (raw / "bad.txt").write_bytes(b"\xff\xfe")
    capsys.readouterr()
    result = corpus.build([raw], out, jobs=2, report=True)
    # The error comes back from the extracting process with its file.
    assert [(type(e).__name__, e.path, e.line) for e in result.errors] == [("IngestError", str(raw / "bad.txt"), 1)]
    stages = [line.split(" (")[0] for line in capsys.readouterr().err.splitlines() if " (" in line]
    assert stages[:2] == ["extract: 3 articles, 1 errors, the kept graph read meanwhile",
                          "graph: 30 nodes, 65 edges, 13 brought up to date"]
    corpus.build([raw], tmp_path / "clean", incremental=False)
    assert tree(out) == tree(tmp_path / "clean")
