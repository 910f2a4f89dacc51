"""Tests of qpgraph.ingest.clean and the boilerplate vocabulary it reads."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from qpgraph.errors import VocabularyError
from qpgraph.ingest import classify_lines, content_lines, load_boilerplate, read_path
from qpgraph.ingest.boilerplate import DEFAULT_PATH, squeeze
from qpgraph.text import normalize

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


def verdicts(text: str) -> list[tuple[str, str | None]]:
    return [(line.text, line.reason) for line in classify_lines(text)]


def raw_text(stem: str) -> str:
    [article] = read_path(RAW / f"{stem}.txt")
    return normalize(article.text)


FIRST = "Ngày 14/1, Bộ Chỉ huy Quân sự tỉnh Quảng Trị tổ chức hội nghị công bố các quyết định."


@pytest.mark.parametrize(
    "chrome",
    [
        "Tốc độ:1x",
        "Tốc độ: 1.25x",
        "Multimedia Đọc Báo in",
        "Sign In",
        "leftcenterrightdel",
        "Phản hồi",
        "Mới nhất",
        "Lượt xem: 1933",
        "bqbht_br_239a4828.jpg",
        "bqbht_br_239a4845-1449.jpg",
        "IMG_2024.PNG",
        ">>> Xin mời quý vị đón xem Thời sự HTV lúc 20 giờ và Chương trình Thế giới 24G lúc 20 giờ 30 phút mỗi ngày trên kênh HTV9",
        "Theo Chinhphu.vn",
        "Nguồn: baoquangnam.vn",
    ],
)
def test_clean_chrome_line_is_boilerplate(chrome: str) -> None:
    assert verdicts(f"{FIRST}\n  {chrome} \n{FIRST[:-1]} lần hai.") == [
        (FIRST, None),
        (chrome, "boilerplate"),
        (f"{FIRST[:-1]} lần hai.", None),
    ]


@pytest.mark.parametrize(
    "content",
    [
        "Quang cảnh hội nghị",
        "Quỳnh Anh",
        "20/10/2024",
        "12:17, 22/08/2023",
        "Theo quyết định của Bộ Tư lệnh Quân khu 5, Thượng tá Nguyễn Quang Thanh Tuấn được bổ nhiệm.",
        "Tốc độ phát triển kinh tế của tỉnh đạt 7%.",
        "Phản hồi ý kiến cử tri, đồng chí Bí thư Tỉnh ủy cho biết.",
        "Các tin khác nhau về cuộc họp đã được kiểm chứng.",
        "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)",
        "(Baohatinh.vn) - Cùng dự về phía tỉnh Hà Tĩnh có Bí thư Tỉnh ủy Nguyễn Duy Lâm.",
    ],
)
def test_clean_article_line_is_content(content: str) -> None:
    assert verdicts(f"{FIRST}\n{content}") == [(FIRST, None), (content, None)]


@pytest.mark.parametrize(
    "marker",
    [
        "Ý kiến bạn đọc",
        "Tin liên quan",
        "Các tin khác",
        "Xem nhiều nhất",
        "Bài viết liên quan",
        "Tin cùng chuyên mục",
        "TIN LIÊN QUAN:",
    ],
)
def test_clean_cut_marker_drops_everything_after(marker: str) -> None:
    text = f"{FIRST}\n\n{marker}\n\n(Video) Huyện Ea H’leo nhiều giải pháp giải quyết việc làm\nMới nhất"
    assert verdicts(text) == [
        (FIRST, None),
        (marker, "cut"),
        ("(Video) Huyện Ea H’leo nhiều giải pháp giải quyết việc làm", "teaser"),
        ("Mới nhất", "teaser"),
    ]


def test_clean_cut_marker_before_content_is_only_a_menu_item() -> None:
    assert verdicts(f"Tin liên quan\nMới nhất\n{FIRST}") == [
        ("Tin liên quan", "boilerplate"),
        ("Mới nhất", "boilerplate"),
        (FIRST, None),
    ]


def test_clean_cut_in_real_article_001() -> None:
    removed = [
        (line.text[:40], line.reason) for line in classify_lines(raw_text("001_69287ec73126fb65")) if line.reason
    ]
    assert removed == [
        ("Multimedia Đọc Báo in", "boilerplate"),
        ("Các đại biểu tham dự hội nghị.", "repeat"),
        ("Đại tá Trần Minh Trọng, Chính ủy Bộ Chỉ ", "repeat"),
        ("Ý kiến bạn đọc", "cut"),
        ("(Video) Huyện Ea H’leo nhiều giải pháp g", "teaser"),
        ("Huyện Ea H'leo có lợi thế về tài nguyên ", "teaser"),
    ]
    assert content_lines(raw_text("001_69287ec73126fb65"))[-1].text == "Quỳnh Anh"


def test_clean_repeated_caption_keeps_the_first() -> None:
    caption = "Đại tá Thào A Pinh, Chính ủy Bộ Chỉ huy Quân sự tỉnh tặng Giấy khen cho các tập thể. (Ảnh: TTXVN phát)"
    text = f"{caption}\n\n{caption}\n\nDịp này, Bộ Chỉ huy Quân sự tỉnh Lai Châu tặng Giấy khen."
    lines = classify_lines(text)
    assert [(line.start, line.reason) for line in lines] == [
        (0, None),
        (len(caption) + 2, "repeat"),
        (2 * len(caption) + 4, None),
    ]


def test_clean_repeat_compares_after_whitespace_folding() -> None:
    text = "Các đại biểu tham dự hội nghị.\nCác  đại biểu\u00a0tham dự hội nghị. \n\tCác đại biểu tham dự hội nghị."
    assert [line.reason for line in classify_lines(text)] == [None, "repeat", "repeat"]


def test_clean_repeat_ignores_a_leading_source_tag() -> None:
    lead = "Sáng 27/2, UBND tỉnh Thanh Hóa tổ chức hội nghị sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân."
    assert verdicts(f"(Baothanhhoa.vn) - {lead}\n{lead}") == [(f"(Baothanhhoa.vn) - {lead}", None), (lead, "repeat")]


def test_clean_headline_repeated_above_every_photo() -> None:
    removed = [line for line in classify_lines(raw_text("dev-07")) if line.reason]
    assert [line.reason for line in removed] == ["repeat"] * 5
    assert [line.text for line in removed][1:] == [
        "Sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn 2019-2024"
    ] * 4
    assert removed[0].text.startswith("Sáng 27/2, UBND tỉnh Thanh Hóa")


def test_clean_line_offsets_are_exact_slices() -> None:
    text = raw_text("dev-37")
    lines = classify_lines(text)
    assert all(text[line.start : line.end] == line.text == line.text.strip() for line in lines)
    assert sum(1 for line in lines if line.reason is None) == len(content_lines(text))


@pytest.mark.parametrize(
    ("stem", "counts"),
    [
        ("000_90873ee1c2f566b3", {"boilerplate": 1}),
        ("001_69287ec73126fb65", {"boilerplate": 1, "repeat": 2, "cut": 1, "teaser": 2}),
        ("002_89c7204c73c9a37e", {"boilerplate": 1}),
        ("003_3cb9e48bb7875873", {"boilerplate": 1, "repeat": 2, "cut": 1, "teaser": 2}),
        ("004_d8530aca4ce47485", {}),
        ("dev-01", {}),
        ("dev-04", {}),
        ("dev-07", {"repeat": 5}),
        ("dev-10", {}),
        ("dev-13", {}),
        ("dev-17", {}),
        ("dev-20", {"boilerplate": 1, "repeat": 1}),
        ("dev-23", {"boilerplate": 1}),
        ("dev-29", {}),
        ("dev-33", {}),
        ("dev-37", {"boilerplate": 3, "repeat": 1}),
        ("dev-40", {"boilerplate": 2}),
    ],
)
def test_clean_removed_counts_on_raw_articles(stem: str, counts: dict[str, int]) -> None:
    assert Counter(line.reason for line in classify_lines(raw_text(stem)) if line.reason) == counts


def test_clean_empty_text_has_no_lines() -> None:
    assert classify_lines("") == ()
    assert content_lines(" \n\n\t") == ()
    assert classify_lines("\u200b\n\ufeff \u00a0") == ()


def test_clean_custom_vocabulary_is_used(tmp_path: Path) -> None:
    path = tmp_path / "chrome.yaml"
    path.write_text("lines: [Quang cảnh hội nghị]\ncuts: [Hết]\n", encoding="utf-8")
    text = f"{FIRST}\nQuang cảnh hội nghị\nSign In\nHết\nTeaser"
    assert [line.reason for line in classify_lines(text, load_boilerplate(path))] == [
        None,
        "boilerplate",
        None,
        "cut",
        "teaser",
    ]


# --- the vocabulary file --------------------------------------------------------------


def test_boilerplate_shipped_file_loads_once() -> None:
    assert load_boilerplate() is load_boilerplate()
    assert load_boilerplate() is load_boilerplate(DEFAULT_PATH)
    assert "ý kiến bạn đọc" in load_boilerplate().cuts


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("lines: [a\n", "not valid YAML"),
        ("- a\n- b\n", "expected a mapping with `lines`, `patterns` and `cuts`"),
        ("", "expected a mapping"),
        ("lines: [a]\nextra: [b]\n", "extra: Extra inputs are not permitted"),
        ("lines: a\n", "lines: Input should be a valid list"),
        ("lines: ['  ']\n", "lines: Value error, an entry is empty"),
        ("patterns:\n  - regex: 'x'\n", "patterns.0.name: Field required"),
        (
            "patterns:\n  - {name: bad, regex: '(unclosed'}\n",
            "patterns.0.regex: Value error, not a valid regular expression",
        ),
    ],
)
def test_boilerplate_malformed_file_is_a_vocabulary_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "boilerplate.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_boilerplate(path)
    assert message in caught.value.message
    assert caught.value.path == str(path)


def test_boilerplate_missing_file_is_a_vocabulary_error(tmp_path: Path) -> None:
    with pytest.raises(VocabularyError, match="cannot read the boilerplate file"):
        load_boilerplate(tmp_path / "none.yaml")


@pytest.mark.parametrize(
    ("line", "squeezed"),
    [
        pytest.param("  Lượt\u00a0xem:  1933 ", "Lượt xem: 1933", id="nbsp-and-runs"),
        pytest.param("\u200bTin\u200c liên\u200d\ufeffquan\u200b", "Tin liên quan", id="zero-width"),
        pytest.param("\ufeff \u200b ", "", id="only-zero-width"),
        pytest.param("Tỉnh uỷ\tKhánh Hoà\n", "Tỉnh ủy Khánh Hòa", id="normalised"),
    ],
)
def test_boilerplate_squeeze(line: str, squeezed: str) -> None:
    assert squeeze(line) == squeezed
