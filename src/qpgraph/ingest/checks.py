"""Refuse what is not an article: too big, binary, not UTF-8, empty, HTML.

Each check raises :class:`~qpgraph.errors.IngestError` with the path (and line,
where there is one) and says what is wrong.

>>> decode(b"\\xef\\xbb\\xbfQu\\xc3\\xa2n khu 7", "a.txt")  # a leading BOM is dropped
'Quân khu 7'
>>> decode(b"Qu\\xe2n khu", "a.txt")
Traceback (most recent call last):
...
qpgraph.errors.IngestError: a.txt:1: not UTF-8: byte 0xe2 at byte offset 2 cannot be decoded
>>> check_text("<!DOCTYPE html><html><body>x</body></html>", "a.txt")
Traceback (most recent call last):
...
qpgraph.errors.IngestError: a.txt: an HTML page, not article text (starts with '<!DOCTYPE html')
"""

from __future__ import annotations

import re
from pathlib import Path

from qpgraph.errors import IngestError
from qpgraph.text import slug

__all__ = ["MAX_BYTES", "MAX_ID_BYTES", "check_id", "check_size", "check_text", "decode", "human_size"]

#: The largest article accepted, in bytes (a .txt file, or one .jsonl line).
MAX_BYTES = 5 * 1024 * 1024
#: The longest article id, in bytes of UTF-8: the id names the article's files
#: (``records/<id>.json`` and the temporary name each is written under), and a file
#: name has at most 255 bytes.
MAX_ID_BYTES = 150


def check_id(article_id: str, path: str | Path, line: int | None = None) -> str:
    """Refuse an article id that cannot name the article's files, node and page: empty,
    white space around it, a path, a control character, longer than
    :data:`MAX_ID_BYTES`, or with no letter or digit.

    >>> check_id("Đà Lạt bài 1", "a.txt")
    'Đà Lạt bài 1'
    >>> check_id("a\\nerror: forged", "a.txt")
    Traceback (most recent call last):
    ...
    qpgraph.errors.IngestError: a.txt: article id 'a\\nerror: forged' contains a control character
    """
    if not article_id.strip():
        raise IngestError("article id is empty", path, line)
    if article_id != article_id.strip():
        raise IngestError(f"article id {article_id!r} has white space around it", path, line)
    if any(sep in article_id for sep in "/\\") or article_id in (".", ".."):
        raise IngestError(f"article id {article_id!r} contains a path separator or is a path", path, line)
    if any(not char.isprintable() for char in article_id):
        raise IngestError(f"article id {article_id!r} contains a control character", path, line)
    size = len(article_id.encode("utf-8"))
    if size > MAX_ID_BYTES:
        raise IngestError(f"article id is {size} bytes long, the limit is {MAX_ID_BYTES} (it names the article's files): "
                          "shorten the file name", path, line)
    if not slug(article_id):
        raise IngestError(f"article id {article_id!r} has no letter or digit", path, line)
    return article_id

_HTML_START = re.compile(r"\s*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|\?xml)", re.IGNORECASE)
_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*|/[a-zA-Z][a-zA-Z0-9]*|!--)[^<>]*>")
#: Share of the non-space characters inside tags above which a text is markup.
_TAG_SHARE = 0.5
_MIN_TAGS = 3


def human_size(size: int) -> str:
    """A byte count for people.

    >>> human_size(52428800), human_size(5242880), human_size(900)
    ('50.0 MB', '5.0 MB', '900 bytes')
    """
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def check_size(path: Path, max_bytes: int = MAX_BYTES) -> None:
    """Refuse a file larger than ``max_bytes`` without reading it (stat only)."""
    size = path.stat().st_size
    if size > max_bytes:
        raise IngestError(
            f"file is too large: {human_size(size)} ({size} bytes), the limit is "
            f"{human_size(max_bytes)} ({max_bytes} bytes)",
            path,
        )


def decode(data: bytes, path: str | Path, line: int | None = None, offset: int = 0) -> str:
    """UTF-8 text of ``data``, a leading BOM removed.

    Refuses binary data (a NUL byte) and bytes that are not UTF-8, naming the
    byte offset (``offset`` is added: the position of ``data`` in its file) and,
    when ``line`` is None, the line it is on.
    """
    nul = data.find(b"\x00")
    if nul >= 0:
        raise IngestError(
            f"a binary file, not text (NUL byte at byte offset {offset + nul})",
            path,
            line if line is not None else data.count(b"\n", 0, nul) + 1,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise IngestError(
            f"not UTF-8: byte 0x{data[error.start]:02x} at byte offset {offset + error.start} cannot be decoded",
            path,
            line if line is not None else data.count(b"\n", 0, error.start) + 1,
        ) from None
    return text.removeprefix("\ufeff")


def check_text(text: str, path: str | Path, line: int | None = None, what: str = "file") -> None:
    """Refuse text that is empty, blank, contains NUL, or is an HTML page."""
    if not text:
        raise IngestError(f"empty {what}: no article text", path, line)
    if not text.strip():
        raise IngestError(f"{what} has only white space: no article text", path, line)
    if "\x00" in text:
        raise IngestError("text contains a NUL character (binary data?)", path, line)
    start = _HTML_START.match(text)
    if start:
        opening = text.lstrip()[: len(start.group(0).strip())]
        raise IngestError(f"an HTML page, not article text (starts with {opening!r})", path, line)
    tags = _TAG.findall(text)
    if len(tags) >= _MIN_TAGS:
        inside = sum(len(re.sub(r"\s", "", tag)) for tag in tags)
        total = len(re.sub(r"\s", "", text))
        if inside > _TAG_SHARE * total:
            raise IngestError(
                f"mostly HTML markup, not article text ({len(tags)} tags, {inside * 100 // total}% of the text)",
                path,
                line,
            )
