"""`qpgraph export` writes every format from a build's store."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import networkx as nx
import orjson
import pyarrow.parquet as pq
import pytest
from builds import RAW, corpus_of

from qpgraph import corpus
from qpgraph.cli import EXPORT_FORMATS
from qpgraph.errors import QpgraphError
from qpgraph.export import FORMATS, export_build, read_node_link
from qpgraph.store import StoreError


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    raw = corpus_of(folder, "dev-29.txt", "dev-20.txt", "000_90873ee1c2f566b3.txt")
    corpus.build([raw], folder / "build")
    return folder / "build"


def test_export_formats_are_the_ones_the_command_offers() -> None:
    assert tuple(FORMATS) == EXPORT_FORMATS


def test_export_writes_the_graph_of_the_build_in_every_format(built: Path, tmp_path: Path) -> None:
    written = export_build(built, tmp_path)
    assert [p.name for p in written] == ["graph.json", "graph.graphml", "graph.gexf", "neo4j", "tenures.csv", "parquet",
                                         "entities.ftm.json"]
    assert [p.name for p in built.glob("qpgraph.sqlite*")] == ["qpgraph.sqlite"]  # one file: no log left by a reader
    graph = read_node_link(tmp_path / "graph.json")
    fresh = corpus.build([RAW / "dev-29.txt", RAW / "dev-20.txt", RAW / "000_90873ee1c2f566b3.txt"],
                         tmp_path / "again").graph
    assert fresh is not None and nx.utils.graphs_equal(graph, fresh.graph)
    assert sorted(p.name for p in (tmp_path / "parquet").iterdir()) == [
        "edges.parquet", "nodes.parquet", "sentences.parquet", "tenures.parquet"]


def test_export_parquet_tables_hold_the_store_rows(built: Path, tmp_path: Path) -> None:
    export_build(built, tmp_path, ["parquet"])
    edges = pq.read_table(tmp_path / "parquet" / "edges.parquet").to_pylist()
    holds = [(e["target"], e["title"], e["post"], e["date"]) for e in edges
             if e["relation"] == "holds" and e["source"] == "person:trần-vinh-ngọc"]
    assert holds == [  # by target, then key (the article: 000_... before dev-29)
        ("unit:quân-khu-7", "Chính ủy", "Chính ủy Quân khu 7", "2025-12-30"),
        ("unit:quân-khu-7", "Chính ủy", "Chính ủy Quân khu 7", "2025-12-19"),
        ("unit:đảng-ủy-quân-khu-7", "Bí thư", "Bí thư Đảng ủy Quân khu 7", "2025-12-30"),
        ("unit:đảng-ủy-quân-khu-7", "Bí thư", "Bí thư Đảng ủy Quân khu 7", "2025-12-19"),
    ]
    sentences = pq.read_table(tmp_path / "parquet" / "sentences.parquet").to_pylist()
    cited = next(e for e in edges if e["relation"] == "holds" and e["source"] == "person:trần-vinh-ngọc")
    [sentence] = [s["text"] for s in sentences if (s["article"], s["sentence"]) == (cited["article"], cited["sentence"])]
    assert "Trần Vinh Ngọc" in sentence
    tenures = pq.read_table(tmp_path / "parquet" / "tenures.parquet")
    assert tenures.column_names[:5] == ["unit", "unit_name", "title", "person", "name"]
    csv_rows = (tmp_path / "tenures.csv").exists()
    assert not csv_rows  # only what was asked for


def test_export_is_byte_identical_for_an_incremental_and_a_clean_build(tmp_path: Path) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt")
    corpus.build([raw], tmp_path / "out")
    shutil.copy(RAW / "dev-40.txt", raw / "dev-40.txt")
    (raw / "dev-33.txt").unlink()
    corpus.build([raw], tmp_path / "out")
    corpus.build([raw], tmp_path / "clean", incremental=False)
    export_build(tmp_path / "out", tmp_path / "a")
    export_build(tmp_path / "clean", tmp_path / "b")
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file())
    assert len(files) == 11
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def _entities(path: Path) -> list[dict[str, Any]]:
    return [orjson.loads(line) for line in path.read_bytes().splitlines()]


def test_export_ftm_gives_the_persons_posts_tenures_and_events_as_followthemoney_entities(built: Path,
                                                                                       tmp_path: Path) -> None:
    [path] = export_build(built, tmp_path, ["ftm"])
    entities = _entities(path)
    by_id = {e["id"]: e for e in entities}
    assert len(by_id) == len(entities)
    [person] = [e for e in entities if e["schema"] == "Person" and e["properties"]["name"] == ["Trần Vinh Ngọc"]]
    assert person["properties"]["title"] == ["Trung tướng"]
    held = [e for e in entities if e["schema"] == "Occupancy" and e["properties"]["holder"] == [person["id"]]]
    posts = {by_id[e["properties"]["post"][0]]["properties"]["name"][0]: e["properties"] for e in held}
    assert sorted(posts) == ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"]
    chief = posts["Chính ủy Quân khu 7"]
    assert (chief["status"], chief["date"]) == (["current"], ["2025-12-19", "2025-12-30"])
    [article] = [by_id[p] for p in chief["proof"] if by_id[p]["properties"].get("sourceUrl")]
    assert article["schema"] == "Article" and article["properties"]["sourceUrl"] == chief["sourceUrl"]
    [position] = [e for e in entities if e["schema"] == "Position" and e["properties"]["name"] == ["Chính ủy Quân khu 7"]]
    assert by_id[position["properties"]["organization"][0]]["properties"]["name"] == ["Quân khu 7"]
    met = [e for e in entities if e["schema"] == "Event" and person["id"] in e["properties"].get("involved", [])]
    assert sorted(e["properties"]["date"][0] for e in met) == ["2025-12-19", "2025-12-30"]
    # FollowTheMoney reads every entity back as it is written, and each reference is to one in the file.
    checked = tmp_path / "checked.json"
    subprocess.run([str(Path(sys.executable).parent / "ftm"), "validate", "-i", str(path), "-o", str(checked)], check=True)
    assert [{k: e[k] for k in ("id", "schema", "properties")} for e in _entities(checked)] == entities
    references = {v for e in entities for prop in ("holder", "post", "organization", "parent", "involved", "proof")
                  for v in e["properties"].get(prop, [])}
    assert references <= by_id.keys()


def test_export_ftm_finds_a_nodes_edges_by_its_id_never_by_scanning_a_relation(
        built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Without statistics SQLite's planner looked up a body's parents and an event's
    # participants among every edge of the relation, for each node: 150 s at 10,000 articles.
    import sqlite3

    from qpgraph.export import ftm

    asked: list[str] = []
    real = ftm.connect_read_only

    def traced(folder: str | Path) -> sqlite3.Connection:
        db = real(folder)
        db.set_trace_callback(asked.append)
        return db

    monkeypatch.setattr(ftm, "connect_read_only", traced)
    export_build(built, tmp_path, ["ftm"])
    plans = {}
    with sqlite3.connect(built / "qpgraph.sqlite") as db:
        for sql in asked:
            if "edges" in sql:
                plans[sql] = [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql)]
    assert len(plans) == 2 and all(
        any(step.startswith("SEARCH e USING") and ("(source=?)" in step or "(target=?)" in step) for step in plan)
        and not any("edges_by_relation" in step or step.startswith("SCAN e") for step in plan)
        for plan in plans.values()), plans


def test_export_without_followthemoney_names_the_extra_to_install(built: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("qpgraph.export.find_spec", lambda name: None)
    with pytest.raises(QpgraphError, match=r"export ftm: needs FollowTheMoney: pip install 'qpgraph\[ftm\]'"):
        export_build(built, tmp_path, ["ftm"])
    assert [p.name for p in export_build(built, tmp_path)][-1] == "parquet"  # all the others


def test_export_of_a_folder_without_a_store_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here: run `qpgraph build` first"):
        export_build(tmp_path, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_export_tenures_from_the_store_are_those_of_its_graph(built: Path, tmp_path: Path) -> None:
    from qpgraph.export import write_tenures
    from qpgraph.graph.io import load

    export_build(built, tmp_path / "store", ["tenures"])
    write_tenures(load(built).graph, tmp_path / "graph.csv")
    lines = (tmp_path / "store" / "tenures.csv").read_text(encoding="utf-8").splitlines()
    assert (tmp_path / "graph.csv").read_text(encoding="utf-8").splitlines() == lines
    assert len(lines) == 37 and lines[0].startswith("unit,unit_name,title,person,name,first,last,since,status")
