"""Pickles of plain data, read without ever running code.

The states a build keeps for the next one beside its store (the kept graph, the
site's digests) are pickles of plain data only: tuples, lists, dicts, sets,
frozensets, strings, bytes, numbers, booleans and None, which pickle writes with
opcodes of their own. :func:`load` reads one with an unpickler that resolves no
global at all, so a crafted file (a build folder restored from elsewhere) cannot
call anything: it is refused, and the build makes that state anew.

>>> import io, os, pickle
>>> load(io.BytesIO(pickle.dumps(("a", {1: frozenset({"b"})}, [b"c", None]), protocol=5)))
('a', {1: frozenset({'b'})}, [b'c', None])
>>> class Crafted:
...     def __reduce__(self):
...         return (os.system, ("echo run",))
>>> load(io.BytesIO(pickle.dumps(Crafted())))
Traceback (most recent call last):
...
_pickle.UnpicklingError: a plain-data pickle names posix.system
"""

from __future__ import annotations

import io
import pickle
from typing import IO, Any

__all__ = ["load", "loads"]


class _Plain(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        raise pickle.UnpicklingError(f"a plain-data pickle names {module}.{name}")


def load(handle: IO[bytes]) -> Any:
    """The next pickle of ``handle``; :class:`pickle.UnpicklingError` if it names any
    class or function."""
    return _Plain(handle).load()


def loads(data: bytes) -> Any:
    return load(io.BytesIO(data))
