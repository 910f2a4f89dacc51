"""The vocabulary matches found without a spaCy Doc (``index_text``), the tokens
they are found in, and the choice among overlapping matches, on sentences and
articles copied from data/raw.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from excerpts import (
    DEV_13_LEDE,
    DEV_13_THANKS,
    DEV_17_HANDOVER,
    DEV_37_CHAIRS,
    SEED_000_DELEGATION,
)

from qpgraph.extract.items import _choose, _cover, index_doc
from qpgraph.extract.matcher import index_text, vocab_matcher
from qpgraph.extract.nlp import build_nlp, syllables, tokens
from qpgraph.extract.vocab import load_bodies
from qpgraph.ingest import iter_articles, prepare

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
KIEM = "Thượng tá Trần Hữu Ích - Phó Chỉ huy trưởng kiêm Tham mưu trưởng Bộ CHQS tỉnh đến dự."
ROMAN = "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu"


def spans(text: str) -> list[tuple[str, str, int, int, str]]:
    return [(s.label, s.text, s.start, s.end, s.id) for s in index_text(text, build_nlp()).spans]


def test_matcher_tokens_and_offsets() -> None:
    text = "Đồng chí Hồ Văn Niên-Ủy viên,  TP.HCM"
    words, starts, blank = tokens(text)
    assert words == ["Đồng", "chí", "Hồ", "Văn", "Niên", "-", "Ủy", "viên", ",", " ", "TP.HCM"]
    assert starts == [0, 5, 9, 12, 16, 20, 21, 24, 28, 30, 31]
    assert blank == [False] * 9 + [True, False]
    assert syllables(text)[1] == [True, True, True, True, False, False, True, False, True, False, False]


@pytest.mark.parametrize("text", [" Quân khu 7", "Quân khu 7 ", "Quân khu 7  ", "Quân\n khu \n7", ""])
def test_matcher_tokens_spell_the_text(text: str) -> None:
    words, trailing = syllables(text)
    assert "".join(w + " " * t for w, t in zip(words, trailing, strict=True)) == text
    assert [t.text for t in build_nlp()(text)] == words


def body_id(form: str) -> str:
    """The id of the body entry printed ``form`` (entries are keyed by their index)."""
    return str(next(k for k, body in enumerate(load_bodies()) if form in body.forms))


def test_matcher_every_match_overlapping_or_not() -> None:
    assert spans(KIEM) == [
        ("RANK", "Thượng tá", 0, 2, "Thượng tá"),
        ("TITLE", "Phó Chỉ huy trưởng", 6, 10, "phó chỉ huy trưởng"),
        ("TITLE", "Chỉ huy trưởng", 7, 10, "chỉ huy trưởng"),
        ("TITLE", "trưởng", 9, 10, "trưởng"),
        ("TITLE", "Tham mưu trưởng", 11, 14, "tham mưu trưởng"),
        ("TITLE", "trưởng", 13, 14, "trưởng"),
        ("BODY", "Bộ", 14, 15, body_id("Bộ")),
        ("BODY", "Bộ CHQS", 14, 16, body_id("Bộ CHQS tỉnh")),
        ("BODY", "Bộ CHQS tỉnh", 14, 17, body_id("Bộ CHQS tỉnh")),
    ]


def test_matcher_case_of_phrases_is_ignored() -> None:
    assert ("TITLE", "Tham mưu Trưởng", 10, 13, "tham mưu trưởng") in spans(ROMAN)


@pytest.mark.parametrize(
    "text",
    [KIEM, ROMAN, DEV_13_LEDE, DEV_13_THANKS, DEV_17_HANDOVER, DEV_37_CHAIRS, SEED_000_DELEGATION,
     "Đại tá, PGS.TS Nguyễn Văn A", "ĐẠI TÁ NGUYỄN VĂN A, CHÍNH ỦY QUÂN KHU 7", "Quân  khu\n7, Quân khu"],
)
def test_matcher_as_the_span_ruler(text: str) -> None:
    nlp = build_nlp()
    assert index_text(text, nlp) == index_doc(nlp(text))


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.stem)
def test_matcher_as_the_span_ruler_on_raw_articles(path: Path) -> None:
    nlp = build_nlp()
    (article,) = iter_articles([path])
    text = prepare(article).text  # type: ignore[arg-type]
    assert index_text(text, nlp) == index_doc(nlp(text))


def test_matcher_other_pipeline_falls_back_to_the_doc() -> None:
    nlp = spacy.blank("xx")
    assert vocab_matcher(nlp) is None
    assert index_text("Quân khu 7", nlp).spans == []


@pytest.mark.parametrize("text", [KIEM, ROMAN, SEED_000_DELEGATION, DEV_13_THANKS])
def test_matcher_groups_of_overlapping_spans_chosen_apart(text: str) -> None:
    found = index_text(text, build_nlp()).spans
    assert _choose(found) == sorted(_cover(found), key=lambda s: s.start)


def test_matcher_choice_covers_the_most_tokens() -> None:
    chosen = _choose(index_text(KIEM, build_nlp()).spans)
    assert [(s.label, s.text) for s in chosen] == [
        ("RANK", "Thượng tá"), ("TITLE", "Phó Chỉ huy trưởng"), ("TITLE", "Tham mưu trưởng"), ("BODY", "Bộ CHQS tỉnh"),
    ]
