"""The notebook API on data/raw, with expected answers taken from data/annotations."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from builds import FIRST_CORPUS

import qpgraph
from qpgraph.evaluate import canonical
from qpgraph.graph.knowledge import KnowledgeGraph

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "annotations"


@pytest.fixture(scope="module")
def kg() -> KnowledgeGraph:
    return qpgraph.build_graph([*FIRST_CORPUS, ROOT / "tests" / "fixtures" / "same_name"])


def gold(article: str) -> dict:
    return json.loads((GOLD / f"{article}.json").read_text(encoding="utf-8"))


def gold_person(article: str, name: str) -> dict:
    return next(p for p in gold(article)["persons"] if p["name"] == name)


def as_set(posts: list) -> set[str]:
    return {canonical(p if isinstance(p, str) else p[0]) for p in posts}


def test_graph_find_by_printed_form_and_without_diacritics(kg: KnowledgeGraph) -> None:
    assert [n.id for n in kg.find("Trần Vinh Ngọc")] == ["person:trần-vinh-ngọc"]
    assert [n.id for n in kg.find("tran vinh ngoc")] == ["person:trần-vinh-ngọc"]
    assert [n.id for n in kg.find("Quân khu II")] == ["unit:quân-khu-2"]
    assert [n.id for n in kg.find("Bộ Chỉ huy Quân sự tỉnh Lai Châu")] == [
        "unit:bộ-chỉ-huy-quân-sự--lai-châu"
    ]


def test_graph_find_takes_parts_of_names_when_no_name_is_whole(kg: KnowledgeGraph) -> None:
    # As the site's search box: a part of a name, typed without marks.
    assert [n.id for n in kg.find("vinh ngoc")] == ["person:trần-vinh-ngọc"]
    assert [n.id for n in kg.find("vinh ngoc", partial=False)] == []
    assert [n.id for n in kg.find("quan khu 7", "unit")][:1] == ["unit:quân-khu-7"]  # the whole name first
    with pytest.raises(KeyError, match="no person named 'vinh ngoc'"):
        kg.node("vinh ngoc", "person")  # answers name one node, never a guess


def test_graph_posts_of_a_person_across_articles(kg: KnowledgeGraph) -> None:
    posts = kg.posts("Trần Vinh Ngọc")
    expected = as_set(gold_person("000_90873ee1c2f566b3", "Trần Vinh Ngọc")["posts"])
    assert expected == as_set(gold_person("dev-29", "Trần Vinh Ngọc")["posts"])
    assert {canonical(p.post) for p in posts} == expected
    chinh_uy = next(p for p in posts if p.title == "Chính ủy")
    assert (chinh_uy.unit, chinh_uy.heads, chinh_uy.date) == ("unit:quân-khu-7", True, "2025-04-09")
    assert [e.article for e in chinh_uy.evidence] == ["002_89c7204c73c9a37e", "dev-29", "000_90873ee1c2f566b3"]
    assert "Chính ủy Quân khu 7" in chinh_uy.evidence[0].sentence_text


def test_graph_rank_history_shows_the_promotion(kg: KnowledgeGraph) -> None:
    history = kg.rank_history("Trần Vinh Ngọc")
    assert [(r.rank, r.date) for r in history] == [
        (gold_person("002_89c7204c73c9a37e", "Trần Vinh Ngọc")["rank"], gold("002_89c7204c73c9a37e")["date"]),
        (gold_person("dev-29", "Trần Vinh Ngọc")["rank"], gold("dev-29")["date"]),
    ] == [("Thiếu tướng", "2025-04-09"), ("Trung tướng", "2025-12-19")]
    assert history[1].before == "Thiếu tướng"
    assert [e.article for e in history[1].evidence] == ["dev-29", "000_90873ee1c2f566b3"]


def test_graph_one_person_merged_across_three_articles(kg: KnowledgeGraph) -> None:
    node = kg.graph.nodes["person:trần-vinh-ngọc"]
    assert node["merge"]["articles"] == ["000_90873ee1c2f566b3", "002_89c7204c73c9a37e", "dev-29"]
    assert node["merge"]["reason"] == (
        "002_89c7204c73c9a37e: first seen; dev-29: merged, same name, both in army; "
        "000_90873ee1c2f566b3: merged, same name, both in army"
    )


def test_graph_same_name_pair_kept_apart(kg: KnowledgeGraph) -> None:
    found = kg.find("Nguyễn Văn Hùng")
    assert [n.id for n in found] == ["person:nguyễn-văn-hùng", "person:nguyễn-văn-hùng~sn-b"]
    assert [p.post for p in kg.posts(found[0].id)] == ["Chính ủy Bộ Chỉ huy Quân sự tỉnh Cà Mau"]
    assert [p.post for p in kg.posts(found[1].id)] == ["Giám đốc Công an tỉnh Nghệ An"]
    reason = kg.graph.nodes[found[1].id]["merge"]["reason"]
    assert reason == "sn-b: first seen, kept apart from a person of the same name: serves in police, not army"
    with pytest.raises(KeyError, match="names 2 nodes"):
        kg.posts("Nguyễn Văn Hùng")


def test_graph_leaders_of_a_military_region(kg: KnowledgeGraph) -> None:
    # dev-20 (2024-04-24): Tư lệnh Nguyễn Trường Thắng; 002 (2025-04-09): Chính ủy Trần Vinh Ngọc;
    # dev-29 (2025-12-19): Tư lệnh Lê Xuân Thế.
    assert [(h.name, h.title) for h in kg.leaders("Quân khu 7", on="2024-12-31")] == [("Nguyễn Trường Thắng", "Tư lệnh")]
    assert [(h.name, h.title) for h in kg.leaders("Quân khu 7", on="2025-06-30")] == [
        ("Nguyễn Trường Thắng", "Tư lệnh"),
        ("Trần Vinh Ngọc", "Chính ủy"),
    ]
    assert [(h.name, h.title, h.date) for h in kg.leaders("Quân khu 7")] == [
        ("Lê Xuân Thế", "Tư lệnh", "2025-12-19"),
        ("Trần Vinh Ngọc", "Chính ủy", "2025-12-30"),
    ]


def test_graph_holders_after_a_handover(kg: KnowledgeGraph) -> None:
    unit = "Bộ CHQS tỉnh Đồng Nai"
    assert [(h.name, h.title) for h in kg.holders(unit)] == [("Phan Quốc Việt", "Chỉ huy trưởng")]
    assert [(h.name, h.former) for h in kg.holders(unit, include_former=True)] == [
        ("Phan Quốc Việt", False),
        ("Vũ Văn Điền", True),
    ]


def test_graph_holders_of_a_provincial_committee(kg: KnowledgeGraph) -> None:
    expected = {
        (p["name"], canonical(post if isinstance(post, str) else post[0]))
        for p in gold("000_90873ee1c2f566b3")["persons"]
        for post in p["posts"]
        if canonical(post if isinstance(post, str) else post[0]).endswith("tỉnh ủy lâm đồng")
    }
    assert {(h.name, canonical(h.post)) for h in kg.holders("Tỉnh ủy Lâm Đồng")} == expected
    assert [h.name for h in kg.leaders("Tỉnh ủy Lâm Đồng")] == ["Y Thanh Hà Niê Kđăm"]


def test_graph_meetings_of_a_person(kg: KnowledgeGraph) -> None:
    meetings = kg.meetings("Trần Vinh Ngọc")
    expected = [
        (gold(a)["date"], sorted(gold(a)["events"][0]["participants"]))
        for a in ("002_89c7204c73c9a37e", "dev-29", "000_90873ee1c2f566b3")
    ]
    assert [(m.date, m.participants) for m in meetings] == expected
    assert [m.kind for m in meetings] == ["conference", "ceremony", "meeting"]


def test_graph_met(kg: KnowledgeGraph) -> None:
    assert [m.date for m in kg.met("Trần Vinh Ngọc", "Y Thanh Hà Niê Kđăm")] == ["2025-12-30"]
    assert [m.date for m in kg.met("Hoàng Đình Chung", "Trần Vinh Ngọc")] == ["2025-04-09"]
    assert kg.met("Trần Vinh Ngọc", "Nguyễn Đình Trung") == []
    # Who met whom comes from the events, computed when asked: no edge per pair is stored.
    assert not [d for _, _, d in kg.graph.edges(data=True) if d["relation"] == "met"]
    met = kg.met_graph()
    node = "person:hoàng-đình-chung"
    per_article = sorted((e.split(":", 1)[1].rsplit("-", 1)[0], n) for n, d in met[node].items() for e in d["events"])
    expected = [(a, p) for a in ("002_89c7204c73c9a37e", "dev-20")
                for p in gold(a)["events"][0]["participants"] if p != "Hoàng Đình Chung"]
    assert sorted((a, kg.graph.nodes[n]["name"]) for a, n in per_article) == sorted(expected)


def test_graph_ego(kg: KnowledgeGraph) -> None:
    ego = kg.ego("Thào A Pinh")
    assert isinstance(ego, nx.MultiDiGraph)
    assert sorted(ego) == [
        "article:003_3cb9e48bb7875873",
        "event:003_3cb9e48bb7875873-0",
        "person:thào-a-pinh",
        "unit:bộ-chỉ-huy-quân-sự--lai-châu",
    ]
    # Those he met are two steps away, through the event.
    assert {"person:nguyễn-đăng-khải", "person:tống-thanh-hải"} <= set(kg.ego("Thào A Pinh", radius=2))


def test_graph_timeline_of_a_person(kg: KnowledgeGraph) -> None:
    timeline = kg.timeline("Trần Vinh Ngọc")
    assert [(t.date, t.relation, t.what) for t in timeline][:4] == [
        ("2025-04-09", "rank", "Thiếu tướng"),
        ("2025-04-09", "holds", "Bí thư Đảng ủy Quân khu 7"),
        ("2025-04-09", "holds", "Chính ủy Quân khu 7"),
        ("2025-04-09", "participated_in", "conference: Hoàng Đình Chung, Trần Vinh Ngọc"),
    ]
    assert [t.relation for t in timeline][4:] == ["rank", "participated_in", "participated_in"]
    assert all(t.evidence for t in timeline)


def test_graph_structure_part_of_province_and_merger(kg: KnowledgeGraph) -> None:
    g = kg.graph
    rel = lambda u, v: sorted(d["relation"] for d in g.get_edge_data(u, v, default={}).values())  # noqa: E731
    assert "part_of" in rel("unit:cục-chính-trị-quân-khu-7", "unit:quân-khu-7")
    assert "part_of" in rel("unit:ban-thường-vụ-tỉnh-ủy-lâm-đồng", "unit:tỉnh-ủy--lâm-đồng")
    assert rel("unit:tỉnh-ủy--lâm-đồng", "province:lâm-đồng") == ["in_province"]
    assert rel("province:bình-thuận", "province:lâm-đồng") == ["merged_into"]
    assert rel("province:đắk-nông", "province:lâm-đồng") == ["merged_into"]
    for u, v, data in g.edges(data=True):
        assert data["article"], (u, v)


def test_graph_load_reads_what_build_wrote(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from qpgraph.cli import main

    assert CliRunner().invoke(main, ["build", *map(str, FIRST_CORPUS), "--out", str(tmp_path)]).exit_code == 0
    loaded = qpgraph.load(tmp_path)
    fresh = qpgraph.build_graph(FIRST_CORPUS)
    assert nx.utils.graphs_equal(loaded.graph, fresh.graph)
    assert [(r.rank, r.date) for r in loaded.rank_history("Trần Vinh Ngọc")] == [
        ("Thiếu tướng", "2025-04-09"), ("Trung tướng", "2025-12-19"),
    ]


def test_graph_load_without_a_build_is_one_clear_error(tmp_path: Path) -> None:
    from qpgraph.errors import QpgraphError

    with pytest.raises(QpgraphError, match="run `qpgraph build` first"):
        qpgraph.load(tmp_path)


def test_graph_every_node_carries_provenance(kg: KnowledgeGraph) -> None:
    for node, data in kg.graph.nodes(data=True):
        if not data["articles"]:  # a province named by a unit, or a body above them all
            assert data["type"] == "province" or data.get("institution"), node
            continue
        if data["type"] in ("person", "unit", "event"):
            cited = data["evidence"]
            assert [e["article"] for e in cited] == data["articles"], node
            first = cited[0]
            assert isinstance(first["start"], int) and first["end"] > first["start"], node
    assert kg.graph.nodes["person:thào-a-pinh"]["evidence"] == [
        {"article": "003_3cb9e48bb7875873", "date": None, "sentence": 14, "start": 3442, "end": 3453, "text": "Thào A Pinh"}
    ]


def test_graph_one_career_across_articles_and_services_apart() -> None:
    # data/raw prints 33 names in two or more articles: one node each, but two names
    # that the same name gives to an army officer and a civil official.
    kg = qpgraph.build_graph([ROOT / "data" / "raw"])
    persons = [d for _, d in kg.graph.nodes(data=True) if d["type"] == "person"]
    by_name: dict[str, list[dict]] = {}
    for data in persons:
        by_name.setdefault(data["name"], []).append(data)
    assert {n: len(v) for n, v in by_name.items() if len(v) > 1} == {"Nguyễn Anh Tuấn": 2, "Nguyễn Văn Sơn": 2}
    # From the General Political Department to the Party's Secretariat, 2020 to 2025,
    # one article undated: one node.
    luong = kg.graph.nodes[kg.node("Lương Cường")]["merge"]
    assert luong["articles"] == ["b2-12", "b2-20", "b2-36", "b2-37", "b2-40"]
    # Thiếu tướng in 2023, Trung tướng in 2025, and an undated Thiếu tướng that does not
    # contradict them: one node.
    the = kg.graph.nodes[kg.node("Lê Xuân Thế")]["merge"]
    assert the["articles"] == ["b2-02", "b2-33", "b2-38", "dev-29"] and "kept apart" not in the["reason"]
    # The undated report is not the newest: the rank now is the one of 2025-12-19.
    assert [(r.rank, r.date, r.before) for r in kg.rank_history("Lê Xuân Thế")] == [
        ("Thiếu tướng", "2023-11-20", None), ("Trung tướng", "2025-12-19", "Thiếu tướng")
    ]
    assert kg.graph.nodes[kg.node("Lê Xuân Thế")]["rank"] == "Trung tướng"


def test_graph_a_body_printed_without_its_province_is_its_articles(kg: KnowledgeGraph) -> None:
    # 001 and 004 print "Tỉnh ủy" without naming the province: two nodes, one per article.
    found = sorted(n for n, data in kg.graph.nodes(data=True) if data["type"] == "unit" and data["name"] == "Tỉnh ủy")
    assert found == ["unit:tỉnh-ủy--001_69287ec73126fb65", "unit:tỉnh-ủy--004_d8530aca4ce47485"]
    assert [kg.graph.nodes[n]["articles"] for n in found] == [["001_69287ec73126fb65"], ["004_d8530aca4ce47485"]]


def test_graph_a_national_body_is_one_node_however_printed() -> None:
    # "Tổng cục Chính trị" and "Tổng cục Chính trị Quân đội nhân dân Việt Nam" (b2-*): one
    # unit, whose head is the last reported (b2-38, 2025-08-15).
    kg = qpgraph.build_graph([ROOT / "data" / "raw"])
    assert [n.id for n in kg.find("Tổng cục Chính trị Quân đội nhân dân Việt Nam", "unit")] == ["unit:tổng-cục-chính-trị"]
    assert [(h.title, h.name, h.date) for h in kg.leaders("Tổng cục Chính trị")] == [
        ("Chủ nhiệm", "Trịnh Văn Quyết", "2025-08-15")
    ]


def test_graph_succession_of_a_heading_title(kg: KnowledgeGraph) -> None:
    # dev-20 (2024-04-24) reports Nguyễn Trường Thắng as Tư lệnh Quân khu 7, dev-29
    # (2025-12-19) Lê Xuân Thế: the first tenure ended when the second was reported.
    assert [(t.name, t.first, t.last, t.status, t.ended, t.ended_on, t.successor)
            for t in kg.succession("Quân khu 7", "Tư lệnh")] == [
        ("Nguyễn Trường Thắng", "2024-04-24", "2024-04-24", "ended", "succeeded", "2025-12-19", "person:lê-xuân-thế"),
        ("Lê Xuân Thế", "2025-12-19", "2025-12-19", "current", None, None, None),
    ]
    assert [e.article for e in kg.succession("Quân khu 7", "Tư lệnh")[1].evidence] == ["dev-29"]
