"""A build killed at any stage leaves no process behind, and the next build removes what it left."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"


def _group(pgid: int) -> list[int]:
    """The processes of a process group, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue  # gone meanwhile
            if int(fields[2]) == pgid and fields[0] != "Z":
                found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five copies of data/raw (310 articles): stages long enough to be caught running."""
    raw = tmp_path_factory.mktemp("raw")
    for n in range(5):
        for path in sorted(RAW.glob("*.txt")):
            (raw / f"{path.stem}-{n}.txt").write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return raw


@pytest.mark.parametrize("stage", ["extract", "site"])
def test_workers_die_with_a_killed_build(corpus: Path, tmp_path: Path, stage: str) -> None:
    out = tmp_path / "out"
    build = subprocess.Popen(
        [sys.executable, "-c", "from qpgraph.cli import run; run()", "build", str(corpus), "--out", str(out), "--jobs", "2"],
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    assert build.stderr is not None
    if stage == "site":  # the stage after the graph's line
        for line in build.stderr:
            if line.startswith("graph:"):
                break
    deadline = time.monotonic() + 120
    while len(_group(build.pid)) < 2 and build.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)  # until a worker runs beside the main process
    assert build.poll() is None, f"the build ended before a worker of {stage!r} was seen"
    workers = [pid for pid in _group(build.pid) if pid != build.pid]
    assert workers
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    time.sleep(2)
    assert _group(build.pid) == []
    # The next build completes it and removes what the killed one left half-written.
    again = subprocess.run([sys.executable, "-c", "from qpgraph.cli import run; run()", "build", str(corpus), "--out",
                            str(out), "--jobs", "2", "--no-progress"], capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert [p for p in out.rglob(".*") if p.name.endswith((".tmp", ".new"))] == []


def test_next_build_removes_what_a_killed_build_left(tmp_path: Path) -> None:
    from qpgraph.corpus import build

    out = tmp_path / "out"
    assert not build([RAW / "dev-29.txt"], out).errors
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True,
                          check=True).stdout.strip()  # the pid of a process that has ended
    left = [out / f".graph.json.{dead}.0.tmp", out / "records" / f".dev-29.json.{dead}.1.tmp",
            out / f".site.{dead}.k2v9x1.new"]
    for path in left[:2]:
        path.write_text("half written", encoding="utf-8")
    (left[2] / "person").mkdir(parents=True)
    (left[2] / "person" / "a.html").write_text("<html>", encoding="utf-8")
    running = out / f".graph.json.{os.getpid()}.7.tmp"  # a live process's: left alone
    running.write_text("being written", encoding="utf-8")
    assert not build([RAW / "dev-29.txt"], out).errors
    assert [path.exists() for path in left] == [False, False, False]
    assert running.exists()
