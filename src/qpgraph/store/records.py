"""Every article's records in input order, those kept in the store read when asked for."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from ..records import Article, ArticleRecords
from .db import Store
from .keys import article_key

__all__ = ["RecordsList", "Stored"]


class Stored:
    """An article's records in the store, read when asked for (and not kept); with the
    article as read now, if it was read, or else the file it is in, if known."""

    __slots__ = ("store", "id", "key", "article", "file")

    def __init__(self, store: Store, aid: str, key: str, article: Article | None = None, *,
                 file: str | None = None) -> None:
        self.store, self.id, self.key, self.article, self.file = store, aid, key, article, file

    def records(self) -> ArticleRecords:
        return self.store.load(self.id, self.key, self.article)


class RecordsList(Sequence[ArticleRecords]):
    """Every article's records, in input order: those just extracted, and those in the
    store, read each time they are asked for (a large corpus is never all in memory
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

    def release(self, store: Store, keys: dict[str, str]) -> None:
        """Let go of the records held in memory that ``store`` keeps (``keys``: article
        id → key, as :meth:`keys` gives them); they are read from it when asked for."""
        store.commit()
        kept = store.keys()
        for i, item in enumerate(self._items):
            if isinstance(item, ArticleRecords):
                key = keys[item.article.id]
                if kept.get(item.article.id) == key:
                    self._items[i] = Stored(store, item.article.id, key, item.article)

    def keys(self) -> dict[str, str]:
        """Article id → the key of its records (:func:`article_key`), nothing read."""
        return dict(map(_key, self._items))

    def by_id(self) -> Mapping[str, ArticleRecords]:
        """The records by article id, each read when asked for."""
        return _ById(self)


def _key(item: ArticleRecords | Stored) -> tuple[str, str]:
    """An item's article id and the key of its records."""
    return (item.id, item.key) if isinstance(item, Stored) else (item.article.id, article_key(item.article))


class _ById(Mapping[str, ArticleRecords]):
    def __init__(self, records: RecordsList) -> None:
        self._records = records
        if records._where is None:
            records._where = {item.id if isinstance(item, Stored) else item.article.id: i
                              for i, item in enumerate(records._items)}
        self._where = records._where

    def __getitem__(self, aid: str) -> ArticleRecords:
        return self._records[self._where[aid]]

    def __contains__(self, aid: object) -> bool:
        return aid in self._where  # (Mapping's would read the records)

    def __iter__(self) -> Iterator[str]:
        return iter(self._where)

    def __len__(self) -> int:
        return len(self._where)
