"""Appointments: "giữ chức", "được điều động, bổ nhiệm giữ chức vụ", "được bầu
giữ chức". The new post is a post of the person; a post left ("nguyên ...", the
post held before a transfer) may be recorded, flagged ``former``.

Sentences are copied from data/raw; posts and optional posts are those of
data/annotations.
"""

from __future__ import annotations

import pytest
from excerpts import DEV_17_HANDOVER

from qpgraph.evaluate import canonical

DEV_04 = (
    "Ngày 10/8, Đảng bộ quân sự tỉnh Tây Ninh tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030, với sự tham dự "
    "và chỉ đạo của Thiếu tướng Trần Ngọc Minh, Phó Tư lệnh Quân khu 7.\n\n"
    "Tại đại hội, Ban Thường vụ Tỉnh ủy Tây Ninh công bố quyết định chỉ định ông Nguyễn Văn Quyết, Bí thư Tỉnh ủy, giữ "
    "chức Bí thư Đảng ủy quân sự tỉnh. Đại tá Nguyễn Thanh Phong, Chính ủy Bộ Chỉ huy quân sự tỉnh, giữ chức Phó Bí thư "
    "Thường trực; Đại tá Nguyễn Thành Tâm, Chỉ huy trưởng Bộ Chỉ huy quân sự tỉnh, giữ chức Phó bí thư.\n\n"
    "Ông Nguyễn Văn Út, Phó bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, được chỉ định tham gia Ban Chấp hành Đảng ủy quân sự "
    "tỉnh, cùng 20 thành viên khác."
)
DEV_20 = (
    "Bàn giao chức vụ Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đồng Nai\n\n"
    "Theo quyết định của Bộ Quốc phòng, Đại tá Vũ Văn Điền - UVTV, Chỉ huy trưởng Bộ CHQS tỉnh được điều động, bổ "
    "nhiệm giữ chức vụ Phó tư lệnh, Tham mưu trưởng Bộ Tư lệnh Thành phố Hồ Chí Minh; Đại tá Phan Quốc Việt - Sư đoàn "
    "trưởng Sư đoàn 302 thuộc Quân khu 7, được điều động, bổ nhiệm giữ chức vụ Chỉ huy trưởng Bộ CHQS tỉnh.\n\n"
    "Về lãnh đạo tỉnh Đồng Nai, tham dự hội nghị có các đồng chí lãnh đạo tỉnh."
)
DEV_33 = (
    "Chiều 21/8, Bộ Công an tổ chức lễ Công bố Quyết định của Bộ trưởng Bộ Công an về việc điều động Thiếu tướng Nguyễn "
    "Hải Trung, nguyên Phó Tổng cục trưởng Tổng cục Chính trị Công an nhân dân (CAND) giữ chức vụ Giám đốc Công an tỉnh "
    "Thanh Hóa.\n\n"
    "Tại buổi lễ, Thượng tướng Nguyễn Văn Thành, Thứ trưởng Bộ Công an đã trao quyết định của Bộ trưởng Bộ Công an về "
    "việc điều động, bổ nhiệm Thiếu tướng Nguyễn Hải Trung, nguyên Phó Tổng cục trưởng Tổng cục Chính trị CAND giữ chức "
    "vụ Giám đốc Công an tỉnh Thanh Hóa."
)
DEV_23 = (
    "Ngày 18/10/2024, Đảng ủy, Bộ Chỉ huy Quân sự tỉnh Hậu Giang tổ chức Hội nghị bàn giao chức vụ Chính ủy Bộ Chỉ huy "
    "Quân sự tỉnh.\n"
    "Theo đó, đại tá Huỳnh Việt Trung, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Chính ủy Bộ Chỉ huy Quân sự tỉnh, được điều "
    "động đến công tác tại Ban Nội chính Tỉnh ủy, bổ nhiệm giữ chức Trưởng Ban Nội chính Tỉnh ủy nhiệm kỳ 2020 – 2025."
)
DEV_40 = (
    "Sau gần 3 ngày làm việc, sáng 31/7, Đại hội Đại biểu Đảng bộ Quân khu 4 lần thứ 11, nhiệm kỳ 2020 – 2025 đã hoàn "
    "thành chương trình đề ra.\n\n"
    "Tại phiên họp thứ nhất Ban chấp hành, Trung tướng Trần Võ Dũng, Bí thư Đảng ủy, Chính ủy Quân khu (nhiệm kỳ "
    "2015-2020) được bầu giữ chức Bí thư Đảng ủy, Chính ủy Quân khu nhiệm kỳ 2020-2025; Trung tướng Nguyễn Doãn Anh, "
    "Phó Bí thư Đảng ủy, Tư lệnh Quân khu (nhiệm kỳ 2015-2020), được bầu giữ chức Phó Bí thư Đảng ủy."
)


@pytest.mark.parametrize(
    ("text", "name", "required", "optional"),
    [
        pytest.param(
            DEV_04,
            "Nguyễn Văn Quyết",
            ["Bí thư Tỉnh ủy Tây Ninh", "Bí thư Đảng ủy Quân sự tỉnh Tây Ninh"],
            [],
            id="dev-04-giu-chuc",
        ),
        pytest.param(
            DEV_04,
            "Nguyễn Thanh Phong",
            ["Chính ủy Bộ Chỉ huy Quân sự tỉnh Tây Ninh", "Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh Tây Ninh"],
            [],
            id="dev-04-body-of-the-appointment-before",
        ),
        pytest.param(
            DEV_04,
            "Nguyễn Thành Tâm",
            ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Tây Ninh", "Phó Bí thư Đảng ủy Quân sự tỉnh Tây Ninh"],
            [],
            id="dev-04-pho-bi-thu",
        ),
        pytest.param(
            DEV_04,
            "Nguyễn Văn Út",
            ["Phó Bí thư Tỉnh ủy Tây Ninh", "Chủ tịch UBND tỉnh Tây Ninh"],
            ["Ủy viên Ban Chấp hành Đảng ủy Quân sự tỉnh Tây Ninh"],
            id="dev-04-chi-dinh",
        ),
        pytest.param(
            DEV_20,
            "Vũ Văn Điền",
            ["Phó Tư lệnh Bộ Tư lệnh Thành phố Hồ Chí Minh", "Tham mưu trưởng Bộ Tư lệnh Thành phố Hồ Chí Minh"],
            ["Chỉ huy trưởng Bộ CHQS tỉnh Đồng Nai", ["Ủy viên Ban Thường vụ Tỉnh ủy Đồng Nai", "UVTV Tỉnh ủy Đồng Nai"]],
            id="dev-20-dieu-dong-bo-nhiem",
        ),
        pytest.param(
            DEV_20,
            "Phan Quốc Việt",
            ["Chỉ huy trưởng Bộ CHQS tỉnh Đồng Nai"],
            [["Sư đoàn trưởng Sư đoàn 302", "Sư đoàn trưởng Sư đoàn 302 Quân khu 7"]],
            id="dev-20-post-of-the-article-province",
        ),
        pytest.param(
            DEV_33,
            "Nguyễn Hải Trung",
            ["Giám đốc Công an tỉnh Thanh Hóa"],
            [["Phó Tổng cục trưởng Tổng cục Chính trị Công an nhân dân", "Phó Tổng cục trưởng Tổng cục Chính trị CAND"]],
            id="dev-33-nguyen",
        ),
        pytest.param(
            DEV_17_HANDOVER,
            "Nguyễn Quang Thanh Tuấn",
            ["Chỉ huy trưởng Ban CHQS huyện Đại Lộc"],
            [
                [
                    "Trưởng ban Tác huấn Phòng Tham mưu Bộ CHQS tỉnh Quảng Nam",
                    "Trưởng ban Tác huấn thuộc Phòng Tham mưu Bộ CHQS tỉnh Quảng Nam",
                ]
            ],
            id="dev-17-bo-nhiem",
        ),
        pytest.param(DEV_17_HANDOVER, "Hoàng Trung Dũng", [], ["Chỉ huy trưởng Ban CHQS huyện Đại Lộc"], id="dev-17-thay-cho"),
        pytest.param(
            DEV_23,
            "Huỳnh Việt Trung",
            ["Ủy viên Ban Chấp hành Đảng bộ tỉnh Hậu Giang", "Trưởng Ban Nội chính Tỉnh ủy Hậu Giang"],
            ["Chính ủy Bộ Chỉ huy Quân sự tỉnh Hậu Giang"],
            id="dev-23-dieu-dong-den-cong-tac",
        ),
        pytest.param(
            DEV_40,
            "Trần Võ Dũng",
            ["Bí thư Đảng ủy Quân khu 4", "Chính ủy Quân khu 4"],
            [],
            id="dev-40-bau-giu-chuc",
        ),
        pytest.param(
            DEV_40,
            "Nguyễn Doãn Anh",
            ["Phó Bí thư Đảng ủy Quân khu 4", "Tư lệnh Quân khu 4"],
            [],
            id="dev-40-bau-giu-chuc-pho",
        ),
    ],
)
def test_parse_appointments_new_post(
    extract_text, person, check_facts, text: str, name: str, required: list, optional: list
) -> None:
    found = person(extract_text(text), name)
    check_facts([post.text for post in found.posts], required, optional)


@pytest.mark.parametrize(
    ("text", "name", "current", "former"),
    [
        pytest.param(
            DEV_33,
            "Nguyễn Hải Trung",
            ["Giám đốc Công an tỉnh Thanh Hóa"],
            ["Phó Tổng cục trưởng Tổng cục Chính trị Công an nhân dân"],
            id="dev-33-nguyen",
        ),
        pytest.param(
            DEV_20,
            "Vũ Văn Điền",
            ["Phó Tư lệnh Bộ Tư lệnh Thành phố Hồ Chí Minh", "Tham mưu trưởng Bộ Tư lệnh Thành phố Hồ Chí Minh"],
            ["Ủy viên Ban Thường vụ Tỉnh ủy Đồng Nai", "Chỉ huy trưởng Bộ CHQS tỉnh Đồng Nai"],
            id="dev-20-dieu-dong",
        ),
        pytest.param(
            DEV_20,
            "Phan Quốc Việt",
            ["Chỉ huy trưởng Bộ CHQS tỉnh Đồng Nai"],
            ["Sư đoàn trưởng Sư đoàn 302"],
            id="dev-20-dieu-dong-su-doan",
        ),
    ],
)
def test_parse_appointments_former_posts(
    extract_text, person, canon, text: str, name: str, current: list[str], former: list[str]
) -> None:
    found = person(extract_text(text), name)
    assert canon([p.text for p in found.posts if not p.former]) == canon(current)
    assert canon([p.text for p in found.posts if p.former]) == canon(former)


def test_parse_appointments_appointed_post_evidence(extract_text, person) -> None:
    found = person(extract_text(DEV_33), "Nguyễn Hải Trung")
    new = [p for p in found.posts if not p.former]
    assert [(p.title, p.body, p.printed) for p in new] == [
        ("Giám đốc", "Công an tỉnh Thanh Hóa", "Giám đốc Công an tỉnh Thanh Hóa")
    ]
    assert new[0].mention.sentence == 0


DEV_23_HANDOVER = (
    "Tại Hội nghị, Đại tá Huỳnh Việt Trung, Chính ủy Bộ Chỉ huy Quân sự tỉnh bàn giao chức vụ cho Đại tá Võ Văn "
    "Phương, Phó Chính ủy, để nhận nhiệm vụ mới sau khi được điều động công tác."
)
B2_42 = (
    "Đại tá Lê Xuân Minh, 44 tuổi, tân Giám đốc Công an Hòa Bình, người trẻ nhất trong số gần 20 cán bộ vừa được bổ "
    "nhiệm. Ảnh: Trần Xuân.\n\n"
    "Trẻ nhất là đại tá Lê Xuân Minh, 44 tuổi, quê Hà Nội, Cục phó An ninh mạng và phòng, chống tội phạm sử dụng công "
    "nghệ cao, được bổ nhiệm làm Giám đốc Công an tỉnh Hòa Bình."
)


@pytest.mark.parametrize(
    ("text", "name", "changes"),
    [
        pytest.param(DEV_33, "Nguyễn Hải Trung", [("Phó Tổng cục trưởng Tổng cục Chính trị Công an nhân dân", "former"),
                                                  ("Giám đốc Công an tỉnh Thanh Hóa", "appointed")], id="dev-33-nguyen"),
        pytest.param(DEV_20, "Vũ Văn Điền", [("Ủy viên Ban Thường vụ Tỉnh ủy Đồng Nai", "transferred"),
                                            ("Chỉ huy trưởng Bộ CHQS tỉnh Đồng Nai", "transferred"),
                                            ("Phó Tư lệnh Bộ Tư lệnh Thành phố Hồ Chí Minh", "appointed"),
                                            ("Tham mưu trưởng Bộ Tư lệnh Thành phố Hồ Chí Minh", "appointed")],
                     id="dev-20-dieu-dong"),
        pytest.param(DEV_23_HANDOVER, "Huỳnh Việt Trung", [("Chính ủy Bộ Chỉ huy Quân sự tỉnh", "handed over")],
                     id="dev-23-ban-giao-cho"),
        pytest.param(DEV_23_HANDOVER, "Võ Văn Phương", [("Phó Chính ủy Bộ Chỉ huy Quân sự tỉnh", None)],
                     id="dev-23-the-receiver-keeps-his-post"),
        pytest.param("Thiếu tướng Nguyễn Văn A thôi giữ chức Phó Tư lệnh Quân khu 4 để nghỉ hưu.", "Nguyễn Văn A",
                     [("Phó Tư lệnh Quân khu 4", "retired")], id="thoi-giu-chuc-nghi-huu"),
        # Printed held first ("tân Giám đốc"), then appointed: appointed, with the evidence of the appointment.
        pytest.param(B2_42, "Lê Xuân Minh", [("Giám đốc Công an tỉnh Hòa Bình", "appointed"),
                                            ("Cục phó Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao",
                                             None)], id="b2-42-tan-then-bo-nhiem"),
    ],
)
def test_parse_appointments_how_a_post_changes_hands(
    extract_text, person, text: str, name: str, changes: list[tuple[str, str | None]]
) -> None:
    found = person(extract_text(text), name)
    assert [(canonical(p.text), p.change) for p in found.posts] == [(canonical(t), c) for t, c in changes]
    assert all(p.former == (p.change not in (None, "appointed")) for p in found.posts)
