"""Only regular files are read: what an input folder may hold that is not an article.

A folder can carry, by accident or from a pull request, things that read without
end or publish what was never an article: a named pipe (reading it waits for a
writer forever), a device (``/dev/zero`` reads without end, and ``stat`` gives
its size as 0), a socket, a symbolic link to a file outside the folder
(``/etc/passwd``). Each is refused with one error naming it; nothing is read
from it. A file is opened without blocking and checked again once open (what it
is then is what is read, whatever it was when the folder was listed), and never
more than the size limit is read from it, whatever ``stat`` says.

>>> import tempfile
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = Path(scratch.name)
>>> os.mkfifo(folder / "pipe.txt")
>>> os.symlink("/etc/hostname", folder / "out.txt")
>>> check_inside(folder / "out.txt", folder)
Traceback (most recent call last):
...
qpgraph.errors.IngestError: ...out.txt: a symbolic link to /etc/hostname, outside the input folder: not read
>>> read_capped(folder / "pipe.txt", 100)
Traceback (most recent call last):
...
qpgraph.errors.IngestError: ...pipe.txt: a named pipe, not a regular file: not read
>>> scratch.cleanup()
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from qpgraph.errors import IngestError
from qpgraph.ingest.checks import human_size

__all__ = ["check_inside", "open_regular", "read_capped"]

_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def check_inside(path: Path, root: Path) -> None:
    """Refuse a symbolic link (anywhere on the path) that leads out of ``root``, the
    folder the file was found in."""
    target = Path(os.path.realpath(path))
    if not target.is_relative_to(os.path.realpath(root)):
        raise IngestError(f"a symbolic link to {target}, outside the input folder: not read", path)


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading if it is a regular file (opened without blocking, so
    a named pipe never waits for a writer, and checked once open)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise IngestError(f"{_kind(mode)}, not a regular file: not read", path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most ``max_bytes`` (refused past that, however
    large ``stat`` says it is)."""
    with open_regular(path) as stream:
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        size = os.stat(path).st_size
        shown = f"{human_size(size)} ({size} bytes)" if size > max_bytes else f"over {human_size(max_bytes)}"
        raise IngestError(f"file is too large: {shown}, the limit is {human_size(max_bytes)} ({max_bytes} bytes)", path)
    return data
