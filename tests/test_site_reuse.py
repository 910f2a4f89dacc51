"""Pages whose inputs did not change are taken from the last site, and the site is
byte for byte the one rendered whole."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from builds import FIRST_CORPUS

from qpgraph.corpus import extract_corpus
from qpgraph.graph.knowledge import KnowledgeGraph
from qpgraph.records import ArticleRecords
from qpgraph.site import build as site_build
from qpgraph.site import ego, reuse

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
#: Four articles, then a fifth that shares Quân khu 7, its Party committee and Trần Vinh Ngọc with them.
FIRST = ["dev-29", "dev-33", "002_89c7204c73c9a37e", "dev-20"]
ADDED = "000_90873ee1c2f566b3"
EVENT = f"event:{ADDED}-0"  # the meeting of Quân khu 7's and Lâm Đồng's leaders


@pytest.fixture(scope="module")
def records() -> dict[str, ArticleRecords]:
    return {r.article.id: r for r in extract_corpus(FIRST_CORPUS).records}


def _pages(site: Path) -> dict[str, tuple[int, bytes]]:
    """Every file of a site: its inode and its bytes."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.read_bytes()) for p in sorted(site.rglob("*")) if p.is_file()}


def _site(records: list[ArticleRecords], out: Path, state: Path | None = None, graph: nx.MultiDiGraph | None = None) -> None:
    kg = KnowledgeGraph(graph) if graph is not None else KnowledgeGraph.from_records(records)
    site_build.write_site(kg, records, out, state=state)


def _same_as_rendered_whole(records: list[ArticleRecords], site: Path, tmp: Path, graph: nx.MultiDiGraph | None = None) -> None:
    _site(records, tmp / "whole", graph=graph)
    assert {k: v[1] for k, v in _pages(site).items()} == {k: v[1] for k, v in _pages(tmp / "whole").items()}


def test_site_reuse_renders_only_the_pages_whose_inputs_changed(records: dict[str, ArticleRecords], tmp_path: Path) -> None:
    site, state = tmp_path / "site", tmp_path / "site.state"
    _site([records[a] for a in FIRST], site, state)
    before = _pages(site)
    assert state.is_file()

    now = [records[a] for a in sorted([*FIRST, ADDED])]
    _site(now, site, state)
    after = _pages(site)
    kept = {path for path, (inode, _) in after.items() if path in before and before[path][0] == inode}
    rendered = {path for path in after if path.endswith(".html")} - kept
    assert (len(before), len(after), len(kept), len(rendered)) == (62, 91, 35, 44)
    # In the new article: rendered again. Only in dev-33: the same file as before.
    assert site_build.page_path("person:trần-vinh-ngọc", "person") in rendered
    assert site_build.page_path("unit:quân-khu-7", "unit") in rendered
    assert site_build.page_path("article:dev-33", "article") in kept
    assert {"index.html", "graph.html", "candidates.html"} <= rendered and not any(p.startswith("assets/") for p in kept)
    _same_as_rendered_whole(now, site, tmp_path)


def test_site_reuse_of_crowded_pages_follows_who_they_draw(
    records: dict[str, ArticleRecords], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # With small graphs of five nodes, most pages draw only some of their neighbours:
    # adding articles changes who they draw, and the edges between those drawn.
    monkeypatch.setattr(ego, "MAX_EGO", 5)
    site, state = tmp_path / "site", tmp_path / "site.state"
    ids = sorted(records)
    reused = []
    for step, count in enumerate((4, 7, 11, 14, 17)):
        now = [records[a] for a in ids[:count]]
        before = _pages(site) if site.is_dir() else {}
        _site(now, site, state)
        after = _pages(site)
        reused.append(sum(1 for path, (inode, _) in after.items() if path in before and before[path][0] == inode))
        _same_as_rendered_whole(now, site, tmp_path / str(step))
    assert reused == [0, 55, 81, 122, 160]


def test_site_reuse_follows_a_renamed_node_to_the_pages_that_show_it(
    records: dict[str, ArticleRecords], tmp_path: Path
) -> None:
    now = [records[a] for a in sorted([*FIRST, ADDED])]
    graph = KnowledgeGraph.from_records(now).graph
    site, state = tmp_path / "site", tmp_path / "site.state"
    _site(now, site, state, graph)
    before = _pages(site)
    renamed = graph.copy()
    renamed.nodes["unit:quân-khu-7"]["name"] = "Quân khu Bảy"
    _site(now, site, state, renamed)
    after = _pages(site)
    rendered = {p for p in after if p.endswith(".html") and before.get(p, (0,))[0] != after[p][0]}
    holders = {u for u, _, r in renamed.in_edges("unit:quân-khu-7", data="relation") if r == "holds"}
    assert len(holders) == 9
    assert {site_build.page_path(p, "person") for p in holders} <= rendered
    assert len(rendered) == 29  # the bodies the institutions put in it and above it, the whole pages (index, feeds...)
    _same_as_rendered_whole(now, site, tmp_path, renamed)


def test_site_reuse_renders_every_page_with_other_code_or_a_damaged_state(
    records: dict[str, ArticleRecords], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    now = [records[a] for a in FIRST]
    site, state = tmp_path / "site", tmp_path / "site.state"
    _site(now, site, state)
    for spoil in ("code", "state"):
        before = _pages(site)
        if spoil == "code":
            monkeypatch.setattr(reuse, "code_key", lambda: "other code")
        else:
            state.write_bytes(b"not a state")
        _site(now, site, state)
        after = _pages(site)
        assert not [p for p in after if p in before and before[p][0] == after[p][0]], spoil  # nothing taken
        assert {k: v[1] for k, v in after.items()} == {k: v[1] for k, v in before.items()}
        assert reuse.read_state(state) is not None


def test_site_reuse_a_failed_build_leaves_the_last_site_and_no_state(
    records: dict[str, ArticleRecords], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    site, state = tmp_path / "site", tmp_path / "site.state"
    _site([records[a] for a in FIRST], site, state)
    before = _pages(site)
    real = site_build._render

    def failing(site: site_build._Site, task: str) -> str:
        if task.startswith("article:"):
            raise RuntimeError("disk full")
        return real(site, task)

    monkeypatch.setattr(site_build, "_render", failing)
    with pytest.raises(RuntimeError, match="disk full"):
        _site([records[a] for a in sorted([*FIRST, ADDED])], site, state)
    assert _pages(site) == before  # the last site, whole
    assert not state.exists()  # the next build renders every page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_site_reuse_follows_a_meeting_to_the_pages_of_those_there(records: dict[str, ArticleRecords], tmp_path: Path) -> None:
    # A person's page lists the names of all at the meetings they were at: a new
    # participant, or one renamed, shows on the pages of the others, met edge or not.
    now = [records[a] for a in FIRST]
    graph = KnowledgeGraph.from_records(now).graph
    event = "event:dev-29-0"
    there = sorted(u for u, _, r in graph.in_edges(event, data="relation") if r == "participated_in")
    assert there == ["person:lê-xuân-thế", "person:phan-văn-giang", "person:trần-vinh-ngọc"]
    met = [(u, v, k) for u, v, k, r in graph.edges(keys=True, data="relation") if r == "met"]
    graph.remove_edges_from(met)
    site, state = tmp_path / "site", tmp_path / "site.state"
    _site(now, site, state, graph)

    joined = graph.copy()
    joined.add_node("person:nguyễn-văn-mới", type="person", name="Nguyễn Văn Mới", forms=[], articles=["dev-29"])
    joined.add_edge("person:nguyễn-văn-mới", event, "participated_in:dev-29:0", relation="participated_in",
                    article="dev-29", date=graph.nodes[event]["date"])
    renamed = joined.copy()
    renamed.nodes[there[0]]["name"] = "Tên Khác"
    for step, changed in enumerate((joined, renamed)):
        before = _pages(site)
        _site(now, site, state, changed)
        after = _pages(site)
        rendered = {p for p in after if p.endswith(".html") and before.get(p, (0,))[0] != after[p][0]}
        assert {site_build.page_path(p, "person") for p in there[step:]} <= rendered
        _same_as_rendered_whole(now, site, tmp_path / str(step), changed)


def _with_a_later_tư_lệnh(records: dict[str, ArticleRecords], graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` and Lê Xuân Thế reported Tư lệnh of Quân khu 7 on 2025-12-19 (dev-29):
    only his node and that edge added."""
    later = KnowledgeGraph.from_records([records["dev-20"], records["dev-29"]]).graph
    joined = graph.copy()
    thế = "person:lê-xuân-thế"
    joined.add_node(thế, **later.nodes[thế])
    joined.add_edges_from((u, v, k, d) for u, v, k, d in later.edges(thế, keys=True, data=True)
                          if v == "unit:quân-khu-7" and d["relation"] == "holds")
    return joined


def test_site_reuse_follows_a_new_holder_to_the_pages_of_the_others(
        records: dict[str, ArticleRecords], tmp_path: Path) -> None:
    # A person's page says which posts are held now; a later holder of the title, in an
    # article that does not name them, ends their tenure: their page changes too.
    before = [records["dev-20"]]
    graph = KnowledgeGraph.from_records(before).graph
    site, state = tmp_path / "site", tmp_path / "site.state"
    _site(before, site, state, graph)
    page = site / site_build.page_path("person:nguyễn-trường-thắng", "person")
    assert "<td><a href=\"../unit/quan-khu-7-b0667bec.html\">Tư lệnh Quân khu 7</a></td><td>2024-04-24</td>" \
        in page.read_text(encoding="utf-8")
    joined = _with_a_later_tư_lệnh(records, graph)
    _site(before, site, state, joined)
    assert "Tư lệnh Quân khu 7" not in page.read_text(encoding="utf-8").split("<h2>Career</h2>")[0]
    _same_as_rendered_whole(before, site, tmp_path, joined)


def _lam_dong(records: dict[str, ArticleRecords], tmp_path: Path,
              ) -> tuple[list[ArticleRecords], nx.MultiDiGraph, Path, Path, Path]:
    """The site of the meeting of Quân khu 7's and Lâm Đồng's leaders, with its state:
    the records, the graph, the site, the state and Lâm Đồng's page."""
    before = [records[ADDED]]
    graph = KnowledgeGraph.from_records(before).graph
    site, state = tmp_path / "site", tmp_path / "site.state"
    _site(before, site, state, graph)
    return before, graph, site, state, site / site_build.page_path("province:lâm-đồng", "province")


def test_site_reuse_follows_a_new_leader_to_the_page_of_the_province(
        records: dict[str, ArticleRecords], tmp_path: Path) -> None:
    # A province's page lists who leads its bodies: a holder added to its People's
    # Committee (the province's own edges unchanged) shows there.
    before, graph, site, state, page = _lam_dong(records, tmp_path)
    assert "Nguyễn Văn Mới" not in page.read_text(encoding="utf-8")
    joined = graph.copy()
    joined.add_node("person:nguyễn-văn-mới", type="person", name="Nguyễn Văn Mới", forms=[], articles=[ADDED])
    joined.add_edge("person:nguyễn-văn-mới", "unit:ủy-ban-nhân-dân--lâm-đồng", f"holds:{ADDED}:9", relation="holds",
                    article=ADDED, date="2025-12-31", title="Chủ tịch", post="Chủ tịch UBND tỉnh Lâm Đồng", heads=True,
                    former=False)
    _site(before, site, state, joined)
    assert "Nguyễn Văn Mới" in page.read_text(encoding="utf-8")
    _same_as_rendered_whole(before, site, tmp_path, joined)


def test_site_reuse_follows_a_renamed_participant_to_the_province_of_the_others_and_no_mention_to_it(
        records: dict[str, ArticleRecords], tmp_path: Path) -> None:
    # Lâm Đồng's page lists the meeting of its leaders with Quân khu 7's, and who was
    # there: Trần Hữu Nhân, of Quân khu 7 only (in no province), renamed, shows there.
    # A person of Lâm Đồng's bodies only mentioned in one more article: nothing there changes.
    before, graph, site, state, page = _lam_dong(records, tmp_path)
    inode = page.stat().st_ino
    mentioned = graph.copy()
    mentioned.add_node("article:x", type="article", name="x", url=None)
    mentioned.add_edge("person:hồ-văn-mười", "article:x", "mentioned_in:x:0", relation="mentioned_in", article="x")
    mentioned.nodes["person:hồ-văn-mười"]["articles"] = [ADDED, "x"]
    for data in mentioned.succ["person:hồ-văn-mười"][EVENT].values():  # its evidence of the meeting
        data["sentence"] = data.get("sentence", 0) + 1
    _site(before, site, state, mentioned)
    assert page.stat().st_ino == inode  # taken from the last site
    _same_as_rendered_whole(before, site, tmp_path / "mentioned", mentioned)
    renamed = mentioned.copy()
    renamed.nodes["person:trần-hữu-nhân"]["name"] = "Trần Hữu Nhàn"
    _site(before, site, state, renamed)
    assert "Trần Hữu Nhàn" in page.read_text(encoding="utf-8")
    _same_as_rendered_whole(before, site, tmp_path / "renamed", renamed)
    gone = renamed.copy()  # and no more among who was there
    gone.remove_edges_from([("person:trần-hữu-nhân", EVENT, k) for k in list(gone.succ["person:trần-hữu-nhân"][EVENT])])
    _site(before, site, state, gone)
    assert "Trần Hữu Nhàn" not in page.read_text(encoding="utf-8")
    _same_as_rendered_whole(before, site, tmp_path / "gone", gone)


def test_site_reuse_of_a_new_holder_leaves_the_pages_of_holders_whose_tenures_did_not_change(
        records: dict[str, ArticleRecords], tmp_path: Path) -> None:
    # Tư lệnh of Quân khu 7: an earlier holder (whose tenure Nguyễn Trường Thắng's
    # ended in 2024), then Thắng; Lê Xuân Thế reported in it on 2025-12-19 ends
    # Thắng's tenure, not the earlier one's: that page is taken as it was.
    before = [records["dev-20"]]
    graph = KnowledgeGraph.from_records(before).graph
    earlier = "person:đặng-văn-nghĩa"
    graph.add_node(earlier, type="person", name="Đặng Văn Nghĩa", forms=[], articles=["dev-20"])
    graph.add_edge(earlier, "unit:quân-khu-7", "holds:dev-20:99", relation="holds", article="dev-20", date="2020-01-01",
                   title="Tư lệnh", post="Tư lệnh Quân khu 7", heads=True, former=False)
    site, state = tmp_path / "site", tmp_path / "site.state"
    _site(before, site, state, graph)
    pages = {p: site / site_build.page_path(p, "person") for p in (earlier, "person:nguyễn-trường-thắng")}
    inodes = {p: path.stat().st_ino for p, path in pages.items()}
    joined = _with_a_later_tư_lệnh(records, graph)
    _site(before, site, state, joined)
    assert pages[earlier].stat().st_ino == inodes[earlier]  # taken from the last site
    assert pages["person:nguyễn-trường-thắng"].stat().st_ino != inodes["person:nguyễn-trường-thắng"]  # rendered
    _same_as_rendered_whole(before, site, tmp_path, joined)


def test_site_reuse_leaves_a_page_whose_small_graph_draws_the_same_relations(
        records: dict[str, ArticleRecords], tmp_path: Path) -> None:
    # A page's small graph draws one line per relation between two of its neighbours:
    # another report of a relation that joined them already changes their pages, not it.
    before = [records[a] for a in FIRST]
    graph = KnowledgeGraph.from_records(before).graph
    site, state = tmp_path / "site", tmp_path / "site.state"
    _site(before, site, state, graph)
    order = ego.ego_order(graph)
    page, (a, b, key, data) = next(
        (p, (u, v, k, d)) for p in sorted(graph) if graph.nodes[p]["type"] == "person"
        for u, v, k, d in graph.edges(ego.ego_nodes(graph, p, order)[1:], keys=True, data=True)
        if v in ego.ego_nodes(graph, p, order)[1:] and d["relation"] == "part_of")
    path = site / site_build.page_path(page, "person")
    inode = path.stat().st_ino
    joined = graph.copy()
    joined.add_edge(a, b, f"{key}:again", **data)  # reported again by its article, whose node changes with it
    joined.nodes[f"article:{data['article']}"]["revised"] = True
    _site(before, site, state, joined)
    assert path.stat().st_ino == inode  # taken from the last site
    assert (site / site_build.page_path(a, "unit")).stat().st_ino != inode
    _same_as_rendered_whole(before, site, tmp_path, joined)
