"""The extraction cache of incremental builds.

An article's records are kept under ``build/cache/`` keyed by the hash of the
article (its text and metadata) and of the extractor (qpgraph's version, the
code of every stage that makes records, and the vocabulary data files): a
build extracts only new or changed articles, and any change to the extractor
invalidates everything.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from . import __version__
from .atomic import write_bytes_atomic
from .records import Article, ArticleRecords

__all__ = ["extractor_key", "article_key", "RecordsCache", "Stored", "RecordsList"]

#: What makes records: the code of these packages and modules, and every data file.
_SOURCES = ("ingest", "extract", "records.py", "text.py", "evaluate/canonical.py", "evaluate/abbreviations.py", "data",
            "facts.py", "corpus.py")


@cache
def extractor_key() -> str:
    digest = hashlib.sha256(__version__.encode())
    root = resources.files("qpgraph")
    for name in _SOURCES:
        node = root.joinpath(name)
        paths = sorted(Path(str(node)).rglob("*")) if node.is_dir() else [Path(str(node))]
        for path in paths:
            if path.is_file() and path.suffix in (".py", ".yaml", ".json"):
                digest.update(path.relative_to(Path(str(root))).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def article_key(article: Article) -> str:
    """The hash of what an article says (its path is not part of it)."""
    data = article.model_dump_json(exclude={"path"})
    return hashlib.sha256(f"{extractor_key()}\x1f{data}".encode()).hexdigest()


class RecordsCache:
    """Records by article key, one file each, in ``folder``."""

    def __init__(self, folder: str | Path, *, read: bool = True) -> None:
        """With ``read`` false the entries already there are ignored (and pruned), new ones written."""
        self.folder = Path(folder)
        self.read = read
        self.used: set[str] = set()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def stored(self, article: Article) -> Stored | None:
        """The article's records if the cache has them, to be read when asked for."""
        key = article_key(article)
        if not self.read or not self._path(key).is_file():
            return None
        self.used.add(key)
        return Stored(self, article, key)

    def load(self, article: Article, key: str) -> ArticleRecords | None:
        """The records kept under ``key`` for ``article``; None if they are not there or damaged."""
        path = self._path(key)
        try:
            records = pickle.loads(path.read_bytes())
        except Exception:  # a damaged entry is re-extracted, never trusted
            return None
        if not isinstance(records, ArticleRecords) or records.article.model_dump(exclude={"path"}) != article.model_dump(
            exclude={"path"}
        ):
            return None
        self.used.add(key)
        return records.model_copy(update={"article": article})

    def put(self, records: ArticleRecords) -> None:
        key = article_key(records.article)
        write_bytes_atomic(self._path(key), pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
        self.used.add(key)

    def prune(self) -> int:
        """Drop every entry this build did not use (removed or changed articles)."""
        dropped = 0
        for path in sorted(self.folder.glob("*/*.pickle")):
            if path.stem not in self.used:
                path.unlink()
                dropped += 1
        return dropped


class Stored:
    """An article's records in the cache, read when asked for (and not kept)."""

    __slots__ = ("cache", "article", "key")

    def __init__(self, cache: RecordsCache, article: Article, key: str) -> None:
        self.cache, self.article, self.key = cache, article, key

    def records(self) -> ArticleRecords:
        records = self.cache.load(self.article, self.key)
        if records is None:  # damaged, or removed since it was found: extracted again, and kept
            from .corpus import extract_article

            records = extract_article(self.article)
            self.cache.put(records)
        return records


class RecordsList(Sequence[ArticleRecords]):
    """Every article's records, in input order: those just extracted, and those in the
    cache, read each time they are asked for (a large corpus is never all in memory
    because of them)."""

    def __init__(self, items: Sequence[ArticleRecords | Stored] = ()) -> None:
        self._items = list(items)
        self._where: dict[str, int] | None = None

    def append(self, item: ArticleRecords | Stored) -> None:
        self._items.append(item)
        self._where = None

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, index: int) -> ArticleRecords:  # type: ignore[override]
        item = self._items[index]
        return item if isinstance(item, ArticleRecords) else item.records()

    def __iter__(self) -> Iterator[ArticleRecords]:
        for i in range(len(self._items)):
            yield self[i]

    def release(self, cache: RecordsCache, keys: dict[str, str]) -> None:
        """Let go of the records held in memory that ``cache`` keeps (``keys``: article
        id → key, as :meth:`keys` gives them); they are read from it when asked for."""
        for i, item in enumerate(self._items):
            if isinstance(item, ArticleRecords):
                key = keys[item.article.id]
                if cache._path(key).is_file():
                    self._items[i] = Stored(cache, item.article, key)

    def keys(self) -> dict[str, str]:
        """Article id → the key of its records (:func:`article_key`), nothing read."""
        return {item.article.id: item.key if isinstance(item, Stored) else article_key(item.article)
                for item in self._items}

    def by_id(self) -> Mapping[str, ArticleRecords]:
        """The records by article id, each read when asked for."""
        return _ById(self)


class _ById(Mapping[str, ArticleRecords]):
    def __init__(self, records: RecordsList) -> None:
        self._records = records
        if records._where is None:
            records._where = {item.article.id: i for i, item in enumerate(records._items)}
        self._where = records._where

    def __getitem__(self, aid: str) -> ArticleRecords:
        return self._records[self._where[aid]]

    def __contains__(self, aid: object) -> bool:
        return aid in self._where  # (Mapping's would read the records)

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)
