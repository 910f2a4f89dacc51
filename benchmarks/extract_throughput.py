"""Extraction throughput per core against underthesea's ``ner()``, on the same characters.

Run: ``python benchmarks/extract_throughput.py [--rounds 3]``.

Both read exactly the same text: the content sentences of every article of
``data/raw`` (what ingest keeps of them). ``ner()`` is called on each sentence;
qpgraph extracts each article made of its sentences, one per line (ingest,
grammar, records), with the pipeline built and both warmed up first. A round of
qpgraph reads the corpus ``--passes`` times (one pass is too short to time on a
noisy machine), a round of ``ner()`` once. The rounds alternate the two, so that
both see the machine in the same state; each prints wall and CPU seconds, then the
medians, characters per second, and the ratio of the rates.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from qpgraph.extract.nlp import build_nlp
from qpgraph.extract.pipeline import extract
from qpgraph.ingest import iter_articles, prepare
from qpgraph.records import Article

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> tuple[list[Article], list[str]]:
    """The articles as their content sentences, and the same sentences for ``ner()``."""
    articles: list[Article] = []
    sentences: list[str] = []
    for article in iter_articles([ROOT / "data" / "raw"]):
        if isinstance(article, Exception):
            continue
        kept = [s.text for s in prepare(article).sentences]
        sentences += kept
        articles.append(article.model_copy(update={"text": "\n".join(kept)}))
    return articles, sentences


def timed(run: Callable[[], None]) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--passes", type=int, default=10, help="passes over the corpus in a round of qpgraph")
    args = parser.parse_args()
    from underthesea import ner

    articles, sentences = corpus()
    chars = sum(map(len, sentences))
    nlp = build_nlp()

    def ours() -> None:
        for _ in range(args.passes):
            for article in articles:
                extract(prepare(article), nlp)

    def theirs() -> None:
        for sentence in sentences:
            ner(sentence)

    for article in articles:  # warm-up: vocabularies and models loaded, caches filled
        extract(prepare(article), nlp)
    ner(sentences[0])
    # What both loaded (underthesea's models are millions of objects) is left out of the
    # collector's passes, as a build does with what it keeps (qpgraph.collector).
    gc.freeze()
    runs: dict[str, list[tuple[float, float]]] = {"qpgraph": [], "ner": []}
    for round_ in range(args.rounds):
        for name, run in (("qpgraph", ours), ("ner", theirs)):
            wall, cpu = timed(run)
            runs[name].append((wall, cpu))
            print(f"round {round_ + 1} {name:8} wall {wall:8.3f} s  cpu {cpu:8.3f} s", file=sys.stderr)
    print(f"{len(articles)} articles, {len(sentences)} sentences, {chars:,} characters (the same for both)")
    medians = {name: (statistics.median(w for w, _ in r), statistics.median(c for _, c in r)) for name, r in runs.items()}
    read = {"qpgraph": chars * args.passes, "ner": chars}
    rates = {}
    for name, (wall, cpu) in medians.items():
        rates[name] = (read[name] / wall, read[name] / cpu)
        print(f"{name:8} median of {args.rounds}: wall {wall:.3f} s ({rates[name][0]:,.0f} chars/s), "
              f"cpu {cpu:.3f} s ({rates[name][1]:,.0f} chars/s)")
    (ow, oc), (tw, tc) = rates["qpgraph"], rates["ner"]
    print(f"ratio: {ow / tw:.1f}x on wall time, {oc / tc:.1f}x on CPU time")


if __name__ == "__main__":
    main()
