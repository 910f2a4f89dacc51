/* qpgraph site: search, tooltips and small graphs. Article text only ever
   enters the page through textContent, never as HTML. */
"use strict";
(function () {
  const COLORS = { person: "#e4572e", unit: "#4c78a8", province: "#59a14f", event: "#f2b134", article: "#9c755f" };
  const SHAPES = { person: "dot", unit: "box", province: "diamond", event: "star", article: "square" };
  // Edges by relation: what a line means is seen without clicking it.
  const RELATION_COLORS = { holds: "#c0392b", part_of: "#4c78a8", participated_in: "#e69f00", in_province: "#59a14f",
    merged_into: "#8e44ad", reported_in: "#b8a89a", mentioned_in: "#cfc6bd" };
  const SVG = "http://www.w3.org/2000/svg";
  // What the date fields take: a year, a month or a day, ISO (YYYY, YYYY-MM, YYYY-MM-DD).
  const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
    return node;
  }

  // The legend's swatch of a node type: the shape and colour the graph draws it with.
  function swatch(type) {
    const box = svg("svg", { viewBox: "0 0 16 16", width: 16, height: 16, class: "shape", "aria-hidden": "true" });
    const fill = COLORS[type];
    const drawn = {
      dot: () => svg("circle", { cx: 8, cy: 8, r: 6, fill }),
      box: () => svg("rect", { x: 1, y: 4, width: 14, height: 8, rx: 2, fill }),
      square: () => svg("rect", { x: 2, y: 2, width: 12, height: 12, fill }),
      diamond: () => svg("polygon", { points: "8,1 15,8 8,15 1,8", fill }),
      star: () => svg("polygon", { points: "8,1 10,6 15,6 11,9.5 12.5,15 8,11.5 3.5,15 5,9.5 1,6 6,6", fill }),
    }[SHAPES[type]];
    if (drawn) box.appendChild(drawn());
    return box;
  }

  // Fill a page's legend: each node type's swatch, and a line per relation.
  function legend(root) {
    root.querySelectorAll(".swatch[data-type]").forEach((span) => span.replaceChildren(swatch(span.dataset.type)));
    const edges = root.getElementById("edge-legend");
    if (!edges) return;
    Object.entries(RELATION_COLORS).forEach(([relation, color]) => {
      const row = el("div", { class: "relation" });
      const line = svg("svg", { viewBox: "0 0 24 8", width: 24, height: 8, "aria-hidden": "true" });
      line.appendChild(svg("line", { x1: 0, y1: 4, x2: 24, y2: 4, stroke: color, "stroke-width": 2.5 }));
      row.appendChild(line);
      row.appendChild(document.createTextNode(" " + relation.replace("_", " ")));
      edges.appendChild(row);
    });
  }

  function readData(id) {
    const el = document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function evidenceList(items, root) {
    const list = el("ul", { class: "evidence" });
    (items || []).forEach((e) => {
      const li = el("li");
      const link = el("a", { href: root + e.href, title: e.article }, (e.label || e.article) + (e.date ? " (" + e.date + ")" : ""));
      li.appendChild(link);
      if (e.sentence_text) li.appendChild(el("span", { class: "sentence" }, " " + e.sentence_text));
      list.appendChild(li);
    });
    return list;
  }

  function tooltip(item, root) {
    const box = el("div", { class: "tooltip" });
    box.appendChild(el("b", {}, item.name || item.relation));
    if (item.relation && item.name) box.appendChild(el("div", {}, item.relation));
    (item.evidence || []).slice(0, 3).forEach((e) => {
      box.appendChild(el("span", { class: "sentence" }, "“" + (e.sentence_text || e.text || "") + "”"));
      const source = el("div");
      source.appendChild(el("a", { href: root + e.href, title: e.article }, e.label || e.article));
      if (e.date) source.appendChild(document.createTextNode(", " + e.date));
      box.appendChild(source);
    });
    return box;
  }

  function visNodes(nodes, root) {
    return nodes.map((n) => Object.assign({}, n, {
      label: n.name,
      color: COLORS[n.type], shape: SHAPES[n.type],
      font: n.type === "unit" ? { color: "#fff" } : undefined,
      title: tooltip(n, root),
    }));
  }

  function visEdges(edges, root) {
    return edges.map((e) => Object.assign({}, e, { label: e.relation, arrows: "to", title: tooltip(e, root),
      color: { color: RELATION_COLORS[e.relation] || "#999", highlight: "#222", hover: "#222" }, font: { size: 9, align: "middle" } }));
  }

  function smallGraph(containerId, data, root) {
    const container = document.getElementById(containerId);
    if (!container || !data) return null;
    const network = new vis.Network(container, {
      nodes: new vis.DataSet(visNodes(data.nodes, root)),
      edges: new vis.DataSet(visEdges(data.edges, root)),
    }, { layout: { randomSeed: 7, improvedLayout: data.nodes.length < 150 }, physics: { stabilization: { iterations: 300 } },
         interaction: { hover: true } });
    network.on("doubleClick", (p) => {
      const node = p.nodes.length ? data.nodes.find((n) => n.id === p.nodes[0]) : null;
      if (node && node.href) window.location.href = root + node.href;
    });
    return network;
  }

  function search(inputId, listId, index, root) {
    const input = document.getElementById(inputId);
    const list = document.getElementById(listId);
    if (!input || !list) return;
    const run = () => {
      const q = fold(input.value.trim());
      list.replaceChildren();
      if (!q) return;
      index.filter((e) => e.keys.some((k) => k.includes(q))).slice(0, 50).forEach((e) => {
        const li = el("li");
        li.appendChild(el("span", { class: "tag " + e.type }, e.type));
        li.appendChild(el("a", { href: root + e.href }, e.name));
        list.appendChild(li);
      });
    };
    input.addEventListener("input", run);
    run();
  }

  // The org chart into ``org``: the units (id, name, href, level: an index of ``levels``)
  // as trees by their ``partOf`` pairs (part, whole), in sections by level (national,
  // ministries and military regions, provinces, other), the parts of a body listed by
  // level too; folded below the first level.
  function orgChart(org, list, partOf, levels) {
    const units = new Map(list.map((n) => [n.id, n]));
    const children = new Map();
    const hasParent = new Set();
    partOf.filter(([from, to]) => units.has(from) && units.has(to)).forEach(([from, to]) => {
      if (!children.has(to)) children.set(to, new Set());
      children.get(to).add(from);
      hasParent.add(from);
    });
    const byLevel = (a, b) => units.get(a).level - units.get(b).level || units.get(a).name.localeCompare(units.get(b).name, "vi");
    const seen = new Set();
    // A list of bodies, a heading before each level when they are of more than one.
    const items = (ids, depth) => {
      const ul = el("ul", depth ? {} : { class: "tree" });
      const mixed = new Set(ids.map((id) => units.get(id).level)).size > 1;
      let level = -1;
      ids.forEach((id) => {
        if (seen.has(id)) return;
        if (mixed && units.get(id).level !== level) {
          level = units.get(id).level;
          ul.appendChild(el("li", { class: "level" }, levels[level]));
        }
        ul.appendChild(item(id, depth));
      });
      return ul;
    };
    const item = (id, depth) => {
      const unit = units.get(id);
      const below = [...(children.get(id) || [])].filter((c) => !seen.has(c)).sort(byLevel);
      seen.add(id);
      const label = unit.href ? el("a", { href: unit.href }, unit.name) : el("span", {}, unit.name);
      if (!below.length) { const li = el("li", { class: "leaf" }); li.appendChild(label); return li; }
      const details = el("details");
      if (depth < 1) details.open = true;
      const summary = el("summary");
      summary.appendChild(label);
      summary.appendChild(el("span", { class: "count" }, " " + below.length));
      details.appendChild(summary);
      details.appendChild(items(below, depth + 1));
      const li = el("li");
      li.appendChild(details);
      return li;
    };
    // The bodies that are part of none, by level; then any left in a loop of parts.
    const tops = [...units.keys()].filter((id) => !hasParent.has(id)).sort(byLevel);
    const sections = levels.map((name, level) => [name, tops.filter((id) => units.get(id).level === level)]);
    sections.forEach(([name, ids]) => {
      if (!ids.length) return;
      const section = el("section", { class: "level" });
      section.appendChild(el("h3", {}, name + " (" + ids.length + ")"));
      section.appendChild(items(ids, 0));
      org.appendChild(section);
    });
    const looped = [...units.keys()].filter((id) => !seen.has(id)).sort(byLevel);
    if (looped.length) {
      const section = el("section", { class: "level" });
      section.appendChild(el("h3", {}, "in a loop of parts (" + looped.length + ")"));
      section.appendChild(items(looped, 0));
      org.appendChild(section);
    }
    org.prepend(el("p", { class: "sentence" }, units.size + " bodies; those part of no other by level, "
        + "each with its parts"));
  }

  // The Graph and Org chart tabs of a page (#tab-free, #tab-org): ``view`` or ``org``
  // shown; the org chart made by ``build(org)`` the first time it is, ``shown()`` called
  // when the graph is shown again.
  function orgTabs(view, org, build, shown) {
    let built = false;
    const tab = (free) => {
      document.getElementById("tab-free").setAttribute("aria-selected", String(free));
      document.getElementById("tab-org").setAttribute("aria-selected", String(!free));
      if (!free && !built) { build(org); built = true; }
      view.hidden = !free;
      org.hidden = free;
      if (free) shown();
    };
    document.getElementById("tab-free").addEventListener("click", () => tab(true));
    document.getElementById("tab-org").addEventListener("click", () => tab(false));
  }

  window.qpsite = { readData, fold, el, evidenceList, tooltip, visNodes, visEdges, smallGraph, search, legend, swatch, orgChart, orgTabs,
    COLORS, SHAPES, RELATION_COLORS, ISO_DATE };
})();
