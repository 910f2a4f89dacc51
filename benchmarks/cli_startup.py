"""How long ``qpgraph --help`` takes, the way a user runs it (a new process each time).

Run: ``python benchmarks/cli_startup.py [--rounds 3]``. Prints, for ``qpgraph
--help`` and ``qpgraph build --help``, the median of the rounds in wall and CPU
seconds (the process and its children), and beside them ``python -c pass`` measured
in the same rounds, alternating, so that the interpreter's own start is known.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

QPGRAPH = str(Path(sys.executable).parent / "qpgraph")
COMMANDS = {"python -c pass": [sys.executable, "-c", "pass"], "qpgraph --help": [QPGRAPH, "--help"],
            "qpgraph build --help": [QPGRAPH, "build", "--help"]}


def timed(argv: list[str]) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    rounds = parser.parse_args().rounds
    for argv in COMMANDS.values():  # warm the file cache
        timed(argv)
    runs: dict[str, list[tuple[float, float]]] = {name: [] for name in COMMANDS}
    for _ in range(rounds):
        for name, argv in COMMANDS.items():
            runs[name].append(timed(argv))
    for name, times in runs.items():
        wall = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        print(f"{name:24} {wall:.3f} s wall, {cpu:.3f} s CPU (median of {rounds})")


if __name__ == "__main__":
    main()
