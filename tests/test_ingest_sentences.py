"""Tests of qpgraph.ingest.sentences, on sentences printed in data/raw."""

from __future__ import annotations

import pytest
from excerpts import SEED_003_AWARDS

from qpgraph.ingest import split_sentences


def split(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Hội nghị có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh và đại diện các cơ quan liên quan.",
            [
                "Hội nghị có sự tham dự của lãnh đạo Thường trực Thành ủy TP.HCM, tỉnh ủy 8 tỉnh và đại diện các cơ quan liên quan."
            ],
            id="TP.HCM",
        ),
        pytest.param(
            SEED_003_AWARDS,
            [
                SEED_003_AWARDS
            ],
            id="decree-number",
        ),
        pytest.param(
            "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)",
            [
                "Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu Trưởng Quân khu II phát biểu tại hội nghị. (Ảnh: TTXVN phát)"
            ],
            id="photo-credit",
        ),
        pytest.param(
            "Trong đó, Quân khu 7 có hai sỹ quan cấp cao được thăng quân hàm từ Thiếu tướng lên Trung tướng gồm: "
            "Thiếu tướng Lê Xuân Thế, Tư lệnh Quân khu 7. Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7.",
            [
                ("Trong đó, Quân khu 7 có hai sỹ quan cấp cao được thăng quân hàm từ Thiếu tướng lên Trung tướng gồm: "
                "Thiếu tướng Lê Xuân Thế, Tư lệnh Quân khu 7."),
                "Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7.",
            ],
            id="number-then-rank",
        ),
        pytest.param(
            "Đại tướng Phan Văn Giang trao quyết định và tặng hoa chúc mừng Trung tướng Lê Xuân Thế, Tư lệnh Quân khu 7. Ảnh: QK7",
            [
                "Đại tướng Phan Văn Giang trao quyết định và tặng hoa chúc mừng Trung tướng Lê Xuân Thế, Tư lệnh Quân khu 7.",
                "Ảnh: QK7",
            ],
            id="credit-after-caption",
        ),
        pytest.param(
            "Ông Nguyễn Văn Quyết phát biểu tại Đại hội đại biểu lần thứ I (Ảnh: H.M.).",
            ["Ông Nguyễn Văn Quyết phát biểu tại Đại hội đại biểu lần thứ I (Ảnh: H.M.)."],
            id="initials",
        ),
        pytest.param(
            "(Baothanhhoa.vn) - Sáng 27/2, UBND tỉnh Thanh Hóa tổ chức hội nghị sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn 2019-2024.",
            [
                "(Baothanhhoa.vn) - Sáng 27/2, UBND tỉnh Thanh Hóa tổ chức hội nghị sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn 2019-2024."
            ],
            id="site-name",
        ),
        pytest.param(
            "Theo Thiếu tướng Phạm Thế Tùng, việc ký kết là việc làm rất cần thiết, không chỉ đối với lực lượng Công an mà còn với "
            "cấp ủy, chính quyền tỉnh Nghệ An.Thiếu tướng Phạm Thế Tùng mong rằng, Bộ Tư lệnh Cảnh vệ sẽ hỗ trợ.",
            [
                ("Theo Thiếu tướng Phạm Thế Tùng, việc ký kết là việc làm rất cần thiết, không chỉ đối với lực lượng Công an mà còn với "
                "cấp ủy, chính quyền tỉnh Nghệ An."),
                "Thiếu tướng Phạm Thế Tùng mong rằng, Bộ Tư lệnh Cảnh vệ sẽ hỗ trợ.",
            ],
            id="glued-full-stop",
        ),
        pytest.param(
            "Phát biểu tại hội nghị, Thiếu tướng Hoàng Đình Chung – Chủ nhiệm Chính trị Quân khu 7 – cho biết: “Cục Chính trị "
            "Quân khu chủ động nắm chắc tình hình, không để bị động, bất ngờ. Đồng thời phối hợp hướng dẫn LLVT các tỉnh.” "
            "Thiếu tướng nhấn mạnh.",
            [
                ("Phát biểu tại hội nghị, Thiếu tướng Hoàng Đình Chung – Chủ nhiệm Chính trị Quân khu 7 – cho biết: “Cục Chính trị "
                "Quân khu chủ động nắm chắc tình hình, không để bị động, bất ngờ."),
                "Đồng thời phối hợp hướng dẫn LLVT các tỉnh.”",
                "Thiếu tướng nhấn mạnh.",
            ],
            id="quotes",
        ),
        pytest.param(
            "“Cần tập trung thực hiện tốt công tác tuyên giáo, khu vực phòng thủ vững chắc,” Thiếu tướng nhấn mạnh.",
            ["“Cần tập trung thực hiện tốt công tác tuyên giáo, khu vực phòng thủ vững chắc,” Thiếu tướng nhấn mạnh."],
            id="quote-comma",
        ),
        pytest.param(
            "Dự hội nghị có Thủ trưởng Bộ Tư lệnh, Thủ trưởng Bộ Tham mưu, các Cục... Tại hội nghị, Thiếu tướng Trần Văn Bừng công bố quyết định.",
            [
                "Dự hội nghị có Thủ trưởng Bộ Tư lệnh, Thủ trưởng Bộ Tham mưu, các Cục...",
                "Tại hội nghị, Thiếu tướng Trần Văn Bừng công bố quyết định.",
            ],
            id="ellipsis",
        ),
        pytest.param(
            "Thực hiện tốt công tác đối ngoại quân sự; khám bệnh, cấp phát thuốc cho 1.170 người dân; kinh phí… thực hiện nhiệm vụ.",
            [
                "Thực hiện tốt công tác đối ngoại quân sự; khám bệnh, cấp phát thuốc cho 1.170 người dân; kinh phí… thực hiện nhiệm vụ."
            ],
            id="thousands-and-inner-ellipsis",
        ),
        pytest.param(
            "Hội nghị tổ chức tại TP. Hồ Chí Minh. Tham dự có ThS. Nguyễn Văn A, Tp.Hồ Chí Minh. Ông nói: Vì sao? Vì nhiệm vụ!",
            [
                "Hội nghị tổ chức tại TP. Hồ Chí Minh.",
                "Tham dự có ThS. Nguyễn Văn A, Tp.Hồ Chí Minh.",
                "Ông nói: Vì sao?",
                "Vì nhiệm vụ!",
            ],
            id="abbreviations-question-exclamation",
        ),
        pytest.param(
            "Chính ủy BĐBP chủ trì hội nghị. Dự hội nghị có Trung tướng Lê Đức Thái, Tư lệnh BĐBP.",
            ["Chính ủy BĐBP chủ trì hội nghị.", "Dự hội nghị có Trung tướng Lê Đức Thái, Tư lệnh BĐBP."],
            id="plain",
        ),
        pytest.param(
            "Sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn 2019-2024",
            ["Sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn 2019-2024"],
            id="headline",
        ),
        pytest.param("Đã đến Hà Nội. sau đó về.", ["Đã đến Hà Nội. sau đó về."], id="lower-case-after-stop"),
    ],
)
def test_sentences_split(text: str, expected: list[str]) -> None:
    assert split(text) == expected


def test_sentences_offsets_strip_white_space() -> None:
    text = "  Ngày 9/4, Quân khu 7 họp.   Tỉnh ủy dự.\t"
    assert split_sentences(text) == [(2, 27), (30, 41)]


def test_sentences_window_of_a_longer_text() -> None:
    text = "Tốc độ:1x\nNgày 9/4, Quân khu 7 họp. Tỉnh ủy dự.\nMới nhất"
    start = text.index("Ngày")
    end = text.index("\nMới")
    assert [text[s:e] for s, e in split_sentences(text, start, end)] == ["Ngày 9/4, Quân khu 7 họp.", "Tỉnh ủy dự."]


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_sentences_blank_gives_nothing(text: str) -> None:
    assert split_sentences(text) == []
