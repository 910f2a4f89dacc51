"""qpgraph reaches networkx only through its public API (issue 16): no private
attribute of a graph or a view is read anywhere in the package; the hot paths go
through the tables :class:`qpgraph.graph.tables.Graph` makes with networkx's
documented factories."""

from __future__ import annotations

import ast
import pickle
import tomllib
from pathlib import Path

import networkx as nx
from packaging.requirements import Requirement

from qpgraph.graph.tables import Graph

ROOT = Path(__file__).resolve().parents[1]
#: The private attributes of networkx's graphs and views.
PRIVATE = {"_node", "_adj", "_succ", "_pred", "_atlas", "_nodes", "_graph_attr"}


def _private_reads(source: str, name: str) -> list[str]:
    return [f"{name}:{node.lineno}: .{node.attr}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and node.attr in PRIVATE]


def test_no_private_attribute_of_networkx_is_read() -> None:
    found = [line for path in sorted((ROOT / "src" / "qpgraph").rglob("*.py"))
             for line in _private_reads(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))]
    assert found == []


def test_the_check_finds_a_private_read() -> None:
    assert _private_reads("def f(graph):\n    return graph._succ[0]\n", "f.py") == ["f.py:2: ._succ"]


def test_networkx_is_pinned_below_the_next_major_release() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = [Requirement(r).specifier for r in project["dependencies"] if Requirement(r).name == "networkx"]
    assert len(pins) == 1 and not pins[0].contains("4.0") and pins[0].contains(nx.__version__)


def test_the_tables_are_the_graphs_own() -> None:
    g = Graph(name="qk")
    g.add_edge("person:b", "unit:a", key="holds:x:0", relation="holds")
    g.add_edge("person:b", "unit:a", key="holds:y:0", relation="holds")
    g.add_node("person:c", name="C")
    assert list(g.nodes_table) == ["person:b", "unit:a", "person:c"]
    assert g.succ_table["person:b"]["unit:a"] is g.pred_table["unit:a"]["person:b"]
    assert list(g.succ_table["person:b"]["unit:a"]) == ["holds:x:0", "holds:y:0"]
    assert g.nodes_table["person:c"] is g.nodes["person:c"]
    assert g.number_of_nodes() == 3 and g.number_of_edges() == 2  # no probe left behind


def test_copies_and_pickles_have_their_own_tables() -> None:
    g = Graph(name="qk")
    g.add_edge("a", "b", key="k", relation="holds")
    for other in (g.copy(), pickle.loads(pickle.dumps(g))):
        assert isinstance(other, Graph) and other.graph == {"name": "qk"}
        assert nx.utils.edges_equal(other.edges(keys=True, data=True), g.edges(keys=True, data=True))
        other.add_edge("b", "c", key="k2")
        assert other.succ_table["b"] == {"c": {"k2": {}}}
    assert g.succ_table["b"] == {}
