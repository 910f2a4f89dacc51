"""From a short article to its facts document (``shared/facts-format.md``): what
the gold file data/annotations/dev-29.json records for these sentences of
data/raw/dev-29.txt.
"""

from __future__ import annotations

from qpgraph.facts import to_facts
from qpgraph.records import Facts

DEV_29 = (
    "Tư lệnh và Chính ủy Quân khu 7 được thăng quân hàm Trung tướng 19/12/2025 21:55\n\n"
    "Chiều ngày 19-12, tại Hà Nội, Bộ Quốc phòng tổ chức lễ công bố, trao quyết định về công tác cán bộ. Đại tướng Phan "
    "Văn Giang, Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ Quốc phòng dự và chủ trì buổi lễ.\n\n"
    "Trong đó, Quân khu 7 có hai sỹ quan cấp cao được thăng quân hàm từ Thiếu tướng lên Trung tướng gồm: Thiếu tướng Lê "
    "Xuân Thế, Tư lệnh Quân khu 7 và Thiếu tướng Trần Vinh Ngọc, Bí thư Đảng ủy, Chính ủy Quân khu 7."
)


def test_pipeline_facts_of_an_article(extract_text, check_facts) -> None:
    facts = to_facts(extract_text(DEV_29, published="2025-12-19", article_id="dev-29"))
    assert (facts.article, facts.date) == ("dev-29", "2025-12-19")
    assert [(p.name, p.rank) for p in facts.persons] == [
        ("Phan Văn Giang", "Đại tướng"),
        ("Lê Xuân Thế", "Trung tướng"),
        ("Trần Vinh Ngọc", "Trung tướng"),
    ]
    posts = {p.name: p.posts for p in facts.persons}
    check_facts(posts["Phan Văn Giang"], ["Ủy viên Bộ Chính trị", "Phó Bí thư Quân ủy Trung ương", "Bộ trưởng Bộ Quốc phòng"])
    check_facts(posts["Lê Xuân Thế"], ["Tư lệnh Quân khu 7"])
    check_facts(posts["Trần Vinh Ngọc"], ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"])
    check_facts(facts.units, ["Bộ Quốc phòng", "Bộ Chính trị", "Quân ủy Trung ương", "Quân khu 7", "Đảng ủy Quân khu 7"])
    assert facts.provinces == ["Hà Nội"]
    [event] = facts.events
    assert (event.kind, event.date) == ("ceremony", "2025-12-19")
    assert sorted(event.participants) == sorted(["Phan Văn Giang", "Lê Xuân Thế", "Trần Vinh Ngọc"])


def test_pipeline_facts_round_trip(extract_text) -> None:
    facts = to_facts(extract_text(DEV_29, published="2025-12-19", article_id="dev-29"))
    assert Facts.model_validate_json(facts.model_dump_json()) == facts


def test_pipeline_facts_of_an_empty_article(extract_text) -> None:
    facts = to_facts(extract_text("", article_id="empty"))
    assert facts == Facts(article="empty")
