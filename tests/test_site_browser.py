"""The site in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

``make test`` installs the browser; these tests fail, never skip, without it.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

import qpgraph
from qpgraph.graph.build import RELATIONS
from qpgraph.graph.hierarchy import LEVELS, body_level
from qpgraph.graph.knowledge import KnowledgeGraph
from qpgraph.graph.tables import Graph
from qpgraph.site.build import page_path, write_assets, write_graph_page

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
FLAGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def chromium_path() -> str:
    path = os.environ.get("QPGRAPH_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        pytest.fail("no Chromium: `make test` installs Debian's chromium (apt-get install chromium)")
    return path


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path(), args=FLAGS)
        yield browser
        browser.close()


class Watched:
    """A page whose console errors and requests to other hosts are recorded."""

    def __init__(self, context: BrowserContext) -> None:
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.dialogs: list[str] = []
        context.route("**/*", self._route)
        self.page: Page = context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def _route(self, route, request) -> None:  # type: ignore[no-untyped-def]
        if request.url.startswith(("file://", "data:", "blob:")):
            route.continue_()
        else:
            self.foreign.append(request.url)
            route.abort()

    def open(self, path: Path) -> Page:
        self.page.goto(path.as_uri())
        return self.page

    def wait_ready(self, timeout: float = 60.0) -> float:
        start = time.monotonic()
        while not self.page.evaluate("Boolean(window.qpgraph && window.qpgraph.ready)"):
            assert time.monotonic() - start < timeout, "graph.html did not settle"
            time.sleep(0.05)
        return float(self.page.evaluate("window.qpgraph.settledMs"))


@pytest.fixture()
def watched(browser: Browser) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    yield Watched(context)
    context.close()


def test_browser_every_page_loads_without_errors_or_requests_elsewhere(built: Path, watched: Watched) -> None:
    pages = sorted((built / "site").rglob("*.html"))
    assert len(pages) > 150
    for page in pages:
        watched.open(page)
        if page.name == "graph.html":
            watched.wait_ready()
        assert watched.errors == [], (page, watched.errors)
    assert watched.foreign == []
    assert watched.dialogs == []


def test_browser_graph_draws_every_node_and_writes_a_screenshot(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    settled = watched.wait_ready()
    graph = qpgraph.load(built).graph
    drawn = page.evaluate("window.qpgraph.network.body.nodeIndices.length")
    assert drawn == graph.number_of_nodes() == page.evaluate("window.qpgraph.nodes.length")
    assert page.evaluate("window.qpgraph.edges.length") == graph.number_of_edges()
    assert page.inner_text("#status") == f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges"
    assert settled < 30000
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "graph.png"))
    assert (ARTIFACTS / "graph.png").stat().st_size > 10000


def test_browser_search_finds_a_person_typed_without_diacritics(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "index.html")
    page.fill("#search", "tran vinh ngoc")
    results = page.locator("#results li")
    assert results.count() == 1
    assert results.first.inner_text() == "personTrần Vinh Ngọc"
    results.first.locator("a").click()
    page.wait_for_load_state()
    assert page.url.endswith(page_path("person:trần-vinh-ngọc", "person"))
    assert page.locator("h1").inner_text() == "personTrần Vinh Ngọc"


def test_browser_clicking_a_node_shows_its_evidence(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    node = "person:thào-a-pinh"
    page.evaluate(f"window.qpgraph.network.focus({node!r}, {{scale: 1.5}})")
    time.sleep(0.3)
    x, y = page.evaluate(
        f"(() => {{ const n = window.qpgraph.network; const p = n.getPositions([{node!r}])[{node!r}];"
        " const d = n.canvasToDOM(p); const r = document.getElementById('network').getBoundingClientRect();"
        " return [d.x + r.left, d.y + r.top]; })()"
    )
    page.mouse.click(x, y)
    details = page.locator("#details")
    assert details.locator("h2").inner_text() == "Thào A Pinh · person"
    assert "Đại tá Thào A Pinh, Chính ủy Bộ Chỉ huy Quân sự tỉnh tặng Giấy khen" in details.inner_text()
    # An article is named by its headline (its id in the link's title), not by its id.
    first = details.locator("ul.evidence a").first
    assert (first.inner_text(), first.get_attribute("title")) == (
        "Tạo môi trường biên giới hòa bình, địa bàn ổn định", "003_3cb9e48bb7875873")
    tooltip = page.evaluate(
        f"(() => {{ const t = window.qpgraph.nodes.get({node!r}).title;"
        " return [t.textContent, t.querySelector('a').getAttribute('href')]; })()"
    )
    assert "Đại tá Thào A Pinh, Chính ủy Bộ Chỉ huy Quân sự tỉnh tặng Giấy khen" in tooltip[0]
    assert tooltip[1] == page_path("article:003_3cb9e48bb7875873", "article")


def test_browser_org_chart_is_a_tree_of_every_unit_and_the_graph_keeps_its_layout(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    before = page.evaluate("window.qpgraph.network.getPositions()")
    page.click("#tab-org")
    graph = qpgraph.load(built).graph
    units = sorted(d["name"] for _, d in graph.nodes(data=True) if d["type"] == "unit")
    assert sorted(page.evaluate("[...document.querySelectorAll('#org a')].map(a => a.textContent)")) == units  # each once
    assert page.locator("#network").is_hidden()
    # The bodies part of no other, in one section per level from the top; those with
    # parts open, their parts listed by level and folded below them.
    part_of = {(u, v) for u, v, r in graph.edges(data="relation") if r == "part_of"
               and graph.nodes[u]["type"] == graph.nodes[v]["type"] == "unit"}
    tops = {u for u, d in graph.nodes(data=True) if d["type"] == "unit"} - {u for u, _ in part_of}
    expected = [f"{name} ({n})" for level, name in enumerate(LEVELS)
                if (n := sum(body_level(u) == level for u in tops))]
    assert page.locator("#org section.level > h3").all_inner_texts() == [e.capitalize() for e in expected]
    national = page.locator("#org section.level").first.locator(":scope > ul.tree > li > details > summary > a")
    assert national.all_inner_texts() == ["Ban Chấp hành Trung ương Đảng", "Chính phủ", "Quốc hội"]
    government = page.evaluate("[...[...document.querySelectorAll('#org summary > a')].find(a => a.textContent === 'Chính phủ')"
                               ".closest('details').querySelector(':scope > ul').children].map(li => li.className === 'level'"
                               " ? '# ' + li.textContent : li.querySelector('a').textContent)")
    assert government[0] == "# ministry, commission or military region" and "Bộ Quốc phòng" in government
    assert government.index("Bộ Quốc phòng") < government.index("# province") < government.index("UBND tỉnh Lâm Đồng")
    parts = page.evaluate("[...[...document.querySelectorAll('#org summary > a')].find(a => a.textContent === 'Bộ Quốc phòng')"
                          ".closest('details').querySelector(':scope > ul').children].map(li => li.querySelector('a').textContent)")
    assert "Quân khu 7" in parts
    page.screenshot(path=str(ARTIFACTS / "org-chart.png"))
    page.click("#tab-free")
    assert page.locator("#org").is_hidden()
    assert page.evaluate("window.qpgraph.network.getPositions()") == before  # Graph → Org chart → Graph


def test_browser_tooltip_on_hover_is_inside_the_viewport(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    x, y = _on_screen(page, "unit:quân-khu-7")
    page.mouse.move(x, y)
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible", timeout=5000)
    box = tooltip.bounding_box()
    assert box is not None and box["width"] > 100
    assert 0 <= box["x"] and box["x"] + box["width"] <= 1400 and 0 <= box["y"] and box["y"] + box["height"] <= 900
    assert tooltip.inner_text().startswith("Quân khu 7\n")
    page.screenshot(path=str(ARTIFACTS / "tooltip.png"))


def test_browser_legend_draws_each_type_with_its_shape_and_each_relation_with_its_colour(
        built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    shapes = page.evaluate("Object.fromEntries([...document.querySelectorAll('.swatch')].map("
                           "s => [s.dataset.type, s.querySelector('svg > *').tagName]))")
    assert shapes == {"article": "rect", "event": "polygon", "person": "circle", "province": "polygon", "unit": "rect"}
    assert page.evaluate("Object.fromEntries(Object.entries(qpsite.SHAPES))") == {
        "person": "dot", "unit": "box", "province": "diamond", "event": "star", "article": "square"}
    legend = page.evaluate("Object.fromEntries([...document.querySelectorAll('#edge-legend .relation')].map("
                           "r => [r.textContent.trim(), r.querySelector('line').getAttribute('stroke')]))")
    assert sorted(legend) == sorted(r.replace("_", " ") for r in RELATIONS)
    drawn = page.evaluate("Object.fromEntries(window.qpgraph.edges.get().map(e => [e.relation.replace('_', ' '), e.color.color]))")
    assert drawn == {relation: colour for relation, colour in legend.items() if relation in drawn}
    assert page.get_attribute("#date-from", "placeholder") == "YYYY-MM-DD"  # ISO dates, whatever the locale
    assert page.get_attribute("#date-from", "type") == "text"


def test_browser_clicking_a_holds_edge_names_the_post_and_a_unit_its_leaders(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    edge = page.evaluate("window.qpgraph.edges.get().find(e => e.relation === 'holds' && e.from === 'person:trần-vinh-ngọc'"
                         " && e.to === 'unit:quân-khu-7').id")
    # The person drawn away from the crowd around the unit (the layout is the user's to
    # change), and the view on the middle of the edge.
    page.evaluate("(() => { const n = window.qpgraph.network; const p = n.getPositions(['unit:quân-khu-7'])['unit:quân-khu-7'];"
                  " n.moveNode('person:trần-vinh-ngọc', p.x, p.y - 900);"
                  " n.moveTo({position: {x: p.x, y: p.y - 450}, scale: 1.0, animation: false}); })()")
    time.sleep(0.3)
    # Where the edge is drawn (its middle): the test reads it from vis-network's body.
    x, y = page.evaluate(
        f"(() => {{ const n = window.qpgraph.network; const p = n.body.edges[{edge!r}].edgeType.getPoint(0.5);"
        " const d = n.canvasToDOM(p); const r = document.getElementById('network').getBoundingClientRect();"
        " return [d.x + r.left, d.y + r.top]; })()")
    page.mouse.click(x, y)
    assert page.locator("#details h2").inner_text() == "holds: Chính ủy Quân khu 7 · Trần Vinh Ngọc → Quân khu 7"
    page.evaluate("window.qpgraph.network.focus('unit:quân-khu-7', {scale: 1.5, animation: false})")
    time.sleep(0.3)
    x, y = _on_screen(page, "unit:quân-khu-7")
    page.mouse.click(x, y)
    assert page.locator("#details h2").inner_text() == "Quân khu 7 · unit"
    assert page.locator("#details h3").all_inner_texts()[:1] == ["Leaders now"]
    assert page.locator("#details ul").first.locator("li").all_inner_texts() == [
        "Tư lệnh: Lê Xuân Thế (since 2025-12-19)", "Chính ủy: Trần Vinh Ngọc (since 2025-04-09)"]


def _until(page: Page, expression: str, timeout: float = 120.0) -> None:
    """Wait until ``expression`` is true in the page (its policy forbids the evaluated
    predicates of ``wait_for_function``)."""
    start = time.monotonic()
    while not page.evaluate(expression):
        assert time.monotonic() - start < timeout, expression
        time.sleep(0.05)


def _on_screen(page: Page, node: str) -> tuple[float, float]:
    """Where ``node`` is drawn in the page."""
    return tuple(page.evaluate(
        f"(() => {{ const n = window.qpgraph.network; const p = n.canvasToDOM(n.getPositions([{node!r}])[{node!r}]);"
        " const r = document.getElementById('network').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; })()"))


def test_browser_filters_by_type_province_and_date(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    graph = qpgraph.load(built).graph
    persons = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "person")
    for kind in ("article", "event", "province", "unit"):
        page.uncheck(f".type-filter[value={kind}]")
    assert page.evaluate("window.qpgraph.network.body.nodeIndices.length") == persons
    page.select_option("#province-filter", "Lâm Đồng")
    names = sorted(page.evaluate("window.qpgraph.network.body.nodeIndices.map(id => window.qpgraph.nodes.get(id).name)"))
    assert names == ["Hồ Văn Mười", "Lưu Văn Trung", "Y Thanh Hà Niê Kđăm", "Đặng Hồng Sỹ"]
    page.select_option("#province-filter", "")
    page.fill("#date-from", "2025-12-01")
    page.dispatch_event("#date-from", "change")
    shown = page.evaluate("window.qpgraph.network.body.nodeIndices.length")
    assert 0 < shown < persons


def test_browser_article_with_a_script_payload_runs_nothing(built: Path, watched: Watched) -> None:
    article = built / "site" / page_path("article:xss-01", "article")
    page = watched.open(article)
    time.sleep(0.5)
    assert page.evaluate("window.__pwned === undefined")
    assert "<script>window.__pwned" in page.inner_text("main")  # shown as text
    assert page.locator("mark.entity").count() >= 3  # the persons, unit and province are still highlighted
    for other in ("graph.html", page_path("person:lê-văn-tư", "person")):
        page = watched.open(built / "site" / other)
        if other == "graph.html":
            watched.wait_ready()
        assert page.evaluate("window.__pwned === undefined"), other
    assert watched.errors == [] and watched.dialogs == []


def test_browser_filters_refit_and_count_only_edges_between_nodes_shown(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    graph = qpgraph.load(built).graph
    for kind in ("article", "event"):
        page.uncheck(f".type-filter[value={kind}]")
    kept = {n for n, t in graph.nodes(data="type") if t in ("person", "province", "unit")}
    edges = sum(1 for u, v in graph.edges() if u in kept and v in kept)
    assert page.inner_text("#status") == f"{len(kept)} nodes, {edges} edges"
    # Lâm Đồng's persons and bodies, drawn across the view (refitted), not a speck in a corner.
    page.select_option("#province-filter", "Lâm Đồng")
    box = page.evaluate(
        "(() => { const n = window.qpgraph.network; const r = document.getElementById('network').getBoundingClientRect();"
        " const ps = Object.values(n.getPositions(n.body.nodeIndices)).map(p => n.canvasToDOM(p));"
        " const xs = ps.map(p => p.x), ys = ps.map(p => p.y);"
        " return [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys), r.width, r.height]; })()")
    left, right, top, bottom, width, height = box
    assert 0 <= left and right <= width and 0 <= top and bottom <= height
    assert right - left > width / 3 or bottom - top > height / 3
    page.screenshot(path=str(ARTIFACTS / "graph-filtered.png"))


def test_browser_province_filter_keeps_the_meetings_held_there(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    for kind in ("article", "person", "province", "unit"):
        page.uncheck(f".type-filter[value={kind}]")
    page.select_option("#province-filter", "Lâm Đồng")
    shown = page.evaluate("window.qpgraph.network.body.nodeIndices")
    # The working meeting of Quân khu 7 with Lâm Đồng's Party committee: where its participants hold posts.
    assert shown == ["event:000_90873ee1c2f566b3-0"]


def test_browser_person_page_opens_with_posts_held_now_career_and_people_met(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / page_path("person:trần-vinh-ngọc", "person"))
    assert page.locator("#now .rank").inner_text() == "Trung tướng"
    rows = page.locator("#now table tr").all_inner_texts()[1:]
    assert [row.split("\t")[:3] for row in rows] == [["Bí thư Đảng ủy Quân khu 7", "2025-04-09", "2025-12-30"],
                                                     ["Chính ủy Quân khu 7", "2025-04-09", "2025-12-30"]]
    assert page.locator(".career .mark").all_inner_texts() == ["Thiếu tướng", "Trung tướng"]
    bars = page.locator(".career .bar")
    assert bars.count() == 2 and all((bars.nth(i).bounding_box() or {"width": 0})["width"] > 10 for i in range(2))
    met = page.locator("table.met tr").all_inner_texts()[1:]
    assert [row.split("\t")[0] for row in met] == ["2025-12-30", "2025-12-19", "2025-04-09"]
    assert "Lê Xuân Thế" in met[1] and "Phan Văn Giang" in met[1]
    page.screenshot(path=str(ARTIFACTS / "person.png"), full_page=True)


def test_browser_unit_page_opens_with_its_leaders(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / page_path("unit:quân-khu-7", "unit"))
    rows = [row.split("\t")[:3] for row in page.locator("table.leaders tr").all_inner_texts()[1:]]
    assert rows == [["Tư lệnh", "Lê Xuân Thế", "2025-12-19"], ["Chính ủy", "Trần Vinh Ngọc", "2025-04-09"]]
    page.screenshot(path=str(ARTIFACTS / "unit.png"))


def test_browser_feeds_filter_by_force_province_and_date(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "feeds" / "appointments.html")
    rows = page.locator("table.feed tr[data-date]")
    total = rows.count()
    assert page.inner_text("#shown") == f"{total} lines" and total > 10
    page.select_option("#force", "police")
    police = [r for r in rows.all() if r.is_visible()]
    assert police and all("police" in r.get_attribute("data-force").split("|") for r in police)
    assert page.inner_text("#shown") == f"{len(police)} lines"
    page.select_option("#force", "")
    since = rows.nth(2).get_attribute("data-date")  # the third newest line's date
    page.fill("#from", since)
    page.dispatch_event("#from", "change")
    recent = [r.get_attribute("data-date") for r in rows.all() if r.is_visible()]
    assert len(recent) >= 3 and all(d >= since for d in recent) and len(recent) < total
    page.screenshot(path=str(ARTIFACTS / "feed-appointments.png"))
    page.goto((built / "site" / "feeds" / "promotions.html").as_uri())
    first = page.locator("table.feed tr[data-date]").first.inner_text().split("\t")
    assert first[:4] == ["2025-12-19", "Thiếu tướng → Trung tướng", "Trần Vinh Ngọc",
                         "Bí thư Đảng ủy Quân khu 7; Chính ủy Quân khu 7"]
    page.screenshot(path=str(ARTIFACTS / "feed-promotions.png"))


def test_browser_province_page_shows_who_leads_its_bodies(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / page_path("province:lâm-đồng", "province"))
    bodies = page.locator("section.body h3").all_inner_texts()
    assert bodies[:2] == ["Tỉnh ủy Lâm Đồng", "UBND tỉnh Lâm Đồng"]
    first = page.locator("section.body").first.locator("table.leaders tr").nth(1).inner_text().split("\t")
    assert first[:2] == ["Bí thư", "Y Thanh Hà Niê Kđăm"]
    assert page.locator("table.events tr").nth(1).inner_text().split("\t")[:2] == ["2025-12-30", "meeting"]
    page.screenshot(path=str(ARTIFACTS / "province.png"), full_page=True)


def test_browser_overview_draws_every_node_on_webgl_finds_and_opens_them(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "overview.html")
    _until(page, "Boolean(window.qpoverview && window.qpoverview.ready)")
    graph = qpgraph.load(built).graph
    assert page.evaluate("window.qpoverview.graph.order") == graph.number_of_nodes()
    pairs = {(u, v, r) for u, v, r in graph.edges(data="relation")}
    assert page.evaluate("window.qpoverview.graph.size") == len(pairs)  # parallel edges of one relation as one
    assert page.inner_text("#status") == f"{graph.number_of_nodes()} nodes, {len(pairs)} edges"
    page.fill("#find", "quan khu 7")
    assert page.locator("#found li").first.inner_text() == "unitQuân khu 7"  # the whole name first
    page.locator("#found a").first.click()
    assert page.locator("#details h2").inner_text() == "Quân khu 7 · unit"
    assert page.locator("#details a").get_attribute("href") == page_path("unit:quân-khu-7", "unit")
    # The time slider: at its first month, only what was dated by then (and the undated) is drawn.
    page.evaluate("(() => { const s = document.getElementById('time'); s.value = '0'; s.dispatchEvent(new Event('input')); })()")
    early = int(page.inner_text("#status").split()[0])
    assert 0 < early < graph.number_of_nodes() and page.inner_text("#time-label").startswith("up to ")
    page.screenshot(path=str(ARTIFACTS / "overview.png"))
    assert watched.errors == [] and watched.foreign == []


def test_browser_overview_of_a_70000_node_graph_becomes_interactive(tmp_path: Path, watched: Watched) -> None:
    from qpgraph.site.build import write_overview

    graph = _synthetic_graph(70_000)
    write_assets(tmp_path)
    page = watched.open(write_overview(KnowledgeGraph(graph), tmp_path))
    _until(page, "Boolean(window.qpoverview && window.qpoverview.ready)")
    assert page.evaluate("window.qpoverview.graph.order") == graph.number_of_nodes() >= 70_000
    ratio = page.evaluate("window.qpoverview.renderer.getCamera().ratio")
    box = page.locator("#sigma").bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.wheel(0, -600)  # zoom in
    _until(page, f"window.qpoverview.renderer.getCamera().ratio < {ratio}")
    assert page.evaluate("window.qpoverview.graph.size") == 0  # too many edges to draw at once without a GPU
    page.fill("#find", "Nguyễn Văn 123")
    page.locator("#found a").first.click()
    assert page.locator("#details h2").inner_text() == "Nguyễn Văn 123 · person"
    # The node found: its edges drawn, all of them.
    own = page.evaluate("(() => { const E = window.QP_OVERVIEW.edges, i = window.QP_OVERVIEW.nodes.label.indexOf('Nguyễn Văn 123');"
                        " return E.source.filter((s, k) => s === i || E.target[k] === i).length; })()")
    assert own > 0 and page.evaluate("window.qpoverview.graph.size") == own
    page.screenshot(path=str(ARTIFACTS / "overview-70000.png"))
    assert watched.errors == []


def _synthetic_graph(nodes: int) -> Graph:
    """A synthetic graph of about ``nodes`` nodes, in the shape of qpgraph's (``benchmarks/site_settle.py``)."""
    import sys

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from site_settle import synthetic_graph

    return synthetic_graph(nodes)


def _synthetic(nodes: int, out: Path) -> tuple[Graph, Path]:
    """A synthetic graph of about ``nodes`` nodes and its graph.html."""
    graph = _synthetic_graph(nodes)
    write_assets(out)
    return graph, write_graph_page(KnowledgeGraph(graph), out)


def test_browser_graph_of_a_thousand_nodes_is_drawn_where_the_build_placed_it(tmp_path: Path, watched: Watched) -> None:
    from qpgraph.site.overview import layout

    graph, path = _synthetic(1000, tmp_path)
    page = watched.open(path)
    watched.wait_ready()
    assert page.evaluate("window.qpgraph.network.body.nodeIndices.length") == graph.number_of_nodes() == 1005
    at = page.evaluate("window.qpgraph.network.getPositions()")
    # vis-network reports positions truncated to whole pixels.
    assert {n: (p["x"], p["y"]) for n, p in at.items()} == {n: (int(x), int(y)) for n, (x, y) in layout(graph).items()}
    page.screenshot(path=str(ARTIFACTS / "graph-1000.png"))
    assert watched.errors == []


def test_browser_graph_beyond_what_vis_network_draws_is_every_node_on_webgl_with_its_org_chart(
    tmp_path: Path, watched: Watched
) -> None:
    graph, path = _synthetic(6000, tmp_path)
    page = watched.open(path)
    _until(page, "Boolean(window.qpoverview && window.qpoverview.ready)")
    assert page.evaluate("window.qpoverview.graph.order") == graph.number_of_nodes() >= 6000
    page.screenshot(path=str(ARTIFACTS / "graph-webgl.png"))
    page.click("#tab-org")
    assert page.locator("#sigma").is_hidden()
    units = sorted(d["name"] for _, d in graph.nodes(data=True) if d["type"] == "unit")
    assert sorted(page.evaluate("[...document.querySelectorAll('#org a')].map(a => a.textContent)")) == units
    assert page.locator("#org section.level > h3").all_inner_texts() == [f"Other ({page.locator('#org ul.tree > li').count()})"]
    page.click("#tab-free")
    assert page.locator("#org").is_hidden() and page.locator("#sigma").is_visible()
    assert watched.errors == []


def test_browser_review_queue_turns_a_decision_into_the_line_to_add(built: Path, watched: Watched, tmp_path: Path) -> None:
    from qpgraph.graph.judgements import read_judgements

    page = watched.open(built / "site" / "candidates.html")
    page.fill(".decide .by", "Ngân")
    page.fill(".decide .why", "one spelling of the same Thượng tá, same unit")
    page.click(".decide button[data-decision=same]")
    line = page.locator(".decide + pre").first.inner_text()
    assert line.startswith("- {a: {name: Nguyễn Thanh Tâm, article: 000_90873ee1c2f566b3}, b: {name: Nguyễn Thành Tâm, "
                           "article: dev-04}, decision: same, by: \"Ngân\", date: 20")
    assert line.endswith(', why: "one spelling of the same Thượng tá, same unit"}')
    with page.expect_download() as download:
        page.click("#download")
    path = tmp_path / "judgements.yaml"
    download.value.save_as(path)
    assert path.read_text(encoding="utf-8") == "judgements:\n" + line + "\n"
    decided = read_judgements(path)  # the file qpgraph reads: valid, one decision
    assert [(j.decision, j.by) for j in decided.items] == [("same", "Ngân")]
    page.screenshot(path=str(ARTIFACTS / "review-queue.png"))


def test_browser_index_lists_the_newest_dated_events_first_and_names_articles(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "index.html")
    rows = page.locator("main table").first.locator("tr").all_inner_texts()[1:]
    dates = [row.split("\t")[0] for row in rows]
    dated = [d for d in dates if d]
    assert dated and dates[: len(dated)] == dated == sorted(dated, reverse=True)  # undated after every dated one
    links = page.locator("main table").first.locator("td:last-child a")
    assert all(not re.fullmatch(r"[0-9a-f_]{20}", links.nth(i).inner_text()) for i in range(links.count()))
    page.screenshot(path=str(ARTIFACTS / "index.png"))


def test_browser_graph_labels_its_most_connected_nodes_at_the_fitted_zoom(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    # vis-network draws a label when its font size times the view's scale reaches 5 pixels.
    drawn = page.evaluate("(() => { const n = window.qpgraph.network, s = n.getScale();"
                          " return window.qpgraph.nodes.get().filter(d => d.font && d.font.size * s >= 5).map(d => d.id); })()")
    assert len(drawn) == 25 and "unit:quân-khu-7" in drawn
