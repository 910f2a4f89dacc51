"""Write files atomically: a reader never sees half of one, a failure leaves none."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

__all__ = ["atomic_fd", "open_atomic", "write_bytes_atomic", "write_text_atomic", "replace_folder", "sweep"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def open_atomic(path: Path) -> Iterator[TextIO]:
    """A buffered text handle (UTF-8 on every platform, '\\n' line ends) on a temporary
    file beside ``path``, renamed over it when the block ends without an error and
    removed if it raises: a reader never sees half a file however large it is."""
    with atomic_fd(path) as fd, open(fd, "w", encoding="utf-8", newline="\n", buffering=1 << 20) as handle:
        yield handle


#: Numbers the temporary files of this process (with its pid, their names are unique).
_TEMPORARY = itertools.count()


def _create_temporary(path: Path) -> tuple[int, Path]:
    """A new file beside ``path``, with the permissions any new file gets (the umask
    applies); cheaper than ``tempfile.mkstemp``, which matters at thousands of files."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{next(_TEMPORARY)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:  # left by a process of the same pid that died
            continue


@contextmanager
def atomic_fd(path: Path) -> Iterator[int]:
    """A file descriptor on a new temporary file beside ``path``, renamed over it when
    the block ends without an error and removed if it raises."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _create_temporary(path)
    try:
        yield fd
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_bytes_atomic(path: Path, data: bytes) -> None:
    with atomic_fd(path) as fd, os.fdopen(fd, "wb") as handle:
        handle.write(data)


def write_text_atomic(path: Path, text: str) -> None:
    """UTF-8 on every platform, '\\n' line ends."""
    write_bytes_atomic(path, text.encode("utf-8"))


@contextmanager
def replace_folder(target: Path) -> Iterator[Path]:
    """A new folder beside ``target`` that replaces it when the block ends without
    an error (and is removed if it raises)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    # Named with the pid, as temporary files are: what a killed build leaves, the next removes (sweep).
    fresh = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".new"))
    try:
        yield fresh
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    os.chmod(fresh, 0o777 & ~_umask())
    old = target.with_name(f".{target.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        os.replace(target, old)
    os.replace(fresh, target)
    shutil.rmtree(old, ignore_errors=True)


#: What :func:`atomic_fd` and :func:`replace_folder` create: ``.NAME.PID.N.tmp`` files and
#: ``.NAME.PID.XXXX.new`` folders.
_LEFTOVER = re.compile(r"\..+\.(\d+)\.(?:\d+\.tmp|[^.]+\.new)")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def sweep(folder: Path, skip: tuple[str, ...] = ("site",)) -> list[Path]:
    """Remove the temporary files and folders that processes which no longer run left
    in ``folder`` (a build killed before it finished), not looking inside the folders
    named in ``skip`` (replaced whole, they never hold any); the paths removed.

    >>> import tempfile
    >>> scratch = Path(tempfile.mkdtemp())
    >>> _ = (scratch / ".graph.json.999999999.3.tmp").write_text("half")
    >>> (scratch / ".site.999999999.x1y2.new").mkdir()
    >>> _ = (scratch / f".mine.{os.getpid()}.0.tmp").write_text("being written")
    >>> [p.name for p in sweep(scratch)]
    ['.graph.json.999999999.3.tmp', '.site.999999999.x1y2.new']
    >>> shutil.rmtree(scratch)
    """
    removed: list[Path] = []
    for root, dirs, files in os.walk(folder):
        for name in sorted([*files, *dirs]):
            found = _LEFTOVER.fullmatch(name)
            if found is None or _alive(int(found.group(1))):
                continue
            path = Path(root, name)
            if name in dirs:
                shutil.rmtree(path, ignore_errors=True)
            else:
                path.unlink(missing_ok=True)
            removed.append(path)
        dirs[:] = [d for d in dirs if d not in skip and Path(root, d) not in removed]
    return removed
