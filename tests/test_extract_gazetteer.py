"""Provinces: the gazetteer (63 old provinces, 34 since 1 July 2025, which old one
is part of which new one) and the provinces an article names, by short name.
Districts, communes, regions and countries are not provinces.

Sentences are copied from data/raw; provinces are those of data/annotations.
"""

from __future__ import annotations

import pytest
from excerpts import DEV_17_APPOINTMENT

from qpgraph.extract.gazetteer import load_gazetteer


@pytest.mark.parametrize(
    ("form", "name", "merged_into"),
    [
        pytest.param("Bình Thuận", "Bình Thuận", "Lâm Đồng", id="binh-thuan"),
        pytest.param("Đắk Nông", "Đắk Nông", "Lâm Đồng", id="dak-nong"),
        pytest.param("Lâm Đồng", "Lâm Đồng", None, id="lam-dong"),
        pytest.param("Quảng Nam", "Quảng Nam", "Đà Nẵng", id="quang-nam"),
        pytest.param("Hậu Giang", "Hậu Giang", "Cần Thơ", id="hau-giang"),
        pytest.param("Lai Châu", "Lai Châu", None, id="lai-chau"),
        pytest.param("Quảng Trị", "Quảng Trị", None, id="quang-tri"),
        pytest.param("Thanh Hoá", "Thanh Hóa", None, id="old-tone-mark"),
        pytest.param("TP.HCM", "Hồ Chí Minh", None, id="tp-hcm"),
        pytest.param("Hồ Chí Minh", "Hồ Chí Minh", None, id="ho-chi-minh"),
        pytest.param("Hà Nội", "Hà Nội", None, id="ha-noi"),
    ],
)
def test_gazetteer_lookup(form: str, name: str, merged_into: str | None) -> None:
    entry = load_gazetteer().lookup(form)
    assert entry is not None
    assert (entry.name, entry.merged_into) == (name, merged_into)
    assert entry.current is (merged_into is None)


@pytest.mark.parametrize(
    "form",
    ["Đại Lộc", "Vinh", "Ea Súp", "Krông Ana", "Lào", "Campuchia", "Việt Nam", "Tây Nguyên"],
)
def test_gazetteer_lookup_not_a_province(form: str) -> None:
    assert load_gazetteer().lookup(form) is None


def test_gazetteer_counts() -> None:
    provinces = load_gazetteer().provinces.values()
    assert len(provinces) == 63
    assert sum(entry.current for entry in provinces) == 34
    assert all(entry.merged_into is None or load_gazetteer().provinces[entry.merged_into].current for entry in provinces)


# --- the provinces an article names ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Trung tướng Trần Vinh Ngọc nhấn mạnh, việc sáp nhập ba tỉnh Lâm Đồng, Đắk Nông và Bình Thuận thành tỉnh Lâm "
            "Đồng đã mở ra thời cơ lớn để địa phương bứt phá trong phát triển kinh tế - xã hội.",
            [("Lâm Đồng", None), ("Đắk Nông", "Lâm Đồng"), ("Bình Thuận", "Lâm Đồng")],
            id="000-merged-provinces",
        ),
        pytest.param(
            DEV_17_APPOINTMENT,
            [("Quảng Nam", "Đà Nẵng")],
            id="dev-17-district-not-province",
        ),
        pytest.param(
            "Hậu Giang: Bàn giao chức vụ Chính ủy Bộ Chỉ huy Quân sự tỉnh",
            [("Hậu Giang", "Cần Thơ")],
            id="dev-23-headline",
        ),
        pytest.param(
            "Hội nghị có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh và đại diện các cơ quan liên "
            "quan.",
            [("Hồ Chí Minh", None)],
            id="002-tp-hcm",
        ),
        pytest.param(
            "Theo quyết định của Bộ Quốc phòng, Đại tá Vũ Văn Điền - UVTV, Chỉ huy trưởng Bộ CHQS tỉnh được điều động, bổ "
            "nhiệm giữ chức vụ Phó tư lệnh, Tham mưu trưởng Bộ Tư lệnh Thành phố Hồ Chí Minh.",
            [("Hồ Chí Minh", None)],
            id="dev-20-thanh-pho",
        ),
        pytest.param(
            "Trong chuyến công tác chính thức tại Việt Nam, sáng 28/4, Tổng Bí thư Thongloun Sisoulith và Đoàn đại biểu "
            "cấp cao của Đảng, Nhà nước Lào đã đến thăm, làm việc với cán bộ, chiến sỹ Quân khu 4 (đóng tại thành phố "
            "Vinh, tỉnh Nghệ An).",
            [("Nghệ An", None)],
            id="dev-37-city-and-countries",
        ),
        pytest.param(
            "Cùng với đó, đảm bảo các mặt cho giao lưu hữu nghị quốc phòng biên giới 3 nước Việt Nam-Lào-Campuchia. Tham "
            "mưu cho Tỉnh ủy tổng kết 10 năm thực hiện Nghị quyết Trung ương 8 (khóa XI); tham gia diễn tập tác chiến "
            "chiến dịch tiến công trên địa bàn Tây Nguyên.",
            [],
            id="004-countries-and-region",
        ),
        pytest.param(
            "Ngay sau khi ký kết chương trình phối hợp, Ban Thường vụ các huyện, thị, thành ủy đã lãnh đạo, chỉ đạo, tiểu "
            "biểu như các huyện Lắk, Ea Súp, Krông Ana, M'Drắk...",
            [],
            id="001-districts",
        ),
        pytest.param(
            "Chiều ngày 19-12, tại Hà Nội, Bộ Quốc phòng tổ chức lễ công bố, trao quyết định về công tác cán bộ.",
            [("Hà Nội", None)],
            id="dev-29-city",
        ),
    ],
)
def test_gazetteer_article_provinces(extract_text, text: str, expected: list[tuple[str, str | None]]) -> None:
    records = extract_text(text)
    assert [(p.name, p.merged_into) for p in records.provinces] == expected


def test_gazetteer_article_province_forms_and_code(extract_text) -> None:
    records = extract_text(
        "Trao đổi tại buổi làm việc, Trung tướng Trần Vinh Ngọc khẳng định, Thường vụ Đảng ủy, Bộ Tư lệnh Quân khu 7 đã "
        "phối hợp chặt chẽ với Thường vụ Tỉnh ủy Lâm Đồng và Bình Thuận (cũ); Thường vụ Đảng ủy, Bộ Tư lệnh Quân khu 5 "
        "với Thường vụ Tỉnh ủy Đắk Nông (cũ)."
    )
    by_name = {p.name: p for p in records.provinces}
    assert list(by_name) == ["Lâm Đồng", "Bình Thuận", "Đắk Nông"]
    assert (by_name["Bình Thuận"].code, by_name["Bình Thuận"].forms) == ("60", ["Bình Thuận"])
    assert [m.text for m in by_name["Đắk Nông"].mentions] == ["Đắk Nông"]


def test_gazetteer_article_province_printed_form_kept(extract_text) -> None:
    records = extract_text(
        "Hội nghị có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh và đại diện các cơ quan liên quan."
    )
    [province] = records.provinces
    assert (province.name, province.forms, province.mentions[0].text) == ("Hồ Chí Minh", ["TP.HCM"], "TP.HCM")
