"""Read a crawler's .jsonl file: one article per line, one error per bad line.

Each line is a JSON object with ``id`` and ``text`` and optionally the metadata
keys of :data:`~qpgraph.ingest.meta.METADATA_KEYS`. The file is streamed: a
line is read (up to the size limit) only when its turn comes, and a bad line
gives an :class:`~qpgraph.errors.IngestError` in its place without stopping
the others. Blank lines are skipped.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from qpgraph.errors import IngestError
from qpgraph.ingest.checks import MAX_BYTES, check_id, check_text, decode, human_size
from qpgraph.ingest.files import open_regular
from qpgraph.ingest.meta import check_key, check_published
from qpgraph.records import Article

__all__ = ["article_from_json", "iter_jsonl"]

_CHUNK = 1 << 16


def _kind(value: Any) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def _check_id(value: Any, path: Path, line: int) -> str:
    if "id" not in value:
        raise IngestError("missing `id`", path, line)
    article_id = value["id"]
    if not isinstance(article_id, str):
        raise IngestError(f"`id` must be a string, not {_kind(article_id)}", path, line)
    return check_id(article_id, path, line)


def article_from_json(value: Any, path: Path, line: int) -> Article:
    """The article of one parsed .jsonl line, or an IngestError saying what is wrong.

    >>> article_from_json({"id": "a1", "text": "Ngày 9/4."}, Path("crawl.jsonl"), 3).path
    'crawl.jsonl:3'
    >>> article_from_json({"id": "a/1", "text": "x"}, Path("crawl.jsonl"), 3)
    Traceback (most recent call last):
    ...
    qpgraph.errors.IngestError: crawl.jsonl:3: article id 'a/1' contains a path separator or is a path
    """
    if not isinstance(value, dict):
        raise IngestError(f"line is {_kind(value)}, not a JSON object", path, line)
    article_id = _check_id(value, path, line)
    if "text" not in value:
        raise IngestError("missing `text`", path, line)
    text = value["text"]
    if not isinstance(text, str):
        raise IngestError(f"`text` must be a string, not {_kind(text)}", path, line)
    check_text(text, path, line, what="`text`")
    meta: dict[str, str] = {}
    for key, item in value.items():
        if key in ("id", "text"):
            continue
        check_key(key, path, line)
        if item is None:
            continue
        if not isinstance(item, str):
            raise IngestError(f"`{key}` must be a string or null, not {_kind(item)}", path, line)
        if key == "published" and item:
            check_published(item, path, line)
        if item:
            meta[key] = item
    return Article(id=article_id, path=f"{path}:{line}", text=text, **meta)


def _read_line(stream: BinaryIO, max_bytes: int) -> tuple[bytes | None, int, int]:
    """(line without its newline, its length, bytes consumed) for the next line.

    A line longer than ``max_bytes`` is skipped a chunk at a time, never held
    whole in memory, and given as None. At the end of the file, (None, 0, 0).
    """
    data = stream.readline(max_bytes + 2)
    consumed = len(data)
    if consumed == max_bytes + 2 and not data.endswith(b"\n"):
        while not data.endswith(b"\n"):
            data = stream.readline(_CHUNK)
            if not data:
                break
            consumed += len(data)
    content = data.rstrip(b"\r\n")
    length = consumed - (len(data) - len(content))
    return (content if length <= max_bytes else None), length, consumed


def iter_jsonl(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Article | IngestError]:
    """Articles of a .jsonl file, in line order, with an IngestError for each bad line."""
    with open_regular(path) as stream:
        number = 0
        offset = 0
        while True:
            data, length, consumed = _read_line(stream, max_bytes)
            if consumed == 0:
                return
            number += 1
            try:
                if data is None:
                    raise IngestError(
                        f"line is too large: {human_size(length)} ({length} bytes), the limit is "
                        f"{human_size(max_bytes)} ({max_bytes} bytes)",
                        path,
                        number,
                    )
                text = decode(data, path, number, offset)
                if text.strip():
                    yield article_from_json(_parse(text, path, number), path, number)
            except IngestError as error:
                yield error
            offset += consumed


def _parse(text: str, path: Path, line: int) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise IngestError(f"not valid JSON: {error.msg} (column {error.colno})", path, line) from None
