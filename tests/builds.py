"""Corpora and build folders shared by the tests of builds."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from qpgraph.store import FILE

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
#: The 17 articles qpgraph was first written against (the five seeds and dev-*), as
#: files: the tests that count what a corpus makes (nodes, pages, merges) read these,
#: so that a new batch of articles in data/raw changes none of their expected values.
FIRST_CORPUS = sorted(RAW.glob("0*.txt")) + sorted(RAW.glob("dev-*.txt"))


def corpus_of(folder: Path, *names: str) -> Path:
    """``folder/raw`` holding copies of the articles of data/raw named ``names``."""
    raw = folder / "raw"
    raw.mkdir()
    for name in names:
        shutil.copy(RAW / name, raw / name)
    return raw


def tree(folder: Path) -> dict[str, bytes]:
    """Every file a build wrote, but its cache: path → bytes; for the store, the rows of
    its tables (two stores of the same rows differ in their pages)."""
    files = {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "cache" not in p.relative_to(folder).parts and not p.name.startswith(FILE)
    }
    with sqlite3.connect(folder / FILE) as db:
        # (the key of the graph the rows are of is left out: a test may make it of other code)
        files[f"{FILE}:build"] = repr(db.execute("SELECT qpgraph, extractor, libraries FROM build").fetchall()).encode()
        for table in ("articles", "nodes", "edges", "sentences", "tenures", "search"):
            files[f"{FILE}:{table}"] = repr(sorted(db.execute(f"SELECT * FROM {table}"), key=repr)).encode()
    return files


def stored(folder: Path) -> list[str]:
    """The ids of the articles whose records the store of build ``folder`` holds."""
    with sqlite3.connect(folder / FILE) as db:
        return [aid for (aid,) in db.execute("SELECT id FROM articles WHERE records IS NOT NULL ORDER BY id")]
