"""GEXF 1.2draft (``graph.gexf``) for Gephi, with ``start`` dates so its timeline works.

A node starts at the first date it is reported; an edge at its article's date.
Partial dates start on their first day. ``lastmodifieddate`` is the latest date
a node starts at (not today), so the same graph gives the same file.

Written by hand as it streams out (see ``_layout``), as networkx's writer writes
:func:`~qpgraph.export.graphml.scalar_graph` (lists and dicts as JSON strings):

* a node's ``label`` is its name; its data attributes named ``label`` or
  ``start`` are not written (GEXF's own are);
* an edge's id is ``source|target|key``, the same from one build to the next
  (the site's pages name edges so too), its key the ``networkx_key`` attribute
  (which ``nx.read_gexf`` takes as the key), and its evidence's character span
  (``start``, ``end``) is renamed ``span_start``, ``span_end``;
* every other attribute is a static ``<attvalue>``, typed ``string``, ``long``,
  ``double`` or ``boolean`` (``string`` if its values have several types), and
  declared sorted by title. GEXF's other reserved names (``id``, ``pid``,
  ``weight``, ``viz``, ...) are ordinary attributes here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ._items import Part, Section, pairs, write_parts
from ._layout import PLAIN, Column, Convert, Row, Rows, Signature, Signatures, written_type
from ._scan import Scan, scan, start_of
from ._xml import escape_attr
from .scalar import scalar

__all__ = ["write_gexf"]

#: A declared attribute: its class ("node" or "edge") and title → its id and GEXF type.
Attributes = dict[tuple[str, str], tuple[str, str]]

_TYPES: dict[type, str] = {str: "string", int: "long", float: "double", bool: "boolean"}
_KEY = "networkx_key"
_NODE_OWN = frozenset({"label", "start"})
_EDGE_RENAMED = {"start": "span_start", "end": "span_end"}
_HEADER = (
    "<?xml version='1.0' encoding='utf-8'?>\n"
    '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n'
    '  <meta lastmodifieddate="{modified}">\n'
    "    <creator>qpgraph</creator>\n"
    "  </meta>\n"
)
_FLOATS = {"inf": "INF", "-inf": "-INF", "nan": "NaN"}


def write_gexf(graph: nx.MultiDiGraph, path: Path, read: Scan | None = None) -> None:
    """Write ``graph.gexf``; ``read`` is what :func:`~qpgraph.export._scan.scan` read of the graph, if
    it is read already."""
    read = read or scan(graph)
    attributes = _attributes(read.nodes, read.edges, read.key_types)
    # Per signature, its row without and with a start.
    node_rows = Rows(read.nodes, lambda sig: (_node_row(sig, attributes, False), _node_row(sig, attributes, True)))
    edge_rows = Rows(read.edges, lambda sig: (_edge_row(sig, attributes, False), _edge_row(sig, attributes, True)))
    first = read.first
    declarations = _graph_open(graph.is_directed(), dynamic=bool(first)) + "".join(_declarations(attributes))

    def node(item: tuple[Any, dict[str, Any]]) -> str:
        node, data = item
        start = first.get(node)
        head = (str(node), _label(node, data)) if start is None else (str(node), _label(node, data), start)
        return node_rows.of(data)[start is not None].render(head, data, escape_attr)

    def pair(item: tuple[Any, Any, dict[Any, dict[str, Any]]]) -> str:
        u, v, keyed = item
        out = []
        for key, data in keyed.items():
            start = start_of(data.get("date"))
            head = (f"{u}|{v}|{key}", str(u), str(v), str(key)) if start is None else \
                (f"{u}|{v}|{key}", str(u), str(v), start, str(key))
            out.append(edge_rows.of(data)[start is not None].render(head, data, escape_attr))
        return "".join(out)

    parts: list[Part] = [
        _HEADER.format(modified=max(first.values(), default="1970-01-01")),
        declarations,
        "    <nodes>\n",
        Section("nodes", graph.nodes(data=True), node),
        "    </nodes>\n    <edges>\n",
        Section("pairs", pairs(graph), pair),
        "    </edges>\n  </graph>\n</gexf>\n",
    ]
    write_parts(path, parts)


def _label(node: Any, data: Mapping[str, Any]) -> str:
    name = data.get("name", node)
    return name if isinstance(name, str) else str(scalar(name))


def _titles(scope: str, sig: Signature) -> Iterator[tuple[str, str, type]]:
    """(name in the data, GEXF title, value type) of each attribute written."""
    for name, value_type in zip(*sig, strict=True):
        if scope == "edge":
            yield name, _EDGE_RENAMED.get(name, name), value_type
        elif name not in _NODE_OWN:
            yield name, name, value_type


def _attributes(nodes: Signatures, edges: Signatures, key_types: set[type]) -> Attributes:
    """Every attribute, nodes' then edges', sorted by title, with its id and type."""
    types: dict[tuple[str, str], set[type]] = {}
    for scope, sigs in (("node", nodes), ("edge", edges)):
        for sig in sigs.distinct:
            for _name, title, value_type in _titles(scope, sig):
                types.setdefault((scope, title), set()).add(written_type(value_type))
    if key_types:
        types.setdefault(("edge", _KEY), set()).update(map(written_type, key_types))
    ordered = sorted(types, key=lambda attribute: (attribute[0] != "node", attribute[1]))
    return {
        attribute: (str(i), _TYPES[next(iter(types[attribute]))] if len(types[attribute]) == 1 else "string")
        for i, attribute in enumerate(ordered)
    }


def _graph_open(directed: bool, dynamic: bool) -> str:
    mode = 'mode="dynamic" name="" timeformat="date"' if dynamic else 'mode="static" name=""'
    return f'  <graph defaultedgetype="{"directed" if directed else "undirected"}" {mode}>\n'


def _declarations(attributes: Attributes) -> Iterator[str]:
    for scope in ("node", "edge"):
        lines = [
            f'      <attribute id="{attribute_id}" title="{escape_attr(title)}" type="{gexf_type}" />\n'
            for (attribute_scope, title), (attribute_id, gexf_type) in attributes.items()
            if attribute_scope == scope
        ]
        if lines:
            yield f'    <attributes mode="static" class="{scope}">\n' + "".join(lines) + "    </attributes>\n"


def _bool_text(value: bool) -> str:
    return "true" if value else "false"


def _float_text(value: float) -> str:
    text = str(value)
    return _FLOATS.get(text, text)


def _json_text(value: object) -> str:
    return escape_attr(str(scalar(value)))


def _convert(value_type: type) -> Convert | None:
    """How GEXF writes a value of this type, if not as ``%s`` would."""
    if value_type is bool:
        return _bool_text
    if value_type is float:
        return _float_text
    return None if value_type in PLAIN else _json_text


def _columns(scope: str, sig: Signature, attributes: Attributes) -> Iterable[Column]:
    for name, title, value_type in _titles(scope, sig):
        line = f'          <attvalue for="{attributes[scope, title][0]}" value="%s" />\n'
        yield Column(name, line, _convert(value_type), text=value_type is str)


def _element(head: str, first_lines: str, columns: list[Column], tail: str) -> Row:
    """An element with its attvalues, or without any."""
    if not first_lines and not columns:
        return Row.compile(head + " />\n", [], "")
    return Row.compile(f"{head}>\n        <attvalues>\n{first_lines}", columns, f"        </attvalues>\n{tail}")


def _node_row(sig: Signature, attributes: Attributes, start: bool) -> Row:
    head = '      <node id="%s" label="%s"' + (' start="%s"' if start else "")
    return _element(head, "", list(_columns("node", sig, attributes)), "      </node>\n")


def _edge_row(sig: Signature, attributes: Attributes, start: bool) -> Row:
    head = '      <edge id="%s" source="%s" target="%s"' + (' start="%s"' if start else "")
    key_line = f'          <attvalue for="{attributes["edge", _KEY][0]}" value="%s" />\n'
    return _element(head, key_line, list(_columns("edge", sig, attributes)), "      </edge>\n")
