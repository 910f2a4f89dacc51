"""The build's store: one SQLite database, ``build/qpgraph.sqlite``.

It is the system of record of a build's articles: each article's id, path,
key (:func:`~qpgraph.store.keys.article_key`), front matter, and either its
records as JSON or the error its extraction raised; and one ``build`` row with
the extractor's key and the library versions it covers. Records are JSON,
read back through the pydantic models: nothing in a build folder is ever
unpickled, so a folder from elsewhere cannot run code here.

Writes are transactions (the database is in WAL mode): a build killed at any
moment leaves the records committed before it, each whole, and the next build
extracts the rest. One build at a time holds a folder: a second one fails at
once with a message naming the folder.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import ValidationError

from ..errors import QpgraphError
from ..records import Article, ArticleRecords
from ..version import __version__
from .keys import article_key, extractor_key, library_versions

__all__ = ["FILE", "Store", "StoreError", "connect_read_only", "db_path", "locked", "unreadable"]

#: The store's file name in a build folder.
FILE = "qpgraph.sqlite"

#: The schema's version (``PRAGMA user_version``); a store of another version is made anew.
_SCHEMA = 4

_TABLES = """
CREATE TABLE IF NOT EXISTS build (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    qpgraph TEXT NOT NULL,
    extractor TEXT NOT NULL,
    libraries TEXT NOT NULL,
    graph TEXT
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL,
    key TEXT NOT NULL,
    url TEXT,
    published TEXT,
    title TEXT,
    source TEXT,
    error TEXT,
    records TEXT,
    CHECK ((error IS NULL) != (records IS NULL))
);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY,
    signature TEXT NOT NULL,
    articles TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    name TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_by_type ON nodes (type, name);
CREATE TABLE IF NOT EXISTS edges (
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    key TEXT NOT NULL,
    relation TEXT NOT NULL,
    article TEXT,
    date TEXT,
    sentence INTEGER,
    data TEXT NOT NULL,
    PRIMARY KEY (source, target, key)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS edges_by_target ON edges (target);
CREATE INDEX IF NOT EXISTS edges_by_relation ON edges (relation, date);
CREATE TABLE IF NOT EXISTS sentences (
    article TEXT NOT NULL,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (article, idx)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS tenures (
    unit TEXT NOT NULL, seq INTEGER NOT NULL, unit_name TEXT, title TEXT NOT NULL, person TEXT NOT NULL, name TEXT,
    first TEXT, last TEXT, since TEXT, status TEXT NOT NULL, ended TEXT, ended_on TEXT,
    successor TEXT, note TEXT, articles TEXT NOT NULL,
    PRIMARY KEY (unit, seq)
) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS search USING fts5(
    node UNINDEXED, type UNINDEXED, text, tokenize = 'unicode61 remove_diacritics 2'
);
"""

#: Every table any schema had (dropped when the schema changes).
_EVERY_TABLE = ("build", "articles", "files", "nodes", "edges", "sentences", "tenures", "search")

#: Uncommitted records are written at the latest after this many, or this many seconds.
_BATCH, _SECONDS = 256, 2.0


class StoreError(QpgraphError):
    """The store of a build folder cannot be used (damaged, or held by another build)."""


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold ``folder`` for one build: another process asking while it is held gets a
    :class:`StoreError` at once. The lock goes with the process (a build killed
    leaves none behind)."""
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN):
                raise StoreError("another build is writing this folder; wait for it to end", folder) from None
            raise
        yield
    finally:
        os.close(fd)  # the lock is released with its last descriptor


class Store:
    """A build folder's store: its articles' records here, its graph's rows through
    :mod:`qpgraph.store.graph`.

    A Store opens its connection in the process that uses it (a forked process
    opens its own), so processes forked during a build read it too.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._pid = -1
        self._db: sqlite3.Connection | None = None
        self._pending = 0
        self._since = 0.0

    @classmethod
    def open(cls, folder: str | Path, *, fresh: bool = False) -> Store:
        """The store of build ``folder``, created if there is none; with ``fresh`` any
        store there is deleted first. Records made by another extractor (other code,
        data or library versions) are dropped, to be extracted again."""
        path = Path(folder) / FILE
        if fresh:
            for leftover in (path, path.with_name(FILE + "-wal"), path.with_name(FILE + "-shm")):
                leftover.unlink(missing_ok=True)
        store = cls(path)
        store._prepare()
        return store

    # -- the connection ---------------------------------------------------------

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None or self._pid != os.getpid():
            self._db = self._connect()
            self._pid = os.getpid()
        return self._db

    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            db.close()
            raise self._damaged(exc) from None
        return db

    def _damaged(self, exc: Exception) -> StoreError:
        return unreadable(self.path.parent, exc)

    def _prepare(self) -> None:
        """The tables, of this schema, with this extractor's build row."""
        versions = json.dumps(library_versions(), sort_keys=True)
        try:
            db = self.db
            db.execute("BEGIN IMMEDIATE")
            if db.execute("PRAGMA user_version").fetchone()[0] != _SCHEMA:
                for table in _EVERY_TABLE:
                    db.execute(f"DROP TABLE IF EXISTS {table}")
                db.execute(f"PRAGMA user_version = {_SCHEMA}")
            for statement in _TABLES.split(";"):
                if statement.strip():
                    db.execute(statement)
            row = db.execute("SELECT extractor FROM build").fetchone()
            if row is None or row[0] != extractor_key():
                db.execute("DELETE FROM articles")  # made by another extractor: extracted again
                db.execute("DELETE FROM files")
                db.execute("INSERT OR REPLACE INTO build VALUES (1, ?, ?, ?, NULL)",
                           (__version__, extractor_key(), versions))
            db.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if self._db is not None:
                self._db.close()  # what the failed transaction began is rolled back
                self._db = None
            raise self._damaged(exc) from None

    def graph_key(self) -> str | None:
        """The key of the graph the store's nodes and edges are of, if any."""
        row = self.db.execute("SELECT graph FROM build").fetchone()
        return row[0] if row is not None else None

    def close(self) -> None:
        if self._db is not None and self._pid == os.getpid():
            self.commit()
            self._db.close()
        self._db = None

    # -- records ----------------------------------------------------------------

    def keys(self) -> dict[str, str]:
        """Article id → the key of the records the store holds for it."""
        return dict(self.db.execute("SELECT id, key FROM articles WHERE records IS NOT NULL"))

    def load(self, aid: str, key: str, article: Article | None = None) -> ArticleRecords:
        """The records kept for article ``aid`` under ``key``, with ``article`` as read
        now, if given (else as it was read then: the same text, the same path)."""
        row = self.db.execute("SELECT records FROM articles WHERE id = ? AND key = ?", (aid, key)).fetchone()
        if row is None or row[0] is None:
            raise StoreError(f"the build's store has no records of {aid!r} (changed by another process?); "
                             "run the build again", self.path)
        try:
            records = ArticleRecords.model_validate_json(row[0])
        except ValidationError as exc:
            raise self._damaged(exc) from None
        return (records.model_copy(update={"article": article}) if article is not None else records).compact()

    def put(self, records: ArticleRecords) -> None:
        """Keep an article's records (committed with the next batch, or :meth:`commit`)."""
        self._write(records.article, records.model_dump_json(), None)

    def put_error(self, article: Article, error: QpgraphError) -> None:
        """Keep what an article's extraction raised (extracted again by the next build)."""
        self._write(article, None, error.message)

    def _write(self, article: Article, records: str | None, error: str | None) -> None:
        db = self.db
        if not db.in_transaction:
            db.execute("BEGIN IMMEDIATE")
            self._since = time.monotonic()
        db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (article.id, article.path, article_key(article), article.url, article.published, article.title,
                    article.source, error, records))
        self._pending += 1
        if self._pending >= _BATCH or time.monotonic() - self._since >= _SECONDS:
            self.commit()

    def commit(self) -> None:
        if self._db is not None and self._db.in_transaction:
            self._db.execute("COMMIT")
        self._pending = 0

    def files(self) -> dict[str, tuple[str, list[tuple[str, str]]]]:
        """Path → the signature the file had when it was read, and the articles (id, key)
        it gave, in order."""
        return {path: (signature, [tuple(pair) for pair in json.loads(articles)])
                for path, signature, articles in self.db.execute("SELECT path, signature, articles FROM files")}

    def put_files(self, files: dict[str, tuple[str, list[tuple[str, str]]]]) -> None:
        """Keep the files read whole, without an error (those of :meth:`files`), in place of those kept."""
        db = self.db
        self.commit()
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM files")
        db.executemany("INSERT INTO files VALUES (?, ?, ?)",
                       ((path, signature, json.dumps(articles)) for path, (signature, articles) in sorted(files.items())))
        db.execute("COMMIT")

    def keep_only(self, ids: Iterable[str]) -> int:
        """Drop the articles not in ``ids`` (removed from the input); how many were dropped."""
        db = self.db
        self.commit()
        db.execute("BEGIN IMMEDIATE")
        db.execute("CREATE TEMP TABLE IF NOT EXISTS kept (id TEXT PRIMARY KEY)")
        db.execute("DELETE FROM kept")
        db.executemany("INSERT OR IGNORE INTO kept VALUES (?)", ((i,) for i in ids))
        dropped = db.execute("DELETE FROM articles WHERE id NOT IN (SELECT id FROM kept)").rowcount
        db.execute("COMMIT")
        return dropped



def unreadable(folder: str | Path, exc: Exception) -> StoreError:
    """The error of a store that cannot be read (a damaged file, rows not of this schema)."""
    return StoreError(f"the build's store cannot be read ({exc}); run the build with --clean to make it anew",
                      db_path(folder))


def db_path(folder: str | Path) -> Path:
    """The store's file in build ``folder``."""
    return Path(folder) / FILE


def connect_read_only(folder: str | Path) -> sqlite3.Connection:
    """A connection that only reads the store of build ``folder`` (a build may be
    running; a store of other code is read as it is, never made anew). It is opened
    for writing where the folder may be written, but asked never to write
    (``query_only``): the last connection to close then removes the files of the
    write-ahead log, which one opened read-only cannot, and the store stays one file."""
    path = db_path(folder)
    if not path.is_file():
        raise StoreError("no store here: run `qpgraph build` first", path)
    mode = "rw" if os.access(path, os.W_OK) and os.access(path.parent, os.W_OK) else "ro"
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True, timeout=30)
        db.execute("PRAGMA query_only = ON")
    except sqlite3.Error as exc:
        raise unreadable(folder, exc) from None
    return db
