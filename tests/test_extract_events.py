"""Events: the kind of the gathering an article reports (from its headline and
lede) and the named persons it places there; "thay cho X" does not place X there,
nor is a byline a participant.

Sentences are copied from data/raw; kinds and participants are those of
data/annotations.
"""

from __future__ import annotations

import pytest
from excerpts import DEV_17_APPOINTMENT, DEV_17_HANDOVER, DEV_37_CHAIRS

from qpgraph.extract.events import event_kind


@pytest.mark.parametrize(
    ("lede", "kind"),
    [
        pytest.param("Ban Thường vụ Đảng ủy Quân khu 7 làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng", "meeting", id="000"),
        pytest.param(
            "Tổng Bí thư, Chủ tịch nước Lào thăm, làm việc với cán bộ, chiến sỹ Quân khu 4", "visit", id="dev-37"
        ),
        pytest.param(
            "Chiều ngày 19-12, tại Hà Nội, Bộ Quốc phòng tổ chức lễ công bố, trao quyết định về công tác cán bộ.",
            "ceremony",
            id="dev-29-le",
        ),
        pytest.param(
            "Biên phòng - Chiều 3/8, Đảng ủy, Bộ Tư lệnh BĐBP tổ chức Hội nghị công bố và trao quyết định thăng quân hàm "
            "Đại tá năm 2022.",
            "ceremony",
            id="dev-13-promotion-conference",
        ),
        pytest.param("Bàn giao chức vụ Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Đồng Nai", "ceremony", id="dev-20-ban-giao"),
        pytest.param(
            "(QNO) - Ban Chỉ huy Quân sự (CHQS) huyện Đại Lộc vừa tổ chức hội nghị bàn giao chức vụ Chỉ huy trưởng Ban "
            "CHQS huyện.",
            "ceremony",
            id="dev-17-handover-conference",
        ),
        pytest.param(
            "Chiều 21/8, Bộ Công an tổ chức lễ Công bố Quyết định của Bộ trưởng Bộ Công an về việc điều động Thiếu tướng "
            "Nguyễn Hải Trung.",
            "ceremony",
            id="dev-33",
        ),
        pytest.param(
            "Ngày 10/8, Đảng bộ quân sự tỉnh Tây Ninh tổ chức Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030.",
            "conference",
            id="dev-04-dai-hoi",
        ),
        pytest.param(
            "(HTV) - Hội nghị sơ kết Quy chế phối hợp năm 2024 giữa Cục Chính trị Quân khu 7 và các cơ quan tham mưu, "
            "giúp việc của tỉnh ủy, thành ủy trên địa bàn đã khẳng định vai trò hiệp đồng chặt chẽ.",
            "conference",
            id="002",
        ),
        pytest.param(
            "Ngày 14/1, Bộ Chỉ huy Quân sự tỉnh Quảng Trị tổ chức hội nghị công bố các quyết định của Bộ Quốc phòng.",
            "conference",
            id="dev-01",
        ),
        pytest.param(
            "Sau gần 3 ngày làm việc, sáng 31/7, Đại hội Đại biểu Đảng bộ Quân khu 4 lần thứ 11, nhiệm kỳ 2020 – 2025 đã "
            "hoàn thành chương trình đề ra.",
            "conference",
            id="dev-40-dai-hoi-before-lam-viec",
        ),
    ],
)
def test_events_kind(lede: str, kind: str) -> None:
    assert event_kind(lede) == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        pytest.param(
            "Ban Thường vụ Đảng ủy Quân khu 7 làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng\nTốc độ:1x\n(QK7 Online) - "
            "Chiều ngày 30/12, Đoàn công tác Ban thường vụ Đảng ủy Quân khu 7 do Trung tướng Trần Vinh Ngọc, Bí thư Đảng "
            "ủy, Chính ủy Quân khu 7 làm trưởng đoàn đã có buổi làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng.",
            "meeting",
            id="000",
        ),
        pytest.param(
            "Tạo môi trường biên giới hòa bình, địa bàn ổn định\nThiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu "
            "Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)",
            "conference",
            id="003-caption",
        ),
        pytest.param(
            "Tổng Bí thư, Chủ tịch nước Lào thăm, làm việc với cán bộ, chiến sỹ Quân khu 4\n\n(Baohatinh.vn) - Cùng dự "
            "về phía tỉnh Hà Tĩnh có Bí thư Tỉnh ủy Nguyễn Duy Lâm và Chủ tịch UBND tỉnh Võ Trọng Hải.",
            "visit",
            id="dev-37",
        ),
        pytest.param(
            "Hậu Giang: Bàn giao chức vụ Chính ủy Bộ Chỉ huy Quân sự tỉnh\n20/10/2024\nLượt xem: 1933\nNgày 18/10/2024, "
            "Đảng ủy, Bộ Chỉ huy Quân sự tỉnh Hậu Giang tổ chức Hội nghị bàn giao chức vụ Chính ủy Bộ Chỉ huy Quân sự tỉnh.",
            "ceremony",
            id="dev-23",
        ),
    ],
)
def test_events_kind_from_headline_and_lede(extract_text, text: str, kind: str) -> None:
    records = extract_text(text)
    assert [event.kind for event in records.events] == [kind]
    assert records.events[0].mention.sentence == 0


# --- participants ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        pytest.param(
            "(QK7 Online) - Chiều ngày 30/12, Đoàn công tác Ban thường vụ Đảng ủy Quân khu 7 do Trung tướng Trần Vinh "
            "Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7 làm trưởng đoàn đã có buổi làm việc với Ban Thường vụ Tỉnh ủy Lâm "
            "Đồng về công tác quốc phòng, quân sự địa phương.\n"
            "Tham gia đoàn công tác có các đồng chí: Thiếu tướng Trần Ngọc Minh, Ủy viên Ban Thường vụ Đảng ủy, Phó Tư "
            "lệnh Quân khu; Thiếu tướng Phạm Anh Tuấn, Ủy viên Ban Thường vụ Đảng ủy, Chủ nhiệm Chính trị Quân khu; Đại "
            "tá Trần Hữu Nhân, Phó Tham mưu trưởng Quân khu; Đại tá Nguyễn Thanh Tâm, Chủ nhiệm Hậu cần - Kỹ thuật Quân "
            "khu; thủ trưởng các cơ quan chức năng Quân khu.\n"
            "Tỉnh ủy Lâm Đồng tiếp và làm việc có đồng chí: Y Thanh Hà Niê Kđăm, Ủy viên Ban chấp hành Trung ương Đảng, "
            "Bí thư Tỉnh ủy Lâm Đồng; Đặng Hồng Sỹ, Phó Bí thư thường trực Tỉnh ủy; Lưu Văn Trung, Phó Bí thư Tỉnh ủy, "
            "Chủ tịch Hội đồng nhân dân tỉnh; Hồ Văn Mười, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; các đồng chí trong Ban "
            "thường vụ Tỉnh ủy, lãnh đạo các sở, ngành địa phương.",
            ["Trần Vinh Ngọc", "Trần Ngọc Minh", "Phạm Anh Tuấn", "Trần Hữu Nhân", "Nguyễn Thanh Tâm",
             "Y Thanh Hà Niê Kđăm", "Đặng Hồng Sỹ", "Lưu Văn Trung", "Hồ Văn Mười"],
            id="000-both-sides",
        ),
        pytest.param(
            DEV_17_HANDOVER,
            ["Trần Hữu Ích", "Nguyễn Quang Thanh Tuấn"],
            id="dev-17-thay-cho",
        ),
        pytest.param(
            "Chiều ngày 19-12, tại Hà Nội, Bộ Quốc phòng tổ chức lễ công bố, trao quyết định về công tác cán bộ. Đại "
            "tướng Phan Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng dự và chủ "
            "trì buổi lễ.\n"
            "Tại buổi lễ, Đại tướng Phan Văn Giang đã trao quyết định, tặng hoa chúc mừng Trung tướng Lê Xuân Thế và Trung "
            "tướng Trần Vinh Ngọc.",
            ["Phan Văn Giang", "Lê Xuân Thế", "Trần Vinh Ngọc"],
            id="dev-29",
        ),
        pytest.param(
            "Đại tá Nguyễn Tài Tình, Phó Chỉ huy Trưởng Bộ Chỉ huy Quân sự tỉnh Quảng Trị công bố quyết định về việc tổ "
            "chức lại Ban Chỉ huy Quân sự xã, phường, đặc khu (Ảnh: Xuân Diện).\n"
            "Chỉ đạo tại hội nghị, Thiếu tướng Lê Hồng Nhân, Phó Tư lệnh, Tham mưu trưởng Quân khu 4, biểu dương tinh "
            "thần trách nhiệm của Bộ Chỉ huy Quân sự tỉnh Quảng Trị.\n"
            "Bộ Chỉ huy Quân sự tỉnh Quảng Trị trao Quyết định và tặng hoa chúc mừng các cán bộ được điều động, bổ nhiệm "
            "(Ảnh: Xuân Diện).",
            ["Nguyễn Tài Tình", "Lê Hồng Nhân"],
            id="dev-01-photo-credits",
        ),
        pytest.param(
            "Bí thư Tỉnh ủy, Bí thư Đảng ủy Quân sự tỉnh Nguyễn Đình Trung phát biểu chỉ đạo hội nghị.\n"
            "Đại tá Trần Minh Trọng, Chính ủy Bộ Chỉ huy Quân sự tỉnh, Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh phát "
            "biểu tại hội nghị.\n\nQuỳnh Anh",
            ["Nguyễn Đình Trung", "Trần Minh Trọng"],
            id="001-byline",
        ),
        pytest.param(
            DEV_37_CHAIRS,
            ["Thongloun Sisoulith", "Nguyễn Chí Dũng", "Hà Thọ Bình"],
            id="dev-37-foreign-guest",
        ),
    ],
)
def test_events_participants(extract_text, text: str, participants: list[str]) -> None:
    records = extract_text(text)
    [event] = records.events
    assert sorted(event.participants) == sorted(participants)
    assert len(event.participants) == len(set(event.participants))


def test_events_replaced_person_is_still_a_person(extract_text, person) -> None:
    records = extract_text(DEV_17_HANDOVER)
    assert person(records, "Hoàng Trung Dũng").rank == "Thượng tá"
    assert records.events[0].participants == ["Trần Hữu Ích", "Nguyễn Quang Thanh Tuấn"]


def test_events_a_decision_is_no_gathering(extract_text, person) -> None:
    records = extract_text(DEV_17_APPOINTMENT)
    assert person(records, "Nguyễn Quang Thanh Tuấn").rank == "Thượng tá"
    assert records.events == []


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param(
            "Ngày 27.12, Công an thành phố Hải Phòng cho biết, sáng cùng ngày, đại tướng Tô Lâm, Bộ trưởng Bộ Công an, "
            "thừa ủy quyền của Chủ tịch nước Nguyễn Phú Trọng trao quyết định thăng cấp bậc hàm từ đại tá lên thiếu "
            "tướng cho ông Vũ Thanh Chương.",
            "Nguyễn Phú Trọng",
            id="b2-31-authority",
        ),
        pytest.param(
            "Tháng 7.2018, ông Vũ Thanh Chương mang quân hàm đại tá, được Bộ Công an bổ nhiệm làm Giám đốc Công an tỉnh "
            "Hải Dương thay đại tá Bùi Ngọc Phi nghỉ hưu. Sáng 27/12, lễ trao quyết định được tổ chức.",
            "Bùi Ngọc Phi",
            id="b2-31-replaced",
        ),
    ],
)
def test_events_persons_placed_elsewhere(extract_text, text: str, absent: str) -> None:
    (event,) = extract_text(text).events
    assert absent not in event.participants and "Vũ Thanh Chương" in event.participants


def test_events_empty_article_has_no_event(extract_text) -> None:
    records = extract_text("")
    assert (records.events, records.persons, records.date) == ([], [], None)
