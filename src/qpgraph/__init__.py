"""qpgraph: Vietnamese defence and party news into a knowledge graph.

In a notebook::

    import qpgraph
    kg = qpgraph.load("build")                 # after `qpgraph build data/raw --out build`
    kg = qpgraph.build_graph(["data/raw"])     # or straight from the articles
    kg.graph                                   # the networkx MultiDiGraph
    kg.posts("Trần Văn A"), kg.leaders("Quân khu 7", on="2025-12-31")
"""

from __future__ import annotations

from .graph.io import from_articles as build_graph
from .graph.io import load
from .graph.knowledge import KnowledgeGraph
from .version import __version__

__all__ = ["load", "build_graph", "KnowledgeGraph", "__version__"]
