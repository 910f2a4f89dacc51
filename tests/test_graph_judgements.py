"""The analysts' judgements of who is whom, applied before the rule and never overridden by it."""

from __future__ import annotations

from pathlib import Path

import pytest
from builds import tree
from click.testing import CliRunner

import qpgraph
from qpgraph.cli import main
from qpgraph.errors import JudgementError
from qpgraph.graph.candidates import candidates
from qpgraph.graph.io import from_articles
from qpgraph.graph.judgements import parse_judgements, read_judgements

ROOT = Path(__file__).resolve().parents[1]
SAME_NAME = ROOT / "tests" / "fixtures" / "same_name"
MISPRINT = ROOT / "tests" / "fixtures" / "misprint"

#: The commissar of sn-a and the police director of sn-b share a name; sn-c misprints the commissar's.
SAME_ACROSS_SERVICES = """\
judgements:
  - a: {name: Nguyễn Văn Hùng, article: sn-a}
    b: {name: Nguyễn Văn Hùng, article: sn-b}
    decision: same
    by: test analyst
    date: 2026-12-06
    why: one career, moved from the army to the police
"""
MISPRINT_SAME = """\
judgements:
  - a: {name: Nguyễn Văn Hùng, article: sn-a}
    b: {name: Nguyễn Văn Hưng, article: sn-c}
    decision: same
    by: test analyst
    date: 2026-12-06
    why: the same post in the same command a month later; the name is misprinted
"""


def write(folder: Path, text: str) -> Path:
    path = folder / "judgements.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def persons(kg: qpgraph.KnowledgeGraph) -> dict[str, list[str]]:
    return {n: d["merge"]["articles"] for n, d in kg.graph.nodes(data=True) if d["type"] == "person"}


def test_judged_same_overrides_the_rule_that_keeps_two_services_apart(tmp_path: Path) -> None:
    kg = from_articles([SAME_NAME], write(tmp_path, SAME_ACROSS_SERVICES))
    assert persons(kg)["person:nguyễn-văn-hùng"] == ["sn-a", "sn-b"]
    assert "person:nguyễn-văn-hùng~sn-b" not in persons(kg)
    reason = kg.graph.nodes["person:nguyễn-văn-hùng"]["merge"]["reason"]
    assert reason == (
        "sn-a: first seen; Nguyễn Văn Hùng (sn-a) and Nguyễn Văn Hùng (sn-b) judged the same person"
        " by test analyst on 2026-12-06: one career, moved from the army to the police"
    )


def test_judged_same_joins_a_misprinted_name(tmp_path: Path) -> None:
    plain = qpgraph.build_graph([SAME_NAME, MISPRINT])
    assert persons(plain)["person:nguyễn-văn-hưng"] == ["sn-c"]
    kg = from_articles([SAME_NAME, MISPRINT], write(tmp_path, MISPRINT_SAME))
    assert {n: a for n, a in persons(kg).items() if "nguyễn" in n} == {
        "person:nguyễn-văn-hùng": ["sn-a", "sn-c"],
        "person:nguyễn-văn-hùng~sn-b": ["sn-b"],  # the police director stays apart: the rule still applies
    }
    assert [p.post for p in kg.posts("person:nguyễn-văn-hùng")] == ["Chính ủy Bộ Chỉ huy Quân sự tỉnh Cà Mau"]


def test_judged_different_splits_what_the_rule_merges(tmp_path: Path) -> None:
    # data/raw: Thiếu tướng Lê Xuân Thế in b2-02 (undated) and Trung tướng in dev-29 (2025) are one node by the rule.
    raw = ROOT / "data" / "raw"
    articles = [raw / "b2-02.txt", raw / "dev-29.txt"]
    assert persons(qpgraph.build_graph(articles))["person:lê-xuân-thế"] == ["b2-02", "dev-29"]
    path = write(tmp_path, """\
judgements:
  - a: {name: Lê Xuân Thế, article: b2-02}
    b: {name: Lê Xuân Thế, article: dev-29}
    decision: different
    by: test analyst
    date: 2026-12-06
    why: a test of the override
""")
    kg = from_articles(articles, path)
    assert persons(kg)["person:lê-xuân-thế"] == ["dev-29"]
    assert persons(kg)["person:lê-xuân-thế~b2-02"] == ["b2-02"]
    assert kg.graph.nodes["person:lê-xuân-thế~b2-02"]["merge"]["reason"] == (
        "b2-02: first seen, kept apart from a person of the same name: judged different"
        "; judged different from Lê Xuân Thế (dev-29) by test analyst on 2026-12-06: a test of the override"
    )


def test_chains_of_judgements_that_contradict_are_refused() -> None:
    text = MISPRINT_SAME + """\
  - a: {name: Nguyễn Văn Hưng, article: sn-c}
    b: {name: Nguyễn Văn Hùng, article: sn-d}
    decision: same
    by: test analyst
    date: 2026-12-06
    why: chain
  - a: {name: Nguyễn Văn Hùng, article: sn-a}
    b: {name: Nguyễn Văn Hùng, article: sn-d}
    decision: different
    by: test analyst
    date: 2026-12-06
    why: contradicts the chain
"""
    with pytest.raises(JudgementError) as error:
        parse_judgements(text, where="data/judgements.yaml")
    assert str(error.value) == (
        "data/judgements.yaml: judgement 3 (Nguyễn Văn Hùng in sn-a different as Nguyễn Văn Hùng in sn-d) contradicts "
        "judgement 1 (Nguyễn Văn Hùng in sn-a same as Nguyễn Văn Hưng in sn-c); "
        "judgement 2 (Nguyễn Văn Hưng in sn-c same as Nguyễn Văn Hùng in sn-d)"
    )


@pytest.mark.parametrize(("text", "message"), [
    ("judgements:\n  - {a: {name: A, article: x}, b: {name: B, article: y}, decision: maybe, by: t, date: 2026-12-06, why: w}\n",
     "judgements.yaml: judgements.0.decision: Input should be 'same' or 'different'"),
    ("judgements:\n  - {a: {name: A, article: x}, b: {name: B, article: y}, decision: same, by: t, why: w}\n",
     "judgements.yaml: judgements.0.date: Field required"),
    ("- a\n", "judgements.yaml: expected a mapping with `judgements:`"),
])
def test_a_malformed_judgements_file_is_one_clear_error(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(JudgementError) as error:
        read_judgements(write(tmp_path, text))
    assert str(error.value) == f"{tmp_path}/{message}"


def test_build_applies_the_judgements_and_load_applies_them_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no data/judgements.yaml here: a build without --judgements applies none
    path = write(tmp_path, MISPRINT_SAME)
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", str(SAME_NAME), str(MISPRINT), "--out", str(out), "-j", "1",
                                       "--judgements", str(path), "--no-progress"])
    assert result.exit_code == 0, result.output
    assert (out / "judgements.yaml").read_text(encoding="utf-8") == MISPRINT_SAME
    assert persons(qpgraph.load(out))["person:nguyễn-văn-hùng"] == ["sn-a", "sn-c"]
    # Incrementally, without the judgements: the same files as a clean build without them.
    again = CliRunner().invoke(main, ["build", str(SAME_NAME), str(MISPRINT), "--out", str(out), "-j", "1",
                                      "--no-progress"])
    assert again.exit_code == 0, again.output
    clean = tmp_path / "clean"
    assert CliRunner().invoke(main, ["build", str(SAME_NAME), str(MISPRINT), "--out", str(clean), "-j", "1",
                                     "--no-progress"]).exit_code == 0
    assert not (out / "judgements.yaml").exists()
    assert tree(out) == tree(clean)
    assert persons(qpgraph.load(out))["person:nguyễn-văn-hưng"] == ["sn-c"]


def test_build_refuses_a_contradicting_file_before_writing_anything(tmp_path: Path) -> None:
    path = write(tmp_path, MISPRINT_SAME + """\
  - a: {name: Nguyễn Văn Hưng, article: sn-c}
    b: {name: Nguyễn Văn Hùng, article: sn-a}
    decision: different
    by: test analyst
    date: 2026-12-06
    why: contradicts
""")
    out = tmp_path / "build"
    result = CliRunner().invoke(main, ["build", str(SAME_NAME), "--out", str(out), "--judgements", str(path),
                                       "--no-progress"])
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {path}: judgement 2 (Nguyễn Văn Hưng in sn-c different as")
    assert not out.exists()


def test_an_article_added_to_a_judged_person_updates_the_graph_as_a_clean_build(tmp_path: Path) -> None:
    # The judgement names sn-c before the build has it; adding sn-c brings the graph up
    # to date (the names judged one person done again together), as a clean build makes it.
    path = write(tmp_path, MISPRINT_SAME)
    raw = tmp_path / "raw"
    raw.mkdir()
    for article in ("sn-a.txt", "sn-b.txt"):
        (raw / article).write_bytes((SAME_NAME / article).read_bytes())
    out, clean = tmp_path / "build", tmp_path / "clean"

    def build(folder: Path) -> None:
        result = CliRunner().invoke(main, ["build", str(raw), "--out", str(folder), "-j", "1", "--judgements", str(path),
                                           "--no-progress"])
        assert result.exit_code == 0, result.output

    build(out)
    (raw / "sn-c.txt").write_bytes((MISPRINT / "sn-c.txt").read_bytes())
    build(out)
    build(clean)
    assert tree(out) == tree(clean)
    assert persons(qpgraph.load(out))["person:nguyễn-văn-hùng"] == ["sn-a", "sn-c"]


def test_candidates_list_the_pairs_worth_a_look_with_the_line_to_add(tmp_path: Path) -> None:
    found = candidates(qpgraph.build_graph([SAME_NAME, MISPRINT]))
    assert [(c.kind, c.a.node, c.b.node) for c in found] == [
        ("kept apart", "person:nguyễn-văn-hùng", "person:nguyễn-văn-hùng~sn-b"),
        ("marks", "person:nguyễn-văn-hùng", "person:nguyễn-văn-hưng"),
        ("marks", "person:nguyễn-văn-hùng~sn-b", "person:nguyễn-văn-hưng"),
    ]
    misprint = found[1]
    assert (misprint.a.posts, misprint.b.posts) == (["Chính ủy Bộ Chỉ huy Quân sự tỉnh Cà Mau"],) * 2
    assert misprint.b.sentence == "Đại tá Nguyễn Văn Hưng, Chính ủy Bộ Chỉ huy Quân sự tỉnh Cà Mau dự buổi lễ."
    assert misprint.judgement() == (
        "- {a: {name: Nguyễn Văn Hùng, article: sn-a}, b: {name: Nguyễn Văn Hưng, article: sn-c}, "
        "decision: same|different, by: ?, date: YYYY-MM-DD, why: ?}"
    )
    # Once decided, the pair is no longer listed: judged same, it is one node; judged different, it is settled.
    kg = from_articles([SAME_NAME, MISPRINT], write(tmp_path, MISPRINT_SAME))
    assert [(c.kind, c.a.node, c.b.node) for c in candidates(kg)] == [
        ("kept apart", "person:nguyễn-văn-hùng", "person:nguyễn-văn-hùng~sn-b"),
    ]
    different = read_judgements(write(tmp_path, SAME_ACROSS_SERVICES.replace("decision: same", "decision: different")))
    kg = from_articles([SAME_NAME], tmp_path / "judgements.yaml")
    assert candidates(kg, different) == []


def test_candidates_of_data_raw_find_a_misprinted_name_in_one_article() -> None:
    # b2-31 prints "Vũ Thành Chương" once among four "Vũ Thanh Chương"; data/judgements.yaml
    # decides it, and the pairs the rule kept apart, so one pair is left.
    raw = ROOT / "data" / "raw"
    plain = candidates(qpgraph.build_graph([raw]))
    assert ("marks", "person:vũ-thanh-chương", "person:vũ-thành-chương") in [(c.kind, c.a.node, c.b.node) for c in plain]
    judged = ROOT / "data" / "judgements.yaml"
    left = candidates(from_articles([raw], judged), read_judgements(judged))
    assert [(c.kind, c.a.name, c.b.name) for c in left] == [("marks", "Nguyễn Thanh Tâm", "Nguyễn Thành Tâm")]


def test_cli_candidates_reads_the_judgements_the_build_applied(tmp_path: Path) -> None:
    out = tmp_path / "build"
    path = write(tmp_path, MISPRINT_SAME)
    assert CliRunner().invoke(main, ["build", str(SAME_NAME), str(MISPRINT), "--out", str(out), "-j", "1",
                                     "--judgements", str(path), "--no-progress"]).exit_code == 0
    result = CliRunner().invoke(main, ["candidates", str(out)])
    assert result.exit_code == 0
    assert result.output.splitlines()[:2] == ["1 pair to look at; add each decision to data/judgements.yaml.", ""]
    assert result.output.splitlines()[2] == "1. kept apart: person:nguyễn-văn-hùng / person:nguyễn-văn-hùng~sn-b"


def test_build_applies_data_judgements_yaml_when_none_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    write(tmp_path / "data", MISPRINT_SAME)
    result = CliRunner().invoke(main, ["build", str(SAME_NAME), str(MISPRINT), "--out", "build", "-j", "1",
                                       "--no-progress"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "build" / "judgements.yaml").read_text(encoding="utf-8") == MISPRINT_SAME
    assert persons(qpgraph.load(tmp_path / "build"))["person:nguyễn-văn-hùng"] == ["sn-a", "sn-c"]
