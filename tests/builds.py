"""Corpora and build folders shared by the tests of builds."""

from __future__ import annotations

import shutil
from pathlib import Path

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


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
