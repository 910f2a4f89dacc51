"""Units: every named body once, in full; abbreviations kept as printed, Roman
numerals made digits, standing committees as parts of their committee; generic
or plural mentions ("Bí thư Huyện ủy, Thị ủy, Thành ủy", "tỉnh ủy 8 tỉnh") are
not units.

Sentences are copied from data/raw; units and optional units are those of
data/annotations.
"""

from __future__ import annotations

import pytest
from excerpts import DEV_13_LEDE, DEV_13_THANKS, DEV_17_HANDOVER

LEDE_000 = (
    "(QK7 Online) - Chiều ngày 30/12, Đoàn công tác Ban thường vụ Đảng ủy Quân khu 7 do Trung tướng Trần Vinh Ngọc, "
    "Bí thư Đảng ủy, Chính ủy Quân khu 7 làm trưởng đoàn đã có buổi làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng về "
    "công tác quốc phòng, quân sự địa phương."
)
BDBP = ["BĐBP", "Bộ đội Biên phòng"]


def unit(records, name: str):
    found = [u for u in records.units if u.name == name]
    assert found, f"{name!r} not among {[u.name for u in records.units]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "required", "optional"),
    [
        pytest.param(
            LEDE_000,
            ["Ban Thường vụ Đảng ủy Quân khu 7", "Đảng ủy Quân khu 7", "Quân khu 7", "Ban Thường vụ Tỉnh ủy Lâm Đồng",
             "Tỉnh ủy Lâm Đồng"],
            ["QK7 Online"],
            id="000-lede",
        ),
        pytest.param(
            LEDE_000 + "\nTrao đổi tại buổi làm việc, Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu khẳng "
            "định, trong những năm qua, Thường vụ Đảng ủy, Bộ Tư lệnh Quân khu 7 đã phối hợp chặt chẽ, đồng bộ, hiệu quả "
            "với Thường vụ Tỉnh ủy Lâm Đồng và Bình Thuận (cũ); Thường vụ Đảng ủy, Bộ Tư lệnh Quân khu 5 với Thường vụ "
            "Tỉnh ủy Đắk Nông (cũ), luôn thể hiện sự đồng thuận cao trong lãnh đạo.",
            ["Ban Thường vụ Đảng ủy Quân khu 7", "Đảng ủy Quân khu 7", "Quân khu 7", "Bộ Tư lệnh Quân khu 7",
             "Ban Thường vụ Tỉnh ủy Lâm Đồng", "Tỉnh ủy Lâm Đồng", "Quân khu 5", "Bộ Tư lệnh Quân khu 5"],
            ["QK7 Online", "Đảng ủy Quân khu 5", ["Ban Thường vụ Đảng ủy Quân khu 5", "Thường vụ Đảng ủy Quân khu 5"],
             "Tỉnh ủy Bình Thuận", ["Ban Thường vụ Tỉnh ủy Bình Thuận", "Thường vụ Tỉnh ủy Bình Thuận"],
             "Tỉnh ủy Đắk Nông", ["Ban Thường vụ Tỉnh ủy Đắk Nông", "Thường vụ Tỉnh ủy Đắk Nông"]],
            id="000-two-regions",
        ),
        pytest.param(
            "Ngày 9/4, Cục Chính trị Quân khu 7 tổ chức Hội nghị sơ kết Quy chế phối hợp với các cơ quan tham mưu, giúp "
            "việc của tỉnh ủy, thành ủy trên địa bàn Quân khu năm 2024 và triển khai nhiệm vụ phối hợp năm 2025. Hội nghị "
            "có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh và đại diện các cơ quan liên quan.",
            ["Cục Chính trị Quân khu 7", "Quân khu 7", "Thường trực Thành ủy Thành phố Hồ Chí Minh",
             "Thành ủy Thành phố Hồ Chí Minh"],
            [],
            id="002",
        ),
        pytest.param(
            "Theo báo cáo tại hội nghị, qua 5 năm thực hiện Nghị định số 21/2019/NĐ-CP của Chính phủ, Tỉnh ủy, UBND tỉnh "
            "Lai Châu đã lãnh đạo, chỉ đạo tổ chức quán triệt, triển khai các nghị quyết, nghị định, thông tư của Trung "
            "ương, của tỉnh về xây dựng, hoạt động khu vực phòng thủ. Ban Chỉ đạo khu vực phòng thủ tỉnh đã chỉ đạo, "
            "hướng dẫn các sở, ban, ngành và địa phương xây dựng, quy hoạch, bố trí quốc phòng.",
            ["Tỉnh ủy Lai Châu", "UBND tỉnh Lai Châu", "Ban Chỉ đạo khu vực phòng thủ tỉnh Lai Châu"],
            ["Chính phủ"],
            id="003",
        ),
        pytest.param(
            "Ngày 14/1, Bộ Chỉ huy Quân sự tỉnh Quảng Trị tổ chức hội nghị công bố các quyết định của Bộ Quốc phòng, Bộ "
            "Tổng tham mưu và Bộ Tư lệnh Quân khu 4 về việc tổ chức lại Ban Chỉ huy Quân sự xã, phường, đặc khu và công "
            "tác cán bộ.",
            ["Bộ Chỉ huy Quân sự tỉnh Quảng Trị", "Bộ Quốc phòng", "Bộ Tổng Tham mưu", "Bộ Tư lệnh Quân khu 4",
             "Quân khu 4"],
            [],
            id="dev-01",
        ),
        pytest.param(
            DEV_17_HANDOVER,
            ["Ban CHQS huyện Đại Lộc", "Bộ CHQS tỉnh Quảng Nam", "Phòng Tham mưu Bộ CHQS tỉnh Quảng Nam",
             ["Ban Tác huấn Phòng Tham mưu Bộ CHQS tỉnh Quảng Nam", "Ban Tác huấn thuộc Phòng Tham mưu Bộ CHQS tỉnh Quảng Nam"],
             "Bộ Tư lệnh Quân khu 5", "Quân khu 5"],
            [["Báo Quảng Nam", "QNO"]],
            id="dev-17",
        ),
        pytest.param(
            "Công an tỉnh Nghệ An và Bộ Tư lệnh Cảnh vệ vừa tổ chức Hội nghị ký Quy chế phối hợp trong thực hiện công tác "
            "cảnh vệ. Thiếu tướng Phạm Thế Tùng - Giám đốc Công an tỉnh Nghệ An và Thiếu tướng Phạm Tiến Cương - Phó Tư "
            "lệnh Bộ Tư lệnh Cảnh vệ - Bộ Công an đồng chủ trì hội nghị.",
            [["Công an tỉnh Nghệ An", "Công an Nghệ An"],
             ["Bộ Tư lệnh Cảnh vệ", "Bộ Tư lệnh Cảnh vệ - Bộ Công an", "Bộ Tư lệnh Cảnh vệ Bộ Công an"], "Bộ Công an"],
            [],
            id="dev-10",
        ),
        pytest.param(
            DEV_13_THANKS,
            [["BĐBP Lạng Sơn", "Bộ đội Biên phòng Lạng Sơn", "Bộ Chỉ huy BĐBP tỉnh Lạng Sơn"], "Quân ủy Trung ương",
             "Bộ Quốc phòng", ["Đảng ủy BĐBP", "Đảng ủy Bộ đội Biên phòng"], BDBP,
             ["Bộ Tư lệnh BĐBP", "Bộ Tư lệnh Bộ đội Biên phòng"]],
            [],
            id="dev-13",
        ),
        pytest.param(
            "Ngày 18/10/2024, Đảng ủy, Bộ Chỉ huy Quân sự tỉnh Hậu Giang tổ chức Hội nghị bàn giao chức vụ Chính ủy Bộ Chỉ "
            "huy Quân sự tỉnh. Tham dự và chỉ đạo hội nghị có Thiếu tướng Hồ Văn Thái, Chính ủy Quân khu 9, cùng các đồng "
            "chí lãnh đạo Tỉnh ủy, UBND tỉnh và đại diện các Sở, Ban, Ngành tỉnh Hậu Giang.",
            [["Đảng ủy Bộ Chỉ huy Quân sự tỉnh Hậu Giang", "Đảng ủy Quân sự tỉnh Hậu Giang"],
             "Bộ Chỉ huy Quân sự tỉnh Hậu Giang", "Quân khu 9", "Tỉnh ủy Hậu Giang", "UBND tỉnh Hậu Giang"],
            [],
            id="dev-23-plural-departments",
        ),
        pytest.param(
            "Sau gần 3 ngày làm việc, sáng 31/7, Đại hội Đại biểu Đảng bộ Quân khu 4 lần thứ 11, nhiệm kỳ 2020 – 2025 đã "
            "hoàn thành chương trình đề ra.\n"
            "Đại hội đã bầu 19 người vào Ban Chấp hành Đảng bộ Quân khu nhiệm kỳ 2020 – 2025 và 13 đại biểu chính thức, 1 "
            "đại biểu dự khuyết đi dự Đại hội đại biểu Đảng bộ Quân đội lần thứ XI với số phiếu tín nhiệm rất cao.",
            ["Quân khu 4", "Ban Chấp hành Đảng bộ Quân khu 4"],
            ["Đảng bộ Quân khu 4", "Đảng bộ Quân đội"],
            id="dev-40",
        ),
    ],
)
def test_pipeline_units_in_full(extract_text, check_facts, text: str, required: list, optional: list) -> None:
    check_facts([u.name for u in extract_text(text).units], required, optional)


def test_pipeline_units_each_once(extract_text, canon) -> None:
    records = extract_text(
        LEDE_000 + "\nTrung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7 (thứ 3 từ trái sang) cùng đoàn công "
        "tác làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng."
    )
    names = canon([u.name for u in records.units])
    assert len(names) == len(set(names))
    assert len(unit(records, "Ban Thường vụ Tỉnh ủy Lâm Đồng").mentions) == 2


# --- abbreviations kept as printed, Roman numerals made digits -------------------------


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            DEV_17_HANDOVER,
            ["Bộ CHQS tỉnh Quảng Nam", "Ban Chỉ huy Quân sự huyện Đại Lộc", "Phòng Tham mưu Bộ CHQS tỉnh Quảng Nam"],
            id="dev-17-chqs",
        ),
        pytest.param(LEDE_000 + "\nĐồng chí Hồ Văn Mười, Chủ tịch UBND tỉnh phát biểu tại buổi làm việc.",
                     ["UBND tỉnh Lâm Đồng"], id="000-ubnd"),
        pytest.param(
            "Đồng chí Hồ Văn Niên-Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh, Bí thư Đảng ủy "
            "Quân sự tỉnh chủ trì hội nghị.",
            ["HĐND tỉnh", "Tỉnh ủy", "Đảng ủy Quân sự tỉnh"],
            id="004-hdnd-as-printed",
        ),
        pytest.param(
            "Hội nghị có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh và đại diện các cơ quan liên "
            "quan.",
            ["Thường trực Thành ủy TP.HCM", "Thành ủy TP.HCM"],
            id="002-tp-hcm",
        ),
        pytest.param(
            "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)",
            ["Quân khu 2"],
            id="003-roman-numeral",
        ),
    ],
)
def test_pipeline_units_names_as_printed(extract_text, text: str, names: list[str]) -> None:
    got = [u.name for u in extract_text(text).units]
    assert [n for n in names if n not in got] == []


@pytest.mark.parametrize(
    ("text", "name", "forms"),
    [
        pytest.param(
            "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)",
            "Quân khu 2",
            ["Quân khu II"],
            id="003-roman",
        ),
        pytest.param(
            DEV_13_LEDE,
            "Bộ đội Biên phòng",
            ["BĐBP"],
            id="dev-13-bdbp",
        ),
        pytest.param(
            "Ngày 18/10/2024, Đảng ủy, Bộ Chỉ huy Quân sự tỉnh Hậu Giang tổ chức Hội nghị bàn giao chức vụ Chính ủy Bộ Chỉ "
            "huy Quân sự tỉnh.",
            "Bộ Chỉ huy Quân sự tỉnh Hậu Giang",
            ["Bộ Chỉ huy Quân sự tỉnh Hậu Giang", "Bộ Chỉ huy Quân sự tỉnh"],
            id="dev-23-short-form",
        ),
    ],
)
def test_pipeline_units_printed_forms(extract_text, text: str, name: str, forms: list[str]) -> None:
    assert unit(extract_text(text), name).forms == forms


# --- standing committees and other parts -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "parent"),
    [
        pytest.param(LEDE_000, "Ban Thường vụ Tỉnh ủy Lâm Đồng", "Tỉnh ủy Lâm Đồng", id="000-btv-tinh-uy"),
        pytest.param(LEDE_000, "Ban Thường vụ Đảng ủy Quân khu 7", "Đảng ủy Quân khu 7", id="000-btv-dang-uy"),
        pytest.param(LEDE_000, "Đảng ủy Quân khu 7", "Quân khu 7", id="000-dang-uy"),
        pytest.param(
            "Đồng chí Chính ủy Quân khu đề nghị Thường trực Tỉnh ủy Lâm Đồng sớm ban hành hướng dẫn cụ thể.",
            "Thường trực Tỉnh ủy Lâm Đồng",
            "Tỉnh ủy Lâm Đồng",
            id="000-thuong-truc",
        ),
        pytest.param(
            "Hội nghị có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh và đại diện các cơ quan liên "
            "quan.",
            "Thường trực Thành ủy TP.HCM",
            "Thành ủy TP.HCM",
            id="002-thuong-truc-thanh-uy",
        ),
        pytest.param(DEV_17_HANDOVER, "Phòng Tham mưu Bộ CHQS tỉnh Quảng Nam", "Bộ CHQS tỉnh Quảng Nam", id="dev-17-phong"),
    ],
)
def test_pipeline_units_parts_of_bodies(extract_text, text: str, name: str, parent: str) -> None:
    assert unit(extract_text(text), name).parent == parent


@pytest.mark.parametrize(
    ("text", "name", "province"),
    [
        pytest.param(DEV_17_HANDOVER, "Bộ CHQS tỉnh Quảng Nam", "Quảng Nam", id="dev-17"),
        pytest.param(LEDE_000, "Tỉnh ủy Lâm Đồng", "Lâm Đồng", id="000"),
        pytest.param(
            "Hội nghị có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh và đại diện các cơ quan liên "
            "quan.",
            "Thành ủy TP.HCM",
            "Hồ Chí Minh",
            id="002-tp-hcm",
        ),
    ],
)
def test_pipeline_units_province(extract_text, text: str, name: str, province: str) -> None:
    assert unit(extract_text(text), name).province == province


# --- generic and plural mentions ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dự hội nghị còn có Bí thư Huyện ủy, Thị ủy, Thành ủy kiêm Bí thư Đảng ủy quân sự 17 huyện, thị xã, thành phố.",
            [],
            id="004-huyen-uy-thi-uy-thanh-uy",
        ),
        pytest.param(
            "Hội nghị có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh và đại diện các cơ quan liên "
            "quan.",
            ["Thường trực Thành ủy Thành phố Hồ Chí Minh", "Thành ủy Thành phố Hồ Chí Minh"],
            id="002-tinh-uy-8-tinh",
        ),
        pytest.param(
            "Cục Chính trị Quân khu 7 gắn kết chặt với cơ quan tỉnh ủy, thành ủy",
            ["Cục Chính trị Quân khu 7", "Quân khu 7"],
            id="002-tinh-uy-thanh-uy",
        ),
        pytest.param(
            "Ngay sau khi ký kết chương trình phối hợp, Ban Thường vụ các huyện, thị, thành ủy đã lãnh đạo, chỉ đạo cơ "
            "quan chức năng, đơn vị thuộc quyền quán triệt, triển khai cụ thể hoá, tiểu biểu như các huyện Lắk, Ea Súp, "
            "Krông Ana, M'Drắk...",
            [],
            id="001-ban-thuong-vu-cac-huyen",
        ),
        pytest.param(
            "Phó Tư lệnh Quân khu 4 cũng yêu cầu Ban Chỉ huy Quân sự các xã, phường, đặc khu cần tập trung làm tốt công "
            "tác tuyển chọn, gọi công dân nhập ngũ năm 2026.",
            ["Quân khu 4"],
            id="dev-01-ban-chqs-cac-xa",
        ),
        pytest.param(
            "Tham dự và chỉ đạo hội nghị có Thiếu tướng Hồ Văn Thái, Chính ủy Quân khu 9, cùng các đồng chí lãnh đạo Tỉnh "
            "ủy, UBND tỉnh và đại diện các Sở, Ban, Ngành tỉnh Hậu Giang.",
            ["Quân khu 9", "Tỉnh ủy Hậu Giang", "UBND tỉnh Hậu Giang"],
            id="dev-23-cac-so-ban-nganh",
        ),
    ],
)
def test_pipeline_units_not_generic_mentions(extract_text, check_facts, text: str, expected: list[str]) -> None:
    check_facts([u.name for u in extract_text(text).units], expected)
