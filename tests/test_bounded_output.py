"""Output grows with the input: one sentence naming 300 officers is stored once, and who
met whom is never an edge per pair."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from attendees import attendees, names

from qpgraph.corpus import build
from qpgraph.export import export_build


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def test_a_sentence_of_300_attendees_builds_under_10_mb(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "dai-hoi.txt").write_text(attendees(300), encoding="utf-8")
    out = tmp_path / "out"
    result = build([raw], out)
    assert not result.errors
    [records] = result.records
    assert len(records.persons) == 300 and len(records.events[0].participants) == 300
    export_build(out, out)
    # Everything written (the store, records, facts, site, the graph in every format): under 10 MB.
    assert _size(out) < 10 * 1024 * 1024
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    relations = [edge["relation"] for edge in graph["edges"]]
    assert relations.count("participated_in") == 300 and "met" not in relations
    # The list is one sentence, stored once: on the article's node, cited by index.
    listed = "Dự hội nghị có các đồng chí: Đại tá " + names(1)[0]
    assert (out / "graph.json").read_text(encoding="utf-8").count(listed) == 1
    article = next(node for node in graph["nodes"] if node["id"] == "article:dai-hoi")
    assert article["sentences"]["1"].startswith(listed)
    cited = {edge["sentence"] for edge in graph["edges"]
             if edge["relation"] == "mentioned_in" and edge["source"].startswith("person:")}
    assert cited == {1}
    # A page quotes the words around the person, not the whole list.
    page = next((out / "site" / "person").glob("nguyen-van-an-*.html")).read_text(encoding="utf-8")
    assert "Nguyễn Văn An, Phó Chính ủy Sư đoàn 1; " in page and names(300)[-1] not in page


def test_a_guard_caps_persons_per_sentence_and_article_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from qpgraph.extract import pipeline

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "dai-hoi.txt").write_text(attendees(300), encoding="utf-8")
    monkeypatch.setattr(pipeline, "MAX_PERSONS_PER_SENTENCE", 200)
    result = build([raw], tmp_path / "out", jobs=1)
    [records] = result.records
    assert len(records.persons) == 200 and records.persons[-1].name == names(200)[-1]
    assert result.warnings == [f"{raw / 'dai-hoi.txt'}: sentence 1 names persons 300 times: the first 200 are read"]
    monkeypatch.setattr(pipeline, "MAX_PERSON_MENTIONS", 120)
    result = build([raw], tmp_path / "again", jobs=1)
    assert len(result.records[0].persons) == 120
    assert result.warnings == [
        f"{raw / 'dai-hoi.txt'}: sentence 1 names persons 300 times: the first 200 are read",
        f"{raw / 'dai-hoi.txt'}: more than 120 mentions of persons: the rest, from sentence 1, are left out",
    ]
