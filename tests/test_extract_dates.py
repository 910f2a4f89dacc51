"""The date of the article's main event: a day and month after a time word, its
year from the front matter's ``published``, else a full date in the text, else
the years the text names; with no day printed, the published date (or null).

Sentences are copied from data/raw (``published`` from their front matter);
dates are those of data/annotations.
"""

from __future__ import annotations

import re
import sys

import pytest
from excerpts import SEED_000_LEDE

from qpgraph.extract.dates import _TIME_WORD, event_date, named_years

CASES = [
    # The year from `published`.
    pytest.param(
        "Ngày 14/1, Bộ Chỉ huy Quân sự tỉnh Quảng Trị tổ chức hội nghị công bố các quyết định của Bộ Quốc phòng.",
        "2026-01-14",
        "2026-01-14",
        id="dev-01-published",
    ),
    pytest.param(
        "Sáng 27/2, UBND tỉnh Thanh Hóa tổ chức hội nghị sơ kết 5 năm thực hiện Ngày Biên phòng toàn dân, giai đoạn "
        "2019-2024.",
        "2024-02-27",
        "2024-02-27",
        id="dev-07-published-over-a-range",
    ),
    pytest.param(
        "Chiều ngày 24/4, Bộ Chỉ huy Quân sự (CHQS) tỉnh tổ chức Hội nghị bàn giao chức vụ Chỉ huy trưởng Bộ CHQS tỉnh.",
        "2024-04-25",
        "2024-04-24",
        id="dev-20-day-before-published",
    ),
    pytest.param(
        "Chiều 21/8, Bộ Công an tổ chức lễ Công bố Quyết định của Bộ trưởng Bộ Công an về việc điều động Thiếu tướng "
        "Nguyễn Hải Trung.",
        "2018-08",
        "2018-08-21",
        id="dev-33-published-month",
    ),
    pytest.param(
        "Chiều ngày 19-12, tại Hà Nội, Bộ Quốc phòng tổ chức lễ công bố, trao quyết định về công tác cán bộ.",
        "2025-12-19",
        "2025-12-19",
        id="dev-29-hyphen",
    ),
    pytest.param(
        SEED_000_LEDE,
        "2026-01-02",
        "2025-12-30",
        id="000-published-after-new-year",
    ),
    # A full date printed in the text.
    pytest.param(
        "Nâng cao hiệu quả phối hợp thực hiện nhiệm vụ quân sự, quốc phòng địa phương\n12:17, 22/08/2023\n"
        "Sáng 22/8, Ban Thường vụ Đảng ủy Quân sự tỉnh và Ban Thường vụ các huyện, thị xã, thành ủy tổ chức Hội nghị sơ "
        "kết chương trình phối hợp giữa nhiệm kỳ 2020 - 2025.",
        None,
        "2023-08-22",
        id="001-dateline",
    ),
    pytest.param(
        "Ngày 18/10/2024, Đảng ủy, Bộ Chỉ huy Quân sự tỉnh Hậu Giang tổ chức Hội nghị bàn giao chức vụ Chính ủy Bộ Chỉ "
        "huy Quân sự tỉnh. Trước đó, vào ngày 10/10/2024, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị triển khai quyết định "
        "về công tác cán bộ.",
        "2024-10-20",
        "2024-10-18",
        id="dev-23-first-date-is-the-event",
    ),
    # The years the text names.
    pytest.param(
        SEED_000_LEDE + "Trung tướng Trần Vinh Ngọc mong muốn tỉnh Lâm Đồng chỉ đạo thực hiện chặt chẽ công tác tuyển chọn và "
        "gọi công dân nhập ngũ năm 2026, quyết tâm hoàn thành 100% chỉ tiêu.\nThông tin tại hội nghị, đồng chí Bí thư "
        "Tỉnh ủy cho biết, năm 2025, tỉnh Lâm Đồng đã đạt được nhiều kết quả tích cực.",
        None,
        "2025-12-30",
        id="000-next-year-plans",
    ),
    pytest.param(
        "Ngày 9/4, Cục Chính trị Quân khu 7 tổ chức Hội nghị sơ kết Quy chế phối hợp với các cơ quan tham mưu, giúp việc "
        "của tỉnh ủy, thành ủy trên địa bàn Quân khu năm 2024 và triển khai nhiệm vụ phối hợp năm 2025.",
        None,
        "2025-04-09",
        id="002",
    ),
    pytest.param(
        "Biên phòng - Chiều 3/8, Đảng ủy, Bộ Tư lệnh BĐBP tổ chức Hội nghị công bố và trao quyết định thăng quân hàm Đại "
        "tá năm 2022.",
        None,
        "2022-08-03",
        id="dev-13",
    ),
    pytest.param(
        "Biên phòng - Chiều 3/8, Đảng ủy, Bộ Tư lệnh BĐBP tổ chức Hội nghị công bố và trao quyết định thăng quân hàm Đại "
        "tá năm 2022. Trong đợt thăng quân hàm Đại tá năm nay có 2 đồng chí là nữ giảng viên của Học viện Biên phòng và 3 "
        "nam sĩ quan trẻ sinh năm 1976.",
        None,
        "2022-08-03",
        id="dev-13-birth-year",
    ),
    pytest.param(
        "Sau gần 3 ngày làm việc, sáng 31/7, Đại hội Đại biểu Đảng bộ Quân khu 4 lần thứ 11, nhiệm kỳ 2020 – 2025 đã hoàn "
        "thành chương trình đề ra.",
        None,
        "2020-07-31",
        id="dev-40-term",
    ),
    # No day printed: the published date, else null.
    pytest.param(
        "Công an tỉnh Nghệ An và Bộ Tư lệnh Cảnh vệ vừa tổ chức Hội nghị ký Quy chế phối hợp trong thực hiện công tác "
        "cảnh vệ.",
        "2022-02-19",
        "2022-02-19",
        id="dev-10-published",
    ),
    pytest.param(
        "Ban Chỉ huy Quân sự (CHQS) huyện Đại Lộc vừa tổ chức hội nghị bàn giao chức vụ Chỉ huy trưởng Ban CHQS huyện.",
        None,
        None,
        id="dev-17-none",
    ),
    pytest.param(
        "Trong chuyến công tác chính thức tại Việt Nam, sáng 28/4, Tổng Bí thư Thongloun Sisoulith đã đến thăm, làm việc "
        "với cán bộ, chiến sỹ Quân khu 4.",
        None,
        None,
        id="dev-37-no-year",
    ),
    pytest.param(
        "Tại hội nghị, Thiếu tướng Nguyễn Đăng Khải, Phó Tư lệnh, Tham mưu trưởng Quân khu II đề nghị tỉnh Lai Châu cần "
        "nắm chắc và quản lý tốt địa bàn. Theo báo cáo tại hội nghị, qua 5 năm thực hiện Nghị định số 21/2019/NĐ-CP của "
        "Chính phủ.",
        None,
        None,
        id="003-decree-number",
    ),
]


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_dates_event_date(text: str, published: str | None, expected: str | None) -> None:
    assert event_date(text, published) == expected


@pytest.mark.parametrize(("text", "published", "expected"), CASES)
def test_dates_article_and_event(extract_text, text: str, published: str | None, expected: str | None) -> None:
    records = extract_text(text, published=published)
    assert records.date == expected
    assert [event.date for event in records.events] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Hội nghị sơ kết chương trình phối hợp giữa nhiệm kỳ 2020 - 2025", [], id="term-outside-a-congress"),
        pytest.param("Đại hội đại biểu lần thứ I, nhiệm kỳ 2025-2030", [2025], id="term-no-spaces"),
        pytest.param("Nghị định số 21/2019/NĐ-CP của Chính phủ", [], id="decree-number"),
        pytest.param("12:17, 22/08/2023", [], id="full-date"),
        pytest.param(
            "trên địa bàn Quân khu năm 2024 và triển khai nhiệm vụ phối hợp năm 2025", [2024, 2025], id="two-years"
        ),
        pytest.param("có 2 đồng chí là nữ giảng viên và 3 nam sĩ quan trẻ sinh năm 1976", [1976], id="birth-year"),
    ],
)
def test_dates_named_years(text: str, expected: list[int]) -> None:
    assert named_years(text) == expected


def test_dates_time_word_first_letters_are_those_re_ignorecase_takes() -> None:
    """The time words are searched by a class of first letters written out: it
    must hold every character that re.I matches with one, and no other."""
    first = re.compile("[sctđnh]", re.IGNORECASE)
    written = re.compile(_TIME_WORD.pattern.split("]", 1)[0] + "]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (first.match(char) is None) == (written.match(char) is None), hex(code)


@pytest.mark.parametrize(
    "text",
    [
        SEED_000_LEDE,
        "Sáng 27/2, UBND tỉnh Thanh Hóa tổ chức hội nghị. TỐI NGÀY 5 THÁNG 3, hôm qua, Chiều, đêm, trưa",
        "chiềusáng ngàyngày hômhôm Trưa",
    ],
)
def test_dates_time_words_found_as_re_ignorecase_finds_them(text: str) -> None:
    plain = re.compile("sáng|chiều|tối|trưa|đêm|ngày|hôm", re.IGNORECASE)
    assert [m.span() for m in _TIME_WORD.finditer(text)] == [m.span() for m in plain.finditer(text)]
