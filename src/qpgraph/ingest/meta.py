"""Article metadata: the front matter of a .txt file, the keys of a .jsonl line.

Front matter is optional and must stand at the very top of the file::

    ---
    url: https://example.vn/bai-viet.html
    published: 2025-08-10
    ---
    Body text...

>>> meta, body, _ = split_front_matter("---\\npublished: 2025-08\\n---\\nNgày 10/8, ...", "a.txt")
>>> meta, body
({'published': '2025-08'}, 'Ngày 10/8, ...')
>>> split_front_matter("Không có front matter.", "a.txt")
({}, 'Không có front matter.', 1)
>>> check_published("2025-13-45", "a.txt", 3)
Traceback (most recent call last):
...
qpgraph.errors.IngestError: a.txt:3: published '2025-13-45' is not a valid date (expected YYYY-MM-DD or YYYY-MM)
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from qpgraph.errors import IngestError

__all__ = ["METADATA_KEYS", "check_key", "check_published", "split_front_matter"]

#: The metadata an article may carry besides its id and text.
METADATA_KEYS = ("url", "published", "title", "source")

_FENCE = "---"
_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def check_key(key: str, path: str | Path, line: int | None) -> None:
    """Refuse a metadata key that is not one of :data:`METADATA_KEYS`."""
    if key not in METADATA_KEYS:
        known = ", ".join(METADATA_KEYS)
        raise IngestError(f"unknown metadata key {key!r} (known keys: {known})", path, line)


def check_published(value: str, path: str | Path, line: int | None) -> None:
    """Refuse a ``published`` value that is not a real ``YYYY-MM-DD`` or ``YYYY-MM`` date."""
    match = _DATE.fullmatch(value)
    valid = False
    if match:
        year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
        try:
            datetime.date(year, month, day)
            valid = True
        except ValueError:
            valid = False
    if not valid:
        raise IngestError(f"published {value!r} is not a valid date (expected YYYY-MM-DD or YYYY-MM)", path, line)


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def split_front_matter(text: str, path: str | Path) -> tuple[dict[str, str], str, int]:
    """Split ``text`` into (metadata, body, line number of the body's first line).

    Without front matter the metadata is empty and the body is ``text``. Keys
    are checked (:func:`check_key`), each may appear once; ``published`` must be
    a valid date; an empty value is left out. Raises
    :class:`~qpgraph.errors.IngestError` with the file line of the problem.
    """
    lines = text.split("\n")
    if lines[0].rstrip("\r \t") != _FENCE:
        return {}, text, 1
    closing = next((i for i in range(1, len(lines)) if lines[i].rstrip("\r \t") == _FENCE), None)
    if closing is None:
        raise IngestError("front matter opened on line 1 is never closed (no closing '---' line)", path, 1)
    meta: dict[str, str] = {}
    seen: set[str] = set()
    for index in range(1, closing):
        number = index + 1
        raw = lines[index].strip()
        if not raw:
            continue
        key, colon, value = raw.partition(":")
        key = key.strip()
        if not colon or not key:
            raise IngestError(f"front matter line is not `key: value`: {raw!r}", path, number)
        check_key(key, path, number)
        if key in seen:
            raise IngestError(f"metadata key {key!r} given twice", path, number)
        seen.add(key)
        value = _unquote(value.strip())
        if key == "published" and value:
            check_published(value, path, number)
        if value:
            meta[key] = value
    return meta, "\n".join(lines[closing + 1 :]), closing + 2
