"""Tenures as a table (``tenures.csv``): who held which title in which body, from when
to when, as the articles show it (:mod:`qpgraph.graph.tenure`).

One row per tenure: the unit (id and name), the title, the holder (id and name),
first and last reported, the appointment's date, the status (current, ended,
unknown), how and by when it ended, the successor, why the status is unknown,
and the articles that report it. Units in the order of their ids, titles in
canonical order, tenures as :meth:`~qpgraph.graph.knowledge.KnowledgeGraph.succession`
gives them: the same graph gives a byte-identical file.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from ..atomic import open_atomic
from ..graph.knowledge import TENURE_FIELDS, tenure_rows
from ..store.db import connect_read_only
from .cells import neutral_row

__all__ = ["write_tenures", "write_tenures_of_build", "FIELDS"]

FIELDS = list(TENURE_FIELDS)


def write_tenures(graph: nx.MultiDiGraph, path: Path) -> None:
    """Write ``tenures.csv``."""
    with open_atomic(path) as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(FIELDS)
        writer.writerows(neutral_row(list(row)) for row in tenure_rows(graph))


def write_tenures_of_build(build: str | Path, path: Path) -> Path:
    """Write ``tenures.csv`` from the tenures a build's store holds (the rows
    :func:`write_tenures` writes from its graph)."""
    db = connect_read_only(build)
    try:
        with open_atomic(path) as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(FIELDS)
            rows = db.execute(f"SELECT {', '.join(FIELDS)} FROM tenures ORDER BY unit, seq")
            writer.writerows(neutral_row(list(row)) for row in rows)
    finally:
        db.close()
    return path
