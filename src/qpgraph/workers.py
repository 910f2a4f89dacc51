"""Work on other processes, which end with the build that started them.

When a build's main process dies without a word (``kill -9``, the OOM killer), its
forked workers would otherwise live on for minutes, blocked on pipes no one reads,
holding their memory and the caller's standard error. Every process pool of
qpgraph starts its workers with :func:`die_with_parent`: on Linux the kernel sends
them ``SIGKILL`` when the parent goes (``prctl(PR_SET_PDEATHSIG)``); elsewhere a
worker whose parent is already gone exits at once. :func:`in_background` runs one
piece of work in a forked process beside the caller.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from typing import Any, TypeVar, cast

from .collector import frozen

__all__ = ["die_with_parent", "in_background"]

T = TypeVar("T")

#: ``prctl`` option: the signal the calling process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


@cache
def _prctl() -> Any:
    """libc's ``prctl``, where there is one."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    except OSError:
        return None
    return getattr(libc, "prctl", None)


def die_with_parent(parent: int) -> None:
    """Make this (worker) process die when ``parent``, the process that started it, dies."""
    prctl = _prctl()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


#: The work of a forked background process, inherited (never pickled).
_BACKGROUND: tuple[Callable[..., Any], tuple[Any, ...]] | None = None


def in_background(work: Callable[..., T], *args: Any) -> Callable[[], T] | None:
    """Start ``work(*args)`` in a forked process (its arguments are inherited, not
    copied through a pipe); the function returned waits for its result, and raises
    what it raised. None where processes cannot fork."""
    global _BACKGROUND
    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    _BACKGROUND = (work, args)
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=die_with_parent,
                               initargs=(os.getpid(),))
    with frozen():
        pending = pool.submit(_run_background)  # the child is forked here

    def wait() -> T:
        global _BACKGROUND
        try:
            return cast(T, pending.result())
        finally:
            pool.shutdown()
            _BACKGROUND = None

    return wait


def _run_background() -> Any:
    assert _BACKGROUND is not None
    work, args = _BACKGROUND
    return work(*args)
