"""Scoring facts documents: matching, optional facts, dates, tables, reading gold files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qpgraph.errors import AnnotationError
from qpgraph.evaluate.score import (
    KindScore,
    Scores,
    explain,
    format_table,
    load_facts_dir,
    score,
)
from qpgraph.records import Facts, FactsEvent, FactsOptional, FactsPerson

ARTICLE = "000_90873ee1c2f566b3"


def counts(scores: Scores) -> dict[str, tuple[int, int, int]]:
    return {kind: (s.tp, s.fp, s.fn) for kind, s in scores.kinds.items()}


def gold_000() -> Facts:
    """A gold document in the shape of shared/facts-format.md's example."""
    return Facts(
        article=ARTICLE,
        date="2025-12-30",
        persons=[
            FactsPerson(
                name="Trần Vinh Ngọc",
                rank="Trung tướng",
                posts=["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"],
            ),
            FactsPerson(
                name=["Y Thanh Hà Niê Kđăm", "Y Thanh Hà"],
                posts=[
                    ["Ủy viên Ban Chấp hành Trung ương Đảng", "Ủy viên Trung ương Đảng"],
                    "Bí thư Tỉnh ủy Lâm Đồng",
                ],
            ),
            FactsPerson(name="Hồ Văn Mười", posts=["Chủ tịch UBND tỉnh Lâm Đồng"]),
        ],
        units=["Quân khu 7", "Đảng ủy Quân khu 7", "Tỉnh ủy Lâm Đồng"],
        provinces=["Lâm Đồng", "Đắk Nông", "Thành phố Hồ Chí Minh"],
        events=[FactsEvent(date="2025-12-30", kind="meeting", participants=["Trần Vinh Ngọc", "Y Thanh Hà Niê Kđăm"])],
        optional=FactsOptional(units=["Bộ Quốc phòng"]),
    )


def predicted_000() -> Facts:
    return Facts(
        article=ARTICLE,
        date="2025-12-30",
        persons=[
            FactsPerson(name="Trần Vinh Ngọc", rank="Trung tướng", posts=["Chính uỷ Quân khu 7"]),
            FactsPerson(name="Trần Vinh Ngọc", rank="Trung tướng"),  # a duplicate
            FactsPerson(
                name="Y Thanh Hà",
                posts=[
                    "Ủy viên Trung ương Đảng",
                    "Ủy viên Ban chấp hành TW Đảng",  # the other alternative of a fact already matched
                    "Bí thư Tỉnh uỷ Lâm Đồng",
                ],
            ),
            FactsPerson(name="Đặng Hồng Sỹ", rank="Đại tá"),
        ],
        units=["QK7", "Tỉnh uỷ Lâm Đồng", "Tỉnh ủy Lâm Đồng", "Bộ Quốc phòng", "Cục Chính trị"],
        provinces=["tỉnh Lâm Đồng", "TP.HCM", "Đồng Nai"],
        events=[
            FactsEvent(kind="meeting", participants=["Trần Vinh Ngọc", "Y Thanh Hà Niê Kđăm"]),
            FactsEvent(kind="other", participants=["Trần Vinh Ngọc", "Hồ Văn Mười"]),
        ],
    )


def test_score_counts_every_kind_exactly() -> None:
    scores = score({ARTICLE: gold_000()}, {ARTICLE: predicted_000()})
    assert list(scores.kinds) == ["person", "rank", "post", "unit", "province", "date", "participation"]
    assert counts(scores) == {
        "person": (2, 2, 1),  # duplicate Trần Vinh Ngọc and Đặng Hồng Sỹ wrong; Hồ Văn Mười missed
        "rank": (1, 2, 0),  # the duplicate's rank and Đặng Hồng Sỹ's
        "post": (3, 1, 2),  # two alternatives of one fact are one fact
        "unit": (2, 2, 1),  # Tỉnh uỷ / Tỉnh ủy is a duplicate; Bộ Quốc phòng optional
        "province": (2, 1, 1),
        "date": (1, 0, 0),
        "participation": (2, 1, 0),  # Trần Vinh Ngọc in two events is one fact
    }
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (13, 9, 5)
    assert scores.overall.precision == pytest.approx(13 / 22)
    assert scores.overall.recall == pytest.approx(13 / 18)
    assert scores.overall.f1 == pytest.approx(26 / 40)
    assert scores.kinds["post"] == KindScore(tp=3, fp=1, fn=2, precision=0.75, recall=0.6, f1=6 / 9)
    assert scores.date_accuracy == 1.0
    assert scores.articles == 1


def test_score_gold_against_itself_is_perfect() -> None:
    gold = {ARTICLE: gold_000()}
    scores = score(gold, gold)
    assert scores.overall == KindScore(tp=18, fp=0, fn=0, precision=1.0, recall=1.0, f1=1.0)
    assert all(s.f1 == 1.0 for s in scores.kinds.values())
    assert scores.date_accuracy == 1.0


def test_score_missing_prediction_is_an_empty_document_and_extra_articles_are_ignored() -> None:
    other = Facts(article="b", date=["2025-12", None], persons=[FactsPerson(name="Lê Hồng Nhân", rank="Thiếu tướng")])
    gold = {ARTICLE: gold_000(), "b": other}
    predicted = {ARTICLE: predicted_000(), "not-in-gold": gold_000()}
    scores = score(gold, predicted)
    assert scores.articles == 2
    assert counts(scores)["person"] == (2, 2, 2)
    assert counts(scores)["rank"] == (1, 2, 1)
    assert counts(scores)["date"] == (1, 0, 0)  # null where gold allows null counts nothing
    assert scores.date_accuracy == 1.0
    assert score(gold, {}).overall == KindScore(tp=0, fp=0, fn=20, precision=0.0, recall=0.0, f1=0.0)


def test_score_is_deterministic_whatever_the_order() -> None:
    gold = {"b": Facts(article="b", units=["Quân khu 4"]), ARTICLE: gold_000()}
    predicted = {ARTICLE: predicted_000(), "b": Facts(article="b", units=["Quân khu IV", "Quân khu 4"])}
    forward = score(gold, predicted)
    backward = score(dict(reversed(gold.items())), dict(reversed(predicted.items())))
    assert forward == backward
    assert counts(forward)["unit"] == (3, 3, 1)


def test_score_optional_facts_count_neither_way() -> None:
    gold = Facts(
        article="a",
        persons=[FactsPerson(name="Lê Hồng Nhân", rank="Thiếu tướng")],
        events=[FactsEvent(kind="ceremony", participants=["Lê Hồng Nhân"])],
        optional=FactsOptional(
            persons=["Xuân Diện"],
            units=[["Thông tấn xã Việt Nam", "TTXVN"]],
            provinces=["Hà Nội"],
            posts=[["Lê Hồng Nhân", "nguyên Phó Tư lệnh Quân khu 4"]],
        ),
    )
    predicted = Facts(
        article="a",
        persons=[
            FactsPerson(
                name="Lê Hồng Nhân",
                rank="Thiếu tướng",
                posts=["nguyên Phó Tư lệnh Quân khu 4", "Phó Tư lệnh Quân khu 4"],
            ),
            FactsPerson(name="Xuân Diện", rank="Đại úy", posts=["Phóng viên"]),
        ],
        units=["TTXVN", "TTXVN"],
        provinces=["TP Hà Nội"],
        events=[FactsEvent(participants=["Lê Hồng Nhân", "Xuân Diện"])],
    )
    assert counts(score({"a": gold}, {"a": predicted})) == {
        "person": (1, 0, 0),
        "rank": (1, 0, 0),  # Xuân Diện's rank: a fact about an optional person
        "post": (0, 1, 0),  # only "Phó Tư lệnh Quân khu 4" is wrong
        "unit": (0, 0, 0),
        "province": (0, 0, 0),
        "date": (0, 0, 0),
        "participation": (1, 0, 0),
    }
    leaving_out = Facts(article="a", persons=[FactsPerson(name="Lê Hồng Nhân", rank="Thiếu tướng")])
    assert score({"a": gold}, {"a": leaving_out}).overall.fn == 1  # only the participation


def test_score_matches_one_to_one_as_many_as_possible() -> None:
    gold = Facts(article="a", units=[["Bộ Tư lệnh Quân khu 7", "Quân khu 7"], "Quân khu 7"])
    predicted = Facts(article="a", units=["Quân khu 7", "Bộ Tư lệnh Quân khu 7"])
    assert counts(score({"a": gold}, {"a": predicted}))["unit"] == (2, 0, 0)


def test_score_leaves_over_the_prediction_an_optional_fact_excuses() -> None:
    gold = Facts(
        article="a",
        units=[["Bộ Tư lệnh Quân khu 7", "Quân khu 7"]],
        optional=FactsOptional(units=["Quân khu 7"]),
    )
    predicted = Facts(article="a", units=["Quân khu 7", "Bộ Tư lệnh Quân khu 7"])
    assert counts(score({"a": gold}, {"a": predicted}))["unit"] == (1, 0, 0)


def test_score_pairs_with_name_alternatives() -> None:
    gold = Facts(
        article="a",
        persons=[FactsPerson(name=["Y Thanh Hà Niê Kđăm", "Y Thanh Hà"], rank=None, posts=["Bí thư Tỉnh ủy Lâm Đồng"])],
    )
    right = Facts(article="a", persons=[FactsPerson(name="Y Thanh Hà", posts=["Bí thư Tỉnh uỷ Lâm Đồng"])])
    wrong_name = Facts(article="a", persons=[FactsPerson(name="Y Thanh", posts=["Bí thư Tỉnh ủy Lâm Đồng"])])
    assert counts(score({"a": gold}, {"a": right}))["post"] == (1, 0, 0)
    assert counts(score({"a": gold}, {"a": wrong_name}))["post"] == (0, 1, 1)
    assert counts(score({"a": gold}, {"a": right}))["rank"] == (0, 0, 0)


@pytest.mark.parametrize(
    ("gold_date", "predicted_date", "right", "tp", "fp", "fn"),
    [
        ("2025-12-30", "2025-12-30", True, 1, 0, 0),
        ("2025-12-30", "2025-12-31", False, 0, 1, 1),
        ("2025-12-30", None, False, 0, 0, 1),
        (None, None, True, 0, 0, 0),
        (None, "2025-12-30", False, 0, 1, 0),
        (["2025-12", None], None, True, 0, 0, 0),
        (["2025-12", None], "2025-12", True, 1, 0, 0),
        (["2025-12", None], "2025-11", False, 0, 1, 1),
        (["2025-12-30", "2025-12"], None, False, 0, 0, 1),
        ([None], "2025", False, 0, 1, 0),
    ],
)
def test_score_date(gold_date: Any, predicted_date: Any, right: bool, tp: int, fp: int, fn: int) -> None:
    scores = score({"a": Facts(article="a", date=gold_date)}, {"a": Facts(article="a", date=predicted_date)})
    assert counts(scores)["date"] == (tp, fp, fn)
    assert scores.date_accuracy == (1.0 if right else 0.0)


def test_score_date_over_articles() -> None:
    pairs: list[tuple[Any, Any]] = [
        ("2025-12-30", "2025-12-30"),
        ("2025-12-30", "2025-12-31"),
        ("2025-12-30", None),
        (None, None),
        (None, "2025-12-30"),
        (["2025-12", None], None),
        (["2025-12", None], "2025-12"),
        (["2025-12", None], "2025-11"),
        (["2025-12-30", "2025-12"], None),
        ([None], "2025"),
    ]
    gold = {str(i): Facts(article=str(i), date=g) for i, (g, _) in enumerate(pairs)}
    predicted = {str(i): Facts(article=str(i), date=p) for i, (_, p) in enumerate(pairs)}
    scores = score(gold, predicted)
    assert scores.date_accuracy == 0.4
    assert scores.kinds["date"] == KindScore(tp=2, fp=4, fn=4, precision=2 / 6, recall=2 / 6, f1=4 / 12)


def test_kind_score_when_undefined() -> None:
    assert KindScore.from_counts(0, 0, 0) == KindScore(tp=0, fp=0, fn=0, precision=1.0, recall=1.0, f1=1.0)
    assert KindScore.from_counts(0, 2, 0) == KindScore(tp=0, fp=2, fn=0, precision=0.0, recall=0.0, f1=0.0)
    assert KindScore.from_counts(0, 0, 3) == KindScore(tp=0, fp=0, fn=3, precision=0.0, recall=0.0, f1=0.0)


def test_score_rejects_an_optional_post_that_is_not_a_pair() -> None:
    gold = Facts(article="a", optional=FactsOptional(posts=[["Lê Hồng Nhân"]]))
    with pytest.raises(AnnotationError, match=r"article a: optional post \['Lê Hồng Nhân'\]"):
        score({"a": gold}, {})


def test_explain_lists_missed_and_false_facts_as_written() -> None:
    assert explain(gold_000(), predicted_000()) == {
        "person": {"missed": ["Hồ Văn Mười"], "false_positives": ["Trần Vinh Ngọc", "Đặng Hồng Sỹ"]},
        "rank": {
            "missed": [],
            "false_positives": [["Trần Vinh Ngọc", "Trung tướng"], ["Đặng Hồng Sỹ", "Đại tá"]],
        },
        "post": {
            "missed": [
                ["Trần Vinh Ngọc", "Bí thư Đảng ủy Quân khu 7"],
                ["Hồ Văn Mười", "Chủ tịch UBND tỉnh Lâm Đồng"],
            ],
            "false_positives": [["Y Thanh Hà", "Ủy viên Ban chấp hành TW Đảng"]],
        },
        "unit": {"missed": ["Đảng ủy Quân khu 7"], "false_positives": ["Tỉnh ủy Lâm Đồng", "Cục Chính trị"]},
        "province": {"missed": ["Đắk Nông"], "false_positives": ["Đồng Nai"]},
        "date": {"missed": [], "false_positives": []},
        "participation": {"missed": [], "false_positives": ["Hồ Văn Mười"]},
    }
    wrong_date = predicted_000().model_copy(update={"date": "2025-12-31"})
    assert explain(gold_000(), wrong_date)["date"] == {"missed": ["2025-12-30"], "false_positives": ["2025-12-31"]}


def test_format_table() -> None:
    table = format_table(score({ARTICLE: gold_000()}, {ARTICLE: predicted_000()}), "000 against gold")
    assert table == "\n".join(
        [
            "000 against gold",
            "kind               P      R     F1   tp   fp   fn",
            "person         0.500  0.667  0.571    2    2    1",
            "rank           0.333  1.000  0.500    1    2    0",
            "post           0.750  0.600  0.667    3    1    2",
            "unit           0.500  0.667  0.571    2    2    1",
            "province       0.667  0.667  0.667    2    1    1",
            "date           1.000  1.000  1.000    1    0    0",
            "participation  0.667  1.000  0.800    2    1    0",
            "overall        0.591  0.722  0.650   13    9    5",
            "date accuracy  1.000 over 1 articles",
        ]
    )


# --- reading gold files --------------------------------------------------------------


def write(directory: Path, name: str, content: str) -> Path:
    path = directory / name
    path.write_text(content, encoding="utf-8")
    return path


def test_load_facts_dir_reads_json_only(tmp_path: Path) -> None:
    write(tmp_path, f"{ARTICLE}.json", gold_000().model_dump_json(indent=2))
    write(tmp_path, "b.json", json.dumps({"article": "b", "date": ["2025", None]}))
    write(tmp_path, "GUIDELINES.md", "# not a facts document\n")
    loaded = load_facts_dir(tmp_path)
    assert list(loaded) == [ARTICLE, "b"]
    assert loaded[ARTICLE] == gold_000()
    assert loaded["b"].date == ["2025", None]


def test_load_facts_dir_names_the_file_and_line_of_bad_json(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", '{\n  "article": "a",\n  "units": [\n}\n')
    with pytest.raises(AnnotationError, match="not valid JSON") as raised:
        load_facts_dir(tmp_path)
    assert raised.value.path == str(path)
    assert raised.value.line == 4
    assert str(raised.value).startswith(f"{path}:4: not valid JSON")


def test_load_facts_dir_names_the_file_and_pydantic_error(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps({"article": "a", "persons": [{"nom": "Lê Hồng Nhân"}]}))
    with pytest.raises(AnnotationError, match="not a facts document") as raised:
        load_facts_dir(tmp_path)
    assert raised.value.path == str(path)
    assert "persons.0.name" in raised.value.message
    assert "persons.0.nom" in raised.value.message


def test_load_facts_dir_checks_the_article_id(tmp_path: Path) -> None:
    path = write(tmp_path, "a.json", json.dumps({"article": "b"}))
    with pytest.raises(AnnotationError, match="article is 'b', expected the file stem 'a'") as raised:
        load_facts_dir(tmp_path)
    assert raised.value.path == str(path)


def test_load_facts_dir_checks_optional_post_pairs(tmp_path: Path) -> None:
    write(tmp_path, "a.json", json.dumps({"article": "a", "optional": {"posts": [["A", "B", "C"]]}}))
    with pytest.raises(AnnotationError, match="is not a \\[name, post\\] pair"):
        load_facts_dir(tmp_path)


def test_load_facts_dir_needs_a_directory(tmp_path: Path) -> None:
    with pytest.raises(AnnotationError, match="not a directory") as raised:
        load_facts_dir(tmp_path / "missing")
    assert raised.value.path == str(tmp_path / "missing")
