"""The site in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

``make test`` installs the browser; these tests fail, never skip, without it.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

import qpgraph
from qpgraph.site.build import page_path

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
    assert details.locator("ul.evidence a").first.inner_text() == "003_3cb9e48bb7875873"
    tooltip = page.evaluate(
        f"(() => {{ const t = window.qpgraph.nodes.get({node!r}).title;"
        " return [t.textContent, t.querySelector('a').getAttribute('href')]; })()"
    )
    assert "Đại tá Thào A Pinh, Chính ủy Bộ Chỉ huy Quân sự tỉnh tặng Giấy khen" in tooltip[0]
    assert tooltip[1] == page_path("article:003_3cb9e48bb7875873", "article")


def test_browser_org_chart_shows_units_only(built: Path, watched: Watched) -> None:
    page = watched.open(built / "site" / "graph.html")
    watched.wait_ready()
    page.click("#tab-org")
    graph = qpgraph.load(built).graph
    units = sum(1 for _, d in graph.nodes(data=True) if d["type"] == "unit")
    assert page.evaluate("window.qpgraph.network.body.nodeIndices.length") == units


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
