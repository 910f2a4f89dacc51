"""Output size against input size: does a build's output grow with its input, or faster?

Run: ``python benchmarks/output_growth.py [--sizes 25,50,100,200,300] [--rounds 3]``.

Two series, each built with ``qpgraph build`` into a fresh folder (one process,
``--jobs 1``):

* one article whose one sentence lists N officers (what congress reports print;
  ``tests/attendees.py``): before who-met-whom was derived from the events and
  each sentence stored once, output grew with the cube of N;
* the articles of data/raw copied K times (K = N / 25, at least 1): output should
  grow with the corpus;
* fuzzed: the same K copies, each with every full stop turned into a comma and its
  body printed N / 25 times over (at least once), so that each article is one
  long sentence citing the same persons again and again: the shape that made
  records grow with the square of an article's length.

For each: the input bytes, the output bytes (every file the build wrote: records,
facts, cache, graph in every format, site), their ratio, and the median of
``--rounds`` builds' wall and CPU seconds (the build runs in a child process; its
CPU is the child's user + system time).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))

from attendees import attendees  # noqa: E402


def _fuzzed(text: str, times: int) -> str:
    """An article's body as one sentence (full stops made commas, lines joined), ``times`` over."""
    front, _, body = text.partition("---\n")[2].partition("---\n") if text.startswith("---\n") else ("", "", text)
    sentence = " ".join(body.replace(".", ",").split())
    return (f"---\n{front}---\n" if front else "") + " ".join([sentence] * times) + "\n"


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _build(raw: Path, rounds: int) -> tuple[int, float, float]:
    """Output bytes, median wall and CPU seconds of ``rounds`` clean builds of ``raw``."""
    walls, cpus, size = [], [], 0
    for _ in range(rounds):
        with tempfile.TemporaryDirectory() as scratch:
            out = Path(scratch) / "out"
            before = os.times()
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "from qpgraph.cli import run; run()", "build", str(raw), "--out",
                            str(out), "--jobs", "1", "--no-progress"], check=True, stderr=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
            after = os.times()
            cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
            size = _size(out)
    return size, statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="25,50,100,200,300")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"{'series':<22}{'N':>5}{'input B':>11}{'output B':>12}{'out/in':>8}{'wall s':>8}{'CPU s':>8}")
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as scratch:
            series = {"attendees in 1 sentence": Path(scratch) / "list", "copies of data/raw": Path(scratch) / "raw",
                      "fuzzed: 1 sentence each": Path(scratch) / "fuzz"}
            for folder in series.values():
                folder.mkdir()
            (series["attendees in 1 sentence"] / "list.txt").write_text(attendees(n), encoding="utf-8")
            for k in range(max(1, n // 25)):
                for path in sorted((ROOT / "data" / "raw").glob("*.txt")):
                    (series["copies of data/raw"] / f"{path.stem}-{k}.txt").write_bytes(path.read_bytes())
                    (series["fuzzed: 1 sentence each"] / f"{path.stem}-{k}.txt").write_text(
                        _fuzzed(path.read_text(encoding="utf-8"), max(1, n // 25)), encoding="utf-8")
            for name, raw in series.items():
                size_in = _size(raw)
                size_out, wall, cpu = _build(raw, args.rounds)
                print(f"{name:<22}{n:>5}{size_in:>11}{size_out:>12}{size_out / size_in:>8.1f}{wall:>8.2f}{cpu:>8.2f}",
                      flush=True)


if __name__ == "__main__":
    main()
