"""Corpora and build folders shared by the tests of builds."""

from __future__ import annotations

import shutil
from pathlib import Path

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
    """Every file a build wrote, but its cache: path → bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "cache" not in p.relative_to(folder).parts
    }
