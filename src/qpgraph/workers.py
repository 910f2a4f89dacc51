"""Worker processes end with the build that started them.

When a build's main process dies without a word (``kill -9``, the OOM killer), its
forked workers would otherwise live on for minutes, blocked on pipes no one reads,
holding their memory and the caller's standard error. Every process pool of
qpgraph starts its workers with :func:`die_with_parent`: on Linux the kernel sends
them ``SIGKILL`` when the parent goes (``prctl(PR_SET_PDEATHSIG)``); elsewhere a
worker whose parent is already gone exits at once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from functools import cache
from typing import Any

__all__ = ["die_with_parent"]

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
