"""Posts written in full: implicit bodies filled from the article, distributive
titles, "Bí thư Đảng ủy, Chính ủy Quân khu 7", abbreviated titles; left as
printed where the article never names the province.

Sentences are copied from data/raw; the posts are those of data/annotations
(alternatives where the gold file gives them).
"""

from __future__ import annotations

import pytest
from excerpts import (
    DEV_13_LEDE,
    DEV_13_THANKS,
    DEV_17_HANDOVER,
    SEED_000_DELEGATION,
    SEED_000_HOSTS,
    SEED_000_LEDE,
    SEED_002_QUOTE,
)

UVTW = ["Ủy viên Ban Chấp hành Trung ương Đảng", "Ủy viên Trung ương Đảng"]



def posts_of(records) -> dict[str, list[str]]:
    return {p.name: [post.text for post in p.posts] for p in records.persons}


def check_all(records, check_facts, expected: dict) -> None:
    got = posts_of(records)
    assert list(got) == list(expected)
    for name, required in expected.items():
        check_facts(got[name], required)


# --- the article's military region ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            SEED_000_LEDE
            + SEED_000_DELEGATION,
            {
                "Trần Vinh Ngọc": ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"],
                "Trần Ngọc Minh": ["Ủy viên Ban Thường vụ Đảng ủy Quân khu 7", "Phó Tư lệnh Quân khu 7"],
                "Phạm Anh Tuấn": [
                    "Ủy viên Ban Thường vụ Đảng ủy Quân khu 7",
                    ["Chủ nhiệm Chính trị Quân khu 7", "Chủ nhiệm Cục Chính trị Quân khu 7"],
                ],
                "Trần Hữu Nhân": ["Phó Tham mưu trưởng Quân khu 7"],
                "Nguyễn Thanh Tâm": ["Chủ nhiệm Hậu cần - Kỹ thuật Quân khu 7"],
            },
            id="000-delegation",
        ),
        pytest.param(
            SEED_000_LEDE
            + "Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu phát biểu tại buổi làm việc.",
            {"Trần Vinh Ngọc": ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"]},
            id="000-caption",
        ),
        pytest.param(
            "Sau gần 3 ngày làm việc, sáng 31/7, Đại hội Đại biểu Đảng bộ Quân khu 4 lần thứ 11, nhiệm kỳ 2020 – 2025 "
            "đã hoàn thành chương trình đề ra.\n"
            "Tại phiên họp thứ nhất Ban chấp hành, Trung tướng Trần Võ Dũng, Bí thư Đảng ủy, Chính ủy Quân khu (nhiệm kỳ "
            "2015-2020) được bầu giữ chức Bí thư Đảng ủy, Chính ủy Quân khu nhiệm kỳ 2020-2025; Trung tướng Nguyễn Doãn "
            "Anh, Phó Bí thư Đảng ủy, Tư lệnh Quân khu (nhiệm kỳ 2015-2020), được bầu giữ chức Phó Bí thư Đảng ủy.",
            {
                "Trần Võ Dũng": ["Bí thư Đảng ủy Quân khu 4", "Chính ủy Quân khu 4"],
                "Nguyễn Doãn Anh": ["Phó Bí thư Đảng ủy Quân khu 4", "Tư lệnh Quân khu 4"],
            },
            id="dev-40-region-in-another-sentence",
        ),
        pytest.param(
            "Cùng dự có các đồng chí: Thiếu tướng Hoàng Đình Chung - Chủ nhiệm chính trị Quân khu 7; Thiếu tướng Nguyễn "
            "Văn Hoàng - Phó tham mưu trưởng Quân khu 7; lãnh đạo, chỉ huy các đơn vị thuộc Quân khu 7 và lãnh đạo các "
            "đơn vị thuộc Bộ CHQS tỉnh.",
            {
                "Hoàng Đình Chung": [["Chủ nhiệm Chính trị Quân khu 7", "Chủ nhiệm Cục Chính trị Quân khu 7"]],
                "Nguyễn Văn Hoàng": ["Phó Tham mưu trưởng Quân khu 7"],
            },
            id="dev-20-printed-in-full",
        ),
    ],
)
def test_resolve_posts_article_region(extract_text, check_facts, text: str, expected: dict) -> None:
    check_all(extract_text(text), check_facts, expected)


# --- the article's province -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            SEED_000_LEDE + "Đồng chí Hồ Văn Mười, Chủ tịch UBND tỉnh phát biểu tại buổi làm việc.",
            {"Trần Vinh Ngọc": ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"], "Hồ Văn Mười": ["Chủ tịch UBND tỉnh Lâm Đồng"]},
            id="000-chu-tich-ubnd",
        ),
        pytest.param(
            SEED_000_HOSTS,
            {
                "Y Thanh Hà Niê Kđăm": [UVTW, "Bí thư Tỉnh ủy Lâm Đồng"],
                "Đặng Hồng Sỹ": ["Phó Bí thư Thường trực Tỉnh ủy Lâm Đồng"],
                "Lưu Văn Trung": ["Phó Bí thư Tỉnh ủy Lâm Đồng", "Chủ tịch HĐND tỉnh Lâm Đồng"],
                "Hồ Văn Mười": ["Phó Bí thư Tỉnh ủy Lâm Đồng", "Chủ tịch UBND tỉnh Lâm Đồng"],
            },
            id="000-provincial-leaders",
        ),
        pytest.param(
            "Ông Tống Thanh Hải, Phó Chủ tịch Thường trực UBND tỉnh yêu cầu các cơ quan, đơn vị, địa phương tiếp tục xây "
            "dựng lực lượng vũ trang vững mạnh về chính trị.\n"
            "Theo báo cáo tại hội nghị, qua 5 năm thực hiện Nghị định số 21/2019/NĐ-CP của Chính phủ, Tỉnh ủy, UBND tỉnh "
            "Lai Châu đã lãnh đạo, chỉ đạo tổ chức quán triệt, triển khai các nghị quyết, nghị định, thông tư của Trung "
            "ương, của tỉnh về xây dựng, hoạt động khu vực phòng thủ.",
            {"Tống Thanh Hải": ["Phó Chủ tịch Thường trực UBND tỉnh Lai Châu"]},
            id="003-province-named-later",
        ),
        pytest.param(
            "Sáng 27/2, UBND tỉnh Thanh Hóa tổ chức hội nghị sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn "
            "2019-2024.\n"
            "Dự hội nghị có các đồng chí: Đỗ Trọng Hưng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; Đỗ "
            "Minh Tuấn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; Thiếu tướng Phùng Quốc Tuấn, Phó Chính ủy Bộ đội Biên "
            "phòng Việt Nam; các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy; các đồng chí lãnh đạo tỉnh.",
            {
                "Đỗ Trọng Hưng": [UVTW, "Bí thư Tỉnh ủy Thanh Hóa", "Chủ tịch HĐND tỉnh Thanh Hóa"],
                "Đỗ Minh Tuấn": ["Phó Bí thư Tỉnh ủy Thanh Hóa", "Chủ tịch UBND tỉnh Thanh Hóa"],
                "Phùng Quốc Tuấn": ["Phó Chính ủy Bộ đội Biên phòng Việt Nam"],
            },
            id="dev-07",
        ),
        pytest.param(
            "Sáng 27/2, UBND tỉnh Thanh Hóa tổ chức hội nghị sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn "
            "2019-2024.\nBí thư Tỉnh ủy Đỗ Trọng Hưng và các đại biểu dự hội nghị.\n"
            "Chủ tịch UBND tỉnh Đỗ Minh Tuấn và đại biểu dự hội nghị.",
            {"Đỗ Trọng Hưng": ["Bí thư Tỉnh ủy Thanh Hóa"], "Đỗ Minh Tuấn": ["Chủ tịch UBND tỉnh Thanh Hóa"]},
            id="dev-07-title-before-name",
        ),
        pytest.param(
            "Ngày 18/10/2024, Đảng ủy, Bộ Chỉ huy Quân sự tỉnh Hậu Giang tổ chức Hội nghị bàn giao chức vụ Chính ủy Bộ Chỉ "
            "huy Quân sự tỉnh. Tham dự và chỉ đạo hội nghị có Thiếu tướng Hồ Văn Thái, Chính ủy Quân khu 9, cùng các đồng "
            "chí lãnh đạo Tỉnh ủy, UBND tỉnh Hậu Giang.\n"
            "Phát biểu tại hội nghị, đồng chí Trần Văn Huyến, Phó Bí thư thường trực Tỉnh ủy ghi nhận và đánh giá cao "
            "những đóng góp to lớn của Đại tá Huỳnh Việt Trung trong quá trình công tác.",
            {
                "Hồ Văn Thái": ["Chính ủy Quân khu 9"],
                "Trần Văn Huyến": ["Phó Bí thư Thường trực Tỉnh ủy Hậu Giang"],
                "Huỳnh Việt Trung": [],
            },
            id="dev-23",
        ),
        pytest.param(
            "Đại tá Thào A Pinh, Chính ủy Bộ Chỉ huy Quân sự tỉnh tặng Giấy khen cho các tập thể. (Ảnh: TTXVN phát)\n"
            "Dịp này, Bộ Chỉ huy Quân sự tỉnh Lai Châu tặng Giấy khen cho 7 tập thể, 15 cá nhân có thành tích xuất sắc "
            "trong thực hiện Nghị định số 21/2019/NĐ-CP của Chính phủ về khu vực phòng thủ./.",
            {"Thào A Pinh": ["Chính ủy Bộ Chỉ huy Quân sự tỉnh Lai Châu"]},
            id="003-bo-chqs",
        ),
    ],
)
def test_resolve_posts_article_province(extract_text, check_facts, text: str, expected: dict) -> None:
    check_all(extract_text(text), check_facts, expected)


# --- left as printed where the article never names the province -------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Đồng chí Hồ Văn Niên-Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh, Bí thư Đảng "
            "ủy Quân sự tỉnh chủ trì hội nghị. Dự hội nghị còn có Bí thư Huyện ủy, Thị ủy, Thành ủy kiêm Bí thư Đảng ủy "
            "quân sự 17 huyện, thị xã, thành phố.\n"
            "Thực hiện tốt công tác đối ngoại quân sự với 3 tỉnh biên giới Campuchia; khám bệnh, cấp phát thuốc cho 1.170 "
            "người dân.",
            {"Hồ Văn Niên": [UVTW, "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh", "Bí thư Đảng ủy Quân sự tỉnh"]},
            id="004",
        ),
        pytest.param(
            "Kết luận hội nghị, đồng chí Hồ Văn Niên-Bí thư Tỉnh ủy, Bí thư Đảng ủy Quân sự tỉnh nhấn mạnh: Năm 2023, "
            "Đảng ủy Quân sự tỉnh đã lãnh đạo, chỉ đạo thực hiện tốt công tác QP-QS địa phương mà nghị quyết đã đề ra.",
            {"Hồ Văn Niên": ["Bí thư Tỉnh ủy", "Bí thư Đảng ủy Quân sự tỉnh"]},
            id="004-conclusion",
        ),
        pytest.param(
            "Phát biểu chỉ đạo hội nghị, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Bí thư Đảng ủy Quân sự tỉnh Nguyễn Đình "
            "Trung đề nghị Ban Thường vụ Đảng ủy Quân sự tỉnh tiếp tục có những chủ trương, nghị quyết, kế hoạch triển "
            "khai thực hiện đồng bộ, hiệu quả.\n"
            "Đại tá Trần Minh Trọng, Chính ủy Bộ Chỉ huy Quân sự tỉnh, Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh phát "
            "biểu tại hội nghị.",
            {
                "Nguyễn Đình Trung": [UVTW, "Bí thư Tỉnh ủy", "Bí thư Đảng ủy Quân sự tỉnh"],
                "Trần Minh Trọng": ["Chính ủy Bộ Chỉ huy Quân sự tỉnh", "Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh"],
            },
            id="001",
        ),
    ],
)
def test_resolve_posts_as_printed_without_province(extract_text, check_facts, text: str, expected: dict) -> None:
    records = extract_text(text)
    assert records.provinces == []
    check_all(records, check_facts, expected)


# --- distributive titles ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param(
            "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)",
            "Nguyễn Đăng Khải",
            ["Phó Tư lệnh Quân khu 2", "Tham mưu trưởng Quân khu 2"],
            id="003-caption-roman",
        ),
        pytest.param(
            "Tại hội nghị, Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu trưởng Quân khu II đề nghị tỉnh Lai Châu cần "
            "nắm chắc và quản lý tốt địa bàn, luôn chủ động, không lơ là chủ quan, không để bị động, bất ngờ.",
            "Nguyễn Đăng Khải",
            ["Phó Tư lệnh Quân khu 2", "Tham mưu trưởng Quân khu 2"],
            id="003-body",
        ),
        pytest.param(
            "Chỉ đạo tại hội nghị, Thiếu tướng Lê Hồng Nhân, Phó Tư lệnh, Tham mưu trưởng Quân khu 4, biểu dương tinh thần "
            "trách nhiệm của Bộ Chỉ huy Quân sự tỉnh Quảng Trị trong việc quán triệt, triển khai nghiêm túc các quyết định "
            "của cấp trên.",
            "Lê Hồng Nhân",
            ["Phó Tư lệnh Quân khu 4", "Tham mưu trưởng Quân khu 4"],
            id="dev-01",
        ),
        pytest.param(
            "Dự hội nghị có Trung tướng Lê Đức Thái, Ủy viên Trung ương Đảng, Ủy viên Quân ủy Trung ương, Tư lệnh BĐBP; "
            "Thiếu tướng Hoàng Hữu Chiến, Phó Tư lệnh, Tham mưu trưởng BĐBP và các đồng chí trong Ban Thường vụ Đảng ủy.",
            "Hoàng Hữu Chiến",
            [
                ["Phó Tư lệnh BĐBP", "Phó Tư lệnh Bộ đội Biên phòng"],
                ["Tham mưu trưởng BĐBP", "Tham mưu trưởng Bộ đội Biên phòng"],
            ],
            id="dev-13-national-force",
        ),
        pytest.param(
            DEV_13_THANKS,
            "Đào Quốc Thạo",
            [
                ["Phó Chỉ huy trưởng BĐBP Lạng Sơn", "Phó Chỉ huy trưởng Bộ Chỉ huy BĐBP tỉnh Lạng Sơn"],
                ["Tham mưu trưởng BĐBP Lạng Sơn", "Tham mưu trưởng Bộ Chỉ huy BĐBP tỉnh Lạng Sơn"],
            ],
            id="dev-13-provincial-force",
        ),
        pytest.param(
            DEV_17_HANDOVER,
            "Trần Hữu Ích",
            ["Phó Chỉ huy trưởng Bộ CHQS tỉnh Quảng Nam", "Tham mưu trưởng Bộ CHQS tỉnh Quảng Nam"],
            id="dev-17-kiem",
        ),
    ],
)
def test_resolve_posts_distributive_titles(extract_text, check_facts, text: str, name: str, expected: list) -> None:
    check_facts(posts_of(extract_text(text))[name], expected)


# --- "Bí thư Đảng ủy, Chính ủy Quân khu 7" -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param(SEED_000_LEDE, "Trần Vinh Ngọc", ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"], id="000"),
        pytest.param(
            SEED_002_QUOTE,
            "Trần Vinh Ngọc",
            ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"],
            id="002-dashes",
        ),
        pytest.param(
            "Đại tướng Phan Văn Giang trao quyết định và tặng hoa chúc mừng Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, "
            "Chính ủy Quân khu 7. Ảnh: QK7",
            "Trần Vinh Ngọc",
            ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"],
            id="dev-29",
        ),
        pytest.param(
            DEV_13_LEDE,
            "Nguyễn Anh Tuấn",
            [
                ["Bí thư Đảng ủy BĐBP", "Bí thư Đảng ủy Bộ đội Biên phòng"],
                ["Chính ủy BĐBP", "Chính ủy Bộ đội Biên phòng"],
            ],
            id="dev-13-bdbp",
        ),
        pytest.param(
            "Tại hội nghị, Thiếu tướng Trần Văn Bừng, Phó Bí thư Đảng ủy Cục Chính trị, Chủ nhiệm Chính trị BĐBP đã công "
            "bố quyết định của Bộ trưởng Bộ Quốc phòng về việc thăng quân hàm Đại tá cho các sĩ quan thuộc BĐBP.",
            "Trần Văn Bừng",
            [
                ["Phó Bí thư Đảng ủy Cục Chính trị BĐBP", "Phó Bí thư Đảng ủy Cục Chính trị Bộ đội Biên phòng"],
                ["Chủ nhiệm Chính trị BĐBP", "Chủ nhiệm Chính trị Bộ đội Biên phòng"],
            ],
            id="dev-13-cuc-chinh-tri",
        ),
    ],
)
def test_resolve_posts_party_committee_of_next_body(
    extract_text, check_facts, text: str, name: str, expected: list
) -> None:
    check_facts(posts_of(extract_text(text))[name], expected)


# --- abbreviated titles -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param(
            "Chiều ngày 24/4, Bộ Chỉ huy Quân sự (CHQS) tỉnh tổ chức Hội nghị bàn giao chức vụ Chỉ huy trưởng Bộ CHQS tỉnh. "
            "Trung tướng Nguyễn Trường Thắng - UVTW Đảng, Ủy viên Quân ủy Trung ương, Tư lệnh Quân khu 7 chủ trì hội nghị.",
            "Nguyễn Trường Thắng",
            [UVTW + ["UVTW Đảng"], "Ủy viên Quân ủy Trung ương", "Tư lệnh Quân khu 7"],
            id="dev-20-uvtw",
        ),
        pytest.param(
            "Bàn giao chức vụ Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đồng Nai\n"
            "Về lãnh đạo tỉnh Đồng Nai, tham dự hội nghị có các đồng chí: Quản Minh Cường - Phó Bí thư Tỉnh ủy, Trưởng "
            "Đoàn Đại biểu Quốc hội tỉnh; Võ Tấn Đức - UVTV, Quyền Chủ tịch UBND tỉnh; Đào Văn Phước - UVTV, Trưởng Ban Tổ "
            "chức Tỉnh ủy.",
            "Võ Tấn Đức",
            [["Ủy viên Ban Thường vụ Tỉnh ủy Đồng Nai", "UVTV Tỉnh ủy Đồng Nai"], "Quyền Chủ tịch UBND tỉnh Đồng Nai"],
            id="dev-20-uvtv",
        ),
        pytest.param(
            "Bàn giao chức vụ Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đồng Nai\n"
            "Về lãnh đạo tỉnh Đồng Nai, tham dự hội nghị có các đồng chí: Quản Minh Cường - Phó Bí thư Tỉnh ủy, Trưởng "
            "Đoàn Đại biểu Quốc hội tỉnh; Võ Tấn Đức - UVTV, Quyền Chủ tịch UBND tỉnh; Đào Văn Phước - UVTV, Trưởng Ban Tổ "
            "chức Tỉnh ủy.",
            "Đào Văn Phước",
            [["Ủy viên Ban Thường vụ Tỉnh ủy Đồng Nai", "UVTV Tỉnh ủy Đồng Nai"], "Trưởng Ban Tổ chức Tỉnh ủy Đồng Nai"],
            id="dev-20-uvtv-ban-to-chuc",
        ),
        pytest.param(
            "Cùng đi với đoàn có đồng chí Nguyễn Chí Dũng - Ủy viên BCH Trung ương Đảng, Phó Thủ tướng Chính phủ nước Cộng "
            "hòa XHCN Việt Nam.",
            "Nguyễn Chí Dũng",
            [
                UVTW + ["Ủy viên BCH Trung ương Đảng"],
                ["Phó Thủ tướng Chính phủ nước Cộng hòa XHCN Việt Nam", "Phó Thủ tướng Chính phủ Việt Nam"],
            ],
            id="dev-37-bch",
        ),
    ],
)
def test_resolve_posts_abbreviated_titles(extract_text, check_facts, text: str, name: str, expected: list) -> None:
    check_facts(posts_of(extract_text(text))[name], expected)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        pytest.param(
            "Trong chuyến công tác chính thức tại Việt Nam, sáng 28/4, Tổng Bí thư Ban Chấp hành Trung ương Ðảng Nhân dân "
            "Cách mạng Lào, Chủ tịch nước Cộng hòa Dân chủ Nhân dân Lào Thongloun Sisoulith và Đoàn đại biểu cấp cao của "
            "Đảng, Nhà nước Lào đã đến thăm, làm việc với cán bộ, chiến sỹ Quân khu 4 (đóng tại thành phố Vinh, tỉnh Nghệ "
            "An).",
            "Thongloun Sisoulith",
            [
                [
                    "Tổng Bí thư Ban Chấp hành Trung ương Đảng Nhân dân Cách mạng Lào",
                    "Tổng Bí thư Ban Chấp hành Trung ương Ðảng Nhân dân Cách mạng Lào",
                ],
                ["Chủ tịch nước Cộng hòa Dân chủ Nhân dân Lào", "Chủ tịch nước Lào"],
            ],
            id="dev-37-foreign-party-and-state",
        ),
        pytest.param(
            "Dự hội nghị có Trung tướng Lê Đức Thái, Ủy viên Trung ương Đảng, Ủy viên Quân ủy Trung ương, Tư lệnh BĐBP; "
            "Thiếu tướng Hoàng Hữu Chiến, Phó Tư lệnh, Tham mưu trưởng BĐBP và các đồng chí trong Ban Thường vụ Đảng ủy.",
            "Lê Đức Thái",
            [UVTW, "Ủy viên Quân ủy Trung ương", ["Tư lệnh BĐBP", "Tư lệnh Bộ đội Biên phòng"]],
            id="dev-13-national-bodies",
        ),
        pytest.param(
            "Chiều ngày 19-12, tại Hà Nội, Bộ Quốc phòng tổ chức lễ công bố, trao quyết định về công tác cán bộ. Đại tướng "
            "Phan Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng dự và chủ trì "
            "buổi lễ.",
            "Phan Văn Giang",
            ["Ủy viên Bộ Chính trị", "Phó Bí thư Quân ủy Trung ương", "Bộ trưởng Bộ Quốc phòng"],
            id="dev-29-national-bodies",
        ),
    ],
)
def test_resolve_posts_complete_as_printed(extract_text, check_facts, text: str, name: str, expected: list) -> None:
    check_facts(posts_of(extract_text(text))[name], expected)


def test_resolve_posts_abbreviated_title_keeps_printed_form(extract_text) -> None:
    records = extract_text(
        "Bàn giao chức vụ Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đồng Nai\n"
        "Về lãnh đạo tỉnh Đồng Nai, tham dự hội nghị có các đồng chí: Võ Tấn Đức - UVTV, Quyền Chủ tịch UBND tỉnh."
    )
    [person] = records.persons
    first = person.posts[0]
    assert (first.title, first.body, first.printed) == ("Ủy viên", "Ban Thường vụ Tỉnh ủy Đồng Nai", "UVTV")
    assert first.mention.text == "UVTV"
