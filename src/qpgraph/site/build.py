"""Write ``site/``: index, the whole graph, a page per person, unit and article.

Every script and stylesheet is written beside the pages (vis-network comes
from the pyvis package); no page asks anything of the network. Article text is
escaped wherever it enters a page: Jinja autoescapes HTML, JSON is embedded with
``tojson`` (``<`` as ``\\u003c``) and read with ``JSON.parse``, tooltips are built
with ``textContent``, displaCy escapes the article it highlights.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import jinja2
import markupsafe
import orjson

from ..atomic import replace_folder
from ..collector import frozen
from ..extract.vocab import load_grammar
from ..graph.build import RELATIONS, edge_key
from ..graph.candidates import candidate_pairs, candidates
from ..graph.dates import date_start, sort_key
from ..graph.hierarchy import LEVELS, body_level
from ..graph.ids import node_id
from ..graph.judgements import NONE, Judgements
from ..graph.knowledge import KnowledgeGraph, TimelineEntry
from ..graph.tables import Graph, related
from ..graph.tenure import Tenure
from ..records import ArticleRecords
from ..text import snippet, strip_diacritics
from ..workers import die_with_parent
from .ego import MAX_EGO_EDGES, ego_nodes, ego_order
from .feeds import FEEDS, FORCES, Feed, feed_lines, to_csv
from .overview import layout, overview_data, overview_script
from .paths import page_path
from .reuse import Reuse, articles_of, plan, stale_pages, take_last, write_state
from .views import person_view, render_province, unit_posts

if TYPE_CHECKING:
    from spacy.displacy.render import EntityRenderer

__all__ = ["write_site", "write_assets", "write_graph_page", "write_overview", "page_path", "graph_options", "on_webgl",
           "MAX_GRAPH_NODES", "MAX_GRAPH_EDGES"]

COLORS = {"person": "#e4572e", "unit": "#4c78a8", "province": "#59a14f", "event": "#f2b134", "article": "#9c755f"}
#: Evidence carried by a node in embedded graph data (tooltips show three); its page lists all.
_SHOWN_EVIDENCE = 3
#: Up to this many nodes and edges, graph.html draws with vis-network; beyond, on WebGL (:func:`on_webgl`).
MAX_GRAPH_NODES = 5000
MAX_GRAPH_EDGES = 15000
#: Fewer pages than this, of a graph of fewer nodes, are rendered in the calling process,
#: whatever ``jobs`` says.
MIN_PARALLEL_PAGES = 200


@cache
def _templates() -> jinja2.Environment:
    loader = jinja2.PackageLoader("qpgraph.site", "templates")
    env = jinja2.Environment(loader=loader, autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    env.filters["tojson"] = tojson
    return env


_HTML_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027"))


def tojson(value: Any) -> markupsafe.Markup:
    """Jinja's ``tojson`` (``< > & '`` escaped, so it is safe inside ``<script>``), with
    sorted keys and Vietnamese as UTF-8, by orjson.

    >>> print(tojson({"b": "</script>", "a": "Đà Lạt"}))
    {"a":"Đà Lạt","b":"\\u003c/script\\u003e"}
    """
    text = orjson.dumps(value, option=orjson.OPT_SORT_KEYS).decode("utf-8")
    for char, escaped in _HTML_SAFE:
        text = text.replace(char, escaped)
    return markupsafe.Markup(text)


#: Up to this many nodes, graph.html lays its graph out in the browser (vis-network's
#: physics, a few seconds at most); above, it draws positions computed at build time
#: (:func:`qpgraph.site.overview.layout`) at once, physics off.
PHYSICS_UP_TO = 150


def graph_options(n_nodes: int) -> dict[str, Any]:
    """vis-network options: a fixed seed; a small graph stabilised in the browser
    (iterations bounded), a larger one drawn where the build placed it."""
    interaction = {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": n_nodes > 1000}
    if n_nodes > PHYSICS_UP_TO:
        return {"layout": {"randomSeed": 7, "improvedLayout": False}, "physics": {"enabled": False},
                "interaction": interaction, "edges": {"smooth": False}}
    return {
        "layout": {"randomSeed": 7, "improvedLayout": True},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -3000, "springLength": 120, "avoidOverlap": 0.1},
            "stabilization": {"enabled": True, "iterations": 250, "updateInterval": 50, "fit": True},
        },
        "interaction": interaction,
        "edges": {"smooth": True},
    }


class _Site:
    def __init__(self, kg: KnowledgeGraph, out: Path, order: dict[str, int] | None = None,
                 records: Mapping[str, ArticleRecords] | None = None, judgements: Judgements = NONE) -> None:
        self.kg = kg
        #: The analysts' judgements the graph was built with (the candidates page leaves their pairs out).
        self.judgements = judgements
        #: Article id → its records (each read when its page is rendered).
        self.records: Mapping[str, ArticleRecords] = records or {}
        #: An article's node → its id (one mapping, :func:`~qpgraph.graph.ids.node_id`).
        self.article_of = {node_id("article", aid): aid for aid in self.records}
        self.g = kg.graph
        self.out = out
        self._items: dict[tuple[str, str], dict[str, Any]] = {}
        self._unit_provinces: dict[str, set[str]] = {}
        #: A unit → the reports of its posts by title (:meth:`KnowledgeGraph.reports`) and
        #: person; a unit and a title one person holds at a time → its tenures: computed
        #: once per process.
        self.unit_reports: dict[str, dict[str, dict[str, list[tuple[str, str, dict[str, Any]]]]]] = {}
        self.unit_tenures: dict[tuple[str, str], dict[str, list[Tenure]] | None] = {}
        self.pair_relations: dict[tuple[str, str], list[str]] = {}
        self.deputy = load_grammar().deputy_word + " "
        self._provinces: dict[str, list[str]] = {}
        self._order = order

    def href(self, node: str, root: str) -> str | None:
        path = page_path(node, self.g.nodes[node]["type"]) if node in self.g else None
        return f"{root}{path}" if path else None

    def order(self) -> dict[str, int]:
        """The order in which pages pick the neighbours they draw (``ego.ego_order``)."""
        if self._order is None:
            self._order = ego_order(self.g)
        return self._order

    def article_label(self, article: str) -> str:
        """What pages call an article in their lists of sources: its site and date
        ("qdnd.vn · 2025-12-19") when its address is known, else its headline
        (:func:`~qpgraph.graph.build.headline`), else its id."""
        data = self.g.nodes_table.get(node_id("article", article), {})
        host = (urlsplit(data["url"]).hostname or "").removeprefix("www.") if data.get("url") else ""
        if host:
            return f"{host} · {data['date']}" if data.get("date") else host
        return data.get("headline") or article

    def article_headline(self, article: str) -> str:
        """An article's headline, else its id."""
        return self.g.nodes_table.get(node_id("article", article), {}).get("headline") or article

    def article_href(self, article: str, root: str) -> str:
        """The page of an article by its id (the page of its node: one name for both)."""
        return f"{root}{page_path(node_id('article', article), 'article')}"

    def quote(self, article: str, data: dict[str, Any]) -> str | None:
        """What a page quotes of the sentence an edge (or node evidence) cites: the words
        around its mention (:func:`snippet`)."""
        return snippet(self.kg.sentence(article, data.get("sentence")), data.get("text"))

    def evidence(self, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {"article": e["article"], "label": self.article_label(e["article"]), "date": e.get("date"),
             "sentence_text": self.quote(e["article"], e),
             "href": self.article_href(e["article"], "")}
            for e in items
        ]

    def provinces_of(self, node: str) -> list[str]:
        """The provinces of a node: its own, those of the units it holds posts in or is
        in; an event's, those of its participants (computed once per node)."""
        found = self._provinces.get(node)
        if found is None:
            found = self._provinces[node] = self._find_provinces(node)
        return found

    def _find_provinces(self, node: str) -> list[str]:
        g = self.g
        data = g.nodes[node]
        found: set[str] = set()
        if data["type"] == "province":
            found.add(data["name"])
        for v, keys in g.succ_table[node].items():
            if g.nodes_table[v]["type"] not in ("province", "unit"):
                continue  # an article, an event, a person: never a province (a hub has thousands)
            for d in keys.values():
                if d["relation"] == "in_province":
                    found.add(g.nodes_table[v]["name"])
                if d["relation"] == "holds":
                    found.update(self.provinces_of_unit(v))
        if data.get("province"):
            found.add(data["province"])
        if data["type"] == "event":  # where its participants hold posts
            for person in self.participants(node):
                found.update(self.provinces_of(person))
        return sorted(found)

    def participants(self, event: str) -> list[str]:
        """The persons at an event, by name."""
        g = self.g
        return sorted(related(g.pred_table[event], "participated_in"), key=lambda p: (g.nodes_table[p]["name"], p))

    def provinces_of_unit(self, unit: str) -> set[str]:
        if unit not in self._unit_provinces:
            self._unit_provinces[unit] = {self.g.nodes[v]["name"] for v in self.g.succ[unit]
                                          if self.g.nodes[v]["type"] == "province" and any(
                                              d["relation"] == "in_province" for d in self.g.succ[unit][v].values())}
        return self._unit_provinces[unit]

    def node_item(self, node: str, root: str) -> dict[str, Any]:
        """A node as graph.html draws it: what its filters need (provinces, first and
        last dates) and the evidence of its first articles (computed once per node)."""
        key = (node, root)
        if key not in self._items:
            data = self.g.nodes[node]
            # Each date printed once (a hub has thousands of edges, and few dates).
            printed = {d.get("date") for edges in (self.g.succ_table[node], self.g.pred_table[node])
                       for parallel in edges.values() for d in parallel.values()}
            days = [day for date in printed if (day := date_start(date))]
            self._items[key] = {
                **self.page_item(node, root),
                "provinces": self.provinces_of(node), "first": min(days, default=None),
                "last": max(days, default=None), "evidence": self.cited(node, _SHOWN_EVIDENCE),
                "cited": len(data.get("evidence", [])), **self.people_of(node),
            }
            if data["type"] == "unit":
                self._items[key]["level"] = body_level(node)
        return self._items[key]

    def people_of(self, node: str) -> dict[str, list[str]]:
        """What the click panel lists of a node: a unit's leaders now (title and name),
        an event's participants."""
        kind = self.g.nodes_table[node]["type"]
        if kind == "unit":
            return {"leaders": [f"{h.title}: {h.name}" + (f" (since {h.since})" if h.since else "")
                                for h in self.kg.leaders(node) if h.status == "current"]}
        if kind == "event":
            return {"participants": [self.g.nodes_table[p]["name"] for p in self.participants(node)]}
        return {}

    def page_item(self, node: str, root: str) -> dict[str, Any]:
        """A node as the small graph of a page draws it: its evidence is on its own page."""
        data = self.g.nodes[node]
        href = self.href(node, root) or (self.article_href(data["article"], root) if data.get("article") else None)
        return {"id": node, "type": data["type"], "name": data["name"], "href": href, "evidence": []}

    def cited(self, node: str, limit: int | None = None) -> list[dict[str, Any]]:
        """The articles citing a node (the first ``limit``): its first evidence in each,
        with the sentence (links from the site root)."""
        out = []
        for e in self.g.nodes[node].get("evidence", [])[:limit]:
            mention = self.g.succ[node].get(node_id("article", e["article"]), {}).get(edge_key("mentioned_in", e["article"]), {})
            out.append({"article": e["article"], "label": self.article_label(e["article"]), "date": e.get("date"),
                        "sentence_text": self.quote(e["article"], mention or e),
                        "href": self.article_href(e["article"], "")})
        return out

    def edge_item(self, u: str, v: str, key: str, data: dict[str, Any], evidence: bool = True) -> dict[str, Any]:
        return {
            "id": f"{u}|{v}|{key}", "from": u, "to": v, "relation": data["relation"], "date": date_start(data.get("date")),
            "name": data.get("post") or data["relation"],
            "evidence": self.evidence([data]) if evidence and data.get("sentence") is not None else [],
        }

    def data(self, graph: Graph, root: str) -> dict[str, Any]:
        return {
            "nodes": [self.node_item(n, root) for n in sorted(graph.nodes)],
            "edges": [self.edge_item(u, v, k, d) for u, v, k, d in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])],
        }

    def render(self, template: str, path: str, **context: Any) -> None:
        root = "../" * path.count("/")
        html = _templates().get_template(template).render(root=root, label=self.article_label,
                                                          headline=self.article_headline, **context)
        target = self.out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html.encode("utf-8"))


def _neighbourhood(site: _Site, node: str, root: str) -> dict[str, Any]:
    """A node, its most connected neighbours (at most ``MAX_EGO`` nodes) and the
    edges between them (the node's own first, at most ``MAX_EGO_EDGES``); the
    parallel edges of one relation are drawn as one (:func:`_grouped_edge`)."""
    g = site.g
    keep = ego_nodes(g, node, site.order())
    own: dict[tuple[str, str, str], list[tuple[str, dict[str, Any]]]] = {}
    rest: dict[tuple[str, str, str], list[tuple[str, dict[str, Any]]]] = {}
    for u, v, parallel in _pairs_among(g, keep):
        if node in (u, v):
            for k, d in parallel.items():
                own.setdefault((u, v, d["relation"]), []).append((k, d))
        else:  # drawn as one line per relation: which relations, once per pair and process
            if (u, v) not in site.pair_relations:
                site.pair_relations[u, v] = sorted({d["relation"] for d in parallel.values()})
            rest.update(((u, v, relation), []) for relation in site.pair_relations[u, v])
    groups = sorted(own.items()) + sorted(rest.items())[: max(0, MAX_EGO_EDGES - len(own))]
    return {
        "nodes": [site.page_item(n, root) for n in sorted(keep)],
        "edges": [_grouped_edge(site, u, v, relation, sorted(parallel, key=lambda e: e[0]), node in (u, v))
                  for (u, v, relation), parallel in groups],
    }


def _grouped_edge(
    site: _Site, u: str, v: str, relation: str, parallel: list[tuple[str, dict[str, Any]]], own: bool
) -> dict[str, Any]:
    """Parallel edges as one: of the node's own, their number and the first one's post,
    date and evidence; between two others, the relation only (so the page does not
    change with every article that reports it again: :mod:`qpgraph.site.reuse`)."""
    if not own:
        return {"id": f"{u}|{v}|{relation}", "from": u, "to": v, "relation": relation, "date": None, "name": relation,
                "evidence": []}
    return {**site.edge_item(u, v, parallel[0][0], parallel[0][1]), "id": f"{u}|{v}|{relation}",
            "count": len(parallel)}


def _pairs_among(g: Graph, nodes: list[str]) -> Iterator[tuple[str, str, dict[str, dict[str, Any]]]]:
    """The pairs of ``nodes`` joined by edges, with their parallel edges by key, without
    walking every neighbour of a hub."""
    among = set(nodes)
    for u in nodes:
        succ = g.succ_table[u]  # the adjacency dict itself: views cost more than the walk
        targets = [v for v in succ if v in among] if len(succ) <= len(among) else [v for v in nodes if v in succ]
        for v in targets:
            yield u, v, succ[v]


#: Between two nodes joined by more edges than this, an article's are looked up by key.
_FEW_PARALLEL = len(RELATIONS)


def _edges_of_article(g: Graph, nodes: list[str], article: str) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """The edges between ``nodes`` that ``article`` gives: between two hubs, by their
    keys rather than by a walk over the parallel edges of every article."""
    for u, v, parallel in _pairs_among(g, nodes):
        if len(parallel) <= _FEW_PARALLEL:
            yield from ((u, v, k, d) for k, d in parallel.items() if d["article"] == article)
            continue
        for relation in RELATIONS:
            n = 0
            while (key := edge_key(relation, article, n)) in parallel:
                yield u, v, key, parallel[key]
                n += 1


def edge_count(graph: Graph) -> int:
    """``graph.number_of_edges()`` without its views (a fifth of the time)."""
    return sum(len(keys) for successors in graph.succ_table.values() for keys in successors.values())


def on_webgl(graph: Graph) -> bool:
    """Whether graph.html draws the graph on WebGL (every node, as overview.html does):
    beyond ``MAX_GRAPH_NODES`` nodes or ``MAX_GRAPH_EDGES`` edges; vis-network below."""
    return graph.number_of_nodes() > MAX_GRAPH_NODES or edge_count(graph) > MAX_GRAPH_EDGES


def _highlighted(records: ArticleRecords) -> str:
    spans: list[tuple[int, int, str]] = []
    for person in records.persons:
        spans += [(m.start, m.end, "PERSON") for m in person.mentions]
    for province in records.provinces:
        spans += [(m.start, m.end, "PROVINCE") for m in province.mentions]
    for unit in records.units:
        spans += [(m.start, m.end, "UNIT") for m in unit.mentions]
    ents: list[dict[str, Any]] = []
    reached = 0  # the end of the last span kept: by their starts, a span overlapping one kept overlaps it
    for start, end, label in sorted(set(spans), key=lambda s: (s[0], -(s[1] - s[0]), s[2])):
        if start >= reached:
            ents.append({"start": start, "end": end, "label": label})
            reached = end
    return _entity_renderer().render([{"text": records.article.text, "ents": ents, "title": None}], page=False,
                                     minify=False).strip()


@cache
def _entity_renderer() -> EntityRenderer:
    """displaCy's renderer of entities, made once (``displacy.render`` makes one per
    call, reading the colours registered by installed packages each time); spaCy is
    imported here, when an article's page is rendered, not by every build."""
    from spacy.displacy.render import EntityRenderer

    return EntityRenderer(options={"colors": {"PERSON": "#f4b6a6", "PROVINCE": "#b9dcb3", "UNIT": "#b6cbe3"}})


def write_assets(out: Path) -> None:
    """The scripts and stylesheet every page loads, beside the pages."""
    vis = resources.files("pyvis").joinpath("templates", "lib", "vis-9.1.2")
    (out / "assets").mkdir(parents=True, exist_ok=True)
    # The script and its stylesheet (which places the tooltips beside the pointer).
    for name in ("vis-network.min.js", "vis-network.css"):
        (out / "assets" / name).write_bytes(vis.joinpath(name).read_bytes())
    for name in ("site.css", "site.js", "sigma.min.js", "graphology.umd.min.js", "sigma.LICENSE.txt",
                 "graphology.LICENSE.txt"):
        (out / "assets" / name).write_bytes(resources.files("qpgraph.site").joinpath("assets", name).read_bytes())


def write_graph_page(kg: KnowledgeGraph, out: str | Path) -> Path:
    """``graph.html`` (and, when it draws on WebGL, the data it reads; assets must be
    written too)."""
    site = _Site(kg, Path(out))
    if on_webgl(kg.graph):
        (site.out / _OVERVIEW_DATA).write_bytes(overview_script(overview_data(site)))
    return site.out / _write_graph(site)


def _write_graph(site: _Site) -> str:
    """``graph.html``: the whole graph, with filters and the org chart; drawn by
    vis-network (laid out at build time past ``PHYSICS_UP_TO`` nodes), or on WebGL
    from ``overview-data.js`` beyond what vis-network draws in a few seconds."""
    kg = site.kg
    if on_webgl(kg.graph):
        _render_overview_page(site, _GRAPH, "Graph")
        return _GRAPH
    data = site.data(kg.graph, "")
    options = graph_options(len(data["nodes"]))
    if options["physics"]["enabled"] is False:
        where = layout(kg.graph)
        for item in data["nodes"]:
            item["x"], item["y"] = where[item["id"]]
    provinces = sorted(d["name"] for _, d in kg.graph.nodes(data=True) if d["type"] == "province")
    site.render("graph.html.j2", _GRAPH, title="Graph", data=data, options=options, levels=LEVELS,
                legend=sorted(COLORS.items()), provinces=provinces)
    return _GRAPH


#: Above this many edges, the WebGL view draws those of the node clicked (every one on
#: request); above this many nodes, it draws them as points. Without a GPU (headless
#: Chromium here), a frame of 180,000 edges takes 12 s, of 70,000 circles 6 s.
OVERVIEW_ALL_EDGES, OVERVIEW_POINTS = 20_000, 5_000


def write_overview(kg: KnowledgeGraph, out: str | Path) -> Path:
    """``overview.html`` and ``overview-data.js``: every node of the graph on WebGL
    (:mod:`qpgraph.site.overview`; assets must be written too)."""
    site = _Site(kg, Path(out))
    return site.out / _write_overview(site)


def _write_overview(site: _Site) -> str:
    (site.out / _OVERVIEW_DATA).write_bytes(overview_script(overview_data(site)))
    _render_overview_page(site, _OVERVIEW, "Overview")
    return _OVERVIEW


def _render_overview_page(site: _Site, path: str, title: str) -> None:
    site.render("overview.html.j2", path, title=title, legend=sorted(COLORS.items()), levels=LEVELS,
                all_edges_below=OVERVIEW_ALL_EDGES, points_above=OVERVIEW_POINTS)


def write_site(
    kg: KnowledgeGraph, records: Iterable[ArticleRecords] | Mapping[str, ArticleRecords], out: str | Path, *,
    jobs: int = 1, state: Path | None = None, reuse: Reuse | None = None, judgements: Judgements = NONE,
) -> list[Path]:
    """Write the site of a graph (and the records it was built from) into ``out``,
    the person, unit and article pages on ``jobs`` processes.

    The pages are written into a new folder that takes the place of ``out`` once
    every page is there: a reader never sees half a site.

    ``state`` is a file kept between builds (an article's records are known there
    by their article's :func:`~qpgraph.store.article_key`): the pages whose inputs
    are what they were in the site it describes are taken from that site as they
    are (hard links), the others rendered (:mod:`qpgraph.site.reuse`); the new
    site's state is written there once the site is in place. ``reuse`` is what
    :func:`~qpgraph.site.reuse.plan` made of the last state, if it is made already.
    ``judgements``: those the graph was built with; the page of the pairs of persons to
    judge leaves out the pairs they decide.
    """
    out = Path(out)
    by_id = records if isinstance(records, Mapping) else {r.article.id: r for r in records}
    if reuse is None and state is not None:
        reuse = plan(kg.graph, articles_of(by_id.values()), take_last(state))
    order = reuse.order if reuse is not None else ego_order(kg.graph)
    stale: set[str] | None = None
    if reuse is not None and out.is_dir():
        stale = stale_pages(reuse.last, reuse.now, kg.graph, order, reuse.change)
    with replace_folder(out) as folder:
        site = _Site(kg, folder, order, by_id, judgements)
        write_assets(folder)
        pages = [node for node, kind in kg.graph.nodes(data="type") if kind in ("person", "unit", "province")]
        shown = [node_id("article", aid) for aid in sorted(by_id) if node_id("article", aid) in kg.graph]
        tasks = [*_WHOLE, *sorted(pages), *shown]
        paths = [_path_of(site, task) for task in tasks]
        for parent in sorted({path.rpartition("/")[0] for path in paths} - {""}):
            (folder / parent).mkdir(parents=True, exist_ok=True)
        # The index, the whole graph and the candidates show every node: always rendered.
        rendered = {task for task in tasks if stale is None or task in _WHOLE or task in stale}
        if len(rendered) < len(tasks):
            rendered.update(_reused(out, folder, [(task, path) for task, path in zip(tasks, paths, strict=True)
                                                  if task not in rendered]))
        _render_all(site, [task for task in tasks if task in rendered], jobs)
    if state is not None and reuse is not None:
        write_state(state, reuse.now)
    return [out / path for path in paths]


def _path_of(site: _Site, task: str) -> str:
    """Where a task's page goes, relative to the site root."""
    if task in _WHOLE:
        return task
    path = page_path(task, site.g.nodes[task]["type"])
    assert path is not None
    return path


def _reused(old: Path, new: Path, pages: list[tuple[str, str]]) -> list[str]:
    """Take each page (task, path from the site's root) of the last site ``old`` into
    the new one ``new`` (a hard link, or a copy where links cannot be made); the tasks
    whose page the last site does not have."""
    missing: list[str] = []
    with ExitStack() as stack:
        if os.link in os.supports_dir_fd:  # paths from the two folders: the kernel walks less
            source = os.open(old, os.O_RDONLY | os.O_DIRECTORY)
            stack.callback(os.close, source)
            target = os.open(new, os.O_RDONLY | os.O_DIRECTORY)
            stack.callback(os.close, target)

            def link(path: str) -> None:
                os.link(path, path, src_dir_fd=source, dst_dir_fd=target)
        else:
            def link(path: str) -> None:
                os.link(old / path, new / path)
        for task, path in pages:
            try:
                link(path)
            except FileNotFoundError:
                missing.append(task)
            except OSError:
                shutil.copyfile(old / path, new / path)
    return missing


def _write_index(site: _Site) -> Path:
    g = site.g
    by_type: dict[str, list[str]] = {}
    for node, data in g.nodes(data=True):
        by_type.setdefault(data["type"], []).append(node)
    counts = [(label, len(by_type.get(kind, []))) for kind, label in
              (("article", "articles"), ("person", "persons"), ("unit", "units"), ("event", "events"), ("province", "provinces"))]
    events = []
    # Newest first; an undated event is never the newest (after every dated one).
    dated = lambda e: g.nodes[e].get("date") is not None  # noqa: E731
    for eid in sorted(by_type.get("event", []), key=lambda e: (dated(e), sort_key(g.nodes[e].get("date")), e),
                      reverse=True)[:15]:
        data = g.nodes[eid]
        people = sorted((g.nodes[u]["name"], u) for u, _, d in g.in_edges(eid, data=True) if d["relation"] == "participated_in")
        events.append({"date": data.get("date"), "kind": data["kind"], "article": data["article"],
                       "article_href": site.article_href(data["article"], ""),
                       "participants": [{"name": n, "href": site.href(u, "")} for n, u in people]})
    search_index = []
    for node, data in g.nodes(data=True):
        href = site.href(node, "")
        if href is None:
            continue
        keys = sorted({strip_diacritics(f).lower() for f in [data["name"], *data.get("forms", [])]})
        search_index.append({"name": data["name"], "type": data["type"], "href": href, "keys": keys})
    def shown(node: str) -> str:  # an article by its headline
        data = g.nodes_table[node]
        return site.article_headline(node.partition(":")[2]) if data["type"] == "article" else str(data["name"])

    sections = [
        {"title": title, "entries": [{"name": name, "href": href} for name, href in sorted(
            (shown(n), str(site.href(n, ""))) for n in by_type.get(kind, []))]}
        for kind, title in (("province", "Provinces"), ("person", "Persons"), ("unit", "Units"), ("article", "Articles"))
    ]
    site.render("index.html.j2", "index.html", title="qpgraph", counts=counts, events=events,
                search_index=search_index, sections=sections)
    return site.out / "index.html"


#: The site and its tasks, inherited by forked workers (never pickled).
_WORK: tuple[_Site, list[str]] | None = None


def _render_all(site: _Site, tasks: list[str], jobs: int) -> list[str]:
    """Render every task (a node's id, or a page that is not a node's); on ``jobs`` forked
    processes when there are many, or when the graph is large (the index and the
    whole graph's page show every node: each is a run of its own). The pages are
    the same either way."""
    global _WORK
    many = len(tasks) >= MIN_PARALLEL_PAGES or site.g.number_of_nodes() >= MIN_PARALLEL_PAGES
    if jobs <= 1 or not many or "fork" not in multiprocessing.get_all_start_methods():
        return [_render(site, task) for task in tasks]
    _WORK = (site, tasks)
    if any(site.g.nodes_table.get(task, {}).get("type") == "article" for task in tasks):
        _entity_renderer()  # spaCy imported once here, not in every worker
    with frozen():
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=die_with_parent, initargs=(os.getpid(),))
    try:
        with pool:
            # Runs of tasks handed out as workers free up (hubs' pages cost more); in order.
            alone = next((k for k, task in enumerate(tasks) if task not in _WHOLE), len(tasks))
            runs = [(k, k + 1) for k in range(alone)]
            # Runs of at most _RUN pages, and at least four a worker (few pages are shared evenly).
            size = max(1, min(_RUN, (len(tasks) - alone) // (jobs * 4)))
            runs += [(start, min(start + size, len(tasks))) for start in range(alone, len(tasks), size)]
            parts = pool.map(_render_run, runs, chunksize=1)
    finally:
        _WORK = None
    return [path for part in parts for path in part]


_RUN = 128


def _render_run(run: tuple[int, int]) -> list[str]:
    assert _WORK is not None
    site, tasks = _WORK
    return [_render(site, task) for task in tasks[run[0]:run[1]]]


#: The tasks of the pages that are not a node's (node ids have a ``type:`` prefix).
_INDEX, _GRAPH, _CANDIDATES = "index.html", "graph.html", "candidates.html"
_FEED_PAGES = {f"feeds/{feed.name}.html": feed for feed in FEEDS}
_OVERVIEW, _OVERVIEW_DATA = "overview.html", "overview-data.js"
_WHOLE = (_INDEX, _GRAPH, _OVERVIEW, _CANDIDATES, *_FEED_PAGES)


def _render(site: _Site, task: str) -> str:
    if site.g.nodes_table.get(task, {}).get("type") == "article":
        return _render_article(site, site.records[site.article_of[task]])
    if task == _INDEX:
        return _write_index(site).relative_to(site.out).as_posix()
    if task == _GRAPH:
        return _write_graph(site)
    if task == _CANDIDATES:
        return _write_candidates(site)
    if task in _FEED_PAGES:
        return _write_feed(site, _FEED_PAGES[task])
    if task == _OVERVIEW:
        return _write_overview(site)
    return _render_entity(site, task)


#: The most lines a feed's page shows (the newest; its CSV has them all).
FEED_SHOWN = 2000


def _write_feed(site: _Site, feed: Feed) -> str:
    """A feed's page, newest first, filtered in the page by force, province and date,
    and its lines as CSV beside it (:mod:`qpgraph.site.feeds`)."""
    lines = feed_lines(site, feed)
    path = f"feeds/{feed.name}.html"
    (site.out / "feeds").mkdir(exist_ok=True)
    (site.out / "feeds" / f"{feed.name}.csv").write_text(to_csv(lines), encoding="utf-8")
    site.render("feed.html.j2", path, title=feed.title, feed=feed, feeds=FEEDS, lines=lines[:FEED_SHOWN], total=len(lines),
                forces=[f for f in FORCES if any(f in line["force"] for line in lines)],
                provinces=sorted({p for line in lines for p in line["provinces"]}))
    return path


#: The most pairs the candidates page shows (``qpgraph candidates`` lists them all).
CANDIDATES_SHOWN = 200


def _write_candidates(site: _Site) -> str:
    """The pairs of persons an analyst should judge (``qpgraph candidates``), each side
    with its posts and sentence, and the line to add to ``data/judgements.yaml``."""
    found = candidate_pairs(site.kg, site.judgements)
    pairs = []
    for candidate in candidates(site.kg, site.judgements, CANDIDATES_SHOWN, found):
        sides = [{**side.model_dump(), "href": site.href(side.node, ""), "article_href": site.article_href(side.article, "")}
                 for side in (candidate.a, candidate.b)]
        pairs.append({"kind": candidate.kind, "sides": sides, "line": candidate.judgement()})
    site.render("candidates.html.j2", _CANDIDATES, title="Pairs to judge", pairs=pairs, total=len(found))
    return _CANDIDATES


#: The most timeline entries and sources a page lists (a ministry's run to thousands:
#: the newest entries and the first sources; the store has every one).
ENTRIES_SHOWN = 500


def newest(entries: list[TimelineEntry], limit: int) -> list[TimelineEntry]:
    """The ``limit`` newest of a timeline's ``entries`` (in date order, the undated
    last: after the dated ones, never newer than one), in their order."""
    if len(entries) <= limit:
        return entries
    dated = sum(1 for e in entries if e.date is not None)
    return entries[dated - limit:dated] if dated >= limit else entries[:limit]


def _render_entity(site: _Site, node: str) -> str:
    g, kg = site.g, site.kg
    nd = g.nodes[node]
    if nd["type"] == "province":
        return render_province(site, node)
    path = page_path(node, nd["type"])
    assert path is not None
    entries = kg.timeline(node)
    timeline = [
        {"date": t.date, "relation": t.relation, "what": t.what,
         "other_href": site.href(t.other, "../") if t.other and t.other in g else None,
         "evidence": [{"article": e.article, "sentence_text": snippet(e.sentence_text, e.text),
                       "href": site.article_href(e.article, "../")}
                      for e in t.evidence]}
        for t in newest(entries, ENTRIES_SHOWN)
    ]
    sources = [{**c, "href": site.article_href(c["article"], "../")} for c in site.cited(node, ENTRIES_SHOWN)]
    posts = unit_posts(site, node) if nd["type"] == "unit" else {"leaders": [], "succession": [], "part_of": [], "parts": []}
    person = person_view(site, node) if nd["type"] == "person" else {"current": [], "career": None, "met": []}
    merge = nd.get("merge", {}).get("reason") if nd["type"] == "person" else None
    node_view = {"type": nd["type"], "name": nd["name"], "forms": nd.get("forms", []), "rank": nd.get("rank"), "merge": merge}
    site.render("entity.html.j2", path, title=nd["name"], node=node_view, timeline=timeline, entries=len(entries),
                sources=sources, cited=len(nd.get("evidence", [])), ego=_neighbourhood(site, node, ""), **posts,
                **person)  # the scripts add the root
    return path


def _render_article(site: _Site, rec: ArticleRecords) -> str:
    g = site.g
    node = node_id("article", rec.article.id)
    path = page_path(node, "article")
    assert path is not None
    around = [node] + sorted(u for u, _, d in g.in_edges(node, data=True) if d["relation"] in ("mentioned_in", "reported_in"))
    own = sorted(_edges_of_article(g, around, rec.article.id), key=lambda e: e[:3])
    # The evidence of every edge is the text above, highlighted.
    ego = {"nodes": [site.page_item(n, "") for n in sorted(around)],  # the scripts add the root
           "edges": [site.edge_item(u, v, k, d, evidence=False) for u, v, k, d in own]}
    site.render("article.html.j2", path, title=rec.article.title or rec.article.id,
                article={"id": rec.article.id, "title": rec.article.title or rec.article.id,
                         "date": rec.date or rec.article.published, "url": rec.article.url},
                highlighted=_highlighted(rec), ego=ego)
    return path
