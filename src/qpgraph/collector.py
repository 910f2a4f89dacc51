"""Python's cyclic garbage collector, paused while a stage allocates millions of
objects that stay alive (records read back, the graph being built).

Each full collection walks every live object; while a large corpus is loaded
it runs again and again over an ever larger heap, for nothing: what these
stages allocate is not garbage. Reference counting still frees what is
dropped; the collector runs again when the block ends.

>>> import gc
>>> with paused():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["paused", "frozen"]


@contextmanager
def paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def frozen() -> Iterator[None]:
    """Processes forked in the block inherit the objects alive now frozen: their
    collectors leave them (and the memory pages they share with the parent) alone.

    >>> with frozen():
    ...     gc.get_freeze_count() > 0
    True
    >>> gc.get_freeze_count()
    0
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()
