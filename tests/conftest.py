"""Shared helpers of the extraction tests: a short text in, its records out.

The texts are sentences copied from the articles in ``data/raw``; the expected
values are what ``data/annotations`` records for them (``shared/facts-format.md``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from qpgraph.evaluate import canonical
from qpgraph.extract.pipeline import extract
from qpgraph.ingest import prepare
from qpgraph.records import Article, ArticleRecords, Person

#: A value, or the list of its acceptable alternatives (as in a gold file).
Alternatives = str | list[str]


def _extract(text: str, published: str | None = None, article_id: str = "t", title: str | None = None) -> ArticleRecords:
    article = Article(id=article_id, path=f"{article_id}.txt", text=text, published=published, title=title)
    return extract(prepare(article))


def _person(records: ArticleRecords, name: str) -> Person:
    found = [p for p in records.persons if p.name == name]
    assert found, f"{name!r} not among {[p.name for p in records.persons]}"
    return found[0]


def _check_facts(got: list[str], required: Sequence[Alternatives], optional: Sequence[Alternatives] = ()) -> None:
    """As the facts format scores posts and units: every required value (one of
    its alternatives) is there, and nothing else but optional values."""

    def forms(value: Alternatives) -> set[str]:
        return {canonical(v) for v in ([value] if isinstance(value, str) else value)}

    have = {canonical(g) for g in got}
    missing = [r for r in required if not forms(r) & have]
    extra = sorted(have - set().union(*(forms(v) for v in [*required, *optional])))
    assert not missing and not extra, f"missing {missing}, extra {extra}, got {got}"


@pytest.fixture(scope="session")
def extract_text() -> Callable[..., ArticleRecords]:
    """``extract_text(text, published=None, article_id="t", title=None) -> ArticleRecords``."""
    return _extract


@pytest.fixture(scope="session")
def person() -> Callable[[ArticleRecords, str], Person]:
    """``person(records, name)``: the person of that exact name (the test fails if absent)."""
    return _person


@pytest.fixture(scope="session")
def canon() -> Callable[[list[str]], list[str]]:
    """Strings in the canonical form the facts format compares them in."""
    return lambda values: [canonical(v) for v in values]


@pytest.fixture(scope="session")
def check_facts() -> Callable[..., None]:
    """``check_facts(got, required, optional=())``: posts or units compared as the facts format scores them."""
    return _check_facts


# --- the site, built once per test session ------------------------------------------

from pathlib import Path  # noqa: E402

from builds import FIRST_CORPUS  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SITE_INPUTS = [*FIRST_CORPUS, ROOT / "tests" / "fixtures" / "payload"]


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``qpgraph build`` of data/raw and the script-payload article, once."""
    from qpgraph.corpus import build

    out = tmp_path_factory.mktemp("build")
    result = build(SITE_INPUTS, out)
    assert not result.errors
    return out
