"""Ranks merged over an article's mentions: after a promotion the article reports,
the rank is the new one and the old one is kept as ``rank_before``.

Sentences are copied from data/raw (dev-29 reports the promotion of Lê Xuân Thế and
Trần Vinh Ngọc; 002, eight months earlier, names Trần Vinh Ngọc a Thiếu tướng).
"""

from __future__ import annotations

import pytest
from excerpts import SEED_002_QUOTE

from qpgraph.facts import to_facts

LEDE_29 = (
    "Tư lệnh và Chính ủy Quân khu 7 được thăng quân hàm Trung tướng 19/12/2025 21:55\n\n"
    "(PLO)- Việc thăng quân hàm Trung tướng thể hiện sự ghi nhận, đánh giá cao của Đảng, Nhà nước và Quân đội đối với "
    "những cống hiến, đóng góp to lớn của Trung tướng Lê Xuân Thế và Trung tướng Trần Vinh Ngọc.\n\n"
)
PROMOTION_29 = (
    "Trong đó, Quân khu 7 có hai sỹ quan cấp cao được thăng quân hàm từ Thiếu tướng lên Trung tướng gồm: Thiếu tướng "
    "Lê Xuân Thế, Tư lệnh Quân khu 7 và Thiếu tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7.\n\n"
)
CEREMONY_29 = (
    "Tại buổi lễ, Đại tướng Phan Văn Giang đã trao quyết định, tặng hoa chúc mừng Trung tướng Lê Xuân Thế và Trung "
    "tướng Trần Vinh Ngọc."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            LEDE_29 + PROMOTION_29,
            [("Lê Xuân Thế", "Trung tướng", "Thiếu tướng"), ("Trần Vinh Ngọc", "Trung tướng", "Thiếu tướng")],
            id="dev-29-new-rank-first",
        ),
        pytest.param(
            PROMOTION_29,
            [("Lê Xuân Thế", "Trung tướng", "Thiếu tướng"), ("Trần Vinh Ngọc", "Trung tướng", "Thiếu tướng")],
            id="dev-29-promotion-sentence-alone",
        ),
        pytest.param(
            PROMOTION_29 + CEREMONY_29,
            [
                ("Lê Xuân Thế", "Trung tướng", "Thiếu tướng"),
                ("Trần Vinh Ngọc", "Trung tướng", "Thiếu tướng"),
                ("Phan Văn Giang", "Đại tướng", None),
            ],
            id="dev-29-new-rank-after",
        ),
        pytest.param(
            SEED_002_QUOTE,
            [("Trần Vinh Ngọc", "Thiếu tướng", None)],
            id="002-before-the-promotion",
        ),
        pytest.param(
            "Biên phòng - Chiều 3/8, Đảng ủy, Bộ Tư lệnh BĐBP tổ chức Hội nghị công bố và trao quyết định thăng quân hàm "
            "Đại tá năm 2022. Thiếu tướng Nguyễn Anh Tuấn, Bí thư Đảng ủy, Chính ủy BĐBP chủ trì hội nghị.\n"
            "Phát biểu tại hội nghị, Thiếu tướng Nguyễn Anh Tuấn, Bí thư Đảng ủy, Chính ủy BĐBP mong muốn các đồng chí được "
            "thăng quân hàm lần này tiếp tục phấn đấu, học tập, nâng cao bản lĩnh chính trị.",
            [("Nguyễn Anh Tuấn", "Thiếu tướng", None)],
            id="dev-13-others-promoted",
        ),
    ],
)
def test_pipeline_ranks_after_promotion(extract_text, text: str, expected: list[tuple[str, str, str | None]]) -> None:
    records = extract_text(text, published="2025-12-19")
    assert [(p.name, p.rank, p.rank_before) for p in records.persons] == expected


def test_pipeline_ranks_in_facts(extract_text) -> None:
    facts = to_facts(extract_text(LEDE_29 + PROMOTION_29 + CEREMONY_29, published="2025-12-19"))
    assert {p.name: p.rank for p in facts.persons} == {
        "Lê Xuân Thế": "Trung tướng",
        "Trần Vinh Ngọc": "Trung tướng",
        "Phan Văn Giang": "Đại tướng",
    }
