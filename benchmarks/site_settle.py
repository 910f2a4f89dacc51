"""How long graph.html takes to be drawn in headless Chromium, for graphs of 500, 1,000 and 5,000 nodes.

Run: ``make bench`` (or ``python benchmarks/site_settle.py [sizes...]``). The graphs
are synthetic, in the shape of qpgraph's (per article: an event, persons who
hold posts in units and meet, units in a province); the page is the one
``qpgraph build`` writes. "Settled" is vis-network's end of stabilisation (for a
graph laid out at build time, its first drawing), as the page reports it
(``window.qpgraph.settledMs``); wall time adds loading and parsing the page.
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from qpgraph.graph.knowledge import KnowledgeGraph
from qpgraph.graph.tables import Graph
from qpgraph.site.build import write_assets, write_graph_page

FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]


def synthetic_graph(n_nodes: int, seed: int = 7) -> Graph:
    rnd = random.Random(seed)
    g = Graph()
    provinces = [f"province:p{i}" for i in range(max(3, n_nodes // 100))]
    for p in provinces:
        g.add_node(p, type="province", name=p, forms=[], articles=[])
    units: list[str] = []
    persons: list[str] = []
    a = 0
    while g.number_of_nodes() < n_nodes:
        aid = f"a{a:05d}"
        date = f"2025-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}"
        art, ev = f"article:{aid}", f"event:{aid}-0"
        g.add_node(art, type="article", name=aid, forms=[], articles=[aid], date=date)
        g.add_node(ev, type="event", name=f"meeting {date}", forms=[], articles=[aid], kind="meeting", date=date, article=aid)
        g.add_edge(ev, art, key=f"reported_in:{aid}:0", relation="reported_in", article=aid, date=date, sentence_text="…")
        province = rnd.choice(provinces)
        present = []
        for _ in range(4):
            if persons and rnd.random() < 0.3:
                person = rnd.choice(persons)
            else:
                person = f"person:x{len(persons)}"
                persons.append(person)
                g.add_node(person, type="person", name=f"Nguyễn Văn {len(persons)}", forms=[], articles=[aid],
                           evidence=[{"article": aid, "date": date, "text": "…"}])
            present.append(person)
            g.add_edge(person, ev, key=f"participated_in:{aid}:{len(present)}", relation="participated_in", article=aid,
                       date=date, sentence_text="Sentence of the article.")
            if units and rnd.random() < 0.5:
                unit = rnd.choice(units)
            else:
                unit = f"unit:u{len(units)}"
                units.append(unit)
                g.add_node(unit, type="unit", name=f"Đơn vị {len(units)}", forms=[], articles=[aid], province=None)
                g.add_edge(unit, province, key=f"in_province:{aid}:0", relation="in_province", article=aid, date=date)
                if len(units) > 1 and rnd.random() < 0.5:
                    g.add_edge(unit, rnd.choice(units[:-1]), key=f"part_of:{aid}:0", relation="part_of", article=aid, date=date)
            g.add_edge(person, unit, key=f"holds:{aid}:0", relation="holds", article=aid, date=date, title="Chính ủy",
                       post="Chính ủy", heads=True, sentence_text="Sentence of the article.")
        for i, u in enumerate(present):
            for v in present[i + 1:]:
                if u != v:
                    g.add_edge(u, v, key=f"met:{aid}:{i}", relation="met", article=aid, date=date, sentence_text="…")
        a += 1
    return g


def measure(path: Path, runs: int = 3) -> tuple[list[float], list[float], int]:
    settled, wall = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=FLAGS)
        for _ in range(runs):
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            start = time.monotonic()
            page.goto(path.as_uri())
            while not page.evaluate("Boolean(window.qpgraph && window.qpgraph.ready)"):
                time.sleep(0.02)
            wall.append(time.monotonic() - start)
            settled.append(page.evaluate("window.qpgraph.settledMs") / 1000)
            drawn = page.evaluate("window.qpgraph.network.body.nodeIndices.length")
            page.close()
        browser.close()
    return settled, wall, drawn


def main(sizes: list[int]) -> None:
    print(f"{'nodes':>6} {'edges':>6} {'settled s (median of 3)':>24} {'wall s (median)':>16} {'drawn':>6}")
    for n in sizes:
        graph = synthetic_graph(n)
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            write_assets(out)
            page = write_graph_page(KnowledgeGraph(graph), out)
            settled, wall, drawn = measure(page)
        print(f"{graph.number_of_nodes():>6} {graph.number_of_edges():>6} {statistics.median(settled):>24.2f} "
              f"{statistics.median(wall):>16.2f} {drawn:>6}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 1000, 5000])
