"""Seconds per exporter (graph.json, GraphML, GEXF, Neo4j CSV, tenures) for one graph.

Run: ``python benchmarks/exporters.py [--build PATH | --articles N] [--repeat R]``.

The graph is the one a build's store holds (``--build``, read as ``qpgraph export``
reads it), or the graph of a synthetic corpus of N articles (``--articles``, made
by ``synth_corpus.py``), or by default the graph of data/raw. Each exporter writes
into a temporary folder R times; the best wall and CPU (user + system) seconds of
the R are printed, and the size of what it wrote.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

import qpgraph
from qpgraph.export import EXPORTERS
from qpgraph.store.graph import read_graph

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def load_graph(build: Path | None, articles: int) -> nx.MultiDiGraph:
    if build is not None:
        return read_graph(build)
    if articles:
        sys.path.insert(0, str(HERE))
        from synth_corpus import generate

        raw = Path(tempfile.mkdtemp()) / "raw"
        generate(articles, raw)
        return qpgraph.build_graph([raw]).graph
    return qpgraph.build_graph([ROOT / "data" / "raw"]).graph


def size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) if path.is_dir() else path.stat().st_size


def bench(graph: nx.MultiDiGraph, repeat: int) -> list[tuple[str, float, float, int]]:
    """(file name, best wall seconds, best CPU seconds, bytes written) per exporter."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, exporter in EXPORTERS.items():
            path = Path(tmp) / name
            walls, cpus = [], []
            for _ in range(repeat):
                wall, cpu = time.perf_counter(), time.process_time()
                exporter(graph, path)
                walls.append(time.perf_counter() - wall)
                cpus.append(time.process_time() - cpu)
            results.append((name, min(walls), min(cpus), size(path)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--build", type=Path, help="a build folder (its store's graph)")
    source.add_argument("--articles", type=int, default=0, help="build the graph of a synthetic corpus this size")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    graph = load_graph(args.build, args.articles)
    print(f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} edges; best of {args.repeat}")
    print(f"{'exporter':<14} {'wall s':>7} {'CPU s':>7} {'MB':>7}")
    for name, wall, cpu, written in bench(graph, args.repeat):
        print(f"{name:<14} {wall:7.3f} {cpu:7.3f} {written / 1e6:7.1f}")


if __name__ == "__main__":
    main()
