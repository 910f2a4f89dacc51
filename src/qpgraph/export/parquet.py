"""Parquet tables of a build's store, for pandas, DuckDB and Polars (``parquet/``).

- ``nodes.parquet``: id, type, name, and the node's data as JSON;
- ``edges.parquet``: source, target, key, relation, article, date, the index of
  the evidence sentence, the title and post of a ``holds`` edge, and the data as
  JSON;
- ``tenures.parquet``: the holdings, who held which title in which body from
  when to when (the rows of ``tenures.csv``);
- ``sentences.parquet``: the evidence, each sentence an edge cites once, by
  article and index (``edges.sentence``).

Each table is read from the store in batches and written as it is read, rows in
the order of their keys (tenures in the order of ``tenures.csv``): the same
store gives byte-identical files.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ..atomic import replace_folder
from ..graph.knowledge import TENURE_FIELDS
from ..store.db import connect_read_only

__all__ = ["TABLES", "write_parquet"]

_TEXT, _NUMBER = pa.string(), pa.int64()

#: Table → (its query on the store, its columns).
TABLES: dict[str, tuple[str, list[tuple[str, pa.DataType]]]] = {
    "nodes": ("SELECT id, type, name, data FROM nodes ORDER BY id",
              [("id", _TEXT), ("type", _TEXT), ("name", _TEXT), ("data", _TEXT)]),
    "edges": ("SELECT source, target, key, relation, article, date, sentence, json_extract(data, '$.title'), "
              "json_extract(data, '$.post'), data FROM edges ORDER BY source, target, key",
              [("source", _TEXT), ("target", _TEXT), ("key", _TEXT), ("relation", _TEXT), ("article", _TEXT),
               ("date", _TEXT), ("sentence", _NUMBER), ("title", _TEXT), ("post", _TEXT), ("data", _TEXT)]),
    "tenures": (f"SELECT {', '.join(TENURE_FIELDS)} FROM tenures ORDER BY unit, seq",
                [(name, _TEXT) for name in TENURE_FIELDS]),
    "sentences": ("SELECT article, idx, text FROM sentences ORDER BY article, idx",
                  [("article", _TEXT), ("sentence", _NUMBER), ("text", _TEXT)]),
}

#: Rows read from the store and written at once.
_BATCH = 50_000


def write_parquet(build: str | Path, folder: Path) -> Path:
    """Write the tables of build ``build``'s store into ``folder``, which replaces the
    old one when every table is written."""
    db = connect_read_only(build)
    try:
        with replace_folder(folder) as fresh:
            for table, (query, columns) in TABLES.items():
                schema = pa.schema(columns)
                with pq.ParquetWriter(fresh / f"{table}.parquet", schema, compression="zstd") as writer:
                    cursor = db.execute(query)
                    while rows := cursor.fetchmany(_BATCH):
                        writer.write_batch(pa.RecordBatch.from_arrays(
                            [pa.array(column, type=kind) for column, (_, kind) in zip(zip(*rows, strict=True), columns, strict=True)],
                            schema=schema))
    finally:
        db.close()
    return folder
