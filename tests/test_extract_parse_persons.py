"""Persons as the parser finds them: after a rank, an honorific, a chain of posts,
in apposition lists; and what is not a person (bylines, photo credits, bare ranks).

Sentences are copied from data/raw; names and ranks are those of data/annotations.
"""

from __future__ import annotations

import pytest
from excerpts import DEV_37_CHAIRS, SEED_000_DELEGATION, SEED_000_HOSTS

from qpgraph.extract.items import sentence_items
from qpgraph.extract.nlp import build_nlp
from qpgraph.extract.parse import parse_sentence
from qpgraph.extract.refs import SentenceParse
from qpgraph.text import normalize


def parse(text: str) -> SentenceParse:
    text = normalize(text)
    return parse_sentence(sentence_items(build_nlp()(text), 0, len(text)))


# --- after a rank ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Trung tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7 (thứ 3 từ trái sang) cùng đoàn công tác "
            "làm việc với Ban Thường vụ Tỉnh ủy Lâm Đồng.",
            [("Trần Vinh Ngọc", "Trung tướng")],
            id="000-trung-tuong",
        ),
        pytest.param(
            "Đại tá Trần Minh Trọng, Chính ủy Bộ Chỉ huy Quân sự tỉnh, Phó Bí thư Thường trực Đảng ủy Quân sự tỉnh "
            "phát biểu tại hội nghị.",
            [("Trần Minh Trọng", "Đại tá")],
            id="001-dai-ta",
        ),
        pytest.param(
            "Tại buổi lễ, Đại tướng Phan Văn Giang đã trao quyết định, tặng hoa chúc mừng Trung tướng Lê Xuân Thế "
            "và Trung tướng Trần Vinh Ngọc.",
            [("Phan Văn Giang", "Đại tướng"), ("Lê Xuân Thế", "Trung tướng"), ("Trần Vinh Ngọc", "Trung tướng")],
            id="dev-29-dai-tuong",
        ),
        pytest.param(
            "Phát biểu tại hội nghị, Thượng tá Trần Hữu Ích - Phó Chỉ huy trưởng kiêm Tham mưu trưởng Bộ CHQS tỉnh "
            "yêu cầu trên cương vị mới, Thượng tá Nguyễn Quang Thanh Tuấn sẽ cùng với Ban CHQS huyện Đại Lộc phát huy "
            "tinh thần đoàn kết, xây dựng đơn vị vững mạnh toàn diện.",
            [("Trần Hữu Ích", "Thượng tá"), ("Nguyễn Quang Thanh Tuấn", "Thượng tá")],
            id="dev-17-thuong-ta",
        ),
        pytest.param(
            "Các đồng chí lãnh đạo tỉnh tặng hoa chúc mừng Đại tá Vũ Văn Điền (bên phải) và Đại tá Phan Quốc Việt (bên trái)",
            [("Vũ Văn Điền", "Đại tá"), ("Phan Quốc Việt", "Đại tá")],
            id="dev-20-photo-caption",
        ),
        pytest.param(
            "Thay mặt hai đơn vị, Thiếu tướng Phạm Thế Tùng và Thiếu tướng Phạm Tiến Cương đã ký kết quy chế phối hợp.",
            [("Phạm Thế Tùng", "Thiếu tướng"), ("Phạm Tiến Cương", "Thiếu tướng")],
            id="dev-10-police",
        ),
        pytest.param(
            "Tại buổi lễ, Thượng tướng Nguyễn Văn Thành, Thứ trưởng Bộ Công an đã trao quyết định của Bộ trưởng Bộ Công an "
            "về việc điều động, bổ nhiệm Thiếu tướng Nguyễn Hải Trung, nguyên Phó Tổng cục trưởng Tổng cục Chính trị CAND "
            "giữ chức vụ Giám đốc Công an tỉnh Thanh Hóa.",
            [("Nguyễn Văn Thành", "Thượng tướng"), ("Nguyễn Hải Trung", "Thiếu tướng")],
            id="dev-33-police",
        ),
        pytest.param(
            "Theo đó, đại tá Huỳnh Việt Trung, Ủy viên Ban Chấp hành Đảng bộ tỉnh, Chính ủy Bộ Chỉ huy Quân sự tỉnh, "
            "được điều động đến công tác tại Ban Nội chính Tỉnh ủy, bổ nhiệm giữ chức Trưởng Ban Nội chính Tỉnh ủy "
            "nhiệm kỳ 2020 – 2025.",
            [("Huỳnh Việt Trung", "Đại tá")],
            id="dev-23-lower-case-rank",
        ),
    ],
)
def test_parse_persons_after_rank(extract_text, text: str, expected: list[tuple[str, str]]) -> None:
    records = extract_text(text)
    assert [(p.name, p.rank) for p in records.persons] == expected


# --- after an honorific -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Đồng chí Hồ Văn Mười, Chủ tịch UBND tỉnh phát biểu tại buổi làm việc.",
            [("Hồ Văn Mười", None)],
            id="000-dong-chi",
        ),
        pytest.param(
            "Ông Tống Thanh Hải, Phó Chủ tịch Thường trực UBND tỉnh yêu cầu các cơ quan, đơn vị, địa phương tiếp tục "
            "xây dựng lực lượng vũ trang vững mạnh về chính trị.",
            [("Tống Thanh Hải", None)],
            id="003-ong",
        ),
        pytest.param(
            "Phát biểu tại hội nghị, đồng chí Trần Văn Huyến, Phó Bí thư thường trực Tỉnh ủy ghi nhận và đánh giá cao "
            "những đóng góp to lớn của Đại tá Huỳnh Việt Trung trong quá trình công tác.",
            [("Trần Văn Huyến", None), ("Huỳnh Việt Trung", "Đại tá")],
            id="dev-23-dong-chi-lower-case",
        ),
        pytest.param(
            "Ông Nguyễn Văn Út, Phó bí thư Tỉnh ủy, Chủ tịch UBND tỉnh, được chỉ định tham gia Ban Chấp hành Đảng ủy "
            "quân sự tỉnh, cùng 20 thành viên khác.",
            [("Nguyễn Văn Út", None)],
            id="dev-04-ong",
        ),
        pytest.param(
            "Đồng chí Hồ Văn Niên-Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh, "
            "Bí thư Đảng ủy Quân sự tỉnh chủ trì hội nghị.",
            [("Hồ Văn Niên", None)],
            id="004-glued-hyphen",
        ),
        pytest.param(
            "Cùng đi với đoàn có đồng chí Nguyễn Chí Dũng - Ủy viên BCH Trung ương Đảng, Phó Thủ tướng Chính phủ "
            "nước Cộng hòa XHCN Việt Nam.",
            [("Nguyễn Chí Dũng", None)],
            id="dev-37-dash",
        ),
    ],
)
def test_parse_persons_after_honorific(extract_text, text: str, expected: list[tuple[str, str | None]]) -> None:
    records = extract_text(text)
    assert [(p.name, p.rank) for p in records.persons] == expected


# --- after a chain of posts -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Bí thư Tỉnh ủy Đỗ Trọng Hưng và các đại biểu dự hội nghị.",
            {"Đỗ Trọng Hưng": ["Bí thư Tỉnh ủy"]},
            id="dev-07-bi-thu",
        ),
        pytest.param(
            "Chủ tịch UBND tỉnh Đỗ Minh Tuấn phát biểu khai mạc.",
            {"Đỗ Minh Tuấn": ["Chủ tịch UBND tỉnh"]},
            id="dev-07-chu-tich",
        ),
        pytest.param(
            "Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Bí thư Đảng ủy Quân sự tỉnh Nguyễn Đình Trung tham dự và chỉ đạo "
            "hội nghị.",
            {
                "Nguyễn Đình Trung": [
                    "Ủy viên Trung ương Đảng",
                    "Bí thư Tỉnh ủy",
                    "Bí thư Đảng ủy Quân sự tỉnh",
                ]
            },
            id="001-three-posts",
        ),
        pytest.param(
            "(Baohatinh.vn) - Cùng dự về phía tỉnh Hà Tĩnh có Bí thư Tỉnh ủy Nguyễn Duy Lâm và Chủ tịch UBND tỉnh "
            "Võ Trọng Hải.",
            {"Nguyễn Duy Lâm": ["Bí thư Tỉnh ủy Hà Tĩnh"], "Võ Trọng Hải": ["Chủ tịch UBND tỉnh Hà Tĩnh"]},
            id="dev-37-two-persons",
        ),
        pytest.param(
            "Thứ trưởng Bộ Công an Nguyễn Văn Thành mong muốn tân Giám đốc Công an tỉnh Thanh Hóa khắc phục mọi khó khăn, "
            "nêu cao tinh thần trách nhiệm, tăng cường đoàn kết, thống nhất.",
            {"Nguyễn Văn Thành": ["Thứ trưởng Bộ Công an"]},
            id="dev-33-national-body",
        ),
    ],
)
def test_parse_persons_after_posts(extract_text, canon, text: str, expected: dict[str, list[str]]) -> None:
    records = extract_text(text)
    assert {p.name: canon([post.text for post in p.posts]) for p in records.persons} == {
        name: canon(posts) for name, posts in expected.items()
    }
    assert all(p.rank is None for p in records.persons)


# --- apposition lists -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            SEED_000_DELEGATION,
            [
                ("Trần Ngọc Minh", "Thiếu tướng"),
                ("Phạm Anh Tuấn", "Thiếu tướng"),
                ("Trần Hữu Nhân", "Đại tá"),
                ("Nguyễn Thanh Tâm", "Đại tá"),
            ],
            id="000-ranks",
        ),
        pytest.param(
            SEED_000_HOSTS,
            [("Y Thanh Hà Niê Kđăm", None), ("Đặng Hồng Sỹ", None), ("Lưu Văn Trung", None), ("Hồ Văn Mười", None)],
            id="000-names",
        ),
        pytest.param(
            "Dự hội nghị có các đồng chí: Đỗ Trọng Hưng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; "
            "Đỗ Minh Tuấn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; Thiếu tướng Phùng Quốc Tuấn, Phó Chính ủy Bộ đội "
            "Biên phòng Việt Nam; các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy; các đồng chí lãnh đạo tỉnh.",
            [("Đỗ Trọng Hưng", None), ("Đỗ Minh Tuấn", None), ("Phùng Quốc Tuấn", "Thiếu tướng")],
            id="dev-07-mixed",
        ),
        pytest.param(
            "Về lãnh đạo tỉnh Đồng Nai, tham dự hội nghị có các đồng chí: Quản Minh Cường - Phó Bí thư Tỉnh ủy, "
            "Trưởng Đoàn Đại biểu Quốc hội tỉnh; Võ Tấn Đức - UVTV, Quyền Chủ tịch UBND tỉnh; Đào Văn Phước - UVTV, "
            "Trưởng Ban Tổ chức Tỉnh ủy.",
            [("Quản Minh Cường", None), ("Võ Tấn Đức", None), ("Đào Văn Phước", None)],
            id="dev-20-dashes",
        ),
        pytest.param(
            "Dự hội nghị có Trung tướng Lê Đức Thái, Ủy viên Trung ương Đảng, Ủy viên Quân ủy Trung ương, Tư lệnh "
            "BĐBP; Thiếu tướng Hoàng Hữu Chiến, Phó Tư lệnh, Tham mưu trưởng BĐBP và các đồng chí trong Ban Thường "
            "vụ Đảng ủy, Thủ trưởng Bộ Tư lệnh, Thủ trưởng Bộ Tham mưu, các Cục...",
            [("Lê Đức Thái", "Trung tướng"), ("Hoàng Hữu Chiến", "Thiếu tướng")],
            id="dev-13",
        ),
    ],
)
def test_parse_persons_apposition_list(extract_text, text: str, expected: list[tuple[str, str | None]]) -> None:
    records = extract_text(text)
    assert [(p.name, p.rank) for p in records.persons] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Dự hội nghị có các đồng chí: Đỗ Trọng Hưng, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh; "
            "Đỗ Minh Tuấn, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; Thiếu tướng Phùng Quốc Tuấn, Phó Chính ủy Bộ đội "
            "Biên phòng Việt Nam; các đồng chí Ủy viên Ban Thường vụ Tỉnh ủy.",
            [("Đỗ Trọng Hưng", "honorific"), ("Đỗ Minh Tuấn", "apposition"), ("Phùng Quốc Tuấn", "rank")],
            id="dev-07",
        ),
        pytest.param(
            "Chủ tịch UBND tỉnh Đỗ Minh Tuấn phát biểu khai mạc.",
            [("Đỗ Minh Tuấn", "title")],
            id="dev-07-title",
        ),
        pytest.param(
            "Ông Nguyễn Văn Quyết phát biểu tại Đại hội đại biểu lần thứ I (Ảnh: H.M.).",
            [("Nguyễn Văn Quyết", "honorific")],
            id="dev-04-byline-initials",
        ),
        pytest.param(
            "Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith phát biểu tại buổi làm việc.",
            [("Thongloun Sisoulith", "title")],
            id="dev-37-foreign",
        ),
    ],
)
def test_parse_persons_cue(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(p.name, p.cue) for p in parse(text).persons] == expected


# --- ethnic-minority and foreign names --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "rank", "posts"),
    [
        pytest.param(
            "Đồng chí Y Thanh Hà Niê Kđăm, Bí thư Tỉnh ủy Lâm Đồng phát biểu tại hội nghị.",
            "Y Thanh Hà Niê Kđăm",
            None,
            ["Bí thư Tỉnh ủy Lâm Đồng"],
            id="000-ede",
        ),
        pytest.param(
            "Thay mặt lãnh đạo tỉnh Lâm Đồng, đồng chí Y Thanh Hà Niê Kđăm, Uỷ viên Trung ương Đảng, Bí thư Tỉnh ủy "
            "Lâm Đồng trân trọng cảm ơn Đảng ủy, Bộ Tư lệnh Quân khu 7.",
            "Y Thanh Hà Niê Kđăm",
            None,
            ["Ủy viên Trung ương Đảng", "Bí thư Tỉnh ủy Lâm Đồng"],
            id="000-ede-old-tone-marks",
        ),
        pytest.param(
            "Đại tá Thào A Pinh, Chính ủy Bộ Chỉ huy Quân sự tỉnh tặng Giấy khen cho các tập thể. (Ảnh: TTXVN phát)\n"
            "Dịp này, Bộ Chỉ huy Quân sự tỉnh Lai Châu tặng Giấy khen cho 7 tập thể, 15 cá nhân có thành tích xuất sắc.",
            "Thào A Pinh",
            "Đại tá",
            ["Chính ủy Bộ Chỉ huy Quân sự tỉnh Lai Châu"],
            id="003-hmong",
        ),
    ],
)
def test_parse_persons_ethnic_minority_names(
    extract_text, canon, text: str, name: str, rank: str | None, posts: list[str]
) -> None:
    records = extract_text(text)
    assert [(p.name, p.rank) for p in records.persons] == [(name, rank)]
    assert canon([post.text for post in records.persons[0].posts]) == canon(posts)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            DEV_37_CHAIRS,
            [("Thongloun Sisoulith", None), ("Nguyễn Chí Dũng", None), ("Hà Thọ Bình", "Trung tướng")],
            id="dev-37-caption",
        ),
        pytest.param(
            "Phát biểu với cán bộ, chiến sỹ Quân khu 4, Tổng Bí thư, Chủ tịch nước Lào Thongloun Sisoulith bày tỏ cảm ơn "
            "chân thành và sâu sắc đối với sự đóng góp to lớn của Đảng, Nhà nước, quân đội và nhân dân Việt Nam.",
            [("Thongloun Sisoulith", None)],
            id="dev-37-speech",
        ),
    ],
)
def test_parse_persons_foreign_names(extract_text, text: str, expected: list[tuple[str, str | None]]) -> None:
    records = extract_text(text)
    assert [(p.name, p.rank) for p in records.persons] == expected


def test_parse_persons_foreign_name_posts(extract_text, canon) -> None:
    records = extract_text(DEV_37_CHAIRS)
    posts = {p.name: canon([post.text for post in p.posts]) for p in records.persons}
    assert canon(["Chủ tịch nước Lào"])[0] in posts["Thongloun Sisoulith"]
    assert posts["Nguyễn Chí Dũng"] == canon(["Phó Thủ tướng Chính phủ Việt Nam"])
    assert posts["Hà Thọ Bình"] == canon(["Tư lệnh Quân khu 4"])


# --- not persons ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Đại tá Nguyễn Tài Tình, Phó Chỉ huy Trưởng Bộ Chỉ huy Quân sự tỉnh Quảng Trị công bố quyết định về việc "
            "tổ chức lại Ban Chỉ huy Quân sự xã, phường, đặc khu (Ảnh: Xuân Diện).",
            ["Nguyễn Tài Tình"],
            id="dev-01-photo-credit",
        ),
        pytest.param(
            "Bộ Chỉ huy Quân sự tỉnh Quảng Trị trao Quyết định và tặng hoa chúc mừng các cán bộ được điều động, bổ "
            "nhiệm (Ảnh: Xuân Diện).",
            [],
            id="dev-01-photo-credit-alone",
        ),
        pytest.param(
            "Ông Nguyễn Văn Quyết phát biểu tại Đại hội đại biểu lần thứ I (Ảnh: H.M.).",
            ["Nguyễn Văn Quyết"],
            id="dev-04-initials",
        ),
        pytest.param(
            "Bí thư Tỉnh ủy Nguyễn Đình Trung đề nghị Ban Thường vụ cấp huyện phối hợp lãnh đạo, chỉ đạo thực hiện tốt "
            "chức năng quản lý nhà nước về quốc phòng.\n\nQuỳnh Anh",
            ["Nguyễn Đình Trung"],
            id="001-byline",
        ),
        pytest.param(
            "Thiếu tướng Phạm Thế Tùng mong rằng, với chức năng nhiệm vụ, Bộ Tư lệnh Cảnh vệ sẽ hỗ trợ cho Công an "
            "Nghệ An về nghiệp vụ công tác cảnh vệ.\n\nN.A",
            ["Phạm Thế Tùng"],
            id="dev-10-byline-initials",
        ),
        pytest.param(
            "Đại tướng Phan Văn Giang trao quyết định và tặng hoa chúc mừng Trung tướng Lê Xuân Thế, Tư lệnh Quân khu 7. "
            "Ảnh: QK7",
            ["Phan Văn Giang", "Lê Xuân Thế"],
            id="dev-29-photo-credit",
        ),
        pytest.param(
            "Đại tá Thào A Pinh, Chính ủy Bộ Chỉ huy Quân sự tỉnh tặng Giấy khen cho các tập thể. (Ảnh: TTXVN phát)",
            ["Thào A Pinh"],
            id="003-agency-credit",
        ),
    ],
)
def test_parse_persons_not_bylines(extract_text, text: str, expected: list[str]) -> None:
    assert [p.name for p in extract_text(text).persons] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "“Cần tập trung thực hiện tốt công tác tuyên giáo, dân vận, tổ chức xây dựng Đảng, nội chính và văn phòng, "
            "tạo sự đồng thuận cao trong nhân dân,” Thiếu tướng nhấn mạnh.",
            [],
            id="002-bare-rank",
        ),
        pytest.param(
            "Trong đó, Quân khu 7 có hai sỹ quan cấp cao được thăng quân hàm từ Thiếu tướng lên Trung tướng gồm: "
            "Thiếu tướng Lê Xuân Thế, Tư lệnh Quân khu 7 và Thiếu tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy "
            "Quân khu 7.",
            ["Lê Xuân Thế", "Trần Vinh Ngọc"],
            id="dev-29-ranks-named",
        ),
        pytest.param(
            "Tại hội nghị, Thiếu tướng Trần Văn Bừng, Phó Bí thư Đảng ủy Cục Chính trị, Chủ nhiệm Chính trị BĐBP đã công "
            "bố quyết định của Bộ trưởng Bộ Quốc phòng về việc thăng quân hàm Đại tá cho các sĩ quan thuộc BĐBP. Trong "
            "đợt thăng quân hàm Đại tá năm nay có 2 đồng chí là nữ giảng viên của Học viện Biên phòng.",
            ["Trần Văn Bừng"],
            id="dev-13-rank-as-noun",
        ),
        pytest.param(
            "Đồng chí khẳng định sẽ tiếp tục tu dưỡng, rèn luyện, đề cao trách nhiệm nêu gương của cán bộ, đảng viên.",
            [],
            id="dev-13-bare-honorific",
        ),
        pytest.param(
            "Đồng chí Chính ủy Quân khu đề nghị Thường trực Tỉnh ủy Lâm Đồng sớm ban hành hướng dẫn cụ thể.",
            [],
            id="000-honorific-title",
        ),
        pytest.param(
            "Thông tin tại hội nghị, đồng chí Bí thư Tỉnh ủy cho biết, năm 2025, dưới sự lãnh đạo, chỉ đạo quyết liệt "
            "của cấp ủy, chính quyền các cấp.",
            [],
            id="000-honorific-post",
        ),
    ],
)
def test_parse_persons_not_bare_ranks_or_titles(extract_text, text: str, expected: list[str]) -> None:
    assert [p.name for p in extract_text(text).persons] == expected
