"""Extraction throughput against underthesea's ner(), and `qpgraph build` at corpus scale.

Run: ``python benchmarks/build_scale.py [--sizes 1000 10000] [--jobs 2]``.

1. Throughput: characters of article text per second on one core, qpgraph's
   extraction (ingest + extract, pipeline already built) and underthesea's
   ``ner()`` on the same text (the content sentences of data/raw), and their ratio.
2. For each size: a synthetic corpus (``synth_corpus.py``), a clean
   ``qpgraph build --jobs J`` (wall time and peak memory of the largest process),
   then one article added and an incremental build.
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
STAGE = re.compile(r"^(extract|graph|exports and site): .*\(\d+\.\d s\)$")


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


def timed_build(raw: Path, out: Path, jobs: int, clean: bool) -> tuple[float, float, list[str]]:
    """Wall seconds, peak RSS (MB) of the largest process, and the stage lines of one build."""
    args = [sys.executable, "-m", "qpgraph.cli", "build", str(raw), "--out", str(out), "--jobs", str(jobs), "--progress"]
    if clean:
        args.append("--clean")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    run = subprocess.run(args, check=True, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    stages = [line for line in run.stderr.splitlines() if STAGE.match(line)]
    return wall, peak / 1024, stages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--no-throughput", action="store_true", help="only the builds")
    args = parser.parse_args()

    if not args.no_throughput:
        ours, theirs = throughput()
        print(f"extraction: {ours:,.0f} chars/s per core; underthesea ner(): {theirs:,.0f} chars/s; ratio {ours / theirs:.1f}x")
    print(f"{'articles':>9} {'clean build s':>14} {'peak MB':>8} {'+1 article s':>13} {'s per 1k articles':>18}")
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            raw, out = Path(tmp) / "raw", Path(tmp) / "build"
            generate(size, raw)
            clean, peak, stages = timed_build(raw, out, args.jobs, clean=True)
            extra = generate(1, Path(tmp) / "extra", seed=size + 1)[0]
            shutil.copy(extra, raw / "syn-extra.txt")
            incremental, _, added = timed_build(raw, out, args.jobs, clean=False)
            print(f"{size:>9} {clean:>14.1f} {peak:>8.0f} {incremental:>13.1f} {1000 * clean / size:>18.1f}")
            print("\n".join(f"{'':>9} clean    {line}" for line in stages))
            print("\n".join(f"{'':>9} +1       {line}" for line in added), flush=True)


if __name__ == "__main__":
    main()
