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
    """The objects alive now frozen for the block: the collector leaves them alone
    (a kept graph of millions of objects is never walked again), and so do the
    collectors of processes forked in the block (and the memory pages they share
    with the parent). Blocks nest: the outermost one unfreezes.

    >>> with frozen():
    ...     with frozen():
    ...         pass
    ...     gc.get_freeze_count() > 0
    True
    >>> gc.get_freeze_count()
    0
    """
    outer = gc.get_freeze_count() > 0
    gc.freeze()
    try:
        yield
    finally:
        if not outer:  # an outer block unfreezes them all when it ends
            gc.unfreeze()
