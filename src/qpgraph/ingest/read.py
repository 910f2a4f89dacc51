"""Read articles from disk: ``.txt`` files (one article) and ``.jsonl`` files (many).

A ``.txt`` article is a UTF-8 file whose stem is the article id, with optional
front matter (see :mod:`qpgraph.ingest.meta`); ``Article.text`` is the body
exactly as in the file (a leading BOM removed). A ``.jsonl`` file holds one
article per line (see :mod:`qpgraph.ingest.jsonl`).

:func:`read_path` reads one file and raises on the first problem;
:func:`iter_articles` reads files and folders and yields an
:class:`~qpgraph.errors.IngestError` in place of each bad article, so one bad
article never stops the others.

>>> import tempfile
>>> scratch = tempfile.TemporaryDirectory()
>>> folder = Path(scratch.name)
>>> _ = (folder / "a1.txt").write_text("---\\npublished: 2025-08-10\\n---\\nNgày 10/8.\\n", encoding="utf-8")
>>> _ = (folder / "b2.txt").write_text("   \\n", encoding="utf-8")
>>> [(item.id, item.published, item.text) for item in read_path(folder / "a1.txt")]
[('a1', '2025-08-10', 'Ngày 10/8.\\n')]
>>> for item in iter_articles([folder]):
...     print(type(item).__name__, item.id if isinstance(item, Article) else item.message)
Article a1
IngestError file has only white space: no article text
>>> scratch.cleanup()
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from qpgraph.errors import IngestError
from qpgraph.ingest.checks import MAX_BYTES, check_id, check_size, check_text, decode
from qpgraph.ingest.files import check_inside, read_capped
from qpgraph.ingest.jsonl import iter_jsonl
from qpgraph.ingest.meta import split_front_matter
from qpgraph.records import Article
from qpgraph.text import slug

__all__ = ["SUFFIXES", "file_signature", "iter_articles", "list_files", "read_path"]

#: The file types read; other files in a folder are ignored.
SUFFIXES = (".txt", ".jsonl")


def _read_txt(path: Path, max_bytes: int) -> Article:
    check_size(path, max_bytes)
    text = decode(read_capped(path, max_bytes), path)
    check_text(text, path)
    meta, body, first_line = split_front_matter(text, path)
    if not body.strip():
        raise IngestError("no article text after the front matter", path, first_line)
    check_text(body, path, first_line)
    return Article(id=check_id(path.stem, path), path=str(path), text=body, **meta)


def _os_error(error: OSError, path: Path) -> IngestError:
    return IngestError(f"cannot read: {error.strerror or error}", path)


def _iter_file(path: Path, max_bytes: int, root: Path | None = None) -> Iterator[Article | IngestError]:
    """Articles and errors of one file (found in the folder ``root``, if it was), never
    raising IngestError or OSError."""
    try:
        if root is not None:
            check_inside(path, root)
        if not path.exists():
            raise IngestError("no such file or folder", path)
        if path.is_dir():
            raise IngestError("is a folder, not a file (iter_articles reads folders)", path)
        if path.suffix == ".txt":
            yield _read_txt(path, max_bytes)
        elif path.suffix == ".jsonl":  # any size: the limit applies to each line
            yield from iter_jsonl(path, max_bytes)
        else:
            raise IngestError(f"unsupported file type {path.suffix or '(none)'!r}: expected .txt or .jsonl", path)
    except IngestError as error:
        yield error
    except OSError as error:
        yield _os_error(error, path)


def read_path(path: str | Path, *, max_bytes: int = MAX_BYTES) -> list[Article]:
    """The articles of one ``.txt`` or ``.jsonl`` file.

    Raises :class:`~qpgraph.errors.IngestError` for the first problem found (a
    bad ``.txt`` file, the first bad line of a ``.jsonl`` file, a missing file).
    Use :func:`iter_articles` to keep the good articles of a file with bad lines.
    """
    articles: list[Article] = []
    for item in _iter_file(Path(path), max_bytes):
        if isinstance(item, IngestError):
            raise item
        articles.append(item)
    return articles


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _expand(path: Path) -> list[Path]:
    """The article files under a folder, hidden files and folders left out."""
    found: list[Path] = []
    for root, dirs, files in os.walk(path):
        dirs[:] = [name for name in dirs if not _is_hidden(name)]
        found.extend(Path(root, name) for name in files if not _is_hidden(name) and Path(name).suffix in SUFFIXES)
    return found


def list_files(paths: Iterable[str | Path]) -> list[tuple[Path, Path | None]]:
    """Every file to read (missing paths included, to report them), sorted, once each,
    with the folder it was found in (None for a file named itself)."""
    files: dict[str, tuple[Path, Path | None]] = {}
    for given in paths:
        path = Path(given)
        found = [(file, path) for file in _expand(path)] if path.is_dir() else [(path, None)]
        for file, root in found:
            key = os.path.realpath(file) if file.exists() else str(file)
            if key not in files or (files[key][0].is_symlink() and not file.is_symlink()):
                files[key] = (file, root)  # a file and a link to it: the file, under its own name
    return sorted(files.values(), key=lambda found: str(found[0]))


def _line_of(article: Article, file: Path) -> int | None:
    """The line of a .jsonl article (its path is ``file:LINE``), None for a .txt one."""
    suffix = article.path[len(str(file)) :]
    return int(suffix[1:]) if suffix.startswith(":") else None


def file_signature(path: Path) -> str | None:
    """What changes whenever a file's content can have changed: its size, modification
    and status-change times (the latter set by the system on every write, never by a
    tool that puts a time back) and inode; None for a path that cannot be looked at."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}"


def iter_articles(paths: Iterable[str | Path], *, max_bytes: int = MAX_BYTES,
                  files: list[tuple[Path, Path | None]] | None = None) -> Iterator[Article | IngestError]:
    """Articles of files and folders, with an IngestError in place of each bad one.

    Folders are walked for ``*.txt`` and ``*.jsonl`` files (hidden files and
    folders skipped, symbolic links to folders not followed); only regular files
    inside the folder are read (:mod:`qpgraph.ingest.files`). Two ids that make one
    node and page name (:func:`~qpgraph.text.slug`: ``a.b`` and ``a-b``, ``CON`` and
    ``con``) are an error on the second, never one article. Files are read in order of their path, the lines of a
    ``.jsonl`` file in order; a file named twice is read once. A path that does
    not exist, a bad file or line, and an article whose id was already read
    each give an IngestError; nothing is raised for them. ``files``: what
    :func:`list_files` gives for ``paths``, if it is listed already.
    """
    seen: dict[str, tuple[str, str]] = {}  # an id's key (its node and page name) → the id, where it was read
    for file, root in files if files is not None else list_files(paths):
        for item in _iter_file(file, max_bytes, root):
            if isinstance(item, Article):
                first, where = seen.setdefault(slug(item.id), (item.id, item.path))
                if where != item.path:
                    what = f"duplicate article id {item.id!r}" if first == item.id else (
                        f"article id {item.id!r} is the same as {first!r} once made a node and file name "
                        f"({slug(item.id)!r})")
                    yield IngestError(f"{what} (first read from {where})", file, _line_of(item, file))
                    continue
            yield item
