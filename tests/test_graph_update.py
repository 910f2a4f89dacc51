"""A graph brought up to date with new, changed and removed articles is the graph
built anew from all of them: node for node, edge for edge, in the same order."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from builds import FIRST_CORPUS, corpus_of, tree

from qpgraph import corpus, store
from qpgraph.graph import kept as kept_module
from qpgraph.graph.build import build_parts
from qpgraph.graph.digests import graph_digests
from qpgraph.graph.update import update
from qpgraph.records import ArticleRecords

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
SAME_NAME = ROOT / "tests" / "fixtures" / "same_name"


@pytest.fixture(scope="module")
def records() -> dict[str, ArticleRecords]:
    return {r.article.id: r for r in corpus.extract_corpus([*FIRST_CORPUS, SAME_NAME]).records}


def _shape(graph: nx.MultiDiGraph) -> list[Any]:
    """Everything a writer of the graph can see, in the graph's order."""
    return [
        [(node, list(data.items())) for node, data in graph._node.items()],
        [(u, [(v, [(k, list(d.items())) for k, d in keys.items()]) for v, keys in succ.items()])
         for u, succ in graph._succ.items()],
        [(v, list(pred)) for v, pred in graph._pred.items()],
    ]


def _renamed(rec: ArticleRecords, aid: str) -> ArticleRecords:
    """Another article's records under the id ``aid`` (an edit that changes everything)."""
    return rec.model_copy(update={"article": rec.article.model_copy(update={"id": aid})})


def test_update_equals_a_graph_built_anew_after_adds_removes_and_edits(records: dict[str, ArticleRecords]) -> None:
    now = {aid: records[aid] for aid in ["dev-29", "dev-33", "dev-20", "sn-a", "002_89c7204c73c9a37e"]}
    state = build_parts(now.values())
    steps: list[dict[str, ArticleRecords | None]] = [
        {"000_90873ee1c2f566b3": records["000_90873ee1c2f566b3"]},  # shares Quân khu 7 and a person
        {"sn-b": records["sn-b"]},  # the same name in other bodies: a second person
        {"sn-a": None},  # the first of the two goes: the second is the only one
        {"dev-33": _renamed(records["dev-40"], "dev-33"), "dev-01": records["dev-01"]},
        {"dev-29": None, "002_89c7204c73c9a37e": None},
        {"sn-a": records["sn-a"], "dev-29": records["dev-29"]},
    ]
    sizes = []
    digests = graph_digests(state.graph)
    for changed in steps:
        for aid, rec in changed.items():
            if rec is None:
                del now[aid]
            else:
                now[aid] = rec
        dirty = update(state, changed, now.__getitem__)
        assert _shape(state.graph) == _shape(build_parts(now.values()).graph)
        sizes.append((len(dirty), state.graph.number_of_nodes()))
        # The digests made again for the dirty nodes only (and of their pairs, those with
        # another dirty node) are those of the whole graph.
        digests, whole = graph_digests(state.graph, digests, dirty), graph_digests(state.graph)
        assert digests.nodes == whole.nodes and digests.key() == whole.key()
    # (nodes that may have changed, nodes): each step touches a part of the graph only.
    assert sizes == [(50, 84), (16, 90), (16, 83), (27, 93), (69, 83), (58, 96)]


def test_update_names_two_persons_of_one_name_as_a_new_build_does(records: dict[str, ArticleRecords]) -> None:
    state = build_parts([records["sn-a"]])
    update(state, {"sn-b": records["sn-b"]}, records.__getitem__)
    persons = sorted(n for n, kind in state.graph.nodes(data="type") if kind == "person" and "~" in n)
    fresh = build_parts([records["sn-a"], records["sn-b"]]).graph
    assert persons == sorted(n for n, kind in fresh.nodes(data="type") if kind == "person" and "~" in n)
    assert len(persons) == 1  # kept apart from the first of the name: a node of its own


def test_build_brings_the_kept_graph_up_to_date_and_reads_only_the_records_it_needs(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt", "dev-20.txt", "dev-13.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)
    assert (out / "cache" / "graph.state").is_file()

    shutil.copy(RAW / "000_90873ee1c2f566b3.txt", raw / "000_90873ee1c2f566b3.txt")
    read: list[str] = []
    real_load = store.Store.load

    def load(self: store.Store, aid: str, key: str, article: Any = None) -> ArticleRecords:
        read.append(aid)
        return real_load(self, aid, key, article)

    def never(records: Any) -> None:
        raise AssertionError("the graph was built anew")

    monkeypatch.setattr(store.Store, "load", load)
    monkeypatch.setattr(kept_module, "build_parts", never)
    corpus.build([raw], out)
    # Of the four articles in the store, the one that prints a person the new one prints
    # is read (its persons are resolved again; its page is rendered again), and those
    # whose pages draw a node the new one adds to (the Party's Central Committee, which
    # dev-13 and dev-20 print in full and the new one as "Trung ương Đảng"): their pages
    # are rendered again; dev-33 is not read. The new one's records, let go of once the
    # graph has them, are read back for its page.
    assert sorted(set(read)) == ["000_90873ee1c2f566b3", "dev-13", "dev-20", "dev-29"]
    monkeypatch.undo()

    corpus.build([raw], tmp_path / "clean", incremental=False)
    assert tree(out) == tree(tmp_path / "clean")


def test_build_builds_the_graph_anew_when_the_kept_one_is_damaged_or_from_other_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)
    state = out / "cache" / "graph.state"
    built: list[int] = []
    real = kept_module.build_parts

    def counting(records: Any, judgements: Any) -> Any:
        built.append(1)
        return real(records, judgements)

    monkeypatch.setattr(kept_module, "build_parts", counting)
    state.write_bytes(state.read_bytes()[:1000])  # damaged
    shutil.copy(RAW / "dev-40.txt", raw / "dev-40.txt")
    corpus.build([raw], out)
    assert built == [1]
    assert kept_module.read_kept(state, "other code") is None
    monkeypatch.setattr("qpgraph.site.reuse.code_key", lambda: "other code")
    (raw / "dev-33.txt").unlink()
    corpus.build([raw], out)
    assert built == [1, 1]
    monkeypatch.undo()
    corpus.build([raw], tmp_path / "clean", incremental=False)
    assert tree(out) == tree(tmp_path / "clean")


def test_build_compares_the_whole_graph_when_the_site_is_not_of_the_kept_graph(tmp_path: Path) -> None:
    raw = corpus_of(tmp_path, "dev-29.txt", "dev-33.txt", "dev-20.txt")
    out = tmp_path / "out"
    corpus.build([raw], out)
    state = out / "cache" / "graph.state"
    before = state.read_bytes()
    shutil.copy(RAW / "000_90873ee1c2f566b3.txt", raw / "000_90873ee1c2f566b3.txt")
    corpus.build([raw], out)
    state.write_bytes(before)  # the kept graph of the build before: as if its writing had failed
    (raw / "000_90873ee1c2f566b3.txt").unlink()
    corpus.build([raw], out)  # nothing changed since the kept graph; much since the site
    corpus.build([raw], tmp_path / "clean", incremental=False)
    assert tree(out) == tree(tmp_path / "clean")
