"""In a build, an export takes the items that did not change from the last file,
and is byte for byte the file a full write gives."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from builds import FIRST_CORPUS

from qpgraph.corpus import extract_corpus
from qpgraph.export import Keep, _items, _scan, write_all
from qpgraph.export._scan import scan
from qpgraph.graph.build import build_graph
from qpgraph.graph.digests import compare, graph_digests

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
FILES = ("graph.json", "graph.graphml", "graph.gexf", "neo4j/nodes.csv", "neo4j/relationships.csv")


@pytest.fixture(scope="module")
def graphs() -> tuple[nx.MultiDiGraph, nx.MultiDiGraph]:
    """Five articles, then a sixth that shares Bộ Quốc phòng and Quân ủy Trung ương with them."""
    records = {r.article.id: r for r in extract_corpus(FIRST_CORPUS).records}
    first = ["dev-29", "dev-33", "002_89c7204c73c9a37e", "dev-20", "000_90873ee1c2f566b3"]
    return build_graph([records[a] for a in first]), build_graph([records[a] for a in [*first, "dev-13"]])


def _rendered(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Items rendered (not taken from the last file), per file written."""
    counts: dict[str, int] = {}
    real = _items.write_parts

    def counting(path: Path, parts: list[_items.Part], context: str, keep: Keep | None = None) -> None:
        counts[path.name] = 0

        def wrap(section: _items.Section) -> _items.Section:
            def render(item: object) -> str:
                counts[path.name] += 1
                return section.render(item)
            return _items.Section(section.kind, section.items, render, section.separator)

        real(path, [part if isinstance(part, str) else wrap(part) for part in parts], context, keep)

    for module in ("node_link", "graphml", "gexf", "neo4j"):
        monkeypatch.setattr(f"qpgraph.export.{module}.write_parts", counting)
    return counts


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in FILES}


def test_export_reuse_takes_unchanged_items_from_the_last_file(
    graphs: tuple[nx.MultiDiGraph, nx.MultiDiGraph], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    old, new = graphs
    before, after = graph_digests(old), graph_digests(new)
    out, kept = tmp_path / "out", tmp_path / "kept"
    rendered = _rendered(monkeypatch)
    write_all(old, out, keep=Keep(kept, "one"))
    assert rendered == {"graph.json": 270, "graph.graphml": 270, "graph.gexf": 270, "nodes.csv": 77,
                        "relationships.csv": 193}  # every node and pair
    change = compare(before, after)
    write_all(new, out, keep=Keep(kept, "two", "one", change))
    items = len(after.nodes) + len(after.pair_digests)
    assert items == 330  # of the new graph: 66 rendered, 264 taken
    assert rendered == {"graph.json": 66, "graph.graphml": 66, "graph.gexf": 66, "nodes.csv": 21,
                        "relationships.csv": 45}
    write_all(new, tmp_path / "whole")
    assert _files(out) == _files(tmp_path / "whole")


def test_export_reuse_renders_all_for_another_last_file_or_other_declarations(
    graphs: tuple[nx.MultiDiGraph, nx.MultiDiGraph], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    old, new = graphs
    change = compare(graph_digests(old), graph_digests(new))
    out, kept = tmp_path / "out", tmp_path / "kept"
    rendered = _rendered(monkeypatch)
    write_all(new, tmp_path / "whole")
    everything = {"graph.json": 330, "graph.graphml": 330, "graph.gexf": 330, "nodes.csv": 94, "relationships.csv": 236}

    write_all(old, out, keep=Keep(kept, "one"))
    write_all(new, out, keep=Keep(kept, "two", "not one", change))  # offsets of another graph
    assert rendered == everything and _files(out) == _files(tmp_path / "whole")

    write_all(old, out, keep=Keep(kept, "one"))
    with (out / "graph.json").open("a", encoding="utf-8") as handle:
        handle.write(" ")  # not the file the offsets describe
    write_all(new, out, keep=Keep(kept, "two", "one", change))
    assert rendered["graph.json"] == 330 and rendered["graph.gexf"] == 66

    write_all(old, out, keep=Keep(kept, "one"))
    declared = new.copy()
    declared.nodes["unit:quân-khu-7"]["founded"] = 1945  # a new attribute: declared in GraphML and GEXF
    write_all(declared, out, keep=Keep(kept, "two", "one", compare(graph_digests(old), graph_digests(declared))))
    assert rendered["graph.graphml"] == rendered["graph.gexf"] == 330 and rendered["graph.json"] == 67
    write_all(declared, tmp_path / "declared")
    assert _files(out) == _files(tmp_path / "declared")


def test_export_reuse_copies_through_a_buffer_where_the_kernel_cannot(
    graphs: tuple[nx.MultiDiGraph, nx.MultiDiGraph], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    old, new = graphs
    out, kept = tmp_path / "out", tmp_path / "kept"
    write_all(old, out, keep=Keep(kept, "one"))

    def refused(*_: object) -> int:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(_items.os, "copy_file_range", refused)
    rendered = _rendered(monkeypatch)
    write_all(new, out, keep=Keep(kept, "two", "one", compare(graph_digests(old), graph_digests(new))))
    assert rendered["graph.json"] == 66
    write_all(new, tmp_path / "whole")
    assert _files(out) == _files(tmp_path / "whole")


def test_scan_reads_only_what_changed_and_finds_what_a_full_read_finds(
    graphs: tuple[nx.MultiDiGraph, nx.MultiDiGraph], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    old, new = graphs
    declared = new.copy()
    declared.nodes["unit:quân-khu-7"]["founded"] = 1945  # a signature only this graph has
    read: list[int] = []
    real = _scan.signature
    monkeypatch.setattr(_scan, "signature", lambda data: read.append(1) or real(data))
    last: tuple[str, nx.MultiDiGraph] | None = None
    for key, graph, expected in (("one", old, 286), ("two", declared, 75), ("three", old, 11), ("four", new, 74)):
        change = compare(graph_digests(last[1]), graph_digests(graph)) if last is not None else None
        read.clear()
        found = scan(graph, Keep(tmp_path, key, last[0] if last is not None else None, change))
        assert len(read) == expected  # nodes and edges read: all of them, then those of what changed
        whole = scan(graph)
        assert set(found.nodes.distinct) == set(whole.nodes.distinct)
        assert set(found.edges.distinct) == set(whole.edges.distinct)
        assert (found.key_types, found.first) == (whole.key_types, whole.first)
        founded = any("founded" in names for names, _types in found.nodes.distinct)
        assert founded == (key == "two")
        last = (key, graph)
    assert found.first["unit:quân-khu-7"] == "2024-04-24"
