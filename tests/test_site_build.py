"""The site as files: every page there, nothing from another host, article text escaped, identical builds."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

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
    assert sorted(p.name for p in (site / "assets").iterdir()) == ["site.css", "site.js", "vis-network.min.js"]


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
        args = [sys.executable, "-m", "qpgraph.cli", "build", str(ROOT / "data" / "raw"), "--out", str(tmp_path / name)]
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
