"""Streaming writes: strings joined into batches, onto a handle of ``atomic.open_atomic``
(a reader never sees half a file however large the file is).

>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "out.txt"
>>> with open_atomic(path) as out:
...     write_joined(out, ["a", "b"], ",\\n")
>>> path.read_text(encoding="utf-8")
'a,\\nb'
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice
from typing import TextIO

from ..atomic import open_atomic  # noqa: F401  (used by the doctest)

__all__ = ["write_joined"]

#: Strings joined into one ``write`` call.
_BATCH = 512


def write_joined(out: TextIO, strings: Iterable[str], separator: str = "") -> None:
    """The strings with ``separator`` between them, a batch of them per ``write``."""
    strings = iter(strings)
    before = ""
    while batch := list(islice(strings, _BATCH)):
        out.write(before + separator.join(batch))
        before = separator
