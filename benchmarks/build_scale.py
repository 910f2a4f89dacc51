"""Extraction throughput against underthesea's ner(), and `qpgraph build` at corpus scale.

Run: ``python benchmarks/build_scale.py [--sizes 1000 10000] [--jobs 2]``.

1. Throughput: characters of article text per second on one core, qpgraph's
   extraction (ingest + extract, pipeline already built) and underthesea's
   ``ner()`` on the same text (the content sentences of data/raw), and their ratio.
2. For each size: a synthetic corpus (``synth_corpus.py``), a clean
   ``qpgraph build --jobs J``, a rebuild with nothing changed, one article added
   and an incremental build, that article removed and another, then
   ``qpgraph export`` of every format: for each, wall and CPU seconds (of the
   command and every process it started) and the peak of the memory of all its
   processes together (the sum of their PSS, sampled every 0.1 s); then the size
   of ``build/`` and of the exports.
3. Growth: build time per article across the sizes (linear if it stays flat).
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synth_corpus import generate  # noqa: E402

from qpgraph.extract.nlp import build_nlp  # noqa: E402
from qpgraph.extract.pipeline import extract  # noqa: E402
from qpgraph.ingest import iter_articles, prepare  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
STAGE = re.compile(r"^(extract|graph|site): .*\(\d+\.\d s\)$")


def throughput(rounds: int = 5) -> tuple[float, float]:
    from underthesea import ner

    articles = [a for a in iter_articles([ROOT / "data" / "raw"]) if not isinstance(a, Exception)]
    nlp = build_nlp()
    for article in articles:  # warm-up, as for ner() below: vocabularies loaded, caches filled
        extract(prepare(article), nlp)
    chars = sum(len(a.text) for a in articles)
    start = time.perf_counter()
    for _ in range(rounds):
        for article in articles:
            extract(prepare(article), nlp)
    ours = rounds * chars / (time.perf_counter() - start)
    sentences = [s.text for a in articles for s in prepare(a).sentences]
    ner(sentences[0])
    start = time.perf_counter()
    for sentence in sentences:
        ner(sentence)
    theirs = sum(len(s) for s in sentences) / (time.perf_counter() - start)
    return ours, theirs


def _group(pgid: int) -> list[int]:
    """The processes of a process group, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == pgid:
                found.append(int(entry.name))
    return found


def _pss(pids: list[int]) -> int:
    """The sum of the proportional set sizes of ``pids``, in kB."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            continue  # gone meanwhile
    return total


def timed(*args: str) -> tuple[float, float, float, list[str]]:
    """Wall and CPU seconds, the peak of the summed PSS of all its processes (MB), and
    the stage lines of one ``qpgraph`` command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.Popen([sys.executable, "-c", "from qpgraph.cli import run; run()", *args],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    peak = 0
    while run.poll() is None:
        peak = max(peak, _pss(_group(run.pid)))
        time.sleep(0.1)
    wall = time.perf_counter() - start
    assert run.stderr is not None
    err = run.stderr.read()
    if run.returncode != 0:
        raise SystemExit(f"qpgraph {' '.join(args)} failed:\n{err}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return wall, cpu, peak / 1024, [line for line in err.splitlines() if STAGE.match(line)]


def _size(folder: Path, *names: str) -> float:
    """MB on disk under ``folder`` (or only under its ``names``)."""
    roots = [folder / n for n in names] if names else [folder]
    files = [p for root in roots for p in ([root] if root.is_file() else root.rglob("*")) if p.is_file()]
    return sum(p.stat().st_blocks * 512 for p in files) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-throughput", action="store_true", help="only the builds")
    args = parser.parse_args()

    if not args.no_throughput:
        ours, theirs = throughput()
        print(f"extraction: {ours:,.0f} chars/s per core; underthesea ner(): {theirs:,.0f} chars/s; ratio {ours / theirs:.1f}x")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            raw, out = Path(tmp) / "raw", Path(tmp) / "build"
            generate(size, raw)
            build = ["build", str(raw), "--out", str(out), "--jobs", str(args.jobs), "--progress"]
            runs = {"clean": timed(*build, "--clean"), "no-op": timed(*build)}
            extra = generate(2, Path(tmp) / "extra", seed=size + 1)
            shutil.copy(extra[0], raw / "syn-extra.txt")
            runs["+1"] = timed(*build)
            (raw / "syn-extra.txt").unlink()
            runs["-1"] = timed(*build)
            runs["export"] = timed("export", "--build", str(out))
            print(f"{size:,} articles ({1000 * runs['clean'][0] / size:.1f} s per 1,000 in the clean build)")
            for name, (wall, cpu, peak, stages) in runs.items():
                print(f"  {name:<7} wall {wall:6.1f} s  cpu {cpu:6.1f} s  peak PSS of all processes {peak:6.0f} MB")
                print("\n".join(f"{'':>10}{line}" for line in stages))
            exports = ("graph.json", "graph.graphml", "graph.gexf", "neo4j", "tenures.csv", "parquet")
            print(f"  build/ {_size(out):,.0f} MB on disk: store {_size(out, 'qpgraph.sqlite'):,.0f}, "
                  f"site {_size(out, 'site'):,.0f}, exports {_size(out, *exports):,.0f}, cache {_size(out, 'cache'):,.0f}",
                  flush=True)


if __name__ == "__main__":
    main()
