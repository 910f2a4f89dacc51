"""GraphML (``graph.graphml``): scalar attributes only; lists and dicts as JSON strings.

Written by hand as it streams out (see ``_layout``), not through an ElementTree:
first one ``<key>`` per scope, attribute name and value type, typed as networkx
types them (``string``, ``long``, ``double``, ``boolean``) and declared sorted by
scope, name and type; then the nodes and the edges in graph order (an edge's id
is its key), each with its attributes sorted by name. The graph's own
attributes are not written. ``nx.read_graphml(path, force_multigraph=True)``
reads back what networkx's writer writes for :func:`scalar_graph`, except for
characters XML 1.0 forbids (see ``_xml``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import networkx as nx

from ._items import Part, Section, pairs, write_parts
from ._layout import PLAIN, Column, Row, Rows, Signature, Signatures, written_type
from ._scan import Scan, scan
from ._xml import escape_attr, escape_text
from .scalar import scalar, scalar_attrs

__all__ = ["scalar_graph", "write_graphml"]

#: A GraphML key: scope ("node" or "edge"), attribute name, the Python type written.
Key = tuple[str, str, type]

_TYPES: dict[type, str] = {str: "string", int: "long", float: "double", bool: "boolean"}
_HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
)
_FOOTER = "  </graph>\n</graphml>\n"
#: Scope → (element head with attributes, head without, tail).
_ELEMENTS: dict[str, tuple[str, str, str]] = {
    "node": ('    <node id="%s">\n', '    <node id="%s" />\n', "    </node>\n"),
    "edge": (
        '    <edge id="%s" source="%s" target="%s">\n',
        '    <edge id="%s" source="%s" target="%s" />\n',
        "    </edge>\n",
    ),
}


def scalar_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with scalar attributes, as GraphML and GEXF hold it."""
    out = nx.MultiDiGraph()
    for node, data in graph.nodes(data=True):
        out.add_node(node, **scalar_attrs(data))
    for u, v, key, data in graph.edges(keys=True, data=True):
        out.add_edge(u, v, key=key, **scalar_attrs(data))
    return out


def write_graphml(graph: nx.MultiDiGraph, path: Path, read: Scan | None = None) -> None:
    """Write ``graph.graphml``; ``read`` is what :func:`~qpgraph.export._scan.scan` read of the graph, if
    it is read already."""
    read = read or scan(graph)
    keys = _keys({"node": read.nodes, "edge": read.edges})
    declarations = "".join(_declarations(keys))
    node_rows = Rows(read.nodes, lambda sig: _row("node", sig, keys))
    edge_rows = Rows(read.edges, lambda sig: _row("edge", sig, keys))
    parts: list[Part] = [
        _HEADER + declarations,
        f'  <graph edgedefault="{"directed" if graph.is_directed() else "undirected"}">\n',
        Section("nodes", graph.nodes(data=True), lambda item: node_rows.of(item[1]).render((str(item[0]),), item[1], escape_text)),
        Section("pairs", pairs(graph), lambda item: "".join(
            edge_rows.of(data).render((str(key), str(item[0]), str(item[1])), data, escape_text) for key, data in item[2].items())),
        _FOOTER,
    ]
    write_parts(path, parts)


def _keys(signatures: dict[str, Signatures]) -> dict[Key, str]:
    """Every key, sorted by scope (nodes first), name and type, with its id."""
    found = {
        (scope, name, written_type(value_type))
        for scope, sigs in signatures.items()
        for names, types in sigs.distinct
        for name, value_type in zip(names, types, strict=True)
    }
    ordered = sorted(found, key=lambda key: (key[0] != "node", key[1], _TYPES[key[2]]))
    return {key: f"d{i}" for i, key in enumerate(ordered)}


def _declarations(keys: dict[Key, str]) -> Iterator[str]:
    for (scope, name, value_type), key_id in keys.items():
        yield f'  <key id="{key_id}" for="{scope}" attr.name="{escape_attr(name)}" attr.type="{_TYPES[value_type]}" />\n'


def _json_text(value: object) -> str:
    return escape_text(str(scalar(value)))


def _row(scope: str, sig: Signature, keys: dict[Key, str]) -> Row:
    columns = list(_columns(scope, sig, keys))
    head, empty, tail = _ELEMENTS[scope]
    return Row.compile(head, columns, tail) if columns else Row.compile(empty, [], "")


def _columns(scope: str, sig: Signature, keys: dict[Key, str]) -> Iterable[Column]:
    for name, value_type in zip(*sig, strict=True):
        written = written_type(value_type)
        line = f'      <data key="{keys[scope, name, written]}">%s</data>\n'
        yield Column(name, line, None if value_type in PLAIN else _json_text, text=value_type is str)
