"""The command line, end to end, on real articles and on bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from qpgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
GOLD = ROOT / "data" / "annotations"


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_extract_writes_facts_per_article(tmp_path: Path) -> None:
    code, _, err = _run("extract", str(RAW / "dev-29.txt"), "--out", str(tmp_path))
    assert code == 0, err
    facts = json.loads((tmp_path / "dev-29.json").read_text(encoding="utf-8"))
    assert facts["article"] == "dev-29"
    assert facts["date"] == "2025-12-19"
    assert [(p["name"], p["rank"]) for p in facts["persons"]] == [
        ("Lê Xuân Thế", "Trung tướng"),
        ("Trần Vinh Ngọc", "Trung tướng"),
        ("Phan Văn Giang", "Đại tướng"),
    ]
    assert facts["persons"][1]["posts"] == ["Bí thư Đảng ủy Quân khu 7", "Chính ủy Quân khu 7"]


def test_cli_extract_records_carry_evidence(tmp_path: Path) -> None:
    code, _, _ = _run("extract", str(RAW / "dev-29.txt"), "--out", str(tmp_path), "--records")
    assert code == 0
    records = json.loads((tmp_path / "dev-29.json").read_text(encoding="utf-8"))
    text = (RAW / "dev-29.txt").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    mention = records["persons"][0]["mentions"][0]
    assert body[mention["start"] : mention["end"]] == mention["text"] == "Lê Xuân Thế"
    post = records["persons"][0]["posts"][0]
    assert post["text"] == "Tư lệnh Quân khu 7" and post["heads"] is True
    # The sentence a mention cites, written once for the article, by its index.
    assert "Tư lệnh Quân khu 7" in records["sentences"][str(post["mention"]["sentence"])]
    assert "sentence_text" not in post["mention"]


def test_cli_extract_is_deterministic(tmp_path: Path) -> None:
    for name in ("a", "b"):
        assert _run("extract", str(RAW), "--out", str(tmp_path / name), "--records")[0] == 0
    files = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert files == sorted(f"{p.stem}.json" for p in RAW.glob("*.txt"))
    for name in files:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


BAD_INPUTS = {
    "empty.txt": (b"", "empty"),
    "latin1.txt": ("Quân khu 7 họp".encode("cp1258", errors="replace") + b"\xff\xfe", "UTF-8"),
    "binary.txt": (b"\x00\x01\x02PK\x03\x04", "binary"),
    "page.txt": (b"<!DOCTYPE html><html><body>x</body></html>", "HTML"),
    "unclosed.txt": ("---\nurl: https://x\npublished: 2025-01-01\nNgày 9/4, hội nghị.".encode(), "front matter"),
    "baddate.txt": ("---\npublished: 2025-13-45\n---\nNgày 9/4, hội nghị.".encode(), "published"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_cli_extract_bad_input_is_reported_and_others_still_processed(tmp_path: Path, name: str) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(RAW / "dev-33.txt", raw / "dev-33.txt")
    content, word = BAD_INPUTS[name]
    (raw / name).write_bytes(content)
    out = tmp_path / "out"
    code, _, err = _run("extract", str(raw), "--out", str(out))
    assert code == 1
    line = next(l for l in err.splitlines() if l.startswith("error:"))
    assert name in line and word.lower() in line.lower()
    assert sorted(p.name for p in out.iterdir()) == ["dev-33.json"]


def test_cli_extract_huge_file_refused_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.write("Ngày 9/4, hội nghị.\n".encode())
        handle.truncate(50 * 1024 * 1024)
    code, _, err = _run("extract", str(big), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "big.txt" in err and "MB" in err
    assert not (tmp_path / "out" / "big.json").exists()


def test_cli_extract_malformed_jsonl_line_names_the_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "ok-1", "text": "Chiều 21/8, Thượng tướng Nguyễn Văn Thành, Thứ trưởng Bộ Công an dự."}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "ok-2", "text": "Sáng 28/4, Trung tướng Hà Thọ Bình - Tư lệnh Quân khu 4 chủ trì."}, ensure_ascii=False),
    ]
    crawl = tmp_path / "crawl.jsonl"
    crawl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, _, err = _run("extract", str(crawl), "--out", str(tmp_path / "out"))
    assert code == 1
    assert "crawl.jsonl:2" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["ok-1.json", "ok-2.json"]
    facts = json.loads((tmp_path / "out" / "ok-2.json").read_text(encoding="utf-8"))
    assert facts["persons"] == [{"name": "Hà Thọ Bình", "rank": "Trung tướng", "posts": ["Tư lệnh Quân khu 4"]}]


def test_cli_extract_decomposed_unicode_gives_the_same_facts(tmp_path: Path) -> None:
    import unicodedata

    text = (RAW / "dev-29.txt").read_text(encoding="utf-8")
    (tmp_path / "nfd").mkdir()
    (tmp_path / "nfd" / "dev-29.txt").write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    assert _run("extract", str(tmp_path / "nfd"), "--out", str(tmp_path / "a"))[0] == 0
    assert _run("extract", str(RAW / "dev-29.txt"), "--out", str(tmp_path / "b"))[0] == 0
    assert (tmp_path / "a" / "dev-29.json").read_bytes() == (tmp_path / "b" / "dev-29.json").read_bytes()


def test_cli_build_writes_facts_and_records(tmp_path: Path) -> None:
    code, _, err = _run("build", str(RAW), "--out", str(tmp_path))
    assert code == 0, err
    articles = len(list(RAW.glob("*.txt")))
    assert len(list((tmp_path / "facts").glob("*.json"))) == articles
    assert len(list((tmp_path / "records").glob("*.json"))) == articles


def test_cli_eval_meets_the_accuracy_bar_and_beats_the_baseline() -> None:
    code, out, err = _run("eval", "--gold", str(GOLD), "--raw", str(RAW), "--json")
    assert code == 0, err
    report = json.loads(out)
    ours, baseline = report["qpgraph"], report["baseline"]
    assert ours["articles"] == len(list(GOLD.glob("*.json")))
    for kind, scores in ours["kinds"].items():
        assert scores["f1"] >= 0.93, kind
    assert ours["overall"]["f1"] >= 0.95
    assert ours["date_accuracy"] >= 0.95
    assert baseline["overall"]["f1"] < 0.2
    assert ours["overall"]["f1"] - baseline["overall"]["f1"] > 0.7


def test_cli_eval_scores_a_subset_and_explains_its_misses() -> None:
    code, out, err = _run("eval", "--gold", str(GOLD), "--raw", str(RAW), "--no-baseline", "--only", "dev-29",
                          "--only", "00[01]_*", "--explain", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["qpgraph"]["articles"] == 3
    assert sorted(report["explained"]) == ["000_90873ee1c2f566b3", "001_69287ec73126fb65", "dev-29"]
    assert set(report["explained"]["dev-29"]) == {"person", "rank", "post", "unit", "province", "date", "participation"}


def test_cli_eval_subset_that_matches_nothing_is_one_clear_error() -> None:
    code, _, err = _run("eval", "--gold", str(GOLD), "--raw", str(RAW), "--no-baseline", "--only", "nothing-*")
    assert code == 2
    assert err == "error: no gold annotation matches 'nothing-*'\n"


def test_cli_eval_table_lists_every_kind() -> None:
    code, out, _ = _run("eval", "--gold", str(GOLD), "--raw", str(RAW), "--no-baseline")
    assert code == 0
    rows = [line.split()[0] for line in out.splitlines()[2:]]
    assert rows == ["person", "rank", "post", "unit", "province", "date", "participation", "overall", "date"]


def test_cli_eval_bad_gold_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_text("{", encoding="utf-8")
    code, _, err = _run("eval", "--gold", str(tmp_path), "--raw", str(RAW), "--no-baseline")
    assert code == 2
    assert err.startswith("error: ") and "x.json" in err


def test_cli_command_exits_with_the_commands_code_and_its_output_flushed(tmp_path: Path) -> None:
    import subprocess
    import sys

    from qpgraph import __version__

    (tmp_path / "raw").mkdir()
    shutil.copy(RAW / "dev-33.txt", tmp_path / "raw" / "dev-33.txt")
    (tmp_path / "raw" / "empty.txt").write_bytes(b"")
    command = [sys.executable, "-m", "qpgraph.cli", "build", str(tmp_path / "raw"), "--out", str(tmp_path / "out"), "--no-progress"]
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    assert run.returncode == 1
    assert run.stderr.splitlines()[-1] == (f"1 article built into {tmp_path / 'out'}, 1 failed; "
                                           f"open {tmp_path / 'out' / 'site' / 'index.html'} in a browser")
    assert (tmp_path / "out" / "site" / "index.html").is_file()
    version = subprocess.run([sys.executable, "-m", "qpgraph.cli", "--version"], capture_output=True, text=True, check=False)
    assert (version.returncode, version.stdout) == (0, f"qpgraph, version {__version__}\n")
    unknown = subprocess.run([sys.executable, "-m", "qpgraph.cli", "nonsense"], capture_output=True, text=True, check=False)
    assert unknown.returncode == 2 and "No such command 'nonsense'" in unknown.stderr


def _command(*args: str, prelude: str = "") -> subprocess.CompletedProcess[str]:
    """``qpgraph ARGS`` as its console script runs it (``run``: the errors of the system
    become one line), after ``prelude`` (Python)."""
    script = f"{prelude}\nfrom qpgraph.cli import run\nrun()"
    return subprocess.run([sys.executable, "-c", script, *args], capture_output=True, text=True, timeout=300)


def test_cli_an_error_of_the_system_is_one_line_and_exit_1(tmp_path: Path) -> None:
    # A name too long: where the build folder is to be made.
    out = tmp_path / ("x" * 300)
    done = _command("build", str(RAW / "dev-29.txt"), "--out", str(out), "--no-progress")
    assert (done.returncode, done.stderr) == (1, f"error: {out}: File name too long\n")
    # A disk that fills while the graph is exported: one line, not chained tracebacks, and
    # no half-written graph.json.
    assert _command("build", str(RAW / "dev-29.txt"), "--out", str(tmp_path / "out"), "--no-progress").returncode == 0
    full = ("import errno, qpgraph.export as export\n"
            "def full(graph, path):\n"
            "    raise OSError(errno.ENOSPC, 'No space left on device', str(path))\n"
            "export.EXPORTERS['graph.json'] = full")
    done = _command("export", "--build", str(tmp_path / "out"), prelude=full)
    assert (done.returncode, done.stderr) == (1, f"error: {tmp_path / 'out' / 'graph.json'}: No space left on device\n")
    assert not (tmp_path / "out" / "graph.json").exists()


def test_cli_help_imports_only_what_it_prints() -> None:
    # `qpgraph --help` and a command's --help import neither spaCy, networkx, pydantic
    # nor the package's pipeline: only click (their time is in benchmarks/cli_startup.py).
    probe = ("import sys\nfrom qpgraph.cli import main\n"
             "for argv in (['--help'], ['build', '--help'], ['export', '--help']):\n"
             "    try:\n        main(argv, prog_name='qpgraph')\n    except SystemExit:\n        pass\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'networkx', 'pydantic', 'underthesea') "
             "or m in ('qpgraph.corpus', 'qpgraph.store', 'qpgraph.graph')))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"
    assert "Usage: qpgraph [OPTIONS] COMMAND [ARGS]..." in done.stdout


def test_cli_counts_one_article_in_the_singular(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(ROOT / "data" / "raw" / "dev-29.txt", raw)
    result = CliRunner().invoke(main, ["build", str(raw), "--out", str(tmp_path / "out"), "--no-progress"])
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == (f"1 article built into {tmp_path / 'out'}, 0 failed; "
                                              f"open {tmp_path / 'out' / 'site' / 'index.html'} in a browser")


def test_cli_build_with_nothing_to_extract_never_imports_spacy(tmp_path: Path) -> None:
    # A rebuild with nothing changed stops after listing the articles: the extractor
    # (and spaCy, a second to import) is imported only when there is an article to extract.
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "dev-29.txt").write_bytes((RAW / "dev-29.txt").read_bytes())
    probe = ("import sys\nfrom qpgraph.cli import main\n"
             f"try:\n    main(['build', {str(raw)!r}, '--out', {str(tmp_path / 'out')!r}], prog_name='qpgraph')\n"
             "except SystemExit:\n    pass\n"
             "print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy')[:1])")
    first = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    again = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert first.stdout.splitlines()[-1] == "['spacy']"
    assert again.stdout.splitlines()[-1] == "[]" and "nothing changed" in again.stderr
