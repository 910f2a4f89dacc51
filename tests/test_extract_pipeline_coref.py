"""Coreference within an article: a person printed again (with a rank, an
honorific or posts) is one person with one more mention; a post printed without a
name that only one person holds is a mention of that person. Mentions point into
the original article text, also when it is decomposed Unicode.

Sentences are copied from data/raw; names and posts are those of data/annotations.
"""

from __future__ import annotations

import unicodedata

import pytest

from qpgraph.text import normalize

DEV_01 = (
    "Chỉ đạo tại hội nghị, Thiếu tướng Lê Hồng Nhân, Phó Tư lệnh, Tham mưu trưởng Quân khu 4, biểu dương tinh thần "
    "trách nhiệm của Bộ Chỉ huy Quân sự tỉnh Quảng Trị trong việc quán triệt, triển khai nghiêm túc các quyết định của "
    "cấp trên.\n\n"
    "Thiếu tướng Lê Hồng Nhân đề nghị các cán bộ mới được bổ nhiệm nhanh chóng nắm chắc tình hình địa bàn, chủ động "
    "tham mưu hiệu quả cho cấp ủy, chính quyền địa phương theo chức trách, nhiệm vụ được giao.\n\n"
    "Phó Tư lệnh Quân khu 4 cũng yêu cầu Ban Chỉ huy Quân sự các xã, phường, đặc khu cần tập trung làm tốt công tác "
    "tuyển chọn, gọi công dân nhập ngũ năm 2026."
)
Y_THANH = (
    "Thay mặt lãnh đạo tỉnh Lâm Đồng, đồng chí Y Thanh Hà Niê Kđăm, Uỷ viên Trung ương Đảng, Bí thư Tỉnh ủy Lâm Đồng "
    "trân trọng cảm ơn Đảng ủy, Bộ Tư lệnh Quân khu 7 trong thời gian qua đã luôn quan tâm, hỗ trợ, giúp đỡ kịp thời.\n"
    "Đồng chí Y Thanh Hà Niê Kđăm, Bí thư Tỉnh ủy Lâm Đồng phát biểu tại hội nghị.\n"
    "Thông tin tại hội nghị, đồng chí Bí thư Tỉnh ủy cho biết, năm 2025, dưới sự lãnh đạo, chỉ đạo quyết liệt của cấp "
    "ủy, chính quyền các cấp."
)
TRAN_VINH_NGOC = (
    "Ban Thường vụ Đảng ủy Quân khu 7 làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng\nTốc độ:1x\n"
    "Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7 (thứ 3 từ trái sang) cùng đoàn công tác làm việc "
    "với Ban Thường vụ Tỉnh ủy Lâm Đồng.\n"
    "Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu phát biểu tại buổi làm việc.\n"
    "Đồng chí Chính ủy Quân khu đề nghị Thường trực Tỉnh ủy Lâm Đồng sớm ban hành hướng dẫn cụ thể về mối quan hệ công "
    "tác giữa Đảng ủy, Ban Chỉ huy Phòng thủ khu vực với Đảng ủy xã, phường."
)
DEV_04 = (
    "Tại đại hội, Ban Thường vụ Tỉnh ủy Tây Ninh công bố quyết định chỉ định ông Nguyễn Văn Quyết, Bí thư Tỉnh ủy, giữ "
    "chức Bí thư Đảng ủy quân sự tỉnh.\n\n"
    "Ông Nguyễn Văn Quyết phát biểu tại Đại hội đại biểu lần thứ I (Ảnh: H.M.).\n\n"
    "Phát biểu tại đại hội, ông Nguyễn Văn Quyết cho biết, ngay sau đại hội, Đảng ủy quân sự tỉnh khóa mới sẽ khẩn "
    "trương hoàn thiện chương trình hành động."
)
CAPTIONS_003 = (
    "Tạo môi trường biên giới hòa bình, địa bàn ổn định\n"
    "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)\n\n"
    "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)\n\n"
    "Tại hội nghị, Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu trưởng Quân khu II đề nghị tỉnh Lai Châu cần nắm "
    "chắc và quản lý tốt địa bàn, luôn chủ động, không lơ là chủ quan, không để bị động, bất ngờ."
)


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        pytest.param(
            DEV_01,
            "Lê Hồng Nhân",
            [(0, "Lê Hồng Nhân"), (1, "Lê Hồng Nhân"), (2, "Phó Tư lệnh Quân khu 4")],
            id="dev-01-rank-then-post",
        ),
        pytest.param(
            Y_THANH,
            "Y Thanh Hà Niê Kđăm",
            [(0, "Y Thanh Hà Niê Kđăm"), (1, "Y Thanh Hà Niê Kđăm"), (2, "Bí thư Tỉnh ủy")],
            id="000-honorific-then-post",
        ),
        pytest.param(
            TRAN_VINH_NGOC,
            "Trần Vinh Ngọc",
            [(1, "Trần Vinh Ngọc"), (2, "Trần Vinh Ngọc"), (3, "Chính ủy Quân khu")],
            id="000-post-with-implicit-region",
        ),
        pytest.param(
            DEV_04,
            "Nguyễn Văn Quyết",
            [(0, "Nguyễn Văn Quyết"), (1, "Nguyễn Văn Quyết"), (2, "Nguyễn Văn Quyết")],
            id="dev-04-honorific",
        ),
        pytest.param(
            CAPTIONS_003,
            "Nguyễn Đăng Khải",
            [(1, "Nguyễn Đăng Khải"), (2, "Nguyễn Đăng Khải")],
            id="003-repeated-caption-dropped",
        ),
    ],
)
def test_pipeline_coref_mentions(extract_text, text: str, name: str, mentions: list[tuple[int, str]]) -> None:
    records = extract_text(text)
    assert [p.name for p in records.persons] == [name]
    assert sorted((m.sentence, m.text) for m in records.persons[0].mentions) == mentions


@pytest.mark.parametrize(
    ("text", "name", "posts"),
    [
        pytest.param(DEV_01, "Lê Hồng Nhân", ["Phó Tư lệnh Quân khu 4", "Tham mưu trưởng Quân khu 4"], id="dev-01"),
        pytest.param(
            Y_THANH,
            "Y Thanh Hà Niê Kđăm",
            ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Lâm Đồng"],
            id="000-y-thanh",
        ),
        pytest.param(
            TRAN_VINH_NGOC, "Trần Vinh Ngọc", ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"], id="000-tran-vinh-ngoc"
        ),
        pytest.param(
            CAPTIONS_003, "Nguyễn Đăng Khải", ["Phó Tư lệnh Quân khu 2", "Tham mưu trưởng Quân khu 2"], id="003"
        ),
    ],
)
def test_pipeline_coref_posts_once(extract_text, canon, text: str, name: str, posts: list[str]) -> None:
    records = extract_text(text)
    [found] = [p for p in records.persons if p.name == name]
    assert canon([post.text for post in found.posts]) == canon(posts)


def test_pipeline_coref_person_ids_are_stable(extract_text) -> None:
    first, again, other = extract_text(DEV_01), extract_text(DEV_01), extract_text(DEV_01, article_id="u")
    assert [p.id for p in first.persons] == [p.id for p in again.persons]
    assert [p.id for p in first.persons] != [p.id for p in other.persons]
    assert [u.id for u in first.units] == [u.id for u in again.units]


# --- offsets into the original text -------------------------------------------------------


def _all_mentions(records):
    for p in records.persons:
        yield from p.mentions
        yield from (post.mention for post in p.posts)
    for u in records.units:
        yield from u.mentions
    for v in records.provinces:
        yield from v.mentions
    for e in records.events:
        yield e.mention


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    "text",
    [
        pytest.param(DEV_01, id="dev-01"),
        pytest.param(Y_THANH, id="000-old-tone-marks"),
        pytest.param(TRAN_VINH_NGOC, id="000-boilerplate-line"),
        pytest.param(CAPTIONS_003, id="003-repeated-line"),
        pytest.param(DEV_04, id="dev-04"),
    ],
)
def test_pipeline_coref_offsets_into_original_text(extract_text, text: str, form: str) -> None:
    original = unicodedata.normalize(form, text)
    records = extract_text(original)
    mentions = list(_all_mentions(records))
    assert mentions
    for m in mentions:
        assert original[m.start : m.end] == m.text
        assert m.article == "t"


@pytest.mark.parametrize("form", ["NFC", "NFD"])
@pytest.mark.parametrize(
    ("text", "name", "printed"),
    [
        pytest.param(Y_THANH, "Y Thanh Hà Niê Kđăm", "Uỷ viên Trung ương Đảng", id="000-uy-vien"),
        pytest.param(DEV_01, "Lê Hồng Nhân", "Phó Tư lệnh", id="dev-01"),
    ],
)
def test_pipeline_coref_mention_text_as_printed(extract_text, text: str, name: str, printed: str, form: str) -> None:
    original = unicodedata.normalize(form, text)
    records = extract_text(original)
    [found] = [p for p in records.persons if p.name == name]
    assert normalize(found.mentions[0].text) == name
    assert found.posts[0].mention.text == unicodedata.normalize(form, printed)
