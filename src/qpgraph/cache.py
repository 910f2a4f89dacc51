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
from functools import cache
from importlib import resources
from pathlib import Path

from . import __version__
from .atomic import write_bytes_atomic
from .records import Article, ArticleRecords

__all__ = ["extractor_key", "article_key", "RecordsCache"]

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

    def get(self, article: Article) -> ArticleRecords | None:
        key = article_key(article)
        path = self._path(key)
        if not self.read or not path.is_file():
            return None
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
