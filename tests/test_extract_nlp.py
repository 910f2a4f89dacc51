"""The spaCy pipeline (syllable tokenizer, vocabulary SpanRuler) and the items the
parser reads, on sentences copied from data/raw.
"""

from __future__ import annotations

import pytest

from qpgraph.extract.items import is_cap, sentence_items
from qpgraph.extract.nlp import build_nlp


def items(text: str) -> list[tuple[str, str]]:
    return [(item.kind, item.text) for item in sentence_items(build_nlp()(text), 0, len(text))]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        pytest.param(
            "Đồng chí Hồ Văn Niên-Ủy viên",
            ["Đồng", "chí", "Hồ", "Văn", "Niên", "-", "Ủy", "viên"],
            id="004-glued-hyphen",
        ),
        pytest.param("Thường trực Thành ủy TP.HCM,", ["Thường", "trực", "Thành", "ủy", "TP.HCM", ","], id="002-tp-hcm"),
        pytest.param("các huyện Lắk, Ea Súp, Krông Ana, M'Drắk...", ["các", "huyện", "Lắk", ",", "Ea", "Súp", ",",
                     "Krông", "Ana", ",", "M'Drắk", ".", ".", "."], id="001-apostrophe"),
        pytest.param("Nghị định số 21/2019/NĐ-CP", ["Nghị", "định", "số", "21/2019", "/", "NĐ", "-", "CP"], id="003-decree"),
    ],
)
def test_nlp_tokenizer(text: str, tokens: list[str]) -> None:
    assert [t.text for t in build_nlp()(text)] == tokens


@pytest.mark.parametrize(
    "text",
    [
        "Chỉ huy Trưởng Bộ Chỉ huy Quân sự tỉnh Quảng Trị  công bố\n\nquyết định",
        "Thiếu tướng Thiếu tướng Trần Vinh Ngọc \u00a0– Bí thư",
    ],
)
def test_nlp_tokenizer_keeps_the_text(text: str) -> None:
    doc = build_nlp()(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)


def test_nlp_vocabulary_spans() -> None:
    doc = build_nlp()("Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị.")
    spans = {(s.label_, s.text) for s in doc.spans["vocab"]}
    assert {("RANK", "Thiếu tướng"), ("TITLE", "Phó Tư lệnh"), ("TITLE", "Tham mưu Trưởng"), ("BODY", "Quân khu")} <= spans


def test_nlp_built_once() -> None:
    assert build_nlp() is build_nlp()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu",
            [("RANK", "Thiếu tướng"), ("CAP", "Nguyễn"), ("CAP", "Đăng"), ("CAP", "Khải"), ("PUNCT", ","),
             ("TITLE", "Phó Tư lệnh"), ("PUNCT", ","), ("TITLE", "Tham mưu Trưởng"), ("BODY", "Quân khu"),
             ("ROMAN", "II"), ("WORD", "phát"), ("WORD", "biểu")],
            id="003-roman",
        ),
        pytest.param(
            "Thượng tá Trần Hữu Ích - Phó Chỉ huy trưởng kiêm Tham mưu trưởng Bộ CHQS tỉnh đến dự.",
            [("RANK", "Thượng tá"), ("CAP", "Trần"), ("CAP", "Hữu"), ("CAP", "Ích"), ("PUNCT", "-"),
             ("TITLE", "Phó Chỉ huy trưởng"), ("WORD", "kiêm"), ("TITLE", "Tham mưu trưởng"), ("BODY", "Bộ CHQS tỉnh"),
             ("WORD", "đến"), ("WORD", "dự"), ("PUNCT", ".")],
            id="dev-17-kiem",
        ),
        pytest.param(
            "Bộ Chỉ huy Quân sự (CHQS) tỉnh tổ chức",
            [("BODY", "Bộ Chỉ huy Quân sự"), ("WORD", "tỉnh"), ("WORD", "tổ"), ("WORD", "chức")],
            id="dev-20-gloss-dropped",
        ),
        pytest.param(
            "có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh",
            [("WORD", "có"), ("WORD", "sự"), ("WORD", "tham"), ("WORD", "dự"),
             ("WORD", "của"), ("WORD", "lãnh"), ("WORD", "đạo"), ("BODY", "Thường trực"), ("BODY", "Thành ủy"),
             ("PROV", "TP.HCM"), ("PUNCT", ","), ("WORD", "tỉnh"), ("WORD", "ủy"), ("NUM", "8"), ("WORD", "tỉnh")],
            id="002-lower-case-body-is-a-noun",
        ),
    ],
)
def test_nlp_sentence_items(text: str, expected: list[tuple[str, str]]) -> None:
    assert items(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Kđăm", True, id="ede-syllable"),
        pytest.param("Niê", True, id="niê"),
        pytest.param("Y", True, id="one-letter-prefix"),
        pytest.param("A", True, id="hmong-middle"),
        pytest.param("M'Drắk", True, id="apostrophe"),
        pytest.param("Thongloun", True, id="lao"),
        pytest.param("CHQS", False, id="abbreviation"),
        pytest.param("QK7", False, id="letters-and-digits"),
        pytest.param("thủ", False, id="lower-case"),
    ],
)
def test_nlp_is_cap(text: str, expected: bool) -> None:
    assert is_cap(text) is expected
