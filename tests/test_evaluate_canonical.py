"""The canonical form of the facts format (steps 1-3 of "How two documents are compared")."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from qpgraph.errors import VocabularyError
from qpgraph.evaluate.abbreviations import abbreviation_table, load_abbreviations
from qpgraph.evaluate.canonical import canonical, canonical_province

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.mark.parametrize(
    ("article", "printed", "expected"),
    [
        ("003_3cb9e48bb7875873", "Tham mưu Trưởng Quân khu II", "tham mưu trưởng quân khu 2"),
        ("000_90873ee1c2f566b3", "Phó Bí thư thường trực Tỉnh ủy", "phó bí thư thường trực tỉnh ủy"),
        ("000_90873ee1c2f566b3", "Ban Thường vụ Tỉnh uỷ", "ban thường vụ tỉnh ủy"),
        ("000_90873ee1c2f566b3", "Uỷ viên Trung ương Đảng", "ủy viên trung ương đảng"),
        ("000_90873ee1c2f566b3", "đồng chí Chính uỷ", "đồng chí chính ủy"),
        ("004_d8530aca4ce47485", "Hồ Văn Niên-Ủy viên", "hồ văn niên-ủy viên"),
        ("000_90873ee1c2f566b3", "kinh tế – xã hội", "kinh tế-xã hội"),
        ("000_90873ee1c2f566b3", "kinh tế - xã hội", "kinh tế-xã hội"),
        ("000_90873ee1c2f566b3", "Chủ tịch UBND tỉnh", "chủ tịch ủy ban nhân dân tỉnh"),
        ("004_d8530aca4ce47485", "Chủ tịch HĐND tỉnh", "chủ tịch hội đồng nhân dân tỉnh"),
        ("000_90873ee1c2f566b3", "Bộ CHQS tỉnh", "bộ chỉ huy quân sự tỉnh"),
        ("000_90873ee1c2f566b3", "LLVT tỉnh Lâm Đồng", "lực lượng vũ trang tỉnh lâm đồng"),
        ("000_90873ee1c2f566b3", "(QK7 Online)", "quân khu 7 online"),
        ("002_89c7204c73c9a37e", "Thành ủy TP.HCM", "thành ủy thành phố hồ chí minh"),
        ("004_d8530aca4ce47485", "Nghị quyết Trung ương 8 (khóa XI)", "nghị quyết trung ương 8 (khóa 11"),
        ("dev-01", "Bộ Chỉ huy Quân sự tỉnh Quảng Trị", "bộ chỉ huy quân sự tỉnh quảng trị"),
    ],
)
def test_canonical_real_strings(article: str, printed: str, expected: str) -> None:
    assert printed in (RAW / f"{article}.txt").read_text(encoding="utf-8")
    assert canonical(printed) == expected


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Tỉnh uỷ Lâm Đồng", "Tỉnh ủy Lâm Đồng"),
        ("Khánh Hoà", "Khánh Hòa"),
        ("THUỶ QUÂN", "thủy quân"),
        (unicodedata.normalize("NFD", "Đắk Lắk"), "Đắk Lắk"),
        ("Quân khu II", "Quân khu 2"),
        ("QK 7", "Quân khu 7"),
        ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
        ("Ủy viên BCH TW Đảng", "Ủy viên BCH Trung ương Đảng"),
        ("Ủy viên BCH T.Ư Đảng", "Ủy viên BCH TƯ Đảng"),
        ("Báo QĐND", "Báo Quân đội nhân dân"),
        ("Ủy ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
        ("Hồ Văn Niên - Ủy viên", "Hồ Văn Niên—Ủy viên"),
        ("  Bí thư\u00a0 Tỉnh ủy\n", "Bí thư Tỉnh ủy"),
        ("“Xuân chiến sĩ”.", "xuân chiến sĩ"),
    ],
)
def test_canonical_equal_forms(a: str, b: str) -> None:
    assert canonical(a) == canonical(b)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("ubnd tỉnh", "ubnd tỉnh"),  # not printed in capitals
        ("Ubnd tỉnh", "ubnd tỉnh"),
        ("UBNDX", "ubndx"),  # not a whole word
        ("TPHCM", "thành phố hồ chí minh"),
        ("TPHCMX", "tphcmx"),  # not a whole word
        ("TP Hồ Chí Minh", "thành phố hồ chí minh"),
        ("TP. Hồ Chí Minh", "thành phố hồ chí minh"),
        ("BỘ TƯ LỆNH QUÂN KHU 7", "bộ tư lệnh quân khu 7"),  # an ordinary word in a line of capitals
        ("Ủy viên BCH TƯ Đảng", "ủy viên ban chấp hành trung ương đảng"),
        ("Ủy viên BTV Đảng ủy", "ủy viên ban thường vụ đảng ủy"),
        ("Bí thư ĐUQS tỉnh", "bí thư đảng ủy quân sự tỉnh"),
        ("Chủ nhiệm UBKT Tỉnh ủy", "chủ nhiệm ủy ban kiểm tra tỉnh ủy"),
        ("Bộ Tư lệnh CSB", "bộ tư lệnh cảnh sát biển"),
        ("Bộ Chỉ huy BĐBP tỉnh", "bộ chỉ huy bộ đội biên phòng tỉnh"),
        ("Học viện CAND", "học viện công an nhân dân"),
        ("Quân đoàn IV", "quân đoàn 4"),
        ("Ban Chấp hành Trung ương Đảng khoá XIII", "ban chấp hành trung ương đảng khóa 13"),
        ("Quân khu IX", "quân khu 9"),
        ("Quân khu 7", "quân khu 7"),
        ("Quân khu IIII", "quân khu iiii"),  # not a Roman numeral
        ("Tiểu đoàn II", "tiểu đoàn ii"),  # not after quân khu / quân đoàn / khóa
        ("quý", "quý"),  # tone mark stays after q
        ("- Đồng chí Hồ Văn Mười.", "đồng chí hồ văn mười"),
        ("...", ""),
    ],
)
def test_canonical_rules(printed: str, expected: str) -> None:
    assert canonical(printed) == expected


@pytest.mark.parametrize(
    ("printed", "expected"),
    [
        ("TP.HCM", "hồ chí minh"),
        ("TP HCM", "hồ chí minh"),
        ("Thành phố Hồ Chí Minh", "hồ chí minh"),
        ("thành phố Hồ Chí Minh", "hồ chí minh"),
        ("tỉnh Lâm Đồng", "lâm đồng"),
        ("Tỉnh Khánh Hoà", "khánh hòa"),
        ("Lâm Đồng", "lâm đồng"),
        ("Tỉnh", "tỉnh"),
    ],
)
def test_canonical_province(printed: str, expected: str) -> None:
    assert canonical_province(printed) == expected


def test_abbreviation_table_shipped_and_cached() -> None:
    table = abbreviation_table()
    assert table is abbreviation_table()
    assert table.expansions == {
        "UBND": "ủy ban nhân dân",
        "HĐND": "hội đồng nhân dân",
        "CHQS": "chỉ huy quân sự",
        "LLVT": "lực lượng vũ trang",
        "MTTQ": "mặt trận tổ quốc",
        "QĐND": "quân đội nhân dân",
        "XHCN": "xã hội chủ nghĩa",
        "CHXHCN": "cộng hòa xã hội chủ nghĩa",
        "TP.": "thành phố",
        "TP": "thành phố",
        "QK": "quân khu",
        "TW": "trung ương",
        "TƯ": "trung ương",
        "T.Ư": "trung ương",
        "HCM": "hồ chí minh",
        "TPHCM": "thành phố hồ chí minh",
        "ĐUQS": "đảng ủy quân sự",
        "BĐBP": "bộ đội biên phòng",
        "UBKT": "ủy ban kiểm tra",
        "BCH": "ban chấp hành",
        "BTV": "ban thường vụ",
        "CSB": "cảnh sát biển",
        "CAND": "công an nhân dân",
    }
    assert table.province_prefixes == ("tỉnh", "thành phố")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("version: 1\nabbreviations:\n  - {expansion: ủy ban, forms: [ubnd]}\n", "printed in capitals"),
        ("version: 1\nabbreviations:\n  - {expansion: Ủy ban, forms: [UBND]}\n", "not in canonical form"),
        ("version: 1\nabbreviations:\n  - {expansion: uỷ ban, forms: [UBND]}\n", "not in canonical form"),
        (
            "version: 1\nabbreviations:\n  - {expansion: a, forms: [UB]}\n  - {expansion: b, forms: [UB]}\n",
            "listed twice",
        ),
        ("version: 1\nabbreviations: []\nordinary_words: [TƯ]\n", "not forms of any abbreviation"),
        ("version: 2\nabbreviations: []\n", "unsupported version"),
        ("version: 1\nabbreviations: []\nextra: 1\n", "extra"),
    ],
)
def test_load_abbreviations_rejects_bad_tables(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "abbreviations.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message) as raised:
        load_abbreviations(path)
    assert raised.value.path == str(path)


def test_load_abbreviations_names_the_line_of_a_yaml_error(tmp_path: Path) -> None:
    path = tmp_path / "abbreviations.yaml"
    path.write_text("version: 1\nabbreviations:\n  - {expansion: a, forms: [UB]\n", encoding="utf-8")
    with pytest.raises(VocabularyError, match="not valid YAML") as raised:
        load_abbreviations(path)
    assert raised.value.path == str(path)
    assert raised.value.line == 4
