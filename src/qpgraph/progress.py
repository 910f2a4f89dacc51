"""Progress of long runs: a bar on a terminal, plain log lines elsewhere (CI)."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import TextIO, TypeVar

__all__ = ["progress", "stage"]

T = TypeVar("T")


def progress(items: Iterable[T], total: int, label: str, stream: TextIO | None = None) -> Iterator[T]:
    """Yield ``items``, reporting how many are done, the rate and the time left.

    On a terminal this is a tqdm bar; otherwise a line at every tenth of the way:

    >>> import io
    >>> out = io.StringIO()
    >>> list(progress(range(3), 3, "extract", stream=out))
    [0, 1, 2]
    >>> out.getvalue().splitlines()[-1].split(",")[0]
    'extract: 3/3 (100%)'
    """
    stream = stream or sys.stderr
    if total and stream.isatty():
        from tqdm import tqdm

        yield from tqdm(items, total=total, desc=label, unit="article", file=stream)
        return
    step = max(1, -(-total // 10))
    start = time.monotonic()
    done = 0
    for item in items:
        yield item
        done += 1
        if done % step == 0 or done == total:
            elapsed = time.monotonic() - start
            rate = done / elapsed if elapsed > 0 else 0.0
            left = (total - done) / rate if rate else 0.0
            pct = 100 * done // total if total else 100
            stream.write(f"{label}: {done}/{total} ({pct}%), {rate:.1f} articles/s, {left:.0f} s left\n")
            stream.flush()


@contextmanager
def stage(label: str, report: bool, stream: TextIO | None = None) -> Iterator[list[str]]:
    """Time a stage of a build; with ``report``, log ``label: details (seconds)`` when it ends.

    >>> import io
    >>> out = io.StringIO()
    >>> with stage("graph", True, out) as details:
    ...     details.append("3 nodes")
    >>> out.getvalue().split(" (")[0]
    'graph: 3 nodes'
    """
    details: list[str] = []
    start = time.monotonic()
    yield details
    if report:
        stream = stream or sys.stderr
        stream.write(f"{label}: {', '.join(details) or 'done'} ({time.monotonic() - start:.1f} s)\n")
        stream.flush()
