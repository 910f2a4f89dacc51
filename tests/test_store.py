"""The build's store: killed builds completed, one build at a time, upgrades re-extract,
records readable with any SQLite client."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from builds import RAW, corpus_of, stored, tree

from qpgraph import corpus
from qpgraph.store import FILE, StoreError, db, keys, locked

COMMAND = [sys.executable, "-c", "from qpgraph.cli import run; run()", "build"]
ARTICLES = ("dev-01.txt", "dev-13.txt", "dev-20.txt", "dev-29.txt", "dev-33.txt", "dev-40.txt")


@pytest.fixture()
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the articles the builds of the test extract."""
    calls: list[str] = []
    real = corpus._extract_one

    def counting(article: Any) -> Any:
        calls.append(article.id)
        return real(article)

    monkeypatch.setattr(corpus, "_extract_one", counting)
    return calls


@pytest.mark.parametrize(("moment", "extracted_again"), [
    ("extract: 3/6", None),  # during extraction: what was not committed is extracted again
    ("extract: 6 articles", []),  # during the graph: every record was committed
    ("graph:", []),  # during exports and site
])
def test_a_build_killed_at_any_stage_is_completed_by_the_next(
        tmp_path: Path, moment: str, extracted_again: list[str] | None, extracted: list[str]) -> None:
    raw = corpus_of(tmp_path, *ARTICLES)
    out = tmp_path / "out"
    build = subprocess.Popen([*COMMAND, str(raw), "--out", str(out), "--jobs", "1"], stderr=subprocess.PIPE, text=True)
    assert build.stderr is not None
    for line in build.stderr:
        if line.startswith(moment):
            os.kill(build.pid, signal.SIGKILL)
            break
    build.wait()
    assert build.returncode == -signal.SIGKILL, f"the build ended before {moment!r}"
    corpus.build([raw], out)
    if extracted_again is not None:
        assert extracted == extracted_again
    corpus.build([raw], tmp_path / "clean", incremental=False)
    assert tree(out) == tree(tmp_path / "clean")


def test_a_second_build_of_a_folder_fails_at_once_while_one_runs(tmp_path: Path) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt")
    out = tmp_path / "out"
    with locked(out):  # a build running
        second = subprocess.run([*COMMAND, str(raw), "--out", str(out)], capture_output=True, text=True, timeout=120)
        with pytest.raises(StoreError, match="another build is writing this folder; wait for it to end"):
            corpus.build([raw], out)
    assert second.returncode == 2
    assert second.stderr == f"error: {out}: another build is writing this folder; wait for it to end\n"
    assert list(out.iterdir()) == []  # nothing written, nothing swept
    corpus.build([raw], out)  # the first one's end lets it go
    assert stored(out) == ["dev-29"]


def test_a_library_upgrade_extracts_every_article_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        extracted: list[str]) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)
    corpus.build([raw], out)
    assert sorted(extracted) == ["dev-29", "dev-33"]  # the second build took both from the store
    versions = {**keys.library_versions(), "vietnamadminunits": "99.0"}
    with monkeypatch.context() as upgrade:
        upgrade.setattr(keys, "library_versions", lambda: versions)
        upgrade.setattr(db, "library_versions", lambda: versions)
        keys.extractor_key.cache_clear()
        try:
            corpus.build([raw], out)
        finally:
            keys.extractor_key.cache_clear()
    assert sorted(extracted) == ["dev-29", "dev-29", "dev-33", "dev-33"]
    with sqlite3.connect(out / FILE) as store:
        (libraries,) = store.execute("SELECT libraries FROM build").fetchone()
    assert json.loads(libraries)["vietnamadminunits"] == "99.0"


def test_the_store_holds_each_article_with_its_records_as_json(tmp_path: Path) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt", "dev-40.txt")
    out = tmp_path / "out"
    corpus.build([raw], out, jobs=2)
    assert [p.name for p in out.glob(f"{FILE}*")] == [FILE]  # one file, whole: the log written into it
    with sqlite3.connect(out / FILE) as store:
        rows = store.execute(
            "SELECT a.id, a.published, json_extract(p.value, '$.name'), json_extract(p.value, '$.rank') "
            "FROM articles a, json_each(a.records, '$.persons') p "
            "WHERE json_extract(p.value, '$.rank') LIKE '%tướng' ORDER BY 1, 3").fetchall()
        (mode,) = store.execute("PRAGMA journal_mode").fetchone()
    assert rows == [
        ("dev-29", "2025-12-19", "Lê Xuân Thế", "Trung tướng"),
        ("dev-29", "2025-12-19", "Phan Văn Giang", "Đại tướng"),
        ("dev-29", "2025-12-19", "Trần Vinh Ngọc", "Trung tướng"),
        ("dev-40", None, "Nguyễn Doãn Anh", "Trung tướng"),
        ("dev-40", None, "Trần Võ Dũng", "Trung tướng"),
    ]
    assert mode == "wal"


def test_a_build_writes_only_the_graph_rows_of_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from qpgraph.store import graph as store_graph

    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt", "dev-20.txt")
    out = tmp_path / "out"
    written: list[int] = []
    pairs: list[int | None] = []  # how many pairs of nodes whose edges changed, when known
    real = store_graph.write_graph

    def counting(*args: Any, **kwargs: Any) -> int:
        written.append(real(*args, **kwargs))
        pairs.append(None if kwargs.get("pairs") is None else len(kwargs["pairs"]))
        return written[-1]

    monkeypatch.setattr(store_graph, "write_graph", counting)
    corpus.build([raw], out)
    corpus.build([raw], out)  # nothing changed
    shutil.copy(RAW / "dev-40.txt", raw / "dev-40.txt")
    corpus.build([raw], out)
    (raw / "dev-33.txt").unlink()
    corpus.build([raw], out)
    with sqlite3.connect(out / FILE) as store:
        (nodes,) = store.execute("SELECT count(*) FROM nodes").fetchone()
    # All 42 nodes; (nothing for the build that changed nothing: it stopped before the
    # graph); the 10 nodes the new article adds or changes (of the 13 the update says
    # may have); none for the removed article (its own nodes' rows deleted, the others
    # as they were).
    assert written == [42, 10, 0]
    # Of the edges, only those of the pairs the site's plan found changed are compared.
    assert pairs == [None, 21, 16]
    corpus.build([raw], tmp_path / "clean", incremental=False)
    assert written[3] == nodes  # a clean build writes every row
    assert tree(out) == tree(tmp_path / "clean")


def test_the_search_index_folds_diacritics_and_d(tmp_path: Path) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt", "000_90873ee1c2f566b3.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)
    with sqlite3.connect(out / FILE) as store:
        def search(query: str) -> list[str]:
            return [node for (node,) in store.execute("SELECT node FROM search WHERE search MATCH ? ORDER BY rank, node",
                                                      (query,))]

        assert search("tran vinh ngoc") == ["person:trần-vinh-ngọc"]
        assert search("lam dong")[:2] == ["province:lâm-đồng", "unit:tỉnh-ủy--lâm-đồng"]
        assert search("quan khu 7")[:2] == ["unit:quân-khu-7", "unit:đảng-ủy-quân-khu-7"]
        assert search("bo chi huy quan su lam*") == ["unit:bộ-chỉ-huy-quân-sự--lâm-đồng"]


class _Crafted:
    """What a build folder from elsewhere may hold: a pickle that runs a command when read."""

    def __init__(self, mark: Path) -> None:
        self.mark = mark

    def __reduce__(self) -> tuple[Any, tuple[str]]:
        return os.system, (f"touch {self.mark}",)


@pytest.mark.parametrize("state", ["graph.state", "site.state"])
@pytest.mark.parametrize("clean", [False, True])
def test_a_crafted_state_in_a_build_folder_runs_no_code(tmp_path: Path, state: str, clean: bool) -> None:
    import pickle

    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)
    mark = tmp_path / "ran"
    (out / "cache" / state).write_bytes(pickle.dumps(_Crafted(mark)))
    corpus.build([raw], out, incremental=not clean)
    assert not mark.exists()
    corpus.build([raw], tmp_path / "clean", incremental=False)
    assert tree(out) == tree(tmp_path / "clean")


@pytest.mark.parametrize(("query", "found"), [
    ("vinh ng", ["person:trần-vinh-ngọc"]),
    ("TRAN VINH NGOC", ["person:trần-vinh-ngọc"]),
    ("bo chi huy quan su lam", ["unit:bộ-chỉ-huy-quân-sự--lâm-đồng"]),
    ("quan khu 7", ["unit:ban-thường-vụ-đảng-ủy-quân-khu-7", "unit:bộ-tham-mưu-quân-khu-7", "unit:bộ-tư-lệnh-quân-khu-7",
                    "unit:cục-chính-trị-quân-khu-7", "unit:quân-khu-7", "unit:đảng-ủy-quân-khu-7"]),
    ("đắk nông", ["province:đắk-nông", "unit:ban-thường-vụ-tỉnh-ủy-đắk-nông", "unit:tỉnh-ủy--đắk-nông"]),
    ("", []),
])
def test_a_search_finds_by_parts_of_names_the_same_from_the_store_and_from_the_graph(
        tmp_path_factory: pytest.TempPathFactory, query: str, found: list[str]) -> None:
    import qpgraph

    folder = tmp_path_factory.mktemp("search")
    raw = corpus_of(folder, "dev-29.txt", "000_90873ee1c2f566b3.txt")
    result = corpus.build([raw], folder / "out")
    assert result.graph is not None
    in_memory = [n.id for n in result.graph.search(query)]
    from_store = [n.id for n in qpgraph.load(folder / "out").search(query)]
    assert from_store == in_memory
    assert sorted(in_memory) == found


def test_a_build_that_finds_nothing_changed_makes_nothing(tmp_path: Path, extracted: list[str]) -> None:
    import networkx as nx

    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt")
    out = tmp_path / "out"
    first = corpus.build([raw], out)
    assert first.graph is not None
    made = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file() and not p.name.startswith(FILE)}
    again = corpus.build([raw], out)
    assert sorted(extracted) == ["dev-29", "dev-33"]  # by the first build only
    assert {p: p.stat().st_mtime_ns for p in made} == made  # no file written again
    assert again.graph is not None and nx.utils.graphs_equal(again.graph.graph, first.graph.graph)
    assert [r.article.id for r in again.records] == ["dev-29", "dev-33"]
    (out / "site" / "index.html").unlink()  # a site that is not whole: made again
    corpus.build([raw], out)
    assert (out / "site" / "index.html").is_file()


def test_a_build_reads_no_article_whose_file_is_as_it_was_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               extracted: list[str]) -> None:
    import time

    from qpgraph.ingest import read

    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)
    real = read.read_capped
    opened: list[str] = []

    def reading(path: Path, max_bytes: int) -> bytes:
        opened.append(Path(path).name)
        return real(path, max_bytes)

    monkeypatch.setattr(read, "read_capped", reading)
    assert len(corpus.build([raw], out).records) == 2
    assert opened == []  # nothing read: both files as they were
    os.utime(raw / "dev-33.txt")  # touched, its text the same: read alone, not extracted again
    corpus.build([raw], out)
    assert opened == ["dev-33.txt"] and sorted(extracted) == ["dev-29", "dev-33"]
    # Its text changed, its size and time put back as they were: the system's change time tells.
    path = raw / "dev-29.txt"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    time.sleep(0.01)
    path.write_text(text.replace("Quân khu 7", "Quân khu 9", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    corpus.build([raw], out)
    assert sorted(extracted) == ["dev-29", "dev-29", "dev-33"] and opened[1:] == ["dev-29.txt"]
    corpus.build([raw], tmp_path / "clean", incremental=False)
    assert tree(out) == tree(tmp_path / "clean")


def test_an_id_of_an_unchanged_file_read_again_elsewhere_is_the_error_a_clean_build_gives(tmp_path: Path) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)
    # Read first (its name sorts first): dev-33's text under dev-33's id, in a file of its own.
    text = (raw / "dev-33.txt").read_text(encoding="utf-8")
    (raw / "a.jsonl").write_text(json.dumps({"id": "dev-33", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
    again = corpus.build([raw], out)
    clean = corpus.build([raw], tmp_path / "clean", incremental=False)
    assert [str(e) for e in again.errors] == [str(e) for e in clean.errors] == [
        f"{raw / 'dev-33.txt'}: duplicate article id 'dev-33' (first read from {raw / 'a.jsonl'}:1)"]
    assert [r.article.path for r in again.records] == [f"{raw / 'a.jsonl'}:1", str(raw / "dev-29.txt")]
    assert tree(out) == tree(tmp_path / "clean")


def test_datasette_opens_the_store_and_answers_who_held_a_post(tmp_path: Path) -> None:
    import asyncio

    from datasette.app import Datasette

    raw = corpus_of(tmp_path, "dev-29.txt", "000_90873ee1c2f566b3.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)

    async def ask() -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        site = Datasette(immutables=[str(out / FILE)])  # `datasette -i build/qpgraph.sqlite`, as the README says
        await site.invoke_startup()
        tenures = await site.client.get("/qpgraph/tenures.json", params={
            "_shape": "array", "unit_name": "Quân khu 7", "title": "Chính ủy", "_col": ["name", "first", "last", "status"]})
        found = await site.client.get("/qpgraph.json", params={
            "_shape": "array", "sql": "SELECT node FROM search WHERE search MATCH :q ORDER BY node", "q": "tran vinh ngoc"})
        return tenures.json(), found.json()

    tenures, found = asyncio.run(ask())
    assert [(t["name"], t["first"], t["last"], t["status"]) for t in tenures] == [
        ("Trần Vinh Ngọc", "2025-12-19", "2025-12-30", "current")]
    assert found == [{"node": "person:trần-vinh-ngọc"}]
    assert [p.name for p in out.glob(f"{FILE}*")] == [FILE]  # opened without a lock or a log
