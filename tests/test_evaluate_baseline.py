"""The underthesea NER baseline, on real sentences of data/raw."""

from __future__ import annotations

from pathlib import Path

import pytest
import underthesea
from excerpts import SEED_000_HOSTS

from qpgraph.evaluate.baseline import Token, baseline_facts, entity_spans
from qpgraph.records import Facts, FactsPerson

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"

# Sentences of data/raw/000_90873ee1c2f566b3.txt.
PHOTO = (
    "Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7 (thứ 3 từ trái sang) "
    "cùng đoàn công tác làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng."
)
SPEECH = "Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu phát biểu tại buổi làm việc."


@pytest.fixture(scope="module")
def article_text() -> str:
    return (RAW / "000_90873ee1c2f566b3.txt").read_text(encoding="utf-8")


def test_sentences_are_real(article_text: str) -> None:
    for sentence in (PHOTO, SPEECH, SEED_000_HOSTS):
        assert sentence in article_text


def test_entity_spans_of_underthesea_ner_on_a_real_sentence() -> None:
    assert entity_spans(underthesea.ner(SEED_000_HOSTS)) == [
        ("PER", "Lâm Đồng"),
        ("PER", "Y Thanh Hà Niê Kđăm"),
        ("LOC", "Ban chấp hành Trung ương Đảng"),
        ("LOC", "Bí thư Tỉnh ủy Lâm Đồng"),
        ("LOC", "; Đặng Hồng Sỹ"),
        ("LOC", "thường trực Tỉnh"),
        ("PER", "Lưu Văn Trung"),
        ("LOC", "Chủ tịch Hội đồng nhân dân tỉnh ; Hồ Văn Mười"),
    ]


def test_baseline_facts_on_real_sentences() -> None:
    assert baseline_facts("000_90873ee1c2f566b3", f"{PHOTO} {SPEECH}") == Facts(
        article="000_90873ee1c2f566b3",
        date=None,
        persons=[FactsPerson(name="Trần Vinh Ngọc", rank=None, posts=[])],  # printed twice, kept once
        units=[],
        provinces=["Quân khu 7", "thứ 3", "Ban Thường vụ Tỉnh ủy Lâm Đồng"],
        events=[],
    )


def test_baseline_facts_dedupes_by_canonical_form_keeping_the_first_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    tagged: dict[str, list[Token]] = {
        "Một.": [
            ("Tỉnh uỷ", "N", "B-NP", "B-ORG"),
            ("Lâm Đồng", "Np", "B-NP", "I-ORG"),
            ("tỉnh", "N", "B-NP", "B-LOC"),
            ("Lâm Đồng", "Np", "B-NP", "I-LOC"),
            ("Thành phố Hồ Chí Minh", "Np", "B-NP", "B-LOC"),
        ],
        "Hai.": [
            ("Tỉnh ủy", "N", "B-NP", "B-ORG"),
            ("Lâm Đồng", "Np", "B-NP", "I-ORG"),
            ("Lâm Đồng", "Np", "B-NP", "B-LOC"),
            ("TP.HCM", "Np", "B-NP", "B-LOC"),
            (",", "CH", "O", "B-PER"),
        ],
    }
    monkeypatch.setattr(underthesea, "sent_tokenize", lambda text: text.split(" "))
    monkeypatch.setattr(underthesea, "ner", lambda sentence: tagged[sentence])
    facts = baseline_facts("x", "Một. Hai.")
    assert facts.units == ["Tỉnh uỷ Lâm Đồng"]
    assert facts.provinces == ["tỉnh Lâm Đồng", "Thành phố Hồ Chí Minh"]
    assert facts.persons == []  # a span of punctuation only has no canonical form


def test_baseline_facts_of_empty_text_is_an_empty_document() -> None:
    assert baseline_facts("empty", "") == Facts(article="empty")
