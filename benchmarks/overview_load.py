"""How long graph.html and overview.html (every node on WebGL) take to become interactive in headless Chromium.

Run: ``python benchmarks/overview_load.py [--site build/site] [--synthetic 70000] [--rounds 3]``.

For a built site (``--site``, the 10,000-article synthetic corpus's for the issue's
figure: its graph.html and overview.html) and for the graph.html of a synthetic graph
of ``--synthetic`` nodes (``site_settle.synthetic_graph``), each round opens the page
in a new tab and measures, from the navigation:

- ready: the page has read its data, built the graph and drawn it
  (``window.qpoverview.ready``);
- interactive: a wheel turn over the graph has zoomed the camera;
- CPU: the seconds of CPU of Chromium's processes (all of them, summed) over the round.

Medians of the rounds are printed, with the nodes and edges drawn; with
``--screenshots DIR``, a screenshot of each page (as the last round left it) goes there.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import psutil
from playwright.sync_api import Browser, Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_settle import FLAGS, synthetic_graph  # noqa: E402

from qpgraph.graph.knowledge import KnowledgeGraph  # noqa: E402
from qpgraph.site.build import write_assets, write_graph_page  # noqa: E402


def _chromium_cpu() -> float:
    """CPU seconds of every Chromium process now running."""
    total = 0.0
    for process in psutil.process_iter(["name", "cpu_times"]):
        if process.info["name"] and "chrom" in process.info["name"] and process.info["cpu_times"]:
            total += process.info["cpu_times"].user + process.info["cpu_times"].system
    return total


def _until(page: Page, expression: str, timeout: float = 300.0) -> None:
    """Wait until ``expression`` is true in the page (the page's policy forbids the
    evaluated predicates of ``wait_for_function``)."""
    start = time.monotonic()
    while not page.evaluate(expression):
        if time.monotonic() - start > timeout:
            raise TimeoutError(expression)
        time.sleep(0.02)


def measure(browser: Browser, page_path: Path, rounds: int, shot: Path | None = None) -> dict[str, float]:
    ready, interactive, cpu = [], [], []
    order = size = 0
    for _ in range(rounds):
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        before = _chromium_cpu()
        start = time.monotonic()
        page.goto(page_path.as_uri())
        _until(page, "Boolean(window.qpoverview && window.qpoverview.ready)")
        ready.append(time.monotonic() - start)
        ratio = page.evaluate("window.qpoverview.renderer.getCamera().ratio")
        box = page.locator("#sigma").bounding_box()
        assert box is not None
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        page.mouse.wheel(0, -600)
        _until(page, f"window.qpoverview.renderer.getCamera().ratio < {ratio}")
        interactive.append(time.monotonic() - start)
        cpu.append(_chromium_cpu() - before)
        order, size = page.evaluate("[window.qpoverview.graph.order, window.qpoverview.graph.size]")
        if shot is not None:  # the page as drawn, zoomed in a step by the wheel
            shot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(shot))
        page.close()
    return {"ready": statistics.median(ready), "interactive": statistics.median(interactive),
            "cpu": statistics.median(cpu), "nodes": order, "edges": size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, action="append", default=[], help="A built site folder (repeatable).")
    parser.add_argument("--synthetic", type=int, default=70_000, help="Nodes of a synthetic graph (0: none).")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--screenshots", type=Path, help="A folder for a screenshot of each page measured.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        pages = [(f"{site}/{name}", site / name) for site in args.site for name in ("graph.html", "overview.html")]
        if args.synthetic:
            write_assets(Path(tmp))
            graph = KnowledgeGraph(synthetic_graph(args.synthetic))
            pages.append((f"synthetic {args.synthetic:,}/graph.html", write_graph_page(graph, tmp)))
        browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=FLAGS)
        print(f"{'graph':<40} {'nodes':>7} {'edges':>8} {'ready s':>8} {'interactive s':>14} {'CPU s':>6}  (medians of {args.rounds})")
        for n, (name, page_path) in enumerate(pages):
            shot = args.screenshots / f"{n}-{page_path.stem}.png" if args.screenshots else None
            found = measure(browser, page_path, args.rounds, shot)
            print(f"{name:<40} {found['nodes']:>7} {found['edges']:>8} {found['ready']:>8.2f} {found['interactive']:>14.2f} "
                  f"{found['cpu']:>6.2f}")
        browser.close()


if __name__ == "__main__":
    main()
