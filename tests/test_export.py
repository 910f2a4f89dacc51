"""Every exporter: it reads back, and the same graph gives the same bytes."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

import qpgraph
from qpgraph.export import read_node_link, write_all
from qpgraph.export.graphml import scalar_graph

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return qpgraph.build_graph([ROOT / "data" / "raw"]).graph


@pytest.fixture(scope="module")
def out(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    write_all(graph, folder)
    return folder


def test_export_node_link_round_trip(graph: nx.MultiDiGraph, out: Path) -> None:
    back = read_node_link(out / "graph.json")
    assert nx.utils.graphs_equal(back, graph)
    assert back.nodes["person:trần-vinh-ngọc"]["rank_history"][1]["rank"] == "Trung tướng"


def test_export_graphml_round_trip_as_scalars(graph: nx.MultiDiGraph, out: Path) -> None:
    back = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    flat = scalar_graph(graph)
    assert sorted(back.nodes) == sorted(flat.nodes)
    assert back.number_of_edges() == flat.number_of_edges()
    assert back.nodes["person:trần-vinh-ngọc"]["name"] == "Trần Vinh Ngọc"
    assert back.nodes["person:trần-vinh-ngọc"]["articles"] == '["000_90873ee1c2f566b3","002_89c7204c73c9a37e","dev-29"]'


def test_export_gexf_is_dynamic_with_dates(out: Path) -> None:
    root = ET.parse(out / "graph.gexf").getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    g = root.find("g:graph", ns)
    assert g is not None and (g.get("mode"), g.get("timeformat")) == ("dynamic", "date")
    node = next(n for n in root.iterfind(".//g:node", ns) if n.get("id") == "person:trần-vinh-ngọc")
    assert (node.get("label"), node.get("start")) == ("Trần Vinh Ngọc", "2025-04-09")
    assert root.find("g:meta", ns).get("lastmodifieddate") == "2026-01-14"  # the newest date of the graph


def test_export_neo4j_csv(graph: nx.MultiDiGraph, out: Path) -> None:
    with (out / "neo4j" / "nodes.csv").open(encoding="utf-8") as handle:
        nodes = list(csv.reader(handle))
    with (out / "neo4j" / "relationships.csv").open(encoding="utf-8") as handle:
        edges = list(csv.reader(handle))
    assert nodes[0][:3] == ["id:ID", ":LABEL", "name"]
    assert edges[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
    assert len(nodes) - 1 == graph.number_of_nodes() and len(edges) - 1 == graph.number_of_edges()
    assert ["person:trần-vinh-ngọc", "Person", "Trần Vinh Ngọc"] == nodes[[r[0] for r in nodes].index("person:trần-vinh-ngọc")][:3]
    assert {r[2] for r in edges[1:]} == {
        "HOLDS", "MENTIONED_IN", "MERGED_INTO", "MET", "PART_OF", "PARTICIPATED_IN", "IN_PROVINCE", "REPORTED_IN",
    }


def test_export_two_builds_are_byte_identical(graph: nx.MultiDiGraph, out: Path, tmp_path: Path) -> None:
    again = qpgraph.build_graph([ROOT / "data" / "raw"]).graph
    write_all(again, tmp_path)
    for name in ("graph.json", "graph.graphml", "graph.gexf", "neo4j/nodes.csv", "neo4j/relationships.csv"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_export_graph_ids_do_not_depend_on_input_order(graph: nx.MultiDiGraph) -> None:
    from qpgraph.corpus import extract_corpus
    from qpgraph.graph.build import build_graph

    records = extract_corpus([ROOT / "data" / "raw"]).records
    reversed_graph = build_graph(list(reversed(records)))
    assert list(reversed_graph.nodes) == list(graph.nodes)
    assert list(reversed_graph.edges(keys=True)) == list(graph.edges(keys=True))
