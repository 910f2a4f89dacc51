"""Rules of Vietnamese news writing the extractor follows, each on real sentences.

The sentences are copied from the articles in ``data/raw`` (the b2-* batch, scored at
first sight before these rules were written); the expected values are those of
``data/annotations``. Each rule is one of the language, never of one article.
"""

from __future__ import annotations

import pytest

# --- ranks -----------------------------------------------------------------------------------


def test_rank_shared_by_a_list_of_persons_after_a_promotion(extract_text, person) -> None:
    records = extract_text(
        "Chủ tịch nước Trương Tấn Sang trao Quyết định thăng quân hàm từ Thượng tướng lên Đại tướng cho đồng chí "
        "Ngô Xuân Lịch và đồng chí Đỗ Bá Tỵ (ảnh: bqp.vn)"
    )
    assert [(p.name, p.rank) for p in records.persons] == [
        ("Trương Tấn Sang", None), ("Ngô Xuân Lịch", "Đại tướng"), ("Đỗ Bá Tỵ", "Đại tướng")
    ]


def test_rank_printed_in_lower_case_and_promoted_to(extract_text, person) -> None:
    records = extract_text(
        "Ngày 27.12, Công an thành phố Hải Phòng cho biết, sáng cùng ngày, đại tướng Tô Lâm, Bộ trưởng Bộ Công an, "
        "thừa ủy quyền của Chủ tịch nước Nguyễn Phú Trọng trao quyết định thăng cấp bậc hàm từ đại tá lên thiếu tướng "
        "cho ông Vũ Thanh Chương."
    )
    assert (person(records, "Tô Lâm").rank, person(records, "Vũ Thanh Chương").rank) == ("Đại tướng", "Thiếu tướng")
    assert person(records, "Nguyễn Phú Trọng").rank is None


def test_rank_with_the_service_between_it_and_the_name(extract_text, person, check_facts) -> None:
    records = extract_text(
        "Cụ thể, Chuẩn Đô đốc Hải quân Nguyễn Trọng Bình, Phó tư lệnh Quân chủng Hải quân được bổ nhiệm giữ chức "
        "Phó tổng Tham mưu trưởng Quân đội nhân dân Việt Nam."
    )
    found = person(records, "Nguyễn Trọng Bình")
    assert found.rank == "Chuẩn Đô đốc"
    check_facts([p.text for p in found.posts if not p.former], ["Phó Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam"],
                ["Phó tư lệnh Quân chủng Hải quân"])


# --- posts -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "posts"),
    [
        pytest.param(
            "Tại Quyết định số 2279, Thủ tướng bổ nhiệm Thiếu tướng Trần Văn Lượng, Tư lệnh Vùng Cảnh sát biển 4 Cảnh "
            "sát biển Việt Nam, giữ chức Phó Tư lệnh kiêm Tham mưu trưởng Cảnh sát biển Việt Nam.",
            "Trần Văn Lượng",
            ["Tư lệnh Vùng Cảnh sát biển 4 Cảnh sát biển Việt Nam", "Phó Tư lệnh Cảnh sát biển Việt Nam",
             "Tham mưu trưởng Cảnh sát biển Việt Nam"],
            id="b2-45-kiem",
        ),
        pytest.param(
            "Tại buổi Lễ, Đại tướng Lương Cường, Thường trực Ban Bí thư, đã trao Quyết định và tặng hoa chúc mừng.",
            "Lương Cường",
            ["Thường trực Ban Bí thư"],
            id="b2-20-a-title-that-names-its-body",
        ),
        pytest.param(
            "Sáng 16-10, tại Phủ Chủ tịch, Tổng Bí thư, Chủ tịch nước Nguyễn Phú Trọng, Bí thư Quân ủy Trung ương, Chủ "
            "tịch Hội đồng Quốc phòng An ninh, Thống lĩnh các lực lượng vũ trang đã trao Quyết định thăng quân hàm.",
            "Nguyễn Phú Trọng",
            ["Tổng Bí thư", "Chủ tịch nước", "Bí thư Quân ủy Trung ương", "Chủ tịch Hội đồng Quốc phòng An ninh",
             "Thống lĩnh các lực lượng vũ trang"],
            id="b2-12-chain-before-and-after-the-name",
        ),
        pytest.param(
            "Thiếu tướng Đặng Ngọc Tuyến nhận quyết định làm Cục trưởng An ninh chính trị.",
            "Đặng Ngọc Tuyến",
            ["Cục trưởng Cục An ninh chính trị"],
            id="b2-42-title-of-a-head-and-a-name",
        ),
        pytest.param(
            "Sáng 12.9, tại Phủ Chủ tịch, Chủ tịch nước Nguyễn Xuân Phúc đã tiếp Bộ trưởng Quốc phòng Nhật Bản Kishi "
            "Nobuo.",
            "Kishi Nobuo",
            ["Bộ trưởng Bộ Quốc phòng Nhật Bản"],
            id="b2-29-a-foreign-minister",
        ),
        pytest.param(
            "Bộ trưởng Bộ Quốc phòng là Đại tướng Phùng Quang Thành, Chủ nhiệm Tổng cục Chính trị là Thượng tướng Ngô "
            "Xuân Lịch.",
            "Phùng Quang Thành",
            ["Bộ trưởng Bộ Quốc phòng"],
            id="b2-27-copula",
        ),
        pytest.param(
            "Quyết định nhân sự tiếp theo từ Thủ tướng là bổ nhiệm lại 2 Phó chủ nhiệm Văn phòng Chính phủ, gồm ông "
            "Nguyễn Sỹ Hiệp và ông Nguyễn Xuân Thành.",
            "Nguyễn Xuân Thành",
            ["Phó Chủ nhiệm Văn phòng Chính phủ"],
            id="b2-26-posts-of-a-list",
        ),
        pytest.param(
            "Dự hội nghị có các đồng chí Phó chủ nhiệm Tổng cục Chính trị QĐND Việt Nam: Trung tướng Nguyễn Văn Gấu, "
            "Ủy viên Trung ương Đảng; Trung tướng Lê Quang Minh, Bí thư Đảng ủy Cơ quan Tổng cục Chính trị.",
            "Nguyễn Văn Gấu",
            ["Phó Chủ nhiệm Tổng cục Chính trị QĐND Việt Nam", "Ủy viên Trung ương Đảng"],
            id="b2-37-title-shared-by-a-list",
        ),
        pytest.param(
            "Đại tá Lê Xuân Minh, 44 tuổi, tân Giám đốc Công an Hòa Bình, người trẻ nhất trong số gần 20 cán bộ vừa "
            "được bổ nhiệm.",
            "Lê Xuân Minh",
            ["Giám đốc Công an tỉnh Hòa Bình"],
            id="b2-42-age-aside-and-new-post",
        ),
        pytest.param(
            "Đại tá Lương Đình Chung, Chính ủy Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi được Thủ tướng Chính phủ bổ nhiệm giữ "
            "chức Phó Chính ủy Quân khu 5, Bộ Quốc phòng tại Quyết định 1427/QĐ-TTg ngày 20/11/2023.",
            "Lương Đình Chung",
            ["Chính ủy Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi", "Phó Chính ủy Quân khu 5"],
            id="b2-33-passive-agent",
        ),
    ],
)
def test_posts_as_printed_in_the_news(extract_text, person, check_facts, text: str, name: str, posts: list[str]) -> None:
    check_facts([p.text for p in person(extract_text(text), name).posts], posts)


def test_acting_post_and_the_chain_of_a_list(extract_text, person, check_facts) -> None:
    records = extract_text(
        "Về lãnh đạo tỉnh Đồng Nai, tham dự hội nghị có các đồng chí: Quản Minh Cường - Phó Bí thư Tỉnh ủy, Trưởng "
        "Đoàn Đại biểu Quốc hội tỉnh; Võ Tấn Đức - UVTV, Quyền Chủ tịch UBND tỉnh."
    )
    check_facts([p.text for p in person(records, "Võ Tấn Đức").posts],
                ["Ủy viên Ban Thường vụ Tỉnh ủy Đồng Nai", "Quyền Chủ tịch UBND tỉnh Đồng Nai"])


def test_a_posts_province_is_the_one_its_clause_names(extract_text, person) -> None:
    records = extract_text(
        "Chúc mừng BĐBP Hà Giang có đồng chí Triệu Tài Vinh, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy và đồng chí "
        "Nguyễn Văn Sơn, Chủ tịch UBND tỉnh; chúc mừng BĐBP Sơn La có đồng chí Cầm Ngọc Minh, Phó Bí thư Tỉnh ủy, "
        "Chủ tịch UBND tỉnh; chúc mừng BĐBP Thanh Hóa có đồng chí Trịnh Văn Chiến, Uỷ viên Trung ương Đảng, Bí thư "
        "Tỉnh ủy, Chủ tịch HĐND tỉnh Thanh Hóa."
    )
    assert [p.text for p in person(records, "Cầm Ngọc Minh").posts] == [
        "Phó Bí thư Tỉnh ủy Sơn La", "Chủ tịch UBND tỉnh Sơn La"
    ]
    assert [p.text for p in person(records, "Nguyễn Văn Sơn").posts] == ["Chủ tịch UBND tỉnh Hà Giang"]


def test_a_party_part_belongs_to_the_party_committee(extract_text, person) -> None:
    records = extract_text(
        "Ngày 10/4, Đảng ủy-Ban Chỉ huy Hải đoàn Biên phòng 28 tổ chức Hội nghị bàn giao chức vụ Bí thư Đảng ủy, "
        "Chính ủy Hải đoàn. Tại hội nghị, nhiệm vụ công tác đảng được bàn giao cho Đại tá Vũ Hữu Khởi, Phó Bí thư "
        "Đảng ủy, Hải đoàn trưởng; Trung tá Hoàng Văn Nghiêm, Ủy viên Ban Thường vụ, Chính ủy Hải đoàn."
    )
    assert [p.text for p in person(records, "Vũ Hữu Khởi").posts] == [
        "Phó Bí thư Đảng ủy Hải đoàn Biên phòng 28", "Hải đoàn trưởng Hải đoàn Biên phòng 28"
    ]
    assert [p.text for p in person(records, "Hoàng Văn Nghiêm").posts] == [
        "Ủy viên Ban Thường vụ Đảng ủy Hải đoàn Biên phòng 28", "Chính ủy Hải đoàn Biên phòng 28"
    ]


# --- bodies ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "units"),
    [
        pytest.param(
            "Chiều 1-3, Đại tướng Lương Tam Quang, Ủy viên Bộ Chính trị, Bộ trưởng Bộ Công an, công bố Quyết định của "
            "Thủ tướng Chính phủ bổ nhiệm Trung tướng Nguyễn Hải Trung, Giám đốc Công an TP Hà Nội, giữ chức Thứ trưởng "
            "Bộ Dân tộc và Tôn giáo.",
            ["Bộ Chính trị", "Bộ Công an", "Chính phủ", "Công an TP Hà Nội", "Bộ Dân tộc và Tôn giáo"],
            id="b2-19-ministry-with-va",
        ),
        pytest.param(
            "Ông Lê Văn Thanh, Tỉnh ủy viên, Phó chủ tịch UBND tỉnh Quảng Nam được bổ nhiệm giữ chức Thứ trưởng Bộ Lao "
            "động - Thương binh và Xã hội.",
            ["UBND tỉnh Quảng Nam", "Bộ Lao động - Thương binh và Xã hội"],
            id="b2-26-ministry-with-dash-and-va",
        ),
        pytest.param(
            "PGS, TS Vũ Thanh Sơn, Cục trưởng Cục Đào tạo, bồi dưỡng cán bộ, Ban Tổ chức Trung ương dự Lễ Khai giảng.",
            ["Cục Đào tạo, bồi dưỡng cán bộ", "Ban Tổ chức Trung ương"],
            id="b2-05-department-with-comma",
        ),
        pytest.param(
            "Trẻ nhất là đại tá Lê Xuân Minh, Cục phó An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, "
            "được bổ nhiệm làm Giám đốc Công an tỉnh Hòa Bình.",
            ["Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao", "Công an tỉnh Hòa Bình"],
            id="b2-42-police-department",
        ),
        pytest.param(
            "Trung tướng Lê Tấn Tới, Ủy viên Trung ương Đảng, Ủy viên Ủy ban Thường vụ Quốc hội, Chủ nhiệm Ủy ban Quốc "
            "phòng, An ninh và Đối ngoại của Quốc hội (biệt phái), giữ chức Thứ trưởng Công an.",
            ["Trung ương Đảng", "Ủy ban Thường vụ Quốc hội", "Ủy ban Quốc phòng, An ninh và Đối ngoại của Quốc hội",
             "Bộ Công an"],
            id="b2-34-national-assembly-committee",
        ),
        pytest.param(
            "Thượng tướng Trần Quốc Tỏ, Phó Bí thư Đảng ủy Công an Trung ương, Thứ trưởng Bộ Công an; Thiếu tướng Lê "
            "Minh Hà, Ủy viên Đảng ủy CATW, Phó Chủ nhiệm Thường trực UBKT Đảng ủy CATW dự buổi lễ.",
            ["Đảng ủy Công an Trung ương", "Bộ Công an", "Ủy ban Kiểm tra Đảng ủy Công an Trung ương"],
            id="b2-43-party-committee-of-the-police",
        ),
    ],
)
def test_bodies_named_in_full(extract_text, check_facts, text: str, units: list[str]) -> None:
    check_facts([u.name for u in extract_text(text).units], units)


def test_a_body_named_short_after_its_title(extract_text, person) -> None:
    records = extract_text("Thượng tướng Lê Văn Tuyến, Ủy viên Ban thường vụ Đảng ủy Công an Trung ương, Thứ trưởng "
                           "Công an dự và chỉ đạo Đại hội.")
    found = person(records, "Lê Văn Tuyến")
    assert [(p.title, p.body, p.unit) for p in found.posts][-1] == ("Thứ trưởng", "Bộ Công an", "bộ công an")


def test_a_body_of_a_district_is_not_the_provinces(extract_text, check_facts) -> None:
    records = extract_text(
        "(QNO) - Ban Chỉ huy Quân sự (CHQS) huyện Đại Lộc vừa tổ chức hội nghị bàn giao chức vụ Chỉ huy trưởng Ban "
        "CHQS huyện. Thượng tá Trần Hữu Ích - Phó Chỉ huy trưởng kiêm Tham mưu trưởng Bộ CHQS tỉnh Quảng Nam đến dự."
    )
    check_facts([u.name for u in records.units], ["Ban Chỉ huy Quân sự huyện Đại Lộc", "Bộ CHQS tỉnh Quảng Nam"])


def test_a_place_misspelt_is_a_place_not_a_person(extract_text) -> None:
    records = extract_text(
        "Đại tá Huỳnh Tiến Mạnh, Giám đốc Công an tỉnh Đắc Lắk được điều động giữ chức Giám đốc Công an tỉnh Đồng Nai."
    )
    assert [p.name for p in records.persons] == ["Huỳnh Tiến Mạnh"]
    assert sorted(p.name for p in records.provinces) == ["Đắk Lắk", "Đồng Nai"]


def test_an_excerpt_cut_mid_word_names_no_one_in_part(extract_text) -> None:
    records = extract_text(
        "Đại tá Lê Văn Tú, Bí thư Đảng ủy, Chính ủy Vùng Cảnh sát biển 3 trao thưởng cho các tập thể.\n\n"
        "Ông Trịnh Xuân Trườ"
    )
    assert [p.name for p in records.persons] == ["Lê Văn Tú"]


# --- dates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        pytest.param("Chiều 11.9, đoàn đại biểu quân sự cấp cao Việt Nam đã hội đàm với đoàn đại biểu Bộ Quốc phòng "
                     "Nhật Bản.", "2021-09", "2021-09-11", id="b2-29-day-and-month-with-a-dot"),
        pytest.param("Trước đó, ngày 11-5-2024, Bộ Chính trị có Quyết định phân công đồng chí Đại tướng Lương Cường "
                     "tham gia Ban Bí thư.", None, None, id="b2-37-an-earlier-event"),
        pytest.param("Thủ tướng Phạm Minh Chính đã ký ban hành các quyết định bổ nhiệm. Các Quyết định trên có hiệu lực "
                     "từ ngày 24/10.", "2025-10-20", "2025-10-20", id="b2-45-the-day-a-decision-takes-effect"),
    ],
)
def test_the_events_date(extract_text, text: str, published: str | None, date: str | None) -> None:
    assert extract_text(text, published=published).date == date


def test_a_name_after_a_citys_committee_is_its_holders(extract_text, person) -> None:
    records = extract_text(
        "Thay mặt Quân ủy Trung ương, Bộ Quốc phòng, Đại tướng Phan Văn Giang, Bộ trưởng Bộ Quốc phòng chúc mừng Bí "
        "thư Thành ủy Nguyễn Duy Ngọc và Chủ tịch UBND Thành phố Vũ Đại Thắng."
    )
    assert [(p.name, [post.text for post in p.posts]) for p in records.persons] == [
        ("Phan Văn Giang", ["Bộ trưởng Bộ Quốc phòng"]),
        ("Nguyễn Duy Ngọc", ["Bí thư Thành ủy"]),
        ("Vũ Đại Thắng", ["Chủ tịch UBND Thành phố"]),
    ]


def test_a_ward_named_like_a_province_is_not_the_province(extract_text) -> None:
    records = extract_text(
        "Sáng 29/9, tại Trung tâm hội nghị tỉnh Lào Cai thuộc phường Yên Bái đã diễn ra Đại hội đại biểu Đảng bộ tỉnh "
        "Lào Cai lần thứ I, nhiệm kỳ 2025-2030."
    )
    assert [p.name for p in records.provinces] == ["Lào Cai"]
    assert [u.name for u in records.units] == ["Đảng bộ tỉnh Lào Cai"]


def test_a_part_and_its_whole_after_a_comma(extract_text, person) -> None:
    records = extract_text(
        "Đồng thời, Bộ Công an điều động thượng tá Nguyễn Xuân Thao, Trưởng Phòng Tham mưu, Cục An ninh đối ngoại làm "
        "Phó giám đốc Công an tỉnh Đồng Nai."
    )
    assert [(p.text, p.former) for p in person(records, "Nguyễn Xuân Thao").posts] == [
        ("Trưởng Phòng Tham mưu Cục An ninh đối ngoại", True), ("Phó giám đốc Công an tỉnh Đồng Nai", False)
    ]


def test_the_date_of_a_decision_is_the_events_when_no_gathering_is_reported(extract_text) -> None:
    text = (
        "Thủ tướng Chính phủ bổ nhiệm 4 nhân sự Bộ Quốc phòng.\n"
        "Đại tá Lương Đình Chung, Chính ủy Bộ Chỉ huy Quân sự tỉnh Quảng Ngãi được Thủ tướng Chính phủ bổ nhiệm giữ "
        "chức Phó Chính ủy Quân khu 5, Bộ Quốc phòng tại Quyết định 1427/QĐ-TTg ngày 20/11/2023."
    )
    records = extract_text(text)
    assert (records.date, records.events) == ("2023-11-20", [])
    gathering = extract_text("Sáng 21/11, Quân khu 5 tổ chức lễ công bố quyết định. " + text)
    assert gathering.date == "2023-11-21"  # the ceremony's day; the year of the text's dates


def test_elected_to_a_post(extract_text, person) -> None:
    records = extract_text(
        "Thiếu tướng Trần Vinh Ngọc, Chính ủy Quân khu 7 được bầu giữ chức Bí thư Đảng ủy Quân khu 7; Thiếu tướng Lê "
        "Xuân Thế, Tư lệnh Quân khu 7 giữ chức Phó Bí thư Đảng ủy Quân khu 7 nhiệm kỳ 2025-2030."
    )
    assert [p.text for p in person(records, "Trần Vinh Ngọc").posts] == ["Chính ủy Quân khu 7", "Bí thư Đảng ủy Quân khu 7"]
    assert [p.text for p in person(records, "Lê Xuân Thế").posts] == ["Tư lệnh Quân khu 7", "Phó Bí thư Đảng ủy Quân khu 7"]


def test_a_heading_post_given_to_another_is_left(extract_text, person) -> None:
    records = extract_text(
        "Ngày 10/4, Đảng ủy-Ban Chỉ huy Hải đoàn Biên phòng 28 tổ chức Hội nghị bàn giao chức vụ Bí thư Đảng ủy, "
        "Chính ủy Hải đoàn. Trước đó, Bộ Quốc phòng đã có quyết định về việc nghỉ công tác, chờ hết tuổi phục vụ tại "
        "ngũ theo cấp bậc quân hàm thì nghỉ hưu đối với Đại tá Phạm Văn Sáu, Bí thư Đảng ủy, Chính ủy Hải đoàn và quyết "
        "định về việc bổ nhiệm Trung tá Hoàng Văn Nghiêm, Ủy viên Ban Thường vụ, Phó Chính ủy giữ chức Chính ủy Hải đoàn."
    )
    assert [(p.text, p.former) for p in person(records, "Phạm Văn Sáu").posts] == [
        ("Bí thư Đảng ủy Hải đoàn Biên phòng 28", False), ("Chính ủy Hải đoàn Biên phòng 28", True)
    ]
    assert [(p.text, p.former) for p in person(records, "Hoàng Văn Nghiêm").posts][-1] == (
        "Chính ủy Hải đoàn Biên phòng 28", False
    )


def test_appointed_in_a_body_one_leaves_the_other_posts_held_in_it(extract_text, person) -> None:
    records = extract_text(
        "Cũng tại hội nghị, Bộ Quốc phòng công bố quyết định bổ nhiệm Thượng tá Lê Quốc Thành, Phó Chỉ huy trưởng Bộ "
        "CHQS tỉnh giữ chức Phó Chỉ huy trưởng, Tham mưu trưởng Bộ CHQS tỉnh Cao Bằng."
    )
    assert [(p.text, p.former) for p in person(records, "Lê Quốc Thành").posts] == [
        ("Phó Chỉ huy trưởng Bộ CHQS tỉnh Cao Bằng", False), ("Tham mưu trưởng Bộ CHQS tỉnh Cao Bằng", False)
    ]
