"""The graph in the store: its nodes, edges, evidence sentences, tenures and a search index.

A build writes the graph it made into the store, in one transaction: every row
when the graph was built anew, or only the rows of the nodes that may have
changed (of every edge from or to one of them, and the tenures of the units they
touch) when it was brought up to date from the graph whose rows the store holds. The store's ``build.graph``
names the graph its rows are of, so rows of another graph are never patched:
they are written anew.

- ``nodes``: id, type, name, and the node's data as JSON (an article's sentences
  are in ``sentences``, not repeated there);
- ``edges``: source, target, key, relation, article, date, the index of the
  sentence that is their evidence (``sentences.idx`` of the article), and their
  data as JSON;
- ``sentences``: each article's sentences the graph cites, each once;
- ``tenures``: who held which title in which body, from when to when
  (:func:`~qpgraph.graph.knowledge.tenure_rows`, the rows of ``tenures.csv``);
- ``search``: an FTS5 index of the names and printed forms of persons, units and
  provinces, as printed and with their abbreviations expanded, Vietnamese
  diacritics folded (đ included; :mod:`qpgraph.graph.search`): ``dang van nghia``
  finds "Đặng Văn Nghĩa", ``bo chi huy quan su lam dong`` "Bộ CHQS tỉnh Lâm Đồng".
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx
import orjson

from ..graph.knowledge import KnowledgeGraph, tenure_rows
from ..graph.search import SEARCHED, fts_query, search_text
from ..graph.tables import Graph
from .db import Store, connect_read_only, unreadable

__all__ = ["load", "read_graph", "search", "write_graph"]

_ARTICLE = "article:"


def _json(data: dict[str, Any]) -> str:
    return orjson.dumps(data, option=orjson.OPT_SORT_KEYS).decode()


def _node_rows(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> Iterator[tuple[str, str, str, str]]:
    for node in nodes:
        data = graph.nodes[node]
        if node.startswith(_ARTICLE):
            data = {k: v for k, v in data.items() if k != "sentences"}
        yield node, data.get("type", ""), data.get("name", ""), _json(data)


def _edge_rows(edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> Iterator[tuple[Any, ...]]:
    for source, target, key, data in edges:
        yield (source, target, key, data.get("relation", ""), data.get("article"), data.get("date"),
               data.get("sentence"), _json(data))


def _sentence_rows(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> Iterator[tuple[str, int, str]]:
    for node in nodes:
        if node.startswith(_ARTICLE):
            for index, text in graph.nodes[node].get("sentences", {}).items():
                yield node.removeprefix(_ARTICLE), int(index), text


def _search_rows(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> Iterator[tuple[str, str, str]]:
    for node in nodes:
        data = graph.nodes[node]
        if data.get("type") in SEARCHED:
            yield node, data["type"], search_text(data)


def _insert(db: sqlite3.Connection, graph: nx.MultiDiGraph, nodes: list[str],
            edges: Iterable[tuple[str, str, str, dict[str, Any]]]) -> None:
    db.executemany("INSERT INTO nodes VALUES (?, ?, ?, ?)", _node_rows(graph, nodes))
    db.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?, ?, ?, ?)", _edge_rows(edges))
    db.executemany("INSERT INTO sentences VALUES (?, ?, ?)", _sentence_rows(graph, nodes))
    # a node's row of the index has the rowid of its row of ``nodes`` (the index finds
    # rows by rowid, never by a column)
    db.executemany("INSERT INTO search (rowid, node, type, text) SELECT rowid, ?, ?, ? FROM nodes WHERE id = ?",
                   ((node, kind, text, node) for node, kind, text in _search_rows(graph, nodes)))


def _edge_key(edge: tuple[str, str, str, dict[str, Any]]) -> tuple[str, str, str]:
    return edge[0], edge[1], edge[2]


def _incident(graph: nx.MultiDiGraph, nodes: list[str]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Every edge from or to one of ``nodes`` (an edge between two of them twice)."""
    yield from graph.out_edges(nodes, keys=True, data=True)
    yield from graph.in_edges(nodes, keys=True, data=True)


_EdgeRow = tuple[str, str, str, str, "str | None", "str | None", "int | None", str]


def _stored(db: sqlite3.Connection, nodes: list[str], pairs: list[tuple[str, str]] | None = None,
            ) -> tuple[dict[str, str], dict[tuple[str, str, str], _EdgeRow]]:
    """The rows the store holds of ``nodes`` (id → data) and of every edge from or to one
    of them; with ``pairs``, of every edge of those pairs instead."""
    db.execute("CREATE TEMP TABLE IF NOT EXISTS touched (id TEXT PRIMARY KEY)")
    db.execute("DELETE FROM touched")
    db.executemany("INSERT INTO touched VALUES (?)", ((node,) for node in nodes))
    held = dict(db.execute("SELECT id, data FROM nodes WHERE id IN (SELECT id FROM touched)"))
    if pairs is not None:
        rows: Iterable[_EdgeRow] = (row for pair in pairs
                                    for row in db.execute("SELECT * FROM edges WHERE source = ? AND target = ?", pair))
    else:
        rows = db.execute("SELECT * FROM edges WHERE source IN (SELECT id FROM touched) UNION ALL "
                          "SELECT * FROM edges WHERE target IN (SELECT id FROM touched)")
    return held, {row[:3]: row for row in rows}


def _between(graph: nx.MultiDiGraph, pairs: list[tuple[str, str]]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """Every edge of ``graph`` from the first node of a pair to the second."""
    succ = graph.succ
    for u, v in pairs:
        if u in succ and v in succ[u]:
            for key, data in succ[u][v].items():
                yield u, v, key, data


def _write_changes(db: sqlite3.Connection, graph: nx.MultiDiGraph, changed: set[str],
                   pairs: set[tuple[str, str]] | None = None) -> int:
    """Make the rows of the ``changed`` nodes, and of every edge from or to one of them,
    those of ``graph``: only the rows that differ are written (a node that many
    articles name has many edges, and few of them change). With the ``pairs`` of nodes
    whose edges changed, known already, only their edges are compared. The tenures
    of the units whose ``holds`` edges, name or holders' names changed are written
    again. How many nodes were written."""
    nodes = sorted(changed)
    between = sorted(pairs) if pairs is not None else None
    held, stored = _stored(db, nodes, between)
    edges = _incident(graph, [n for n in nodes if n in graph]) if between is None else _between(graph, between)
    now = {(u, v, k): row for row in _edge_rows(edges) for u, v, k in [row[:3]]}
    gone = sorted(stored.keys() - now.keys())
    fresh = [row for edge, row in sorted(now.items()) if stored.get(edge) != row]
    db.executemany("DELETE FROM edges WHERE source = ? AND target = ? AND key = ?", gone)
    db.executemany("INSERT OR REPLACE INTO edges VALUES (?, ?, ?, ?, ?, ?, ?, ?)", fresh)
    # (an article's sentences are rows of their own: a changed article is written again)
    written = [row for row in _node_rows(graph, [n for n in nodes if n in graph])
               if held.get(row[0]) != row[3] or row[0].startswith(_ARTICLE)]
    redo = sorted({n for n in held if n not in graph} | {row[0] for row in written})
    ids = [(node,) for node in redo]
    db.executemany("DELETE FROM search WHERE rowid IN (SELECT rowid FROM nodes WHERE id = ?)", ids)
    db.executemany("DELETE FROM nodes WHERE id = ?", ids)
    db.executemany("DELETE FROM sentences WHERE article = ?",
                   [(node.removeprefix(_ARTICLE),) for node in redo if node.startswith(_ARTICLE)])
    _insert(db, graph, [row[0] for row in written], ())
    # The tenures of a unit are made of its holds edges, its name and its holders' names.
    units = {row[1] for row in (*(stored[edge] for edge in gone), *fresh) if row[3] == "holds"}
    renamed = [row[0] for row in written if row[0] not in held or orjson.loads(held[row[0]]).get("name") != row[2]]
    for node in renamed:
        kind = graph.nodes[node].get("type")
        if kind == "unit":
            units.add(node)
        elif kind == "person":
            units.update(unit for _, unit, relation in graph.out_edges(node, data="relation") if relation == "holds")
    _write_tenures(db, graph, units)
    return len(written)


def _write_tenures(db: sqlite3.Connection, graph: nx.MultiDiGraph, units: set[str] | None) -> None:
    """The tenures of ``units`` (of every unit, if None) written again."""
    if units is None:
        db.execute("DELETE FROM tenures")
    else:
        db.executemany("DELETE FROM tenures WHERE unit = ?", [(unit,) for unit in sorted(units)])
    seq: dict[str, int] = {}
    rows = []
    for row in tenure_rows(graph, None if units is None else {unit for unit in units if unit in graph}):
        unit = str(row[0])
        seq[unit] = seq.get(unit, -1) + 1
        rows.append((unit, seq[unit], *row[1:]))
    db.executemany(f"INSERT INTO tenures VALUES ({', '.join('?' * 15)})", rows)


def write_graph(store: Store, graph: nx.MultiDiGraph, key: str, *, changed: set[str] | None = None,
                since: str | None = None, pairs: set[tuple[str, str]] | None = None) -> int:
    """Make the store's graph rows those of ``graph`` (named ``key``); with the nodes
    ``changed`` since the graph named ``since``, only the rows about them that differ,
    when the store holds that graph's (and of the edges, with the ``pairs`` of nodes
    whose edges changed since, only theirs). How many nodes' rows were written."""
    db = store.db
    store.commit()
    whole = changed is None or since is None or store.graph_key() != since
    if not whole and not changed and key == since:
        return 0  # the graph whose rows the store holds
    db.execute("BEGIN IMMEDIATE")
    try:
        if whole:
            for table in ("nodes", "edges", "sentences", "search"):
                db.execute(f"DELETE FROM {table}")
            # in the order of the tables' keys: their B-trees filled from left to right
            nodes = sorted(graph)
            _insert(db, graph, nodes, sorted(graph.edges(keys=True, data=True), key=_edge_key))
            _write_tenures(db, graph, None)
            written = len(nodes)
        else:
            assert changed is not None
            written = _write_changes(db, graph, changed, pairs)
        db.execute("UPDATE build SET graph = ?", (key,))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    return written


def read_graph(folder: str | Path) -> nx.MultiDiGraph:
    """The graph of build ``folder`` as its store holds it: nodes in the order of their
    ids, the edges of each node in the order of their targets and keys, an article's
    sentences back on its node; read without writing anything."""
    db = connect_read_only(folder)
    try:
        graph = Graph()
        sentences: dict[str, dict[str, str]] = {}
        for article, index, text in db.execute("SELECT article, idx, text FROM sentences ORDER BY article, idx"):
            sentences.setdefault(article, {})[str(index)] = text
        for node, data in db.execute("SELECT id, data FROM nodes ORDER BY id"):
            attributes = orjson.loads(data)
            if node.startswith(_ARTICLE):
                attributes["sentences"] = sentences.get(node.removeprefix(_ARTICLE), {})
            graph.add_node(node, **attributes)
        graph.add_edges_from((source, target, key, orjson.loads(data)) for source, target, key, data in db.execute(
            "SELECT source, target, key, data FROM edges ORDER BY source, target, key"))
    except (sqlite3.DatabaseError, orjson.JSONDecodeError) as exc:
        raise unreadable(folder, exc) from None
    finally:
        db.close()
    return graph


def search(folder: str | Path, query: list[str]) -> list[str]:
    """The nodes the store of build ``folder`` finds for the words of ``query``
    (:func:`qpgraph.graph.search.words`), by its full-text index."""
    if not query:
        return []
    db = connect_read_only(folder)
    try:
        return [node for (node,) in db.execute("SELECT node FROM search WHERE search MATCH ?", (fts_query(query),))]
    except sqlite3.DatabaseError as exc:
        raise unreadable(folder, exc) from None
    finally:
        db.close()


def load(folder: str | Path) -> KnowledgeGraph:
    """The knowledge graph of build ``folder``: its store's graph, and its full-text
    index for :meth:`~qpgraph.graph.knowledge.KnowledgeGraph.search`."""
    return KnowledgeGraph(read_graph(folder), index=partial(search, folder))
