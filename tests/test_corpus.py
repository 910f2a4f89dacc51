"""Many articles at once: one failure never stops the others."""

from __future__ import annotations

from pathlib import Path

import pytest

from qpgraph import corpus
from qpgraph.errors import ExtractionError

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def test_corpus_unexpected_failure_is_reported_per_article(monkeypatch: pytest.MonkeyPatch) -> None:
    real = corpus.extract

    def flaky(document, nlp=None):  # type: ignore[no-untyped-def]
        if document.article.id == "dev-33":
            raise ValueError("boom")
        return real(document, nlp)

    monkeypatch.setattr(corpus, "extract", flaky)
    result = corpus.extract_corpus([RAW / "dev-29.txt", RAW / "dev-33.txt", RAW / "dev-40.txt"])
    assert [r.article.id for r in result.records] == ["dev-29", "dev-40"]
    assert len(result.errors) == 1
    error = result.errors[0]
    assert isinstance(error, ExtractionError)
    assert str(error) == f"{RAW / 'dev-33.txt'}: extraction failed: ValueError: boom"


def test_corpus_write_json_leaves_no_temporary_files(tmp_path: Path) -> None:
    result = corpus.extract_corpus([RAW / "dev-40.txt"])
    written = corpus.write_corpus(result.records, tmp_path)
    assert [p.name for p in written] == ["dev-40.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dev-40.json"]
