"""The site as files: every page there, nothing from another host, article text escaped, identical builds."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from builds import FIRST_CORPUS

import qpgraph
from qpgraph.site.build import page_path

ROOT = Path(__file__).resolve().parents[1]


def test_site_has_a_page_per_person_unit_and_article(built: Path) -> None:
    site = built / "site"
    kg = qpgraph.load(built)
    for node, data in kg.graph.nodes(data=True):
        path = page_path(node, data["type"])
        if data["type"] in ("person", "unit", "article"):
            assert path is not None and (site / path).is_file(), node
    assert (site / "index.html").is_file() and (site / "graph.html").is_file()
    assert sorted(p.name for p in (site / "assets").iterdir()) == [
        "graphology.LICENSE.txt", "graphology.umd.min.js", "sigma.LICENSE.txt", "sigma.min.js", "site.css", "site.js",
        "vis-network.css", "vis-network.min.js"]


def test_site_asks_nothing_of_another_host(built: Path) -> None:
    external = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.I)
    for page in (built / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert not external.search(text), page
        assert not re.search(r"cdnjs|unpkg|jsdelivr|googleapis|cdn\.", text), page


def test_site_escapes_article_text(built: Path) -> None:
    site = built / "site"
    article = (site / page_path("article:xss-01", "article")).read_text(encoding="utf-8")
    assert "<script>window.__pwned" not in article
    assert "&lt;script&gt;window.__pwned" in article  # shown as text, in the title and the highlighted article
    assert "<img src=x" not in article and "<svg onload" not in article
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in text and 'onerror="window' not in text, page


def test_site_pages_are_utf8(built: Path) -> None:
    page = built / "site" / page_path("person:trần-vinh-ngọc", "person")
    text = page.read_bytes().decode("utf-8")
    assert "<meta charset=\"utf-8\">" in text and "Trần Vinh Ngọc" in text


def test_site_two_builds_with_other_hash_seeds_are_byte_identical(tmp_path: Path) -> None:
    for seed, name in (("1", "a"), ("2", "b")):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        args = [sys.executable, "-m", "qpgraph.cli", "build", *map(str, FIRST_CORPUS), "--out", str(tmp_path / name)]
        subprocess.run(args, check=True, env=env, capture_output=True)
    files = sorted(
        p.relative_to(tmp_path / "a")
        for p in (tmp_path / "a").rglob("*")
        if p.is_file() and p.relative_to(tmp_path / "a").parts[0] != "cache"  # the cache is not output
    )
    assert len(files) > 200
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_site_is_replaced_whole(tmp_path: Path) -> None:
    from qpgraph.corpus import extract_corpus
    from qpgraph.graph.knowledge import KnowledgeGraph
    from qpgraph.site import write_site

    records = extract_corpus([ROOT / "data" / "raw" / "dev-29.txt"]).records
    site = tmp_path / "site"
    (site / "person").mkdir(parents=True)
    (site / "person" / "stale.html").write_text("old", encoding="utf-8")
    write_site(KnowledgeGraph.from_records(records), records, site)
    assert not (site / "person" / "stale.html").exists()
    assert (site / "index.html").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no temporary folder left


def _embedded(page: Path) -> dict[str, Any]:
    found = re.search(r'id="ego-data">(.*?)</script>', page.read_text(encoding="utf-8"), re.S)
    assert found is not None, page
    return json.loads(found.group(1))


def test_site_neighbourhood_draws_parallel_edges_as_one(built: Path) -> None:
    ego = _embedded(built / "site" / page_path("person:trần-vinh-ngọc", "person"))
    holds = {e["to"]: (e["count"], [x["article"] for x in e["evidence"]]) for e in ego["edges"]
             if e["from"] == "person:trần-vinh-ngọc" and e["relation"] == "holds"}
    # Chính ủy Quân khu 7 and Bí thư Đảng ủy Quân khu in three articles: one edge each, with its count.
    assert holds == {"unit:quân-khu-7": (3, ["000_90873ee1c2f566b3"]),
                     "unit:đảng-ủy-quân-khu-7": (3, ["000_90873ee1c2f566b3"])}
    assert all(not e["evidence"] for e in ego["edges"] if "person:trần-vinh-ngọc" not in (e["from"], e["to"]))
    assert all(n["evidence"] == [] for n in ego["nodes"])  # a neighbour's evidence is on its own page


def test_site_article_graph_is_the_articles_own(built: Path) -> None:
    graph = qpgraph.load(built).graph
    ego = _embedded(built / "site" / page_path("article:dev-29", "article"))
    assert {graph.edges[e["from"], e["to"], e["id"].split("|")[2]]["article"] for e in ego["edges"]} == {"dev-29"}
    assert (len(ego["nodes"]), len(ego["edges"])) == (11, 21)


def test_site_article_edges_looked_up_by_key_equal_those_walked(monkeypatch: pytest.MonkeyPatch) -> None:
    from qpgraph.site import build as site_build

    graph = qpgraph.build_graph(FIRST_CORPUS).graph
    articles = sorted(n for n, kind in graph.nodes(data="type") if kind == "article")
    around = {a: [a] + sorted(u for u, _, d in graph.in_edges(a, data=True) if d["relation"] in ("mentioned_in", "reported_in"))
              for a in articles}
    walked = {a: sorted(site_build._edges_of_article(graph, around[a], a.split(":", 1)[1]), key=lambda e: e[:3]) for a in articles}
    monkeypatch.setattr(site_build, "_FEW_PARALLEL", 0)  # every pair looked up by key
    looked_up = {a: sorted(site_build._edges_of_article(graph, around[a], a.split(":", 1)[1]), key=lambda e: e[:3])
                 for a in articles}
    assert looked_up == walked
    assert len(walked) == 17 and len(walked["article:dev-29"]) == 21
    assert {d["article"] for edges in walked.values() for *_, d in edges} == {a.split(":", 1)[1] for a in articles}


def test_site_graph_page_draws_a_graph_where_the_build_placed_it_and_a_large_one_on_webgl(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from qpgraph.site import build as site_build
    from qpgraph.site.overview import layout

    graph = qpgraph.build_graph(FIRST_CORPUS).graph
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (211, 548)
    assert not site_build.on_webgl(graph)
    site = tmp_path / "site"
    page = site_build.write_graph_page(qpgraph.KnowledgeGraph(graph), site).read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="graph-data">(.*?)</script>', page).group(1))
    options = json.loads(re.search(r'<script type="application/json" id="graph-options">(.*?)</script>', page).group(1))
    # 211 nodes, more than vis-network lays out quickly: drawn at once where the build placed them.
    assert options["physics"] == {"enabled": False}
    where = layout(graph)
    assert {n["id"]: (n["x"], n["y"]) for n in data["nodes"]} == where and len(where) == 211
    assert site_build.graph_options(150)["physics"]["enabled"] is True
    # Beyond what vis-network draws in a few seconds: every node on WebGL, as overview.html.
    monkeypatch.setattr(site_build, "MAX_GRAPH_NODES", 200)
    assert site_build.on_webgl(graph)
    page = site_build.write_graph_page(qpgraph.KnowledgeGraph(graph), site).read_text(encoding="utf-8")
    assert '<script src="overview-data.js"></script>' in page and 'id="graph-data"' not in page
    script = (site / "overview-data.js").read_text(encoding="utf-8")
    assert len(json.loads(script.partition("JSON.parse('")[2].rpartition("');")[0])["nodes"]["id"]) == 211


def test_site_rendered_on_two_processes_equals_one(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from qpgraph.corpus import extract_corpus
    from qpgraph.graph.knowledge import KnowledgeGraph
    from qpgraph.site import build as site_build

    records = extract_corpus(FIRST_CORPUS).records
    kg = KnowledgeGraph.from_records(records)
    monkeypatch.setattr(site_build, "MIN_PARALLEL_PAGES", 1)
    one = site_build.write_site(kg, records, tmp_path / "one", jobs=1)
    two = site_build.write_site(kg, records, tmp_path / "two", jobs=2)
    assert [p.relative_to(tmp_path / "one") for p in one] == [p.relative_to(tmp_path / "two") for p in two]
    assert len(one) == 201  # index, graph, overview, candidates, 3 feeds, 17 articles, 160 persons and units, 17 provinces
    for page in one:
        assert page.read_bytes() == (tmp_path / "two" / page.relative_to(tmp_path / "one")).read_bytes(), page


def _rows(html: str, table: str) -> list[list[str]]:
    """The text of each cell of each row of the first ``<table class=...>`` of a page."""
    found = re.search(rf'<table class="{table}">(.*?)</table>', html, re.S)
    assert found is not None, table
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S)]


def test_site_unit_page_shows_who_leads_it_the_succession_and_where_it_stands(built: Path) -> None:
    page = (built / "site" / page_path("unit:quân-khu-7", "unit")).read_text(encoding="utf-8")
    assert _rows(page, "leaders") == [
        ["Title", "Holder", "Since", "Last reported", "Source"],
        ["Tư lệnh", "Lê Xuân Thế", "2025-12-19", "2025-12-19", "plo.vn · 2025-12-19"],
        # An article with no address is called by its headline.
        ["Chính ủy", "Trần Vinh Ngọc", "2025-04-09", "2025-12-30",
         "Ban Thường vụ Đảng ủy Quân khu 7 làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng"],
    ]
    assert '<a href="../article/000-90873ee1c2f566b3-4554e9f5.html" title="000_90873ee1c2f566b3">' in page
    tables = re.findall(r"<h3>(.*?)</h3>", page)
    assert tables == ["Chính ủy", "Tư lệnh", "Chủ nhiệm Chính trị", "Chủ nhiệm Hậu cần - Kỹ thuật"]
    tu_lenh = page[page.index("<h3>Tư lệnh</h3>"):]
    assert _rows(tu_lenh, "succession")[1:] == [
        ["Nguyễn Trường Thắng", "2024-04-24", "2024-04-24", "ended", "succeeded by 2025-12-19: Lê Xuân Thế",
         "dangcongsan.org.vn · 2024-04-24"],
        ["Lê Xuân Thế", "2025-12-19", "2025-12-19", "current", "", "plo.vn · 2025-12-19"],
    ]
    assert re.search(r"Part of: <a href=\"[^\"]+\">Bộ Quốc phòng</a></p>", page)
    assert ">Bộ CHQS tỉnh Lâm Đồng</a>" in page[page.index("<h2>Parts</h2>"):]


def test_site_unit_page_of_many_entries_lists_the_newest_and_the_first_sources(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from qpgraph.corpus import extract_corpus
    from qpgraph.graph.knowledge import KnowledgeGraph
    from qpgraph.site import build as site_build

    records = extract_corpus(FIRST_CORPUS).records
    monkeypatch.setattr(site_build, "ENTRIES_SHOWN", 3)  # of Quân khu 7's 18 entries and 5 articles
    site_build.write_site(KnowledgeGraph.from_records(records), records, tmp_path / "site")
    page = (tmp_path / "site" / page_path("unit:quân-khu-7", "unit")).read_text(encoding="utf-8")
    timeline = page[page.index("<h2>Timeline</h2>"):page.index("<h2>Sources</h2>")]
    assert "The 3 newest of 18 entries (every one is in the build's store, qpgraph.sqlite)." in timeline
    assert [row[:2] for row in _rows(timeline.replace("<table>", '<table class="t">', 1), "t")[1:]] == [
        ["2025-12-30", "holds: Trần Ngọc Minh: Phó Tư lệnh Quân khu 7"],
        ["2025-12-30", "holds: Trần Vinh Ngọc: Chính ủy Quân khu 7"],
        ["2025-12-30", "mentioned_in: 000_90873ee1c2f566b3"],
    ]
    sources = page[page.index("<h2>Sources</h2>"):]
    assert "The first 3 of 5 articles." in sources and sources.count("<li>") == 3


def test_site_candidates_page_lists_the_pairs_to_judge(built: Path) -> None:
    # The pair `qpgraph candidates` finds in the first 17 articles: one name printed with
    # two marks ("Thanh"/"Thành"), in two articles.
    page = (built / "site" / "candidates.html").read_text(encoding="utf-8")
    assert re.findall(r"<h2>(.*?)</h2>", page) == ["1. marks"]
    assert ("<pre>- {a: {name: Nguyễn Thanh Tâm, article: 000_90873ee1c2f566b3}, b: {name: Nguyễn Thành Tâm, "
            "article: dev-04}, decision: same|different, by: ?, date: YYYY-MM-DD, why: ?}</pre>") in page
    assert '<a href="candidates.html">To judge</a>' in (built / "site" / "index.html").read_text(encoding="utf-8")


ODD_IDS = ["UPPER", "with space", "Đà Lạt bài 1", "-leading-dash", "a-b", "CON"]


def test_site_every_article_has_its_page_and_every_link_resolves(tmp_path: Path) -> None:
    # Ids that are not slugs keep their page; two ids of one slug are an error naming both.
    from qpgraph.corpus import build

    raw = tmp_path / "raw"
    raw.mkdir()
    text = (ROOT / "data" / "raw" / "dev-29.txt").read_text(encoding="utf-8")
    for name in [*ODD_IDS, "a.b", "con"]:
        (raw / f"{name}.txt").write_text(text, encoding="utf-8")
    result = build([raw, ROOT / "data" / "raw" / "000_90873ee1c2f566b3.txt"], tmp_path / "out")
    assert sorted(str(e) for e in result.errors) == [
        f"{raw}/a.b.txt: article id 'a.b' is the same as 'a-b' once made a node and file name ('a-b') "
        f"(first read from {raw}/a-b.txt)",
        f"{raw}/con.txt: article id 'con' is the same as 'CON' once made a node and file name ('con') "
        f"(first read from {raw}/CON.txt)",
    ]
    site = tmp_path / "out" / "site"
    kg = qpgraph.load(tmp_path / "out")
    for aid in [*ODD_IDS, "000_90873ee1c2f566b3"]:
        node = f"article:{qpgraph.graph.ids.slug(aid)}"
        assert (site / str(page_path(node, "article"))).is_file(), aid
        assert kg.graph.nodes[node]["type"] == "article"
    links = 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        # Links of the page, from the page; links in its data, from the site's root (the
        # scripts put the page's way to the root before them).
        found = [(page.parent, href) for href in re.findall(r'href="([^"#]+)', html)]
        found += [(site, href) for href in re.findall(r'"href": ?"([^"#]+)"', html)]
        for base, href in found:
            if not href.startswith(("http://", "https://")):
                assert (base / href).resolve().is_file(), (page.relative_to(site), href)
                links += 1
    assert links > 500


def test_site_province_page_shows_its_bodies_leaders_events_and_merger(built: Path) -> None:
    page = (built / "site" / page_path("province:lâm-đồng", "province")).read_text(encoding="utf-8")
    bodies = re.findall(r'<section class="body">\s*<h3><a href="[^"]+">(.*?)</a></h3>', page)
    assert bodies == ["Tỉnh ủy Lâm Đồng", "UBND tỉnh Lâm Đồng", "Hội đồng nhân dân tỉnh Lâm Đồng"]  # the institutions' order
    assert [row[:2] for row in _rows(page, "leaders")] == [["Title", "Holder"], ["Bí thư", "Y Thanh Hà Niê Kđăm"]]
    assert [row[:2] for row in _rows(page, "events")] == [["Date", "Kind"], ["2025-12-30", "meeting"]]
    merged = (built / "site" / page_path("province:bình-thuận", "province")).read_text(encoding="utf-8")
    assert re.search(r'Merged into <a href="[^"]+">Lâm Đồng</a> on 2025-07-01\.', merged)
    index = (built / "site" / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{page_path("province:lâm-đồng", "province")}">Lâm Đồng</a>' in index


def test_site_feeds_list_the_promotions_with_their_evidence_and_csv(built: Path) -> None:
    feeds = built / "site" / "feeds"
    rows = list(csv.DictReader(io.StringIO((feeds / "promotions.csv").read_text(encoding="utf-8"))))
    lines = [(r["date"], r["who"], r["what"], r["force"], r["article"]) for r in rows]
    assert lines[:2] == [("2025-12-19", "Trần Vinh Ngọc", "Thiếu tướng → Trung tướng", "army", "dev-29"),
                         ("2025-12-19", "Lê Xuân Thế", "Thiếu tướng → Trung tướng", "army", "dev-29")]
    # Each promotion ends on the rank the gold annotation of its article gives the person.
    for row in rows:
        gold = json.loads((ROOT / "data" / "annotations" / f"{row['article']}.json").read_text(encoding="utf-8"))
        assert {p["name"]: p["rank"] for p in gold["persons"]}[row["who"]] == row["what"].split(" → ")[1]
    assert "thăng quân hàm Trung tướng" in rows[0]["sentence"]
    # Beside each promotion, the posts its article gives the person.
    assert [r["post"] for r in rows[:2]] == ["Bí thư Đảng ủy Quân khu 7; Chính ủy Quân khu 7", "Tư lệnh Quân khu 7"]
    page = (feeds / "promotions.html").read_text(encoding="utf-8")
    assert page.count('<tr data-date="') == len(rows) and '<a href="promotions.csv" download>CSV</a>' in page
    appointments = list(csv.DictReader(io.StringIO((feeds / "appointments.csv").read_text(encoding="utf-8"))))
    assert {r["what"] for r in appointments} <= {"appointed", "handed over", "replaced", "transferred"}
    assert [r["date"] for r in appointments if r["date"]] == sorted((r["date"] for r in appointments if r["date"]),
                                                                    reverse=True)  # newest first
    meetings = list(csv.DictReader(io.StringIO((feeds / "meetings.csv").read_text(encoding="utf-8"))))
    assert ("2025-12-30", "meeting", "Lâm Đồng") in {(r["date"], r["what"], r["provinces"]) for r in meetings}


def test_site_person_tenures_from_fewer_reports_are_the_units_own(built: Path) -> None:
    # A person's page computes their tenures from the reports that decide them (all of a
    # single title's, their own of another): the same as the unit's whole computation.
    from qpgraph.site import build as site_build
    from qpgraph.site import views

    kg = qpgraph.load(built)
    site = site_build._Site(kg, built / "unused")
    compared = 0
    for unit, kind in kg.graph.nodes(data="type"):
        if kind != "unit":
            continue
        whole = [t for found in kg.tenures(unit).values() for t in found]
        for person in {t.person for t in whole}:
            assert sorted((t.model_dump_json() for _, t in views.held_in(site, unit, person))) == \
                sorted(t.model_dump_json() for t in whole if t.person == person)
            compared += 1
    assert compared == 98  # every holder of a post in every unit of the first 17 articles
