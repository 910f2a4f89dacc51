"""Tests of qpgraph.ingest.document (and the offset map it builds on)."""

from __future__ import annotations

import random
import unicodedata
from itertools import pairwise
from pathlib import Path

import pytest
from excerpts import SEED_003_AWARDS

from qpgraph.ingest import Document, Sentence, prepare, read_path
from qpgraph.ingest.offsets import normalize_with_map
from qpgraph.records import Article
from qpgraph.text import normalize

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
STEMS = sorted(path.stem for path in RAW.glob("*.txt"))


def article(text: str, article_id: str = "a") -> Article:
    return Article(id=article_id, path=f"{article_id}.txt", text=text)


def raw(stem: str) -> Article:
    [item] = read_path(RAW / f"{stem}.txt")
    return item


def nfd(item: Article) -> Article:
    return item.model_copy(update={"text": unicodedata.normalize("NFD", item.text)})


# --- the document of a real article ----------------------------------------------------


def test_document_real_article_sentences_and_removed_lines() -> None:
    doc = prepare(raw("003_3cb9e48bb7875873"))
    texts = [sentence.text for sentence in doc.sentences]
    assert len(texts) == 16
    assert texts[:2] == [
        "Tạo môi trường biên giới hòa bình, địa bàn ổn định",
        "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)",
    ]
    assert texts[7] == (
        "Theo báo cáo tại hội nghị, qua 5 năm thực hiện Nghị định số 21/2019/NĐ-CP của Chính phủ, Tỉnh ủy, "
        "UBND tỉnh Lai Châu đã lãnh đạo, chỉ đạo tổ chức quán triệt, triển khai các nghị quyết, nghị định, "
        "thông tư của Trung ương, của tỉnh về xây dựng, hoạt động khu vực phòng thủ."
    )
    assert texts[-1] == SEED_003_AWARDS
    assert [(doc.text[start:end], reason) for start, end, reason in doc.removed] == [
        (texts[1], "repeat"),
        (texts[14], "repeat"),
        ("Phản hồi", "boilerplate"),
        ("Các tin khác", "cut"),
        ("Mới nhất", "teaser"),
        ("Xem nhiều nhất", "teaser"),
    ]


def test_document_sentences_only_from_content_lines() -> None:
    doc = prepare(raw("001_69287ec73126fb65"))
    assert doc.sentences[-1].text == "Quỳnh Anh"
    assert not any("Ea H'leo" in sentence.text or "Ý kiến" in sentence.text for sentence in doc.sentences)
    assert [sentence.text for sentence in doc.sentences].count("Các đại biểu tham dự hội nghị.") == 1


@pytest.mark.parametrize("stem", STEMS)
def test_document_sentences_are_exact_stripped_slices_in_order(stem: str) -> None:
    doc = prepare(raw(stem))
    assert [sentence.index for sentence in doc.sentences] == list(range(len(doc.sentences)))
    for sentence in doc.sentences:
        assert sentence.text == doc.text[sentence.start : sentence.end] == sentence.text.strip()
        assert sentence.text
    ends = [(s.start, s.end) for s in doc.sentences]
    assert all(a[1] <= b[0] for a, b in pairwise(ends))
    removed = [(start, end) for start, end, _ in doc.removed]
    assert not any(s < r_end and r_start < e for s, e in ends for r_start, r_end in removed)


@pytest.mark.parametrize("stem", STEMS)
def test_document_text_keeps_line_structure(stem: str) -> None:
    item = raw(stem)
    doc = prepare(item)
    assert doc.text == normalize(item.text)
    assert doc.text.count("\n") == item.text.count("\n")
    assert len(doc.to_original) == len(doc.text) + 1
    assert doc.to_original[-1] == len(item.text)


def test_document_tone_marks_fixed_and_mapped_back() -> None:
    item = article("Ban Thường vụ Tỉnh uỷ Khánh Hoà họp.")
    doc = prepare(item)
    assert doc.text == "Ban Thường vụ Tỉnh ủy Khánh Hòa họp."
    start = doc.text.index("ủy")
    assert item.text[slice(*doc.original_span(start, start + 2))] == "uỷ"


# --- decomposed (NFD) input ----------------------------------------------------------------


@pytest.mark.parametrize("stem", ["000_90873ee1c2f566b3", "dev-29", "dev-37"])
def test_document_nfd_article_gives_the_same_document_text(stem: str) -> None:
    composed, decomposed = raw(stem), nfd(raw(stem))
    assert composed.text != decomposed.text
    doc_nfc, doc_nfd = prepare(composed), prepare(decomposed)
    assert doc_nfd.text == doc_nfc.text
    assert doc_nfd.sentences == doc_nfc.sentences
    assert doc_nfd.removed == doc_nfc.removed


@pytest.mark.parametrize("stem", ["000_90873ee1c2f566b3", "dev-29", "dev-37"])
def test_document_nfd_original_spans_cover_each_sentence(stem: str) -> None:
    item = nfd(raw(stem))
    doc = prepare(item)
    for sentence in doc.sentences:
        start, end = doc.original_span(sentence.start, sentence.end)
        assert normalize(item.text[start:end]) == sentence.text


def test_document_nfd_name_span_maps_to_decomposed_name() -> None:
    item = nfd(raw("dev-29"))
    doc = prepare(item)
    name = "Trung tướng Trần Vinh Ngọc"
    start = doc.text.index(name)
    original = item.text[slice(*doc.original_span(start, start + len(name)))]
    assert original == unicodedata.normalize("NFD", name)
    assert len(original) == len(name) + 6  # ư, ớ (2 marks), ầ (2), ọ: 6 combining marks


def test_document_original_span_inside_a_composed_character_grows() -> None:
    item = article("Thu\u0309y quân")  # "Thủy" with its hook above decomposed
    doc = prepare(item)
    assert doc.text == "Thủy quân"
    assert doc.to_original == (0, 1, 2, 4, 5, 6, 7, 8, 9, 10)
    assert doc.original_span(2, 3) == (2, 4)
    assert doc.original_span(0, 4) == (0, 5)
    assert doc.original_span(3, 3) == (4, 4)
    assert doc.original_span(0, len(doc.text)) == (0, len(item.text))


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 2), (0, 99)])
def test_document_original_span_outside_text_is_an_error(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="outside the text"):
        prepare(article("Quân khu 7")).original_span(start, end)


_PIECES = [
    "a",
    "e",
    "o",
    "u",
    "y",
    "i",
    "A",
    "Đ",
    "đ",
    "ư",
    "ơ",
    "â",
    " ",
    "\n",
    ".",
    "7",
    "\u0300",
    "\u0301",
    "\u0303",
    "\u0309",
    "\u0323",
    "\u0302",
    "\u0306",
    "\u031b",
    "\u1100",
    "\u1161",
    "\u11a8",
    "\u0b47",
    "\u0b3e",
    "ủ",
    "ỳ",
    "ọ",
]


def test_offsets_random_decomposed_text_maps_exactly() -> None:
    generator = random.Random(20250810)
    for _ in range(3000):
        text = "".join(generator.choice(_PIECES) for _ in range(generator.randint(0, 12)))
        normalised, where = normalize_with_map(text)
        assert normalised == normalize(text), repr(text)
        assert len(where) == len(normalised) + 1 and where[-1] == len(text)
        assert list(where) == sorted(where)
        assert all(0 <= index <= len(text) for index in where)


# --- shape ------------------------------------------------------------------------------


def test_document_empty_content_has_no_sentences() -> None:
    doc = prepare(article("Tốc độ:1x\nSign In\n"))
    assert doc.sentences == ()
    assert [reason for *_, reason in doc.removed] == ["boilerplate", "boilerplate"]


def test_document_crlf_lines() -> None:
    doc = prepare(article("Ngày 9/4, Quân khu 7 họp.\r\nTP. Hồ Chí Minh dự. Tỉnh uỷ dự.\r\n"))
    assert [(s.start, s.end, s.text) for s in doc.sentences] == [
        (0, 25, "Ngày 9/4, Quân khu 7 họp."),
        (27, 46, "TP. Hồ Chí Minh dự."),
        (47, 58, "Tỉnh ủy dự."),
    ]


def test_document_is_frozen() -> None:
    doc = prepare(article("Quân khu 7."))
    assert isinstance(doc, Document) and isinstance(doc.sentences[0], Sentence)
    with pytest.raises(AttributeError):
        doc.text = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("printed", "fixed"),
    [
        pytest.param("Tỉnh uỷ Khánh Hoà, thuỷ quân, quý", "Tỉnh ủy Khánh Hòa, thủy quân, quý", id="oa-uy"),
        pytest.param("Hoà", "Hòa", id="at-start"),
        pytest.param("xoè.", "xòe.", id="oe-before-punctuation"),
        pytest.param("QUÝ Quý quý", "QUÝ Quý quý", id="after-q-stays"),
        pytest.param("hoàng thuỷ5", "hoàng thủy5", id="not-the-last-letters-and-digit-after"),
        pytest.param("\u00d0ảng uỷ", "Đảng ủy", id="look-alike-d"),
    ],
)
def test_document_tone_marks_placed(printed: str, fixed: str) -> None:
    assert normalize(printed) == fixed
