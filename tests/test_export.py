"""Every exporter: it reads back, and the same graph gives the same bytes."""

from __future__ import annotations

import csv
import json
import math
import os
import pickle
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from builds import FIRST_CORPUS

import qpgraph
from qpgraph.export import (
    read_node_link,
    write_all,
    write_gexf,
    write_graphml,
    write_neo4j,
    write_node_link,
    write_tenures,
)
from qpgraph.export.graphml import scalar_graph

ROOT = Path(__file__).resolve().parents[1]
GEXF = {"g": "http://www.gexf.net/1.2draft"}
GRAPHML = {"g": "http://graphml.graphdrawing.org/xmlns"}
#: A name with markup, quotes, an ampersand and a control character XML 1.0 forbids.
NAME = 'A <"Đại tá"> & B\x01'


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return qpgraph.build_graph(FIRST_CORPUS).graph


@pytest.fixture(scope="module")
def out(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    write_all(graph, folder)
    return folder


def test_export_node_link_round_trip(graph: nx.MultiDiGraph, out: Path) -> None:
    back = read_node_link(out / "graph.json")
    assert nx.utils.graphs_equal(back, graph)
    assert back.nodes["person:trần-vinh-ngọc"]["rank_history"][1]["rank"] == "Trung tướng"


@pytest.fixture
def tiny() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("person:a", type="person", name=NAME, forms=["A", "B"], rank=None, current=True, score=1.5)
    g.add_node("unit:u", type="unit", name="Quân khu 7", code=7)
    g.add_node("province:p", type="province")
    g.add_edge("person:a", "unit:u", key="holds:x:0", relation="holds", date="2025-04", start=3, end=9, text="a\tb")
    g.add_edge("person:a", "unit:u", key="met:y:1", relation="met", date="2024-12-31", start=0, end=1)
    g.add_edge("unit:u", "province:p", key="in_province:z:0", relation="in_province", date=None)
    return g


def test_export_graphml_round_trip_as_scalars(graph: nx.MultiDiGraph, out: Path) -> None:
    back = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    flat = scalar_graph(graph)
    assert list(back.nodes(data=True)) == list(flat.nodes(data=True))
    assert list(back.edges(keys=True, data=True)) == list(flat.edges(keys=True, data=True))
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
        "HOLDS", "MENTIONED_IN", "MERGED_INTO", "PART_OF", "PARTICIPATED_IN", "IN_PROVINCE", "REPORTED_IN",
    }


def test_export_two_builds_are_byte_identical(graph: nx.MultiDiGraph, out: Path, tmp_path: Path) -> None:
    again = qpgraph.build_graph(FIRST_CORPUS).graph
    write_all(again, tmp_path)
    for name in ("graph.json", "graph.graphml", "graph.gexf", "neo4j/nodes.csv", "neo4j/relationships.csv"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes(), name


def test_export_graphml_escapes_and_types_its_keys(tiny: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_graphml(tiny, tmp_path / "g.graphml")
    text = (tmp_path / "g.graphml").read_text(encoding="utf-8")
    assert '>A &lt;"Đại tá"&gt; &amp; B</data>' in text  # and the control character dropped
    keys = [(k.get("for"), k.get("attr.name"), k.get("attr.type")) for k in ET.parse(tmp_path / "g.graphml").getroot().iterfind("g:key", GRAPHML)]
    assert keys == [
        ("node", "code", "long"), ("node", "current", "boolean"), ("node", "forms", "string"), ("node", "name", "string"),
        ("node", "rank", "string"), ("node", "score", "double"), ("node", "type", "string"),
        ("edge", "date", "string"), ("edge", "end", "long"), ("edge", "relation", "string"), ("edge", "start", "long"),
        ("edge", "text", "string"),
    ]
    back = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert back.nodes["person:a"] == {
        "type": "person", "name": 'A <"Đại tá"> & B', "forms": '["A","B"]', "rank": "", "current": True, "score": 1.5,
    }
    assert back.edges["person:a", "unit:u", "holds:x:0"] == {
        "relation": "holds", "date": "2025-04", "start": 3, "end": 9, "text": "a\tb",
    }
    assert back.nodes["province:p"] == {"type": "province"}


def test_export_graphml_declares_a_key_per_type(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("a", x=1)
    g.add_node("b", x="one")
    write_graphml(g, tmp_path / "g.graphml")
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert (back.nodes["a"]["x"], back.nodes["b"]["x"]) == (1, "one")


def test_export_xml_keeps_carriage_returns_tabs_and_newlines(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_node("n", text="a\rb\tc\nd")
    write_graphml(g, tmp_path / "g.graphml")
    write_gexf(g, tmp_path / "g.gexf")
    assert nx.read_graphml(tmp_path / "g.graphml").nodes["n"]["text"] == "a\rb\tc\nd"
    assert nx.read_gexf(tmp_path / "g.gexf").nodes["n"]["text"] == "a\rb\tc\nd"


def test_export_gexf_starts_escapes_and_keys(tiny: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_gexf(tiny, tmp_path / "g.gexf")
    text = (tmp_path / "g.gexf").read_text(encoding="utf-8")
    assert '<node id="person:a" label="A &lt;&quot;Đại tá&quot;&gt; &amp; B" start="2024-12-31">' in text
    assert 'value="a&#9;b"' in text
    root = ET.parse(tmp_path / "g.gexf").getroot()
    assert root.find("g:meta", GEXF).get("lastmodifieddate") == "2024-12-31"  # the latest a node starts
    starts = {n.get("id"): n.get("start") for n in root.iterfind(".//g:node", GEXF)}
    assert starts == {"person:a": "2024-12-31", "unit:u": "2024-12-31", "province:p": None}
    edges = [(e.get("id"), e.get("start")) for e in root.iterfind(".//g:edge", GEXF)]
    assert [start for _, start in edges] == ["2025-04-01", "2024-12-31", None]
    assert edges[0][0] == "person:a|unit:u|holds:x:0"  # source|target|key: the same id in every build
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert back.graph["mode"] == "dynamic"
    assert back.nodes["person:a"] == {
        "type": "person", "name": 'A <"Đại tá"> & B', "forms": '["A","B"]', "rank": "", "current": True, "score": 1.5,
        "label": 'A <"Đại tá"> & B', "start": "2024-12-31",
    }
    assert back.nodes["province:p"] == {"type": "province", "label": "province:p"}
    assert back.edges["person:a", "unit:u", "holds:x:0"] == {
        "relation": "holds", "date": "2025-04", "span_start": 3, "span_end": 9, "text": "a\tb", "start": "2025-04-01",
        "id": "person:a|unit:u|holds:x:0",
    }
    assert back.edges["unit:u", "province:p", "in_province:z:0"] == {
        "relation": "in_province", "date": "", "id": "unit:u|province:p|in_province:z:0"}


def test_export_gexf_without_dates_is_static(tmp_path: Path) -> None:
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", key=0, weight=math.inf, note=[1, 2])
    write_gexf(g, tmp_path / "g.gexf")
    root = ET.parse(tmp_path / "g.gexf").getroot()
    assert root.find("g:graph", GEXF).attrib == {"defaultedgetype": "directed", "mode": "static", "name": ""}
    assert root.find("g:meta", GEXF).get("lastmodifieddate") == "1970-01-01"
    back = nx.read_gexf(tmp_path / "g.gexf")
    assert list(back.edges(data=True)) == [("a", "b", {"weight": math.inf, "note": "[1,2]", "id": "a|b|0"})]


def test_export_node_link_is_one_node_or_edge_per_line(tiny: nx.MultiDiGraph, tmp_path: Path) -> None:
    tiny.remove_node("person:a")
    write_node_link(tiny, tmp_path / "graph.json")
    assert (tmp_path / "graph.json").read_text(encoding="utf-8").splitlines() == [
        '{"directed": true, "edges": [',
        '{"date": null, "key": "in_province:z:0", "relation": "in_province", "source": "unit:u", "target": "province:p"}',
        '], "graph": {}, "multigraph": true, "nodes": [',
        '{"code": 7, "id": "unit:u", "name": "Quân khu 7", "type": "unit"},',
        '{"id": "province:p", "type": "province"}',
        "]}",
    ]
    assert json.loads((tmp_path / "graph.json").read_text(encoding="utf-8")) == nx.node_link_data(tiny, edges="edges")


def test_export_neo4j_writes_lists_as_json(tiny: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_neo4j(tiny, tmp_path / "neo4j")
    nodes = (tmp_path / "neo4j" / "nodes.csv").read_text(encoding="utf-8").splitlines()
    assert nodes[1] == 'person:a,Person,"A <""Đại tá""> & B\x01","[""A"",""B""]",,,,,,,,'
    edges = (tmp_path / "neo4j" / "relationships.csv").read_text(encoding="utf-8").splitlines()
    assert edges[1] == "person:a,unit:u,HOLDS,,2025-04,,,,,,,,3,9,a\tb"


def test_export_failure_keeps_the_old_file(tiny: nx.MultiDiGraph, tmp_path: Path) -> None:
    write_node_link(tiny, tmp_path / "graph.json")
    before = (tmp_path / "graph.json").read_bytes()
    tiny.add_node("bad", tags={"a set"})  # not JSON
    with pytest.raises(TypeError):
        write_node_link(tiny, tmp_path / "graph.json")
    assert (tmp_path / "graph.json").read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]  # no temporary file left


def test_export_same_graph_same_bytes_whatever_the_hash_seed(tiny: nx.MultiDiGraph, tmp_path: Path) -> None:
    (tmp_path / "g.pickle").write_bytes(pickle.dumps(tiny))
    script = (
        "import pickle, sys; from pathlib import Path; from qpgraph.export import write_all; "
        "write_all(pickle.loads(Path(sys.argv[1]).read_bytes()), sys.argv[2])"
    )
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, tmp_path / "g.pickle", tmp_path / seed], env=env, check=True)
    write_all(tiny, tmp_path / "here")
    for name in ("graph.json", "graph.graphml", "graph.gexf", "neo4j/nodes.csv", "neo4j/relationships.csv"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes() == (tmp_path / "here" / name).read_bytes(), name


def test_export_graph_ids_do_not_depend_on_input_order(graph: nx.MultiDiGraph) -> None:
    from qpgraph.corpus import extract_corpus
    from qpgraph.graph.build import build_graph

    records = extract_corpus(FIRST_CORPUS).records
    reversed_graph = build_graph(list(reversed(records)))
    assert list(reversed_graph.nodes) == list(graph.nodes)
    assert list(reversed_graph.edges(keys=True)) == list(graph.edges(keys=True))


def test_export_csv_cells_a_spreadsheet_would_run_are_neutralised(tmp_path: Path) -> None:
    # A title printed as a formula ("=HYPERLINK(...)") in an article reaches neo4j/*.csv and
    # tenures.csv; a spreadsheet opening them must show it as text.
    g = nx.MultiDiGraph()
    g.add_node("person:a", type="person", name="@SUM(A1:A9)", forms=["-2+3"])
    g.add_node("unit:u", type="unit", name="+Quân khu 7")
    g.add_edge("person:a", "unit:u", key="holds:x:0", relation="holds", title='=HYPERLINK("http://x")',
               post='=HYPERLINK("http://x") Quân khu 7', heads=True, date="2025-04", article="x")
    write_neo4j(g, tmp_path / "neo4j")
    write_tenures(g, tmp_path / "tenures.csv")
    with (tmp_path / "neo4j" / "nodes.csv").open(encoding="utf-8") as handle:
        nodes = list(csv.reader(handle))
    assert [row[2] for row in nodes[1:]] == ["'@SUM(A1:A9)", "'+Quân khu 7"]
    with (tmp_path / "neo4j" / "relationships.csv").open(encoding="utf-8") as handle:
        edges = list(csv.reader(handle))
    assert edges[1][5:7] == ["'=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\") Quân khu 7"]
    with (tmp_path / "tenures.csv").open(encoding="utf-8") as handle:
        tenures = list(csv.reader(handle))
    assert tenures[1][:5] == ["unit:u", "'+Quân khu 7", "'=HYPERLINK(\"http://x\")", "person:a", "'@SUM(A1:A9)"]
    every = [cell for rows in (nodes, edges, tenures) for row in rows for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in every)
