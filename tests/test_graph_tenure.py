"""Tenures, succession and who holds a post on a date, on data/raw and the fixtures; and
the graph's answers scored against data/annotations."""

from __future__ import annotations

from pathlib import Path

import pytest

import qpgraph
from qpgraph.evaluate.graph import score_graph
from qpgraph.evaluate.score import load_facts_dir
from qpgraph.extract.pipeline import extract
from qpgraph.graph.judgements import read_judgements
from qpgraph.graph.knowledge import KnowledgeGraph
from qpgraph.ingest import prepare
from qpgraph.records import Article, ArticleRecords

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
JUDGEMENTS = ROOT / "data" / "judgements.yaml"


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return qpgraph.build_graph([ROOT / "data" / "raw"], judgements=JUDGEMENTS)


def _tenures(kg: KnowledgeGraph, unit: str, title: str) -> list[tuple]:
    return [(t.name, t.first, t.last, t.status, t.ended, t.ended_on, t.successor) for t in kg.succession(unit, title)]


def test_tenure_handed_over_in_one_article(kg: KnowledgeGraph) -> None:
    # dev-23: "Đại tá Huỳnh Việt Trung, Chính ủy Bộ Chỉ huy Quân sự tỉnh bàn giao chức vụ cho
    # Đại tá Võ Văn Phương, Phó Chính ủy": held up to that day, and ended then.
    [tenure] = kg.succession("Bộ Chỉ huy Quân sự tỉnh Hậu Giang", "Chính ủy")
    assert (tenure.name, tenure.first, tenure.last, tenure.status, tenure.ended, tenure.ended_on) == (
        "Huỳnh Việt Trung", "2024-10-18", "2024-10-18", "ended", "handed over", "2024-10-18")
    assert "bàn giao chức vụ cho Đại tá Võ Văn Phương" in (tenure.end_evidence[0].sentence_text or "")
    assert kg.leaders("Bộ Chỉ huy Quân sự tỉnh Hậu Giang") == []


def test_tenure_the_handover_verbs_decide_outgoing_and_incoming(kg: KnowledgeGraph) -> None:
    # b2-37 (2024-06-01) hands the General Political Department from Lương Cường to Trịnh
    # Văn Quyết; Ngô Xuân Lịch is printed as its head only in undated articles.
    assert _tenures(kg, "Tổng cục Chính trị", "Chủ nhiệm") == [
        ("Ngô Xuân Lịch", None, None, "unknown", None, None, None),
        # Held up to the handover that ends it.
        ("Lương Cường", "2020-10-16", "2024-06-01", "ended", "replaced", "2024-06-01", "person:trịnh-văn-quyết"),
        ("Trịnh Văn Quyết", "2024-06-01", "2025-08-15", "current", None, None, None),
    ]
    incoming = kg.succession("Tổng cục Chính trị", "Chủ nhiệm")[-1]
    assert (incoming.since, incoming.appointment.article if incoming.appointment else None) == ("2024-06-01", "b2-37")
    assert [(h.name, h.since, h.status) for h in kg.leaders("Tổng cục Chính trị")] == [
        ("Trịnh Văn Quyết", "2024-06-01", "current")
    ]


def test_tenure_of_a_single_title_that_does_not_head_the_body(kg: KnowledgeGraph) -> None:
    # "Chủ nhiệm Chính trị Quân khu 7": Hoàng Đình Chung in 2024 and 2025, Phạm Anh Tuấn
    # on 2025-12-30: one holder at a time.
    assert _tenures(kg, "Quân khu 7", "Chủ nhiệm Chính trị") == [
        ("Hoàng Đình Chung", "2024-04-24", "2025-04-09", "ended", "succeeded", "2025-12-30", "person:phạm-anh-tuấn"),
        ("Phạm Anh Tuấn", "2025-12-30", "2025-12-30", "current", None, None, None),
    ]
    now = [h.name for h in kg.holders("Quân khu 7") if h.title.lower() == "chủ nhiệm chính trị"]
    assert now == ["Phạm Anh Tuấn"]


def test_tenure_a_deputy_promoted_in_the_same_body_and_deputies_never_handed_over(kg: KnowledgeGraph) -> None:
    # Lê Xuân Thế, Phó Tư lệnh Quân khu 7 in 2023 (b2-33), Tư lệnh in 2025 (b2-38): promoted.
    # Trần Ngọc Minh, Phó Tư lệnh from 2025-08-10: many deputies at a time, still current.
    assert _tenures(kg, "Quân khu 7", "Phó Tư lệnh") == [
        ("Lê Xuân Thế", "2023-11-20", "2023-11-20", "ended", "promoted", "2025-08-15", None),
        ("Trần Ngọc Minh", "2025-08-10", "2025-12-30", "current", None, None, None),
    ]


def test_holders_on_a_date_answer_from_tenures_and_undated_reports_never_lead(kg: KnowledgeGraph) -> None:
    # Tư lệnh Quân khu 7: Trần Đơn only in an undated article (b2-27), Nguyễn Trường Thắng
    # on 2024-04-24, Lê Xuân Thế from 2025-08-15 (and in the undated b2-02).
    assert _tenures(kg, "Quân khu 7", "Tư lệnh") == [
        ("Trần Đơn", None, None, "unknown", None, None, None),
        ("Nguyễn Trường Thắng", "2024-04-24", "2024-04-24", "ended", "succeeded", "2025-08-15", "person:lê-xuân-thế"),
        ("Lê Xuân Thế", "2025-08-15", "2025-12-19", "current", None, None, None),
    ]
    at = {day: [(h.title, h.name, h.status) for h in kg.leaders("Quân khu 7", on=day)]
          for day in ("2024-01-01", "2025-01-01", "2025-09")}
    assert at == {
        "2024-01-01": [],  # nothing dated is known yet: the undated Trần Đơn is not "on or before"
        "2025-01-01": [("Tư lệnh", "Nguyễn Trường Thắng", "current")],
        "2025-09": [("Tư lệnh", "Lê Xuân Thế", "current"), ("Chính ủy", "Trần Vinh Ngọc", "current")],
    }


def test_tenure_printed_held_then_appointed_in_one_article_is_not_left(kg: KnowledgeGraph) -> None:
    # b2-42: "Đại tá Lê Xuân Minh, 44 tuổi, tân Giám đốc Công an Hòa Bình", then "được bổ
    # nhiệm làm Giám đốc Công an tỉnh Hòa Bình": his own appointment does not end his post.
    [tenure] = kg.succession("Công an tỉnh Hòa Bình", "Giám đốc")
    assert (tenure.name, tenure.status, tenure.since, tenure.ended) == ("Lê Xuân Minh", "current", "2020-05", None)
    assert "được bổ nhiệm làm Giám đốc Công an tỉnh Hòa Bình" in (tenure.appointment.sentence_text or "")


def _record(aid: str, text: str) -> ArticleRecords:
    return extract(prepare(Article(id=aid, path=f"{aid}.txt", text=text, published="2025-03-06")))


def test_tenure_two_holders_on_one_day_are_unknown_unless_one_is_appointed() -> None:
    held = _record("a", "Sáng 5/3, Đại tá Nguyễn Văn An, Chính ủy Sư đoàn 9, làm việc với Thượng tá Lê Văn Bình, "
                        "Phó Chính ủy Sư đoàn 9.")
    also = _record("b", "Sáng 5/3, Đại tá Trần Văn Cường, Chính ủy Sư đoàn 9, dự hội nghị tổng kết.")
    appointed = _record("c", "Sáng 5/3, Sư đoàn 9 tổ chức hội nghị công bố quyết định bổ nhiệm Đại tá Trần Văn Cường "
                             "giữ chức Chính ủy Sư đoàn 9.")
    tie = KnowledgeGraph.from_records([held, also])
    note = "2 holders last reported on 2025-03-05; the articles do not say who handed to whom"
    assert [(t.name, t.status, t.note) for t in tie.succession("Sư đoàn 9", "Chính ủy")] == [
        ("Nguyễn Văn An", "unknown", note), ("Trần Văn Cường", "unknown", note)
    ]
    assert [(h.name, h.status) for h in tie.leaders("Sư đoàn 9")] == [("Nguyễn Văn An", "unknown"), ("Trần Văn Cường", "unknown")]
    decided = KnowledgeGraph.from_records([held, appointed])
    assert [(t.name, t.status, t.successor) for t in decided.succession("Sư đoàn 9", "Chính ủy")] == [
        ("Nguyễn Văn An", "ended", "person:trần-văn-cường"), ("Trần Văn Cường", "current", None)
    ]


def test_one_career_over_five_years_is_one_node() -> None:
    # tests/fixtures/career: a province's military command (Đại tá, 2021), a military region
    # (Thiếu tướng, 2023), the Ministry of Defence (Trung tướng, 2025), one undated article.
    kg = qpgraph.build_graph([FIXTURES / "career", FIXTURES / "same_name"])
    [node] = kg.find("Đặng Quốc Hưng")
    assert kg.graph.nodes[node.id]["merge"]["articles"] == ["cr-1", "cr-2", "cr-3", "cr-4"]
    assert [(r.rank, r.date) for r in kg.rank_history(node.id)] == [
        ("Thiếu tướng", None), ("Đại tá", "2021-03-09"), ("Thiếu tướng", "2023-06-14"), ("Trung tướng", "2025-11-19")
    ]
    assert kg.graph.nodes[node.id]["rank"] == "Trung tướng"
    assert [p.post for p in kg.posts(node.id)] == [
        "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh Long An", "Phó Tư lệnh Quân khu 9", "Thứ trưởng Bộ Quốc phòng"
    ]
    # The same name in two provinces and two forces, the same year: two nodes.
    assert [n.id for n in kg.find("Nguyễn Văn Hùng")] == ["person:nguyễn-văn-hùng", "person:nguyễn-văn-hùng~sn-b"]


def test_part_of_across_levels_comes_from_the_institutions_data(kg: KnowledgeGraph) -> None:
    g = kg.graph

    def parents(unit: str) -> set[tuple[str, str | None]]:
        return {(v, d.get("dataset")) for _, v, d in g.out_edges(unit, data=True) if d["relation"] == "part_of"}

    assert parents("unit:bộ-chỉ-huy-quân-sự--lâm-đồng") == {("unit:quân-khu-7", "institutions")}
    assert parents("unit:quân-khu-7") == {("unit:bộ-quốc-phòng", "institutions")}
    assert parents("unit:bộ-quốc-phòng") == {("unit:chính-phủ", "institutions")}
    assert parents("unit:công-an--nghệ-an") == {("unit:bộ-công-an", "institutions")}
    assert parents("unit:tỉnh-ủy--lâm-đồng") == {("unit:ban-chấp-hành-trung-ương-đảng", "institutions")}
    # One edge per article that names the unit or a body under it, dated with the article:
    # nine articles name Quân khu 7; b2-03 names only bodies under it.
    edges = sorted((d["article"], d["date"]) for _, v, d in g.out_edges("unit:quân-khu-7", data=True)
                   if d["relation"] == "part_of")
    assert len(edges) == 10 and ("b2-03", "2026-01-14") in edges and "b2-03" not in g.nodes["unit:quân-khu-7"]["articles"]
    institutions_only = sorted(n for n, d in g.nodes(data=True) if d["type"] == "unit" and not d["articles"])
    assert [(n, g.nodes[n]["institution"]) for n in institutions_only] == [
        ("unit:ủy-ban-trung-ương-mặt-trận-tổ-quốc-việt-nam", "front")
    ]


def test_graph_answers_agree_with_the_gold(kg: KnowledgeGraph) -> None:
    # Every person printed in two or more articles is one node, with the rank of the latest
    # dated article; every heading or single title the gold gives a holder is answered by
    # leaders()/holders() and succession() as the gold says, or not at all where extraction
    # missed the post (b2-30 gives Võ Ngọc Thành, "Phó Chủ tịch UBND tỉnh", the votes that
    # elect him "Chủ tịch UBND tỉnh Gia Lai" in a later sentence).
    score = score_graph(kg, load_facts_dir(ROOT / "data" / "annotations"), read_judgements(JUDGEMENTS))
    assert (score.persons, score.one_node, score.split, score.wrong_merges, score.unextracted) == (31, 31, 0, 0, 0)
    assert (score.rank_right, score.rank_wrong) == (22, 0)
    assert (score.leaders_right, score.leaders_wrong, score.leaders_missing) == (131, 0, 1)
    assert (score.succession_right, score.succession_wrong) == (132, 0)
    assert score.problems == ["leaders missing: UBND tỉnh Gia Lai, chủ tịch: expected ['võ ngọc thành']"]


def test_tenures_table_has_a_row_per_tenure(kg: KnowledgeGraph, tmp_path: Path) -> None:
    from qpgraph.export import write_tenures

    write_tenures(kg.graph, tmp_path / "tenures.csv")
    lines = (tmp_path / "tenures.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "unit,unit_name,title,person,name,first,last,since,status,ended,ended_on,successor,note,articles"
    assert [line for line in lines if line.startswith("unit:quân-khu-7,Quân khu 7,Tư lệnh,")] == [
        "unit:quân-khu-7,Quân khu 7,Tư lệnh,person:trần-đơn,Trần Đơn,,,,unknown,,,,reported only in undated articles,b2-27",
        "unit:quân-khu-7,Quân khu 7,Tư lệnh,person:nguyễn-trường-thắng,Nguyễn Trường Thắng,2024-04-24,2024-04-24,,ended,"
        "succeeded,2025-08-15,person:lê-xuân-thế,,dev-20",
        "unit:quân-khu-7,Quân khu 7,Tư lệnh,person:lê-xuân-thế,Lê Xuân Thế,2025-08-15,2025-12-19,,current,,,,,"
        "b2-02 b2-38 dev-29",
    ]
    assert ("unit:bộ-chỉ-huy-quân-sự--hậu-giang,Bộ Chỉ huy Quân sự tỉnh Hậu Giang,Chính ủy,person:huỳnh-việt-trung,"
            "Huỳnh Việt Trung,2024-10-18,2024-10-18,,ended,handed over,2024-10-18,,,dev-23") in lines
    assert len(lines) == 1 + sum(len(kg.succession(u, t)) for u, t in {
        (v, d["title"].lower()) for _, v, d in kg.graph.edges(data=True) if d["relation"] == "holds"})


def test_tenure_a_holder_known_only_from_handing_over_succeeds_the_one_before() -> None:
    # An officer reported only when he hands the post over (2025) held it after the one
    # reported in 2024: the first tenure ended by then, the second ended that day.
    before = _record("a", "Sáng 5/3, Đại tá Nguyễn Văn An, Chính ủy Sư đoàn 9, dự hội nghị tổng kết.")
    handed = extract(prepare(Article(
        id="b", path="b.txt", published="2025-06-11",
        text="Ngày 10/6, Sư đoàn 9 tổ chức Hội nghị bàn giao chức vụ Chính ủy Sư đoàn.\nTại Hội nghị, Đại tá Trần "
             "Văn Cường, Chính ủy Sư đoàn 9 bàn giao chức vụ cho Đại tá Lê Văn Bình, Phó Chính ủy.")))
    kg = KnowledgeGraph.from_records([before, handed])
    assert [(t.name, t.first, t.last, t.status, t.ended, t.ended_on) for t in kg.succession("Sư đoàn 9", "Chính ủy")] == [
        ("Nguyễn Văn An", "2025-03-05", "2025-03-05", "ended", "succeeded", "2025-06-10"),
        ("Trần Văn Cường", "2025-06-10", "2025-06-10", "ended", "handed over", "2025-06-10"),
    ]
